"""One update rule applied to what a category published: each broken rule becomes a finding
that names the item, the rule, the dates and the count, and cites the rule's article.

Which items a rule looks at: those still disclosed on the reference date; when none is, the
ones whose term ended last (so the status says whether that term ended as the law wants).
A deadline is judged by the obligation in force on the day it started to run (a rule that
came into force later does not apply backwards); the yearly and "on change" rules by the
obligation in force on the reference date.
"""

from __future__ import annotations

import datetime as dt

from ..content.disclosure import ItemEntry
from ..schema.disclosure import COUNTED_FROM_LABELS, CategoryList, CountedFrom, PublicationForm, Rule, RuleKind
from ..schema.disclosure.item import APPROVED_STAGES, PERIOD_STAGES
from ..util.vn import parse_vn_date, vn_date
from . import legal
from .findings import Finding, State
from .workdays import Calendar

LATE = "đăng đúng hạn từ nay; nếu ngày ghi sai, sửa theo văn bản gốc (trang giữ nguyên kết quả này)"


def start_date(entry: ItemEntry, counted_from: CountedFrom) -> dt.date | None:
    """The date a deadline runs from, as the rule says; None when the item does not give it."""
    item = entry.item
    if counted_from is CountedFrom.created:
        return entry.created
    if counted_from is CountedFrom.issued:
        return entry.issued
    if counted_from is CountedFrom.approved:
        return parse_vn_date(item.budget.approved) if item.budget and item.budget.approved else None
    period = next((s.reporting_period for s in (item.budget, item.fund, item.statistics)
                   if s is not None and s.reporting_period is not None), None)
    return parse_vn_date(period.until) if period else None


def _concerns(counted_from: CountedFrom, entry: ItemEntry) -> bool:
    """A budget rule counted from approval concerns approved figures only; one counted from the
    end of the period, execution reports only."""
    budget = entry.item.budget
    if budget is None:
        return True
    if counted_from is CountedFrom.approved:
        return budget.stage in APPROVED_STAGES
    if counted_from is CountedFrom.period_end:
        return budget.stage in PERIOD_STAGES
    return True


def _quote(entry: ItemEntry) -> str:
    return f"«{entry.item.title}»"


def deadline(settings: CategoryList, rule: Rule, entry: ItemEntry, calendar: Calendar) -> Finding | None:
    """A 'within N (working) days' rule: published later than allowed, or the start date unknown."""
    assert rule.counted_from is not None and rule.days is not None
    if not _concerns(rule.counted_from, entry):
        return None
    start = start_date(entry, rule.counted_from)
    basis = legal.citations(settings, rule.basis)
    label = COUNTED_FROM_LABELS[rule.counted_from]
    if start is None:
        field = {CountedFrom.created: "created", CountedFrom.issued: "issued", CountedFrom.approved: "budget",
                 CountedFrom.period_end: entry.item.section or "created"}[rule.counted_from]
        return Finding(State.missing, f"{_quote(entry)}: chưa ghi {label}, nên không tính được hạn đăng "
                                      f"(quy định: {legal.rule_text(rule)}; {basis})", entry,
                       field=field, fix=f"ghi {label} theo văn bản gốc")
    published = entry.published
    if rule.kind is RuleKind.working_days:
        count, last = calendar.count(start, published), calendar.add(start, rule.days)
        unit = "ngày làm việc"
    else:
        count, last = (published - start).days, start + dt.timedelta(days=rule.days)
        unit = "ngày"
    if count <= rule.days:
        return None
    return Finding(State.overdue, f"{_quote(entry)}: {label} {vn_date(start)}, đăng ngày {vn_date(published)}, "
                                  f"sau {count} {unit} (quy định: {legal.rule_text(rule)}, hạn cuối "
                                  f"{vn_date(last)}; {basis})", entry, fix=LATE)


def minimum(settings: CategoryList, rule: Rule, entry: ItemEntry, as_of: dt.date) -> Finding | None:
    """A 'kept up at least N days' rule: kept less than the minimum, or ended normally."""
    assert rule.days is not None
    form = rule.form or PublicationForm.notice_board
    start, until = entry.period
    if form not in entry.item.forms or until is None:
        return None
    kept = (until - start).days + 1
    basis = legal.citations(settings, rule.basis)
    span = f"từ {vn_date(start)} đến {vn_date(until)}, {kept} ngày"
    if kept < rule.days:
        return Finding(State.overdue, f"{_quote(entry)}: công khai {span} (quy định: {legal.rule_text(rule)}; "
                                      f"{basis})", entry, field="period",
                       fix="giữ công khai đủ số ngày; nếu ngày ghi sai, sửa theo thực tế")
    if until < as_of:
        return Finding(State.ended, f"{_quote(entry)}: đã công khai {span}, đủ {rule.days} ngày theo quy định "
                                    f"({basis})", entry)
    return None


def yearly(settings: CategoryList, rule: Rule, items: list[ItemEntry], as_of: dt.date,
           since: dt.date) -> Finding | None:
    """'Each year by dd/mm': something published in the year up to the last deadline passed."""
    day, month = rule.due()
    due = _on_or_before(as_of, day, month)
    if due < since:
        return None  # the first deadline under this obligation has not come yet
    window = _on_or_before(due - dt.timedelta(days=1), day, month)
    basis = legal.citations(settings, rule.basis)
    on_time = [e for e in items if window < e.published <= due]
    if on_time:
        return None
    late = sorted((e for e in items if due < e.published <= as_of), key=lambda e: e.published)
    if late:
        first = late[0]
        return Finding(State.overdue, f"{_quote(first)}: đăng ngày {vn_date(first.published)}, sau hạn "
                                      f"{vn_date(due)} ({(first.published - due).days} ngày; quy định: "
                                      f"{legal.rule_text(rule)}; {basis})", first, fix=LATE)
    return Finding(State.overdue, f"không có thông tin nào được đăng từ {vn_date(window + dt.timedelta(days=1))} "
                                  f"đến hạn {vn_date(due)} (quy định: {legal.rule_text(rule)}; {basis})")


def _on_or_before(day_of: dt.date, day: int, month: int) -> dt.date:
    """The latest dd/mm on or before ``day_of`` (29/02 falls back to 28/02 in other years)."""
    for year in (day_of.year, day_of.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            candidate = dt.date(year, month, day - 1)
        if candidate <= day_of:
            return candidate
    raise AssertionError("unreachable")


def relevant(items: list[ItemEntry], as_of: dt.date) -> list[ItemEntry]:
    """Items still disclosed on ``as_of``; when none is, those whose term ended last."""
    current = [e for e in items if e.period[1] is None or e.period[1] >= as_of]
    if current or not items:
        return current
    last_end = max(e.period[1] for e in items if e.period[1] is not None)
    return [e for e in items if e.period[1] == last_end]


def ended(items: list[ItemEntry], as_of: dt.date) -> bool:
    return bool(items) and all(e.period[1] is not None and e.period[1] < as_of for e in items)
