"""What goes into an upload package: the site's files, their checksums, and ``manifest.json``.

Both lists are inside the zip (so any package can be checked on its own, years later) and
beside it in ``dist/`` (for the newest package, with ``THAY-DOI.md``). Nothing in them
depends on when or where the package was made, so the same content and reference date
give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any

from ..analysis import status
from ..content import paths
from ..content.attachments import ALLOWED_TYPES, Attachment
from ..content.inventory import IGNORED
from ..content.model import Content
from .build import STAMP
from .sitecheck import ERROR_PAGE

CHECKSUMS = "MANIFEST.sha256"
INFO = "manifest.json"
CHANGES = "THAY-DOI.md"
# Source maps only serve developers' tools; the theme's files point to them from comments.
LEFT_OUT = {".map"}
# What a package may hold: the site's pages, styles, scripts, data, the theme's images and fonts, attachments.
SITE_TYPES = {".html", ".css", ".js", ".json", ".xml", ".gz", ".png", ".jpg", ".jpeg", ".ico", ".woff", ".woff2",
              ".txt", *ALLOWED_TYPES}
THEME_ONLY_TYPES = {".svg"}  # allowed under assets/ only: an SVG can carry a script
THEME_DIR = "assets"
SOFTWARE = ("phuong-site", "mkdocs", "mkdocs-material")


def package_name(unit_id: str, as_of: dt.date) -> str:
    return f"{unit_id}-{as_of.isoformat()}.zip"


def site_files(site_dir: Path, *, error_page: bool = False) -> dict[str, Path]:
    """Every file to publish, by its path in the site: no hidden files (the build stamp), no source
    maps, and the error page only when ``error_page``: it finds the site's files through the folder's
    path on the server, so it is right only when built for a known address (phuong.base_path or
    site_url); without one the portal shows its own."""
    found = {}
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir)
        if not path.is_file() or path.name == STAMP or any(p.startswith(".") for p in relative.parts):
            continue
        if path.suffix.lower() in LEFT_OUT or (relative.as_posix() == ERROR_PAGE and not error_page):
            continue
        found[relative.as_posix()] = path
    return found


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        for block in iter(lambda: data.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def checksums_text(hashes: dict[str, str]) -> str:
    """``sha256sum`` format, one line per file, sorted: ``sha256sum -c MANIFEST.sha256`` checks an unpacked copy."""
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(hashes.items()))


def parse_checksums(text: str) -> tuple[dict[str, str], list[str]]:
    """Path -> checksum, and the lines that are not ``<64 hex>  <path>``."""
    found: dict[str, str] = {}
    bad = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = re.fullmatch(r"([0-9a-f]{64})  (\S.*)", line)
        if match is None:
            bad.append(f"dòng {number}: {line[:80]!r}")
        else:
            found[match.group(2)] = match.group(1)
    return found, bad


def source_date_epoch(content_root: Path) -> int:
    """SOURCE_DATE_EPOCH if set, else the time of the content's last change (its newest file)."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given:
        if not given.isdigit():
            raise ValueError(f"SOURCE_DATE_EPOCH phải là số giây kể từ 01/01/1970 (tìm thấy: {given!r}); "
                             "bỏ biến này để dùng thời điểm sửa nội dung gần nhất")
        return int(given)
    times = [p.stat().st_mtime for p in content_root.rglob("*")
             if p.is_file() and p.name not in IGNORED
             and not any(part.startswith(".") for part in p.relative_to(content_root).parts)]
    return int(max(times, default=0))


def versions() -> dict[str, str]:
    found = {}
    for name in SOFTWARE:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "không rõ"
    return found


def package_info(content: Content, project_dir: Path, name: str, as_of: dt.date, epoch: int,
                 file_count: int) -> dict[str, Any]:
    """``manifest.json``: what the package holds, where each page comes from, and what is still missing."""
    disclosure = content.disclosure

    def source(file: str) -> dict[str, str]:
        return {"source": file, "source_sha256": sha256_file(project_dir / file)}

    reports, tasks = [], []
    for entry in content.reports:
        report = entry.report
        decision = report.draft_publication
        reports.append({"id": entry.slug, "title": report.title, "number": report.number, "date": report.date,
                        "draft": report.is_draft, "draft_publication": decision.model_dump() if decision else None,
                        **source(entry.where.file), "page": _html(paths.report_page(entry.slug))})
        for task, where in zip(entry.tasks, entry.task_where, strict=True):
            tasks.append({"report": entry.slug, "number": task.number, **source(where.file),
                          "page": _html(paths.task_page(entry.slug, task.number))})
    evidence = [{"id": e.id, **source(e.where.file), "page": _html(paths.evidence_page(e.id)),
                 "attachment": _attachment(e.attachment)} for e in sorted(content.evidence.values(), key=_id)]
    items, news = [], []
    if disclosure is not None:
        items = [{"id": i.id, "category": i.item.category, **source(i.where.file),
                  "page": _html(paths.item_page(i.item.category, i.id)), "attachment": _attachment(i.attachment)}
                 for i in sorted(disclosure.items, key=_id)]
        news = [{"id": n.slug, **source(n.where.file), "page": _html(paths.news_post_page(n.slug))}
                for n in sorted(disclosure.news, key=lambda n: n.slug)]
    gaps = [{"category": row.category.slug, "title": row.category.title, "required": row.required,
             "state": row.state.value, "reasons": list(row.reasons)}
            for row in status.rows(content) if row.state is not status.State.ok]
    return {"package": name, "unit": {"name": content.unit.name, "short_name": content.unit.short_name},
            "as_of": as_of.isoformat(), "source_date_epoch": epoch,
            "versions": versions(), "files": file_count, "reports": reports, "tasks": tasks, "evidence": evidence,
            "disclosure_items": items, "news": news, "disclosure_gaps": gaps}


def info_bytes(info: dict[str, Any]) -> bytes:
    return (json.dumps(info, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _id(entry: Any) -> str:
    return str(entry.id)


def _html(page: str) -> str:
    return str(PurePosixPath(page).with_suffix(".html"))


def _attachment(attachment: Attachment | None) -> dict[str, Any] | None:
    if attachment is None:
        return None
    return {"path": attachment.site_path, "sha256": attachment.sha256, "size": attachment.size}
