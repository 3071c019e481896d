"""Where a record came from, for messages: the content file, and the line of a field in it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .yamlfile import YamlFile, field_name


@dataclass(frozen=True)
class Located:
    """A content file (``content/…yaml``) and its parsed text, to find lines in."""

    file: str
    doc: YamlFile | None = field(default=None, compare=False, repr=False)

    def line(self, *loc: str | int) -> int | None:
        return self.doc.line_of(loc) if self.doc else None


class AtField:
    """For records found in one field of a content file (a figure, a citation): where they
    are, for messages. The line is looked up only when asked: finding lines re-reads the
    file the slow way."""

    where: Located
    loc: tuple[str | int, ...]

    @property
    def file(self) -> str:
        return self.where.file

    @property
    def line(self) -> int | None:
        return self.where.line(*self.loc)

    @property
    def field(self) -> str:
        return field_name(self.loc)
