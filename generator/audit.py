"""What `python -m generator check` says beyond validity: figures, citations, evidence coverage."""

from __future__ import annotations

from dataclasses import dataclass

from .citations import CitedDocument, citation_problems, cited_documents
from .content import Content, ReportEntry
from .errors import Problem, Severity
from .figures import FoundFigure, Status, all_figures, figure_problems
from .schema import Task


@dataclass(frozen=True)
class Audit:
    figures: list[FoundFigure]
    problems: list[Problem]
    uncovered: list[tuple[ReportEntry, list[Task]]]
    cited: list[CitedDocument]

    @property
    def failed(self) -> bool:
        return any(p.severity is Severity.error for p in self.problems)


def audit(content: Content, strict_figures: bool = False) -> Audit:
    problems = figure_problems(content, strict_figures) + citation_problems(content)
    uncovered = [(entry, [t for t in entry.tasks if not t.evidence]) for entry in content.reports]
    return Audit(all_figures(content), problems, uncovered, cited_documents(content))


def summary(result: Audit) -> str:
    """The lines `check` prints: every figure with its status, tasks without evidence, cited documents."""
    counts = {status: sum(1 for f in result.figures if f.status is status) for status in Status}
    lines = [f"Số liệu: {len(result.figures)} số liệu, {counts[Status.ok]} khớp, "
             f"{counts[Status.mismatch]} lệch, {counts[Status.stated]} chỉ nêu tỷ lệ."]
    for f in result.figures:
        where = f"{f.file}:{f.line}" if f.line else f.file
        lines.append(f"  {where}: nhiệm vụ {f.task}: {f.status.value}: {f.working}")
    for entry, tasks in result.uncovered:
        numbers = ", ".join(str(t.number) for t in tasks) or "không có"
        lines.append(f"Nhiệm vụ không nêu tài liệu kiểm chứng ({entry.report.doc_type.lower()} năm "
                     f"{entry.report.year}): {numbers}.")
    outside = [d for d in result.cited if d.evidence_id is None]
    lines.append(f"Văn bản được dẫn chiếu ngoài sổ tài liệu kiểm chứng: {len(outside)} "
                 f"({', '.join(d.symbol for d in outside) or 'không có'}).")
    return "\n".join(lines)
