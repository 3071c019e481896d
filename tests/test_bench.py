"""`make bench` keeps working: the harness at its smallest size, and the synthetic content.

Only the structure of the results is checked, never a timing: the machine is noisy.
The harness runs on a copy of the 2024 fixture project (``bench_on_fixture.py``), in its own
process started with the session (see ``bench_run`` in conftest.py), so the live content/ plays
no part and its run overlaps the other tests.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURES, REPORT_SLUG, synth_text_from

from bench import synth
from generator.analysis.audit import audit
from generator.content.load import load_content
from generator.problems import Severity
from generator.render.site import render_site


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_synthetic_content_is_valid_and_shares_evidence(tmp_path, project_2024, monkeypatch):
    synth_text_from(monkeypatch, project_2024)
    written = synth.generate(tmp_path / "content", 120)
    content = load_content(tmp_path / "content", tmp_path)  # raises if any file breaks the schema
    # ... and it builds: no figure that fails the check (a build stops on those)
    assert [str(p) for p in audit(content).problems if p.severity is Severity.error] == []
    assert written["records"]["report"] == len(content.reports) == 4
    assert all(len(entry.tasks) == 13 for entry in content.reports)
    # The plan counts the first page of each list; a list longer than one page adds pages.
    assert 0 <= len(render_site(content)) - written["pages"] <= 6
    shared = [i for i in content.evidence if len(content.citing(i)) >= 2]
    assert shared, "some evidence must be cited by more than one task"
    assert all(not task.evidence for entry in content.reports for task in entry.tasks
               if task.number in synth.NO_EVIDENCE_TASKS)


def test_bench_smallest_size_writes_results(bench_run):
    code, stdout, stderr = bench_run.wait()
    assert code == 0, stderr
    results = json.loads((bench_run.out / "results.json").read_text(encoding="utf-8"))

    assert set(results) == {"machine", "repeat", "startup", "real_content", "sizes", "preview", "targets"}
    assert results["machine"]["nproc"] >= 1 and results["machine"]["packages"]["mkdocs"] == "1.6.1"
    (size,) = results["sizes"]
    assert size["target_pages"] == 50 and size["runs"] == 1
    # 2 reports of 13 tasks, their documents, the year's shared records, home, register, 404
    static = len(list((bench_run.project / "docs").rglob("*.md")))  # e.g. the news index the blog plugin needs
    # + 404.html, + later pages of long lists (the plan counts each list's first page)
    assert 0 <= size["site"]["html_pages"] - (size["synthetic"]["pages"] + static + 1) <= 6
    assert 45 <= size["synthetic"]["pages"] <= 60
    assert size["bare_site"]["html_pages"] == size["site"]["html_pages"]
    for key in ("generator_s", "load_s", "render_s", "build_s", "bare_s", "build_rss_mb", "bare_rss_mb"):
        assert size[key] > 0 and len(size["samples"][key]) == 1
    assert 0 < size["site"]["search_index_gzip_bytes"] < size["site"]["search_index_bytes"]
    assert size["site"]["largest_page"].endswith(".html")
    assert len(results["preview"]["samples"]) == 1 and results["preview"]["rebuild_s"] > 0
    # The real-content measures and the preview ran on the fixture project's report.
    assert results["real_content"]["report"] == results["preview"]["report"] == REPORT_SLUG
    assert [t["target"] for t in results["targets"]][:2] == [
        "generator share of build time, every size", "our build / bare MkDocs, every size"]
    assert {t["value"] for t in results["targets"] if "10,000" in t["target"]} == {"not measured"}

    markdown = (bench_run.out / "results.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Benchmark results")
    assert f"| {size['site']['html_pages']} |" in markdown and "## Targets" in markdown
    assert markdown in stdout  # the table is printed too
    # never writes into content/
    assert snapshot(bench_run.project / "content") == snapshot(FIXTURES / "content-2024")
