"""Golden files: the Markdown of one page of each type, rendered from the fixture content.

The content is tests/fixtures/content-2024 plus tests/fixtures/portal (disclosure items, an
attachment, news), as of 30/06/2024, rendered with ``render_site`` (no MkDocs). Each page is
compared with tests/golden/<name>.md.

After a deliberate change to what a page says, regenerate the files and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import PORTAL_AS_OF, REPORT_SLUG

from generator.content.load import load_content
from generator.render.site import render_site

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

PAGES = {
    "home": "index.md",
    "report": f"bao-cao/{REPORT_SLUG}/index.md",
    "task": f"bao-cao/{REPORT_SLUG}/nhiem-vu-02.md",
    "task-without-evidence": f"bao-cao/{REPORT_SLUG}/nhiem-vu-06.md",
    "evidence": "tai-lieu-kiem-chung/trich-xuat-mot-cua-dien-tu.md",
    "evidence-register": "tai-lieu-kiem-chung/index.md",
    "report-archive": "bao-cao/index.md",
    "figure-checks": "kiem-tra-so-lieu.md",
    "citation-register": "van-ban-dan-chieu.md",
    "disclosure-portal": "cong-khai/index.md",
    "catalogue": "cong-khai/danh-muc-thong-tin.md",
    "status": "cong-khai/tinh-trang-cong-khai.md",
    "category": "cong-khai/tuyen-dung/index.md",
    "disclosure-item": "cong-khai/tuyen-dung/tb-15-ubnd-2024.md",
    "contact": "cong-khai/dia-chi-so-dien-thoai/index.md",
    "organisation": "cong-khai/co-cau-to-chuc/index.md",
    "access-to-information": "cong-khai/tiep-can-thong-tin/index.md",
    "news-index": "tin-hoat-dong/index.md",
    "news-post": "tin-hoat-dong/posts/hop-giao-ban-thang-5.md",
}


@pytest.fixture(scope="module")
def rendered(portal_content) -> dict[str, str]:
    return {page.path: page.markdown for page in render_site(portal_content)}


@pytest.mark.parametrize("name", PAGES)
def test_page_matches_its_golden_file(rendered, name):
    markdown = rendered[PAGES[name]]
    golden = GOLDEN / f"{name}.md"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(markdown, encoding="utf-8")
    assert golden.is_file(), f"no {golden.name}: run UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py"
    assert markdown == golden.read_text(encoding="utf-8")


def test_every_golden_file_belongs_to_a_page_type():
    if UPDATE:
        for stray in (p for p in GOLDEN.glob("*.md") if p.stem not in PAGES):
            stray.unlink()
    assert sorted(p.stem for p in GOLDEN.glob("*.md")) == sorted(PAGES)


def test_rendering_does_not_depend_on_where_the_project_is(portal_project, tmp_path, rendered):
    # The golden files hold no temporary path: the same content elsewhere renders the same.
    shutil.copytree(portal_project / "content", tmp_path / "elsewhere" / "content")
    moved = load_content(tmp_path / "elsewhere" / "content", tmp_path / "elsewhere", PORTAL_AS_OF)
    assert {page.path: page.markdown for page in render_site(moved)} == rendered
