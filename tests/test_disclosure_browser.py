"""On a 360 px phone, every disclosure category is reachable from the home page and the menu."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def titles(content) -> list[str]:
    return [c.title for c in content.disclosure.categories]


def test_home_page_links_every_category_on_a_phone(phone, site_2024, content_2024, tmp_path):
    phone.goto((site_2024 / "index.html").as_uri())
    content = phone.locator("article")
    for title in titles(content_2024):
        link = content.get_by_role("link", name=title, exact=True)
        link.scroll_into_view_if_needed()
        assert link.is_visible(), title
    shot = tmp_path / "home-360.png"
    phone.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_menu_reaches_every_category_on_a_phone(phone, site_2024, content_2024, tmp_path):
    phone.goto((site_2024 / "index.html").as_uri())
    phone.click("label.md-header__button[for=__drawer]")
    drawer = phone.locator("nav.md-nav--primary")
    drawer.locator("a[href='cong-khai/index.html']").click()
    phone.wait_for_url("**/cong-khai/index.html")
    phone.click("label.md-header__button[for=__drawer]")
    phone.wait_for_timeout(300)
    shot = tmp_path / "menu-360.png"
    phone.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    for title in titles(content_2024):
        link = drawer.get_by_role("link", name=title, exact=True)
        link.scroll_into_view_if_needed()
        assert link.is_visible(), title
        box = link.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360, (title, box)
    # Following one of them opens its section.
    drawer.get_by_role("link", name="Tuyển dụng", exact=True).click()
    phone.wait_for_url("**/cong-khai/tuyen-dung/index.html")
    assert phone.locator("h1").first.inner_text().startswith("Tuyển dụng")
