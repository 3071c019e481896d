"""The disclosure portal: ``content/disclosure/`` (the legal list, items, attachments, the
portal's own files) and ``content/news/``, loaded into the model the portal pages are rendered from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ...problems import Problem
from ...schema.disclosure import Category, CategoryList, Obligation, PublicationForm, SpecialPage
from ...schema.disclosure.item import AccessSection, DaysOff, DisclosureItem, NewsPost, UnitProfile
from ...util.text import ID_RULE, is_id
from ...util.vn import parse_vn_date
from .. import paths
from ..attachments import Attachment, check_attachment
from ..evidence import EvidenceEntry
from ..located import Located
from ..reader import Reader
from . import checks
from .files import PortalFiles, load_portal_files

CATEGORIES_FILE = "disclosure/categories.yaml"
ITEMS_DIR = "disclosure/items"
FILES_DIR = "disclosure/files"
NEWS_DIR = "news"


@dataclass(frozen=True)
class ItemEntry:
    """A disclosure item; the document fields come from the evidence record it promotes, if any."""

    id: str
    item: DisclosureItem
    where: Located
    attachment: Attachment | None = None
    evidence: EvidenceEntry | None = None

    def _doc(self, own: str | None, field: str) -> str | None:
        if own is not None or self.evidence is None:
            return own
        value = getattr(self.evidence.evidence, field)
        return value if isinstance(value, str) else None

    @property
    def doc_type(self) -> str | None:
        return self._doc(self.item.doc_type, "doc_type")

    @property
    def number(self) -> str | None:
        return self._doc(self.item.number, "number")

    @property
    def issuer(self) -> str | None:
        return self._doc(self.item.issuer, "issuer")

    @property
    def issued_text(self) -> str | None:
        return self._doc(self.item.issued, "date")

    @property
    def subject(self) -> str | None:
        return self._doc(self.item.summary, "subject")

    @property
    def file(self) -> Attachment | None:
        return self.attachment or (self.evidence.attachment if self.evidence else None)

    @property
    def published(self) -> dt.date:
        return parse_vn_date(self.item.published)

    @property
    def issued(self) -> dt.date | None:
        text = self.issued_text
        return parse_vn_date(text) if text else None

    @property
    def created(self) -> dt.date | None:
        """When the information was created: the date given, else the issue date (Luật TCTT Điều 2 k2)."""
        return parse_vn_date(self.item.created) if self.item.created else self.issued

    @property
    def period(self) -> tuple[dt.date, dt.date | None]:
        """(from, until) of the disclosure; without a period, from the publication date on."""
        if self.item.period is None:
            return self.published, None
        until = self.item.period.until
        return parse_vn_date(self.item.period.start), parse_vn_date(until) if until else None

    @property
    def on_website(self) -> bool:
        return PublicationForm.website in self.item.forms


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
    files: PortalFiles = PortalFiles()

    @property
    def categories(self) -> list[Category]:
        return list(self.settings.categories)

    def category(self, slug: str) -> Category:
        return next(c for c in self.settings.categories if c.slug == slug)

    def items_in(self, slug: str) -> list[ItemEntry]:
        return [entry for entry in self.items if entry.item.category == slug]

    def item(self, item_id: str) -> ItemEntry | None:
        return next((e for e in self.items if e.id == item_id), None)

    def special(self, page: SpecialPage) -> Category | None:
        return next((c for c in self.settings.categories if c.page is page), None)

    def obligation(self, category: Category, on: dt.date | None = None) -> Obligation | None:
        """The obligation in force on ``on`` (default: the reference date); None before the first."""
        return in_force(category, on or self.as_of)

    @property
    def days_off(self) -> DaysOff | None:
        return self.files.days_off

    @property
    def profile(self) -> UnitProfile | None:
        return self.files.profile

    @property
    def access(self) -> AccessSection | None:
        return self.files.access

    def attachments(self) -> list[Attachment]:
        """Every checked file the portal publishes (items, the map, the request forms)."""
        return [e.attachment for e in self.items if e.attachment] + list(self.files.attachments())


def in_force(category: Category, on: dt.date) -> Obligation | None:
    for obligation in category.obligations:
        start = parse_vn_date(obligation.start) if obligation.start else dt.date.min
        until = parse_vn_date(obligation.until) if obligation.until else dt.date.max
        if start <= on <= until:
            return obligation
    return None


def load_disclosure(reader: Reader, as_of: dt.date, evidence: dict[str, EvidenceEntry] | None = None
                    ) -> Disclosure | None:
    """The portal, or None when the content has no ``disclosure/categories.yaml`` (portal off)."""
    path = reader.root / CATEGORIES_FILE
    if not path.is_file():
        folders = [reader.root / "disclosure", reader.root / NEWS_DIR]
        if any(p.is_file() for folder in folders if folder.is_dir() for p in folder.rglob("*")):
            # Deleted or renamed by mistake: say so once, not 'wrong folder' for every file it leaves unread.
            reader.problems.append(Problem(reader.name(path), None, "", "thiếu tệp danh sách chuyên mục, nên các "
                                           f"tệp trong content/disclosure/ và content/{NEWS_DIR}/ không được đọc",
                                           expected=f"khôi phục tệp content/{CATEGORIES_FILE} (từ bản sao lưu), "
                                                    "hoặc xóa các tệp đó nếu đơn vị không dùng trang công khai"))
            for folder in folders:
                reader.refuse(folder, None)
        return None
    settings, where = reader.model(CategoryList, path)
    if settings is None or where is None:
        # Items and posts cannot be checked against categories that do not load: one message is enough.
        reader.refuse(reader.root / "disclosure", None)
        reader.refuse(reader.root / NEWS_DIR, None)
        return None
    reader.problems.extend(checks.category_list(settings, where))
    items = [entry for p in reader.yaml_files(reader.root / ITEMS_DIR)
             if (entry := _item(reader, settings, p, as_of, evidence or {}))]
    items.sort(key=lambda e: (e.published, e.id), reverse=True)
    reader.problems.extend(checks.corrections([(e.id, e.item, e.where) for e in items]))
    reader.problems.extend(checks.plan_results([(e.id, e.item, e.where) for e in items]))
    news = [post for p in reader.yaml_files(reader.root / NEWS_DIR) if (post := _news(reader, p, as_of))]
    news.sort(key=lambda e: (e.date, e.slug), reverse=True)
    return Disclosure(settings, where, tuple(items), tuple(news), as_of, load_portal_files(reader))


def _file_id(reader: Reader, path: Path) -> bool:
    # 'index' would take the place of the category's own page.
    if is_id(path.stem) and path.stem != "index":
        return True
    reader.refuse(path, Problem(reader.name(path), None, "", "tên tệp không dùng được làm địa chỉ trang",
                                found=repr(path.name), expected=f"{ID_RULE}, ví dụ tb-15-ubnd-2024.yaml"))
    return False


def _item(reader: Reader, settings: CategoryList, path: Path, as_of: dt.date,
          evidence: dict[str, EvidenceEntry]) -> ItemEntry | None:
    if not _file_id(reader, path):
        return None
    item, where = reader.model(DisclosureItem, path)
    if item is None or where is None:
        return None
    problems = checks.item(settings, item, where, as_of)
    promoted, found = checks.promoted(item, where, evidence)
    problems += found
    attachment = None
    if item.attachment is not None:
        attachment, found = check_attachment(
            reader, item.attachment, paths.attachment_file(item.category, path.stem, item.attachment), where,
            "attachment", example=f"{FILES_DIR}/{item.category}/tep.pdf")
        problems += found
    reader.problems.extend(problems)
    return ItemEntry(path.stem, item, where, attachment, promoted)


def _news(reader: Reader, path: Path, as_of: dt.date) -> NewsEntry | None:
    if not _file_id(reader, path):
        return None
    post, where = reader.model(NewsPost, path)
    if post is None or where is None:
        return None
    reader.problems.extend(checks.not_after(as_of, post.date, where, "date"))
    return NewsEntry(path.stem, post, where)
