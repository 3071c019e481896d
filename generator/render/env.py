"""The one Jinja environment, and the Page every renderer returns.

Templates are files in ``templates/``. What escaping a value gets depends on what the
template writes: Markdown pages (``*.md.j2`` and the ``_*.j2`` partials) pass every value
through :func:`util.text.md_text`, so content can never add Markdown or HTML; HTML and
SVG fragments (``*.html.j2``, ``*.svg.j2``) are HTML-escaped; YAML skeletons
(``*.yaml.j2``) are written as they are, for staff to fill in.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from textwrap import shorten
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context

from ..content import paths
from ..util.text import Markdown, md_text
from ..util.vn import file_size, vn_date, vn_number
from . import filters

_AS_IS = (".html.j2", ".svg.j2", ".yaml.j2")


@dataclass(frozen=True)
class Page:
    """One generated Markdown page; ``path`` is its place in the site (``src_uri``)."""

    path: str
    markdown: str
    in_nav: bool = True
    on_disk: bool = False  # the blog plugin reads posts from a real file, not from memory


@pass_context
def _finalize(context: Context, value: Any) -> Any:
    if context.name is not None and context.name.endswith(_AS_IS):
        return value
    return md_text(value)


def _autoescape(name: str | None) -> bool:
    return name is None or not name.endswith(".yaml.j2")


def _bytecode_cache() -> BytecodeCache | None:
    """Compiled templates kept between builds: compiling them was a quarter of what a build adds
    to MkDocs (bench/results.md). Jinja keeps them in a private folder of the user's temporary
    directory, keyed by each template's checksum, so an edited template is compiled again."""
    try:
        return FileSystemBytecodeCache()
    except RuntimeError:  # no private temporary folder can be made: compile every time
        return None


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        bytecode_cache=_bytecode_cache(),
        undefined=StrictUndefined,
        finalize=_finalize,
        autoescape=_autoescape,  # macro output comes back as Markup, so it is not escaped twice
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(blocks=filters.blocks, number=vn_number, doc_date=filters.doc_date,
                       one_line=filters.one_line, inline=filters.md_inline, cite=filters.cite)
    env.globals.update(link=filters.link, external_link=filters.external_link, kind_label=filters.kind_label,
                       vn_date=vn_date, paths=paths, EvidenceKind=filters.EvidenceKind,
                       size_text=file_size)
    return env


# Search weights (Material's front matter ``search.boost``), read by the site's search worker
# (docs/assets/javascripts/search-worker.js), which multiplies a page's score by it. Task pages
# are what citizens look for. List and section pages are not weighed down: the worker matches
# phrases ("ngân sách" no longer finds "Tủ sách pháp luật"), and a category page must come first
# for its own name (measured in tests/test_site_browser_search.py).
TASK_BOOST = 3
LIST_BOOST = 1.0
TITLE_LENGTH = 90


def render_page(template: str, path: str, *, title: str, in_nav: bool = True, boost: float | None = None,
                meta: dict[str, object] | None = None, **context: Any) -> Page:
    """The Markdown page at ``path`` from ``template``; ``page`` in the template is that path.

    Its title (browser tab, menu, search results) is set in the front matter, whatever
    comes first on the page, shortened at a word boundary.
    """
    front: dict[str, object] = {"title": shorten(" ".join(title.split()), TITLE_LENGTH, placeholder=" …")}
    if boost is not None:
        front["search"] = {"boost": boost}
    front.update(meta or {})
    # JSON strings are YAML double-quoted strings: any title is safe in the front matter.
    # A date is written bare, so YAML reads a date (the blog plugin refuses a string).
    header = "\n".join(f"{key}: {_yaml_value(value)}" for key, value in front.items())
    return Page(path, f"---\n{header}\n---\n" + render_text(template, page=path, **context), in_nav)


def _yaml_value(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else json.dumps(value, ensure_ascii=False)


def render_text(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


def render_html(template: str, **context: object) -> Markdown:
    """An HTML fragment to place in a Markdown page (every value HTML-escaped)."""
    # Raw HTML inside Markdown must not hold blank or indented lines, or Markdown
    # would end the block early or read it as code.
    text = render_text(template, **context)
    return Markdown("\n".join(line.strip() for line in text.splitlines() if line.strip()))
