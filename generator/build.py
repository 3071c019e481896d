"""Build the site safely: check content, build into a temporary folder, then swap it in.

A failed build (bad content, a strict-mode warning) leaves the previous ``site/`` as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


class BuildFailed(Exception):
    pass


def build_site(project_dir: Path, site_dir: Path, config_file: str = "mkdocs.yml",
               env: dict[str, str] | None = None) -> None:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    try:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                   "--config-file", str(project_dir / config_file), "--site-dir", str(staging)]
        if subprocess.run(command, cwd=project_dir, env=env).returncode != 0:
            raise BuildFailed("Xây dựng trang thất bại; thư mục site/ cũ được giữ nguyên.")
        _swap(staging, site_dir)
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
