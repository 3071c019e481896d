"""``THAY-DOI.md``: what to upload and what to delete on the portal, compared with the previous package.

The previous package is the newest ``*.zip`` in ``dist/`` (by the time it was written) or the
one given with ``--since``; its own ``MANIFEST.sha256`` says what it held.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from ..util.vn import vn_date
from ..util.zips import UnsafeZip, safe_names
from .package import CHECKSUMS, INFO, parse_checksums

# (heading, test on the file's path in the site); the first that fits wins.
GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("Tệp đính kèm", ("*/tep/*",)),
    ("Báo cáo", ("bao-cao/*/index.html",)),
    ("Nhiệm vụ", ("bao-cao/*/nhiem-vu-*",)),
    ("Tài liệu kiểm chứng", ("tai-lieu-kiem-chung/*",)),
    ("Thông tin công khai", ("cong-khai/*",)),
    ("Tin", ("tin-hoat-dong/*",)),
    ("Chỉ mục tìm kiếm", ("search/*",)),
    ("Tài nguyên giao diện: kiểu trình bày, kịch bản, hình ảnh", ("assets/*",)),
    ("Tệp kiểm tra của gói", (CHECKSUMS, INFO)),
    ("Trang chung: trang chủ, danh sách, sơ đồ trang", ("*",)),
]


class PreviousUnreadable(Exception):
    pass


@dataclass(frozen=True)
class Changes:
    added: list[str]
    changed: list[str]
    removed: list[str]
    unchanged: int


def previous_package(out_dir: Path, since: Path | None) -> Path | None:
    """``--since``, else the zip in ``out_dir`` written last (the one most likely on the portal now)."""
    if since is not None:
        return since
    zips = [p for p in out_dir.glob("*.zip") if p.is_file() and not p.name.startswith(".")]
    return max(zips, key=lambda p: (p.stat().st_mtime, p.name), default=None)


def package_checksums(package: Path) -> dict[str, str]:
    """Path -> SHA-256 of every file of a package (from its MANIFEST.sha256, or computed when it has none)."""
    try:
        with zipfile.ZipFile(package) as archive:
            files = safe_names(archive)
            names = {info.filename for info in files}
            if CHECKSUMS in names:
                listed, _ = parse_checksums(archive.read(CHECKSUMS).decode("utf-8", "replace"))
                return {**listed, CHECKSUMS: hashlib.sha256(archive.read(CHECKSUMS)).hexdigest()}
            return {info.filename: hashlib.sha256(archive.read(info)).hexdigest() for info in files}
    except (OSError, zipfile.BadZipFile, UnsafeZip) as exc:
        raise PreviousUnreadable(f"không đọc được gói trước {package}: {exc}") from None


def compare(current: dict[str, str], previous: dict[str, str]) -> Changes:
    added = sorted(set(current) - set(previous))
    removed = sorted(set(previous) - set(current))
    changed = sorted(p for p in set(current) & set(previous) if current[p] != previous[p])
    return Changes(added, changed, removed, len(current) - len(added) - len(changed))


def group_of(path: str) -> str:
    return next(heading for heading, patterns in GROUPS if any(fnmatchcase(path, p) for p in patterns))


def changes_markdown(package: str, as_of: dt.date, changes: Changes | None, previous: str | None) -> str:
    lines = [f"# Thay đổi của gói {package}", "",
             f"Ngày tham chiếu: {vn_date(as_of)}."]
    if changes is None or previous is None:
        lines += ["", "Không có gói trước để so sánh: đây là gói đầu tiên. Tải lên **toàn bộ** các tệp trong gói.", ""]
        return "\n".join(lines)
    lines += [f"So với gói trước: {previous}.", "",
              f"Tóm tắt: {len(changes.added)} tệp thêm mới, {len(changes.changed)} tệp thay đổi, "
              f"{len(changes.removed)} tệp cần xóa, {changes.unchanged} tệp giữ nguyên.", "",
              "Cách dùng: giải nén gói; tải lên (ghi đè) các tệp ở mục 1 và 2, đúng thư mục như trong gói; "
              "xóa trên cổng các tệp ở mục 3; đánh dấu [x] từng dòng khi đã làm xong.", ""]
    if not (changes.added or changes.changed or changes.removed):
        lines += ["Không có tệp nào thay đổi: không cần tải lên.", ""]
    sections = [("1. Thêm mới (tải lên)", changes.added), ("2. Thay đổi (tải lên, ghi đè tệp cũ)", changes.changed),
                ("3. Cần xóa trên cổng (không còn trong gói mới)", changes.removed)]
    for heading, paths in sections:
        if not paths:
            continue
        lines += [f"## {heading}: {len(paths)} tệp", ""]
        for group, _ in GROUPS:
            members = [p for p in paths if group_of(p) == group]
            if members:
                lines += [f"### {group} ({len(members)})", "", *(f"- [ ] `{p}`" for p in members), ""]
    return "\n".join(lines)
