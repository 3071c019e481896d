"""The pages that show the checks: "Kiểm tra số liệu" and "Văn bản được dẫn chiếu"."""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.citations import register_heading
from ..analysis.figures import FoundFigure, Status
from ..content import paths
from ..content.reports import ReportEntry
from .env import Page, render_page
from .inputs import Inputs, citation_register
from .pagination import paginate

FIGURES_PER_PAGE = 25  # each row quotes its sentence: a page stays under 40 KB however many a report has


def render_checks(inputs: Inputs) -> list[Page]:
    rows = [(entry, figure) for entry in inputs.content.reports for figure in inputs.audit.by_report[entry.slug]]
    flat = inputs.audit.figures
    counts = {status.name: sum(1 for f in flat if f.status is status) for status in Status}
    pages = [render_page("figures.md.j2", pager.path, title=pager.title("Kiểm tra số liệu"), in_nav=pager.index == 0,
                         by_report=_by_report(chunk), figures=flat, counts=counts, pager=pager)
             for pager, chunk in paginate(paths.FIGURE_CHECKS, rows, FIGURES_PER_PAGE)]
    pages += [render_page("citations.md.j2", pager.path, title=pager.title("Văn bản được dẫn chiếu"),
                          in_nav=pager.index == 0, documents=chunk,
                          total=len(inputs.outside), register_heading=register_heading, pager=pager)
              for pager, chunk in citation_register(inputs.outside)]
    return pages


def _by_report(rows: Sequence[tuple[ReportEntry, FoundFigure]]) -> list[tuple[ReportEntry, list[FoundFigure]]]:
    """One page's figures under their report's heading, in order (a report may span pages)."""
    grouped: list[tuple[ReportEntry, list[FoundFigure]]] = []
    for entry, figure in rows:
        if not grouped or grouped[-1][0] is not entry:
            grouped.append((entry, []))
        grouped[-1][1].append(figure)
    return grouped
