"""Load every content file, validate it, and run the checks that span files.

Reports every problem it finds before failing, so a clerk can fix them all in one pass.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from . import checks
from .content import Content, EvidenceEntry, Located, ReportEntry
from .disclosure_load import load_disclosure
from .errors import ContentError, Problem, Severity
from .schema import Evidence, Report, Task, Unit
from .yamlfile import YamlFile, parse_model, read_yaml

UNIT_FILE = "unit.yaml"
EVIDENCE_DIR = "evidence"
REPORTS_DIR = "reports"
REPORT_FILE = "report.yaml"
TASKS_DIR = "tasks"
EVIDENCE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class Loader:
    """Collects problems while reading ``content/``; ``load`` raises them all at once."""

    def __init__(self, root: Path, project_dir: Path | None = None, as_of: dt.date | None = None):
        self.root = root.resolve()
        self.as_of = as_of or dt.date.today()
        self.project_dir = (project_dir or self.root.parent).resolve()
        self.problems: list[Problem] = []
        # Evidence files that exist but have errors: citing them is not a second error.
        self.invalid_evidence: set[str] = set()

    def name(self, path: Path) -> str:
        """How a file is named in messages: relative to the project, e.g. ``content/unit.yaml``."""
        try:
            return path.resolve().relative_to(self.project_dir).as_posix()
        except ValueError:
            return path.as_posix()

    def read(self, path: Path) -> YamlFile | None:
        if not checks.inside(path, self.root):
            self.problems.append(Problem(self.name(path), None, "", "tệp nằm ngoài thư mục content/",
                                         expected="mọi tệp nội dung nằm trong content/"))
            return None
        try:
            return read_yaml(path, self.name(path))
        except ContentError as exc:
            self.problems.extend(exc.problems)
            return None

    def model(self, model, path: Path):
        doc = self.read(path)
        if doc is None:
            return None, None
        value, problems = parse_model(model, doc)
        self.problems.extend(problems)
        return value, Located(doc.name, doc)

    def load(self) -> Content:
        if not self.root.is_dir():
            raise ContentError([Problem(self.name(self.root), None, "", "không tìm thấy thư mục nội dung",
                                        expected="thư mục content/ bên cạnh mkdocs.yml")])
        unit = self._unit()
        evidence = self._evidence()
        reports = self._reports()
        disclosure = load_disclosure(self, self.as_of)
        self.problems.extend(checks.cross_file(self.root, self.name, reports, evidence, self.invalid_evidence))
        if any(p.severity is Severity.error for p in self.problems) or unit is None:
            raise ContentError(self.problems)
        warnings = tuple(p for p in self.problems if p.severity is Severity.warning)
        return Content(self.root, unit, tuple(reports), evidence, disclosure, warnings)

    def _unit(self) -> Unit | None:
        path = self.root / UNIT_FILE
        if not path.is_file():
            self.problems.append(Problem(self.name(path), None, "", "thiếu tệp thông tin đơn vị",
                                         expected="tệp content/unit.yaml với tên đơn vị, thành phố, tỉnh"))
            return None
        return self.model(Unit, path)[0]

    def _evidence(self) -> dict[str, EvidenceEntry]:
        found: dict[str, EvidenceEntry] = {}
        for path in sorted((self.root / EVIDENCE_DIR).glob("*.y*ml")):
            if not EVIDENCE_ID.fullmatch(path.stem):
                self.problems.append(Problem(self.name(path), None, "", "tên tệp không dùng được làm mã tài liệu",
                                             found=repr(path.name), expected="chữ thường không dấu, số và '-', ví dụ kh-124-ubnd-2024.yaml"))
                continue
            value, where = self.model(Evidence, path)
            if value is not None:
                found[path.stem] = EvidenceEntry(path.stem, value, where)
            else:
                self.invalid_evidence.add(path.stem)
        return found

    def _reports(self) -> list[ReportEntry]:
        entries = []
        for folder in sorted(p for p in (self.root / REPORTS_DIR).glob("*") if p.is_dir()):
            entry = self._report(folder)
            if entry is not None:
                entries.append(entry)
        return sorted(entries, key=lambda e: (e.report.year, e.slug), reverse=True)

    def _report(self, folder: Path) -> ReportEntry | None:
        path = folder / REPORT_FILE
        if not path.is_file():
            self.problems.append(Problem(self.name(folder), None, "", "thư mục báo cáo thiếu tệp report.yaml",
                                         expected=f"{self.name(path)}"))
            return None
        report, where = self.model(Report, path)
        loaded = []
        for task_path in sorted((folder / TASKS_DIR).glob("*.y*ml")):
            task, task_at = self.model(Task, task_path)
            if task is not None:
                loaded.append((task, task_at))
        if report is None:
            return None
        loaded.sort(key=lambda pair: pair[0].number)
        return ReportEntry(folder.name, report, tuple(t for t, _ in loaded), where, tuple(w for _, w in loaded))


def load_content(root: Path, project_dir: Path | None = None, as_of: dt.date | None = None) -> Content:
    """Load and validate ``root`` (a ``content/`` folder); raise ContentError listing every problem.

    ``as_of`` is the reference date of the disclosure status (default: today).
    """
    return Loader(root, project_dir, as_of).load()
