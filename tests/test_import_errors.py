"""Bad sources stop the import with a Vietnamese message naming row and column; nothing is written.

``python -m generator import`` runs in this process, into a copy of the 2024 fixture project.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES
from docx import Document
from word_report import from_content, write_docx

FIXTURE = FIXTURES / "bao-cao-2024.txt"


@pytest.fixture
def refused(project, cli_run):
    """Run the import into ``project``, check it failed and wrote nothing; return what the clerk reads."""

    def run(source: Path) -> str:
        before = snapshot(project / "content")
        result = cli_run("import", source, "--out", project / "content/reports/nhap")
        assert result.code == 1, result.out
        assert snapshot(project / "content") == before
        assert result.err.endswith("Chưa ghi tệp nào.\n")
        return result.err

    return run


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def word(content, tmp_path: Path, change=None, edit_table=None) -> Path:
    report = from_content(content, split_task=None)
    if change:
        change(report)
    path = write_docx(report, tmp_path / "bao-cao.docx")
    if edit_table:
        doc = Document(str(path))
        edit_table(doc.tables[-1])
        doc.save(str(path))
    return path


def test_not_docx_or_txt(refused, tmp_path):
    source = tmp_path / "bao-cao.pdf"
    source.write_bytes(b"%PDF-1.4")
    assert f"{source}: lỗi: không nhập được loại tệp này (tìm thấy: .pdf; cần: tệp Word .docx hoặc tệp văn bản .txt " \
           "(bản xuất dạng văn bản))" in refused(source)


def test_corrupt_docx(refused, tmp_path):
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(b"PK\x03\x04 not really a zip")
    assert "lỗi: tệp .docx bị hỏng, không mở được" in refused(source)


def test_password_protected_docx(refused, tmp_path):
    # Word saves a password-protected .docx as an OLE compound file holding an EncryptionInfo stream.
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le"))
    assert "lỗi: tệp Word được đặt mật khẩu, không đọc được (cần: mở tệp trong Word, bỏ mật khẩu" \
        in refused(source)


def test_no_appendix_table(refused, tmp_path):
    source = tmp_path / "bao-cao.txt"
    source.write_text(FIXTURE.read_text(encoding="utf-8").split("STT\t")[0], encoding="utf-8")
    assert f"{source}: lỗi: phụ lục: không tìm thấy bảng phụ lục" in refused(source)


def test_unknown_column_header(refused, tmp_path, content_2024):
    source = word(content_2024, tmp_path, lambda r: r.headers.__setitem__(3, "Tài liệu đính kèm"))
    assert "lỗi: bảng phụ lục, hàng 1, cột 4: không nhận ra tiêu đề cột (tìm thấy: 'Tài liệu đính kèm'; " \
           "cần: STT, NỘI DUNG, NHIỆM VỤ, KẾT QUẢ THỰC HIỆN, TÀI LIỆU KIỂM CHỨNG và cột thêm: Ghi chú, Tiến độ" \
        in refused(source)


def test_task_number_repeated(refused, tmp_path, content_2024):
    source = word(content_2024, tmp_path, lambda r: r.rows[2].__setitem__(0, ["2."]))
    message = refused(source)
    assert "lỗi: bảng phụ lục, hàng 4, cột 1 (STT): STT 2 bị lặp (tìm thấy: 2.; cần: STT 3)" in message
    assert "Tìm thấy 1 lỗi trong tệp nguồn." in message


def test_task_number_skipped(refused, tmp_path, content_2024):
    source = word(content_2024, tmp_path, lambda r: r.rows.pop(4))
    assert "lỗi: bảng phụ lục, hàng 6, cột 1 (STT): thiếu STT 5: sau STT 4 là 6 (tìm thấy: 6.; cần: STT 5)" \
        in refused(source)


def test_citation_that_does_not_parse(refused, tmp_path):
    source = tmp_path / "bao-cao.txt"
    text = FIXTURE.read_text(encoding="utf-8")
    source.write_text(text.replace("Kế hoạch số 127/KH-UBND ngày 26/02/2024", "Kế hoạch số 127/KH-UBND ngày 26/2"),
                      encoding="utf-8")
    line = text[:text.index("Kế hoạch số 127/KH-UBND")].count("\n") + 1
    assert f"{source}:{line}: lỗi: bảng phụ lục, hàng 2, cột 4 (TÀI LIỆU KIỂM CHỨNG): trông như trích dẫn văn bản " \
           "nhưng không đọc được loại, số ký hiệu và ngày (tìm thấy: 'Kế hoạch số 127/KH-UBND ngày " \
           "26/2 về tuyên truyền cải các…'; cần: Kế hoạch số 124/KH-UBND ngày 26/02/2024 về …" in refused(source)


def test_merged_cells(refused, tmp_path, content_2024):
    source = word(content_2024, tmp_path, edit_table=lambda t: t.cell(3, 1).merge(t.cell(3, 2)))
    assert "lỗi: bảng phụ lục, hàng 4, cột 2: ô bị gộp (merge cells), không nhập được" in refused(source)


def test_table_inside_a_cell(refused, tmp_path, content_2024):
    source = word(content_2024, tmp_path, edit_table=lambda t: t.cell(5, 2).add_table(2, 2))
    assert "lỗi: bảng phụ lục, hàng 6, cột 3: có bảng lồng trong ô, không nhập được" in refused(source)


def test_table_inside_an_exported_cell(refused, tmp_path):
    source = tmp_path / "bao-cao.txt"
    source.write_text(FIXTURE.read_text(encoding="utf-8").replace(
        "Thực hiện số hóa.\t", "Thực hiện số hóa.<table><tr><td>x</td></tr></table>\t"), encoding="utf-8")
    line = source.read_text(encoding="utf-8").split("<table>")[0].count("\n") + 1
    # Rows are counted as in the file, the repeated header rows included.
    message = refused(source)
    assert f"{source}:{line}: lỗi: bảng phụ lục, hàng 8, cột 2: có bảng lồng trong ô, không nhập được" in message
    assert "Tìm thấy 1 lỗi trong tệp nguồn." in message
