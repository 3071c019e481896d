"""Turn loaded content into Markdown pages, with Jinja2 templates from ``templates/``.

Every value from content passes through :func:`text.md_text` on its way out
(the environment's ``finalize``), so content can never add Markdown or HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Iterable

from jinja2 import Environment, PackageLoader, StrictUndefined

from . import charts, disclosure_paths, paths
from .citations import CitationTargets, cite, evidence_index
from .content import Content, ReportEntry
from .schema import EVIDENCE_KIND_LABELS, Evidence, EvidenceKind, parse_vn_date
from .inline import md_inline, plain
from .render_audit import audit_pages, citation_pages, outside_documents
from .pagination import paginate
from .text import Markdown, md_text, vn_number


@dataclass(frozen=True)
class Page:
    """One generated Markdown page; ``path`` is its place in the site (``src_uri``)."""

    path: str
    markdown: str
    in_nav: bool = True
    on_disk: bool = False  # the blog plugin reads posts from a real file, not from memory


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        finalize=md_text,
        autoescape=True,  # macro output comes back as Markup, so it is not escaped twice
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(blocks=blocks, number=vn_number, full_date=full_date, one_line=one_line,
                       inline=md_inline)
    env.globals.update(link=link, kind_label=kind_label, EvidenceKind=EvidenceKind)
    env.filters.update(cite=cite)
    env.globals.update(key_cards=charts.key_cards, charts=charts.charts, cards_html=charts.cards_html,
                       chart_svg=charts.chart_svg, chart_detail=charts.detail)
    return env


def link(text: object, from_page: str, to_path: str) -> Markdown:
    """A Markdown link from one generated page to another; the text is escaped."""
    return Markdown(f"[{md_text(text)}]({paths.relative(from_page, to_path)})")


def external_link(text: object, url: str) -> Markdown:
    # Schema guarantees http(s) without spaces or quotes; brackets guard ')' in URLs.
    return Markdown(f"[{md_text(text)}](<{url}>)")


def kind_label(kind: EvidenceKind) -> str:
    return EVIDENCE_KIND_LABELS[kind]


def one_line(paragraphs: Iterable[str]) -> str:
    return " ".join(plain(text) for text in paragraphs)


def blocks(paragraphs: Iterable[str]) -> list[tuple[str, list[str]]]:
    """Group paragraphs: consecutive '- ' items form one list, others stay paragraphs."""
    groups: list[tuple[str, list[str]]] = []
    for text in paragraphs:
        if text.startswith("- "):
            if groups and groups[-1][0] == "list":
                groups[-1][1].append(text[2:])
            else:
                groups.append(("list", [text[2:]]))
        else:
            groups.append(("paragraph", [text]))
    return groups


def full_date(value: str | None, year: int) -> str:
    """'ngày 26 tháng 02 năm 2024' as NĐ 30/2020 writes it; blanks stay visibly blank."""
    if value is None:
        return f"ngày … tháng … năm {year}"
    date = parse_vn_date(value)
    return f"ngày {date.day:02d} tháng {date.month:02d} năm {date.year}"


def render_site(content: Content) -> list[Page]:
    """Every page of the site, in a stable order; refuses two pages on one path."""
    pages = [render_home(content), *render_register(content), *render_archive(content)]
    outside = outside_documents(content)
    cited_at = CitationTargets(evidence_index(content.evidence), citation_pages(outside))
    for entry in content.reports:
        pages.append(render_report(content, entry, cited_at))
        pages.extend(render_task(content, entry, i, cited_at) for i in range(len(entry.tasks)))
    pages.extend(render_evidence(content, item_id) for item_id in content.evidence)
    pages.extend(audit_pages(content, outside))
    from .disclosure_render import render_disclosure  # here: that module builds on this one
    pages.extend(render_disclosure(content))
    seen: set[str] = set()
    for page in pages:
        if page.path in seen:
            raise ValueError(f"hai trang cùng địa chỉ {page.path}")
        seen.add(page.path)
    return pages


def _render(template: str, path: str, in_nav: bool = True, **context: object) -> Page:
    markdown = environment().get_template(template).render(page=path, paths=paths, **context)
    return Page(path, markdown, in_nav)


def render_home(content: Content) -> Page:
    return _render("home.md.j2", paths.HOME, unit=content.unit, latest=content.latest,
                   reports=content.reports, evidence_count=len(content.evidence),
                   disclosure=content.disclosure, dpaths=disclosure_paths)


def render_report(content: Content, entry: ReportEntry, cited_at: CitationTargets) -> Page:
    return _render("report.md.j2", paths.report_page(entry.slug), in_nav=entry is content.latest,
                   unit=content.unit, entry=entry, report=entry.report, evidence=content.evidence,
                   citation_targets=cited_at)


def render_task(content: Content, entry: ReportEntry, index: int, cited_at: CitationTargets) -> Page:
    task = entry.tasks[index]
    previous = entry.tasks[index - 1] if index > 0 else None
    following = entry.tasks[index + 1] if index + 1 < len(entry.tasks) else None
    return _render("task.md.j2", paths.task_page(entry.slug, task.number), in_nav=entry is content.latest,
                   entry=entry, report=entry.report, task=task, previous=previous, following=following,
                   evidence=content.evidence, citation_targets=cited_at)


def render_evidence(content: Content, item_id: str) -> Page:
    item = content.evidence[item_id]
    return _render("evidence.md.j2", paths.evidence_page(item_id), in_nav=False, id=item_id,
                   item=item.evidence, citing=content.citing(item_id), external_link=external_link)


# A record cited by many tasks lists the first few in the register; its own page lists all.
CITING_SHOWN = 5


def render_register(content: Content) -> list[Page]:
    items = sorted(content.evidence.values(), key=_register_order)
    return [_render("register.md.j2", pager.path, in_nav=pager.index == 0, items=chunk, total=len(items),
                    pager=pager, citing=content.citing, CITING_SHOWN=CITING_SHOWN)
            for pager, chunk in paginate(paths.EVIDENCE_REGISTER, items)]


def render_archive(content: Content) -> list[Page]:
    """Every report, newest first; the nav lists only the latest one, the archive the rest."""
    return [_render("archive.md.j2", pager.path, in_nav=pager.index == 0, reports=chunk,
                    total=len(content.reports), pager=pager)
            for pager, chunk in paginate(paths.REPORT_ARCHIVE, content.reports)]


def _register_order(item) -> tuple:
    evidence: Evidence = item.evidence
    if evidence.date:
        return (0, parse_vn_date(evidence.date), item.id)
    return (1, None, item.id)
