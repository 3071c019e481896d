"""Shared set-up: throwaway projects made from fixture content, and the fixture sites built once.

A test project is the repo's ``mkdocs.yml``, ``docs/`` and ``theme_overrides/`` (the product's
configuration) plus a fixture content folder from ``tests/fixtures/`` copied in as ``content/``.
No test reads the live ``content/`` folder except the smoke test in ``test_live_content.py``.

Checks and builds run in this process (``generator.cli.main``, ``build_site``); only tests whose
subject is a process (exit codes of ``python -m generator``, ``mkdocs serve``, ``make bench``)
start one. The fixture sites are built once per session and shared: never modify them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

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

def make_project(folder: Path, content_fixture: str | None = "content-2024", *overlays: str) -> Path:
    """A project in ``folder``: our config, docs and theme, and ``tests/fixtures/<content_fixture>``
    as ``content/`` (none if None); each overlay (e.g. ``"portal"``) is copied over it, adding files."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name)
        else:
            shutil.copy(source, folder / name)
    if content_fixture is not None:
        shutil.copytree(FIXTURES / content_fixture, folder / "content")
    for overlay in overlays:
        shutil.copytree(FIXTURES / overlay, folder / "content", dirs_exist_ok=True)
    return folder


def synth_text_from(mp: pytest.MonkeyPatch, project: Path) -> None:
    """``bench.synth`` takes its text from the live content/: point it at ``project``'s content."""
    from bench import synth

    mp.setattr(synth, "ROOT", project)
    mp.setattr(synth, "REAL_CONTENT", project / "content")


def edit(project: Path, relative: str, old: str, new: str) -> None:
    """Replace the first ``old`` in a project file; fail loudly if the fixture no longer has it."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def as_commune(project: Path) -> Path:
    """The project as a commune's (UBND xã Cam Thành) with no report or evidence yet, for importing
    another unit's report; returns its content/."""
    content_dir = project / "content"
    edit(project, "content/unit.yaml", "name: Ủy ban nhân dân phường 4", "name: Ủy ban nhân dân xã Cam Thành")
    edit(project, "content/unit.yaml", "short_name: UBND phường 4", "short_name: UBND xã Cam Thành")
    for folder in ("reports", "evidence"):  # the ward's 2024 report is not the commune's
        shutil.rmtree(content_dir / folder)
        (content_dir / folder).mkdir()
    return content_dir


def build(project: Path, site: Path | None = None, as_of: dt.date | None = None) -> Path:
    """Build ``project`` in this process (as ``python -m generator build`` does); return the site.

    A test session runs many builds in one process, so it also checks that a build leaves
    nothing behind that breaks the next one (MkDocs reuses plugin instances within a process).
    """
    site = site or project / "site"
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
        code = cli.main([str(a) for a in args])
        captured = self.capsys.readouterr()
        return Run(code, captured.out, captured.err)


def page_text(page: Path) -> str:
    """A built page's HTML without the phone markup of issue 12 (numbers kept whole, table cells
    named), for tests about what a page says rather than how it is laid out."""
    html = page.read_text(encoding="utf-8")
    html = re.sub(r'<span class="num">([^<]*)</span>', r"\1", html)
    return re.sub(r' (?:role="(?:table|rowgroup|row|cell|columnheader)"|data-label="[^"]*"|data-cards="")', "", html)


def run_generator(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A real ``python -m generator`` process, for the tests whose subject is the process."""
    # PYTHONPATH: this checkout's generator (and its MkDocs plugin), not the one the shared
    # virtualenv was installed from (another git worktree may be behind or ahead).
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})


# --- fixtures ----------------------------------------------------------------------------

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
def site(tmp_path_factory) -> Path:
    """The browser tests' site: the fixture project with its portal, built once per session."""
    from site_browser import fixture_site  # site_browser imports this module: imported when used

    return fixture_site(tmp_path_factory)


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """``site`` served over HTTP from a local address (its root)."""
    from site_browser import serve

    with serve(site) as address:
        yield address


@pytest.fixture(scope="module")
def phone(chromium):
    """A page in a 360 × 740 viewport, as on a small phone."""
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


# --- the benchmark harness, in the background -------------------------------------------

BENCH_ARGS = ["--sizes", "50", "--repeat", "1", "--preview-repeat", "1", "--startup-repeat", "1",
              "--real-repeat", "1"]


@dataclass
class BenchRun:
    """``make bench`` at its smallest size, on a copy of the 2024 fixture project."""

    project: Path
    out: Path
    process: subprocess.Popen[bytes]
    log: Path

    def wait(self) -> tuple[int, str, str]:
        """Exit status, stdout and stderr of the finished harness."""
        code = self.process.wait(timeout=600)
        return code, (self.log / "stdout").read_text("utf-8"), (self.log / "stderr").read_text("utf-8")


@pytest.fixture(scope="session")
def bench_run(tmp_path_factory):
    """The harness starts as soon as the session does, in its own process, and runs while the
    other tests run here (they use one core of two); its tests come last and wait for it."""
    folder = tmp_path_factory.mktemp("bench")
    project = make_project(folder / "project")
    log = folder / "log"
    log.mkdir()
    with (log / "stdout").open("wb") as out, (log / "stderr").open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("bench_on_fixture.py")), str(project), *BENCH_ARGS,
             "--out", str(folder / "out"), "--work", str(folder / "work")],
            cwd=ROOT, stdout=out, stderr=err, start_new_session=True,
            env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"})
    yield BenchRun(project, folder / "out", process, log)
    if process.poll() is None:  # the session was cut short: stop the harness and its servers
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


@pytest.fixture(scope="session", autouse=True)
def _start_the_benchmark_first(request):
    if any("bench_run" in item.fixturenames for item in request.session.items):
        request.getfixturevalue("bench_run")


def pytest_collection_modifyitems(items):
    """Tests that wait for the background benchmark run last (a stable sort keeps the rest in order)."""
    items.sort(key=lambda item: "bench_run" in getattr(item, "fixturenames", ()))
