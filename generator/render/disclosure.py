"""Markdown pages of the disclosure portal: sections, items, catalogue, status and news posts."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..analysis import status
from ..content import paths
from ..content.disclosure import Disclosure, ItemEntry, NewsEntry
from ..content.model import Content
from ..schema.disclosure import PUBLICATION_FORM_LABELS, Category, PublicationForm, SpecialPage
from ..util.vn import vn_date
from .env import LIST_BOOST, Page, render_page
from .pagination import paginate

# Which template draws a category's section; each extends category.md.j2.
SECTION_TEMPLATES = {
    None: "category.md.j2",
    SpecialPage.contact: "contact.md.j2",
    SpecialPage.organisation: "organisation.md.j2",
    SpecialPage.access: "access.md.j2",
    SpecialPage.news: "news_index.md.j2",
}


def render_disclosure(content: Content) -> list[Page]:
    """Every page of the portal; none when the content has no categories file."""
    disclosure = content.disclosure
    if disclosure is None:
        return []
    rows = {r.category.slug: r for r in status.rows(content)}
    pages = [
        _render("portal.md.j2", paths.PORTAL, content, title="Công khai thông tin", rows=rows),
        _render("status.md.j2", paths.STATUS, content, title="Tình trạng công khai", rows=list(rows.values())),
    ]
    table = catalogue_table(content)
    empty = [c for c in disclosure.categories if not catalogue_rows(disclosure, c) and c.page is not SpecialPage.news]
    catalogue = "Danh mục thông tin phải được công khai"
    pages += [_render("catalogue.md.j2", pager.path, content, title=pager.title(catalogue),
                      in_nav=pager.index == 0, rows=chunk, total=len(table),
                      empty=empty, pager=pager)
              for pager, chunk in paginate(paths.CATALOGUE, table)]
    for category in disclosure.categories:
        template, first = SECTION_TEMPLATES[category.page], paths.category_page(category)
        items = disclosure.items_in(category.slug)
        pages_of = paginate(first, items) if category.page is not SpecialPage.news else [(None, items)]
        pages += [_render(template, pager.path if pager else first, content,
                          title=pager.title(category.title) if pager else category.title,
                          in_nav=not pager or pager.index == 0,
                          category=category, row=rows[category.slug], items=chunk, pager=pager)
                  for pager, chunk in pages_of]
    pages += [_render("item.md.j2", paths.item_page(e.item.category, e.id), content, title=e.item.title, in_nav=False,
                      boost=None,
                      entry=e, item=e.item, category=disclosure.category(e.item.category)) for e in disclosure.items]
    pages += [news_post(post) for post in disclosure.news]
    return pages


def news_post(post: NewsEntry) -> Page:
    # The blog plugin reads the post's date and address from its front matter.
    page = render_page("news_post.md.j2", paths.news_post_source(post.slug), title=post.post.title, in_nav=False,
                       meta={"date": post.date, "slug": post.slug}, post=post.post)
    return replace(page, on_disk=True)


def _render(template: str, path: str, content: Content, *, title: str, in_nav: bool = True,
            boost: float | None = LIST_BOOST, **context: Any) -> Page:
    return render_page(template, path, title=title, in_nav=in_nav, boost=boost, unit=content.unit,
                       disclosure=content.disclosure, content=content, form_label=form_label,
                       period_text=period_text, catalogue_rows=catalogue_rows, **context)


def form_label(form: PublicationForm) -> str:
    return PUBLICATION_FORM_LABELS[form]


def period_text(entry: ItemEntry) -> str:
    start, until = entry.period
    if until is None:
        return f"từ {vn_date(start)}, không thời hạn"
    return f"từ {vn_date(start)} đến {vn_date(until)}"


@dataclass(frozen=True)
class CatalogueRow:
    """One line of the catalogue, with the fields NĐ 13/2018 Điều 6 lists."""

    category: str
    title: str
    number: str
    issued: str
    forms: str
    timing: str
    target: str
    sha256: str = ""  # of the attached file, for citizens to verify it


def catalogue_table(content: Content) -> list[CatalogueRow]:
    """Disclosure items by category (newest first), then the reports and their evidence."""
    disclosure = content.disclosure
    assert disclosure is not None
    rows = [CatalogueRow(category.title, e.item.title, e.item.number or "", e.item.issued or "",
                         "; ".join(form_label(f) for f in e.item.forms),
                         f"Đăng ngày {e.item.published}; {period_text(e)}",
                         paths.item_page(category.slug, e.id), e.attachment.sha256 if e.attachment else "")
            for category in disclosure.categories for e in catalogue_rows(disclosure, category)]
    website = "Trang thông tin điện tử"
    for entry in content.reports:
        report = entry.report
        number = f"{report.number if report.number is not None else '…'}/{report.symbol}"
        rows.append(CatalogueRow("Báo cáo", f"{report.doc_type} {report.title}",
                                 number + (" (dự thảo)" if report.is_draft else ""),
                                 report.date or "chưa có (dự thảo)", website, "chưa ghi",
                                 paths.report_page(entry.slug)))
    rows += [CatalogueRow("Tài liệu kiểm chứng", item.evidence.label, item.evidence.number or "",
                          item.evidence.date or "", website, "chưa ghi", paths.evidence_page(item.id),
                          item.attachment.sha256 if item.attachment else "")
             for item in sorted(content.evidence.values(), key=lambda i: i.id)]
    return rows


def catalogue_rows(disclosure: Disclosure, category: Category) -> list[ItemEntry]:
    """Items of a category published by the reference date, newest first (NĐ 13/2018 Điều 6)."""
    return [e for e in disclosure.items_in(category.slug) if e.published <= disclosure.as_of]

