"""Evidence lines -> Evidence records, reusing the ids of the register in content/evidence/.

A numbered document is cited as NĐ 30/2020 writes it: ``Kế hoạch số 124/KH-UBND ngày
26/02/2024 về …``. Unnumbered evidence is recognised by its first words (Biên bản …,
Trích xuất …, Hình ảnh …). A line that looks like a citation but does not parse is an
error, never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field

from pydantic import ValidationError

from ..schema.doc_types import TYPES
from ..schema.evidence import Evidence, EvidenceKind
from ..util.inline import plain
from ..util.text import fold, slug
from ..util.vn import parse_vn_date

# The type words are the ones the report-text citations know (one list, longest first).
_TYPES = TYPES
CITATION = re.compile(
    rf"(?P<type>{_TYPES})\s+(?:số\s+)?(?P<number>\d+/[^\s,;]+)\s+ngày\s+(?P<date>\d{{1,2}}/\d{{1,2}}/\d{{4}})"
    r"(?:\s+(?P<subject>.*?))?", re.IGNORECASE)
_LOOKS_CITED = re.compile(rf"^(?:{_TYPES})\s+số\b|\b\d+/[A-ZĐ]{{2,}}", re.IGNORECASE)
_TITLED = {"bien ban": EvidenceKind.record, "trich xuat": EvidenceKind.extract,
           "hinh anh": EvidenceKind.photo, "anh": EvidenceKind.photo}
_URL = re.compile(r"https?://[^\s<>\"']+")
EXAMPLE = "Kế hoạch số 124/KH-UBND ngày 26/02/2024 về …, hoặc Biên bản …, Trích xuất …, Hình ảnh …"


class CitationError(ValueError):
    """The line cannot become an evidence record; the message says why (in Vietnamese)."""


def evidence_line(paragraph: str) -> str:
    """The words of one evidence paragraph, without its '- ' bullet and formatting."""
    text = " ".join(plain(paragraph).split())
    return re.sub(r"^[-+•–]\s*", "", text).strip()


def _drop_period(text: str) -> str:
    # 'về … năm 2024.' -> '… năm 2024'; an ellipsis '...' is the ward's words and stays.
    return re.sub(r"(?<!\.)\.$", "", text.strip())


def parse_evidence(line: str) -> Evidence:
    match = CITATION.fullmatch(line)
    if match:
        subject = _drop_period(match["subject"] or "")
        if not subject:
            raise CitationError("văn bản thiếu trích yếu sau ngày ban hành")
        try:
            parse_vn_date(match["date"])
        except ValueError as exc:
            raise CitationError(str(exc)) from None
        doc_type = match["type"][0].upper() + match["type"][1:]
        return _evidence(kind=EvidenceKind.document, doc_type=doc_type, number=match["number"],
                         date=match["date"], subject=subject)
    words = " ".join(fold(line).lower().split()[:2])
    kind = _TITLED.get(words) or _TITLED.get(words.split(" ")[0] if words else "")
    if kind is not None and not (kind is EvidenceKind.record and _LOOKS_CITED.search(line)):
        url = _URL.search(line)
        return _evidence(kind=kind, title=_drop_period(line),
                         url=url.group(0).rstrip(".,;)") if url else None)
    if _LOOKS_CITED.search(line):
        raise CitationError("trông như trích dẫn văn bản nhưng không đọc được loại, số ký hiệu, ngày và trích yếu")
    raise CitationError("không nhận ra loại tài liệu kiểm chứng")


def _evidence(**fields: object) -> Evidence:
    try:
        return Evidence(**{k: v for k, v in fields.items() if v is not None})
    except ValidationError as exc:
        raise CitationError("; ".join(str(e["ctx"]["error"]) if "ctx" in e and "error" in e["ctx"]
                                      else e["msg"] for e in exc.errors())) from None


def identity(item: Evidence) -> tuple[object, ...]:
    """Two records with the same identity are the same evidence, whatever their wording."""
    if item.kind is EvidenceKind.document:
        assert item.number is not None and item.date is not None  # the schema requires them
        return ("doc", item.number.upper(), parse_vn_date(item.date))
    return ("titled", item.kind, " ".join(fold(_drop_period(item.title or "")).lower().split()))


def new_id(item: Evidence, taken: Container[str], next_suffix: dict[str, int] | None = None) -> str:
    """kh-124-ubnd-2024 for a document (as the register names them); a slug of the title otherwise."""
    if item.kind is EvidenceKind.document:
        assert item.number is not None and item.date is not None
        count, symbol = item.number.split("/", 1)
        kind, _, issuer = symbol.partition("-")
        base = slug(f"{kind} {count} {issuer} {parse_vn_date(item.date).year}")
    else:
        base = ""
        for word in slug(item.title or item.kind.value).split("-"):
            if base and len(base) + len(word) >= 60:
                break  # ids stay short enough to read in a file list
            base = f"{base}-{word}" if base else word
    # ``next_suffix`` remembers where the search for a free '-N' stopped for each base, so
    # thousands of items with one title do not retry -2, -3, … each time.
    n = next_suffix.get(base, 2) if next_suffix is not None else 2
    candidate = base if n == 2 else f"{base}-{n}"
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    if next_suffix is not None:
        next_suffix[base] = n
    return candidate


@dataclass
class Register:
    """The evidence already in content/evidence/ plus what this import adds.

    Identities and taken ids are indexed once, so each citation costs the same however
    many the report has (a scan per citation made long appendices quadratic).
    """

    items: dict[str, Evidence]
    added: dict[str, Evidence]
    _by_identity: dict[tuple[object, ...], str] = field(default_factory=dict, init=False, repr=False)
    _next: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for known_id, known in {**self.items, **self.added}.items():
            self._by_identity.setdefault(identity(known), known_id)

    def id_for(self, item: Evidence) -> str:
        key = identity(item)
        known_id = self._by_identity.get(key)
        if known_id is not None:
            return known_id
        item_id = new_id(item, _Taken(self), self._next)
        self.added[item_id] = item
        self._by_identity[key] = item_id
        return item_id


class _Taken:
    """The ids in use, as a read-only set view over both dicts (no copy per citation)."""

    def __init__(self, register: Register):
        self.register = register

    def __contains__(self, candidate: object) -> bool:
        return candidate in self.register.items or candidate in self.register.added
