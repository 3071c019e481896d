"""The fields an item needs for its category's kind, and which it lacks.

A missing field does not stop the build (the item is real and published); it makes the
category "thiếu" on the status page, naming the item and the field, and ``make check``
lists it with the field name to fill in.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.disclosure import ItemEntry
from ..schema.disclosure import ItemKind
from ..schema.disclosure.item import APPROVED_STAGES, PERIOD_STAGES


@dataclass(frozen=True)
class Missing:
    label: str   # for citizens: "ngày có hiệu lực"
    field: str   # for the clerk: "effective"


_DOCUMENT = (("doc_type", "loại văn bản"), ("number", "số, ký hiệu"), ("issuer", "cơ quan ban hành"),
             ("issued_text", "ngày ban hành"), ("subject", "trích yếu"))
_FIELD = {"issued_text": "issued", "subject": "summary"}
_SECTION = {ItemKind.plan: ("plan", "thời kỳ của kế hoạch"), ItemKind.budget: ("budget", "giai đoạn, năm ngân sách"),
            ItemKind.project: ("project", "thông tin dự án"), ItemKind.fund: ("fund", "loại khoản thu, quỹ"),
            ItemKind.statistics: ("statistics", "kỳ số liệu"),
            ItemKind.consultation: ("consultation", "thời hạn và cách góp ý"),
            ItemKind.correction: ("correction", "thông tin được đính chính")}
# Kinds whose items are documents people need to read: the file itself is part of the information.
_NEEDS_FILE = (ItemKind.document, ItemKind.plan, ItemKind.budget, ItemKind.consultation)


def missing(entry: ItemEntry, kind: ItemKind, unit_name: str) -> list[Missing]:
    found: list[Missing] = []
    if kind is ItemKind.document:
        for attribute, label in _DOCUMENT:
            value = getattr(entry, attribute)
            if attribute == "issuer" and value is None and entry.evidence is not None:
                value = unit_name  # an evidence record without issuer is the unit's own document
            if not value:
                found.append(Missing(label, _FIELD.get(attribute, attribute)))
        if entry.item.effective is None:
            found.append(Missing("ngày có hiệu lực", "effective"))
    section = _SECTION.get(kind)
    if section is not None and getattr(entry.item, section[0]) is None:
        found.append(Missing(section[1], section[0]))
    budget = entry.item.budget
    if kind is ItemKind.budget and budget is not None:
        if budget.stage in PERIOD_STAGES and budget.reporting_period is None:
            found.append(Missing("kỳ báo cáo", "budget.reporting_period"))
        if budget.stage in APPROVED_STAGES and budget.approved is None:
            found.append(Missing("ngày phê duyệt", "budget.approved"))
    if kind in _NEEDS_FILE and entry.file is None:
        found.append(Missing("tệp văn bản", "attachment"))
    return found
