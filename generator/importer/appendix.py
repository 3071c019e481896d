"""The appendix table -> one draft per task, with page-break continuations joined.

A row whose STT is empty continues the previous task: its first paragraph in each
cell finishes the previous cell's last sentence unless that sentence had ended and
the new text starts a new one. Header rows repeated at page breaks are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schema.report import ColumnRole
from ..util.inline import plain
from .headers import REQUIRED, STANDARD, folded, known_headers, role
from .source import Problems, Row, Table, show


@dataclass
class TaskDraft:
    number: int
    row: Row
    cells: dict[int, list[str]] = field(default_factory=dict)  # column index -> paragraphs


@dataclass(frozen=True)
class Columns:
    index: dict[str, int]  # role -> column index
    extra: dict[int, str]  # column index -> heading as written
    headings: tuple[str, ...]


def source_columns(columns: Columns) -> list[dict[str, str]]:
    """The appendix's columns as the source orders and words them (``Appendix.columns``)."""
    role_of = {index: ColumnRole[role].value for role, index in columns.index.items()}
    return [{"role": role_of.get(i, ColumnRole.other.value), "heading": heading}
            for i, heading in enumerate(columns.headings) if i in role_of or i in columns.extra]


def where(row: Row, column: int | None, columns: Columns | None) -> str:
    text = f"bảng phụ lục, hàng {row.number}"
    if column is not None:
        heading = columns.headings[column] if columns and column < len(columns.headings) else None
        text += f", cột {column + 1}" + (f" ({heading})" if heading else "")
    return text


def read_columns(header: Row, problems: Problems) -> Columns | None:
    index: dict[str, int] = {}
    extra: dict[int, str] = {}
    headings = tuple(plain(" ".join(cell)).strip() for cell in header.cells)
    for column, heading in enumerate(headings):
        kind = role(heading)
        if kind is None:
            problems.add(where(header, column, None), "không nhận ra tiêu đề cột", found=show(heading),
                         expected=known_headers(), line=header.line)
        elif kind == "extra":
            extra[column] = heading
        elif kind in index:
            problems.add(where(header, column, None), "tiêu đề cột bị lặp", found=show(heading),
                         expected=f"mỗi cột {STANDARD[kind]} chỉ có một lần", line=header.line)
        else:
            index[kind] = column
    missing = [STANDARD[k] for k in REQUIRED if k not in index]
    if missing:
        problems.add(where(header, None, None), "bảng phụ lục thiếu cột", found=", ".join(headings),
                     expected=", ".join(missing), line=header.line)
        return None
    return Columns(index, extra, headings)


def read_tasks(table: Table, problems: Problems) -> tuple[Columns | None, list[TaskDraft]]:
    header = table.rows[0]
    columns = read_columns(header, problems)
    if columns is None:
        return None, []
    header_key = [folded(" ".join(c)) for c in header.cells]
    tasks: list[_Building] = []
    numbers: set[int] = set()
    for row in table.rows[1:]:
        if len(row.cells) == len(header_key) and [folded(" ".join(c)) for c in row.cells] == header_key:
            continue  # header repeated at a page break
        if len(row.cells) > len(columns.headings):
            problems.add(where(row, None, columns), "hàng có nhiều ô hơn số cột tiêu đề",
                         found=f"{len(row.cells)} ô", expected=f"{len(columns.headings)} ô", line=row.line)
            continue
        _add_row(row, columns, tasks, numbers, problems)
    if not tasks:
        problems.add(where(header, None, columns), "bảng phụ lục không có nhiệm vụ nào",
                     expected="các hàng có STT 1, 2, 3, … dưới hàng tiêu đề", line=header.line)
    return columns, [task.draft() for task in tasks]


@dataclass
class _Building:
    """A task while its rows are read: each paragraph is kept as pieces, joined once at the end,
    so a cell continued over thousands of rows costs linear time, not quadratic."""

    number: int
    row: Row
    cells: dict[int, list[list[str]]]

    def draft(self) -> TaskDraft:
        return TaskDraft(self.number, self.row,
                         {column: [" ".join(pieces) for pieces in paragraphs]
                          for column, paragraphs in self.cells.items()})


def _add_row(row: Row, columns: Columns, tasks: list[_Building], numbers: set[int], problems: Problems) -> None:
    stt_column = columns.index["number"]
    cells = {i: list(row.cells[i]) if i < len(row.cells) else [] for i in range(len(columns.headings))}
    stt = plain(" ".join(cells.pop(stt_column))).strip()
    if not stt:
        if not any(cells.values()):
            return
        if not tasks:
            problems.add(where(row, stt_column, columns), "hàng đầu tiên của bảng thiếu STT",
                         expected="số thứ tự 1", line=row.line)
            return
        for column, paragraphs in cells.items():
            _continue_cell(tasks[-1].cells.setdefault(column, []), paragraphs)
        return
    match = re.fullmatch(r"(\d+)\s*\.?", stt)
    if not match:
        problems.add(where(row, stt_column, columns), "STT không phải số thứ tự", found=show(stt),
                     expected="một số như 1 hoặc 1.; hàng không có STT được nối vào nhiệm vụ phía trên",
                     line=row.line)
        return
    number = int(match.group(1))
    expected = len(tasks) + 1  # by position, so one wrong STT is reported once, not on every row after it
    if number != expected:
        if number in numbers:
            message = f"STT {number} bị lặp"
        elif number > expected:
            message = f"thiếu STT {expected}: sau STT {expected - 1} là {number}"
        else:
            message = f"STT {number} sai thứ tự"
        problems.add(where(row, stt_column, columns), message, found=stt, expected=f"STT {expected}",
                     line=row.line)
    numbers.add(number)
    tasks.append(_Building(number, row, {column: [[p] for p in paragraphs] for column, paragraphs in cells.items()}))


_SENTENCE_END = frozenset(".!?:;…")


def _ended(pieces: list[str]) -> bool:
    """The paragraph (``pieces`` joined by spaces) ends a sentence: a mark, then only non-word
    characters. Reads from the end only, however long the paragraph has grown."""
    for piece in reversed(pieces):
        for char in reversed(piece):
            if char in _SENTENCE_END:
                return True
            if char.isalnum() or char == "_":
                return False
    return False


def _continue_cell(previous: list[list[str]], paragraphs: list[str]) -> None:
    """Append a continuation cell: rejoin a sentence the page break cut in two."""
    if not paragraphs:
        return
    first, rest = paragraphs[0], paragraphs[1:]
    starts_new = first.startswith("- ") or (first[:1].isupper() or first[:1].isdigit())
    if previous and not (_ended(previous[-1]) and starts_new):
        previous[-1].append(first)
    else:
        previous.append([first])
    previous.extend([p] for p in rest)
