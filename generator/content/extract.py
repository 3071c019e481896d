"""The text of an attachment, piece by piece with where each piece is (page, sheet, row…).

Read with maintained libraries: pypdf (PDF), python-docx (DOCX), openpyxl (XLSX, read-only);
OpenDocument files (ODT, ODS) are zip files of XML, read with lxml. A table row is given as
``heading: value; heading: value`` (headings from the table's first row), so a value is read
together with what its column says it is ("Ngày sinh: 12/03/1985").

Not read: images (JPG, PNG) and text inside pictures of a PDF (a scanned page has none: the
result then carries a note); text boxes and nested tables of Word files.
"""

from __future__ import annotations

import datetime as dt
import logging
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STAFF_GUIDE = [
    "Tệp đính kèm được đọc chữ để kiểm tra: PDF (từng trang), DOCX (đoạn văn, bảng, đầu trang, chân trang), "
    "XLSX (mọi trang tính), ODT, ODS. Mỗi hàng của bảng được đọc kèm tiêu đề cột của nó (\"Ngày sinh: 12/03/1985\").",
    "Không đọc được: ảnh JPG, PNG; PDF bản chụp (scan) không có lớp chữ (chương trình cảnh báo để người soạn tự "
    "kiểm tra); hộp văn bản (text box) và bảng lồng trong ô của Word. Trong Excel, số lưu dạng số mất số 0 ở đầu "
    "(0912345678 thành 912345678): vẫn bị phát hiện nhưng có thể ghi sai loại.",
    "Tệp có mật khẩu hoặc bị hỏng không kiểm tra được nên chặn việc đóng gói.",
]
ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
READ = (".pdf", ".docx", ".xlsx", ".odt", ".ods")


@dataclass(frozen=True)
class Passage:
    where: str  # "trang 3", "trang tính 'Danh sách', hàng 5", "đoạn 12", "bảng 1, hàng 2"
    text: str


@dataclass(frozen=True)
class Extract:
    passages: tuple[Passage, ...]
    note: str | None = None  # why some of the file could not be read (a scan, an image)


class Unreadable(Exception):
    """The file could not be opened to read its text; the message says why, in Vietnamese."""


def read_passages(path: Path) -> Extract:
    suffix = path.suffix.lower()
    readers = {".pdf": _pdf, ".docx": _docx, ".xlsx": _xlsx, ".odt": _odt, ".ods": _ods}
    if suffix not in readers:
        return Extract((), "ảnh: chữ trong ảnh không đọc được")
    try:
        passages = tuple(p for p in readers[suffix](path) if p.text.strip())
    except Unreadable:
        raise
    except Exception as exc:  # noqa: BLE001  # a damaged file, whatever the library says about it
        raise Unreadable(f"tệp bị hỏng hoặc không đúng định dạng ({type(exc).__name__})") from None
    if suffix == ".pdf" and not passages:
        return Extract((), "PDF không có lớp chữ (bản chụp, scan): không đọc được chữ để kiểm tra")
    return Extract(passages)


def _pdf(path: Path) -> Iterator[Passage]:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its notes on odd but readable files
    reader = PdfReader(path)
    if reader.is_encrypted and not reader.decrypt(""):
        raise Unreadable("tệp PDF có mật khẩu")
    for number, page in enumerate(reader.pages, start=1):
        yield Passage(f"trang {number}", page.extract_text() or "")


def _docx(path: Path) -> Iterator[Passage]:
    import docx
    from docx.table import Table

    document = docx.Document(str(path))
    paragraph = table = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            table += 1
            rows = [[cell.text for cell in row.cells] for row in block.rows]
            yield from _rows(rows, f"bảng {table}, hàng")
        else:
            paragraph += 1
            yield Passage(f"đoạn {paragraph}", block.text)
    for number, section in enumerate(document.sections, start=1):
        for label, part in (("đầu trang", section.header), ("chân trang", section.footer)):
            if not part.is_linked_to_previous:
                text = "\n".join(p.text for p in part.paragraphs)
                yield Passage(f"{label} (phần {number})", text)


def _xlsx(path: Path) -> Iterator[Passage]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            rows = [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
            yield from _rows(rows, f"trang tính '{sheet.title}', hàng")
    finally:
        book.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows(rows: Iterable[list[str]], label: str) -> Iterator[Passage]:
    """Each row as 'heading: value; …', headings from the first row that has any text."""
    headings: list[str] | None = None
    for number, cells in enumerate(rows, start=1):
        cells = [" ".join(c.split()) for c in cells]
        if not any(cells):
            continue
        if headings is None:
            headings = cells
            yield Passage(f"{label} {number}", "; ".join(c for c in cells if c))
            continue
        parts = []
        for i, cell in enumerate(cells):
            heading = headings[i] if i < len(headings) else ""
            if cell:
                parts.append(f"{heading}: {cell}" if heading else cell)
        yield Passage(f"{label} {number}", "; ".join(parts))


def _odf_root(path: Path) -> Any:
    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        if "content.xml" not in archive.namelist():
            raise Unreadable("tệp OpenDocument thiếu phần nội dung (content.xml)")
        data = archive.read("content.xml")
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))


def _odt(path: Path) -> Iterator[Passage]:
    root = _odf_root(path)
    for number, element in enumerate(root.iter(f"{{{ODF_TEXT}}}p", f"{{{ODF_TEXT}}}h"), start=1):
        yield Passage(f"đoạn {number}", "".join(element.itertext()))


def _ods(path: Path) -> Iterator[Passage]:
    root = _odf_root(path)
    for sheet in root.iter(f"{{{ODF_TABLE}}}table"):
        name = sheet.get(f"{{{ODF_TABLE}}}name", "")
        rows = [["\n".join("".join(p.itertext()) for p in cell.iter(f"{{{ODF_TEXT}}}p"))
                 for cell in row if cell.tag in (f"{{{ODF_TABLE}}}table-cell", f"{{{ODF_TABLE}}}covered-table-cell")]
                for row in sheet.iter(f"{{{ODF_TABLE}}}table-row")]
        yield from _rows(rows, f"trang tính '{name}', hàng")
