"""The loaded disclosure portal: categories, items, attachments and news, ready to render."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .content import Located
from .schema import parse_vn_date
from .schema_disclosure import Category, CategoryList, DisclosureItem, NewsPost, SpecialPage


@dataclass(frozen=True)
class Attachment:
    """A checked attachment: where it comes from, where it goes in the site, and its fingerprint."""

    source: Path
    site_path: str
    size: int
    sha256: str
    kind: str  # the detected type, e.g. 'PDF'


@dataclass(frozen=True)
class ItemEntry:
    id: str
    item: DisclosureItem
    where: Located
    attachment: Attachment | None = None

    @property
    def published(self) -> dt.date:
        return parse_vn_date(self.item.published)

    @property
    def issued(self) -> dt.date | None:
        return parse_vn_date(self.item.issued) if self.item.issued else None

    @property
    def period(self) -> tuple[dt.date, dt.date | None]:
        """(from, until) of the disclosure; without a period, from the publication date on."""
        if self.item.period is None:
            return self.published, None
        until = self.item.period.until
        return parse_vn_date(self.item.period.start), parse_vn_date(until) if until else None


@dataclass(frozen=True)
class NewsEntry:
    slug: str
    post: NewsPost
    where: Located

    @property
    def date(self) -> dt.date:
        return parse_vn_date(self.post.date)


@dataclass(frozen=True)
class Disclosure:
    settings: CategoryList
    where: Located                     # categories.yaml
    items: tuple[ItemEntry, ...]       # newest publication first
    news: tuple[NewsEntry, ...]        # newest first
    as_of: dt.date                     # reference date of the compliance status

    @property
    def categories(self) -> list[Category]:
        return list(self.settings.categories)

    def category(self, slug: str) -> Category:
        return next(c for c in self.settings.categories if c.slug == slug)

    def items_in(self, slug: str) -> list[ItemEntry]:
        return [entry for entry in self.items if entry.item.category == slug]

    def special(self, page: SpecialPage) -> Category | None:
        return next((c for c in self.settings.categories if c.page is page), None)
