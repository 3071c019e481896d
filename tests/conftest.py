"""Shared fixtures: the real project, built once per test session with the real MkDocs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_NAME = "000_4b8e4a4480cf88e8.txt"


def run_generator(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The 2024 site as `make site` builds it, in a temporary folder."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = run_generator("build", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project (content, config, theme), to break on purpose."""
    for name in ("content", "docs", "theme_overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path
