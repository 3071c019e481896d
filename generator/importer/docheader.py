"""The header of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Left: tên cơ quan chủ quản (``UBND THÀNH PHỐ ĐÔNG HÀ``), tên cơ quan ban hành (``ỦY BAN NHÂN
DÂN PHƯỜNG 4``, in đậm), ``Số: …/BC-UBND``. Right: Quốc hiệu, Tiêu ngữ, ``Phường 4, ngày …
tháng … năm 2024``. Word files lay it out as a two-column table, as paragraphs, or as lines
split by tabs; the text export as paragraphs or tab-separated rows. Whatever the layout, the
readers give the lines in reading order, and :func:`read_header` finds the two agency names
among the lines before ``Số:``. What the document leaves out stays blank (None).

The same recognisers tell a layout table (this header, Nơi nhận beside the signature) from
the appendix table, so neither is taken for the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..util.inline import plain
from .headers import folded

# A blank number or day is often typed as dots or an ellipsis: 'Số: …/BC-UBND', 'ngày … tháng … năm 2024'.
_BLANK = r"[\s.…_]*"
NUMBER = re.compile(rf"Số\s*:\s*(?P<n>\d*){_BLANK}/\s*(?P<symbol>\S+)", re.IGNORECASE)
PLACE_DATE = re.compile(rf"(?P<place>[^,]+),\s*ngày\s*(?P<d>\d*){_BLANK}tháng\s*(?P<m>\d*){_BLANK}"
                        r"năm\s*(?P<y>\d{4})\.?", re.IGNORECASE)
SIGN_AUTHORITY = re.compile(r"(?:TM|KT|TL|TUQ|Q)\.\s*\S.*")
NATION = "cong hoa xa hoi chu nghia viet nam"  # Quốc hiệu, folded
MOTTO = "doc lap tu do hanh phuc"  # Tiêu ngữ, folded
# Marks printed above or beside the header that are not an agency's name.
_MARKS = {"du thao", "mat", "toi mat", "tuyet mat", "khan", "thuong khan", "hoa toc", "hoa toc hen gio"}
# A line starting with one of these continues the agency name above it ('ỦY BAN NHÂN DÂN' / 'PHƯỜNG 4').
_CONTINUES = ("phuong ", "xa ", "thi tran ", "quan ", "huyen ", "thi xa ", "thanh pho ", "tp ", "tinh ")


def line_text(text: str) -> str:
    """A paragraph as one line of plain words (formatting marks dropped)."""
    return " ".join(plain(text).strip("* ").split())


def header_part(text: str) -> str | None:
    """'number', 'date', 'nation' or 'motto' for a line of the header's fixed parts; None otherwise."""
    line = line_text(text)
    if NUMBER.match(line):
        return "number"
    if PLACE_DATE.fullmatch(line):
        return "date"
    key = folded(line)
    if key == NATION:
        return "nation"
    if key == MOTTO:
        return "motto"
    return None


def is_mark(text: str) -> bool:
    """DỰ THẢO, MẬT, KHẨN, HỎA TỐC, 'Mẫu số …' or a line in parentheses: printed near the header,
    neither an agency's name nor the document's type."""
    line = line_text(text)
    key = folded(line)
    return key in _MARKS or key.startswith("mau so") or (line.startswith("(") and line.endswith(")"))


def is_layout(paragraphs: Iterable[str]) -> bool:
    """The paragraphs of a table hold the header's fixed parts or Nơi nhận and a signature authority:
    the table lays out the document, it is not the appendix."""
    for text in paragraphs:
        if header_part(text) is not None:
            return True
        line = line_text(text)
        if folded(line).startswith("noi nhan") or SIGN_AUTHORITY.fullmatch(line):
            return True
    return False


def split_at_tabs(pieces: list[str]) -> bool:
    """A line typed with tabs between the header's two columns ('UBND … <Tab> CỘNG HÒA …') is read
    as its columns' lines; elsewhere a tab is only a space."""
    return len(pieces) > 1 and any(header_part(piece) is not None for piece in pieces)


def _bold(text: str) -> bool:
    text = text.strip()
    return len(text) > 4 and text.startswith("**") and text.endswith("**")


def read_header(paras: list[str]) -> dict[str, str | None]:
    """``superior`` and ``issuer`` from the lines before ``Số:`` (Markdown paragraphs, in reading order).

    The fixed parts (Quốc hiệu, Tiêu ngữ, place and date) and marks such as DỰ THẢO are left
    out. Of the agency lines left, when bold lines follow plain ones (NĐ 30/2020 prints the cơ
    quan ban hành in bold), the bold ones are the cơ quan ban hành and the plain ones the cơ
    quan chủ quản. Otherwise the last name is the cơ quan ban hành and the names above it the
    cơ quan chủ quản, a line starting with PHƯỜNG, XÃ, HUYỆN, … continuing the name above it
    ('ỦY BAN NHÂN DÂN' / 'PHƯỜNG 4'). Names are kept as written; a name is None when absent.
    """
    lines: list[tuple[str, bool]] = []
    for text in paras:
        line = line_text(text)
        key = folded(line)
        if not key or header_part(text) is not None or is_mark(text):
            continue
        lines.append((line, _bold(text)))
    if not lines:
        return {"superior": None, "issuer": None}
    bold = [i for i, (_, is_bold) in enumerate(lines) if is_bold]
    if bold and bold[0] > 0 and bold == list(range(bold[0], len(lines))):  # plain lines, then bold ones
        first = bold[0]
        return {"superior": " ".join(line for line, _ in lines[:first]),
                "issuer": " ".join(line for line, _ in lines[first:])}
    names: list[str] = []
    for line, _ in lines:
        key = folded(line)
        if names and key.startswith(_CONTINUES) and not re.match(r"\w+ uy\b", key):  # not HUYỆN ỦY …
            names[-1] = f"{names[-1]} {line}"
        else:
            names.append(line)
    return {"superior": " ".join(names[:-1]) or None, "issuer": names[-1]}
