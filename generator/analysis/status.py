"""Compliance status of the disclosure portal: per category, is it đủ, thiếu or quá hạn?

Computed against a reference date (``Disclosure.as_of``), so the built page and
``make check`` say the same thing for the same date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from ..content.disclosure import Disclosure
from ..content.model import Content
from ..problems import Problem, Severity
from ..schema.disclosure import Category, SpecialPage
from ..schema.unit import Unit
from ..util.vn import vn_date


class State(str, Enum):
    ok = "đủ"
    missing = "thiếu"
    overdue = "quá hạn"


@dataclass(frozen=True)
class Row:
    category: Category
    count: int
    last_published: dt.date | None
    state: State
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class _Published:
    """One published thing of a category: a disclosure item or a news post."""

    title: str
    published: dt.date
    issued: dt.date | None = None
    until: dt.date | None = None
    has_period: bool = False


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Monday–Friday days after ``start`` up to and including ``end`` (public holidays not deducted)."""
    days = 0
    current = start
    while current < end:
        current += dt.timedelta(days=1)
        days += current.weekday() < 5
    return days


def rows(content: Content) -> list[Row]:
    disclosure = content.disclosure
    if disclosure is None:
        return []
    return [row(disclosure, content.unit, category) for category in disclosure.categories]


def row(disclosure: Disclosure, unit: Unit, category: Category) -> Row:
    published = _published(disclosure, category)
    last = max((p.published for p in published), default=None)
    reasons = _missing(unit, category, published)
    state = State.missing if reasons else State.ok
    if not reasons:
        reasons = _overdue(disclosure.as_of, category, published)
        state = State.overdue if reasons else State.ok
    return Row(category, len(published), last, state, tuple(reasons))


def _published(disclosure: Disclosure, category: Category) -> list[_Published]:
    """What the category had published on the reference date (later dates are not yet public)."""
    found = []
    for entry in disclosure.items_in(category.slug):
        found.append(_Published(entry.item.title, entry.published, entry.issued, entry.period[1],
                                entry.item.period is not None))
    if category.page is SpecialPage.news:
        found += [_Published(n.post.title, n.date) for n in disclosure.news]
    return [p for p in found if p.published <= disclosure.as_of]


def _missing(unit: Unit, category: Category, published: list[_Published]) -> list[str]:
    if category.page is SpecialPage.contact:
        lacking = [label for label, value in (("địa chỉ", unit.address), ("số điện thoại", unit.phone),
                                              ("thư điện tử", unit.email)) if not value]
        if lacking:
            return [f"chưa công bố {', '.join(lacking)}"]
        return []
    if category.page is SpecialPage.access:
        # NĐ 13/2018 Điều 11: the section needs a focal point and an online address for requests.
        # Public wording: the page is read by citizens; make check names the fields to fill (_fix).
        wanted = (("đầu mối tiếp nhận yêu cầu", unit.focal_point),
                  ("địa chỉ nhận yêu cầu trên mạng", unit.request_url))
        lacking = [label for label, value in wanted if not value]
        return [f"chưa công bố {', '.join(lacking)}"] if lacking else []
    return [] if published else ["chưa có thông tin nào được đăng"]


def _overdue(as_of: dt.date, category: Category, published: list[_Published]) -> list[str]:
    reasons = []
    last = max((p.published for p in published), default=None)
    if category.refresh_days and last and (as_of - last).days > category.refresh_days:
        reasons.append(f"lần đăng gần nhất ngày {vn_date(last)}, đã quá {category.refresh_days} ngày")
    dated = [p for p in published if p.has_period]
    if dated and len(dated) == len(published) and all(p.until and p.until < as_of for p in dated):
        latest_end = max(p.until for p in dated if p.until)
        reasons.append(f"mọi thông tin đã hết thời hạn công khai (muộn nhất ngày {vn_date(latest_end)})")
    limit = category.publish_within_working_days
    for p in published:
        current = p.until is None or p.until >= as_of
        if limit and current and p.issued and working_days_between(p.issued, p.published) > limit:
            late = working_days_between(p.issued, p.published)
            reasons.append(f"'{p.title}' đăng sau {late} ngày làm việc kể từ ngày ban hành "
                           f"(quy định: trong {limit} ngày làm việc)")
    return reasons


def problems(content: Content, strict: bool) -> list[Problem]:
    """A required category with nothing published: a warning, or an error when ``strict``."""
    disclosure = content.disclosure
    if disclosure is None:
        return []
    severity = Severity.error if strict else Severity.warning
    found = []
    for i, r in enumerate(rows(content)):
        if r.category.required and r.state is State.missing:
            found.append(Problem(disclosure.where.file, disclosure.where.line("categories", i), f"categories[{i}]",
                                 f"chuyên mục bắt buộc '{r.category.title}' thiếu: {'; '.join(r.reasons)}",
                                 expected=_fix(r.category), severity=severity))
    return found


def _fix(category: Category) -> str:
    if category.page is SpecialPage.contact:
        return "điền address, phone, email trong content/unit.yaml khi có nguồn"
    if category.page is SpecialPage.access:
        return "điền focal_point, request_url trong content/unit.yaml khi có nguồn"
    return f"đăng thông tin: python -m generator new item --category {category.slug}"
