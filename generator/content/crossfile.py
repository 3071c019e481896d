"""Checks that span several files: task numbering, evidence references, page addresses."""

from __future__ import annotations

from collections import defaultdict

from ..problems import Problem
from ..util.suggest import suggest
from . import paths
from .evidence import EVIDENCE_DIR, EvidenceEntry
from .reports import ReportEntry


def cross_file(reports: list[ReportEntry], evidence: dict[str, EvidenceEntry],
               invalid_evidence: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    for entry in reports:
        problems += task_numbers(entry)
        problems += evidence_references(entry, set(evidence) | invalid_evidence)
    problems += unique_pages(reports, evidence)
    return problems


def task_numbers(entry: ReportEntry) -> list[Problem]:
    problems = []
    seen: dict[int, str] = {}
    for task, where in zip(entry.tasks, entry.task_where, strict=True):
        if task.number in seen:
            problems.append(Problem(where.file, where.line("number"), "number",
                                    f"số thứ tự nhiệm vụ bị trùng với tệp {seen[task.number]}",
                                    found=str(task.number), expected="mỗi nhiệm vụ một số riêng"))
        seen.setdefault(task.number, where.file)
    if entry.unreadable_tasks:
        return problems  # a task with errors has no number yet: a gap would be a false alarm
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
    for task, where in zip(entry.tasks, entry.task_where, strict=True):
        for i, ref in enumerate(task.evidence):
            if ref not in known:
                close = suggest(ref, sorted(known))
                hint = f"có phải ý bạn là '{close}'?" if close else f"mã một tệp trong content/{EVIDENCE_DIR}/"
                problems.append(Problem(where.file, where.line("evidence", i), f"evidence[{i}]",
                                        f"không tìm thấy tài liệu '{ref}'", found=repr(ref), expected=hint))
    return problems


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
                                    found=", ".join(files),
                                    expected="đổi tên thư mục hoặc tệp để mỗi trang có địa chỉ riêng"))
    return problems
