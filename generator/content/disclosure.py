"""The disclosure portal: ``content/disclosure/`` (categories, items, attachments) and
``content/news/``, loaded into the model the portal pages are rendered from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem, Severity
from ..schema.disclosure import Category, CategoryList, DisclosureItem, NewsPost, PublicationForm, SpecialPage
from ..util.suggest import suggest
from ..util.text import ID_RULE, is_id
from ..util.vn import parse_vn_date
from . import paths
from .attachments import Attachment, check_attachment
from .located import Located
from .reader import Reader

CATEGORIES_FILE = "disclosure/categories.yaml"
ITEMS_DIR = "disclosure/items"
FILES_DIR = "disclosure/files"
NEWS_DIR = "news"


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


def load_disclosure(reader: Reader, as_of: dt.date) -> Disclosure | None:
    """The portal, or None when the content has no ``disclosure/categories.yaml`` (portal off)."""
    path = reader.root / CATEGORIES_FILE
    if not path.is_file():
        return None
    settings, where = reader.model(CategoryList, path)
    if settings is None or where is None:
        # Items and posts cannot be checked against categories that do not load: one message is enough.
        reader.refuse(reader.root / "disclosure", None)
        reader.refuse(reader.root / NEWS_DIR, None)
        return None
    reader.problems.extend(_unique_slugs(settings, where))
    items = [entry for p in reader.yaml_files(reader.root / ITEMS_DIR) if (entry := _item(reader, settings, p))]
    items.sort(key=lambda e: (e.published, e.id), reverse=True)
    news = [post for p in reader.yaml_files(reader.root / NEWS_DIR) if (post := _news(reader, p))]
    news.sort(key=lambda e: (e.date, e.slug), reverse=True)
    return Disclosure(settings, where, tuple(items), tuple(news), as_of)


def _unique_slugs(settings: CategoryList, where: Located) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for i, category in enumerate(settings.categories):
        if category.slug in seen:
            problems.append(Problem(where.file, where.line("categories", i, "slug"), f"categories[{i}].slug",
                                    "mã chuyên mục bị trùng", found=repr(category.slug),
                                    expected="mỗi chuyên mục một mã riêng"))
        seen.add(category.slug)
    return problems


def _file_id(reader: Reader, path: Path) -> bool:
    # 'index' would take the place of the category's own page.
    if is_id(path.stem) and path.stem != "index":
        return True
    reader.refuse(path, Problem(reader.name(path), None, "", "tên tệp không dùng được làm địa chỉ trang",
                                found=repr(path.name), expected=f"{ID_RULE}, ví dụ tb-15-ubnd-2024.yaml"))
    return False


def _item(reader: Reader, settings: CategoryList, path: Path) -> ItemEntry | None:
    if not _file_id(reader, path):
        return None
    item, where = reader.model(DisclosureItem, path)
    if item is None or where is None:
        return None
    problems = _category(settings, item, where) + _period(settings, item, where)
    attachment = None
    if item.attachment is not None:
        attachment, found = check_attachment(
            reader, item.attachment, paths.attachment_file(item.category, path.stem, item.attachment), where,
            "attachment", example=f"{FILES_DIR}/{item.category}/tep.pdf")
        problems += found
    reader.problems.extend(problems)
    return ItemEntry(path.stem, item, where, attachment)


def _category(settings: CategoryList, item: DisclosureItem, where: Located) -> list[Problem]:
    known = [c.slug for c in settings.categories]
    if item.category in known:
        return []
    close = suggest(item.category, known)
    return [Problem(where.file, where.line("category"), "category", f"không có chuyên mục '{item.category}'",
                    found=repr(item.category),
                    expected=f"có phải ý bạn là '{close}'?" if close else f"một mã trong {CATEGORIES_FILE}")]


def _period(settings: CategoryList, item: DisclosureItem, where: Located) -> list[Problem]:
    if item.period is None or item.period.until is None:
        return []
    start, until = parse_vn_date(item.period.start), parse_vn_date(item.period.until)
    line = where.line("period", "until")
    if until < start:
        return [Problem(where.file, line, "period.until", "thời hạn công khai kết thúc trước khi bắt đầu",
                        found=f"từ {item.period.start} đến {item.period.until}",
                        expected=f"ngày kết thúc từ {item.period.start} trở đi")]
    days = (until - start).days + 1
    if PublicationForm.notice_board in item.forms and days < settings.notice_board_min_days:
        return [Problem(where.file, line, "period.until", "thông tin niêm yết được giữ chưa đủ số ngày tối thiểu",
                        found=f"{days} ngày",
                        expected=f"ít nhất {settings.notice_board_min_days} ngày "
                                 "(Luật Tiếp cận thông tin 2016, Điều 21)",
                        severity=Severity.warning)]
    return []


def _news(reader: Reader, path: Path) -> NewsEntry | None:
    if not _file_id(reader, path):
        return None
    post, where = reader.model(NewsPost, path)
    if post is None or where is None:
        return None
    return NewsEntry(path.stem, post, where)
