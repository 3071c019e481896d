"""An archive of many reports: the nav and every page stay the same size."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build, make_project, synth_text_from
from html_site import links, parse

from bench import synth
from generator.render.pagination import page_path, paginate


def test_pages_of_a_list():
    pages = paginate("tai-lieu-kiem-chung/index.md", list(range(65)), per_page=30)
    assert [p.path for p, _ in pages] == ["tai-lieu-kiem-chung/index.md", "tai-lieu-kiem-chung/trang-2.md",
                                          "tai-lieu-kiem-chung/trang-3.md"]
    assert [len(chunk) for _, chunk in pages] == [30, 30, 5]
    assert (pages[1][0].previous, pages[1][0].next) == (
        "tai-lieu-kiem-chung/index.md", "tai-lieu-kiem-chung/trang-3.md")
    assert page_path("van-ban-dan-chieu.md", 2) == "van-ban-dan-chieu-trang-2.md"
    assert len(paginate("a/index.md", [])) == 1  # an empty list still has its page


def same_figures_other_year(writer: synth.Writer, value: str, year: int) -> str:
    """The 2024 sentence in another year, its figures kept (they must add up, or the build stops).

    ``bench.synth`` changes every figure at random, which test_bench.py checks on its own;
    this archive is about the number of reports, not their figures."""
    return re.sub(r"\b20\d\d\b", str(year), value)


@pytest.fixture(scope="module")
def archive_site(tmp_path_factory, project_2024) -> Path:
    project = make_project(tmp_path_factory.mktemp("archive"), None)
    with pytest.MonkeyPatch.context() as mp:
        synth_text_from(mp, project_2024)
        mp.setattr(synth.Writer, "vary", same_figures_other_year)
        synth.generate(project / "content", 400)  # about 28 reports of 13 tasks, 80 evidence records
    return build(project)


def test_every_page_stays_under_40_kb(archive_site):
    """A report's own page carries the whole document and its appendix with every column (issue 11), so
    its size follows that one document, never the archive: it has its own, larger bound."""
    sizes = {p.relative_to(archive_site).as_posix(): p.stat().st_size for p in archive_site.rglob("*.html")}
    assert len(sizes) > 350
    documents = {name for name in sizes if name.startswith("bao-cao/") and name.endswith("/index.html")}
    assert {name: size for name, size in sizes.items() if size > 40 * 1024 and name not in documents} == {}
    assert {name: sizes[name] for name in documents if sizes[name] > 64 * 1024} == {}


def test_nav_lists_only_the_latest_report(archive_site):
    reports = sorted(p.parent.name for p in (archive_site / "bao-cao").glob("*/index.html"))
    assert len(reports) > 10
    for page in [archive_site / "index.html", archive_site / "bao-cao" / reports[0] / "nhiem-vu-01.html"]:
        nav = parse(page).cssselect("nav.md-nav--primary")[0]
        folders = {(page.parent / a.get("href")).resolve().parent.name for a in nav.iter("a") if a.get("href")}
        assert folders & set(reports) == {reports[-1]}, page  # only the newest report's folder


def test_archive_and_register_pages_reach_every_report_and_evidence_record(archive_site):
    def walk(first: Path) -> set[Path]:
        seen, todo = set(), [first.resolve()]
        while todo:
            page = todo.pop()
            if page in seen:
                continue
            seen.add(page)
            todo += [t for t in links(page)
                     if t.parent == first.parent.resolve() and t.name.startswith(("index", "trang-"))]
        return {t for page in seen for t in links(page)}

    reports = {p.resolve() for p in (archive_site / "bao-cao").glob("*/index.html")}
    assert reports <= walk(archive_site / "bao-cao" / "index.html")
    evidence = {p.resolve() for p in (archive_site / "tai-lieu-kiem-chung").glob("*.html")
                if not p.name.startswith(("index", "trang-"))}
    assert len(evidence) > 30
    assert evidence <= walk(archive_site / "tai-lieu-kiem-chung" / "index.html")
    assert (archive_site / "tai-lieu-kiem-chung" / "trang-2.html").is_file()
