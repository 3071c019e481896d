"""``python -m generator build``: check the content, build into a temporary folder, then swap it in.

A failed or interrupted build leaves the previous ``site/`` as it was; one build runs at a
time per project; the target folder is never one that holds anything but a previous build.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..util.fs import Busy, exclusive, inside, recover, remove_tree, swap_in

CONFIG_FILE = "mkdocs.yml"
STAMP = ".phuong-site"  # written into every site we build: only such a folder may be replaced
LOCK = ".phuong-build.lock"
_STAGING, _OLD = ".site-build-", ".site-old-"


class BuildFailed(Exception):
    pass


@dataclass(frozen=True)
class Built:
    # Built for a known address (phuong.base_path or site_url): only then is the 404 page right,
    # since a server shows it at any depth and it finds the site's files through that path.
    address_known: bool


def build_site(project_dir: Path, site_dir: Path, as_of: dt.date | None = None,
               env: dict[str, str] | None = None) -> Built:
    """Build into ``site_dir``; ``env`` is set for this build only (e.g. SOURCE_DATE_EPOCH)."""
    project_dir, site_dir = project_dir.resolve(), site_dir.resolve()
    refusal = refuse_target(project_dir, site_dir)
    if refusal:
        raise BuildFailed(refusal)
    try:
        with exclusive(project_dir / LOCK):
            return _build_locked(project_dir, site_dir, as_of, env or {})
    except Busy as busy:
        raise BuildFailed(f"Một lần xây dựng khác của dự án này đang chạy (tiến trình {busy.holder}). "
                          "Chờ lần đó xong rồi chạy lại.") from None


def _build_locked(project_dir: Path, site_dir: Path, as_of: dt.date | None, extra: dict[str, str]) -> Built:
    from ..mkdocs.build import MkDocsFailed, build_into

    old = site_dir.with_name(f"{_OLD}{site_dir.name}")
    recover(site_dir, old)
    _clean_leftovers(site_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=_STAGING, dir=site_dir.parent))
    env = {**extra, **({"PHUONG_AS_OF": as_of.isoformat()} if as_of else {})}
    try:
        config = build_into(project_dir / CONFIG_FILE, staging, env=env)
        (staging / STAMP).write_text("Thư mục này do 'python -m generator build' tạo ra.\n", encoding="utf-8")
        swap_in(staging, site_dir, old)
    except MkDocsFailed as exc:
        raise BuildFailed(f"{exc}\nXây dựng trang thất bại; thư mục {site_dir.name}/ cũ được giữ nguyên.") from None
    finally:
        remove_tree(staging)
        remove_tree(old)
    return Built(address_known=bool(config.extra.get("phuong", {}).get("address_known")))


def _clean_leftovers(site_dir: Path) -> None:
    """Temporary folders of builds that were killed (we hold the lock: none is in use)."""
    for prefix in (_STAGING, _OLD):
        for leftover in site_dir.parent.glob(f"{prefix}*"):
            remove_tree(leftover)


def refuse_target(project_dir: Path, site_dir: Path) -> str | None:
    """Why ``site_dir`` must not be replaced by a build, or None when it may."""
    shown = str(site_dir)
    protected = [project_dir / "content", project_dir / ".git", project_dir / "generator", project_dir / "docs",
                 project_dir / "theme_overrides", project_dir / "tests"]
    if site_dir == project_dir or inside(project_dir, site_dir):
        return (f"Không xây dựng vào {shown}: thư mục này chứa cả dự án (nội dung, mã nguồn). "
                "Chọn một thư mục riêng, ví dụ --site-dir site")
    for source in protected:
        if inside(site_dir, source) or inside(source, site_dir):
            return (f"Không xây dựng vào {shown}: thư mục này là, chứa hoặc nằm trong {source.name}/ của dự án. "
                    "Chọn một thư mục riêng, ví dụ --site-dir site")
    if site_dir.exists() and not site_dir.is_dir():
        return f"Không xây dựng vào {shown}: đó là một tệp, không phải thư mục."
    if site_dir.is_dir() and any(site_dir.iterdir()) and not _previous_build(site_dir):
        return (f"Không xây dựng vào {shown}: thư mục đã có tệp nhưng không phải trang do lệnh này xây dựng "
                f"(thiếu tệp {STAMP}), nên có thể mất dữ liệu. Chọn thư mục trống hoặc thư mục mới.")
    return None


def _previous_build(folder: Path) -> bool:
    # Builds made before the stamp existed are recognised by what MkDocs always writes.
    legacy = all((folder / name).exists() for name in ("sitemap.xml", "404.html", "search/search_index.json"))
    return (folder / STAMP).is_file() or legacy


def run(project: Path, site_dir: Path, as_of: dt.date | None) -> int:
    # The plugin loads and checks the content inside MkDocs and reports every problem
    # there; loading it here first too would double the cost of a large archive.
    try:
        build_site(project, site_dir if site_dir.is_absolute() else project / site_dir, as_of)
    except BuildFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Đã xây dựng trang vào {site_dir}. Mở {site_dir}/index.html để xem.")
    return 0
