"""``python -m generator build``: check the content, build into a temporary folder, then swap it in.

A failed build (bad content, a strict-mode warning) leaves the previous ``site/`` as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

CONFIG_FILE = "mkdocs.yml"


class BuildFailed(Exception):
    pass


def build_site(project_dir: Path, site_dir: Path, as_of: dt.date | None = None) -> None:
    from ..mkdocs.build import MkDocsFailed, build_into

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    env = {"PHUONG_AS_OF": as_of.isoformat()} if as_of else {}
    try:
        build_into(project_dir / CONFIG_FILE, staging, env=env)
        _swap(staging, site_dir)
    except MkDocsFailed as exc:
        raise BuildFailed(f"{exc}\nXây dựng trang thất bại; thư mục {site_dir.name}/ cũ được giữ nguyên.") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, target: Path) -> None:
    """Replace ``target`` with ``new`` by renames, so ``target`` is never half-written."""
    old = target.with_name(f".site-old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


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
