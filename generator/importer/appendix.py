"""The appendix table -> one draft per task, with page-break continuations joined.

A row whose STT is empty continues the previous task: its first paragraph in each
cell finishes the previous cell's last sentence unless that sentence had ended and
the new text starts a new one. Header rows repeated at page breaks are skipped.

A row whose STT is a Roman numeral (I to XX) or one capital letter, with nothing in the
other columns but the group's title in the content column, heads a group: the tasks below
it carry its heading (``Task.group``). Task numbers still run on across groups.
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
    group: str | None = None  # heading of the group row above it (STT I, II, … or A, B, …), as written


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
    state = _Reading()
    for row in table.rows[1:]:
        if len(row.cells) == len(header_key) and [folded(" ".join(c)) for c in row.cells] == header_key:
            continue  # header repeated at a page break
        if len(row.cells) > len(columns.headings):
            problems.add(where(row, None, columns), "hàng có nhiều ô hơn số cột tiêu đề",
                         found=f"{len(row.cells)} ô", expected=f"{len(columns.headings)} ô", line=row.line)
            continue
        _add_row(row, columns, state, problems)
    _close_group(state, columns, problems)
    if not state.tasks:
        problems.add(where(header, None, columns), "bảng phụ lục không có nhiệm vụ nào",
                     expected="các hàng có STT 1, 2, 3, … dưới hàng tiêu đề", line=header.line)
    return columns, [task.draft() for task in state.tasks]


@dataclass
class _Building:
    """A task while its rows are read: each paragraph is kept as pieces, joined once at the end,
    so a cell continued over thousands of rows costs linear time, not quadratic."""

    number: int
    row: Row
    cells: dict[int, list[list[str]]]
    group: str | None = None

    def draft(self) -> TaskDraft:
        return TaskDraft(self.number, self.row,
                         {column: [" ".join(pieces) for pieces in paragraphs]
                          for column, paragraphs in self.cells.items()}, self.group)


@dataclass
class _Reading:
    """What the rows read so far leave for the next one."""

    tasks: list[_Building] = field(default_factory=list)
    numbers: set[int] = field(default_factory=set)
    group: str | None = None  # heading of the group the next tasks belong to
    group_row: Row | None = None  # the group row no task has followed yet
    numeral: str = ""  # the current group's numeral, for messages
    base: int = 0  # tasks before the current group when its numbering restarted at 1 (reported once)


# A group row's STT: a Roman numeral I to XX or one capital letter, as reports head PAR INDEX, SIPAS, PAPI.
# Roman first, so re.match takes 'II' whole, not its first 'I' as a letter.
_NUMERAL = r"(?:(?=[IVX])(?:XX|X?(?:IX|IV|V?I{0,3}))|[A-Z])"
_GROUP_STT = re.compile(rf"({_NUMERAL})\s*\.?")
_GROUP_WHOLE = re.compile(rf"{_NUMERAL}\s*\.\s*\S.*")  # numeral and title in one cell (a merged row)
_GROUP_EXPECTED = ("hàng nhóm chỉ có số thứ tự nhóm (I, II, … hoặc A, B, …) ở cột STT và tên nhóm ở cột "
                   "nội dung; nếu hàng này là một nhiệm vụ, ghi STT bằng số 1, 2, 3, … tiếp nối qua các nhóm")


def _add_row(row: Row, columns: Columns, state: _Reading, problems: Problems) -> None:
    stt_column = columns.index["number"]
    cells = {i: list(row.cells[i]) if i < len(row.cells) else [] for i in range(len(columns.headings))}
    stt = plain(" ".join(cells.pop(stt_column))).strip()
    if not stt:
        _continue_task(row, cells, columns, state, problems)
        return
    match = re.fullmatch(r"(\d+)\s*\.?", stt)
    if match:
        _check_number(row, stt, int(match.group(1)), columns, state, problems)
        state.tasks.append(_Building(int(match.group(1)), row,
                                     {column: [[p] for p in paragraphs] for column, paragraphs in cells.items()},
                                     state.group))
        state.group_row = None
        return
    if _GROUP_STT.fullmatch(stt) or (_GROUP_WHOLE.fullmatch(stt) and not any(cells.values())):
        _add_group(row, stt, cells, columns, state, problems)
        return
    problems.add(where(row, stt_column, columns), "STT không phải số thứ tự", found=show(stt),
                 expected="một số như 1 hoặc 1.; hàng nhóm có STT I, II, … hoặc A, B, …; "
                          "hàng không có STT được nối vào nhiệm vụ phía trên",
                 line=row.line)


def _continue_task(row: Row, cells: dict[int, list[str]], columns: Columns, state: _Reading,
                   problems: Problems) -> None:
    """A row without STT: the previous task's cells continue (a page break cut them)."""
    if not any(cells.values()):
        return
    stt_column = columns.index["number"]
    if state.group_row is not None:  # joining it to the task above would put text across the group heading
        problems.add(where(row, stt_column, columns), f"hàng không có STT ngay dưới hàng nhóm {state.numeral}",
                     expected="STT của nhiệm vụ (1, 2, 3, …); hàng không có STT chỉ được nối vào nhiệm vụ "
                              "phía trên, không nối vào tên nhóm", line=row.line)
        return
    if not state.tasks:
        problems.add(where(row, stt_column, columns), "hàng đầu tiên của bảng thiếu STT",
                     expected="số thứ tự 1", line=row.line)
        return
    for column, paragraphs in cells.items():
        _continue_cell(state.tasks[-1].cells.setdefault(column, []), paragraphs)


def _check_number(row: Row, stt: str, number: int, columns: Columns, state: _Reading, problems: Problems) -> None:
    at = where(row, columns.index["number"], columns)
    tasks = state.tasks
    if state.group_row is not None and number == 1 and tasks:
        # Task numbers name task pages and files: they must be unique in the report.
        problems.add(at, f"STT đánh lại từ 1 ở nhóm {state.numeral}", found=stt,
                     expected=f"STT {len(tasks) + 1}: STT tiếp nối qua các nhóm (sau STT {tasks[-1].number} "
                              "của nhóm trước), mỗi nhiệm vụ một STT riêng trong báo cáo", line=row.line)
        state.base = len(tasks)  # the rest of this group is numbered from 1 too: said once, here
        state.numbers.add(number)
        return
    expected = len(tasks) - state.base + 1  # by position, so one wrong STT is reported once, not on every row
    if number != expected:
        if number in state.numbers:
            message = f"STT {number} bị lặp"
        elif number > expected:
            message = f"thiếu STT {expected}: sau STT {expected - 1} là {number}"
        else:
            message = f"STT {number} sai thứ tự"
        problems.add(at, message, found=stt, expected=f"STT {expected}", line=row.line)
    state.numbers.add(number)


def _add_group(row: Row, stt: str, cells: dict[int, list[str]], columns: Columns, state: _Reading,
               problems: Problems) -> None:
    """A group row (STT I, II, … or A, B, …): its heading goes with the tasks below it."""
    _close_group(state, columns, problems)
    content = columns.index["content"]
    numeral = re.match(_NUMERAL, stt)
    state.numeral = numeral.group(0) if numeral else stt
    state.group_row, state.base = row, 0
    for column, paragraphs in cells.items():
        if column != content and paragraphs:
            problems.add(where(row, column, columns), f"hàng nhóm {state.numeral} có chữ ở cột này",
                         found=show(plain(" ".join(paragraphs))), expected=_GROUP_EXPECTED, line=row.line)
    title = " ".join(plain(" ".join(cells[content])).split())
    if _GROUP_STT.fullmatch(stt) and not title:
        problems.add(where(row, content, columns), f"hàng nhóm {state.numeral} thiếu tên nhóm",
                     expected="tên nhóm ở cột nội dung, ví dụ: CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)",
                     line=row.line)
    # Numeral and title in separate cells are joined as the reader sees them: 'I. CHỈ SỐ …'.
    state.group = f"{stt.rstrip('.').rstrip()}. {title}" if title else stt


def _close_group(state: _Reading, columns: Columns, problems: Problems) -> None:
    """A group row followed by no task is refused: only tasks carry their group's heading."""
    row = state.group_row
    if row is not None:
        problems.add(where(row, columns.index["number"], columns), f"nhóm {state.numeral} không có nhiệm vụ nào",
                     found=show(state.group or ""),
                     expected="các hàng nhiệm vụ có STT 1, 2, 3, … dưới hàng nhóm; xóa hàng nhóm không có "
                              "nhiệm vụ, hoặc chép tên nhóm vào nội dung của nhiệm vụ", line=row.line)
        state.group_row = None


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
