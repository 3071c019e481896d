"""Synthetic content for benchmarks, written with the project's own schema.

Every record is built as a model from ``generator.schema`` (so it is valid by
construction) and dumped to YAML in the same layout as ``content/``. Text comes
from the real 2024 report, shuffled between tasks and moved to the synthetic year, so
pages and the search index have realistic length and Vietnamese diacritics. Its
figures are kept as written: the figure check recomputes rates and totals from them,
and a mismatch stops the build, as it would for a clerk.

Each kind of content is one ``Kind``: how many pages it adds per synthetic report
and a function that writes its files. A new content kind (disclosure items, news)
is one more ``Kind`` in ``KINDS``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel
from ruamel.yaml import YAML

from generator.content.load import load_content
from generator.content.model import Content
from generator.schema.evidence import Evidence, EvidenceKind
from generator.schema.report import Appendix, Basis, Report, Section, Signature, Task

ROOT = Path(__file__).resolve().parent.parent
REAL_CONTENT = ROOT / "content"
FIRST_YEAR = 2015
YEARS = 10  # a ten-year ward archive
TASKS_PER_REPORT = 13
NEW_EVIDENCE_PER_REPORT = 10
SHARED_PER_YEAR = 4  # software extracts and photo sets that every report of a year cites
FIXED_PAGES = 5  # home, report archive, evidence register, figure checks, citation register (first pages)
NO_EVIDENCE_TASKS = {6, 11, 12, 13}  # as in the real 2024 report
DOC_TYPES = (("Kế hoạch", "KH"), ("Báo cáo", "BC"), ("Quyết định", "QĐ"), ("Thông báo", "TB"))
YEAR = re.compile(r"(?<![\d.,])20\d\d(?![\d.,]?\d)")
DOC_NUMBER = re.compile(r"(?<![\d/])\d+(?=\s*/\s*[A-ZĐ])")  # as cited: 124/KH-UBND, 06/CK-BCĐ
TOPICS = (
    "cải cách hành chính", "chuyển đổi số", "giảm nghèo và lao động việc làm", "an toàn giao thông",
    "phòng chống thiên tai", "quản lý đất đai", "vệ sinh môi trường", "an sinh xã hội",
    "dân chủ ở cơ sở", "tiếp công dân", "phòng chống tham nhũng", "xây dựng đô thị văn minh",
)


@dataclass
class Phrases:
    """Real text to build synthetic records from."""

    contents: list[list[str]]
    results: list[list[str]]
    subjects: list[str]
    report: Report


def phrases(content: Content) -> Phrases:
    entry = content.reports[0]
    return Phrases(
        contents=[list(t.content) for t in entry.tasks],
        results=[list(t.result) for t in entry.tasks],
        subjects=[e.evidence.subject for e in content.evidence.values() if e.evidence.subject],
        report=entry.report,
    )


@dataclass
class Writer:
    """Writes models as YAML under one ``content/`` folder and counts what it wrote."""

    root: Path
    rng: random.Random
    text: Phrases
    files: int = 0
    pages: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    _yaml: YAML = field(default_factory=lambda: YAML(typ="safe", pure=True))

    def write(self, relative: str, model: BaseModel, kind: str, pages: int = 1) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        self._yaml.default_flow_style = False
        self._yaml.allow_unicode = True
        with path.open("w", encoding="utf-8") as out:
            self._yaml.dump(model.model_dump(mode="json", exclude_none=True), out)
        self.files += 1
        self.pages += pages
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return path

    def vary(self, value: str, year: int) -> str:
        """The same sentence in ``year``, citing other documents: every year 20xx replaced,
        every document number (``124`` in ``124/KH-UBND``) changed, every other figure kept
        (changed figures would no longer add up, and the build stops on those)."""
        def number(match: re.Match) -> str:
            digits = match.group()
            return str(self.rng.randint(1, 10 ** len(digits) - 1)).zfill(len(digits))
        value = DOC_NUMBER.sub(number, value)
        return YEAR.sub(str(year), value)


@dataclass(frozen=True)
class ReportPlan:
    year: int
    index: int  # within the year
    shared: tuple[str, ...]  # evidence ids shared by the year's reports


def write_shared_evidence(w: Writer, year: int) -> tuple[str, ...]:
    titles = ("Trích xuất từ phần mềm Một cửa điện tử", "Trích xuất từ phần mềm QLVB và HSCV",
              "Hình ảnh được đăng tải trên trang thông tin điện tử của phường và tại bảng niêm yết",
              "Biên bản họp giao ban")
    kinds = (EvidenceKind.extract, EvidenceKind.extract, EvidenceKind.photo, EvidenceKind.record)
    ids = []
    for n, (title, kind) in enumerate(zip(titles, kinds, strict=True), start=1):
        evidence_id = f"chung-{year}-{n}"
        w.write(f"evidence/{evidence_id}.yaml", Evidence(kind=kind, title=f"{title} năm {year}"), "evidence")
        ids.append(evidence_id)
    return tuple(ids)


def write_report(w: Writer, plan: ReportPlan) -> None:
    """One report of 13 tasks with its own numbered documents; some are cited by two tasks."""
    year, topic = plan.year, TOPICS[plan.index % len(TOPICS)]
    new_ids = []
    for n in range(NEW_EVIDENCE_PER_REPORT):
        doc_type, abbr = DOC_TYPES[n % len(DOC_TYPES)]
        number = 100 + plan.index * NEW_EVIDENCE_PER_REPORT + n
        evidence_id = f"{abbr.lower().replace('đ', 'd')}-{number}-ubnd-{year}"
        w.write(f"evidence/{evidence_id}.yaml", Evidence(
            kind=EvidenceKind.document, doc_type=doc_type, number=f"{number}/{abbr}-UBND",
            date=f"{w.rng.randint(1, 28):02d}/{w.rng.randint(1, 12):02d}/{year}",
            subject=w.vary(w.rng.choice(w.text.subjects), year)), "evidence")
        new_ids.append(evidence_id)
    slug = f"{year}-bao-cao-{plan.index + 1:02d}"
    base = w.text.report
    report = Report(
        doc_type=base.doc_type, number=100 + plan.index, symbol=base.symbol, place=base.place,
        date=f"15/12/{year}", year=year, title=f"Kết quả thực hiện nhiệm vụ {topic} năm {year}",
        basis=[Basis(doc_type=b.doc_type, number=b.number, date=f"{w.rng.randint(1, 28):02d}/01/{year}")
               for b in base.basis],
        intro=[w.vary(p, year) for p in base.intro],
        sections=[Section(heading=s.heading, paragraphs=[w.vary(p, year) for p in s.paragraphs])
                  for s in base.sections],
        closing=[w.vary(p, year) for p in base.closing], recipients=list(base.recipients),
        signature=Signature(**base.signature.model_dump()),
        appendix=Appendix(title=f"KẾT QUẢ THỰC HIỆN NHIỆM VỤ {topic.upper()} NĂM {year}"),
    )
    w.write(f"reports/{slug}/report.yaml", report, "report")
    cursor = 0
    for number in range(1, TASKS_PER_REPORT + 1):
        source = (number - 1 + plan.index) % len(w.text.contents)
        refs: list[str] = []
        if number not in NO_EVIDENCE_TASKS:
            count = w.rng.randint(1, 3)
            refs = [new_ids[(cursor + k) % len(new_ids)] for k in range(count)]
            cursor += count - 1  # the last document is also cited by the next task: shared
            if number <= 5:
                refs.append(plan.shared[number % len(plan.shared)])
        task = Task(number=number, content=[w.vary(p, year) for p in w.text.contents[source]],
                    result=[w.vary(p, year) for p in w.text.results[source]], evidence=list(dict.fromkeys(refs)))
        w.write(f"reports/{slug}/tasks/nhiem-vu-{number:02d}.yaml", task, "task")


@dataclass(frozen=True)
class Kind:
    """One kind of content: pages it adds per synthetic report, and how to write it."""

    name: str
    pages_per_report: int
    write: Callable[[Writer, ReportPlan], None]


# Disclosure items and news: add a Kind here (with its pages per report) once their
# schema models exist; the plan below sizes the archive from the sum.
KINDS: tuple[Kind, ...] = (
    Kind("report", 1 + TASKS_PER_REPORT + NEW_EVIDENCE_PER_REPORT, write_report),
)


def plan(pages: int) -> list[ReportPlan]:
    """How many reports, over how many years, to reach about ``pages`` pages."""
    per_report = sum(kind.pages_per_report for kind in KINDS)
    years = YEARS
    reports = max(1, round((pages - FIXED_PAGES - SHARED_PER_YEAR * years) / per_report))
    years = min(years, reports)
    reports = max(1, round((pages - FIXED_PAGES - SHARED_PER_YEAR * years) / per_report))
    last = FIRST_YEAR + YEARS - 1
    return [ReportPlan(last - y, i // years, ()) for i, y in enumerate(i % years for i in range(reports))]


def write_unit(w: Writer) -> None:
    (w.root / "unit.yaml").parent.mkdir(parents=True, exist_ok=True)
    (w.root / "unit.yaml").write_text((REAL_CONTENT / "unit.yaml").read_text(encoding="utf-8"), encoding="utf-8")


def generate(root: Path, pages: int, seed: int = 6) -> dict:
    """Write a synthetic ``content/`` of about ``pages`` pages into ``root``; return what was written."""
    w = Writer(root, random.Random(seed), phrases(load_content(REAL_CONTENT, ROOT)), pages=FIXED_PAGES)
    write_unit(w)
    shared: dict[int, tuple[str, ...]] = {}
    for report_plan in plan(pages):
        if report_plan.year not in shared:
            shared[report_plan.year] = write_shared_evidence(w, report_plan.year)
        for kind in KINDS:
            kind.write(w, ReportPlan(report_plan.year, report_plan.index, shared[report_plan.year]))
    return {"target_pages": pages, "pages": w.pages, "files": w.files, "records": dict(w.counts)}
