"""Checks that span several files: task numbering, evidence references, page addresses."""

from __future__ import annotations

from collections import defaultdict

from ..problems import Problem, Severity
from ..schema.unit import Unit, unit_key
from ..util.suggest import suggest
from . import paths
from .evidence import EVIDENCE_DIR, EvidenceEntry
from .reports import ReportEntry


def cross_file(unit: Unit | None, reports: list[ReportEntry], evidence: dict[str, EvidenceEntry],
               invalid_evidence: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    for entry in reports:
        problems += task_numbers(entry)
        problems += evidence_references(entry, set(evidence) | invalid_evidence)
        problems += issuing_unit(entry, unit) if unit is not None else []
    problems += unique_pages(reports, evidence)
    problems += evidence_identity(evidence)
    return problems


def issuing_unit(entry: ReportEntry, unit: Unit) -> list[Problem]:
    """One publishing unit per site: a report of another unit only if that unit merged into this one."""
    report, problems = entry.report, []
    for loc, written in ((("unit",), report.unit), (("header", "issuer"), report.header.issuer)):
        if written is not None and unit.issuer_of(written) is None:
            problems.append(Problem(entry.where.file, entry.where.line(*loc), ".".join(loc),
                                    f"báo cáo của đơn vị khác, không phải {unit.name}", found=repr(written),
                                    expected="chỉ đăng báo cáo của đơn vị này; nếu đơn vị kia đã sáp nhập vào đơn vị "
                                             "này, khai báo nó trong predecessors của content/unit.yaml"))
    return problems[:1]


def evidence_identity(evidence: dict[str, EvidenceEntry]) -> list[Problem]:
    """A document is its number, date and issuer: two records with these alike must be one document."""
    seen: dict[tuple[str, str, str], EvidenceEntry] = {}
    problems = []
    for item in evidence.values():
        doc = item.evidence
        if doc.number is None or doc.date is None:
            continue
        key = (doc.number.casefold(), doc.date, unit_key(doc.issuer or ""))
        first = seen.setdefault(key, item)
        if first is not item and first.evidence.subject != doc.subject:
            problems.append(Problem(item.where.file, item.where.line("subject"), "subject",
                                    f"cùng số, ngày và cơ quan ban hành với {first.where.file} nhưng khác trích yếu",
                                    found=f"{doc.subject!r} và {first.evidence.subject!r}",
                                    expected="một văn bản một tệp: sửa số, ngày hoặc trích yếu cho đúng văn bản gốc, "
                                             "hoặc ghi issuer nếu là văn bản của cơ quan khác"))
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
    if not entry.tasks:  # published as it is, but an appendix left behind is the likelier story
        problems.append(Problem(entry.where.file, None, "", "báo cáo chưa có nhiệm vụ nào (thư mục tasks/ trống "
                                "hoặc không có)", expected="các tệp tasks/nhiem-vu-01.yaml, … của phụ lục; nhập "
                                "từ tệp Word: python -m generator import TỆP --out <thư mục báo cáo>",
                                severity=Severity.warning))
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
