"""Document citations in report text: 'Kế hoạch số 877/KH-UBND ngày 09/10/2024 về …'.

Each citation is resolved to an evidence record (same number and year) or to an entry
of the register "Văn bản được dẫn chiếu". Citations whose date cannot exist or whose
number breaks the NĐ 30/2020 form (``124/KH-UBND``: number, '/', type, '-', issuer,
no spaces, numbers below 10 with a leading zero) become warnings with file:line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..content import paths
from ..content.evidence import EvidenceEntry
from ..content.located import AtField, Located
from ..content.model import Content
from ..content.reports import ReportEntry
from ..problems import Problem, Severity
from ..schema.doc_types import TYPE_ABBREVIATIONS, TYPES
from ..schema.evidence import EvidenceKind
from ..schema.report import Report
from ..util.text import heading_slug
from ..util.vn import DateError, parse_vn_date

SYMBOL = r"[^\s,;()]*[^\s,;().]"
DATE = r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
CITATION = re.compile(
    rf"(?P<type>(?i:{TYPES}))\s+(?:số\s+)?(?P<number>\d+\s*/\s*{SYMBOL}(?:\s+-\s+{SYMBOL})?)"
    rf"(?:,?\s+ngày\s+(?P<date>{DATE}))?"  # 'Kế hoạch số 40/KH-UBND, ngày …': the comma is common
    rf"(?:\s+của\s+(?P<issuer>[^,;.()]+?)(?=\s+về\s|\s*[,;.()]|\s*$))?"
    rf"(?P<subject>\s+về\s+[^;()]+?(?=;|\.(?:\s|$)|[()]|$))?")
# NĐ 30/2020 form: 124/KH-UBND, 15/UBND-VP (công văn), 13/2018/NĐ-CP (with the year).
NUMBER_FORM = re.compile(r"\d+(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ0-9][A-Za-zĐđ0-9]*)+")
SUBJECT_WORDS = 14  # a subject cited in running text has no clear end: show its start


@dataclass(frozen=True)
class Citation:
    """One reference to a document, as written in one paragraph."""

    doc_type: str
    number: str          # as written, spaces and all
    date: str | None     # as written
    issuer: str | None
    subject: str | None
    start: int
    end_of_reference: int  # the linked part: type, number and date

    @property
    def symbol(self) -> str:
        return re.sub(r"\s+", "", self.number)

    def day(self) -> dt.date | None:
        """The date, or None when absent or impossible (see :func:`date_problem`)."""
        if self.date is None:
            return None
        try:
            return parse_vn_date(self.date)
        except DateError:
            return None


def parse(text: str) -> Iterator[Citation]:
    for m in CITATION.finditer(text):
        subject = m.group("subject")
        if subject:
            words = subject.split()
            subject = " ".join(words[:SUBJECT_WORDS]) + ("…" if len(words) > SUBJECT_WORDS else "")
        end = m.end("date") if m.group("date") else m.end("number")
        yield Citation(m.group("type"), m.group("number"), m.group("date"), m.group("issuer"), subject, m.start(), end)


@dataclass(frozen=True)
class Place(AtField):
    """Where a citation is written: the page and heading it shows under, and the YAML field."""

    label: str
    page: str
    anchor: str
    where: Located
    loc: tuple[str | int, ...]


@dataclass(frozen=True)
class Found:
    citation: Citation
    place: Place
    year: int  # the citation's own year, or the report's when it gives no date


@dataclass
class CitedDocument:
    """One document cited somewhere, with every place that cites it."""

    symbol: str
    year: int
    doc_type: str
    date: str | None = None
    issuer: str | None = None
    subject: str | None = None
    evidence_id: str | None = None
    places: list[Place] = field(default_factory=list)

    @property
    def label(self) -> str:
        words = [self.doc_type[:1].upper() + self.doc_type[1:], "số", self.symbol]
        if self.date:
            words += ["ngày", self.date]
        if self.issuer:
            words += ["của", self.issuer]
        if self.subject:
            words.append(self.subject)
        return " ".join(words)

    @property
    def anchor(self) -> str:
        return anchor(self.symbol, self.year)


def anchor(symbol: str, year: int) -> str:
    """The register heading '877/KH-UBND (2024)' and its id, both made from the key alone."""
    return heading_slug(register_heading(symbol, year), "-")


def register_heading(symbol: str, year: int) -> str:
    return f"{symbol} ({year})"


@dataclass(frozen=True)
class CitationTargets:
    """Where citations link, worked out once per build: (number, year) -> evidence record,
    and -> the page of the citation register that lists the document."""

    evidence: dict[tuple[str, int], EvidenceEntry]
    register_pages: dict[tuple[str, int], str]


def evidence_index(evidence: dict[str, EvidenceEntry]) -> dict[tuple[str, int], EvidenceEntry]:
    index = {}
    for item in evidence.values():
        doc = item.evidence
        if doc.kind is EvidenceKind.document and doc.number and doc.date:
            index[(doc.number, parse_vn_date(doc.date).year)] = item
    return index


def citation_year(citation: Citation, report: Report) -> int:
    day = citation.day()
    if day is not None:
        return day.year
    found = re.search(r"(\d{4})\s*$", citation.date or "")
    return int(found.group(1)) if found else report.year


def report_citations(entry: ReportEntry) -> list[Found]:
    """Every citation of a report: its basis, body text, and each task's content and result."""
    report, page = entry.report, paths.report_page(entry.slug)
    prefix = f"{report.doc_type.capitalize()} năm {report.year}"
    basis_label = f"{prefix}: phần căn cứ"
    found: list[Found] = []

    def scan(paragraphs: list[str], label: str, on_page: str, anchor_id: str, where: Located, *loc: str | int) -> None:
        for i, text in enumerate(paragraphs):
            at = Place(label, on_page, anchor_id, where, (*loc, i))
            found.extend(Found(c, at, citation_year(c, report)) for c in parse(text))

    for i, basis in enumerate(report.basis):
        citation = Citation(basis.doc_type, basis.number, basis.date, None, None, 0, 0)
        at = Place(basis_label, page, "", entry.where, ("basis", i))
        found.append(Found(citation, at, citation_year(citation, report)))
    scan(report.intro, basis_label, page, "", entry.where, "intro")
    for s, section in enumerate(report.sections):
        scan(section.paragraphs, f"{prefix}: mục {section.heading}", page, heading_slug(section.heading, "-"),
             entry.where, "sections", s, "paragraphs")
    scan(report.closing, f"{prefix}: đoạn kết", page, "", entry.where, "closing")
    for task, where in zip(entry.tasks, entry.task_where, strict=True):
        for name in ("content", "result"):
            scan(getattr(task, name), f"{prefix}: nhiệm vụ {task.number}", paths.task_page(entry.slug, task.number), "",
                 where, name)
    return found


def cited_documents(content: Content) -> list[CitedDocument]:
    """Every cited document once, in order of first citation; evidence records carry their id."""
    index = evidence_index(content.evidence)
    documents: dict[tuple[str, int], CitedDocument] = {}
    for entry in content.reports:
        for item in report_citations(entry):
            c, key = item.citation, (item.citation.symbol, item.year)
            doc = documents.setdefault(key, CitedDocument(c.symbol, item.year, c.doc_type.lower()))
            doc.date = doc.date or c.date
            doc.issuer = doc.issuer or c.issuer
            doc.subject = doc.subject or c.subject
            doc.evidence_id = index[key].id if key in index else None
            if all((p.label, p.page, p.anchor) != (item.place.label, item.place.page, item.place.anchor)
                   for p in doc.places):
                doc.places.append(item.place)
    return list(documents.values())


def citation_problems(content: Content) -> list[Problem]:
    """Impossible dates, numbers that break the NĐ 30/2020 form, dates that contradict the evidence."""
    index = evidence_index(content.evidence)
    problems = []
    for entry in content.reports:
        for item in report_citations(entry):
            problems += _problems(item, index)
    return problems


def _problems(item: Found, index: dict[tuple[str, int], EvidenceEntry]) -> list[Problem]:
    c, at = item.citation, item.place
    cited = f"{c.doc_type} số {c.number}"

    def warn(message: str, found: str, expected: str) -> Problem:
        return Problem(at.file, at.line, at.field, f"{cited}: {message}", found=found, expected=expected,
                       severity=Severity.warning)

    problems = []
    if c.date is not None and c.day() is None:
        problems.append(warn("ngày ban hành không có thật trên lịch", c.date, "một ngày có thật, dạng 26/02/2024"))
    if c.symbol != c.number:
        problems.append(warn("số, ký hiệu có dấu cách", c.number, c.symbol))
    if not NUMBER_FORM.fullmatch(c.symbol):
        problems.append(warn("số, ký hiệu sai mẫu của Nghị định 30/2020/NĐ-CP", c.symbol,
                             "số/LOẠI-CƠ QUAN, ví dụ 124/KH-UBND"))
        return problems
    number, rest = c.symbol.split("/", 1)
    if int(number) < 10 and len(number) < 2:
        problems.append(warn("số nhỏ hơn 10 phải có số 0 ở trước", c.symbol, f"0{c.symbol}"))
    expected = TYPE_ABBREVIATIONS.get(c.doc_type.lower())
    written = rest.split("/")[-1].split("-")[0]
    if expected and written != expected:
        problems.append(warn(f"ký hiệu loại văn bản không khớp với '{c.doc_type}'", written, expected))
    evidence = index.get((c.symbol, item.year))
    if evidence and c.date and c.day() and evidence.evidence.date and c.day() != _evidence_day(evidence):
        problems.append(warn(f"ngày khác với tài liệu kiểm chứng '{evidence.id}'", c.date, evidence.evidence.date))
    return problems


def _evidence_day(item: EvidenceEntry) -> dt.date | None:
    return parse_vn_date(item.evidence.date) if item.evidence.date else None
