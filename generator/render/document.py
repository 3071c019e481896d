"""The parts of a report page that follow the form of an administrative document (NĐ 30/2020):
the header table and the closing block of recipients and signature."""

from __future__ import annotations

from ..schema.report import Report
from ..util.text import Markdown
from .env import render_html
from .filters import doc_date


def document_header(report: Report) -> Markdown:
    number = report.number if report.number is not None else "…"
    return render_html("report_header.html.j2", header=report.header, number=number, symbol=report.symbol,
                       place=report.place, date=doc_date(report.date, report.year))


def document_footer(report: Report) -> Markdown:
    return render_html("report_footer.html.j2", recipients=report.recipients, signature=report.signature)
