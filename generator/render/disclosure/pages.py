"""The portal's pages built from the whole legal list: the status, the two catalogues
(NĐ 13/2018 Điều 6), the legal texts cited, and the English page of the organisation."""

from __future__ import annotations

from collections.abc import Callable

from ...analysis import catalogue
from ...analysis.findings import Row, State
from ...analysis.workdays import SOURCE as CALENDAR_SOURCE
from ...content import paths
from ...content.model import Content
from ..env import Page
from ..pagination import paginate

Render = Callable[..., Page]
CATALOGUE = "Danh mục thông tin phải được công khai"
CONDITIONAL = "Danh mục thông tin công dân được tiếp cận có điều kiện"


def render_pages(content: Content, rows: list[Row], render: Render) -> list[Page]:
    counts = {state.name: sum(1 for r in rows if r.state is state) for state in State}
    pages = [render("status.md.j2", paths.STATUS, content, title="Tình trạng công khai", rows=rows, counts=counts,
                    State=State, calendar_source=CALENDAR_SOURCE),
             render("legal_texts.md.j2", paths.LEGAL_TEXTS, content, title="Văn bản pháp luật được trích dẫn",
                    in_nav=False),
             render("conditional.md.j2", paths.CONDITIONAL_CATALOGUE, content, title=CONDITIONAL,
                    entries=catalogue.conditional(content)),
             render("english.md.j2", paths.ENGLISH, content, title="Organisation and contacts (English)",
                    in_nav=False)]
    table = catalogue.must_disclose(content)
    pages += [render("catalogue.md.j2", pager.path, content, title=pager.title(CATALOGUE), in_nav=pager.index == 0,
                     rows=chunk, total=len(table), pager=pager)
              for pager, chunk in paginate(paths.CATALOGUE, table)]
    return pages

