"""Printing on A4 (issue 12, point 7): every page type prints with all its columns, without the
site around it, in a system serif font, without blank pages; the report prints as the signed
document (NĐ 30/2020: header table, recipients beside the signature).

Layout is measured in Chromium's print mode at the printable width of A4 with the margins of
print.css (210 − 30 − 15 mm); the PDFs Chromium prints are counted page by page (pages found in
the PDF itself, each page checked for drawn text), with no PDF library.
"""

from __future__ import annotations

import math

import pytest
from site_browser import BROKEN_NUMBERS, PAGE_TYPES, SCREENSHOTS, fixture_site, open_page, pdf_pages

pytestmark = pytest.mark.browser

MM = 96 / 25.4
PRINT_WIDTH = math.floor((210 - 30 - 15) * MM)    # 623 px
PRINT_HEIGHT = math.floor((297 - 20 - 20) * MM)   # 971 px

LAYOUT = """() => {
  const hidden = sel => [...document.querySelectorAll(sel)].every(e => getComputedStyle(e).display === 'none');
  const tables = [...document.querySelectorAll('article table:not(.vb-header)')].map(t => {
    const heads = [...t.querySelectorAll('thead th')];
    const rows = [...t.querySelectorAll('tbody tr')];
    return {columns: heads.length,
            shown: rows.every(r => [...r.children].length === heads.length || heads.length === 0)
                   && [...t.querySelectorAll('th, td')].every(c => getComputedStyle(c).display === 'table-cell'
                                                                     && c.getBoundingClientRect().width > 8),
            right: t.getBoundingClientRect().right};
  });
  return {chromeHidden: hidden('.phuong-banner, .md-header, .md-sidebar, .md-footer, .md-top, .md-search, .md-skip'),
          width: document.documentElement.scrollWidth,
          height: document.querySelector('article').getBoundingClientRect().bottom + window.scrollY,
          font: getComputedStyle(document.querySelector('article')).fontFamily,
          webFonts: document.fonts.size, tables};
}"""


@pytest.fixture(scope="module")
def page(chromium):
    context = chromium.new_context(viewport={"width": PRINT_WIDTH, "height": PRINT_HEIGHT})
    yield context.new_page()
    context.close()


def print_layout(page, address: str) -> dict:
    page.emulate_media(media="screen")
    open_page(page, address)
    page.emulate_media(media="print")
    page.wait_for_timeout(100)
    return dict(page.evaluate(LAYOUT))


def printed_pages(page, name: str) -> list[int]:
    data = page.pdf(prefer_css_page_size=True)
    (SCREENSHOTS / f"print-{name}.pdf").write_bytes(data)
    return pdf_pages(data)


@pytest.mark.parametrize("kind", [k for k in PAGE_TYPES if k != "404"])
def test_every_page_type_prints_on_a4_with_all_columns(page, served, kind):
    layout = print_layout(page, served + PAGE_TYPES[kind])
    assert layout["chromeHidden"]
    assert layout["width"] <= PRINT_WIDTH
    assert layout["font"].startswith('"Times New Roman"') and layout["font"].endswith("serif")
    assert layout["webFonts"] == 0
    for table in layout["tables"]:
        assert table["shown"] and table["right"] <= PRINT_WIDTH + 0.5, table
    assert page.evaluate(BROKEN_NUMBERS) == []
    pages = printed_pages(page, kind)
    expected = math.ceil(layout["height"] / PRINT_HEIGHT)
    assert expected <= len(pages) <= expected + 1, (len(pages), layout["height"])
    assert all(drawn > 0 for drawn in pages), pages  # no blank page


def test_a_task_prints_on_one_page(page, served):
    print_layout(page, served + PAGE_TYPES["task"])
    pages = printed_pages(page, "task-one-page")
    assert len(pages) == 1 and pages[0] > 0


def test_the_report_prints_as_the_signed_document(page, served):
    layout = print_layout(page, served + PAGE_TYPES["report"])
    form = page.evaluate("""() => {
        const box = sel => { const r = document.querySelector(sel).getBoundingClientRect();
                             return {left: r.left, right: r.right, top: r.top, height: r.height}; };
        const nation = document.querySelector('.vb-nation');
        const lines = nation.getBoundingClientRect().height / parseFloat(getComputedStyle(nation).lineHeight);
        const appendix = document.querySelectorAll('article table:not(.vb-header)')[0];
        return {agency: box('.vb-header__agency'), nation: box('.vb-header__nation'), nationLines: Math.round(lines),
                recipients: box('.vb-recipients'), signature: box('.vb-signature'),
                appendix: appendix.querySelectorAll('thead th').length};
    }""")
    # Header table: the agency on the left, the national title on the right, on the same line.
    assert form["agency"]["right"] <= form["nation"]["left"] + 1
    assert abs(form["agency"]["top"] - form["nation"]["top"]) < 2
    assert form["nationLines"] == 1  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line
    # Closing block: recipients on the left, the signature beside them.
    assert form["recipients"]["right"] <= form["signature"]["left"] + 1
    assert abs(form["recipients"]["top"] - form["signature"]["top"]) < 2
    assert form["appendix"] == 4  # STT, content, result, evidence
    pages = printed_pages(page, "report")
    assert all(drawn > 0 for drawn in pages)
    assert len(pages) <= math.ceil(layout["height"] / PRINT_HEIGHT) + 1


def test_print_from_disk_too(page, tmp_path_factory):
    site = fixture_site(tmp_path_factory)
    layout = print_layout(page, (site / PAGE_TYPES["catalogue"]).as_uri())
    assert layout["chromeHidden"] and layout["tables"] and all(t["shown"] for t in layout["tables"])
