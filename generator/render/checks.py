"""The pages that show the checks: "Kiểm tra số liệu" and "Văn bản được dẫn chiếu"."""

from __future__ import annotations

from ..analysis.citations import register_heading
from ..analysis.figures import Status
from ..content import paths
from .env import Page, render_page
from .inputs import Inputs, citation_register
from .pagination import paginate

REPORTS_PER_FIGURE_PAGE = 3  # a report has a dozen figures or so


def render_checks(inputs: Inputs) -> list[Page]:
    by_report = [(entry, inputs.audit.by_report[entry.slug]) for entry in inputs.content.reports]
    flat = inputs.audit.figures
    counts = {status.name: sum(1 for f in flat if f.status is status) for status in Status}
    pages = [render_page("figures.md.j2", pager.path, title=pager.title("Kiểm tra số liệu"), in_nav=pager.index == 0,
                         by_report=chunk, figures=flat,
                         counts=counts, pager=pager)
             for pager, chunk in paginate(paths.FIGURE_CHECKS, by_report, REPORTS_PER_FIGURE_PAGE)]
    pages += [render_page("citations.md.j2", pager.path, title=pager.title("Văn bản được dẫn chiếu"),
                          in_nav=pager.index == 0, documents=chunk,
                          total=len(inputs.outside), register_heading=register_heading, pager=pager)
              for pager, chunk in citation_register(inputs.outside)]
    return pages
