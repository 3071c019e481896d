"""``python -m generator verify dist/<file>.zip``: is this package safe to upload, and will it work there?

Unpacks into a temporary folder and checks: every file against ``MANIFEST.sha256`` (the copy
inside the zip; the copy beside it in ``dist/`` must be the same when ``manifest.json`` beside
it names this package), ``manifest.json`` against the files, only allowed file types, no
content sources (YAML) and no hidden files, then the pages (:mod:`sitecheck`): no broken
link, no root-absolute link, nothing loaded from another host. ``make dist`` runs the same
checks on each package before giving it its final name.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..util.zips import UnsafeZip, safe_names, unpack
from .package import CHECKSUMS, INFO, SITE_TYPES, THEME_DIR, THEME_ONLY_TYPES, parse_checksums, sha256_file
from .sitecheck import check_site

MAX_UNPACKED = 4 * 1024**3  # a zip that unpacks to more is not one of ours
LISTS = ("reports", "tasks", "evidence", "disclosure_items", "news")


@dataclass
class Verdict:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_package(package: Path, name: str | None = None, *, beside: bool = True) -> Verdict:
    """Check ``package`` (named ``name`` once in place; default: its file name)."""
    name = name or package.name
    verdict = Verdict()
    try:
        with zipfile.ZipFile(package) as archive, tempfile.TemporaryDirectory(prefix="phuong-verify-") as tmp:
            infos = safe_names(archive)
            names = [info.filename for info in infos]
            if len(set(names)) != len(names):
                verdict.problems.append("gói có hai mục trùng tên")
            if sum(info.file_size for info in infos) > MAX_UNPACKED:
                verdict.problems.append("gói giải nén ra quá lớn (hơn 4 GB): không phải gói do make dist tạo")
                return verdict
            root = Path(tmp)
            unpack(archive, infos, root)
            _check(root, set(names), name, verdict)
            if beside:
                _beside(package.parent, root, name, verdict)
    except zipfile.BadZipFile:
        verdict.problems.append("không phải tệp zip, hoặc tệp zip bị hỏng (tải về hoặc chép chưa xong?)")
    except UnsafeZip as exc:
        verdict.problems.append(str(exc))
    return verdict


def _check(root: Path, names: set[str], name: str, verdict: Verdict) -> None:
    verdict.files = len(names)
    verdict.problems += _file_types(names)
    hashes = {n: sha256_file(root / n) for n in names}
    verdict.problems += _checksums(root, names, hashes)
    verdict.problems += _info(root, names, hashes, name, verdict.notes)
    verdict.problems += check_site(root, names)


def _file_types(names: set[str]) -> list[str]:
    problems = []
    for n in sorted(names):
        path = PurePosixPath(n)
        suffix = path.suffix.lower()
        if any(part.startswith(".") for part in path.parts):
            problems.append(f"{n}: tệp ẩn (tên bắt đầu bằng dấu chấm) không được nằm trong gói")
        elif suffix in (".yaml", ".yml"):
            problems.append(f"{n}: tệp nguồn nội dung (YAML) không được nằm trong gói")
        elif n == CHECKSUMS or suffix in SITE_TYPES or (suffix in THEME_ONLY_TYPES and path.parts[0] == THEME_DIR):
            continue
        else:
            problems.append(f"{n}: loại tệp {suffix or '(không có đuôi)'} không được phép trong gói")
    return problems


def _checksums(root: Path, names: set[str], hashes: dict[str, str]) -> list[str]:
    if CHECKSUMS not in names:
        return [f"gói thiếu tệp {CHECKSUMS} (danh sách mã kiểm tra)"]
    listed, bad = parse_checksums((root / CHECKSUMS).read_text("utf-8", "replace"))
    problems = [f"{CHECKSUMS}: dòng không đúng dạng '<mã SHA-256>  <tệp>': {line}" for line in bad]
    for path, digest in sorted(listed.items()):
        if path not in names:
            problems.append(f"{CHECKSUMS} ghi tệp {path} nhưng gói không có tệp này")
        elif hashes[path] != digest:
            problems.append(f"{path}: mã kiểm tra SHA-256 không khớp với {CHECKSUMS} (tệp đã bị sửa hoặc hỏng)")
    for path in sorted(names - set(listed) - {CHECKSUMS}):
        problems.append(f"{path}: tệp không có trong {CHECKSUMS} (được thêm vào sau khi tạo gói)")
    return problems


def _info(root: Path, names: set[str], hashes: dict[str, str], name: str, notes: list[str]) -> list[str]:
    if INFO not in names:
        return [f"gói thiếu tệp {INFO}"]
    try:
        info: Any = json.loads((root / INFO).read_text("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return [f"{INFO}: không đọc được (không phải JSON)"]
    if not isinstance(info, dict):
        return [f"{INFO}: không đúng dạng"]
    if info.get("package") != name:
        notes.append(f"{INFO} ghi tên gói {info.get('package')!r}, tệp tên {name!r} (gói đã bị đổi tên?)")
    problems = []
    if info.get("files") != len(names - {CHECKSUMS}):
        problems.append(f"{INFO} ghi {info.get('files')} tệp, gói có {len(names - {CHECKSUMS})} tệp")
    for kind in LISTS:
        for entry in info.get(kind) or []:
            page = entry.get("page")
            if page not in names:
                problems.append(f"{INFO}: {entry.get('source')} có trang {page} nhưng gói không có trang này")
            attachment = entry.get("attachment") or {}
            path = attachment.get("path")
            if path and path not in names:
                problems.append(f"{INFO}: tệp đính kèm {path} của {entry.get('source')} không có trong gói")
            elif path and hashes[path] != attachment.get("sha256"):
                problems.append(f"{path}: mã kiểm tra khác với {INFO} (tệp đính kèm đã bị thay)")
    return problems


def _beside(folder: Path, root: Path, name: str, verdict: Verdict) -> None:
    info_file, checksums = folder / INFO, folder / CHECKSUMS
    try:
        owner = json.loads(info_file.read_text("utf-8")).get("package") if info_file.is_file() else None
    except (UnicodeDecodeError, json.JSONDecodeError, AttributeError):
        owner = None
    if owner != name:
        about = f"thuộc gói {owner}" if owner else "không có"
        verdict.notes.append(f"{CHECKSUMS} bên cạnh gói {about}: đã kiểm tra bằng bản nằm trong gói")
    elif not checksums.is_file():
        verdict.notes.append(f"không có {CHECKSUMS} bên cạnh gói: đã kiểm tra bằng bản nằm trong gói")
    elif checksums.read_bytes() != (root / CHECKSUMS).read_bytes():
        verdict.problems.append(f"{checksums}: khác với {CHECKSUMS} trong gói: gói đã bị thay hoặc sửa sau khi tạo, "
                                "hoặc lần đóng gói bị ngắt giữa chừng (chạy lại make dist)")


def run(package: Path) -> int:
    if not package.is_file():
        print(f"Không tìm thấy gói {package}. Gói nằm trong thư mục dist/, ví dụ dist/ubnd-phuong-4-2024-12-31.zip",
              file=sys.stderr)
        return 1
    verdict = verify_package(package)
    for note in verdict.notes:
        print(f"Ghi chú: {note}")
    if verdict.problems:
        for problem in verdict.problems:
            print(f"LỖI: {problem}", file=sys.stderr)
        print(f"Gói {package.name} KHÔNG đạt: {len(verdict.problems)} lỗi. Đừng tải gói này lên cổng; tạo lại bằng "
              "make dist. Nếu vẫn lỗi, gửi thông báo này cho người phụ trách kỹ thuật.", file=sys.stderr)
        return 1
    digest = hashlib.sha256(package.read_bytes()).hexdigest()
    print(f"Gói {package.name} đạt: {verdict.files} tệp, mã kiểm tra khớp, không có liên kết hỏng, không có "
          f"liên kết tuyệt đối, không tải gì từ máy chủ khác. SHA-256 của tệp zip: {digest}")
    return 0
