"""Jinja filters and globals: links, paragraph blocks, dates, and citations turned into links.

Each returns :class:`util.text.Markdown` built from escaped pieces, so a value from
content can never bring Markdown or HTML of its own.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from jinja2 import pass_context
from jinja2.runtime import Context

from ..analysis.citations import CitationTargets, anchor, citation_year, parse
from ..content import paths
from ..schema.evidence import EVIDENCE_KIND_LABELS, EvidenceKind
from ..schema.report import Report
from ..util.inline import fragment, md_inline, plain
from ..util.links import relative
from ..util.text import Markdown, md_text
from ..util.vn import full_date, parse_vn_date

__all__ = ["EvidenceKind", "blocks", "cite", "doc_date", "external_link", "kind_label", "link", "md_inline",
           "one_line"]


def link(text: object, from_page: str, to_path: str) -> Markdown:
    """A Markdown link from one generated page to another; the text is escaped."""
    return Markdown(f"[{md_text(text)}]({relative(from_page, to_path)})")


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


def doc_date(value: str | None, year: int) -> str:
    """'ngày 26 tháng 02 năm 2024' as NĐ 30/2020 writes it; blanks stay visibly blank."""
    if value is None:
        return f"ngày … tháng … năm {year}"
    return full_date(parse_vn_date(value))


@pass_context
def cite(context: Context, text: str) -> Markdown:
    """Escaped text in which each citation links to its evidence page or register entry."""
    page, report, targets = context.get("page"), context.get("report"), context.get("citation_targets")
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if not isinstance(targets, CitationTargets) or not isinstance(report, Report) or not page:
        return md_inline(text)
    out, done = [], 0
    for c in parse(text):
        year = citation_year(c, report)
        item = targets.evidence.get((c.symbol, year))
        if item is not None:
            target = relative(page, paths.evidence_page(item.id))
        else:
            register = targets.register_pages.get((c.symbol, year), paths.CITED_DOCUMENTS)
            target = f"{relative(page, register)}#{anchor(c.symbol, year)}"
        # Running text keeps its bold, italic and web links; the citation itself is literal.
        out += [fragment(text[done:c.start]), f"[{md_text(text[c.start:c.end_of_reference])}]({target})"]
        done = c.end_of_reference
    out.append(fragment(text[done:]))
    return Markdown("".join(out).strip())
