"""The pages that show the checks: "Kiểm tra số liệu" and "Văn bản được dẫn chiếu"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import paths
from .citations import cited_documents, register_heading
from .content import Content
from .figures import Status, report_figures

if TYPE_CHECKING:
    from .render import Page


def audit_pages(content: Content) -> list[Page]:
    # Imported here: render imports this module to add these pages to the site.
    from .render import _render
    figures = [(entry, report_figures(entry)) for entry in content.reports]
    flat = [f for _, items in figures for f in items]
    counts = {status.name: sum(1 for f in flat if f.status is status) for status in Status}
    outside = [d for d in cited_documents(content) if d.evidence_id is None]
    return [
        _render("figures.md.j2", paths.FIGURE_CHECKS, by_report=figures, figures=flat, counts=counts),
        _render("citations.md.j2", paths.CITED_DOCUMENTS, documents=outside, register_heading=register_heading),
    ]
