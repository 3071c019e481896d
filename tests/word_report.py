"""Build Word reports in the NĐ 30/2020 layout with python-docx, for the import tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from generator.content.model import Content
from generator.schema.report import Report


@dataclass
class WordReport:
    """The report's parts; ``rows`` are appendix rows, each cell a list of paragraphs."""

    report: Report
    headers: list[str]
    rows: list[list[list[str]]]
    extra_body: list[str] = field(default_factory=list)


def from_content(content: Content, split_task: int | None = 9) -> WordReport:
    """The 2024 report as a clerk would have typed it in Word.

    ``split_task``'s result is cut over two rows (empty STT), as PDF-to-Word converters
    leave a row that ran over a page break.
    """
    entry = content.reports[0]
    rows = []
    for task in entry.tasks:
        labels = [f"- {content.evidence[ref].evidence.label}." for ref in task.evidence]
        result = list(task.result)
        if task.number == split_task:
            words = result[-1].split(" ")
            result[-1] = " ".join(words[:-2])
            rows.append([[f"{task.number}."], list(task.content), result, labels])
            rows.append([[], [], [" ".join(words[-2:])], []])
        else:
            rows.append([[f"{task.number}."], list(task.content), result, labels])
    return WordReport(entry.report, ["STT", "NỘI DUNG, NHIỆM VỤ", "KẾT QUẢ THỰC HIỆN", "TÀI LIỆU KIỂM CHỨNG"], rows)


def add_runs(paragraph, text: str) -> None:
    """Write ``text`` with **bold**, *italic* and [link](url) as real Word formatting."""
    import re
    pos = 0
    for match in re.finditer(r"\*\*(.+?)\*\*|\*(.+?)\*|\[(.+?)\]\((\S+?)\)", text):
        paragraph.add_run(text[pos:match.start()])
        if match[1]:
            paragraph.add_run(match[1]).bold = True
        elif match[2]:
            paragraph.add_run(match[2]).italic = True
        else:
            add_hyperlink(paragraph, match[3], match[4])
        pos = match.end()
    paragraph.add_run(text[pos:])


def add_hyperlink(paragraph, text: str, url: str) -> None:
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _cell(cell, paragraphs: list[str]) -> None:
    cell.paragraphs[0].text = ""
    for i, text in enumerate(paragraphs):
        add_runs(cell.paragraphs[0] if i == 0 else cell.add_paragraph(), text)


def write_docx(word: WordReport, path: Path) -> Path:
    report = word.report
    doc = Document()
    header = doc.add_table(rows=1, cols=2)
    _cell(header.cell(0, 0), ["UBND THÀNH PHỐ ĐÔNG HÀ", "**ỦY BAN NHÂN DÂN PHƯỜNG 4**",
                              f"Số: {report.number or ''}/{report.symbol}"])
    day, month = (report.date.split("/")[:2] if report.date else ("", ""))
    _cell(header.cell(0, 1), ["**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "**Độc lập - Tự do - Hạnh phúc**",
                              f"*{report.place}, ngày {day} tháng {month} năm {report.year}*"])
    doc.add_paragraph().add_run(report.doc_type).bold = True
    doc.add_paragraph().add_run(report.title).bold = True
    for text in report.intro:
        add_runs(doc.add_paragraph(), text)
    for section in report.sections:
        doc.add_paragraph().add_run(section.heading).bold = True
        for text in section.paragraphs:
            add_runs(doc.add_paragraph(), text)
    for text in [*word.extra_body, *report.closing]:
        add_runs(doc.add_paragraph(), text)
    sign = doc.add_table(rows=1, cols=2)
    _cell(sign.cell(0, 0), ["***Nơi nhận:***", *[f"- {r}" for r in report.recipients]])
    right = sign.cell(0, 1)
    run = right.paragraphs[0].add_run(report.signature.on_behalf)
    run.bold = True
    run.add_break()  # Shift+Enter between authority and position, as clerks type it
    right.paragraphs[0].add_run(report.signature.position).bold = True
    right.add_paragraph()
    right.add_paragraph()
    right.add_paragraph().add_run(report.signature.name).bold = True
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    if report.appendix:
        doc.add_paragraph().add_run("PHỤ LỤC").bold = True
        doc.add_paragraph().add_run(report.appendix.title).bold = True
        if report.appendix.note:
            doc.add_paragraph().add_run(report.appendix.note).italic = True
    table = doc.add_table(rows=1 + len(word.rows), cols=len(word.headers))
    for column, heading in enumerate(word.headers):
        _cell(table.cell(0, column), [f"**{heading}**"])
    for r, row in enumerate(word.rows, start=1):
        for column, paragraphs in enumerate(row):
            _cell(table.cell(r, column), paragraphs)
    doc.save(str(path))
    return path
