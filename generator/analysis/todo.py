"""What the clerk must fill in or fix for the portal, for ``make check``: every finding of the
status as a located problem, naming the file and field to edit and the article it serves.

These messages, with file and field names, belong here only; public pages show the same
findings in plain words ("chưa có địa chỉ trụ sở") or "chưa cập nhật".
"""

from __future__ import annotations

from ..content.disclosure import Disclosure
from ..content.model import Content
from ..problems import Problem, Severity
from ..schema.disclosure import SpecialPage
from . import catalogue, legal
from .findings import NOTHING_PUBLISHED, Finding, Row, State
from .requirements import unmet

CATEGORIES = "content/disclosure/categories.yaml"


def problems(content: Content, rows: list[Row], strict: bool) -> list[Problem]:
    """Warnings, or errors for what the law requires when ``strict``; one per thing to do."""
    disclosure = content.disclosure
    if disclosure is None:
        return []
    found: list[Problem] = []
    for index, row in enumerate(rows):
        if row.obligation is None or not row.obligation.applies or row.state is State.ok:
            continue
        severity = Severity.error if strict and row.required else Severity.warning
        basis = legal.citations(disclosure.settings, row.obligation.basis)
        serves = f"chuyên mục «{row.category.title}» ({basis})"
        for need in unmet(row.obligation.requires, content.unit, disclosure):
            file, field = need.where.split(": ", 1)
            found.append(Problem(file, None, field, f"chưa có {need.label}, cần cho {serves}",
                                 expected="điền khi có văn bản nguồn; đến khi đó trang ghi «chưa cập nhật»",
                                 severity=severity))
        for finding in row.findings:
            if finding.text == NOTHING_PUBLISHED:
                found.append(_empty(disclosure, index, row, serves, severity))
            elif finding.missing:
                found += _incomplete(finding, serves, severity)
            elif finding.item is not None and finding.state in (State.missing, State.overdue):
                found.append(Problem(finding.item.where.file, finding.item.where.line(finding.field), finding.field,
                                     finding.text, expected=finding.fix or None, severity=severity))
            elif finding.item is None and finding.state is State.overdue:
                found.append(Problem(CATEGORIES, disclosure.where.line("categories", index),
                                     f"categories[{index}]", f"chuyên mục «{row.category.title}»: {finding.text}",
                                     expected="đăng thông tin của kỳ này", severity=severity))
    found += [Problem(e.where.file, e.where.line("attachment"), "attachment",
                      f"«{e.item.title}» chỉ niêm yết tại trụ sở, chưa có tệp số hóa để kèm danh mục thông tin "
                      "(Nghị định 13/2018/NĐ-CP, Điều 6)",
                      expected="ghi tệp bản chụp hoặc bản điện tử của văn bản vào attachment",
                      severity=Severity.warning)
              for e in catalogue.missing_files(content)]
    return found


def _empty(disclosure: Disclosure, index: int, row: Row, serves: str, severity: Severity) -> Problem:
    todo = (f"đăng thông tin khi có: python -m generator new item --category {row.category.slug}"
            if row.category.page is not SpecialPage.news else "viết tin trong content/news/<mã>.yaml")
    return Problem(CATEGORIES, disclosure.where.line("categories", index), f"categories[{index}]",
                   f"{serves[0].upper()}{serves[1:]}: {NOTHING_PUBLISHED}", expected=todo, severity=severity)


def _incomplete(finding: Finding, serves: str, severity: Severity) -> list[Problem]:
    entry = finding.item
    assert entry is not None
    return [Problem(entry.where.file, entry.where.line(m.field.split(".")[0]), m.field,
                    f"«{entry.item.title}»: thiếu {m.label}, cần cho {serves}", expected="điền theo văn bản gốc",
                    severity=severity)
            for m in finding.missing]

