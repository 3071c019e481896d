"""Read a Word (.docx) report with python-docx, as Word shows it with every tracked change accepted.

Body paragraphs and the layout tables of NĐ 30/2020 (the header; Nơi nhận beside the
signature) become paragraphs in reading order, a layout table column by column (left cell
then right cell, as the eye reads the header). The appendix table (first row starting with
STT, or the first table after PHỤ LỤC that is not a layout table) is kept as a table.
Merged cells and tables inside cells cannot be kept in the content model, so they stop the
import with the row and column named.

python-docx reads only the runs that are direct children of a paragraph and the paragraphs
and rows that are direct children of the body, a table or a cell. Word also nests them in
tracked insertions (``w:ins``, ``w:moveTo``), content controls (``w:sdt``/``w:sdtContent``),
simple fields (``w:fldSimple``), smart tags and custom XML; this reader walks the XML
itself so that none of that text is lost. Deletions (``w:del`` with its ``w:delText``,
``w:moveFrom``, rows deleted with tracking on) are dropped and a deleted paragraph mark joins
the paragraph to the next. A field (``w:fldSimple``, or ``w:fldChar`` begin … separate … end)
shows its result, never its instruction (``w:instrText``); a HYPERLINK field keeps its
address. A content control still showing its prompt (placeholder) is left out: the clerk
typed nothing there.

Before python-docx opens the file, :func:`.guard.zip_ok` checks the sizes the zip
declares; before the paragraphs are read, their number is counted on the parsed XML.
Whatever else python-docx cannot read is reported as a damaged file, never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.styles.style import BaseStyle
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run as DocxRun

from .docheader import is_layout, split_at_tabs
from .guard import CORRUPT, RESAVE, counts_ok, zip_ok
from .headers import folded, is_appendix_header
from .source import Para, Problems, Row, Run, SourceDoc, Table, runs_to_markdown

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 files and encrypted .docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _R = (_W + name for name in ("p", "tbl", "tr", "tc", "r"))
_SDT, _SDT_CONTENT, _CUSTOM_XML, _HYPERLINK = (_W + name for name in ("sdt", "sdtContent", "customXml", "hyperlink"))
_FLD_CHAR, _FLD_SIMPLE, _INSTR = (_W + name for name in ("fldChar", "fldSimple", "instrText"))
_BR, _TEXT = _W + "br", _W + "t"
# Inline wrappers whose runs Word shows (w:del, w:moveFrom, w:sdtPr and the rest are not text).
_SHOWN = {_W + name for name in ("ins", "moveTo", "smartTag", "customXml", "dir", "bdo", "sdtContent")}
_BREAKS = {_W + "cr"}
_CHARS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "noBreakHyphen": "-"}
_HYPERLINK_FIELD = re.compile(r'\s*HYPERLINK\s+"([^"]+)"')


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
    for tbl, lines in _flow(document.element.body, document, styles):
        if tbl is None:
            after_title = after_title or any(folded(line).startswith("phu luc") for line in lines)
            blocks.extend(Para(line) for line in lines)
            continue
        rows = _rows(tbl)
        cells = [[_cell_lines(tc, document, styles) for tc in _cells(tr)] for tr in rows]
        layout = is_layout(line for row in cells for cell in row for line in cell)
        first_row = [" ".join(cell) for cell in cells[0]] if cells else []
        if not layout and (after_title or is_appendix_header(first_row)):
            blocks.append(_appendix(rows, cells, problems))
            after_title = False
        elif layout:  # the header, or Nơi nhận / signature: column by column, as the eye reads it
            width = max((len(row) for row in cells), default=0)
            blocks.extend(Para(line) for column in range(width) for row in cells if column < len(row)
                          for line in row[column])
        else:
            blocks.extend(Para(line) for row in cells for cell in row for line in cell)
    return blocks


def _appendix(rows: list[Any], cells: list[list[list[str]]], problems: Problems) -> Table:
    out = []
    for number, (tr, texts) in enumerate(zip(rows, cells, strict=True), start=1):
        row: list[tuple[str, ...]] = []
        # A group's heading may span the row (STT I, II, … or A, B, …); a task's cells may not, or its
        # result would be read as part of its content.
        spans_ok = _heads_a_group(texts[0] if texts else [])
        for tc, text in zip(_cells(tr), texts, strict=True):
            where = f"bảng phụ lục, hàng {number}, cột {len(row) + 1}"
            if tc.vMerge is not None or (tc.grid_span > 1 and not spans_ok):
                problems.add(where, "ô bị gộp (merge cells), không nhập được",
                             expected="tách ô (Bố trí > Tách ô) để mỗi hàng có đủ các ô riêng; chỉ hàng tên "
                                      "nhóm (STT I, II, … hoặc A, B, …) được gộp ô theo chiều ngang")
            if any(child.tag == _TBL for child in _block_children(tc)):
                problems.add(where, "có bảng lồng trong ô, không nhập được",
                             expected="chép nội dung bảng con thành các đoạn văn trong ô")
            # Merged across columns (a group's heading over the whole row): the text stands in the
            # first column it covers, the others are empty, as the eye reads the row.
            row += [tuple(text), *[()] * (tc.grid_span - 1)]
        out.append(Row(tuple(row), number))
    return Table(tuple(out))


def _heads_a_group(first_cell: list[str]) -> bool:
    """The row's first cell holds a group's numeral (not a task's number, not nothing)."""
    text = " ".join(first_cell).strip()
    return bool(text) and not re.fullmatch(r"\d+\s*\.?", text)


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
    return _markdown_lines(_paragraph_runs(paragraph), _is_bullet(paragraph, styles))


def _placeholder(sdt: Any) -> bool:
    """The content control still shows its prompt ('Bấm vào đây để nhập văn bản'), not the clerk's text."""
    return sdt.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None


def _unwrapped(element: Any, tags: tuple[str, ...]) -> Iterator[Any]:
    """Children of ``element`` with one of ``tags``, also those inside content controls and custom XML."""
    for child in element.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag == _SDT and not _placeholder(child):
            for content in child.iterchildren(_SDT_CONTENT):
                yield from _unwrapped(content, tags)
        elif child.tag == _CUSTOM_XML:
            yield from _unwrapped(child, tags)


def _rows(tbl: Any) -> list[Any]:
    """The table's rows, without the rows deleted with tracked changes on."""
    return [tr for tr in _unwrapped(tbl, (_TR,)) if tr.find(f"{_W}trPr/{_W}del") is None]


def _cells(tr: Any) -> list[Any]:
    return list(_unwrapped(tr, (_TC,)))


def _block_children(container: Any) -> Iterator[Any]:
    return _unwrapped(container, (_P, _TBL))


def _flow(container: Any, document: DocxDocument, styles: StyleNames) -> Iterator[tuple[Any, list[str]]]:
    """The body's or a cell's blocks in order: (None, a paragraph's lines) or (a w:tbl element, [])."""
    carried: list[list[Run]] = []  # a paragraph whose mark was deleted: its text joins the next paragraph
    for child in _block_children(container):
        if child.tag == _TBL:
            if carried:
                yield None, _markdown_lines(carried, False)
                carried = []
            yield child, []
            continue
        paragraph = Paragraph(child, document)
        lines = _paragraph_runs(paragraph)
        if carried:
            lines = [*carried[:-1], carried[-1] + lines[0], *lines[1:]]
            carried = []
        if child.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None:
            carried = lines
            continue
        yield None, _markdown_lines(lines, _is_bullet(paragraph, styles))
    if carried:
        yield None, _markdown_lines(carried, False)


def _cell_lines(tc: Any, document: DocxDocument, styles: StyleNames) -> list[str]:
    """The lines of a cell's paragraphs (a table nested in the cell is the caller's to refuse)."""
    return [line for tbl, lines in _flow(tc, document, styles) if tbl is None for line in lines]


class _Fields:
    """Where the reader is in Word's complex fields (w:fldChar begin … separate … end), which nest."""

    def __init__(self) -> None:
        self.instructions: list[list[str]] = []  # per open field, its instruction text
        self.showing: list[bool] = []  # per open field: past 'separate', in the result Word shows

    def hidden(self) -> bool:
        return not all(self.showing)

    def char(self, kind: str | None) -> None:
        if kind == "begin":
            self.instructions.append([])
            self.showing.append(False)
        elif kind == "separate" and self.showing:
            self.showing[-1] = True
        elif kind == "end" and self.showing:
            self.instructions.pop()
            self.showing.pop()

    def instruction(self, text: str) -> None:
        if self.showing and not self.showing[-1]:
            self.instructions[-1].append(text)

    def url(self) -> str | None:
        """The address of the innermost HYPERLINK field being shown."""
        for instruction in reversed(self.instructions):
            match = _HYPERLINK_FIELD.match("".join(instruction))
            if match:
                return match.group(1)
        return None


def _paragraph_runs(paragraph: Paragraph) -> list[list[Run]]:
    """The paragraph's text as Word shows it, as lines (Shift+Enter starts one) of formatted runs."""
    lines: list[list[Run]] = [[]]
    fields = _Fields()

    def visit(element: Any, url: str | None) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag == _R:
                run(child, url)
            elif tag == _HYPERLINK:
                visit(child, Hyperlink(child, paragraph).url or None)
            elif tag == _FLD_SIMPLE:
                link = _HYPERLINK_FIELD.match(child.get(f"{_W}instr") or "")
                visit(child, link.group(1) if link else url)
            elif tag in _SHOWN or (tag == _SDT and not _placeholder(child)):
                visit(child, url)  # of a content control, only w:sdtContent is visited: w:sdtPr is not shown

    def run(r: Any, url: str | None) -> None:
        formatted = DocxRun(r, paragraph)
        bold, italic = bool(formatted.bold), bool(formatted.italic)
        for child in r.iterchildren():
            tag = child.tag
            if tag == _FLD_CHAR:
                fields.char(child.get(f"{_W}fldCharType"))
            elif tag == _INSTR:
                fields.instruction(child.text or "")
            elif fields.hidden():
                continue
            elif tag in _BREAKS or (tag == _BR and child.get(f"{_W}type") in (None, "textWrapping")):
                lines.append([])
            elif tag == _TEXT or tag in _CHARS:
                text = (child.text or "") if tag == _TEXT else _CHARS[tag]
                lines[-1].append(Run(text, bold, italic, url or fields.url()))

    visit(paragraph._p, None)
    return lines


def _markdown_lines(lines: list[list[Run]], bullet: bool) -> list[str]:
    """Runs as Markdown lines. A line typed with tabs between the header's two columns
    (:func:`.docheader.split_at_tabs`) becomes one line per column; elsewhere a tab is a space."""
    split: list[list[Run]] = []
    for line in lines:
        pieces: list[list[Run]] = [[]]
        for run in line:
            for i, piece in enumerate(run.text.split("\t")):
                if i:
                    pieces.append([])
                pieces[-1].append(Run(piece, run.bold, run.italic, run.url))
        texts = ["".join(run.text for run in piece) for piece in pieces]
        kept = [(piece, text) for piece, text in zip(pieces, texts, strict=True) if text.strip()]
        if split_at_tabs([text for _, text in kept]):
            split.extend(piece for piece, _ in kept)
        else:
            split.append(line)
    texts = [runs_to_markdown(line) for line in split]
    if bullet:
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
