"""The loaded, validated content of a site: what every later step reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .schema import Evidence, Report, Task, Unit

if TYPE_CHECKING:
    from .disclosure import Disclosure
    from .errors import Problem
from .yamlfile import YamlFile, field_name


@dataclass(frozen=True)
class Located:
    """Where a record came from, for messages: ``content/…yaml`` and the parsed file."""

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


@dataclass(frozen=True)
class ReportEntry:
    slug: str
    report: Report
    tasks: tuple[Task, ...]
    where: Located
    task_where: tuple[Located, ...] = ()  # parallel to ``tasks``

    @cached_property
    def figures(self) -> list:
        """Every figure of the report (see ``figures.report_figures``), found once and kept:
        the home page, report page and figure checks all show them."""
        from .figures import report_figures  # figures builds on this module
        return report_figures(self)


@dataclass(frozen=True)
class EvidenceEntry:
    id: str
    evidence: Evidence
    where: Located


@dataclass(frozen=True)
class Content:
    root: Path
    unit: Unit
    reports: tuple[ReportEntry, ...]  # newest first
    evidence: dict[str, EvidenceEntry]
    disclosure: Disclosure | None = None   # the public-disclosure portal, if content/ has one
    warnings: tuple[Problem, ...] = ()     # found while loading; errors stop the load instead

    @property
    def latest(self) -> ReportEntry | None:
        return self.reports[0] if self.reports else None

    def citing(self, evidence_id: str) -> list[tuple[ReportEntry, Task]]:
        """Every task, of every report, that cites ``evidence_id``."""
        return list(self._citations.get(evidence_id, ()))

    @cached_property
    def _citations(self) -> dict[str, list[tuple[ReportEntry, Task]]]:
        # One pass over all tasks: asking each evidence page to scan every task made
        # rendering grow with evidence x tasks (quadratic in the archive's size).
        index: dict[str, list[tuple[ReportEntry, Task]]] = {}
        for entry in self.reports:
            for task in entry.tasks:
                for evidence_id in dict.fromkeys(task.evidence):
                    index.setdefault(evidence_id, []).append((entry, task))
        return index
