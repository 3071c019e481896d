"""What a source document is reduced to before it is understood: paragraphs and tables.

Both readers (the plain-text export and Word) produce a :class:`SourceDoc`; everything
after that is shared, so the two formats cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..problems import ContentError, Problem
from ..util.inline import escape


@dataclass(frozen=True)
class Para:
    """One line of body text, as Markdown (bold, italic and links kept)."""

    text: str
    line: int | None = None  # line in the .txt file; Word has no lines


@dataclass(frozen=True)
class Row:
    """One table row: each cell is a list of paragraphs (Markdown)."""

    cells: tuple[tuple[str, ...], ...]
    number: int  # 1-based row in the table as the clerk sees it, header included
    line: int | None = None


@dataclass(frozen=True)
class Table:
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class SourceDoc:
    name: str  # how messages name the file
    blocks: tuple[Para | Table, ...]


@dataclass
class Run:
    """A piece of text with one formatting, as Word runs and HTML inline tags give it."""

    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None


_SAFE_URL = re.compile(r"https?://[^\s<>\"'()]+")


def runs_to_markdown(runs: list[Run]) -> str:
    """Join runs into one Markdown line: **bold**, *italic*, [text](https://…)."""
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].url) == (run.bold, run.italic, run.url):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic, run.url)
        else:
            merged.append(Run(run.text, run.bold, run.italic, run.url))
    out = []
    for run in merged:
        core = run.text.strip()
        if not core:
            out.append(" " if run.text else "")
            continue
        lead = " " if run.text[:1].isspace() else ""
        trail = " " if run.text[-1:].isspace() else ""
        text = escape(core)
        if run.url and _SAFE_URL.fullmatch(run.url) and core != run.url:
            text = f"[{text}]({run.url})"
        if run.italic:
            text = f"*{text}*"
        if run.bold:
            text = f"**{text}**"
        out.append(lead + text + trail)
    return " ".join("".join(out).split())


@dataclass
class Problems:
    """Collects every problem of one import; :meth:`raise_if_any` fails once with all of them."""

    file: str
    items: list[Problem] = field(default_factory=list)

    def add(self, where: str, message: str, found: str | None = None, expected: str | None = None,
            line: int | None = None) -> None:
        self.items.append(Problem(self.file, line, where, message, found=found, expected=expected))

    def raise_if_any(self) -> None:
        if self.items:
            raise ContentError(self.items)


def show(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "…")
