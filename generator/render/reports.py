"""Pages of the reports: home, each report, each task, and the archive of reports."""

from __future__ import annotations

from ..content import paths
from ..content.reports import ReportEntry
from ..schema.report import AppendixColumn, ColumnRole
from .document import document_footer, document_header
from .env import TASK_BOOST, Page, render_page
from .filters import one_line
from .inputs import Inputs
from .pagination import paginate


def render_home(inputs: Inputs) -> Page:
    content = inputs.content
    return render_page("home.md.j2", paths.HOME, title=content.unit.name, unit=content.unit, latest=content.latest,
                       reports=content.reports, evidence_count=len(content.evidence),
                       disclosure=content.disclosure, kpi=inputs.key_figures)


def render_report(inputs: Inputs, entry: ReportEntry) -> Page:
    content = inputs.content
    report = entry.report
    return render_page("report.md.j2", paths.report_page(entry.slug), in_nav=entry is content.latest,
                       title=(f"{predecessor}: " if (predecessor := content.by_predecessor(entry)) else "")
                             + f"{report.doc_type.capitalize()} {_continuing(report.title)}",
                       predecessor=predecessor,
                       unit=content.unit, entry=entry, report=entry.report, evidence=content.evidence,
                       columns=appendix_columns(entry),
                       citation_targets=inputs.cited_at, kpi=inputs.key_figures, notes=inputs.notes(entry, None),
                       document_header=document_header, document_footer=document_footer)


STANDARD_COLUMNS = (AppendixColumn(role=ColumnRole.number, heading="STT"),
                    AppendixColumn(role=ColumnRole.content, heading="Nội dung, nhiệm vụ"),
                    AppendixColumn(role=ColumnRole.result, heading="Kết quả thực hiện"),
                    AppendixColumn(role=ColumnRole.evidence, heading="Tài liệu kiểm chứng"))


def appendix_columns(entry: ReportEntry) -> list[AppendixColumn]:
    """The appendix's columns in the source's order and words when the report gives them, else the
    four standard ones; then any extra column a task has that they do not name."""
    given = entry.report.appendix.columns if entry.report.appendix else []
    columns = list(given or STANDARD_COLUMNS)
    named = {c.heading for c in columns if c.role is ColumnRole.other}
    for task in entry.tasks:
        for extra in task.other_columns:
            if extra.heading not in named:
                named.add(extra.heading)
                columns.append(AppendixColumn(role=ColumnRole.other, heading=extra.heading))
    return columns


def render_task(inputs: Inputs, entry: ReportEntry, index: int) -> Page:
    task = entry.tasks[index]
    previous = entry.tasks[index - 1] if index > 0 else None
    following = entry.tasks[index + 1] if index + 1 < len(entry.tasks) else None
    return render_page("task.md.j2", paths.task_page(entry.slug, task.number),
                       title=f"Nhiệm vụ {task.number}: {one_line(task.content)}", boost=TASK_BOOST,
                       in_nav=entry is inputs.content.latest, entry=entry, report=entry.report, task=task,
                       previous=previous, following=following, evidence=inputs.content.evidence,
                       notes=inputs.notes(entry, task.number), year_on_year=inputs.year_on_year(entry, task.number),
                       citation_targets=inputs.cited_at)


def render_archive(inputs: Inputs) -> list[Page]:
    """Every report, newest first; the nav lists only the latest one, the archive the rest."""
    reports = inputs.content.reports
    unit = inputs.content.unit
    return [render_page("archive.md.j2", pager.path, title=pager.title("Các báo cáo"), in_nav=pager.index == 0,
                        reports=chunk, total=len(reports), pager=pager, unit=unit,
                        by_predecessor=inputs.content.by_predecessor)
            for pager, chunk in paginate(paths.REPORT_ARCHIVE, reports)]


def render_reports(inputs: Inputs) -> list[Page]:
    pages = [render_home(inputs), *render_archive(inputs)]
    for entry in inputs.content.reports:
        pages.append(render_report(inputs, entry))
        pages.extend(render_task(inputs, entry, i) for i in range(len(entry.tasks)))
    return pages


def _continuing(title: str) -> str:
    """'Tình hình …' after 'Báo cáo': lower-case its first word, unless it is an acronym ('PAR …')."""
    return title[0].lower() + title[1:] if len(title) > 1 and title[1].islower() else title
