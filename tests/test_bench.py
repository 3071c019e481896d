"""`make bench` keeps working: the harness at its smallest size, and the synthetic content.

Only the structure of the results is checked, never a timing: the machine is noisy.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench import synth
from generator.content.load import load_content
from generator.render.site import render_site

ROOT = Path(__file__).resolve().parent.parent


def test_synthetic_content_is_valid_and_shares_evidence(tmp_path):
    written = synth.generate(tmp_path / "content", 120)
    content = load_content(tmp_path / "content", tmp_path)  # raises if any file breaks the schema
    assert written["records"]["report"] == len(content.reports) == 4
    assert all(len(entry.tasks) == 13 for entry in content.reports)
    # The plan counts the first page of each list; a list longer than one page adds pages.
    assert 0 <= len(render_site(content)) - written["pages"] <= 6
    shared = [i for i in content.evidence if len(content.citing(i)) >= 2]
    assert shared, "some evidence must be cited by more than one task"
    assert all(not task.evidence for entry in content.reports for task in entry.tasks
               if task.number in synth.NO_EVIDENCE_TASKS)


def test_bench_smallest_size_writes_results(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "bench.run", "--sizes", "50", "--repeat", "1",
                             "--preview-repeat", "1", "--out", str(out), "--work", str(tmp_path / "work")],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))

    assert set(results) == {"machine", "repeat", "sizes", "preview", "targets"}
    assert results["machine"]["nproc"] >= 1 and results["machine"]["packages"]["mkdocs"] == "1.6.1"
    (size,) = results["sizes"]
    assert size["target_pages"] == 50 and size["runs"] == 1
    # 2 reports of 13 tasks, their documents, the year's shared records, home, register, 404
    static = len(list((ROOT / "docs").rglob("*.md")))  # e.g. the news index the blog plugin needs
    # + 404.html, + later pages of long lists (the plan counts each list's first page)
    assert 0 <= size["site"]["html_pages"] - (size["synthetic"]["pages"] + static + 1) <= 6
    assert 45 <= size["synthetic"]["pages"] <= 60
    assert size["bare_site"]["html_pages"] == size["site"]["html_pages"]
    for key in ("generator_s", "load_s", "render_s", "build_s", "bare_s", "build_rss_mb", "bare_rss_mb"):
        assert size[key] > 0 and len(size["samples"][key]) == 1
    assert 0 < size["site"]["search_index_gzip_bytes"] < size["site"]["search_index_bytes"]
    assert size["site"]["largest_page"].endswith(".html")
    assert len(results["preview"]["samples"]) == 1 and results["preview"]["rebuild_s"] > 0
    assert [t["target"] for t in results["targets"]][:2] == [
        "generator share of build time, every size", "our build / bare MkDocs, every size"]
    assert {t["value"] for t in results["targets"] if "10,000" in t["target"]} == {"not measured"}

    markdown = (out / "results.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Benchmark results")
    assert f"| {size['site']['html_pages']} |" in markdown and "## Targets" in markdown
    assert markdown in result.stdout  # the table is printed too
    assert not (ROOT / "content" / "reports" / "2015-bao-cao-01").exists()  # never writes into content/
