"""Checks that span several files: numbering, references, paths, page addresses."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Callable

from . import paths
from .content import EvidenceEntry, ReportEntry
from .errors import Problem
from .yamlfile import suggest


def inside(path: Path, root: Path) -> bool:
    """True when ``path`` (after following links and '..') stays within ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def cross_file(root: Path, name: Callable[[Path], str], reports: list[ReportEntry],
               evidence: dict[str, EvidenceEntry], invalid_evidence: set[str] = frozenset()) -> list[Problem]:
    problems: list[Problem] = []
    for entry in reports:
        problems += task_numbers(entry)
        problems += evidence_references(entry, set(evidence) | set(invalid_evidence))
    for item in evidence.values():
        problems += attachment(root, name, item)
    problems += unique_pages(reports, evidence)
    return problems


def task_numbers(entry: ReportEntry) -> list[Problem]:
    problems = []
    seen: dict[int, str] = {}
    for task, where in zip(entry.tasks, entry.task_where):
        if task.number in seen:
            problems.append(Problem(where.file, where.line("number"), "number",
                                    f"số thứ tự nhiệm vụ bị trùng với tệp {seen[task.number]}",
                                    found=str(task.number), expected="mỗi nhiệm vụ một số riêng"))
        seen.setdefault(task.number, where.file)
    for expected, number in enumerate(sorted(seen), start=1):
        if number != expected:
            where = entry.task_where[[t.number for t in entry.tasks].index(number)]
            problems.append(Problem(where.file, where.line("number"), "number",
                                    "số thứ tự nhiệm vụ không liên tục", found=str(number),
                                    expected=f"{expected} (các nhiệm vụ đánh số 1, 2, 3, … không bỏ số)"))
            break
    return problems


def evidence_references(entry: ReportEntry, known: set[str]) -> list[Problem]:
    problems = []
    for task, where in zip(entry.tasks, entry.task_where):
        for i, ref in enumerate(task.evidence):
            if ref not in known:
                close = suggest(ref, sorted(known))
                hint = f"có phải ý bạn là '{close}'?" if close else "mã một tệp trong content/evidence/"
                problems.append(Problem(where.file, where.line("evidence", i), f"evidence[{i}]",
                                        f"không tìm thấy tài liệu '{ref}'", found=repr(ref), expected=hint))
    return problems


def attachment(root: Path, name: Callable[[Path], str], item: EvidenceEntry) -> list[Problem]:
    if item.evidence.file is None:
        return []
    target = root / item.evidence.file
    line = item.where.line("file")
    if not inside(target, root):
        return [Problem(item.where.file, line, "file", "đường dẫn tệp đi ra ngoài thư mục content/",
                        found=repr(item.evidence.file), expected="một tệp nằm trong content/, ví dụ evidence/tep/kh-124.pdf")]
    if not target.is_file():
        return [Problem(item.where.file, line, "file", "không tìm thấy tệp đính kèm",
                        found=repr(item.evidence.file), expected=f"tệp có thật tại {name(target)}")]
    return []


def unique_pages(reports: list[ReportEntry], evidence: dict[str, EvidenceEntry]) -> list[Problem]:
    owners: dict[str, list[str]] = defaultdict(list)
    for entry in reports:
        owners[paths.report_page(entry.slug)].append(entry.where.file)
        # Two tasks with one number are reported by task_numbers(); one message is enough.
        for number in {task.number for task in entry.tasks}:
            owners[paths.task_page(entry.slug, number)].append(entry.where.file)
    for item in evidence.values():
        owners[paths.evidence_page(item.id)].append(item.where.file)
    owners[paths.EVIDENCE_REGISTER].append("(sổ tài liệu kiểm chứng)")
    problems = []
    for page, files in owners.items():
        if len(set(files)) > 1:
            problems.append(Problem(files[1], None, "", f"hai tệp tạo ra cùng một trang {page}",
                                    found=", ".join(files), expected="đổi tên thư mục hoặc tệp để mỗi trang có địa chỉ riêng"))
    return problems
