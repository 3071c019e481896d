"""Finishing touches on each page's HTML, after Markdown and before the theme.

- **Numbers never break inside.** '7.159.635.648', '125,95%' are kept on one
  line (``<span class="num">``), so a narrow table cell cannot split a sum in two.
- **Web addresses and checksums may break anywhere.** A run of 24 or more characters without a
  space ('https://motcua.quangtri.gov.vn/', a SHA-256) is marked (``<span class="long">``) so it
  wraps inside a narrow cell instead of widening the table; other words break only when one alone
  is wider than its cell, so dates stay whole.
- **Tables read on a phone.** A table of four or more columns gets each cell's column name
  (``data-label``), so on a narrow screen the stylesheet can show each row as a card; its
  roles are stated, since a table shown as cards loses them in some browsers. A table of
  label/value pairs (Markdown's ``| | |`` with an empty header row) loses the empty header:
  its first column becomes row headers.

Only tables Python-Markdown wrote (no class) are touched; the report's NĐ 30 header table
(``class="vb-header"``) is layout and stays as it is.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

CARD_COLUMNS = 4  # tables this wide become cards on a phone

_TABLE = re.compile(r"<table>.*?</table>", re.S)
_TOKEN = re.compile(r"(<[^>]*>)")
_SKIP = {"script", "style", "svg", "pre", "code", "textarea"}
# An amount or a rate, with its separators or percent ('7.159.635.648', '125,95%'), not glued to
# letters (a hash like '794abaa4' is not one); '1019/1051' is two numbers. Plain digits and dates
# are left alone: nothing but a forced break (a narrow table cell) could split them, and those
# cells get room on a phone (cards).
_LONG = re.compile(r"[A-Za-z0-9:/._\-?=#~+@]{24,}")
_NUMBER = re.compile(r"(?<!\w)(?<!\d[.,])\d+(?:[.,]\d+)+%?(?!\w)|(?<!\w)(?<!\d[.,])\d+%")


def finish(page_html: str) -> str:
    return _keep_numbers_whole(_TABLE.sub(lambda m: _table(m.group(0)), page_html))


def _table(source: str) -> str:
    table = lxml_html.fragment_fromstring(source)
    head = table.find("thead")
    header_cells = head.findall("tr/th") if head is not None else []
    names = [" ".join(th.text_content().split()) for th in header_cells]
    body = table.find("tbody")
    rows = body.findall("tr") if body is not None else []
    if head is not None and not any(names):
        table.remove(head)
        for row in rows:
            cells = row.findall("td")
            if cells:
                cells[0].tag = "th"
                cells[0].set("scope", "row")
        return _serialise(table)
    if len(names) >= CARD_COLUMNS:
        table.set("data-cards", "")
        table.set("role", "table")
        for th in header_cells:
            th.set("role", "columnheader")
        for group in table.findall("thead") + table.findall("tbody"):
            group.set("role", "rowgroup")
        for row in table.iter("tr"):
            row.set("role", "row")
            for index, cell in enumerate(row.findall("td")):
                cell.set("role", "cell")
                if index < len(names) and names[index]:
                    cell.set("data-label", names[index])
    return _serialise(table)


def _serialise(table: lxml_html.HtmlElement) -> str:
    return str(lxml_html.tostring(table, encoding="unicode"))


def _keep_numbers_whole(page_html: str) -> str:
    parts = _TOKEN.split(page_html)
    skipping: list[str] = []
    for i, part in enumerate(parts):
        if i % 2:  # a tag
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            if name is None:
                continue
            tag = name.group(1).lower()
            if tag in _SKIP and not part.endswith("/>"):
                if part.startswith("</"):
                    if skipping and skipping[-1] == tag:
                        skipping.pop()
                else:
                    skipping.append(tag)
        elif not skipping and (len(part) >= 24 or any(c.isdigit() for c in part)):
            part = _LONG.sub(_long, part)
            parts[i] = _NUMBER.sub(_wrap, part)
    return "".join(parts)


def _long(match: re.Match[str]) -> str:
    word = match.group(0)
    if not any(c.isalpha() for c in word):
        return word  # digits and separators: a number, kept whole below
    return f'<span class="long">{word}</span>'


def _wrap(match: re.Match[str]) -> str:
    return f'<span class="num">{match.group(0)}</span>'
