"""Read the plain-text export (the form the 2024 source is in).

Body lines are paragraphs (the export already writes bold as ``**…**``). Lines with
tabs are table rows; blank lines do not end a table, because the export repeats the
header row after a blank line at every page break.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..schema.types import UNPRINTABLE
from .guard import counts_ok
from .htmlcell import NestedTable, cell_paragraphs
from .source import Para, Problems, Row, SourceDoc, Table


def read_text_export(path: Path, name: str, problems: Problems) -> SourceDoc:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.add("", "tệp .txt không phải văn bản UTF-8", found=f"byte lạ ở vị trí {exc.start}",
                     expected="xuất lại tệp dạng văn bản UTF-8, hoặc dùng tệp .docx")
        return SourceDoc(name, ())
    lines = [_printable(line) for line in _LINE_END.split(text)]
    table_lines = sum(1 for line in lines if "\t" in line)
    body_lines = sum(1 for line in lines if line.strip() and "\t" not in line)
    if not counts_ok(body_lines, table_lines, problems):
        return SourceDoc(name, ())  # refused before any cell is parsed
    blocks: list[Para | Table] = []
    rows: list[Row] = []
    for number, line in enumerate(lines, start=1):
        if "\t" in line:
            rows.append(_row(line, number, len(rows) + 1, problems))
        elif line.strip():
            if rows:
                blocks.append(Table(tuple(rows)))
                rows = []
            blocks.append(Para(line.strip(), number))
    if rows:
        blocks.append(Table(tuple(rows)))
    return SourceDoc(name, tuple(blocks))


# Lines of the export end with a line break only: the other characters str.splitlines() takes
# for one (a page break \f, Word's soft line break \v, U+2028) stand inside a line or a cell.
_LINE_END = re.compile(r"\r\n|\r|\n")
_INNER_BREAK = re.compile(r"[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _printable(line: str) -> str:
    """The line as a reader sees it: inner breaks as spaces, invisible control and direction
    characters (which the content check refuses) left out."""
    return UNPRINTABLE.sub("", _INNER_BREAK.sub(" ", line))


def _row(line: str, line_number: int, row_number: int, problems: Problems) -> Row:
    cells = []
    for column, raw in enumerate(line.split("\t"), start=1):
        try:
            cells.append(cell_paragraphs(raw))
        except NestedTable:
            problems.add(f"bảng phụ lục, hàng {row_number}, cột {column}", "có bảng lồng trong ô, không nhập được",
                         expected="chép nội dung bảng con thành các đoạn văn trong ô", line=line_number)
            cells.append((re.sub(r"<[^>]+>", " ", raw).strip(),))  # keep the words: one message, not two
    return Row(tuple(cells), row_number, line_number)
