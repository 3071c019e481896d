"""Key-figure cards and charts on a 360 px phone, in Debian's Chromium."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["index.html", "bao-cao/2024-cam-ket-par-index-sipas-papi/index.html"])
def test_charts_read_well_on_a_360px_phone(phone, site_2024, path):
    page = phone
    page.goto((site_2024 / path).as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing scrolls sideways
    charts = page.eval_on_selector_all(".kpi-chart svg", """svgs => svgs.map(svg => {
        const box = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect());
        return {left: box.left, right: box.right,
                smallest: Math.min(...texts.map(r => r.height)),
                widest: Math.max(...texts.map(r => r.right))};
    })""")
    assert len(charts) == 2
    for chart in charts:
        assert chart["left"] >= 0 and chart["right"] <= 360
        assert chart["widest"] <= chart["right"] + 0.5   # every label and value inside the picture
        assert chart["smallest"] >= 11                     # text at least 11 px high after scaling
    columns = page.eval_on_selector_all(
        ".kpi-card", "cards => new Set(cards.map(c => c.getBoundingClientRect().left)).size")
    assert columns == 2  # two cards a row
