"""``python -m generator dist``: the upload package, ``dist/<đơn-vị>-<ngày>.zip``, checked and listed.

Refused, with what to do, when the content has errors, a figure does not add up and is not
acknowledged, a draft report is not decided for publication, or personal data would be
published. The site is built strictly into a temporary folder; the zip is written under a
temporary name, checked as ``verify`` checks it, and only then renamed into place, so an
interruption at any moment leaves the previous package as it was. Beside it: its checksums,
``manifest.json`` and ``THAY-DOI.md`` (what to upload and delete since the previous package).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from ..analysis import privacy, status
from ..analysis.audit import audit
from ..analysis.drafts import draft_problems
from ..content.load import load_content
from ..content.model import Content
from ..problems import ContentError, Problem, Severity, format_problems
from ..util.fs import Busy, exclusive, inside, remove_tree
from ..util.text import slug
from ..util.vn import vn_date, vn_number
from ..util.zips import replace_atomically, write_text_atomically, write_zip
from . import changes, package
from .build import BuildFailed, build_site
from .verify import verify_package

LOCK = ".phuong-dist.lock"
_STAGING, _PARTIAL = ".dist-build-", ".tmp-"


class DistFailed(Exception):
    pass


def run(project: Path, out: Path, as_of: dt.date | None, since: Path | None, allow_draft: bool) -> int:
    today = as_of is None
    as_of = as_of or dt.date.today()
    print(f"Ngày tham chiếu của gói: {vn_date(as_of)}" + (" (hôm nay; chọn ngày khác bằng --as-of)" if today else ""))
    out = out if out.is_absolute() else project / out
    for source in ("content", "docs", "theme_overrides", "generator", ".git"):
        if inside(out, project / source):
            print(f"Không ghi gói vào {out}: thư mục này nằm trong {source}/ của dự án. Dùng --out dist "
                  "(mặc định) hoặc một thư mục riêng.", file=sys.stderr)
            return 1
    if since is not None and not since.is_file():
        print(f"Không tìm thấy gói trước {since} (tham số --since).", file=sys.stderr)
        return 1
    try:
        out.mkdir(parents=True, exist_ok=True)
        with exclusive(out / LOCK):
            made = make_package(project, out, as_of, since, allow_draft)
    except Busy as busy:
        print(f"Một lần đóng gói khác đang chạy (tiến trình {busy.holder}). Chờ lần đó xong rồi chạy lại.",
              file=sys.stderr)
        return 1
    except DistFailed as exc:
        print(f"{exc}\nKhông tạo gói; các gói cũ trong {out.name}/ giữ nguyên.", file=sys.stderr)
        return 1
    print(f"Đã tạo gói {made}. Xem {out.name}/{package.CHANGES} để biết tệp cần tải lên và cần xóa trên cổng.")
    return 0


def make_package(project: Path, out: Path, as_of: dt.date, since: Path | None, allow_draft: bool) -> Path:
    project = project.resolve()
    _clean_leftovers(out)
    content = _checked(project, as_of, allow_draft)
    name = package.package_name(slug(content.unit.short_name), as_of)
    try:
        epoch = package.source_date_epoch(content.root)
    except ValueError as exc:
        raise DistFailed(str(exc)) from None
    staging = Path(tempfile.mkdtemp(prefix=_STAGING, dir=out))
    partial = out / f".{name}{_PARTIAL}{os.getpid()}"
    try:
        try:
            built = build_site(project, staging / "site", as_of, env={"SOURCE_DATE_EPOCH": str(epoch)})
        except BuildFailed as exc:
            raise DistFailed(str(exc)) from None
        files = package.site_files(staging / "site", error_page=built.address_known)
        hashes = {path: package.sha256_file(source) for path, source in files.items()}
        info = package.info_bytes(package.package_info(content, project, name, as_of, epoch, len(files) + 1))
        hashes[package.INFO] = package.sha256_bytes(info)
        checksums = package.checksums_text(hashes).encode("utf-8")
        write_zip(partial, [*files.items(), (package.INFO, info), (package.CHECKSUMS, checksums)], epoch)
        verdict = verify_package(partial, name, beside=False)
        if not verdict.ok:
            raise DistFailed("Gói vừa tạo không qua kiểm tra:\n" + "\n".join(f"LỖI: {p}" for p in verdict.problems))
        previous = changes.previous_package(out, since)
        listed = _changes(name, as_of, hashes | {package.CHECKSUMS: package.sha256_bytes(checksums)}, previous)
        replace_atomically(partial, out / name)
    finally:
        remove_tree(staging)
        remove_tree(partial)
    # The package is in place; its lists follow (each replaced in one step).
    write_text_atomically(out / package.CHECKSUMS, checksums.decode("utf-8"))
    write_text_atomically(out / package.INFO, info.decode("utf-8"))
    write_text_atomically(out / package.CHANGES, listed)
    _summary(out / name, len(files) + 2, epoch, content, as_of)
    return out / name


def _checked(project: Path, as_of: dt.date, allow_draft: bool) -> Content:
    try:
        content = load_content(project / "content", project, as_of)
    except ContentError as exc:
        raise DistFailed(format_problems(exc.problems)) from None
    found = audit(content)
    scanned = privacy.scan(content, project)
    problems: list[Problem] = [*found.problems, *draft_problems(content, allow_draft), *scanned.problems]
    errors = [p for p in problems if p.severity is Severity.error]
    if errors:
        raise DistFailed(format_problems(errors))
    for warning in scanned.problems:  # the build shows the content's other warnings itself
        print(warning, file=sys.stderr)
    for entry in content.reports:
        decision = entry.report.draft_publication
        if entry.report.is_draft and decision is not None:
            print(f"{entry.where.file}: bản dự thảo được đóng gói theo quyết định của {decision.decided_by} "
                  f"ngày {decision.decided_on}; các trang của báo cáo ghi rõ là dự thảo.")
    return content


def _changes(name: str, as_of: dt.date, current: dict[str, str], previous: Path | None) -> str:
    if previous is None:
        return changes.changes_markdown(name, as_of, None, None)
    try:
        before = changes.package_checksums(previous)
    except changes.PreviousUnreadable as exc:
        raise DistFailed(f"{exc}. Chỉ định gói trước bằng --since TỆP, hoặc chuyển tệp hỏng ra khỏi dist/.") from None
    return changes.changes_markdown(name, as_of, changes.compare(current, before), previous.name)


def _summary(made: Path, count: int, epoch: int, content: Content, as_of: dt.date) -> None:
    moment = dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%d/%m/%Y %H:%M UTC")
    size = vn_number(made.stat().st_size / 1024 / 1024, 1)
    print(f"Gói có {count} tệp, {size} MB; dấu thời gian của mọi tệp: {moment} (SOURCE_DATE_EPOCH={epoch}); "
          "đã kiểm tra như lệnh verify: đạt.")
    print(f"SHA-256 của {made.name}: {package.sha256_file(made)}")
    gaps = [row for row in status.rows(content) if row.state is not status.State.ok]
    if gaps:
        print(f"Chuyên mục công khai chưa đủ tính đến {vn_date(as_of)} (không chặn việc đóng gói, đã ghi trong "
              f"manifest.json): {', '.join(f'{r.category.title} ({r.state.value})' for r in gaps)}.")


def _clean_leftovers(out: Path) -> None:
    """What killed runs left (we hold the lock, so none is in use): build folders and unfinished zips."""
    for leftover in [*out.glob(f"{_STAGING}*"), *out.glob(f".*{_PARTIAL}*")]:
        remove_tree(leftover)
