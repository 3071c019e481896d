"""The built 2024 fixture site says what the source says, and every page is reachable from disk."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from html_site import TASK_DIR, article_text, links, parse
from source_report import source_tasks

TASKS = source_tasks()


def task_page(site: Path, number: int) -> Path:
    return site / TASK_DIR / f"nhiem-vu-{number:02d}.html"


def shown(paragraph: str) -> str:
    """A '- ' item is shown as a list bullet, so its text is what follows the dash."""
    return paragraph[2:] if paragraph.startswith("- ") else paragraph


@pytest.mark.parametrize("task", TASKS, ids=lambda t: f"nhiem-vu-{t.number}")
def test_task_page_has_every_paragraph_of_the_source(site_2024, task):
    text = article_text(task_page(site_2024, task.number))
    for paragraph in task.content + task.result:
        assert shown(paragraph) in text


@pytest.mark.parametrize("task", TASKS, ids=lambda t: f"nhiem-vu-{t.number}")
def test_task_page_lists_its_evidence_or_says_there_is_none(site_2024, task):
    text = article_text(task_page(site_2024, task.number))
    if not task.evidence:
        assert "Văn bản nguồn không nêu tài liệu kiểm chứng cho nhiệm vụ này." in text
    for line in task.evidence:
        assert shown(line).rstrip(".") in text


def test_list_items_are_rendered_as_lists(site_2024):
    root = parse(task_page(site_2024, 1))
    items = [" ".join(li.text_content().split()) for li in root.cssselect("article ul > li")]
    assert shown(TASKS[0].result[0]) in items


def _register_rows(site: Path) -> dict[str, Path]:
    """Evidence label (as the register shows it) -> the evidence page it links to."""
    register = site / "tai-lieu-kiem-chung" / "index.html"
    rows = {}
    for row in parse(register).cssselect("article table tbody tr"):
        first = row.cssselect("td a")[0]
        rows[" ".join(first.text_content().split())] = (register.parent / first.get("href")).resolve()
    return rows


def test_every_evidence_page_links_back_to_every_task_citing_it(site_2024):
    rows = _register_rows(site_2024)
    expected: dict[Path, set[Path]] = {}
    for task in TASKS:
        for line in task.evidence:
            page = rows[shown(line).rstrip(".")]
            expected.setdefault(page, set()).add(task_page(site_2024, task.number).resolve())
    assert len(expected) == len(rows) == 13
    for page, tasks in expected.items():
        assert tasks <= set(links(page)), page.name


def test_tasks_3_and_4_share_one_evidence_record(site_2024):
    rows = _register_rows(site_2024)
    page = rows["Trích xuất từ phần mềm Một cửa điện tử"]
    cited = {p.name for p in links(page)}
    assert {"nhiem-vu-03.html", "nhiem-vu-04.html"} <= cited


def test_report_page_shows_header_body_recipients_signature_and_appendix(site_2024):
    page = site_2024 / TASK_DIR / "index.html"
    text = article_text(page)
    for expected in ["Dự thảo", "Số: …/BC-UBND", "Phường 4, ngày … tháng … năm 2024", "BÁO CÁO",
                     "Tình hình thực hiện các nội dung cam kết cải thiện và nâng cao chỉ số PAR INDEX, SIPAS, PAPI",
                     "1. Công tác chỉ đạo triển khai thực hiện", "về về trách nhiệm",
                     "Nơi nhận:", "Phòng Nội vụ TP(b/c);", "Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
                     "Nguyễn Tài Hoàng Na", "(kèm theo Báo cáo số /BC-UBND ngày tháng năm 2024)"]:
        assert expected in text
    appendix = [t for t in parse(page).cssselect("article table")
                if [th.text_content().strip() for th in t.cssselect("th")][:1] == ["STT"]]
    rows = appendix[0].cssselect("tbody tr")
    assert [row.cssselect("td")[0].text_content().strip() for row in rows] == [str(n) for n in range(1, 14)]
    assert {p.name for p in links(page)} >= {f"nhiem-vu-{n:02d}.html" for n in range(1, 14)}


def test_draft_notice_on_report_and_task_pages(site_2024):
    for page in [site_2024 / TASK_DIR / "index.html", task_page(site_2024, 7), site_2024 / "index.html"]:
        notice = parse(page).cssselect("article .admonition.warning .admonition-title")
        assert notice and notice[0].text_content().strip() == "Dự thảo", page


def test_every_task_and_evidence_page_within_two_clicks_of_home(site_2024):
    home = (site_2024 / "index.html").resolve()
    one = set(links(home, scope=""))
    two = {target for page in one if page.suffix == ".html" and page.is_file() for target in links(page, scope="")}
    reachable = {home} | one | two
    wanted = {*(site_2024 / TASK_DIR).glob("nhiem-vu-*.html"), *(site_2024 / "tai-lieu-kiem-chung").glob("*.html")}
    assert len(wanted) == 13 + 14
    assert {p.resolve() for p in wanted} <= reachable


def test_every_link_works_when_opened_from_disk(site_2024):
    broken = []
    # 404.html is only ever served by a web server, at any depth, so MkDocs links it from the root.
    for page in (p for p in site_2024.rglob("*.html") if p.name != "404.html"):
        for target in links(page, scope=""):
            if not target.exists():
                broken.append((page.relative_to(site_2024), target))
    assert not broken


_EXTERNAL = re.compile(r"^(https?:)?//", re.I)


def test_no_page_loads_anything_from_another_host(site_2024):
    loads = []
    for page in site_2024.rglob("*.html"):
        root = parse(page)
        for tag, attr in [("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"),
                          ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data")]:
            loads += [(page.name, el.get(attr)) for el in root.iter(tag) if _EXTERNAL.match(el.get(attr) or "")]
        for el in root.iter("link"):
            if el.get("rel") != "alternate" and _EXTERNAL.match(el.get("href") or ""):
                loads.append((page.name, el.get("href")))
        loads += [(page.name, url) for url in re.findall(r"url\(\s*['\"]?(https?://[^)'\"]+)", page.read_text("utf-8"))]
    for css in site_2024.rglob("*.css"):
        loads += [(css.name, url)
                  for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text("utf-8"))]
    assert not loads


def test_heading_anchors_are_ascii_with_d_for_dj(site_2024):
    page = site_2024 / TASK_DIR / "index.html"
    ids = [h.get("id") for h in parse(page).cssselect("article h2")]
    assert "1-cong-tac-chi-dao-trien-khai-thuc-hien" in ids
    for site_page in site_2024.rglob("*.html"):
        for heading in parse(site_page).cssselect("article h1, article h2, article h3"):
            assert re.fullmatch(r"[a-z0-9_-]*", heading.get("id") or ""), (site_page.name, heading.get("id"))


def test_search_index_is_plain_text_with_each_pages_place(site_2024):
    """The site's search worker folds 'ngân sách' and 'ngan sach' itself (issue 12): the index holds
    plain NFC text, and each page's place; the browser tests measure the ranks."""
    index = json.loads((site_2024 / "search" / "search_index.json").read_text("utf-8"))
    task_9 = [d for d in index["docs"] if d["location"].startswith(f"{TASK_DIR}/nhiem-vu-09.html")]
    assert task_9[0]["place"] == "Báo cáo năm 2024 › phụ lục"
    assert any("ngân sách" in d["text"] for d in task_9)
    assert not [d for d in index["docs"] if "<" in d["text"] or "title_folded" in d]
    offline = (site_2024 / "search" / "search_index.js").read_text("utf-8")
    assert '"place":"Báo cáo năm 2024 › phụ lục"' in offline  # the copy used when opened from disk


def _nav_hrefs(page: Path) -> list[str]:
    nav = parse(page).cssselect("nav.md-nav--primary")[0]
    return [a.get("href") for a in nav.iter("a")]


def test_nav_lists_tasks_but_not_evidence_pages(site_2024):
    in_report = _nav_hrefs(site_2024 / TASK_DIR / "index.html")
    assert any(h.endswith("nhiem-vu-13.html") for h in in_report)
    assert any(h.endswith("tai-lieu-kiem-chung/index.html") for h in in_report)
    for page in site_2024.rglob("*.html"):
        assert not any(re.search(r"tai-lieu-kiem-chung/(?!index)[^/]+\.html", h) for h in _nav_hrefs(page)), page


def test_navigation_is_pruned_to_the_current_section(site_2024):
    # navigation.prune: the home page does not carry every task's link in its nav.
    assert not any(h.endswith("nhiem-vu-13.html") for h in _nav_hrefs(site_2024 / "index.html"))
