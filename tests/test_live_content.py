"""Smoke test of the live content/ folder: it checks and builds. The only test that reads it.

Everything else runs on copies of tests/fixtures/, so adding a report, an evidence record or a
disclosure item to content/ changes no other test's outcome.
"""

from __future__ import annotations

from conftest import ROOT, build

from generator.commands import check


def test_live_content_checks_and_builds(tmp_path, capsys):
    assert check.run(ROOT / "content", ROOT, None, strict_figures=False, strict_disclosure=False) == 0, \
        capsys.readouterr().err
    site = build(ROOT, tmp_path / "site")
    assert (site / "index.html").is_file()
