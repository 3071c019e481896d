"""Checks of the disclosure content that a schema alone cannot make: the legal list is
consistent, an item fits its category, no publication date lies after the reference date,
a promoted evidence record exists, a correction points at an item and uses its forms."""

from __future__ import annotations

import datetime as dt

from ...problems import Problem, Severity
from ...schema.disclosure import CategoryList, Citation, ItemKind
from ...schema.disclosure.item import SECTIONS, DisclosureItem
from ...util.suggest import suggest
from ...util.vn import parse_vn_date, vn_date
from ..evidence import EvidenceEntry
from ..located import Located
from ..yamlfile import field_name

CATEGORIES = "content/disclosure/categories.yaml"
# Which category kind each optional section of an item belongs to.
SECTION_KIND = {"budget": ItemKind.budget, "plan": ItemKind.plan, "project": ItemKind.project,
                "fund": ItemKind.fund, "statistics": ItemKind.statistics, "consultation": ItemKind.consultation,
                "correction": ItemKind.correction}
assert set(SECTION_KIND) == set(SECTIONS)
# Fields an item must not repeat when it promotes an evidence record: they come from the record.
FROM_EVIDENCE = {"doc_type": "doc_type", "number": "number", "issuer": "issuer", "issued": "date",
                 "summary": "subject", "attachment": "file"}


def category_list(settings: CategoryList, where: Located) -> list[Problem]:
    """Unique slugs, citations of known legal texts, obligations in date order without overlap."""
    problems: list[Problem] = []
    known = [t.id for t in settings.legal_texts]
    seen: set[str] = set()
    for i, category in enumerate(settings.categories):
        if category.slug in seen:
            problems.append(Problem(where.file, where.line("categories", i, "slug"), f"categories[{i}].slug",
                                    "mã chuyên mục bị trùng", found=repr(category.slug),
                                    expected="mỗi chuyên mục một mã riêng"))
        seen.add(category.slug)
        previous_end: dt.date | None = None
        for j, obligation in enumerate(category.obligations):
            loc = ("categories", i, "obligations", j)
            start = parse_vn_date(obligation.start) if obligation.start else dt.date.min
            if j > 0 and (previous_end is None or start <= previous_end):
                problems.append(Problem(where.file, where.line(*loc), f"categories[{i}].obligations[{j}].from",
                                        "các quy định của chuyên mục chồng lên nhau hoặc không theo thứ tự thời gian",
                                        expected="quy định trước có until, quy định sau có from sau ngày đó"))
            previous_end = parse_vn_date(obligation.until) if obligation.until else None
            citations: list[tuple[tuple[str | int, ...], Citation]] = [
                (("basis", k), c) for k, c in enumerate(obligation.basis)]
            citations += [(("rules", r, "basis", k), c) for r, rule in enumerate(obligation.rules)
                          for k, c in enumerate(rule.basis)]
            for sub, citation in citations:
                if citation.law not in known:
                    close = suggest(citation.law, known)
                    problems.append(Problem(where.file, where.line(*loc, *sub, "law"), field_name((*loc, *sub, "law")),
                                            f"không có văn bản '{citation.law}' trong legal_texts",
                                            found=repr(citation.law),
                                            expected=f"có phải ý bạn là '{close}'?" if close
                                            else "một mã trong legal_texts"))
    return problems


def item(settings: CategoryList, value: DisclosureItem, where: Located, as_of: dt.date) -> list[Problem]:
    problems = not_after(as_of, value.published, where, "published")
    known = {c.slug: c for c in settings.categories}
    category = known.get(value.category)
    if category is None:
        close = suggest(value.category, list(known))
        problems.append(Problem(where.file, where.line("category"), "category",
                                f"không có chuyên mục '{value.category}'",
                                found=repr(value.category),
                                expected=f"có phải ý bạn là '{close}'?" if close else f"một mã trong {CATEGORIES}"))
    section = value.section
    if category is not None and section is not None and SECTION_KIND[section] is not category.kind:
        problems.append(Problem(where.file, where.line(section), section,
                                f"phần '{section}' chỉ dùng cho chuyên mục loại '{SECTION_KIND[section].value}'; "
                                f"chuyên mục '{category.slug}' là loại '{category.kind.value}'",
                                expected=f"xóa phần '{section}', hoặc chuyển thông tin sang đúng chuyên mục"))
    problems += _period(value, where)
    issued = value.created or value.issued
    if issued and value.consultation is None and parse_vn_date(issued) > parse_vn_date(value.published):
        field = "created" if value.created else "issued"
        problems.append(Problem(where.file, where.line(field), field, "ngày tạo ra, ban hành sau ngày đăng",
                                found=f"{issued}, đăng ngày {value.published}",
                                expected="kiểm tra lại hai ngày theo văn bản gốc", severity=Severity.warning))
    return problems


def not_after(as_of: dt.date, written: str, where: Located, field: str) -> list[Problem]:
    """A publication date after the reference date is a typo: the page would show it as published."""
    if parse_vn_date(written) <= as_of:
        return []
    return [Problem(where.file, where.line(field), field, "ngày đăng sau ngày tham chiếu (ngày ở tương lai)",
                    found=written, expected=f"ngày đăng thật, không sau {vn_date(as_of)}; nếu chưa đăng thì "
                                            "chưa tạo tệp này")]


def _period(value: DisclosureItem, where: Located) -> list[Problem]:
    if value.period is None or value.period.until is None:
        return []
    start, until = parse_vn_date(value.period.start), parse_vn_date(value.period.until)
    if until < start:
        return [Problem(where.file, where.line("period", "until"), "period.until",
                        "thời hạn công khai kết thúc trước khi bắt đầu",
                        found=f"từ {value.period.start} đến {value.period.until}",
                        expected=f"ngày kết thúc từ {value.period.start} trở đi")]
    return []


def promoted(value: DisclosureItem, where: Located, evidence: dict[str, EvidenceEntry]
             ) -> tuple[EvidenceEntry | None, list[Problem]]:
    """The evidence record an item makes public, and what is wrong with the reference."""
    if value.evidence is None:
        return None, []
    record = evidence.get(value.evidence)
    if record is None:
        close = suggest(value.evidence, sorted(evidence))
        return None, [Problem(where.file, where.line("evidence"), "evidence",
                              f"không tìm thấy tài liệu kiểm chứng '{value.evidence}'", found=repr(value.evidence),
                              expected=f"có phải ý bạn là '{close}'?" if close
                              else "mã một tệp trong content/evidence/")]
    problems = []
    for own, theirs in FROM_EVIDENCE.items():
        if getattr(value, own) is not None and getattr(record.evidence, theirs) is not None:
            problems.append(Problem(where.file, where.line(own), own,
                                    f"trường này đã có trong tài liệu kiểm chứng {record.where.file}",
                                    expected="xóa trường này: thông tin được lấy từ tài liệu kiểm chứng, "
                                             "một văn bản chỉ ghi ở một nơi"))
    return record, problems


def corrections(items: list[tuple[str, DisclosureItem, Located]]) -> list[Problem]:
    """A correction names an item that exists, and is published in every form the original was (Điều 22)."""
    by_id = {item_id: value for item_id, value, _ in items}
    problems = []
    for item_id, value, where in items:
        correction = value.correction
        if correction is None:
            continue
        if correction.corrects == item_id:
            problems.append(Problem(where.file, where.line("correction", "corrects"), "correction.corrects",
                                    "thông tin đính chính không thể đính chính chính nó", found=repr(item_id),
                                    expected="mã (tên tệp) của thông tin gốc bị sai"))
            continue
        original = by_id.get(correction.corrects)
        if original is None:
            close = suggest(correction.corrects, sorted(by_id))
            problems.append(Problem(where.file, where.line("correction", "corrects"), "correction.corrects",
                                    f"không có thông tin '{correction.corrects}' để đính chính",
                                    found=repr(correction.corrects),
                                    expected=f"có phải ý bạn là '{close}'?" if close
                                    else "mã (tên tệp) một thông tin trong content/disclosure/items/"))
            continue
        missing = [f for f in original.forms if f not in value.forms]
        if missing:
            problems.append(Problem(where.file, where.line("forms"), "forms",
                                    "thông tin đính chính phải được công khai bằng hình thức của thông tin gốc "
                                    "(Luật Tiếp cận thông tin 2016, Điều 22 khoản 5)",
                                    found=", ".join(f.value for f in value.forms),
                                    expected="thêm " + ", ".join(f.value for f in missing)))
        if parse_vn_date(value.published) < parse_vn_date(original.published):
            problems.append(Problem(where.file, where.line("published"), "published",
                                    "thông tin đính chính đăng trước thông tin gốc",
                                    found=value.published, expected=f"từ {original.published} trở đi"))
    return problems


def plan_results(items: list[tuple[str, DisclosureItem, Located]]) -> list[Problem]:
    """The results of a plan name another item that exists: the plan they report on."""
    ids = sorted(item_id for item_id, _, _ in items)
    problems = []
    for item_id, value, where in items:
        plan = value.plan.results_of if value.plan else None
        if plan is None or (plan in ids and plan != item_id):
            continue
        close = suggest(plan, ids) if plan != item_id else None
        problems.append(Problem(where.file, where.line("plan", "results_of"), "plan.results_of",
                                "thông tin không thể là kết quả thực hiện của chính nó" if plan == item_id
                                else f"không có thông tin kế hoạch '{plan}'", found=repr(plan),
                                expected=f"có phải ý bạn là '{close}'?" if close
                                else "mã (tên tệp) thông tin kế hoạch trong content/disclosure/items/"))
    return problems
