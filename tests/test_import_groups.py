"""An appendix whose tasks are grouped under heading rows (STT I, II, … or A, B, …), as reports on
PAR INDEX, SIPAS and PAPI often are: each task keeps its group's heading, the report page shows the
heading before the group's first task, and each task page names its group.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import as_commune, build, page_text
from docx import Document
from html_site import parse
from site_browser import open_page
from word_report import from_content, write_docx

from generator.content.load import load_content
from generator.importer.appendix import read_tasks
from generator.importer.source import Problems, Row, Table

HELDOUT = Path(__file__).resolve().parent / "fixtures" / "heldout"
SOURCE = HELDOUT / "bao-cao-xa-2025-nhom.txt"
PAR = "I. CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)"
SIPAS = "II. CHỈ SỐ HÀI LÒNG VỀ SỰ PHỤC VỤ HÀNH CHÍNH (SIPAS)"
PAPI = "III. CHỈ SỐ HIỆU QUẢ QUẢN TRỊ VÀ HÀNH CHÍNH CÔNG (PAPI)"


def changed(tmp_path: Path, old: str, new: str) -> Path:
    text = SOURCE.read_text(encoding="utf-8")
    assert old in text
    source = tmp_path / "bao-cao.txt"
    source.write_text(text.replace(old, new, 1), encoding="utf-8")
    return source


def test_grouped_appendix_is_imported_and_published_with_its_groups(project, cli_run):
    content_dir = as_commune(project)
    result = cli_run("import", SOURCE, "--out", content_dir / "reports/2025-xa")
    assert result.code == 0, result.err
    first = (content_dir / "reports/2025-xa/tasks/nhiem-vu-01.yaml").read_text(encoding="utf-8")
    assert f"number: 1\ngroup: {PAR}\ncontent:" in first
    entry = load_content(content_dir, project).reports[0]
    # Numeral and title in two cells are joined with '. '; in one cell (a merged row) kept as written;
    # bold in the source is not part of the words.
    assert [(t.number, t.group) for t in entry.tasks] == [(1, PAR), (2, PAR), (3, SIPAS), (4, SIPAS), (5, PAPI)]
    # The row after the repeated header (page break) still continues task 3, not the group.
    assert entry.tasks[2].result == ["Bố trí công chức thường trực tại bộ phận một cửa trong giờ hành chính, "
                                     "không để người dân chờ quá 15 phút."]
    assert [(c.heading, c.paragraphs) for c in entry.tasks[2].other_columns] == [("Ghi chú", ["Đạt"])]

    site = build(project)
    table = parse(site / "bao-cao/2025-xa/index.html").cssselect("article table[data-cards]")[-1]
    rows = [[" ".join(td.text_content().split()) for td in tr.cssselect("td")] for tr in table.cssselect("tbody tr")]
    assert [row[0] or row[1] for row in rows] == [PAR, "1", "2", SIPAS, "3", "4", PAPI, "5"]
    for heading_row in (rows[0], rows[3], rows[6]):
        assert heading_row[0] == heading_row[2] == heading_row[3] == heading_row[4] == ""
    heading = table.cssselect("tbody tr")[0].cssselect("td")
    assert heading[1].cssselect("strong")[0].text_content() == PAR
    assert [td.get("data-label") for td in heading] == \
        ["STT", "NỘI DUNG, NHIỆM VỤ", "KẾT QUẢ THỰC HIỆN", "TÀI LIỆU KIỂM CHỨNG", "Ghi chú"]
    task = page_text(site / "bao-cao/2025-xa/nhiem-vu-03.html")
    assert f"<p>Nhóm: <strong>{SIPAS}</strong></p>" in task
    assert task.index(SIPAS) < task.index(">Kết quả thực hiện<a")


def test_a_group_row_with_a_result_is_refused(project, cli_run, tmp_path):
    content_dir = as_commune(project)
    source = changed(tmp_path, "I\tCHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)\t\t",
                     "I\tCHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)\tĐã tổ chức 06 hội nghị\t")
    result = cli_run("import", source, "--out", content_dir / "reports/2025-xa")
    assert result.code == 1
    assert f"{source}:36: lỗi: bảng phụ lục, hàng 2, cột 3 (KẾT QUẢ THỰC HIỆN): hàng nhóm I có chữ ở cột này " \
           "(tìm thấy: 'Đã tổ chức 06 hội nghị'; cần: hàng nhóm chỉ có số thứ tự nhóm (I, II, … hoặc A, B, …) " \
           "ở cột STT và tên nhóm ở cột nội dung; nếu hàng này là một nhiệm vụ, ghi STT bằng số 1, 2, 3, … " \
           "tiếp nối qua các nhóm)\n" in result.err
    assert not (content_dir / "reports/2025-xa").exists()


def test_numbering_restarted_in_each_group_is_refused_once_per_group(project, cli_run, tmp_path):
    content_dir = as_commune(project)
    text = SOURCE.read_text(encoding="utf-8")
    for old, new in (("\n3\tNâng", "\n1\tNâng"), ("\n4\tLấy", "\n2\tLấy")):
        text = text.replace(old, new, 1)
    source = tmp_path / "bao-cao.txt"
    source.write_text(text, encoding="utf-8")
    result = cli_run("import", source, "--out", content_dir / "reports/2025-xa")
    assert result.code == 1
    errors = [line for line in result.err.splitlines() if ": lỗi: " in line]
    assert errors == [f"{source}:40: lỗi: bảng phụ lục, hàng 6, cột 1 (STT): STT đánh lại từ 1 ở nhóm II "
                      "(tìm thấy: 1; cần: STT 3: STT tiếp nối qua các nhóm (sau STT 2 của nhóm trước), "
                      "mỗi nhiệm vụ một STT riêng trong báo cáo)",
                      # group III continues from 4 as if group II had been numbered 3, 4: its task 5 is not wrong
                      ], errors


HEADER = ("STT", "NỘI DUNG, NHIỆM VỤ", "KẾT QUẢ THỰC HIỆN", "TÀI LIỆU KIỂM CHỨNG")


def read(*rows: tuple[str, ...]) -> tuple[list[tuple[int, str | None]], list[str]]:
    table = Table(tuple(Row(tuple((c,) if c else () for c in cells), n) for n, cells in enumerate((HEADER, *rows), 1)))
    problems = Problems("bao-cao.txt")
    _, drafts = read_tasks(table, problems)
    return [(d.number, d.group) for d in drafts], [f"{p.field}: {p.message}" for p in problems.items]


def test_roman_numerals_letters_and_task_numbers():
    assert read(("A", "PAR INDEX", "", ""), ("1", "Việc một", "Xong", ""), ("1.", "…", "", "")) == \
        ([(1, "A. PAR INDEX"), (1, "A. PAR INDEX")], ["bảng phụ lục, hàng 4, cột 1 (STT): STT 1 bị lặp"])
    tasks, problems = read(("IV.", "Nhóm bốn", "", ""), ("1", "Việc", "", ""), ("V", "Nhóm năm", "", ""),
                           ("2", "Việc", "", ""), ("XX", "Nhóm hai mươi", "", ""), ("3", "Việc", "", ""))
    assert (tasks, problems) == ([(1, "IV. Nhóm bốn"), (2, "V. Nhóm năm"), (3, "XX. Nhóm hai mươi")], [])
    assert read(("1", "Không nhóm", "", ""), ("2", "Không nhóm", "", "")) == ([(1, None), (2, None)], [])


@pytest.mark.parametrize("stt", ["XXI", "IIII", "i", "a", "AB", "Đ", "1a", "I)"])
def test_other_stt_is_still_not_a_number(stt):
    _, problems = read(("1", "Việc", "", ""), (stt, "Tiêu đề", "", ""), ("2", "Việc", "", ""))
    assert problems == ["bảng phụ lục, hàng 3, cột 1 (STT): STT không phải số thứ tự"]


def test_a_group_must_have_a_title_and_a_task_and_no_continuation_row():
    assert read(("I", "", "", ""), ("1", "Việc", "", ""))[1] == \
        ["bảng phụ lục, hàng 2, cột 2 (NỘI DUNG, NHIỆM VỤ): hàng nhóm I thiếu tên nhóm"]
    assert read(("1", "Việc", "", ""), ("II", "Nhóm trống", "", ""))[1] == \
        ["bảng phụ lục, hàng 3, cột 1 (STT): nhóm II không có nhiệm vụ nào"]
    assert read(("I", "Nhóm", "", ""), ("", "tiếp tên nhóm", "", ""), ("1", "Việc", "", ""))[1] == \
        ["bảng phụ lục, hàng 3, cột 1 (STT): hàng không có STT ngay dưới hàng nhóm I"]
    assert read(("I", "Nhóm", "", ""), ("1", "Việc", "", ""), ("", "tiếp việc", "", ""))[1] == []
    assert read(("B", "Nhóm", "", "Kế hoạch số 1/KH-UBND ngày 01/01/2025"), ("1", "Việc", "", ""))[1] == \
        ["bảng phụ lục, hàng 2, cột 4 (TÀI LIỆU KIỂM CHỨNG): hàng nhóm B có chữ ở cột này"]


def _grouped_word_report(content_2024, tmp_path: Path, merge_from: int) -> Path:
    """The 2024 report as a Word file with a group row above task 1, its cells merged from column
    ``merge_from`` to the last (0: the numeral and title in one cell across the whole row)."""
    path = write_docx(from_content(content_2024, split_task=None), tmp_path / "bao-cao.docx")
    doc = Document(str(path))
    table = doc.tables[-1]
    row = table.add_row()
    table._tbl.remove(row._tr)
    table.rows[0]._tr.addnext(row._tr)
    last = len(table.columns) - 1
    if merge_from == 0:
        table.cell(1, 0).merge(table.cell(1, last)).text = "I. CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"
    else:
        table.cell(1, 0).text = "I"
        table.cell(1, merge_from).merge(table.cell(1, last)).text = "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"
    doc.save(str(path))
    return path


@pytest.mark.parametrize(("merge_from", "heading"), [(1, "I. CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"),
                                                     (0, "I. CHỈ SỐ CẢI CÁCH HÀNH CHÍNH")])
def test_a_word_group_row_merged_across_the_table_is_a_group(project, cli_run, tmp_path, content_2024,
                                                              merge_from, heading):
    source = _grouped_word_report(content_2024, tmp_path, merge_from)
    result = cli_run("import", source, "--out", project / "content/reports/nhap")
    assert result.code == 0, result.err
    imported = next(e for e in load_content(project / "content", project).reports if e.slug == "nhap")
    assert {t.group for t in imported.tasks} == {heading}


@pytest.mark.browser
def test_on_a_phone_a_group_row_is_a_card_with_its_heading_only(project, cli_run, chromium):
    content_dir = as_commune(project)
    assert cli_run("import", SOURCE, "--out", content_dir / "reports/2025-xa").code == 0
    site = build(project)
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    open_page(page, (site / "bao-cao/2025-xa/index.html").as_uri())
    shown = page.eval_on_selector_all("article table[data-cards] tbody tr", """rows => rows.map(tr =>
        [...tr.children].filter(td => td.getBoundingClientRect().height > 0).map(td => td.dataset.label))""")
    context.close()
    assert shown[0] == ["NỘI DUNG, NHIỆM VỤ"]  # the heading, with no empty STT or result labels
    assert shown[1][:4] == ["STT", "NỘI DUNG, NHIỆM VỤ", "KẾT QUẢ THỰC HIỆN", "TÀI LIỆU KIỂM CHỨNG"]
    assert shown[4] == [*shown[1][:4], "Ghi chú"]  # task 3's note ("Đạt"); a blank note shows no label
