"""The legal list in words: citations, update rules and obligations as a page or a message says them."""

from __future__ import annotations

from ..schema.disclosure import (
    COUNTED_FROM_LABELS,
    PUBLICATION_FORM_LABELS,
    CategoryList,
    Citation,
    Obligation,
    PublicationForm,
    Rule,
    RuleKind,
)

UNVERIFIED = "điều khoản chưa đối chiếu với văn bản gốc"


def citation(settings: CategoryList, cited: Citation) -> str:
    """'Luật Tiếp cận thông tin 2016, Điều 17 khoản 1 điểm a'."""
    return citations(settings, [cited])


def citations(settings: CategoryList, cited: list[Citation]) -> str:
    """Citations of one text grouped: 'Luật Tiếp cận thông tin 2016, Điều 17 khoản 1 điểm a, Điều 19 khoản 1'."""
    groups: dict[str, list[str]] = {}
    for c in cited:
        where = c.where() + (f" ({UNVERIFIED})" if c.unverified else "")
        groups.setdefault(c.law, []).append(where.strip())
    names = {t.id: t.short or t.label for t in settings.legal_texts}
    return "; ".join(names[law] + "".join(f" {w}" if w.startswith("(") else f", {w}" for w in wheres if w)
                     for law, wheres in groups.items())


def rule_text(rule: Rule) -> str:
    """'trong 5 ngày làm việc kể từ ngày tạo ra thông tin'."""
    if rule.kind is RuleKind.on_change:
        return "cập nhật ngay khi có thay đổi"
    if rule.kind is RuleKind.working_days:
        assert rule.counted_from is not None
        return f"trong {rule.days} ngày làm việc kể từ {COUNTED_FROM_LABELS[rule.counted_from]}"
    if rule.kind is RuleKind.days:
        assert rule.counted_from is not None
        return f"trong {rule.days} ngày kể từ {COUNTED_FROM_LABELS[rule.counted_from]}"
    if rule.kind is RuleKind.yearly:
        return f"hằng năm, chậm nhất ngày {rule.by}"
    form = PUBLICATION_FORM_LABELS[rule.form or PublicationForm.notice_board].lower()
    return f"{form} ít nhất {rule.days} ngày"


def forms_text(forms: list[PublicationForm]) -> str:
    return "; ".join(PUBLICATION_FORM_LABELS[f] for f in forms)


def dates_text(obligation: Obligation) -> str:
    """'từ 01/07/2026', 'đến 30/06/2026', 'từ … đến …' or 'hiện hành'."""
    if obligation.start and obligation.until:
        return f"từ {obligation.start} đến {obligation.until}"
    if obligation.start:
        return f"từ {obligation.start}"
    if obligation.until:
        return f"đến {obligation.until}"
    return "không thời hạn"
