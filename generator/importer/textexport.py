"""Read the plain-text export (the form the 2024 source is in).

Body lines are paragraphs (the export already writes bold as ``**…**``). Lines with
tabs are table rows; blank lines do not end a table, because the export repeats the
header row after a blank line at every page break.
"""

from __future__ import annotations

import re
from pathlib import Path

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
    lines = text.splitlines()
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
