"""The site navigation, of a fixed size whatever the archive holds.

Material repeats the nav on every page, so a nav that grows with the content makes the
whole build grow with its square. Only the latest report and its tasks are listed; older
reports are reached from the archive page, evidence from the register, and disclosure
items and news posts from their category's page (categories are a short, fixed list).
"""

from __future__ import annotations

from typing import TypeAlias

from ..content import paths
from ..content.model import Content

# MkDocs' nav: a page path, or {title: path or list of items}.
NavItem: TypeAlias = "str | dict[str, str | list[NavItem]]"


def build(content: Content) -> list[NavItem]:
    items: list[NavItem] = [{"Trang chủ": paths.HOME}]
    entry = content.latest
    if entry is not None:
        tasks: list[NavItem] = [{f"Nhiệm vụ {t.number}": paths.task_page(entry.slug, t.number)} for t in entry.tasks]
        items.append({f"Báo cáo năm {entry.report.year}": [paths.report_page(entry.slug), *tasks]})
    items.append({"Các báo cáo": paths.REPORT_ARCHIVE})
    items.append({"Tài liệu kiểm chứng": paths.EVIDENCE_REGISTER})
    items.extend(_disclosure(content))
    items.append({"Văn bản được dẫn chiếu": paths.CITED_DOCUMENTS})
    items.append({"Kiểm tra số liệu": paths.FIGURE_CHECKS})
    return items


def _disclosure(content: Content) -> list[NavItem]:
    if content.disclosure is None:
        return []
    children: list[NavItem] = [
        paths.PORTAL,
        {"Danh mục thông tin phải được công khai": paths.CATALOGUE},
        {"Danh mục thông tin tiếp cận có điều kiện": paths.CONDITIONAL_CATALOGUE},
        {"Tình trạng công khai": paths.STATUS},
    ]
    children += [{c.title: paths.category_page(c)} for c in content.disclosure.categories]
    return [{"Công khai thông tin": children}]
