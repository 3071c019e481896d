"""Shared set-up: throwaway projects made from fixture content, and the fixture sites built once.

A test project is the repo's ``mkdocs.yml``, ``docs/`` and ``theme_overrides/`` (the product's
configuration) plus a fixture content folder from ``tests/fixtures/`` copied in as ``content/``.
No test reads the live ``content/`` folder except the smoke test in ``test_live_content.py``.

Checks and builds run in this process (``generator.cli.main``, ``build_site``); only tests whose
subject is the process itself (exit codes of ``python -m generator``, ``mkdocs serve``) start one.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig

from generator import cli
from generator.commands.build import build_site
from generator.content.load import load_content
from generator.content.model import Content

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROJECT_PARTS = ("mkdocs.yml", "docs", "theme_overrides")

REPORT_SLUG = "2024-cam-ket-par-index-sipas-papi"
REPORT_DIR = f"content/reports/{REPORT_SLUG}"
TASKS = f"{REPORT_DIR}/tasks"
AS_OF = dt.date(2024, 12, 31)         # reference date of the 2024 site: the end of the report's year
PORTAL_AS_OF = dt.date(2024, 6, 30)   # reference date of the 2024 site with the portal fixture items


# --- projects ----------------------------------------------------------------------------

def make_project(folder: Path, content_fixture: str = "content-2024", *overlays: str) -> Path:
    """A project in ``folder``: our config, docs and theme, and ``tests/fixtures/<content_fixture>``
    as ``content/``; each overlay (e.g. ``"portal"``) is copied over it, adding files."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name)
        else:
            shutil.copy(source, folder / name)
    shutil.copytree(FIXTURES / content_fixture, folder / "content")
    for overlay in overlays:
        shutil.copytree(FIXTURES / overlay, folder / "content", dirs_exist_ok=True)
    return folder


def edit(project: Path, relative: str, old: str, new: str) -> None:
    """Replace the first ``old`` in a project file; fail loudly if the fixture no longer has it."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def fresh_mkdocs_plugins() -> None:
    """Let the next in-process build create its own plugin instances, as a new process would.

    MkDocs keeps plugins that have on_startup/on_shutdown in a cache shared by every config
    of the process (for ``mkdocs serve``), but ``generator.mkdocs.build.build_into`` shuts
    them down after each build: Material's blog plugin deletes its temporary folder, and the
    next build of the process fails in that plugin's on_shutdown (FileNotFoundError).
    """
    MkDocsConfig.plugins.plugin_cache.clear()


def build(project: Path, site: Path | None = None, as_of: dt.date | None = None) -> Path:
    """Build ``project`` in this process (as ``python -m generator build`` does); return the site."""
    site = site or project / "site"
    fresh_mkdocs_plugins()
    build_site(project, site, as_of)
    return site


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


class Cli:
    """``python -m generator ARGS`` run in this process: exit code, stdout and stderr."""

    def __init__(self, capsys: pytest.CaptureFixture[str]):
        self.capsys = capsys

    def __call__(self, *args: str | Path) -> Run:
        self.capsys.readouterr()  # drop what earlier steps printed
        fresh_mkdocs_plugins()
        code = cli.main([str(a) for a in args])
        captured = self.capsys.readouterr()
        return Run(code, captured.out, captured.err)


def run_generator(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A real ``python -m generator`` process, for the tests whose subject is the process."""
    # PYTHONPATH: this checkout's generator (and its MkDocs plugin), not the one the shared
    # virtualenv was installed from (another git worktree may be behind or ahead).
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})


# --- fixtures ----------------------------------------------------------------------------

@pytest.fixture(autouse=True)
def _fresh_mkdocs_plugins():
    fresh_mkdocs_plugins()
    yield
    fresh_mkdocs_plugins()


@pytest.fixture
def cli_run(capsys) -> Cli:
    return Cli(capsys)


@pytest.fixture
def project(tmp_path) -> Path:
    """A throwaway project with the 2024 fixture content, to break on purpose."""
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def project_2024(tmp_path_factory) -> Path:
    """The 2024 fixture project, shared: never modify it (use ``project``)."""
    return make_project(tmp_path_factory.mktemp("project-2024"))


@pytest.fixture(scope="session")
def content_2024(project_2024) -> Content:
    return load_content(project_2024 / "content", project_2024, AS_OF)


@pytest.fixture(scope="session")
def site_2024(project_2024, tmp_path_factory) -> Path:
    """The 2024 fixture site as ``make site`` builds it, as of 31/12/2024."""
    return build(project_2024, tmp_path_factory.mktemp("site-2024") / "site", AS_OF)


@pytest.fixture(scope="session")
def portal_project(tmp_path_factory) -> Path:
    """The 2024 fixture content plus the portal fixture: disclosure items, attachments, news."""
    return make_project(tmp_path_factory.mktemp("portal"), "content-2024", "portal")


@pytest.fixture(scope="session")
def portal_content(portal_project) -> Content:
    return load_content(portal_project / "content", portal_project, PORTAL_AS_OF)


@pytest.fixture(scope="session")
def portal_site(portal_project, tmp_path_factory) -> Path:
    """The portal fixture project built as of 30/06/2024."""
    return build(portal_project, tmp_path_factory.mktemp("portal-site") / "site", PORTAL_AS_OF)


# --- the browser (tests marked ``browser``) ------------------------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--allow-file-access-from-files"]


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless, launched once for every browser test."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def phone(chromium):
    """A page in a 360 × 740 viewport, as on a small phone."""
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()
