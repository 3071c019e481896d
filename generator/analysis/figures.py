"""Figures of a report: found in its text (``finder``) or declared in ``figures:``, then recomputed.

A stated percentage agrees with its ratio when the difference is within the rounding
of the precision it is written with (99,3 for 99,25 agrees; 95,2 for 90,48 does not).
A stated total agrees with its parts when they add up exactly. A figure that does not
agree is an error, unless the content records that the signed document really says so
(``acknowledged``): then it is published as written, with a note.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import Enum

from ..content.located import AtField, Located
from ..content.model import Content
from ..content.reports import ReportEntry
from ..problems import Problem, Severity
from ..schema.report import Acknowledgement, Report, Task
from ..schema.report import Figure as DeclaredFigure
from ..util.vn import parse_vn_number, vn_number
from . import finder


class Status(str, Enum):
    ok = "khớp"
    mismatch = "lệch"
    stated = "chỉ nêu tỷ lệ"  # no numbers to recompute it from


@dataclass(frozen=True)
class Num:
    """A number as the text writes it ('01', '2.948') and its value."""

    written: str
    value: Decimal

    @classmethod
    def parse(cls, written: str) -> Num:
        return cls(written, parse_vn_number(written))

    @classmethod
    def of(cls, number: finder.Number | None) -> Num | None:
        return cls(number.written, number.value) if number is not None else None


@dataclass(frozen=True)
class FoundFigure(AtField):
    """One figure of a report, where it is written, and what recomputing it gives."""

    report: ReportEntry
    task: int | None  # None: in the body of the report, not in a task
    where: Located
    loc: tuple[str | int, ...]
    label: str
    written: str  # the words of the text ('' for a figure only declared in figures:)
    unit: str
    value: Num | None = None
    total: Num | None = None
    parts: tuple[Num, ...] = ()
    percent: Num | None = None
    sentence: str = ""
    in_text: bool = False
    declared: bool = False
    key: bool = False
    chart: str | None = None
    declared_at: int = -1  # index in the task's ``figures:``, for display order
    acknowledged: Acknowledgement | None = None

    @property
    def signature(self) -> tuple[object, ...]:
        """Two figures with the same numbers in one task are the same figure."""
        return (self.report.slug, self.task, _values(self.value), _values(self.total), _values(*self.parts),
                _values(self.percent))

    @property
    def computed_percent(self) -> Decimal | None:
        if self.value is None or self.total is None or self.total.value == 0:
            return None
        return self.value.value / self.total.value * 100

    @property
    def computed_sum(self) -> Decimal | None:
        return sum((p.value for p in self.parts), Decimal(0)) if self.parts else None

    @property
    def status(self) -> Status:
        checks = []
        if self.percent is not None and self.computed_percent is not None:
            checks.append(percent_agrees(self.percent.value, self.computed_percent))
        if self.computed_sum is not None and self.value is not None:
            checks.append(self.computed_sum == self.value.value)
        if not checks:
            return Status.stated
        return Status.ok if all(checks) else Status.mismatch

    @property
    def working(self) -> str:
        """How the check was done, in Vietnamese numbers: '2.926/2.948 = 99,25%, văn bản nêu 99,3%'."""
        pieces = []
        if self.computed_sum is not None and self.value is not None:
            pieces.append(f"{' + '.join(p.written for p in self.parts)} = {vn(self.computed_sum)}, "
                          f"văn bản nêu {self.value.written}")
        if self.computed_percent is not None and self.percent is not None:
            assert self.value is not None and self.total is not None  # computed_percent needs both
            pieces.append(f"{vn(self.value.value)}/{vn(self.total.value)} = "
                          f"{vn_percent(self.computed_percent, decimals_of(self.percent.value))}, "
                          f"văn bản nêu {self.percent.written}%")
        if pieces:
            return "; ".join(pieces)
        if self.percent is not None:
            return f"{self.percent.written}% (văn bản không nêu số để tính lại)"
        return f"{self.value.written if self.value else ''} (không có tỷ lệ hay tổng để tính lại)".strip()


def _values(*numbers: Num | None) -> tuple[Decimal, ...]:
    return tuple(sorted(n.value for n in numbers if n is not None))


def decimals_of(number: Decimal) -> int:
    exponent = number.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def percent_agrees(stated: Decimal, computed: Decimal) -> bool:
    """Within half a unit of the last digit written: 99,3 covers 99,25 … 99,35."""
    return abs(computed - stated) <= Decimal("0.5").scaleb(-decimals_of(stated))


def vn(number: Decimal, decimals: int = 0) -> str:
    return vn_number(number, decimals, fixed=True)


def vn_percent(number: Decimal, stated_decimals: int) -> str:
    """A recomputed percentage, one digit finer than the stated one (at least two)."""
    return vn(number, max(2, stated_decimals + 1)) + "%"


def paragraphs(entry: ReportEntry) -> Iterator[tuple[int | None, Located, tuple[str | int, ...], str]]:
    """Every paragraph of a report, with its task (None for the body) and its place in the content."""
    report: Report = entry.report
    for name in ("intro", "closing"):
        for i, text in enumerate(getattr(report, name)):
            yield None, entry.where, (name, i), text
    for s, section in enumerate(report.sections):
        for i, text in enumerate(section.paragraphs):
            yield None, entry.where, ("sections", s, "paragraphs", i), text
    for task, where in zip(entry.tasks, entry.task_where, strict=True):
        for name in ("content", "result"):
            for i, text in enumerate(getattr(task, name)):
                yield task.number, where, (name, i), text
        for c, column in enumerate(task.other_columns):
            for i, text in enumerate(column.paragraphs):
                yield task.number, where, ("other_columns", c, "paragraphs", i), text


def report_figures(entry: ReportEntry) -> list[FoundFigure]:
    """Every figure of a report: found in any paragraph, merged with the ones declared by hand."""
    found = [FoundFigure(entry, task, where, loc, label="", written=stated.written,
                         unit=_unit(stated), value=Num.of(stated.value), total=Num.of(stated.total),
                         parts=tuple(Num(p.written, p.value) for p in stated.parts), percent=Num.of(stated.percent),
                         sentence=stated.sentence, in_text=True)
             for task, where, loc, text in paragraphs(entry) for stated in finder.find(text)]
    for task, where in zip(entry.tasks, entry.task_where, strict=True):
        found = _merge_declared(entry, task, where, found)
    notes: dict[int | None, list[Acknowledgement]] = {t.number: t.acknowledged for t in entry.tasks}
    notes[None] = entry.report.acknowledged
    return [replace(f, acknowledged=_note(f, notes.get(f.task, []))) if f.status is Status.mismatch else f
            for f in found]


def _unit(stated: finder.Stated) -> str:
    for number in (stated.total, stated.value, *stated.parts):
        if number is not None and number.unit:
            return number.unit
    return ""


def _merge_declared(entry: ReportEntry, task: Task, where: Located, found: list[FoundFigure]) -> list[FoundFigure]:
    """A declared figure labels the found one with the same numbers; one that states the same
    rate or total with other numbers replaces what the finder paired (the clerk knows better)."""
    for i, declared in enumerate(task.figures):
        figure = _declared(entry, task.number, where, i, declared)
        same = [n for n, f in enumerate(found) if f.signature == figure.signature]
        if same:
            n = same[0]
            found[n] = replace(found[n], label=figure.label, unit=figure.unit or found[n].unit, declared=True,
                               key=figure.key, chart=figure.chart, declared_at=i)
            continue
        replaced = [n for n, f in enumerate(found)
                    if f.task == task.number and not f.declared and _restates(figure, f)]
        if replaced:
            old = found[replaced[0]]
            found[replaced[0]] = replace(figure, written=old.written, loc=old.loc, sentence=old.sentence, in_text=True)
        else:
            found.append(figure)
    return found


def _restates(declared: FoundFigure, found: FoundFigure) -> bool:
    if declared.percent is not None:
        return found.percent is not None and found.percent.value == declared.percent.value
    return bool(declared.parts) and found.value is not None and declared.value is not None \
        and bool(found.parts) and found.value.value == declared.value.value


def _declared(entry: ReportEntry, number: int, where: Located, i: int, fig: DeclaredFigure) -> FoundFigure:
    def num(text: str | None) -> Num | None:
        return Num.parse(text) if text is not None else None

    return FoundFigure(entry, number, where, ("figures", i), label=fig.label, written="", unit=fig.unit or "",
                       value=num(fig.value), total=num(fig.total), parts=tuple(Num.parse(p) for p in fig.parts),
                       percent=num(fig.percent), declared=True, key=fig.key, chart=fig.chart, declared_at=i)


def _note(figure: FoundFigure, notes: list[Acknowledgement]) -> Acknowledgement | None:
    """The acknowledgement naming this figure: its stated rate ('95,2%') or its stated total."""
    stated = {n.written for n in (figure.percent, figure.value) if n is not None}
    stated |= {f"{figure.percent.written}%"} if figure.percent else set()
    return next((note for note in notes if note.figure.replace(" ", "") in stated), None)


def all_figures(content: Content) -> dict[str, list[FoundFigure]]:
    """Every report's figures, by report folder, found once for the whole build."""
    return {entry.slug: report_figures(entry) for entry in content.reports}


def figure_problems(content: Content, figures: list[FoundFigure]) -> list[Problem]:
    """A wrong percentage or sum not acknowledged (error); a declared figure the text lacks (warning)."""
    problems = [_mismatch(f) for f in figures if f.status is Status.mismatch and f.acknowledged is None]
    for entry in content.reports:
        for task, where in zip(entry.tasks, entry.task_where, strict=True):
            problems += _undeclared_in_text(task, where)
    return problems


# Any number the text writes, fractions' halves included ('2634/2691' writes 2634 and 2691).
_WRITTEN_NUMBER = re.compile(finder.NUM)

ACKNOWLEDGE_HINT = ("sửa cho đúng văn bản gốc; nếu văn bản đã ký đúng như vậy, ghi xác nhận vào "
                    "acknowledged của tệp này (figure, by, date, reason)")


def _mismatch(figure: FoundFigure) -> Problem:
    # Only called for a mismatch: a recomputed percentage (value, total, percent) or a sum (value, parts).
    assert figure.value is not None
    where = f"«{figure.sentence}»" if figure.sentence else f"số liệu '{figure.label}'"
    if (figure.computed_percent is not None and figure.percent is not None and figure.total is not None
            and not percent_agrees(figure.percent.value, figure.computed_percent)):
        computed = vn_percent(figure.computed_percent, decimals_of(figure.percent.value))
        return Problem(figure.file, figure.line, figure.field,
                       f"tỷ lệ không khớp với số liệu trong câu {where}",
                       found=f"văn bản nêu {figure.percent.written}%",
                       expected=f"{computed} = {vn(figure.value.value)}/{vn(figure.total.value)}"
                                f"{' ' + figure.unit if figure.unit else ''}; {ACKNOWLEDGE_HINT}")
    return Problem(figure.file, figure.line, figure.field, f"tổng không bằng tổng các phần trong câu {where}",
                   found=f"văn bản nêu {figure.value.written}",
                   expected=f"{vn(figure.computed_sum or Decimal(0))} = {' + '.join(p.written for p in figure.parts)}"
                            f"; {ACKNOWLEDGE_HINT}")


def _undeclared_in_text(task: Task, where: Located) -> list[Problem]:
    """Declared figures must repeat the task's own numbers, so the charts say what the report says."""
    written = {parse_vn_number(m.group(0)) for p in (*task.content, *task.result)
               for m in _WRITTEN_NUMBER.finditer(p)}
    problems = []
    for i, figure in enumerate(task.figures):
        numbers = [n for n in (figure.value, figure.total, figure.percent, *figure.parts) if n is not None]
        missing = [n for n in numbers if parse_vn_number(n) not in written]
        if missing:
            problems.append(Problem(where.file, where.line("figures", i), f"figures[{i}]",
                                    "số liệu khai báo không có trong kết quả thực hiện", found=", ".join(missing),
                                    expected="các số chép đúng từ result của nhiệm vụ này", severity=Severity.warning))
    return problems
