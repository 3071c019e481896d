"""Pages of the evidence register: the paged register and one page per record."""

from __future__ import annotations

import datetime as dt

from ..content import paths
from ..content.evidence import EvidenceEntry
from ..util.vn import parse_vn_date
from .env import Page, render_page
from .inputs import Inputs
from .pagination import paginate

# A record cited by many tasks lists the first few in the register; its own page lists all.
CITING_SHOWN = 5


def render_evidence_page(inputs: Inputs, item: EvidenceEntry) -> Page:
    return render_page("evidence.md.j2", paths.evidence_page(item.id), title=item.evidence.label, in_nav=False,
                       id=item.id, item=item.evidence, attachment=item.attachment,
                       citing=inputs.content.citing(item.id))


def render_register(inputs: Inputs) -> list[Page]:
    items = sorted(inputs.content.evidence.values(), key=_register_order)
    return [render_page("register.md.j2", pager.path, title=pager.title("Sổ tài liệu kiểm chứng"),
                        in_nav=pager.index == 0, items=chunk, total=len(items),
                        pager=pager, citing=inputs.content.citing, CITING_SHOWN=CITING_SHOWN)
            for pager, chunk in paginate(paths.EVIDENCE_REGISTER, items)]


def render_evidence(inputs: Inputs) -> list[Page]:
    records = inputs.content.evidence.values()
    return [*render_register(inputs), *(render_evidence_page(inputs, item) for item in records)]


def _register_order(item: EvidenceEntry) -> tuple[int, dt.date, str]:
    if item.evidence.date:
        return (0, parse_vn_date(item.evidence.date), item.id)
    return (1, dt.date.min, item.id)
