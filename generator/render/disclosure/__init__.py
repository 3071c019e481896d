"""Markdown pages of the disclosure portal: the portal, each category's section and its items,
and the news posts. The status, catalogues, legal texts and the English page are in
``pages``.

Public pages never show a content file or field name: a missing value reads "chưa cập nhật".
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...analysis import legal, status
from ...analysis.catalogue import period_text
from ...analysis.findings import Row
from ...content import paths
from ...content.disclosure import Disclosure, ItemEntry, NewsEntry
from ...content.model import Content
from ...schema.disclosure import PUBLICATION_FORM_LABELS, ItemKind, PublicationForm, SpecialPage
from ...schema.disclosure.item import BUDGET_STAGE_LABELS
from ...util.vn import parse_vn_date
from ..env import LIST_BOOST, Page, render_page
from ..pagination import paginate
from .pages import render_pages

# Which template draws a category's section; each extends category.md.j2.
SECTION_TEMPLATES = {
    None: "category.md.j2",
    SpecialPage.contact: "contact.md.j2",
    SpecialPage.organisation: "organisation.md.j2",
    SpecialPage.access: "access.md.j2",
    SpecialPage.news: "news_index.md.j2",
    SpecialPage.profile: "profile.md.j2",
    SpecialPage.satisfaction: "satisfaction.md.j2",
}
MISSING = "chưa cập nhật"


def render_disclosure(content: Content) -> list[Page]:
    """Every page of the portal; none when the content has no categories file."""
    disclosure = content.disclosure
    if disclosure is None:
        return []
    rows = {r.category.slug: r for r in status.rows(content)}
    pages = [render("portal.md.j2", paths.PORTAL, content, title="Công khai thông tin", rows=rows)]
    pages += render_pages(content, list(rows.values()), render)
    pages += _sections(content, disclosure, rows)
    corrected = corrections(disclosure)
    pages += [render("item.md.j2", paths.item_page(e.item.category, e.id), content, title=e.item.title,
                     in_nav=False, boost=None, entry=e, item=e.item, category=disclosure.category(e.item.category),
                     corrected_by=corrected.get(e.id, []), original=_original(disclosure, e))
              for e in disclosure.items if e.on_website]
    pages += [news_post(post) for post in disclosure.news]
    return pages


def _sections(content: Content, disclosure: Disclosure, rows: dict[str, Row]) -> list[Page]:
    pages = []
    for category in disclosure.categories:
        template, first = SECTION_TEMPLATES[category.page], paths.category_page(category)
        items = disclosure.items_in(category.slug)
        pages_of = paginate(first, items) if category.page is not SpecialPage.news else [(None, items)]
        pages += [render(template, pager.path if pager else first, content,
                         title=pager.title(category.title) if pager else category.title,
                         in_nav=not pager or pager.index == 0,
                         category=category, row=rows[category.slug], items=chunk, pager=pager)
                  for pager, chunk in pages_of]
    return pages


def corrections(disclosure: Disclosure) -> dict[str, list[ItemEntry]]:
    """For each corrected item, the corrections published for it (oldest first)."""
    found: dict[str, list[ItemEntry]] = {}
    for entry in reversed(disclosure.items):
        if entry.item.correction is not None:
            found.setdefault(entry.item.correction.corrects, []).append(entry)
    return found


def _original(disclosure: Disclosure, entry: ItemEntry) -> ItemEntry | None:
    return disclosure.item(entry.item.correction.corrects) if entry.item.correction else None


def news_post(post: NewsEntry) -> Page:
    # The blog plugin reads the post's date and address from its front matter.
    page = render_page("news_post.md.j2", paths.news_post_source(post.slug), title=post.post.title, in_nav=False,
                       meta={"date": post.date, "slug": post.slug}, post=post.post)
    return replace(page, on_disk=True)


def render(template: str, path: str, content: Content, *, title: str, in_nav: bool = True,
           boost: float | None = LIST_BOOST, **context: Any) -> Page:
    """A portal page, with what every portal template uses."""
    disclosure = content.disclosure
    assert disclosure is not None
    return render_page(template, path, title=title, in_nav=in_nav, boost=boost, unit=content.unit,
                       disclosure=disclosure, content=content, form_label=form_label,
                       period_text=period_text, legal=legal, MISSING=MISSING, ItemKind=ItemKind,
                       budget_stage=BUDGET_STAGE_LABELS, issuer_of=issuer_of,
                       before_as_of=lambda text: parse_vn_date(text) < disclosure.as_of,
                       special_page=lambda name: _special_page(disclosure, name), **context)


def _special_page(disclosure: Disclosure, name: str) -> str | None:
    category = disclosure.special(SpecialPage(name))
    return paths.category_page(category) if category else None


def form_label(form: PublicationForm) -> str:
    return PUBLICATION_FORM_LABELS[form]


def issuer_of(content: Content, entry: ItemEntry) -> str | None:
    """The issuer as written, or the unit itself for its own evidence record made public."""
    if entry.issuer:
        return entry.issuer
    return content.unit.name if entry.evidence is not None else None
