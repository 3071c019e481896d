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
        return charts.KeyFigures(self.audit.by_report)


def inputs(content: Content, found: Audit | None = None) -> Inputs:
    found = found or audit(content)
    outside = [d for d in found.cited if d.evidence_id is None]
    return Inputs(content, found, outside, CitationTargets(evidence_index(content.evidence), citation_pages(outside)))


def citation_register(outside: list[CitedDocument]) -> list[tuple[Pager, Sequence[CitedDocument]]]:
    return paginate(paths.CITED_DOCUMENTS, outside, CITED_PER_PAGE)


def citation_pages(outside: list[CitedDocument]) -> dict[tuple[str, int], str]:
    """On which page of the citation register each cited document stands."""
    return {(doc.symbol, doc.year): pager.path for pager, chunk in citation_register(outside) for doc in chunk}
