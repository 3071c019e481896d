"""Evidence lines -> Evidence records, reusing the ids of the register in content/evidence/.

A numbered document is cited as NĐ 30/2020 writes it: ``Kế hoạch số 124/KH-UBND ngày
26/02/2024 về …``. Unnumbered evidence is recognised by its first words (Biên bản …,
Trích xuất …, Hình ảnh …). A line that looks like a citation but does not parse is an
error, never a guess.

A cited document is the register's record only when number, date, issuer and subject all
agree (subjects compared in one Unicode form, case-folded, spaces collapsed, a final '.'
dropped); other evidence when kind, title and issuer agree. The issuer of a citation is the
unit that issued the report: this site's unit (``issuer`` left blank) or, for a report of a
predecessor unit, that unit (``issuer`` set, and the id ends with the unit's name). The same
number and date with another subject becomes a new record, which the content check then
refuses naming both records: a number is never silently linked to another document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass, field

from pydantic import ValidationError

from ..schema.doc_types import TYPES
from ..schema.evidence import Evidence, EvidenceKind
from ..schema.unit import Unit, unit_key
from ..util.inline import plain
from ..util.text import fold, slug
from ..util.vn import parse_vn_date

# The type words are the ones the report-text citations know (one list, longest first).
_TYPES = TYPES
# The date as NĐ 30/2020 writes it in a citation (26/02/2024) or in words (ngày 5 tháng 3 năm 2025);
# a comma may follow the number ('Kế hoạch số 40/KH-UBND, ngày …').
_DATE = r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
CITATION = re.compile(
    rf"(?P<type>{_TYPES})\s+(?:số\s+)?(?P<number>\d+/[^\s,;]+),?\s+ngày\s+(?P<date>{_DATE})"
    r"(?:\s+(?P<subject>.*?))?", re.IGNORECASE)
_WORDED_DATE = re.compile(r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_LOOKS_CITED = re.compile(rf"^(?:{_TYPES})\s+số\b|\b\d+/[A-ZĐ]{{2,}}", re.IGNORECASE)
_TITLED = {"bien ban": EvidenceKind.record, "trich xuat": EvidenceKind.extract,
           "hinh anh": EvidenceKind.photo, "anh": EvidenceKind.photo}
# A bullet, or an item number followed by a space (so '124/KH-UBND' or '3.5' are never cut).
_ITEM_MARK = re.compile(r"^(?:[-+•–]\s*|(?:\d{1,2}|[a-zđ])[.)]\s+)")
_ITEM_START = re.compile(rf"(?:{_TYPES})\s+số\b|(?:biên bản|trích xuất|hình ảnh|ảnh)\b", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s<>\"']+")
# A cell that says there is no evidence ('Không có', 'Chưa có tài liệu', 'Không'): no record.
_NONE_STATED = re.compile(r"(?:khong|chua)(?: co)?(?: tai lieu(?: kiem chung| minh chung)?)?|[-–.…x/]*")
EXAMPLE = "Kế hoạch số 124/KH-UBND ngày 26/02/2024 về …, hoặc Biên bản …, Trích xuất …, Hình ảnh …"


class CitationError(ValueError):
    """The line cannot become an evidence record; the message says why (in Vietnamese)."""


def evidence_line(paragraph: str) -> str:
    """The words of one evidence paragraph, without its bullet ('- ', '• ') or its item number
    ('1. ', '2) ', 'a) ': clerks number the documents of a cell) and formatting."""
    text = " ".join(plain(paragraph).split())
    return _ITEM_MARK.sub("", text).strip()


def slashed(date: str) -> str:
    """'05 tháng 3 năm 2025' -> '05/3/2025', the form of every date in content/; the day and month
    keep their digits as written (a leading zero or not). Other dates are returned unchanged."""
    worded = _WORDED_DATE.fullmatch(" ".join(date.split()))
    return "/".join(worded.groups()) if worded else date


def evidence_lines(paragraph: str) -> list[str]:
    """The evidence items of one paragraph: usually one; several when a clerk typed them on one line
    separated by ';' ('Kế hoạch số … về …; Biên bản họp …'). A ';' splits only before a capitalised
    document type with 'số' or a titled kind, or before a new item's number or bullet ('…; 2. Sổ theo
    dõi …'), so a subject that itself holds ';' stays whole. The ';' or ',' that ends an item of a
    list is punctuation of the list, not words of the document."""
    line = evidence_line(paragraph)
    items: list[str] = []
    for piece in line.split(";"):
        piece = piece.strip()
        marked = _ITEM_MARK.match(piece) is not None
        piece = _ITEM_MARK.sub("", piece) if marked else piece
        if items and not marked and not (piece[:1].isupper() and _ITEM_START.match(piece)):
            items[-1] = f"{items[-1]};{' ' + piece if piece else ''}"
        else:
            items.append(piece)
    kept = [item.rstrip(";, ") for item in items]
    return [item for item in kept if item and not _says_none(item)]


def _says_none(item: str) -> bool:
    return bool(_NONE_STATED.fullmatch(" ".join(fold(item).lower().rstrip(".").split())))


def _drop_period(text: str) -> str:
    # 'về … năm 2024.' -> '… năm 2024'; an ellipsis '...' is the ward's words and stays.
    return re.sub(r"(?<!\.)\.$", "", text.strip())


def parse_evidence(line: str) -> Evidence:
    match = CITATION.fullmatch(line)
    if match:
        subject = _drop_period(match["subject"] or "") or None  # not cited: left empty, never guessed
        try:
            parse_vn_date(match["date"])
        except ValueError as exc:
            raise CitationError(str(exc)) from None
        doc_type = match["type"][0].upper() + match["type"][1:]
        return _evidence(kind=EvidenceKind.document, doc_type=doc_type, number=match["number"],
                         date=slashed(match["date"]), subject=subject)
    words = " ".join(fold(line).lower().split()[:2])
    kind = _TITLED.get(words) or _TITLED.get(words.split(" ")[0] if words else "")
    if kind is not None and not (kind is EvidenceKind.record and _LOOKS_CITED.search(line)):
        url = _URL.search(line)
        return _evidence(kind=kind, title=_drop_period(line),
                         url=url.group(0).rstrip(".,;)") if url else None)
    if _LOOKS_CITED.search(line):
        raise CitationError("trông như trích dẫn văn bản nhưng không đọc được loại, số ký hiệu và ngày")
    # Sổ theo dõi, danh sách, giấy mời, bảng tổng hợp…: published under the name the report gives.
    return _evidence(kind=EvidenceKind.other, title=_drop_period(line))


def _evidence(**fields: object) -> Evidence:
    try:
        return Evidence(**{k: v for k, v in fields.items() if v is not None})
    except ValidationError as exc:
        raise CitationError("; ".join(str(e["ctx"]["error"]) if "ctx" in e and "error" in e["ctx"]
                                      else e["msg"] for e in exc.errors())) from None


def subject_key(subject: str | None) -> str:
    """'về Thực hiện  công tác CCHC năm 2024.' and 'về thực hiện công tác CCHC năm 2024' are one subject."""
    text = " ".join(unicodedata.normalize("NFC", subject or "").casefold().split())
    return text[:-1].rstrip() if text.endswith(".") else text


def identity(item: Evidence, issuer: str = "") -> tuple[object, ...]:
    """Two records with the same identity are the same evidence, whatever their wording.

    ``issuer`` is the key of the record's issuer ('' for this site's unit, see :meth:`Register.issuer_key`).
    """
    if item.kind is EvidenceKind.document:
        return (*_document(item, issuer), subject_key(item.subject))
    return _titled(item, issuer)


def _document(item: Evidence, issuer: str) -> tuple[object, ...]:
    """Number, date and issuer: what names one document (its subject must then agree)."""
    assert item.number is not None and item.date is not None  # the schema requires them
    return ("doc", item.number.upper(), parse_vn_date(item.date), issuer)


def _titled(item: Evidence, issuer: str) -> tuple[object, ...]:
    return ("titled", item.kind, " ".join(fold(_drop_period(item.title or "")).lower().split()), issuer)


def unit_suffix(name: str) -> str:
    """'Ủy ban nhân dân xã Thuận An' -> 'xa-thuan-an', ending the ids of that unit's records."""
    key = unit_key(name)
    for agency in ("ubnd ", "hđnd "):
        key = key.removeprefix(agency)
    return slug(key)


def new_id(item: Evidence, taken: Container[str], next_suffix: dict[str, int] | None = None,
           unit: str | None = None) -> str:
    """kh-124-ubnd-2024 for a document (as the register names them); a slug of the title otherwise.
    A record of another unit (``unit``, a predecessor) ends with that unit's name: kh-124-ubnd-2024-xa-thuan-an."""
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
    if unit:
        base = f"{base}-{unit_suffix(unit)}"
    # ``next_suffix`` remembers where the search for a free '-N' stopped for each base, so
    # thousands of items with one title do not retry -2, -3, … each time.
    n = next_suffix.get(base, 2) if next_suffix is not None else 2
    candidate = base if n == 2 else f"{base}-{n}"
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    if next_suffix is not None:
        next_suffix[base] = n
    return candidate


REUSED_DOCUMENT = "cùng số, ngày, cơ quan, trích yếu"
REUSED_OTHER = "cùng loại, tên tài liệu, đơn vị"


@dataclass
class Register:
    """The evidence already in content/evidence/ plus what this import adds.

    ``unit`` is the site's unit (content/unit.yaml); ``issuer`` the unit the report's new records
    belong to when it is not the site's (a predecessor), None otherwise. ``reused`` says, for each
    record of content/evidence/ the report cites, why it is the same evidence; ``notes`` says, for a
    new record, which record of the same number or title it is not, and why.

    Identities and taken ids are indexed once, so each citation costs the same however
    many the report has (a scan per citation made long appendices quadratic).
    """

    items: dict[str, Evidence]
    added: dict[str, Evidence]
    unit: Unit | None = None
    issuer: str | None = None
    reused: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    _by_identity: dict[tuple[object, ...], str] = field(default_factory=dict, init=False, repr=False)
    _by_name: dict[tuple[object, ...], list[str]] = field(default_factory=dict, init=False, repr=False)
    _next: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for known_id, known in {**self.items, **self.added}.items():
            self._index(known_id, known)

    def issuer_key(self, issuer: str | None) -> str:
        """'' for this site's unit (a blank issuer, or its own name in any spelling); the unit's key otherwise."""
        if issuer is None:
            return ""
        written = " ".join(unicodedata.normalize("NFC", issuer).split())
        name = self.unit.issuer_of(written) if self.unit is not None else None
        key = unit_key(name or written)
        return "" if self.unit is not None and key == unit_key(self.unit.name) else key

    def _index(self, item_id: str, item: Evidence) -> None:
        issuer = self.issuer_key(item.issuer)
        self._by_identity.setdefault(identity(item, issuer), item_id)
        self._by_name.setdefault(self._name(item), []).append(item_id)

    @staticmethod
    def _name(item: Evidence) -> tuple[object, ...]:
        """What a record is called, whoever issued it: number and date, or kind and title."""
        return _document(item, "")[:3] if item.kind is EvidenceKind.document else _titled(item, "")[:3]

    def id_for(self, item: Evidence) -> str:
        if self.issuer is not None and item.issuer is None:
            item = item.model_copy(update={"issuer": self.issuer})
        key = identity(item, self.issuer_key(item.issuer))
        known_id = self._by_identity.get(key)
        if known_id is not None:
            if known_id in self.items:
                self.reused.setdefault(
                    known_id, REUSED_DOCUMENT if item.kind is EvidenceKind.document else REUSED_OTHER)
            return known_id
        item_id = new_id(item, _Taken(self), self._next, self.issuer)
        self.notes[item_id] = self._why_new(item)
        self.added[item_id] = item
        self._index(item_id, item)
        return item_id

    def _why_new(self, item: Evidence) -> str:
        """Why a record with this item's number and date (or title) was not reused; '' if there is none."""
        issuer = self.issuer_key(item.issuer)
        for other_id in self._by_name.get(self._name(item), []):
            other = self.items.get(other_id) or self.added[other_id]
            if self.issuer_key(other.issuer) != issuer:
                whose = item.issuer or (self.unit.name if self.unit is not None else "đơn vị này")
                return f"cùng {'số, ngày' if item.kind is EvidenceKind.document else 'tên'} với {other_id} " \
                       f"nhưng là tài liệu của {whose}"
            if item.kind is EvidenceKind.document:
                return f"cùng số, ngày, cơ quan với {other_id} nhưng khác trích yếu"
        return ""


class _Taken:
    """The ids in use, as a read-only set view over both dicts (no copy per citation)."""

    def __init__(self, register: Register):
        self.register = register

    def __contains__(self, candidate: object) -> bool:
        return candidate in self.register.items or candidate in self.register.added
