"""Smoke test of the live content/ folder: it checks and builds. The only test that reads it.

Everything else runs on copies of tests/fixtures/, so adding a report, an evidence record or a
disclosure item to content/ changes no other test's outcome.
"""

from __future__ import annotations

from conftest import ROOT, build


def test_live_content_checks_and_builds(tmp_path, cli_run):
    checked = cli_run("--project", ROOT, "check")
    assert checked.code == 0, checked.err
    site = build(ROOT, tmp_path / "site")
    assert (site / "index.html").is_file()
