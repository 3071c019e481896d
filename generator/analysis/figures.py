"""Figures of a report: found in result text or declared in ``figures:``, then recomputed.

A stated percentage agrees with its ratio when the difference is within the rounding
of the precision it is written with (99,3 for 99,25 agrees; 95,2 for 90,48 does not).
A stated total agrees with its parts when they add up exactly. Numbers are read and
written with Babel's 'vi' locale: '.' groups thousands, ',' is the decimal mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import Enum
from typing import Any

from babel.numbers import NumberFormatError

from ..content.located import AtField, Located
from ..content.model import Content
from ..content.reports import ReportEntry
from ..problems import Problem, Severity
from ..schema.report import Figure as DeclaredFigure
from ..schema.report import Task
from ..util.vn import parse_vn_number, vn_number

# A Vietnamese number as written: 2.948, 7.159.635.648, 2926, 01, 99,3. Not part of a
# longer number and not a piece of a date such as 15/12/2023 (handled by the patterns).
NUM = r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?![\d])"
WORD = r"[^\W\d_]+"

# "93,76% (1051/1121 văn bản)"
PERCENT_THEN_RATIO = re.compile(
    rf"(?P<pct>{NUM})\s*%\s*\(\s*(?P<a>{NUM})\s*/\s*(?P<b>{NUM})\s*(?P<unit>[^()\d]*?)\s*\)")
# "7.159.635.648 đồng/5.684.600.000 đồng, đạt 125,95%"; "305.000.000 đồng/ 276.500.000 đồng , đạt 110,3%"
RATIO_THEN_PERCENT = re.compile(
    rf"(?P<a>{NUM})\s*(?P<unit>{WORD})?\s*/\s*(?P<b>{NUM})\s*(?:{WORD})?\s*,?\s*đạt\s+(?P<pct>{NUM})\s*%")
# "2.948 hồ sơ (trong đó … 2926 (tỷ lệ 99,3%), … 01 hồ sơ, … 21 hồ sơ)"; "121 cá nhân (trong đó 93 …; 28 …)"
TOTAL_THEN_PARTS = re.compile(
    rf"(?P<total>{NUM})\s+(?P<unit>{WORD}(?:\s+{WORD})?)\s*\(\s*trong đó\s+(?P<body>(?:[^()]|\([^()]*\))*)\)")
# "2926 (tỷ lệ 99,3%)" inside the parts above: the part's share of the total.
PART_SHARE = re.compile(rf"(?P<a>{NUM})\s*\(\s*tỷ lệ\s+(?P<pct>{NUM})\s*%\s*\)")
# A part: a number that is neither a percentage nor a piece of a date or fraction.
PART = re.compile(rf"(?<![/\d])(?P<n>{NUM})(?!\s*%)(?![/\d])")
ANY_NUMBER = re.compile(NUM)


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


@dataclass(frozen=True)
class FoundFigure(AtField):
    """One figure of one task, where it is written, and what recomputing it gives."""

    report: ReportEntry
    task: int
    where: Located
    loc: tuple[str | int, ...]
    label: str
    written: str
    unit: str
    value: Num | None = None
    total: Num | None = None
    parts: tuple[Num, ...] = ()
    percent: Num | None = None
    in_text: bool = False
    declared: bool = False
    key: bool = False
    chart: str | None = None
    declared_at: int = -1  # index in the task's ``figures:``, for display order

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


def in_text(text: str) -> Iterator[dict[str, Any]]:
    """The figures a paragraph writes, as dicts of written numbers, in reading order."""
    found: list[tuple[int, dict[str, Any]]] = []
    for pattern in (PERCENT_THEN_RATIO, RATIO_THEN_PERCENT):
        for m in pattern.finditer(text):
            found.append((m.start(), dict(written=m.group(0).strip(), unit=(m.group("unit") or "").strip(),
                                          value=m.group("a"), total=m.group("b"), percent=m.group("pct"))))
    for m in TOTAL_THEN_PARTS.finditer(text):
        body = m.group("body")
        flat = re.sub(r"\([^()]*\)", lambda inner: " " * len(inner.group(0)), body)
        parts = [p.group("n") for p in PART.finditer(flat)]
        if len(parts) >= 2:
            found.append((m.start(), dict(written=m.group(0), unit=m.group("unit"), value=m.group("total"),
                                          parts=parts)))
        for share in PART_SHARE.finditer(body):
            found.append((m.start("body") + share.start(), dict(
                written=share.group(0), unit=m.group("unit"), value=share.group("a"),
                total=m.group("total"), percent=share.group("pct"))))
    for _, figure in sorted(found, key=lambda pair: pair[0]):
        yield figure


def _numbers(raw: dict[str, Any]) -> dict[str, Any]:
    return dict(value=Num.parse(raw["value"]) if raw.get("value") else None,
                total=Num.parse(raw["total"]) if raw.get("total") else None,
                parts=tuple(Num.parse(p) for p in raw.get("parts", ())),
                percent=Num.parse(raw["percent"]) if raw.get("percent") else None)


def task_figures(entry: ReportEntry, task: Task, where: Located) -> list[FoundFigure]:
    """Figures written in a task's result, merged with the ones declared in ``figures:``."""
    found: list[FoundFigure] = []
    for i, paragraph in enumerate(task.result):
        for raw in in_text(paragraph):
            try:
                numbers = _numbers(raw)
            except NumberFormatError:
                continue  # looked like a figure, but is not a number: nothing to recompute
            found.append(FoundFigure(entry, task.number, where, ("result", i),
                                     label="", written=raw["written"], unit=raw["unit"], in_text=True, **numbers))
    by_signature = {f.signature: n for n, f in enumerate(found)}
    for i, declared in enumerate(task.figures):
        figure = _declared(entry, task.number, where, i, declared)
        n = by_signature.get(figure.signature)
        if n is None:
            found.append(figure)
        else:  # the text's place and words, the declaration's label and display
            found[n] = replace(found[n], label=figure.label, unit=figure.unit or found[n].unit, declared=True,
                               key=figure.key, chart=figure.chart, declared_at=i)
    return found


def _declared(entry: ReportEntry, number: int, where: Located, i: int, fig: DeclaredFigure) -> FoundFigure:
    raw = dict(value=fig.value, total=fig.total, parts=fig.parts, percent=fig.percent)
    written = " + ".join(fig.parts) + f" = {fig.value}" if fig.parts else (
        f"{fig.value}/{fig.total}" if fig.total else (fig.value or ""))
    if fig.percent is not None:
        written = f"{written}, {fig.percent}%" if written else f"{fig.percent}%"
    return FoundFigure(entry, number, where, ("figures", i), label=fig.label,
                       written=written, unit=fig.unit or "", declared=True, key=fig.key, chart=fig.chart,
                       declared_at=i, **_numbers(raw))


def report_figures(entry: ReportEntry) -> list[FoundFigure]:
    pairs = zip(entry.tasks, entry.task_where, strict=True)
    return [f for task, where in pairs for f in task_figures(entry, task, where)]


def all_figures(content: Content) -> dict[str, list[FoundFigure]]:
    """Every report's figures, by report folder, found once for the whole build."""
    return {entry.slug: report_figures(entry) for entry in content.reports}


def figure_problems(content: Content, figures: list[FoundFigure], strict: bool = False) -> list[Problem]:
    """A wrong percentage or sum (warning, or error when ``strict``); a declared figure the text lacks."""
    severity = Severity.error if strict else Severity.warning
    problems = []
    for figure in figures:
        if figure.status is Status.mismatch:
            problems.append(_mismatch(figure, severity))
    for entry in content.reports:
        for task, where in zip(entry.tasks, entry.task_where, strict=True):
            problems += _undeclared_in_text(entry, task, where)
    return problems


def _mismatch(figure: FoundFigure, severity: Severity) -> Problem:
    # Only called for a mismatch: a recomputed percentage (value, total, percent) or a sum (value, parts).
    assert figure.value is not None
    if (figure.computed_percent is not None and figure.percent is not None and figure.total is not None
            and not percent_agrees(figure.percent.value, figure.computed_percent)):
        computed = vn_percent(figure.computed_percent, decimals_of(figure.percent.value))
        return Problem(figure.file, figure.line, figure.field,
                       "tỷ lệ nêu trong văn bản không khớp với số liệu", found=f"{figure.percent.written}%",
                       expected=f"{computed} = {vn(figure.value.value)}/{vn(figure.total.value)}"
                                f"{' ' + figure.unit if figure.unit else ''}", severity=severity)
    return Problem(figure.file, figure.line, figure.field, "tổng nêu trong văn bản không bằng tổng các phần",
                   found=figure.value.written,
                   expected=f"{vn(figure.computed_sum or Decimal(0))} = {' + '.join(p.written for p in figure.parts)}",
                   severity=severity)


def _undeclared_in_text(entry: ReportEntry, task: Task, where: Located) -> list[Problem]:
    """Declared figures must repeat the result's own numbers, so the charts say what the report says."""
    written = {Num.parse(m.group(0)).value for p in task.result for m in ANY_NUMBER.finditer(p)}
    problems = []
    for i, figure in enumerate(task.figures):
        numbers = [n for n in (figure.value, figure.total, figure.percent, *figure.parts) if n is not None]
        missing = [n for n in numbers if Num.parse(n).value not in written]
        if missing:
            problems.append(Problem(where.file, where.line("figures", i), f"figures[{i}]",
                                    "số liệu khai báo không có trong kết quả thực hiện", found=", ".join(missing),
                                    expected="các số chép đúng từ result của nhiệm vụ này", severity=Severity.warning))
    return problems
