"""An independent reading of the 2024 source export, used to check what the site publishes.

It knows only the export's layout (tab-separated rows, <p>/<ul> cells, repeated header rows,
continuation rows with an empty STT); it shares no code with the generator.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

SOURCE = Path(__file__).parent / "fixtures" / "bao-cao-2024.txt"


@dataclass
class SourceTask:
    number: int
    content: list[str]
    result: list[str]
    evidence: list[str]


def _cell_paragraphs(cell: str) -> list[str]:
    if "<p>" in cell:
        parts = re.findall(r"<p>(.*?)</p>", cell, re.S)
    elif "<ul" in cell:
        inner = re.sub(r"</?ul[^>]*>", "", cell)
        parts = ["- " + item for item in re.split(r"(?:^|\s)- ", inner.strip()) if item.strip()]
    else:
        parts = [cell] if cell.strip() else []
    return [" ".join(html.unescape(p).split()) for p in parts]


def _join(cells: list[str]) -> list[str]:
    """A cell split over a page break: its last paragraph continues in the next part."""
    paragraphs: list[str] = []
    for i, cell in enumerate(cells):
        parts = _cell_paragraphs(cell)
        if i and paragraphs and parts:
            paragraphs[-1] += " " + parts.pop(0)
        paragraphs += parts
    return paragraphs


def source_tasks(path: Path = SOURCE) -> list[SourceTask]:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("STT\t"))
    rows: list[list[list[str]]] = []
    for line in lines[start:]:
        if not line.strip() or line.startswith("STT\t"):
            continue
        cells = (line.split("\t") + ["", "", "", ""])[:4]
        if cells[0].strip():
            rows.append([[cells[0]], [cells[1]], [cells[2]], [cells[3]]])
        else:
            for column in (1, 2, 3):
                if cells[column].strip():
                    rows[-1][column].append(cells[column])
    return [SourceTask(int(r[0][0].strip().rstrip(".")), _join(r[1]), _join(r[2]), _join(r[3])) for r in rows]
