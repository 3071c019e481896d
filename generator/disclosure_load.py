"""Load ``content/disclosure/`` and ``content/news/``: categories, items, attachments, news.

Works on the shared :class:`load.Loader`, so its problems join the others and a clerk sees
every problem of the whole content in one run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

import filetype

from . import checks, disclosure_paths
from .content import Located
from .disclosure import Attachment, Disclosure, ItemEntry, NewsEntry
from .errors import Problem, Severity
from .schema import parse_vn_date
from .schema_disclosure import CategoryList, DisclosureItem, NewsPost, PublicationForm
from .text import vn_number
from .yamlfile import suggest

if TYPE_CHECKING:
    from .load import Loader

DISCLOSURE_DIR = "disclosure"
CATEGORIES_FILE = "disclosure/categories.yaml"
ITEMS_DIR = "disclosure/items"
FILES_DIR = "disclosure/files"
NEWS_DIR = "news"

# Extension -> the type ``filetype`` must detect in the file's first bytes.
ALLOWED_TYPES = {".pdf": "pdf", ".docx": "docx", ".xlsx": "xlsx", ".jpg": "jpg", ".jpeg": "jpg", ".png": "png"}
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def load_disclosure(loader: Loader, as_of: dt.date) -> Disclosure | None:
    """The portal, or None when the content has no ``disclosure/categories.yaml`` (portal off)."""
    path = loader.root / CATEGORIES_FILE
    if not path.is_file():
        return None
    settings, where = loader.model(CategoryList, path)
    if settings is None or where is None:
        return None
    loader.problems.extend(_unique_slugs(settings, where))
    items = [entry for p in _yaml_files(loader.root / ITEMS_DIR) if (entry := _item(loader, settings, p))]
    items.sort(key=lambda e: (e.published, e.id), reverse=True)
    news = [entry for p in _yaml_files(loader.root / NEWS_DIR) if (entry := _news(loader, p))]
    news.sort(key=lambda e: (e.date, e.slug), reverse=True)
    return Disclosure(settings, where, tuple(items), tuple(news), as_of)


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.y*ml")) if folder.is_dir() else []


def _unique_slugs(settings: CategoryList, where: Located) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for i, category in enumerate(settings.categories):
        if category.slug in seen:
            problems.append(Problem(where.file, where.line("categories", i, "slug"), f"categories[{i}].slug",
                                    "mã chuyên mục bị trùng", found=repr(category.slug), expected="mỗi chuyên mục một mã riêng"))
        seen.add(category.slug)
    return problems


def _file_id(loader: Loader, path: Path) -> bool:
    # 'index' would take the place of the category's own page.
    if _ID.fullmatch(path.stem) and path.stem != "index":
        return True
    loader.problems.append(Problem(loader.name(path), None, "", "tên tệp không dùng được làm địa chỉ trang",
                                   found=repr(path.name), expected="chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ tb-15-ubnd-2024.yaml"))
    return False


def _item(loader: Loader, settings: CategoryList, path: Path) -> ItemEntry | None:
    if not _file_id(loader, path):
        return None
    item, where = loader.model(DisclosureItem, path)
    if item is None or where is None:
        return None
    problems = _category(settings, item, where) + _period(settings, item, where)
    attachment = None
    if item.attachment is not None:
        attachment, found = _attachment(loader, settings, path.stem, item, where)
        problems += found
    loader.problems.extend(problems)
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
                        found=f"từ {item.period.start} đến {item.period.until}", expected=f"ngày kết thúc từ {item.period.start} trở đi")]
    days = (until - start).days + 1
    if PublicationForm.notice_board in item.forms and days < settings.notice_board_min_days:
        return [Problem(where.file, line, "period.until", "thông tin niêm yết được giữ chưa đủ số ngày tối thiểu",
                        found=f"{days} ngày", expected=f"ít nhất {settings.notice_board_min_days} ngày (Luật Tiếp cận thông tin 2016, Điều 21)",
                        severity=Severity.warning)]
    return []


def _attachment(loader: Loader, settings: CategoryList, item_id: str, item: DisclosureItem,
                where: Located) -> tuple[Attachment | None, list[Problem]]:
    assert item.attachment is not None
    target = loader.root / item.attachment
    line = where.line("attachment")

    def problem(message: str, found: str, expected: str) -> tuple[None, list[Problem]]:
        return None, [Problem(where.file, line, "attachment", message, found=found, expected=expected)]

    if not checks.inside(target, loader.root):
        return problem("đường dẫn tệp đi ra ngoài thư mục content/", repr(item.attachment),
                       f"một tệp nằm trong content/, ví dụ {FILES_DIR}/{item.category}/tep.pdf")
    if not target.is_file():
        return problem("không tìm thấy tệp đính kèm", repr(item.attachment), f"tệp có thật tại {loader.name(target)}")
    suffix = target.suffix.lower()
    if suffix not in ALLOWED_TYPES:
        return problem("loại tệp đính kèm không được nhận", repr(target.suffix or target.name), "tệp .pdf, .docx, .xlsx, .jpg hoặc .png")
    size = target.stat().st_size
    limit = int(settings.max_attachment_mb * 1024 * 1024)
    if size > limit:
        return problem("tệp đính kèm quá lớn", f"{vn_number(size / 1024 / 1024, 1)} MB",
                       f"không quá {vn_number(settings.max_attachment_mb, 1)} MB (nén hoặc tách tệp)")
    detected = filetype.guess(str(target))
    expected_type = ALLOWED_TYPES[suffix]
    if detected is None or detected.extension != expected_type:
        seen = f"nội dung tệp {detected.extension.upper()}" if detected else "nội dung không nhận ra được"
        return problem(f"nội dung tệp không khớp phần mở rộng {suffix}", seen,
                       f"một tệp {expected_type.upper()} thật, hoặc đổi phần mở rộng cho đúng")
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    site_path = disclosure_paths.attachment_file(item.category, item_id, item.attachment)
    return Attachment(target, site_path, size, digest, expected_type.upper()), []


def _news(loader: Loader, path: Path) -> NewsEntry | None:
    if not _file_id(loader, path):
        return None
    post, where = loader.model(NewsPost, path)
    if post is None or where is None:
        return None
    return NewsEntry(path.stem, post, where)
