"""Search finds what citizens come for, typed with or without diacritics (issue 12, point 1).

In Debian's Chromium, on the fixture site served at the domain root and opened from disk:
the search box in the header, Material's result list, the site's own search worker
(docs/assets/javascripts/search-worker.js) reading the index written by generator/mkdocs/search.py.
"""

from __future__ import annotations

import unicodedata

import pytest
from site_browser import REPORT, open_page, record_requests, save_json, screenshot

pytestmark = pytest.mark.browser

RANKS: dict[str, list[str]] = {}  # query -> result addresses, written for review at the end

TUYEN_DUNG = "cong-khai/tuyen-dung/index.html"
CONTACT = "cong-khai/dia-chi-so-dien-thoai/index.html"
PROCEDURES = "cong-khai/thu-tuc-hanh-chinh/index.html"
PUBLIC_SERVICES = "cong-khai/dich-vu-cong/index.html"
ACCESS = "cong-khai/tiep-can-thong-tin/index.html"
BUDGET_TASK = f"{REPORT}/nhiem-vu-09.html"

# (query as typed, the page it must find, the rank it must reach at worst)
CITIZEN_QUERIES = [
    ("tuyển dụng", TUYEN_DUNG, 1),
    ("tuyen dung", TUYEN_DUNG, 1),
    ("số điện thoại", CONTACT, 1),
    ("so dien thoai", CONTACT, 1),
    ("liên hệ", CONTACT, 1),            # a synonym: the legal name is "Địa chỉ, số điện thoại"
    ("lien he", CONTACT, 1),
    ("thủ tục hành chính", PROCEDURES, 1),
    ("thu tuc hanh chinh", PROCEDURES, 1),
    ("dịch vụ công", PUBLIC_SERVICES, 1),
    ("dich vu cong", PUBLIC_SERVICES, 1),
    ("ngân sách", BUDGET_TASK, 1),
    ("ngan sach", BUDGET_TASK, 1),
    ("tiếp cận thông tin", ACCESS, 1),
    ("tiep can thong tin", ACCESS, 1),
    ("hồ sơ trực tuyến", f"{REPORT}/nhiem-vu-02.html", 3),
    ("ho so truc tuyen", f"{REPORT}/nhiem-vu-02.html", 3),
    ("ho so", f"{REPORT}/nhiem-vu-02.html", 3),
    ("quy hoach", "cong-khai/quy-hoach-do-thi/index.html", 1),
    ("đất đai", "cong-khai/ke-hoach-su-dung-dat/index.html", 1),   # synonym
    ("dat dai", "cong-khai/ke-hoach-su-dung-dat/index.html", 1),
    ("tin hoat dong", "tin-hoat-dong/index.html", 1),
    ("danh muc thong tin", "cong-khai/danh-muc-thong-tin.html", 1),
    ("tai lieu kiem chung", "tai-lieu-kiem-chung/index.html", 3),
    ("so hoa", f"{REPORT}/nhiem-vu-04.html", 1),
]


@pytest.fixture(scope="module")
def phone(chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


def open_search(page, address: str) -> None:
    open_page(page, address + "index.html")
    page.click("label.md-header__button[for=__search]")
    page.wait_for_selector(".md-search__input", state="visible")


def search(page, query: str, *, typed: bool = False) -> list[dict]:
    """Results of ``query`` in the open search box: address (without the highlight query), title, place."""
    box = page.locator(".md-search__input")
    box.fill("")
    page.keyboard.press("End")
    page.wait_for_function("document.querySelector('.md-search-result__list').children.length === 0")
    if typed:
        box.press_sequentially(query, delay=15)
    else:
        # Letters outside a US layout arrive as text input without a keyup; Material searches on
        # keyup (as a phone keyboard sends after each letter): finish with one.
        page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.wait_for_function("""() => {
        const meta = document.querySelector('.md-search-result__meta').textContent;
        return document.querySelector('.md-search-result__list').children.length > 0 || /Không có trang/.test(meta);
    }""", timeout=15_000)
    page.wait_for_timeout(150)
    return page.eval_on_selector_all(".md-search-result__item", """items => items.map(i => ({
        href: i.querySelector('a').getAttribute('href').split('?')[0],
        title: i.querySelector('h1').textContent.trim(),
        place: (i.querySelector('.phuong-search__place') || {textContent: ''}).textContent.trim(),
        text: i.querySelector('article').textContent.replace(/\\s+/g, ' ').trim()}))""")


def rank(results: list[dict], address: str, target: str) -> int | None:
    hrefs = [r["href"] for r in results]
    return hrefs.index(address + target) + 1 if address + target in hrefs else None


@pytest.mark.parametrize(("query", "target", "worst"), CITIZEN_QUERIES, ids=[q for q, _, _ in CITIZEN_QUERIES])
def test_citizen_queries_find_their_page(phone, served, query, target, worst):
    open_search(phone, served)
    results = search(phone, query)
    RANKS[query] = [r["href"][len(served):] for r in results[:5]]
    save_json("search-ranks", RANKS)
    found = rank(results, served, target)
    assert found is not None and found <= worst, (query, found, RANKS[query])


def test_typed_letter_by_letter_as_on_a_phone(phone, served):
    open_search(phone, served)
    results = search(phone, "tuyen dung", typed=True)
    assert rank(results, served, TUYEN_DUNG) == 1
    screenshot(phone, "search-tuyen-dung-360")


def test_a_query_pasted_in_decomposed_unicode_still_finds(phone, served):
    query = unicodedata.normalize("NFD", "tuyển dụng")
    assert query != unicodedata.normalize("NFC", query)
    open_search(phone, served)
    assert rank(search(phone, query), served, TUYEN_DUNG) == 1


def test_a_query_with_no_real_match_says_so(phone, served):
    open_search(phone, served)
    # Every word is on the site ("tiếp cận", "công dân", "nhân dân"), never together.
    assert search(phone, "tiep cong dan") == []
    meta = phone.inner_text(".md-search-result__meta")
    assert meta.startswith("Không có trang nào chứa đúng các từ này")
    screenshot(phone, "search-no-match-360")


def test_results_show_the_real_title_and_place(phone, served):
    open_search(phone, served)
    results = search(phone, "ngan sach")
    first = results[0]
    assert first["title"].startswith("Nhiệm vụ 9: Thực hiện thu, chi ngân sách")
    assert first["place"] == "Báo cáo năm 2024 › phụ lục"
    assert "ngân sách" in first["text"]
    by_href = {r["href"][len(served):]: r for r in search(phone, "tuyen dung")}
    assert by_href[TUYEN_DUNG]["place"] == "Công khai thông tin › chuyên mục"
    assert by_href["cong-khai/tuyen-dung/tb-15-ubnd-2024.html"]["place"] == "Công khai thông tin › Tuyển dụng"
    assert not [r for r in results if r["title"] in ("Index", "Kết quả thực hiện", "Nhiệm vụ 9")]


def test_a_synonym_result_says_what_it_matched(phone, served):
    open_search(phone, served)
    first = search(phone, "lien he")[0]
    assert first["title"] == "Địa chỉ, số điện thoại"
    assert "Còn gọi là: liên hệ" in first["text"]


def test_ngan_sach_finds_the_budget_not_the_law_bookshelf(phone, served):
    open_search(phone, served)
    hrefs = [r["href"][len(served):] for r in search(phone, "ngân sách")]
    assert hrefs[0] == BUDGET_TASK
    assert "cong-khai/tu-sach-phap-luat/index.html" not in hrefs  # "Tủ sách" shares only "sách"


def test_search_works_from_disk_and_asks_no_other_host(chromium, site):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    requests = record_requests(page, "file://")
    address = site.as_uri() + "/"
    open_search(page, address)
    assert rank(search(page, "ngan sach"), address, BUDGET_TASK) == 1
    assert requests.foreign() == []
    context.close()


def test_opening_a_result_marks_the_words_found(phone, served):
    open_search(phone, served)
    search(phone, "ngan sach")
    phone.locator(".md-search-result__item a").first.click()
    phone.wait_for_url("**/nhiem-vu-09.html*")
    phone.wait_for_selector("mark[data-md-highlight]")
    marked = {m.lower() for m in phone.eval_on_selector_all("mark[data-md-highlight]",
                                                            "ms => ms.map(m => m.textContent)")}
    assert "ngân sách" in marked or {"ngân", "sách"} <= marked
