"""Every text value of every content file, with where it is: what a check of the published words reads.

Keys are field names, not content; comments are not published. Numbers and dates that
YAML reads as such are given as text too. The line of a value is found only when asked
(``YamlFile.line_of`` re-reads the file the slow way).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .yamlfile import YamlFile, field_name, read_yaml


@dataclass(frozen=True)
class YamlText:
    doc: YamlFile
    loc: tuple[str | int, ...]
    text: str

    @property
    def file(self) -> str:
        return self.doc.name

    @property
    def line(self) -> int | None:
        return self.doc.line_of(self.loc)

    @property
    def field(self) -> str:
        return field_name(self.loc)


def yaml_texts(root: Path, project_dir: Path, skip: frozenset[Path] = frozenset()) -> Iterator[YamlText]:
    """The text values of every ``*.yaml`` under ``root`` (a checked ``content/``), file by file."""
    root, project_dir = root.resolve(), project_dir.resolve()
    for path in sorted(root.rglob("*.yaml")):
        relative = path.relative_to(root)
        if not path.is_file() or path.resolve() in skip or any(part.startswith(".") for part in relative.parts):
            continue  # a folder named x.yaml, a pipe or a device is no content file (the inventory names strays)
        try:
            name = path.resolve().relative_to(project_dir).as_posix()
        except ValueError:
            name = path.as_posix()
        doc = read_yaml(path, name)
        yield from _values(doc, doc.data, ())


def _values(doc: YamlFile, node: Any, loc: tuple[str | int, ...]) -> Iterator[YamlText]:
    if isinstance(node, dict):
        for name, value in node.items():
            yield from _values(doc, value, (*loc, str(name)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _values(doc, value, (*loc, i))
    elif node is not None and not isinstance(node, bool):
        yield YamlText(doc, loc, str(node))
