"""The site works at any address (issue 12, point 3): the domain root, a sub-path, and from disk.

Every page type is opened in Chromium from a server at the root, from a server under /cong-khai/
(the build told so by phuong.base_path) and from disk (file://): every request stays on that
origin, every link and asset of the page exists, and the 404 page, which a server shows at any
depth, is styled, Vietnamese, links to the main sections and searches.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import etree
from lxml import html as lxml_html
from mkdocs.exceptions import PluginError
from site_browser import (
    PAGE_TYPES,
    SUBPATH,
    fixture_site,
    open_page,
    origin_of,
    record_requests,
    screenshot,
    serve,
)

from generator.mkdocs.plugin import base_path

DEEP_MISSING = "khong/co/trang/nay.html"   # a missing address three folders down
BANNER_BACKGROUND = "rgb(253, 246, 227)"   # site.css --phuong-banner-bg: the stylesheet was loaded


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    return fixture_site(tmp_path_factory, "subpath")


@pytest.fixture(scope="module")
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


def exists(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme == "file":
        return Path(unquote(parts.path)).is_file()
    request = urllib.request.Request(url.split("#")[0], method="HEAD")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return bool(response.status == 200)
    except urllib.error.HTTPError:
        return False


def check_every_page_type(page, base: str) -> dict[str, list[str]]:
    """Open each page type at ``base``; what went wrong on each (requests elsewhere, missing targets)."""
    problems: dict[str, list[str]] = {}
    requests = record_requests(page, origin_of(base))
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    targets: dict[str, str] = {}
    for kind, path in PAGE_TYPES.items():
        requests.seen.clear()
        failed.clear()
        open_page(page, base + path)
        found = [f"request to another host: {u}" for u in requests.foreign()]
        if kind == "404" and base.startswith("file:"):
            # Opened from disk, the 404 page names the server's folder (/) in its <base> until its
            # first script puts its own folder there; Chromium's preload scanner has already looked
            # for the stylesheets under file:///assets/. They then load from the right place.
            failed[:] = [u for u in failed if not u.startswith("file:///assets/")]
        found += [f"request failed: {u}" for u in failed]
        if page.eval_on_selector(".phuong-banner", "b => getComputedStyle(b).backgroundColor") != BANNER_BACKGROUND:
            found.append("unstyled (site.css not loaded)")
        for href in page.eval_on_selector_all("a[href], link[href], script[src]",
                                              "els => els.map(e => e.href || e.src)"):
            if href.startswith(base.split("#")[0]) or (base.startswith("file:") and href.startswith("file:")):
                targets.setdefault(href.split("#")[0].split("?")[0], kind)
            elif urlsplit(href).scheme in ("http", "https") and not href.startswith(origin_of(base)):
                if not href.startswith(("https://dichvucong", "https://motcua")):  # content's own web links
                    found.append(f"link outside the site: {href}")
        if found:
            problems[kind] = found
    for url, kind in targets.items():
        if not exists(url):
            problems.setdefault(kind, []).append(f"missing: {url}")
    return problems


@pytest.mark.browser
def test_every_page_type_works_at_the_domain_root(page, site):
    with serve(site) as base:
        assert check_every_page_type(page, base) == {}


@pytest.mark.browser
def test_every_page_type_works_under_a_sub_path(page, subpath_site):
    with serve(subpath_site, SUBPATH) as base:
        assert base.endswith("/cong-khai/")
        assert check_every_page_type(page, base) == {}


@pytest.mark.browser
def test_every_page_type_works_from_disk(page, site):
    assert check_every_page_type(page, site.as_uri() + "/") == {}


def check_404(page, base: str, address: str) -> None:
    response = page.goto(address)
    if response is not None and address.startswith("http"):
        assert response.status == 404
    page.wait_for_load_state("load")
    screenshot(page, f"404-{urlsplit(base).path.strip('/') or 'root'}-{urlsplit(base).scheme}")
    assert page.title().startswith("Không tìm thấy trang")
    assert page.eval_on_selector(".phuong-banner", "b => getComputedStyle(b).backgroundColor") == BANNER_BACKGROUND
    text = page.inner_text("article")
    assert "Không tìm thấy trang" in text and "Not found" not in text
    links = page.eval_on_selector_all("article a[href]", "as => as.map(a => [a.textContent.trim(), a.href])")
    assert [t for t, _ in links][:3] == ["Trang chủ", "Báo cáo năm 2024", "Công khai thông tin"]
    for title, href in links:
        assert href.startswith(base) and exists(href), (title, href)
    assets = page.eval_on_selector_all("link[rel=stylesheet], script[src]", "els => els.map(e => e.href || e.src)")
    assert assets and all(a.startswith(base) and exists(a) for a in assets), assets
    # Search from the page: the form sends the words to the home page's search.
    page.fill("#phuong-404-q", "tuyen dung")
    page.press("#phuong-404-q", "Enter")
    page.wait_for_url("**/index.html?q=tuyen+dung")
    page.wait_for_selector(".md-search-result__item")
    first = page.eval_on_selector(".md-search-result__item a", "a => a.href.split('?')[0]")
    assert first == base + "cong-khai/tuyen-dung/index.html"


@pytest.mark.browser
def test_404_at_any_depth_from_the_root(page, site):
    with serve(site) as base:
        check_404(page, base, base + DEEP_MISSING)


@pytest.mark.browser
def test_404_at_any_depth_under_a_sub_path(page, subpath_site):
    with serve(subpath_site, SUBPATH) as base:
        check_404(page, base, base + DEEP_MISSING)


@pytest.mark.browser
def test_404_opened_from_disk(page, site):
    base = site.as_uri() + "/"
    check_404(page, base, base + "404.html")


@pytest.mark.browser
def test_the_header_search_works_on_the_404_page_under_a_sub_path(page, subpath_site):
    with serve(subpath_site, SUBPATH) as base:
        page.goto(base + DEEP_MISSING)
        page.fill(".md-search__input", "")
        page.click(".md-search__input")
        page.keyboard.insert_text("ngan sach")
        page.keyboard.press("End")
        page.wait_for_selector(".md-search-result__item")
        first = page.eval_on_selector(".md-search-result__item a", "a => a.href.split('?')[0]")
        assert first == base + "bao-cao/2024-cam-ket-par-index-sipas-papi/nhiem-vu-09.html"


# --- the two settings (no browser) -----------------------------------------------------------

def test_sub_path_setting():
    assert base_path("", None) == "/"
    assert base_path("/cong-khai", None) == "/cong-khai/"
    assert base_path("", "https://phuong4.example.invalid/cong-khai/") == "/cong-khai/"
    assert base_path("/cong-khai/", "https://phuong4.example.invalid/cong-khai/") == "/cong-khai/"
    for wrong in ("cong-khai/", "/cong khai/", "//x/"):
        with pytest.raises(PluginError, match="phuong.base_path"):
            base_path(wrong, None)
    with pytest.raises(PluginError, match="khác đường dẫn của site_url"):
        base_path("/khac/", "https://phuong4.example.invalid/cong-khai/")


def test_public_address_feeds_sitemap_feed_and_canonical_links(tmp_path_factory, site):
    known = fixture_site(tmp_path_factory, "site-url")
    address = "https://phuong4.example.invalid/cong-khai/"
    sitemap = etree.parse(str(known / "sitemap.xml"))
    locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert f"{address}index.html" in locs and all(loc.startswith(address) for loc in locs)
    feed = (known / "tin-hoat-dong" / "feed.xml").read_text(encoding="utf-8")
    assert f'href="{address}tin-hoat-dong/hop-giao-ban-thang-5.html"' in feed
    task = lxml_html.fromstring((known / PAGE_TYPES["task"]).read_bytes())
    assert task.cssselect("link[rel=canonical]")[0].get("href") == address + PAGE_TYPES["task"]
    assert '<base href="/cong-khai/">' in (known / "404.html").read_text(encoding="utf-8")
    # Unknown address: no canonical link, an empty sitemap, feed links relative to the feed.
    assert not lxml_html.fromstring((site / PAGE_TYPES["task"]).read_bytes()).cssselect("link[rel=canonical]")
    assert "<loc>" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'href="hop-giao-ban-thang-5.html"' in (site / "tin-hoat-dong" / "feed.xml").read_text(encoding="utf-8")
    assert '<base href="/">' in (site / "404.html").read_text(encoding="utf-8")
