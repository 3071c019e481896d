"""One cell of the plain-text export: plain text or an HTML fragment -> paragraphs.

``<p>`` and ``<li>`` make paragraphs, ``<br>`` breaks one, ``<strong>/<b>`` and
``<em>/<i>`` become Markdown, ``<a href>`` a link. Bare text inside ``<ul>`` holds
several items written ``- A. - B.``; it is split into ``- A.`` and ``- B.``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .source import Run, runs_to_markdown

_BLOCK = {"p", "div", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}
# ' - ' starts a new item only before a capital letter: 'kinh tế - xã hội' stays one item.
_ITEM_BREAK = re.compile(r"(?:^|\s)-\s+(?=[A-ZÀ-ỸĐ0-9])")


class NestedTable(ValueError):
    """A table inside a cell: its layout cannot be kept in a paragraph list."""


class _CellParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.runs: list[Run] = []
        self.bold = self.italic = 0
        self.url: str | None = None
        self.list_depth = 0
        self.in_item = False

    def flush(self) -> None:
        text = runs_to_markdown(self.runs)
        self.runs = []
        if not text:
            return
        if self.in_item and not text.startswith("- "):
            self.paragraphs.append("- " + text)
        elif self.list_depth and not self.in_item:
            self.paragraphs.extend("- " + item.strip() for item in _ITEM_BREAK.split(text) if item.strip())
        else:
            self.paragraphs.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"table", "td", "th"}:
            raise NestedTable(tag)
        if tag in _BLOCK or tag == "br":
            self.flush()
        if tag in {"ul", "ol"}:
            self.list_depth += 1
        elif tag == "li":
            self.in_item = True
        elif tag in {"strong", "b"}:
            self.bold += 1
        elif tag in {"em", "i"}:
            self.italic += 1
        elif tag == "a":
            self.url = dict(attrs).get("href")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK:
            self.flush()
        if tag in {"ul", "ol"}:
            self.list_depth = max(0, self.list_depth - 1)
        elif tag == "li":
            self.in_item = False
        elif tag in {"strong", "b"}:
            self.bold = max(0, self.bold - 1)
        elif tag in {"em", "i"}:
            self.italic = max(0, self.italic - 1)
        elif tag == "a":
            self.url = None

    def handle_data(self, data: str) -> None:
        self.runs.append(Run(data, bool(self.bold), bool(self.italic), self.url))


def cell_paragraphs(cell: str) -> tuple[str, ...]:
    """Paragraphs of one exported cell; raises NestedTable for a table inside it."""
    parser = _CellParser()
    parser.feed(cell)
    parser.close()
    parser.flush()
    return tuple(parser.paragraphs)
