"""The site navigation, kept small: evidence pages are reached from the register, not the nav."""

from __future__ import annotations

from . import disclosure_nav, paths
from .content import Content


def build(content: Content) -> list:
    items: list = [{"Trang chủ": paths.HOME}]
    for entry in content.reports:
        tasks = [{f"Nhiệm vụ {t.number}": paths.task_page(entry.slug, t.number)} for t in entry.tasks]
        items.append({f"Báo cáo năm {entry.report.year}": [paths.report_page(entry.slug), *tasks]})
    items.append({"Tài liệu kiểm chứng": paths.EVIDENCE_REGISTER})
    items.extend(disclosure_nav.build(content))
    items.append({"Văn bản được dẫn chiếu": paths.CITED_DOCUMENTS})
    items.append({"Kiểm tra số liệu": paths.FIGURE_CHECKS})
    return items
