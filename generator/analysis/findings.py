"""What the status says of a category: its state and the findings behind it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from ..content.disclosure import ItemEntry
from ..schema.disclosure import Category, Obligation
from .completeness import Missing

NOTHING_PUBLISHED = "chưa có thông tin nào được đăng"


class State(str, Enum):
    ok = "đủ"
    missing = "thiếu"
    overdue = "quá hạn"
    ended = "hết hạn đúng quy định"
    not_applicable = "không áp dụng"


@dataclass(frozen=True)
class Finding:
    state: State
    text: str                      # a whole sentence, for the page and for make check
    item: ItemEntry | None = None  # the item it is about, if any
    missing: tuple[Missing, ...] = ()  # the item's fields to fill in, when that is the finding
    field: str = "published"           # for make check: the item's field to look at
    fix: str = ""                      # for make check: what to do


@dataclass(frozen=True)
class Row:
    category: Category
    obligation: Obligation | None   # in force on the reference date
    count: int                      # published by the reference date
    last_published: dt.date | None
    state: State
    findings: tuple[Finding, ...]

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(f.text for f in self.findings)

    @property
    def required(self) -> bool:
        return self.obligation is not None and self.obligation.applies and self.obligation.required
