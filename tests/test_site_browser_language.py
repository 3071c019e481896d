"""All in Vietnamese, nothing internal (issue 12, point 4).

Every built page of the fixture site is scanned for the theme's English labels and for names from
content/ (file and field names) in what a reader sees or hears: the text, the title, aria-label,
placeholder and alt attributes, and the labels the theme's script shows later (search states,
result counts), which sit in the page's configuration. The browser then checks what scripts draw.
"""

from __future__ import annotations

import json
import re

import pytest
from lxml import html as lxml_html
from site_browser import PAGE_TYPES, open_page, serve

# Labels Material or MkDocs would show in English (whole words, case as they are written).
ENGLISH = re.compile(r"\b(?:" + "|".join([
    "Initializing search", "Type to start searching", "No matching documents", "matching documents?",
    "Permanent link", "Metadata", "Back to top", "Back to index", "Skip to content", "Table of contents",
    "Navigation", "Search", "Share", "Clear", "Copy to clipboard", "Copied to clipboard", "Previous", "Next",
    "Made with", "Material for MkDocs", "RSS feed", "Continue reading", "Categories", "Archive", "min read",
    "Contributors", "Last update", "Edit this page", "View source", "Not found", "Index", "Header", "Footer",
    "Select language", "Select version", "Missing", "Home", "Menu", "Switch to", "Light mode", "Dark mode",
    "Tabs", "Draft", "Related links", "Read more", "Page not found",
]) + r")\b")
# Names from content/ and the schema that must stay in `make check`, never on a public page.
INTERNAL = re.compile(r"content/|\.ya?ml\b|\((?:focal_point|request_url)\)|\b(?:focal_point|request_url|short_name|"
                      r"unit\.yaml|categories\.yaml|other_columns|acknowledged|title_folded|text_folded)\b")
SHOWN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


def shown_text(page_html: bytes) -> list[str]:
    """What a reader sees or hears of a page, piece by piece."""
    root = lxml_html.fromstring(page_html)
    config = root.cssselect("#__config")
    pieces = list(json.loads(config[0].text)["translations"].values()) if config else []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        pieces += [element.get(name) for name in SHOWN_ATTRIBUTES if element.get(name)]
    for hidden in root.cssselect("script, style, noscript, template, svg"):
        hidden.drop_tree()
    pieces.append(" ".join(root.text_content().split()))
    return pieces


def test_no_english_label_and_no_internal_name_on_any_page(site):
    english, internal = {}, {}
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        for piece in shown_text(page.read_bytes()):
            name = page.relative_to(site).as_posix()
            if found := ENGLISH.findall(piece):
                english.setdefault(name, set()).update(found)
            if found := INTERNAL.findall(piece):
                internal.setdefault(name, set()).update(found)
    assert len(pages) > 50
    assert english == {}
    assert internal == {}


def test_the_scan_would_see_them():
    """The scan finds the strings the issue reported (so an empty result means something)."""
    sample = (b'<html><body><a title="Permanent link">x</a><p>content/unit.yaml ch\xc6\xb0a c\xc3\xb3 (focal_point)'
              b'</p><script id="__config" type="application/json">{"translations": {"a": "Initializing search"}}'
              b'</script></body></html>')
    pieces = shown_text(sample)
    assert {m for p in pieces for m in ENGLISH.findall(p)} == {"Permanent link", "Initializing search"}
    assert {m for p in pieces for m in INTERNAL.findall(p)} == {"content/", "unit.yaml", "(focal_point)"}


@pytest.mark.browser
def test_what_scripts_draw_is_vietnamese(chromium, site):
    context = chromium.new_context(viewport={"width": 1280, "height": 700})
    page = context.new_page()
    with serve(site) as base:
        open_page(page, base + PAGE_TYPES["report"])
        # Back-to-top button: shown when scrolling back up.
        page.mouse.wheel(0, 3000)
        page.wait_for_timeout(300)
        page.mouse.wheel(0, -400)
        page.wait_for_selector(".md-top:not([hidden])")
        top = page.inner_text(".md-top").strip()
        permalink = page.get_attribute("h2 .headerlink", "title")
        toggle = page.eval_on_selector_all("[data-md-component=palette] label:not([hidden])",
                                           "ls => ls.map(l => l.getAttribute('title'))")
        # Search: before and after the words are typed, and when nothing matches.
        page.click(".md-search__input")
        waiting = page.inner_text(".md-search-result__meta").strip()
        page.keyboard.insert_text("tuyen dung")
        page.keyboard.press("End")
        page.wait_for_selector(".md-search-result__item")
        counted = page.inner_text(".md-search-result__meta").strip()
        page.fill(".md-search__input", "")
        page.keyboard.insert_text("zzqqxx")
        page.keyboard.press("End")
        page.wait_for_function("!document.querySelector('.md-search-result__list').children.length")
        none = page.inner_text(".md-search-result__meta").strip()
        open_page(page, base + PAGE_TYPES["news-post"])
        post = " ".join(page.inner_text("body").split())
    context.close()
    assert top == "Lên đầu trang"
    assert permalink == "Liên kết đến mục này"
    assert toggle == ["Chuyển sang nền tối"]
    assert waiting == "Gõ từ cần tìm, có dấu hoặc không dấu"
    assert re.fullmatch(r"\d+ trang phù hợp", counted)
    assert none.startswith("Không có trang nào chứa đúng các từ này")
    assert "Thông tin bài" in post and not ENGLISH.findall(post)
