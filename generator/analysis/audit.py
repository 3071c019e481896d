"""Everything the analysis finds in the content, worked out once per build or check."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.model import Content
from ..content.reports import ReportEntry
from ..problems import Problem, Severity
from ..schema.report import Task
from .citations import CitedDocument, citation_problems, cited_documents
from .figures import FoundFigure, all_figures, figure_problems


@dataclass(frozen=True)
class Audit:
    by_report: dict[str, list[FoundFigure]]  # report folder -> its figures, in reading order
    problems: list[Problem]
    uncovered: list[tuple[ReportEntry, list[Task]]]  # tasks that name no evidence
    cited: list[CitedDocument]

    @property
    def figures(self) -> list[FoundFigure]:
        return [f for figures in self.by_report.values() for f in figures]

    @property
    def failed(self) -> bool:
        return any(p.severity is Severity.error for p in self.problems)


def audit(content: Content) -> Audit:
    by_report = all_figures(content)
    flat = [f for figures in by_report.values() for f in figures]
    problems = figure_problems(content, flat) + citation_problems(content)
    uncovered = [(entry, [t for t in entry.tasks if not t.evidence]) for entry in content.reports]
    return Audit(by_report, problems, uncovered, cited_documents(content))
