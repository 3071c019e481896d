"""The pages that show the checks: "Kiểm tra số liệu" and "Văn bản được dẫn chiếu"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import paths
from .citations import CitedDocument, cited_documents, register_heading
from .content import Content
from .figures import Status
from .pagination import paginate

REPORTS_PER_FIGURE_PAGE = 3  # a report has a dozen figures or so
CITED_PER_PAGE = 15  # each document lists every place that cites it

if TYPE_CHECKING:
    from .render import Page


def outside_documents(content: Content) -> list[CitedDocument]:
    """Documents the reports cite that are not in the evidence register."""
    return [d for d in cited_documents(content) if d.evidence_id is None]


def _register_pages(outside: list[CitedDocument]) -> list:
    return paginate(paths.CITED_DOCUMENTS, outside, CITED_PER_PAGE)


def citation_pages(outside: list[CitedDocument]) -> dict[tuple[str, int], str]:
    """On which page of the citation register each cited document stands."""
    return {(doc.symbol, doc.year): pager.path for pager, chunk in _register_pages(outside) for doc in chunk}


def audit_pages(content: Content, outside: list[CitedDocument]) -> list[Page]:
    # Imported here: render imports this module to add these pages to the site.
    from .render import _render
    figures = [(entry, entry.figures) for entry in content.reports]
    flat = [f for _, items in figures for f in items]
    counts = {status.name: sum(1 for f in flat if f.status is status) for status in Status}
    pages = [_render("figures.md.j2", pager.path, in_nav=pager.index == 0, by_report=chunk, figures=flat,
                     counts=counts, pager=pager)
             for pager, chunk in paginate(paths.FIGURE_CHECKS, figures, REPORTS_PER_FIGURE_PAGE)]
    pages += [_render("citations.md.j2", pager.path, in_nav=pager.index == 0, documents=chunk, total=len(outside),
                      register_heading=register_heading, pager=pager)
              for pager, chunk in _register_pages(outside)]
    return pages
