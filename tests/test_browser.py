"""The built 2024 fixture site in a real browser (Debian's Chromium), opened straight from disk."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def search(page, site: Path, query: str) -> list[str]:
    """Type ``query`` into the site's search box as a citizen would; return result links in order."""
    page.goto((site / "index.html").as_uri())
    page.click("label.md-header__button[for=__search]")
    page.keyboard.type(query, delay=20)
    # Letters outside a US layout arrive as text input without a keyup, and Material
    # searches on keyup (as a phone keyboard sends after each letter): finish with one.
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.wait_for_timeout(500)
    # One result item per page; its first link is the page itself, the others its sections.
    return page.eval_on_selector_all(
        ".md-search-result__item", "items => items.map(i => i.querySelector('a').getAttribute('href'))")


@pytest.mark.parametrize(("query", "task"), [
    ("ho so truc tuyen", "nhiem-vu-02.html"),
    ("hồ sơ trực tuyến", "nhiem-vu-02.html"),
    ("ngan sach", "nhiem-vu-09.html"),
    ("ngân sách", "nhiem-vu-09.html"),
])
def test_search_finds_task_with_and_without_diacritics(phone, site_2024, query, task):
    links = search(phone, site_2024, query)
    assert any(task in link for link in links[:3]), links[:5]
