"""Read a Word (.docx) report with python-docx.

Body paragraphs and the layout tables of NĐ 30/2020 (header, Nơi nhận / signature)
become paragraphs in reading order, cell by cell. The appendix table (first row
starting with STT) is kept as a table. Merged cells and tables inside cells cannot be
kept in the content model, so they stop the import with the row and column named.

Before python-docx opens the file, :func:`.guard.zip_ok` checks the sizes the zip
declares; before the paragraphs are read, their number is counted on the parsed XML.
Whatever else python-docx cannot read is reported as a damaged file, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph

from .guard import CORRUPT, RESAVE, counts_ok, zip_ok
from .headers import folded, is_appendix_header
from .source import Para, Problems, Row, Run, SourceDoc, Table, runs_to_markdown

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 files and encrypted .docx


def read_word(path: Path, name: str, problems: Problems) -> SourceDoc:
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head == _OLE_MAGIC:
        if "EncryptionInfo".encode("utf-16-le") in path.read_bytes():
            problems.add("", "tệp Word được đặt mật khẩu, không đọc được",
                         expected="mở tệp trong Word, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu) rồi lưu lại")
        else:
            problems.add("", "tệp là định dạng Word 97-2003 (.doc) đổi tên, không phải .docx",
                         expected="mở trong Word rồi Lưu thành > Tài liệu Word (.docx)")
        return SourceDoc(name, ())
    if not zip_ok(path, problems):
        return SourceDoc(name, ())
    try:
        # Any failure inside python-docx on this file means the file is not a .docx it can read.
        document = Document(str(path))
        body = document.element.body
        paragraphs, rows = int(body.xpath("count(.//w:p)")), int(body.xpath("count(.//w:tr)"))
    except Exception as exc:  # noqa: BLE001
        problems.add("", CORRUPT, found=type(exc).__name__, expected=RESAVE)
        return SourceDoc(name, ())
    if not counts_ok(paragraphs, rows, problems):
        return SourceDoc(name, ())
    try:
        return SourceDoc(name, tuple(_blocks(document, problems)))
    except Exception as exc:  # noqa: BLE001
        problems.add("", "tệp .docx có cấu trúc lạ, không đọc được", found=type(exc).__name__, expected=RESAVE)
        return SourceDoc(name, ())


def _blocks(document: DocxDocument, problems: Problems) -> list[Para | Table]:
    styles = StyleNames(document)
    blocks: list[Para | Table] = []
    after_title = False  # the first table after 'PHỤ LỤC' is the appendix, whatever its headers
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines = paragraph_lines(Paragraph(child, document), styles)
            after_title = after_title or any(folded(line).startswith("phu luc") for line in lines)
            blocks.extend(Para(line) for line in lines)
        elif child.tag == qn("w:tbl"):
            table = DocxTable(child, document)
            if after_title or is_appendix_header(_first_row_texts(table)):
                blocks.append(_appendix(table, styles, problems))
                after_title = False
            else:
                blocks.extend(Para(line) for cell in _layout_cells(table) for p in cell.paragraphs
                              for line in paragraph_lines(p, styles))
    return blocks


class StyleNames:
    """Paragraph style names by style id, read once per document.

    python-docx's ``Paragraph.style`` scans every style of the document for each paragraph
    (milliseconds each): a 20,000-paragraph report spent minutes there.
    """

    def __init__(self, document: DocxDocument):
        styles = document.styles
        first: dict[str | None, BaseStyle] = {}
        for style in styles:  # python-docx takes the first style with an id, then checks its type
            first.setdefault(style.style_id, style)
        self.names = {style_id: style.name for style_id, style in first.items()
                      if style.type == WD_STYLE_TYPE.PARAGRAPH}
        default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.default: str | None = default.name if default is not None else None

    def of(self, paragraph: Paragraph) -> str | None:
        """The name ``paragraph.style.name`` gives (the default style for a missing or unknown id)."""
        style_id = paragraph._p.style
        return self.names.get(style_id, self.default) if style_id is not None else self.default


def paragraph_lines(paragraph: Paragraph, styles: StyleNames | None = None) -> list[str]:
    """A paragraph as Markdown lines: a line break (Shift+Enter) starts a new line."""
    lines: list[list[Run]] = [[]]
    for item in paragraph.iter_inner_content():
        runs = item.runs if isinstance(item, Hyperlink) else [item]
        url = item.url if isinstance(item, Hyperlink) else None
        for run in runs:
            for i, piece in enumerate(run.text.split("\n")):
                if i:
                    lines.append([])
                lines[-1].append(Run(piece, bool(run.bold), bool(run.italic), url))
    texts = [runs_to_markdown(line) for line in lines]
    if _is_bullet(paragraph, styles):
        texts = [t if t.startswith("- ") else f"- {t}" for t in texts]
    return [t for t in texts if t]


def _is_bullet(paragraph: Paragraph, styles: StyleNames | None) -> bool:
    # Word's own bullets are numbering, not text: keep them as the '- ' items of the content.
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        return True
    name = styles.of(paragraph) if styles is not None else (
        paragraph.style.name if paragraph.style is not None else None)
    return name is not None and name.startswith("List Bullet")


def _first_row_texts(table: DocxTable) -> list[str]:
    if not table._tbl.tr_lst:
        return []
    return [_Cell(tc, table).text for tc in table._tbl.tr_lst[0].tc_lst]


def _layout_cells(table: DocxTable) -> list[_Cell]:
    return [_Cell(tc, table) for tr in table._tbl.tr_lst for tc in tr.tc_lst]


def _appendix(table: DocxTable, styles: StyleNames, problems: Problems) -> Table:
    rows = []
    for number, tr in enumerate(table._tbl.tr_lst, start=1):
        cells = []
        for column, tc in enumerate(tr.tc_lst, start=1):
            where = f"bảng phụ lục, hàng {number}, cột {column}"
            if tc.grid_span > 1 or tc.vMerge is not None:
                problems.add(where, "ô bị gộp (merge cells), không nhập được",
                             expected="tách ô (Bố trí > Tách ô) để mỗi hàng có đủ các ô riêng")
            cell = _Cell(tc, table)
            if cell.tables:
                problems.add(where, "có bảng lồng trong ô, không nhập được",
                             expected="chép nội dung bảng con thành các đoạn văn trong ô")
            cells.append(tuple(line for p in cell.paragraphs for line in paragraph_lines(p, styles)))
        rows.append(Row(tuple(cells), number))
    return Table(tuple(rows))
