"""Compliance status of the disclosure portal, per category, on a reference date
(``Disclosure.as_of``): đủ, thiếu, quá hạn, hết hạn đúng quy định or không áp dụng.

The obligation in force on the reference date says whether the category applies, what data
it needs and its yearly rules; deadlines of single items are judged by the obligation in
force when they started to run (see ``rules``). Working days come from ``workdays``.
The built page and ``make check`` say the same thing for the same date.
"""

from __future__ import annotations

import datetime as dt

from ..content.disclosure import Disclosure, ItemEntry, in_force
from ..content.model import Content
from ..problems import Problem
from ..schema.disclosure import Category, Obligation, Requirement, Rule, RuleKind, SpecialPage
from ..schema.unit import Unit
from ..util.vn import parse_vn_date
from . import completeness, legal, rules, todo
from .findings import NOTHING_PUBLISHED, Finding, Row, State
from .requirements import unmet
from .workdays import Calendar

__all__ = ["Finding", "Row", "State", "problems", "row", "rows"]

# Worst first: the state of a category is that of its worst finding.
ORDER = (State.overdue, State.missing, State.ended)


def rows(content: Content) -> list[Row]:
    disclosure = content.disclosure
    if disclosure is None:
        return []
    calendar = Calendar.of(disclosure.days_off)
    return [row(disclosure, content.unit, category, calendar) for category in disclosure.categories]


def row(disclosure: Disclosure, unit: Unit, category: Category, calendar: Calendar | None = None) -> Row:
    calendar = calendar or Calendar.of(disclosure.days_off)
    as_of = disclosure.as_of
    items = disclosure.items_in(category.slug)
    dates = [e.published for e in items]
    if category.page is SpecialPage.news:
        dates += [n.date for n in disclosure.news]
    count, last = len(dates), max(dates, default=None)
    obligation = disclosure.obligation(category)
    if obligation is None or not obligation.applies:
        first = category.obligations[0].start
        reason = (obligation.reason or "") if obligation else f"quy định áp dụng từ ngày {first}"
        return Row(category, obligation, count, last, State.not_applicable, (Finding(State.not_applicable, reason),))
    lacking = unmet(obligation.requires, unit, disclosure)
    findings = [Finding(State.missing, f"chưa có {need.label}") for need in lacking]
    if Requirement.items in obligation.requires and not dates:
        findings.append(Finding(State.missing, NOTHING_PUBLISHED))
    findings += _items(disclosure, unit, category, calendar, items)
    findings += _yearly(disclosure, obligation, items)
    if items and rules.ended(items, as_of) and not any(f.state is State.ended for f in findings):
        if any(r.kind is RuleKind.on_change for r in obligation.rules):
            findings.append(Finding(State.missing, "không còn thông tin nào trong thời hạn công khai"))
    state = next((s for s in ORDER if any(f.state is s for f in findings)), State.ok)
    if state is State.ended and not rules.ended(items, as_of):
        state = State.ok  # one term ended normally while others run: the category is simply in order
    return Row(category, obligation, count, last, state, tuple(findings))


def _items(disclosure: Disclosure, unit: Unit, category: Category, calendar: Calendar,
           items: list[ItemEntry]) -> list[Finding]:
    settings, as_of = disclosure.settings, disclosure.as_of
    findings: list[Finding] = []
    obligation = disclosure.obligation(category)
    for entry in rules.relevant(items, as_of):
        forms = [f for f in obligation.forms if f not in entry.item.forms] if obligation else []
        if forms and obligation:
            findings.append(Finding(State.missing, f"«{entry.item.title}»: chưa công khai bằng hình thức "
                                                   f"{legal.forms_text(forms).lower()} (căn cứ: "
                                                   f"{legal.citations(settings, obligation.basis)})", entry,
                                    field="forms", fix="công khai thêm bằng hình thức này rồi ghi vào forms"))
        lacking = completeness.missing(entry, category.kind, unit.name)
        if lacking:
            findings.append(Finding(State.missing, f"«{entry.item.title}»: thiếu "
                                                   f"{', '.join(m.label for m in lacking)}", entry, tuple(lacking)))
        for rule in _rules_for(category, entry):
            if rule.kind in (RuleKind.working_days, RuleKind.days):
                found = rules.deadline(settings, rule, entry, calendar)
            elif rule.kind is RuleKind.minimum:
                found = rules.minimum(settings, rule, entry, as_of)
            else:
                continue
            if found is not None:
                findings.append(found)
    return findings


def _rules_for(category: Category, entry: ItemEntry) -> list[Rule]:
    """The rules of the obligation in force when the item's deadline started to run."""
    start = entry.created or entry.issued or entry.published
    obligation = in_force(category, start)
    return list(obligation.rules) if obligation is not None and obligation.applies else []


def _yearly(disclosure: Disclosure, obligation: Obligation, items: list[ItemEntry]) -> list[Finding]:
    since = parse_vn_date(obligation.start) if obligation.start else dt.date.min
    found = [rules.yearly(disclosure.settings, r, items, disclosure.as_of, since)
             for r in obligation.rules if r.kind is RuleKind.yearly]
    return [f for f in found if f is not None]


def problems(content: Content, strict: bool) -> list[Problem]:
    """What the clerk must fill in or fix, each with the article it serves (see ``todo``)."""
    return todo.problems(content, rows(content), strict)
