"""Word import keeps all the text Word shows: tracked changes accepted, content controls and fields read.

The Word file is made with python-docx, then edited as raw XML (lxml) the way Word writes
revisions (w:ins, w:del/w:delText, a deleted paragraph mark, a deleted table row), content
controls (w:sdt/w:sdtContent, inline and around paragraphs, one still showing its prompt) and
fields (w:fldSimple; w:fldChar begin/separate/end with w:instrText), in body paragraphs and in
the appendix's cells. The imported text is compared exactly.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from word_report import WordReport, write_docx

from generator.content.load import load_content
from generator.schema.report import Section

HEADERS = ["STT", "NỘI DUNG, NHIỆM VỤ", "KẾT QUẢ THỰC HIỆN", "TÀI LIỆU KIỂM CHỨNG"]
REVISION = 'w:author="Văn thư" w:date="2025-01-06T08:00:00Z"'
LINK = "https://phuong4.dongha.quangtri.gov.vn/phu-luc"


def xml(fragment: str):
    """One WordprocessingML element from ``fragment`` (its first tag gets the w: namespace)."""
    name_end = fragment.index(" ") if " " in fragment.split(">")[0] else fragment.index(">")
    return parse_xml(f"{fragment[:name_end]} {nsdecls('w')}{fragment[name_end:]}")


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def inserted(text: str, rid: int) -> str:
    return f'<w:ins w:id="{rid}" {REVISION}>{run(text)}</w:ins>'


def deleted(text: str, rid: int) -> str:
    return f'<w:del w:id="{rid}" {REVISION}><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'


def control(inner: str, placeholder: bool = False) -> str:
    properties = '<w:alias w:val="Ô nhập"/>' + ("<w:showingPlcHdr/>" if placeholder else "")
    return f"<w:sdt><w:sdtPr>{properties}</w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"


def complex_field(instruction: str, result: str) -> list[str]:
    return ['<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
            f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>',
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', run(result),
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>']


def fill(paragraph, *parts: str) -> None:
    """Replace the paragraph's runs by ``parts``, each raw XML (a run, a revision, a control, a field)."""
    p = paragraph._p
    for child in list(p):
        if child is not p.pPr:
            p.remove(child)
    for part in parts:
        p.append(xml(part))


@pytest.fixture
def revised_word(content_2024, tmp_path) -> Path:
    base = content_2024.reports[0].report
    report = base.model_copy(update={
        "year": 2025, "number": 15, "date": "06/01/2025", "title": "Kết quả cải cách hành chính năm 2024",
        "basis": [], "appendix": None, "closing": ["Trên đây là báo cáo của UBND phường 4./."],
        "intro": ["@intro-field@", "@intro-control@"],
        "sections": [Section(heading="1. Kết quả chung", paragraphs=["@section-insert@"])]})
    rows = [[["1."], ["Xử lý văn bản điện tử."], ["@insert@", "@replace@"], ["- Trích xuất từ phần mềm QLVB và HSCV."]],
            [["2."], ["@mark-1@", "@mark-2@"], ["@control@", "@field@", "@prompt@"], []],
            [["3."], ["Nhiệm vụ đã xóa khi sửa."], ["Không còn."], []]]
    path = write_docx(WordReport(report, HEADERS, rows), tmp_path / "bao-cao-sua.docx")
    doc = Document(str(path))
    by_text = {p.text: p for p in doc.paragraphs}
    table = doc.tables[-1]
    cells = {p.text: p for row in table.rows for cell in row.cells for p in cell.paragraphs}
    # Body: a simple field, a content control around a whole paragraph, a tracked insertion.
    fill(by_text["@intro-field@"], run("Báo cáo gồm "), f'<w:fldSimple w:instr=" NUMPAGES ">{run("3")}</w:fldSimple>',
         run(" trang, kèm theo "), f'<w:fldSimple w:instr=\' HYPERLINK "{LINK}" \'>{run("phụ lục")}</w:fldSimple>',
         run("."))
    intro = by_text["@intro-control@"]
    fill(intro, run("Căn cứ tình hình thực tế, UBND phường báo cáo như sau:"))
    sdt = xml(control(""))
    intro._p.addprevious(sdt)
    sdt[1].append(intro._p)  # w:sdtContent now holds the paragraph, where the paragraph was
    fill(by_text["@section-insert@"], run("Các nhiệm vụ hoàn thành"), inserted(" đúng thời hạn", 1), run("."))
    # Cells: insertion; deletion beside insertion; a deleted paragraph mark; controls; fields.
    fill(cells["@insert@"], run("Đạt 100%"), inserted(" (1.051/1.051 văn bản)", 2))
    fill(cells["@replace@"], run("Tỷ lệ ký số đạt "), deleted("93,76%", 3), inserted("96,96%", 4), run("."),
         deleted(" Số liệu cũ.", 5))
    mark = cells["@mark-1@"]
    fill(mark, run("Số hóa hồ sơ "))
    mark._p.get_or_add_pPr().append(xml(f'<w:rPr><w:del w:id="6" {REVISION}/></w:rPr>'))
    fill(cells["@mark-2@"], run("và kết quả giải quyết TTHC."))
    fill(cells["@control@"], run("Hoàn thành "), control(run("ngày 15/12/2024")), run("."))
    fill(cells["@field@"], run("Tổng số "), *complex_field(r" DOCPROPERTY TongHoSo \* MERGEFORMAT ", "2.948"),
         run(" hồ sơ; xem "), *complex_field(' HYPERLINK "https://motcua.quangtri.gov.vn/" ', "cổng một cửa"),
         run("."))
    fill(cells["@prompt@"], control(run("Bấm vào đây để nhập văn bản."), placeholder=True))
    # (Word wants a cell to end with a paragraph: the control around a paragraph goes before the last one.)
    cells["@prompt@"]._p.addprevious(xml(control("<w:p><w:r><w:t>Đã kiểm tra 12 hồ sơ.</w:t></w:r></w:p>")))
    # The third task's row was deleted with tracked changes on.
    tr = table.rows[3]._tr
    tr.insert(0, xml(f'<w:trPr><w:del w:id="7" {REVISION}/></w:trPr>'))
    doc.save(str(path))
    return path


def test_tracked_changes_content_controls_and_fields_are_read_as_word_shows_them(project, cli_run, revised_word):
    result = cli_run("import", revised_word, "--out", project / "content/reports/2025-sua")
    assert result.code == 0, result.err
    assert "2 nhiệm vụ" in result.out
    content = load_content(project / "content", project)
    entry = next(e for e in content.reports if e.slug == "2025-sua")
    report = entry.report
    assert report.intro == [f"Báo cáo gồm 3 trang, kèm theo [phụ lục]({LINK}).",
                            "Căn cứ tình hình thực tế, UBND phường báo cáo như sau:"]
    assert [(s.heading, s.paragraphs) for s in report.sections] == \
        [("1. Kết quả chung", ["Các nhiệm vụ hoàn thành đúng thời hạn."])]
    first, second = entry.tasks
    assert first.result == ["Đạt 100% (1.051/1.051 văn bản)", "Tỷ lệ ký số đạt 96,96%."]
    assert first.evidence == ["trich-xuat-qlvb-hscv"]
    assert second.content == ["Số hóa hồ sơ và kết quả giải quyết TTHC."]
    assert second.result == ["Hoàn thành ngày 15/12/2024.",
                             "Tổng số 2.948 hồ sơ; xem [cổng một cửa](https://motcua.quangtri.gov.vn/).",
                             "Đã kiểm tra 12 hồ sơ."]
    written = "\n".join(p.read_text(encoding="utf-8") for p in (project / "content/reports/2025-sua").rglob("*.yaml"))
    for never in ("93,76", "Số liệu cũ", "DOCPROPERTY", "MERGEFORMAT", "HYPERLINK", "NUMPAGES", "Bấm vào đây",
                  "đã xóa khi sửa"):
        assert never not in written
