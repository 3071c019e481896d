"""On a cheap phone (issue 12, points 5 and 6): nothing scrolls sideways at 320 px, wide tables are
cards, numbers stay whole, the unit's full name is never cut, and the home page's first screen
holds search, the latest report and the disclosure sections. Plus the footer's facts."""

from __future__ import annotations

import pytest
from site_browser import (
    BROKEN_NUMBERS,
    FULL_UNIT,
    PAGE_TYPES,
    fixture_site,
    open_page,
    screenshot,
)

from generator.content.load import load_content

pytestmark = pytest.mark.browser


def every_page(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


@pytest.mark.parametrize("width", [320, 360])
def test_no_page_scrolls_sideways(chromium, site, served, width):
    context = chromium.new_context(viewport={"width": width, "height": 640})
    page = context.new_page()
    wide = {}
    pages = every_page(site)
    for path in pages:
        open_page(page, served + path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            wide[path] = scroll_width
    context.close()
    assert len(pages) > 50
    assert wide == {}


@pytest.mark.parametrize("width", [320, 800, 1280])
def test_numbers_never_break_inside(chromium, site, served, width):
    context = chromium.new_context(viewport={"width": width, "height": 640})
    page = context.new_page()
    broken = {}
    for path in every_page(site):
        open_page(page, served + path)
        if found := page.evaluate(BROKEN_NUMBERS):
            broken[path] = found
    open_page(page, served + PAGE_TYPES["task"])
    whole = page.evaluate(BROKEN_NUMBERS.replace("if (tops.size > 1) found.push(m[0]);", "found.push(m[0]);"))
    context.close()
    assert "7.159.635.648" in whole  # the measure does see the budget's numbers
    assert broken == {}


# A category page's table has three columns since the legal list (issue 13): it fits a phone as a
# table, which test_no_page_scrolls_sideways measures.
@pytest.mark.parametrize("kind", ["catalogue", "register", "report", "figure-checks"])
def test_wide_tables_are_cards_with_every_column_on_a_phone(chromium, served, kind):
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    open_page(page, served + PAGE_TYPES[kind])
    tables = page.eval_on_selector_all("article table[data-cards]", """tables => tables.map(t => {
        const names = [...t.querySelectorAll('thead th')].map(th => th.textContent.trim());
        return {names, headerShown: t.querySelector('thead').getBoundingClientRect().height > 1,
                rows: [...t.querySelectorAll('tbody tr')].map(tr => [...tr.children].map(td => {
                    const r = td.getBoundingClientRect();
                    return {label: getComputedStyle(td, '::before').content, left: r.left, right: r.right,
                            height: r.height, empty: td.childNodes.length === 0};
                }))};
    })""")
    screenshot(page, f"cards-{kind}-320", full_page=True)
    context.close()
    assert tables
    for table in tables:
        assert not table["headerShown"]  # the header row is read by screen readers, not drawn
        for row in table["rows"]:
            assert len(row) == len(table["names"])  # every column
            for cell, name in zip(row, table["names"], strict=True):
                if cell["empty"]:  # nothing to show: no bare label either
                    assert cell["height"] == 0
                    continue
                assert cell["left"] >= 0 and cell["right"] <= 320 and cell["height"] > 0
                assert cell["label"] == f'"{name}"'  # each value under its column's name


def test_the_unit_is_named_in_full_on_a_320px_phone(chromium, served):
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    open_page(page, served + "index.html")
    shown = page.eval_on_selector_all(".phuong-banner__text > span", """spans => spans.map(s => ({
        text: s.innerText, cut: s.scrollWidth > s.clientWidth + 1 || getComputedStyle(s).textOverflow === 'ellipsis',
        right: s.getBoundingClientRect().right}))""")
    bar = page.eval_on_selector(".md-header__topic .md-ellipsis", "s => [s.innerText, s.scrollWidth <= s.clientWidth]")
    screenshot(page, "banner-320")
    context.close()
    assert [s["text"] for s in shown[:2]] == ["UBND THÀNH PHỐ ĐÔNG HÀ", "ỦY BAN NHÂN DÂN PHƯỜNG 4"]
    assert not [s for s in shown if s["cut"] or s["right"] > 320]
    assert bar == ["UBND phường 4", True]


@pytest.mark.parametrize("height", [740, 640])
def test_the_first_screen_of_a_phone_holds_search_latest_report_and_sections(chromium, site, served, height):
    context = chromium.new_context(viewport={"width": 360, "height": height})
    page = context.new_page()
    open_page(page, served + "index.html")
    bottoms = page.evaluate("""() => {
        const bottom = el => el ? el.getBoundingClientRect().bottom : Infinity;
        const article = document.querySelector('article');
        return {
            search: bottom(article.querySelector('input[type=search]')),
            latest: bottom(article.querySelector('#bao-cao-moi-nhat + p a')),
            sections: [...article.querySelectorAll('#cong-khai-thong-tin + ul a')].map(bottom),
        };
    }""")
    screenshot(page, f"home-first-screen-360x{height}")
    context.close()
    project = site.parent / "project"
    categories = load_content(project / "content", project).disclosure.categories
    assert len(bottoms["sections"]) == len(categories)  # every legal group is listed on the home page
    assert bottoms["search"] <= height and bottoms["latest"] <= height
    if height == 740:
        # The law's 26 groups do not fit one screen: the list starts on it (two columns).
        assert sum(b <= height for b in bottoms["sections"]) >= 8, bottoms


def test_the_footer_names_the_agency_and_says_what_is_not_known(chromium, served, tmp_path_factory):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    open_page(page, served + PAGE_TYPES["task"])
    facts = page.eval_on_selector_all(".phuong-footer__fact", "fs => fs.map(f => f.innerText.replace(/\\s+/g, ' '))")
    name = page.inner_text(".phuong-footer__name")
    screenshot(page, "footer-unknown-360", full_page=True)
    assert name == "ỦY BAN NHÂN DÂN PHƯỜNG 4"
    assert facts == ["Địa chỉ: chưa cập nhật", "Điện thoại: chưa cập nhật", "Thư điện tử: chưa cập nhật",
                     "Chịu trách nhiệm nội dung: chưa cập nhật"]
    full = fixture_site(tmp_path_factory, "full-unit")
    page.goto((full / PAGE_TYPES["task"]).as_uri())
    facts = page.eval_on_selector_all(".phuong-footer__fact", "fs => fs.map(f => f.innerText.replace(/\\s+/g, ' '))")
    links = page.eval_on_selector_all(".phuong-footer__fact a", "as => as.map(a => a.getAttribute('href'))")
    context.close()
    assert facts == [f"Địa chỉ: {FULL_UNIT['address']}", f"Điện thoại: {FULL_UNIT['phone']}",
                     f"Thư điện tử: {FULL_UNIT['email']}", f"Chịu trách nhiệm nội dung: {FULL_UNIT['responsible']}"]
    assert links == ["tel:02333000000", f"mailto:{FULL_UNIT['email']}"]
