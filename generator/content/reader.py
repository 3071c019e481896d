"""Reads content files for every loader, collecting problems instead of stopping at the first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from ..problems import ContentError, Problem
from ..util.fs import inside, resolved
from .located import Located
from .yamlfile import YamlFile, parse_model, read_yaml

M = TypeVar("M", bound=BaseModel)


class Reader:
    """One pass over ``content/``: every problem found is kept, so a clerk sees them all."""

    def __init__(self, root: Path, project_dir: Path | None = None, as_of: dt.date | None = None):
        self.root = root.resolve()
        self.as_of = as_of or dt.date.today()
        self.project_dir = (project_dir or self.root.parent).resolve()
        self.problems: list[Problem] = []
        self.accounted: set[Path] = set()  # every file a loader read or an attachment named

    def name(self, path: Path) -> str:
        """How a file is named in messages: relative to the project, e.g. ``content/unit.yaml``."""
        try:
            return path.resolve().relative_to(self.project_dir).as_posix()
        except (ValueError, OSError, RuntimeError):  # outside the project; a link that points to itself
            try:
                return path.relative_to(self.project_dir).as_posix()
            except ValueError:
                return path.as_posix()

    def read(self, path: Path) -> YamlFile | None:
        self.accounted.add(resolved(path))
        if not inside(path, self.root):
            self.problems.append(Problem(self.name(path), None, "", "tệp nằm ngoài thư mục content/",
                                         expected="mọi tệp nội dung nằm trong content/"))
            return None
        try:
            return read_yaml(path, self.name(path))
        except ContentError as exc:
            self.problems.extend(exc.problems)
            return None

    def model(self, model: type[M], path: Path) -> tuple[M | None, Located | None]:
        """The file validated against ``model``, and where it is; (None, …) when it has errors."""
        doc = self.read(path)
        if doc is None:
            return None, None
        value, problems = parse_model(model, doc)
        self.problems.extend(problems)
        return value, Located(doc.name, doc)

    def refuse(self, path: Path, problem: Problem | None) -> None:
        """Report a file or folder as unusable (or, with no problem, as not checkable because of
        another error already reported); what it holds needs no second message."""
        if problem is not None:
            self.problems.append(problem)
        self.accounted.add(resolved(path))
        if path.is_dir():
            self.accounted.update(resolved(p) for p in path.rglob("*"))

    def yaml_files(self, folder: Path) -> list[Path]:
        """The content files of a folder: ``*.yaml`` exactly (anything else is reported by the inventory)."""
        return sorted(p for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []
