"""A draft report (no number or date) in an upload package: only by the unit's recorded decision.

Luật Tiếp cận thông tin 2016, Điều 6 khoản 2: information still being drafted is not published
unless the unit decides to. ``make site`` builds drafts for review on the clerk's machine; the
package for the portal refuses them unless asked with ``--allow-draft`` and the report records
who decided and when (``draft_publication``).
"""

from __future__ import annotations

from ..content.model import Content
from ..content.reports import ReportEntry
from ..problems import Problem

DECISION_EXAMPLE = ('draft_publication:\n      decided_by: "Nguyễn Văn A, Chủ tịch UBND phường"\n'
                    '      decided_on: "20/11/2024"')


def missing_fields(entry: ReportEntry) -> list[str]:
    report = entry.report
    return [name for name, value in (("number", report.number), ("date", report.date)) if value is None]


def draft_problems(content: Content, allow_draft: bool) -> list[Problem]:
    """Why each draft report may not be packaged; empty when every draft may be."""
    problems = []
    for entry in content.reports:
        if not entry.report.is_draft:
            continue
        missing = missing_fields(entry)
        line = entry.where.line(missing[0])
        said = " và ".join({"number": "số (number)", "date": "ngày ban hành (date)"}[m] for m in missing)
        if entry.report.draft_publication is None:
            problems.append(Problem(
                entry.where.file, line, ", ".join(missing),
                f"báo cáo là bản dự thảo (chưa có {said}) và chưa ghi quyết định công khai bản dự thảo, "
                "nên không được đóng gói để đăng",
                expected="điền số và ngày ban hành khi văn bản đã ký; hoặc, nếu đơn vị quyết định công khai bản "
                         f"dự thảo, ghi vào tệp này:\n    {DECISION_EXAMPLE}\n  rồi đóng gói với --allow-draft "
                         "(make dist DIST_FLAGS=--allow-draft)"))
        elif not allow_draft:
            decision = entry.report.draft_publication
            problems.append(Problem(
                entry.where.file, line, ", ".join(missing),
                f"báo cáo là bản dự thảo (chưa có {said}); đã ghi quyết định công khai của {decision.decided_by} "
                f"ngày {decision.decided_on} nhưng gói không được tạo với --allow-draft",
                expected="đóng gói với --allow-draft (make dist DIST_FLAGS=--allow-draft) để xác nhận công khai "
                         "bản dự thảo; hoặc điền số và ngày ban hành khi văn bản đã ký"))
    return problems
