"""The site navigation, of a fixed size whatever the archive holds.

Material repeats the nav on every page, so a nav that grows with the content makes the
whole build grow with its square. Only the latest report and its tasks are listed; older
reports are reached from the archive page, evidence from the register.
"""

from __future__ import annotations

from . import disclosure_nav, paths
from .content import Content


def build(content: Content) -> list:
    items: list = [{"Trang chủ": paths.HOME}]
    entry = content.latest
    if entry is not None:
        tasks = [{f"Nhiệm vụ {t.number}": paths.task_page(entry.slug, t.number)} for t in entry.tasks]
        items.append({f"Báo cáo năm {entry.report.year}": [paths.report_page(entry.slug), *tasks]})
    items.append({"Các báo cáo": paths.REPORT_ARCHIVE})
    items.append({"Tài liệu kiểm chứng": paths.EVIDENCE_REGISTER})
    items.extend(disclosure_nav.build(content))
    items.append({"Văn bản được dẫn chiếu": paths.CITED_DOCUMENTS})
    items.append({"Kiểm tra số liệu": paths.FIGURE_CHECKS})
    return items
