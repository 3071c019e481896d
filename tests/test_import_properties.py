"""Property-based tests of the importer: whatever a clerk feeds it, as a text export or typed into
a Word file, the import ends with a report written (and loading) or with our own ContentError
naming the source, never another exception, and a refused import leaves content/ as it was.

Inputs are drawn from the pieces that matter to the readers (tabs, cell HTML, STT numbers,
column headers, the NĐ 30/2020 header lines, citations, formatting marks, odd Unicode) and
spliced into the 2024 report, so short examples get past the first checks to the hard cases.
"""

from __future__ import annotations

import shutil
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from word_report import WordReport, from_content, write_docx

from generator.content.load import load_content
from generator.importer import import_report
from generator.importer.guard import CORRUPT
from generator.problems import ContentError

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCE = FIXTURES / "bao-cao-2024.txt"
SOURCE_LINES = SOURCE.read_text(encoding="utf-8").splitlines()
CONTENT_2024 = load_content(FIXTURES / "content-2024", FIXTURES)

PROPERTY = settings(max_examples=15, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

PIECES = st.sampled_from([
    "STT", "TT", "NỘI DUNG, NHIỆM VỤ", "KẾT QUẢ THỰC HIỆN", "TÀI LIỆU KIỂM CHỨNG", "Ghi chú", "Tiến độ",
    "1.", "2", "01", "3 .", "0", "99999999999999999999", "١٢", "-1",
    "Kế hoạch số 124/KH-UBND ngày 26/02/2024 về tuyên truyền", "Quyết định số 15/QĐ-UBND ngày 31/02/2025 về x",
    "Công văn số 1/ ngày 1/1/2024", "Biên bản họp", "Trích xuất phần mềm", "Hình ảnh https://a.vn/x.", "Ảnh",
    "<p>", "</p>", "<ul>", "<li>", "</li>", "</ul>", "<br>", "<b>", "</b>", "<em>", "<table>", "<td>",
    "<a href='https://x.vn/a'>", "<a href='javascript:alert(1)'>", "</a>", "<!--", "<![CDATA[", "&amp;", "&#0;",
    "&#x110000;", "**", "*", "\\", "[", "](https://a.vn)", "- ", "+ ", "• ",
    "Số: 12/BC-UBND", "Số: /BC-UBND", "Số:", "Phường 4, ngày 26 tháng 02 năm 2024", "ngày  tháng  năm 0999",
    "ngày 31 tháng 13 năm 2024", "BÁO CÁO", "KẾ HOẠCH", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
    "Nguyễn Văn A", "PHỤ LỤC", "(kèm theo)", "Trên đây", "I. Mục", "1. Mục", "a", "đ", "Ế",
    " ", "  ", "\t", ":", ";", ".", "…", "/", "#", "'", '"', "{", "}", "|", ">", "&", "%",
    "\u0301", "\ufeff", "\x00", "\x0b", "\x85", "\u2028", "\u200b", "🙂", "x" * 300,
])
piece_text = st.lists(PIECES, max_size=12).map("".join)
free_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)

# One change to a line of the 2024 export: replace it, insert before it, or delete it.
edits = st.lists(st.tuples(st.integers(0, len(SOURCE_LINES) - 1), st.sampled_from(["replace", "insert", "delete"]),
                           st.one_of(piece_text, free_text)), min_size=1, max_size=6)
rows = st.lists(st.lists(piece_text, min_size=0, max_size=6).map("\t".join), min_size=1, max_size=8)

# Text a clerk can type in Word: no control characters but Tab and line break, nothing XML cannot hold.
def _typeable(text: str) -> str:
    return "".join(c for c in text if c in "\t\n" or (unicodedata.category(c) not in ("Cc", "Cs")
                                                       and c not in "\ufffe\uffff"))


word_text = st.one_of(st.text(st.characters(codec="utf-8"), max_size=80),
                      st.lists(PIECES, max_size=8).map("".join)).map(_typeable)
word_cell = st.lists(word_text, max_size=3)
word_rows = st.lists(st.lists(word_cell, min_size=5, max_size=5), min_size=1, max_size=5)
word_headers = st.lists(st.one_of(st.sampled_from(["STT", "TT", "NỘI DUNG, NHIỆM VỤ", "Kết quả", "Tài liệu kiểm chứng",
                                                   "Ghi chú", "Tiến độ"]), word_text), min_size=4, max_size=5)


def attempt(source: Path) -> ContentError | None:
    """Import ``source`` into a fresh copy of the fixture project and check the outcome."""
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "du-an"
        shutil.copytree(FIXTURES / "content-2024", project / "content")
        before = _tree(project)
        try:
            outcome = import_report(source, project / "content/reports/nhap", shown_as=source.name)
        except ContentError as exc:
            assert exc.problems
            assert all(p.file == source.name or p.file.startswith("content/") for p in exc.problems)
            assert _tree(project) == before
            return exc
        # Written as checked (the import loaded these very files with the rest of content/ first).
        assert outcome.imported.tasks
        assert {rel: (project / "content" / rel).read_text(encoding="utf-8") for rel in outcome.files} == outcome.files
        assert not list(project.glob(".phuong-import-*"))
        return None


def _tree(folder: Path) -> dict[str, bytes | None]:
    return {p.relative_to(folder).as_posix(): None if p.is_dir() else p.read_bytes() for p in sorted(folder.rglob("*"))}


def _text_source(folder: str, text: str) -> Path:
    path = Path(folder) / "bao-cao.txt"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    return path


@PROPERTY
@given(text=free_text)
def test_any_text_ends_in_a_report_or_our_message(text):
    with tempfile.TemporaryDirectory() as folder:
        attempt(_text_source(folder, text))


@PROPERTY
@given(changes=edits)
@example(changes=[(7, "replace", ":")])  # a paragraph starting with ':' once crashed the YAML writer
@example(changes=[(12, "insert", "? hỏi")])
def test_the_2024_export_with_any_lines_changed_ends_in_a_report_or_our_message(changes):
    lines = list(SOURCE_LINES)
    for index, operation, text in changes:
        index = min(index, len(lines) - 1)
        if operation == "replace":
            lines[index] = text
        elif operation == "insert":
            lines.insert(index, text)
        elif len(lines) > 1:
            del lines[index]
    with tempfile.TemporaryDirectory() as folder:
        attempt(_text_source(folder, "\n".join(lines)))


@PROPERTY
@given(table=rows)
def test_any_appendix_rows_end_in_a_report_or_our_message(table):
    head = SOURCE_LINES[:SOURCE_LINES.index(next(line for line in SOURCE_LINES if line.startswith("STT\t"))) + 1]
    with tempfile.TemporaryDirectory() as folder:
        attempt(_text_source(folder, "\n".join(head + table)))


@settings(PROPERTY, max_examples=10)
@given(body=st.lists(word_text, max_size=6), headers=st.one_of(st.none(), word_headers), table=word_rows)
def test_any_word_text_ends_in_a_report_or_our_message(body, headers, table):
    report = from_content(CONTENT_2024, split_task=None)
    headers = headers or report.headers
    word = WordReport(report.report, headers, [row[:len(headers)] for row in table], extra_body=body)
    with tempfile.TemporaryDirectory() as folder:
        source = write_docx(word, Path(folder) / "bao-cao.docx")
        error = attempt(source)
    # The file is a real .docx (python-docx wrote it): it is never called damaged.
    assert error is None or not any(p.message == CORRUPT or "cấu trúc lạ" in p.message for p in error.problems)
