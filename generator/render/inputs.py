"""What every renderer reads: the content, and what the analysis found in it, computed once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..analysis.audit import Audit, audit
from ..analysis.citations import CitationTargets, CitedDocument, evidence_index
from ..analysis.figures import FoundFigure
from ..content import paths
from ..content.model import Content
from ..content.reports import ReportEntry
from . import charts
from .pagination import Pager, paginate

CITED_PER_PAGE = 15  # each document in the citation register lists every place that cites it


@dataclass(frozen=True)
class Inputs:
    content: Content
    audit: Audit
    outside: list[CitedDocument]  # cited documents that are not evidence records
    cited_at: CitationTargets

    def notes(self, entry: ReportEntry, task: int | None) -> list[FoundFigure]:
        """Acknowledged figures of a task (or of the report's body, ``task`` None) that do not add up."""
        return [f for f in self.audit.by_report[entry.slug] if f.task == task and f.acknowledged is not None]

    @property
    def key_figures(self) -> charts.KeyFigures:
        return charts.KeyFigures(self.audit.by_report, self.previous)

    def previous(self, figure: FoundFigure) -> FoundFigure | None:
        """The same indicator (declared label) in the unit's previous report that states it."""
        if not figure.label:
            return None
        unit = self.content.unit
        issuer = unit.issuer_of(figure.report.report.unit or unit.name)
        older = self.content.reports[self.content.reports.index(figure.report) + 1:]
        for entry in older:
            if unit.issuer_of(entry.report.unit or unit.name) != issuer:
                continue
            same = [f for f in self.audit.by_report[entry.slug] if f.label.casefold() == figure.label.casefold()]
            if same:
                return same[0]
        return None

    def year_on_year(self, entry: ReportEntry, task: int | None) -> list[tuple[FoundFigure, FoundFigure]]:
        """(this year's figure, last time's) for the declared indicators of a task that the unit reported before."""
        pairs = [(f, self.previous(f)) for f in self.audit.by_report[entry.slug] if f.task == task and f.label]
        return [(f, p) for f, p in pairs if p is not None]


def inputs(content: Content, found: Audit | None = None) -> Inputs:
    found = found or audit(content)
    outside = [d for d in found.cited if d.evidence_id is None]
    return Inputs(content, found, outside, CitationTargets(evidence_index(content.evidence), citation_pages(outside)))


def citation_register(outside: list[CitedDocument]) -> list[tuple[Pager, Sequence[CitedDocument]]]:
    return paginate(paths.CITED_DOCUMENTS, outside, CITED_PER_PAGE)


def citation_pages(outside: list[CitedDocument]) -> dict[tuple[str, int], str]:
    """On which page of the citation register each cited document stands."""
    return {(doc.symbol, doc.year): pager.path for pager, chunk in citation_register(outside) for doc in chunk}
