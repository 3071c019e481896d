"""The two catalogues of Nghị định 13/2018/NĐ-CP, Điều 6, told honestly.

The catalogue of information that must be disclosed lists only what the unit has disclosed
or decided to disclose: disclosure items (an evidence record becomes one when the clerk
promotes it), signed reports, and draft reports only when the unit decided to publish them
(``draft_publication``). A row links to where the information is on the site only when it
is there (an item published on the website, a report page); an item posted only on the notice
board has its digitised file attached instead (Điều 6 khoản 3), or says that file is missing.
Evidence records are not listed by themselves: they support a report and are not, on their
own, information the unit decided to disclose.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..content import paths
from ..content.disclosure import Disclosure, ItemEntry
from ..content.model import Content
from ..schema.disclosure.item import ConditionalInfo
from ..util.vn import vn_date
from .legal import forms_text

WEBSITE = "Trang thông tin điện tử"
NO_FILE = "chưa có tệp số hóa"


@dataclass(frozen=True)
class CatalogueRow:
    """One line of the catalogue, with the fields NĐ 13/2018 Điều 6 lists."""

    category: str
    title: str
    number: str
    issued: str
    forms: str
    published: str          # time of disclosure
    period: str             # duration of disclosure
    page: str | None = None  # where it is on the site, only when it is there
    file: str | None = None  # else the attached digitised file
    sha256: str = ""         # of the attached file, for citizens to verify it
    note: str = ""


def period_text(entry: ItemEntry) -> str:
    start, until = entry.period
    if until is None:
        return f"từ {vn_date(start)}, không thời hạn"
    return f"từ {vn_date(start)} đến {vn_date(until)}"


def item_row(disclosure: Disclosure, entry: ItemEntry) -> CatalogueRow:
    category = disclosure.category(entry.item.category)
    file = entry.file
    row = CatalogueRow(category.title, entry.item.title, entry.number or "", entry.issued_text or "",
                       forms_text(list(entry.item.forms)), entry.item.published, period_text(entry),
                       sha256=file.sha256 if file else "")
    if entry.on_website:
        return replace(row, page=paths.item_page(category.slug, entry.id))
    if file is not None:
        return replace(row, file=file.site_path)
    return replace(row, note=NO_FILE)


def must_disclose(content: Content) -> list[CatalogueRow]:
    """Items by category (newest first), then the reports the unit published or decided to publish."""
    disclosure = content.disclosure
    assert disclosure is not None
    rows = [item_row(disclosure, e) for c in disclosure.categories for e in disclosure.items_in(c.slug)]
    for entry in content.reports:
        report = entry.report
        decision = report.draft_publication
        if report.is_draft and decision is None:
            continue  # an unsigned draft for internal work is not information to disclose (Luật TCTT Điều 6 k2)
        number = f"{report.number if report.number is not None else '…'}/{report.symbol}"
        if report.is_draft and decision is not None:
            published = f"đơn vị quyết định công khai bản dự thảo ngày {decision.decided_on} ({decision.decided_by})"
            number += " (dự thảo)"
        else:
            published = "không ghi ngày đăng"
        rows.append(CatalogueRow("Báo cáo", f"{report.doc_type.capitalize()} {report.title}", number,
                                 report.date or "", WEBSITE, published, "không thời hạn",
                                 page=paths.report_page(entry.slug)))
    return rows


def missing_files(content: Content) -> list[ItemEntry]:
    """Items posted only on the notice board, without the digitised file the catalogue must attach."""
    disclosure = content.disclosure
    if disclosure is None:
        return []
    return [e for e in disclosure.items if not e.on_website and e.file is None]


def conditional(content: Content) -> list[ConditionalInfo]:
    """The catalogue of information citizens may access on conditions (Luật TCTT Điều 7)."""
    disclosure = content.disclosure
    if disclosure is None or disclosure.access is None:
        return []
    return list(disclosure.access.conditional)
