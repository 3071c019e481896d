"""The NĐ 30/2020 header of an imported report (cơ quan chủ quản, cơ quan ban hành) and its issuing unit.

As a clerk runs it: ``python -m generator import`` (in this process) into a copy of the 2024
fixture project, from Word files laid out in the ways clerks type the header and from the text
export. A report of another unit is refused, unless content/unit.yaml declares it a predecessor.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from word_report import from_content, write_docx

from generator.content.load import load_content
from generator.importer.docheader import read_header
from generator.schema.report import Header

EXPORT_2024 = FIXTURES / "bao-cao-2024.txt"
THUAN_AN = FIXTURES / "import-header" / "bao-cao-thuan-an-2025.txt"
PHUONG_4 = ("UBND THÀNH PHỐ ĐÔNG HÀ", "ỦY BAN NHÂN DÂN PHƯỜNG 4")
NATION, MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
PREDECESSOR = """predecessors:
  - name: Ủy ban nhân dân xã Thuận An
    short_name: UBND xã Thuận An
    merged: Nghị quyết số 1680/NQ-UBTVQH15 ngày 16/6/2025, hiệu lực từ 01/7/2025
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def imported(project: Path, name: str):
    content = load_content(project / "content", project)
    return next(e for e in content.reports if e.slug == name).report


@pytest.fixture(scope="module")
def word_2024(content_2024, tmp_path_factory) -> Path:
    """The 2024 report typed in Word, with the header as a two-column table (write_docx's layout)."""
    return write_docx(from_content(content_2024, split_task=None), tmp_path_factory.mktemp("word") / "bao-cao.docx")


def with_header(source: Path, target: Path, make: Callable[[DocxDocument], list]) -> Path:
    """``source`` with its header table replaced by what ``make`` adds to the document."""
    doc = Document(str(source))
    body = doc.element.body
    body.remove(body[0])
    for i, block in enumerate(make(doc)):
        body.insert(i, block._element)
    doc.save(str(target))
    return target


def _lines(cell_or_doc, lines: list[tuple[str, str]]) -> list:
    """Paragraphs ('b' bold, 'u' underlined, 'i' italic, '' plain); a '\n' in a text is Shift+Enter."""
    made = []
    for i, (text, style) in enumerate(lines):
        paragraph = cell_or_doc.paragraphs[0] if i == 0 and hasattr(cell_or_doc, "_tc") else \
            cell_or_doc.add_paragraph()
        for j, piece in enumerate(text.split("\n")):
            run = paragraph.add_run(piece)
            run.bold, run.underline, run.italic = "b" in style, "u" in style, "i" in style
            if j < text.count("\n"):
                run.add_break(WD_BREAK.LINE)
        made.append(paragraph)
    return made


def three_rows(doc: DocxDocument) -> list:
    # One row per line, the issuer underlined rather than bold, blanks typed as dots and ellipses.
    table = doc.add_table(rows=3, cols=2)
    for row, (left, right) in enumerate([(PHUONG_4[0], NATION), (PHUONG_4[1], MOTTO),
                                         ("Số: …/BC-UBND", "Phường 4, ngày ... tháng ... năm 2024")]):
        _lines(table.cell(row, 0), [(left, "u" if row == 1 else "")])
        _lines(table.cell(row, 1), [(right, "b" if row < 2 else "i")])
    return [table]


def tabbed(doc: DocxDocument) -> list:
    # Paragraphs with a tab between the two columns.
    return _lines(doc, [(f"{PHUONG_4[0]}\t{NATION}", ""), (f"{PHUONG_4[1]}\t{MOTTO}", "b"),
                        ("Số:      /BC-UBND\tPhường 4, ngày      tháng      năm 2024", "")])


def paragraphs(doc: DocxDocument) -> list:
    # One paragraph per line, Quốc hiệu first, the issuer's name broken over two lines (Shift+Enter).
    return _lines(doc, [(NATION, "b"), (MOTTO, "b"), ("-----------------", ""), (PHUONG_4[0], ""),
                        ("ỦY BAN NHÂN DÂN\nPHƯỜNG 4", "b"), ("Số: /BC-UBND", ""),
                        ("Phường 4, ngày  tháng  năm 2024", "i")])


@pytest.mark.parametrize("layout", [None, three_rows, tabbed, paragraphs],
                         ids=["table-1x2", "table-3x2-underlined", "tabs", "paragraphs"])
def test_word_header_is_stored_as_written(project, cli_run, word_2024, tmp_path, layout):
    source = word_2024 if layout is None else with_header(word_2024, tmp_path / "bao-cao.docx", layout)
    result = cli_run("import", source, "--out", project / "content/reports/nhap")
    assert result.code == 0, result.err
    report = imported(project, "nhap")
    assert report.header == Header(superior=PHUONG_4[0], issuer=PHUONG_4[1])
    assert report.unit == "Ủy ban nhân dân phường 4"  # the unit's name in content/unit.yaml
    # The header table was neither taken for the appendix nor mixed into the report's parts.
    assert (report.number, report.symbol, report.place, report.date, report.year) == \
        (None, "BC-UBND", "Phường 4", None, 2024)
    assert (report.doc_type, report.title[:25]) == ("BÁO CÁO", "Tình hình thực hiện các n")
    written = (project / "content/reports/nhap/report.yaml").read_text(encoding="utf-8")
    assert "unit: Ủy ban nhân dân phường 4\nheader:\n  superior: UBND THÀNH PHỐ ĐÔNG HÀ\n" \
           "  issuer: ỦY BAN NHÂN DÂN PHƯỜNG 4\ndoc_type: BÁO CÁO\n" in written


def test_text_export_without_agency_lines_leaves_the_header_blank(project, cli_run):
    result = cli_run("import", EXPORT_2024, "--out", project / "content/reports/nhap")
    assert result.code == 0, result.err
    report = imported(project, "nhap")
    assert (report.header, report.unit) == (Header(), None)
    written = (project / "content/reports/nhap/report.yaml").read_text(encoding="utf-8")
    assert "header:" not in written and "unit:" not in written


def test_only_the_issuer_given_leaves_the_superior_blank(project, cli_run, tmp_path):
    source = tmp_path / "bao-cao.txt"
    source.write_text("**ỦY BAN NHÂN DÂN PHƯỜNG 4**\n\n" + EXPORT_2024.read_text(encoding="utf-8"), encoding="utf-8")
    assert cli_run("import", source, "--out", project / "content/reports/nhap").code == 0
    assert imported(project, "nhap").header == Header(superior=None, issuer="ỦY BAN NHÂN DÂN PHƯỜNG 4")
    written = (project / "content/reports/nhap/report.yaml").read_text(encoding="utf-8")
    assert "header:\n  superior:\n  issuer: ỦY BAN NHÂN DÂN PHƯỜNG 4\n" in written


def test_another_units_report_is_refused_until_it_is_a_declared_predecessor(project, cli_run):
    out = project / "content/reports/2025-thuan-an"
    before = snapshot(project / "content")
    refused = cli_run("import", THUAN_AN, "--out", out)
    assert refused.code == 1, refused.out
    assert f"{THUAN_AN}: lỗi: tệp sẽ ghi content/reports/2025-thuan-an/report.yaml, dòng 3 (tên cơ quan ban hành " \
           "ở đầu văn bản nguồn), unit: báo cáo của đơn vị khác, không phải Ủy ban nhân dân phường 4 " \
           "(tìm thấy: 'ỦY BAN NHÂN DÂN XÃ THUẬN AN'; cần: chỉ đăng báo cáo của đơn vị này; nếu đơn vị kia đã sáp " \
           "nhập vào đơn vị này, khai báo nó trong predecessors của content/unit.yaml)" in refused.err
    assert refused.err.endswith("Chưa ghi tệp nào.\n")
    assert "Traceback" not in refused.err
    assert snapshot(project / "content") == before

    unit = project / "content/unit.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + PREDECESSOR, encoding="utf-8")
    result = cli_run("import", THUAN_AN, "--out", out)
    assert result.code == 0, result.err
    written = (out / "report.yaml").read_text(encoding="utf-8")
    assert "\nunit: Ủy ban nhân dân xã Thuận An\nheader:\n  superior: UBND HUYỆN TRIỆU PHONG\n" \
           "  issuer: ỦY BAN NHÂN DÂN XÃ THUẬN AN\n" in written
    report = imported(project, "2025-thuan-an")
    assert (report.number, report.symbol, report.place, report.date) == (15, "BC-UBND", "Thuận An", "06/01/2025")


def test_word_report_of_a_predecessor(project, cli_run, word_2024, tmp_path):
    def thuan_an(doc: DocxDocument) -> list:
        table = doc.add_table(rows=1, cols=2)
        _lines(table.cell(0, 0), [("UBND HUYỆN TRIỆU PHONG", ""), ("UỶ BAN NHÂN DÂN XÃ THUẬN AN", "bu"),
                                  ("Số: 15/BC-UBND", "")])
        _lines(table.cell(0, 1), [(NATION, "b"), (MOTTO, "b"), ("Thuận An, ngày 06 tháng 01 năm 2025", "i")])
        return [table]

    source = with_header(word_2024, tmp_path / "thuan-an.docx", thuan_an)
    out = project / "content/reports/2025-thuan-an"
    refused = cli_run("import", source, "--out", out)
    assert refused.code == 1
    assert "unit: báo cáo của đơn vị khác, không phải Ủy ban nhân dân phường 4 (tìm thấy: " \
           "'UỶ BAN NHÂN DÂN XÃ THUẬN AN'" in refused.err
    assert not out.exists()
    unit = project / "content/unit.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + PREDECESSOR, encoding="utf-8")
    result = cli_run("import", source, "--out", out)
    assert result.code == 0, result.err
    report = imported(project, "2025-thuan-an")
    assert report.unit == "Ủy ban nhân dân xã Thuận An"
    assert report.header == Header(superior="UBND HUYỆN TRIỆU PHONG", issuer="UỶ BAN NHÂN DÂN XÃ THUẬN AN")


def test_text_export_header_as_paragraphs(project, cli_run, tmp_path):
    lines = THUAN_AN.read_text(encoding="utf-8").split("\n")
    header = [NATION, MOTTO, "UBND HUYỆN TRIỆU PHONG", "**ỦY BAN NHÂN DÂN XÃ THUẬN AN**", "Số: 15/BC-UBND",
              "Thuận An, ngày 06 tháng 01 năm 2025"]
    source = tmp_path / "bao-cao.txt"
    source.write_text("\n\n".join(header) + "\n" + "\n".join(lines[4:]), encoding="utf-8")
    unit = project / "content/unit.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + PREDECESSOR, encoding="utf-8")
    result = cli_run("import", source, "--out", project / "content/reports/2025-thuan-an")
    assert result.code == 0, result.err
    report = imported(project, "2025-thuan-an")
    assert report.header == Header(superior="UBND HUYỆN TRIỆU PHONG", issuer="ỦY BAN NHÂN DÂN XÃ THUẬN AN")
    assert (report.number, report.date, report.unit) == (15, "06/01/2025", "Ủy ban nhân dân xã Thuận An")


@pytest.mark.parametrize(("old", "new", "column"), [("STT\t", "Thứ tự\t", 1),
                                                   ("\tTÀI LIỆU KIỂM CHỨNG", "\tTài liệu đính kèm", 4)])
def test_header_table_is_read_and_not_taken_for_the_appendix(project, cli_run, tmp_path, old, new, column):
    """An appendix whose column headers are not recognised is reported as such. Before, the export's
    header table was skipped ('không thấy dòng số, ký hiệu') or, when no table started with STT,
    taken for the appendix (its cells reported as column headers)."""
    source = tmp_path / "bao-cao.txt"
    source.write_text(THUAN_AN.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    result = cli_run("import", source, "--out", project / "content/reports/2025-thuan-an")
    assert result.code == 1
    line = next(i for i, text in enumerate(source.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith(new if column == 1 else "STT\t"))
    assert f"{source}:{line}: lỗi: bảng phụ lục, hàng 1, cột {column}: không nhận ra tiêu đề cột " \
           f"(tìm thấy: {new.strip()!r}" in result.err
    assert "TRIỆU PHONG" not in result.err and "CỘNG HÒA" not in result.err
    assert "không thấy dòng số, ký hiệu" not in result.err and "đầu văn bản" not in result.err


@pytest.mark.parametrize(("lines", "superior", "issuer"), [
    (["UBND THÀNH PHỐ ĐÔNG HÀ", "**ỦY BAN NHÂN DÂN PHƯỜNG 4**"], "UBND THÀNH PHỐ ĐÔNG HÀ", "ỦY BAN NHÂN DÂN PHƯỜNG 4"),
    (["UBND THÀNH PHỐ ĐÔNG HÀ", "ỦY BAN NHÂN DÂN PHƯỜNG 4"], "UBND THÀNH PHỐ ĐÔNG HÀ", "ỦY BAN NHÂN DÂN PHƯỜNG 4"),
    (["**UBND THÀNH PHỐ ĐÔNG HÀ**", "**ỦY BAN NHÂN DÂN PHƯỜNG 4**"], "UBND THÀNH PHỐ ĐÔNG HÀ",
     "ỦY BAN NHÂN DÂN PHƯỜNG 4"),
    (["UBND THÀNH PHỐ ĐÔNG HÀ", "**ỦY BAN NHÂN DÂN**", "**PHƯỜNG 4**"], "UBND THÀNH PHỐ ĐÔNG HÀ",
     "ỦY BAN NHÂN DÂN PHƯỜNG 4"),
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG 4"], None, "ỦY BAN NHÂN DÂN PHƯỜNG 4"),
    (["HUYỆN ỦY TRIỆU PHONG", "BAN TUYÊN GIÁO"], "HUYỆN ỦY TRIỆU PHONG", "BAN TUYÊN GIÁO"),
    (["**ỦY BAN NHÂN DÂN XÃ THUẬN AN**"], None, "ỦY BAN NHÂN DÂN XÃ THUẬN AN"),
    ([NATION, MOTTO, "DỰ THẢO", "(Lần 2)", "___________", "UBND TP ĐÔNG HÀ", "**UBND PHƯỜNG 4**",
      "Phường 4, ngày … tháng … năm 2024"], "UBND TP ĐÔNG HÀ", "UBND PHƯỜNG 4"),
    ([NATION, MOTTO, "Phường 4, ngày 06 tháng 01 năm 2025"], None, None),
    ([], None, None),
])
def test_agency_lines_of_the_header(lines, superior, issuer):
    assert read_header(lines) == {"superior": superior, "issuer": issuer}
