"""Reports: ``content/reports/<folder>/report.yaml`` and one file per task in ``tasks/``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem
from ..schema.report import Report, Task
from ..util.text import ID_RULE, is_id
from .located import Located
from .reader import Reader

REPORTS_DIR = "reports"
REPORT_FILE = "report.yaml"
TASKS_DIR = "tasks"


@dataclass(frozen=True)
class ReportEntry:
    slug: str
    report: Report
    tasks: tuple[Task, ...]
    where: Located
    task_where: tuple[Located, ...] = ()  # parallel to ``tasks``
    unreadable_tasks: int = 0  # task files with errors (already reported), not in ``tasks``


def load_reports(reader: Reader) -> list[ReportEntry]:
    """Every report that loads, newest first."""
    entries = []
    for folder in sorted(p for p in (reader.root / REPORTS_DIR).glob("*") if p.is_dir()):
        if not is_id(folder.name):
            reader.refuse(folder, Problem(reader.name(folder), None, "",
                                          "tên thư mục báo cáo không dùng được làm địa chỉ trang",
                                          found=repr(folder.name), expected=f"{ID_RULE}, ví dụ 2025-bao-cao-cam-ket"))
            continue
        entry = _report(reader, folder)
        if entry is not None:
            entries.append(entry)
    return sorted(entries, key=lambda e: (e.report.year, e.slug), reverse=True)


def _report(reader: Reader, folder: Path) -> ReportEntry | None:
    path = folder / REPORT_FILE
    if not path.is_file():
        reader.refuse(folder, Problem(reader.name(folder), None, "", "thư mục báo cáo thiếu tệp report.yaml",
                                      expected=reader.name(path)))
        return None
    report, where = reader.model(Report, path)
    loaded = []
    task_files = reader.yaml_files(folder / TASKS_DIR)
    for task_path in task_files:
        task, task_at = reader.model(Task, task_path)
        if task is not None and task_at is not None:
            loaded.append((task, task_at))
    if report is None or where is None:
        return None
    loaded.sort(key=lambda pair: pair[0].number)
    return ReportEntry(folder.name, report, tuple(t for t, _ in loaded), where, tuple(w for _, w in loaded),
                       len(task_files) - len(loaded))
