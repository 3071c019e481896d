"""Key figures as pictures: cards and horizontal bar charts, drawn at build time as inline SVG.

No chart library and no script: the SVG comes from ``templates/bar_chart.svg.j2`` and
``templates/key_cards.html.j2``, rendered by an environment that XML-escapes every value,
and is scaled by its viewBox so it stays readable on a 360 px phone. Each chart is
followed on the page by a table with the same numbers (see ``_key_figures.md.j2``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ..analysis.figures import FoundFigure, vn
from ..content.reports import ReportEntry
from ..util.text import Markdown
from .env import render_html

WIDTH = 340        # viewBox width; text is 13 units high, about 12 px on a 360 px phone
ROW = 46           # one bar: label line, then the bar with its value
TOP = 18           # room for the "100%" mark above the first bar
VALUE_ROOM = 62    # right of the longest bar, for its value


@dataclass(frozen=True)
class Bar:
    label: str
    value: str          # the percentage as the report writes it: '99,3%'
    x: float            # bar length in viewBox units
    y: float


@dataclass(frozen=True)
class Chart:
    title: str
    figures: tuple[FoundFigure, ...]
    bars: tuple[Bar, ...]
    reference_x: float | None  # where 100% falls when some bar goes past it
    height: float


def key_cards(figures: list[FoundFigure]) -> list[FoundFigure]:
    return [f for f in _in_order(figures) if f.key]


def charts(figures: list[FoundFigure]) -> list[Chart]:
    """One chart per ``chart:`` title, bars in the order the figures are declared."""
    groups: dict[str, list[FoundFigure]] = {}
    for figure in _in_order(figures):
        if figure.chart and figure.percent is not None:
            groups.setdefault(figure.chart, []).append(figure)
    return [_layout(title, figures) for title, figures in groups.items()]


def _in_order(figures: list[FoundFigure]) -> list[FoundFigure]:
    declared = [f for f in figures if f.declared]
    return sorted(declared, key=lambda f: (f.task, f.declared_at))


def _layout(title: str, figures: list[FoundFigure]) -> Chart:
    stated = [(f, f.percent) for f in figures if f.percent is not None]
    top = max(Decimal(100), *(percent.value for _, percent in stated))
    scale = (WIDTH - VALUE_ROOM) / float(top)
    bars = tuple(Bar(f.label, f"{percent.written}%", float(percent.value) * scale, TOP + i * ROW)
                 for i, (f, percent) in enumerate(stated))
    reference = 100 * scale if top > 100 else None
    return Chart(title, tuple(figures), bars, reference, TOP + len(bars) * ROW + 4)


def detail(figure: FoundFigure) -> str:
    """The numbers behind a percentage, formatted with Babel: '2.926/2.948 hồ sơ' ('' when none)."""
    if figure.value is None or figure.total is None:
        return ""
    unit = f" {figure.unit}" if figure.unit else ""
    return f"{vn(figure.value.value)}/{vn(figure.total.value)}{unit}"


def cards_html(figures: list[FoundFigure]) -> Markdown:
    return render_html("key_cards.html.j2", figures=figures, detail=detail)


def chart_svg(chart: Chart, number: int) -> Markdown:
    return render_html("bar_chart.svg.j2", chart=chart, id=f"bieu-do-{number}", width=WIDTH, track=WIDTH - VALUE_ROOM)


class KeyFigures:
    """What the key-figure templates call (``kpi`` in them), bound to one build's figures."""

    def __init__(self, by_report: dict[str, list[FoundFigure]],
                 previous: Callable[[FoundFigure], FoundFigure | None]):
        self.by_report = by_report
        self.previous = previous

    def cards(self, entry: ReportEntry) -> list[FoundFigure]:
        return key_cards(self.by_report[entry.slug])

    def charts(self, entry: ReportEntry) -> list[Chart]:
        return charts(self.by_report[entry.slug])

    cards_html = staticmethod(cards_html)
    chart_svg = staticmethod(chart_svg)
    detail = staticmethod(detail)
