"""The built 2024 fixture site: key-figure cards and inline SVG charts, figure checks, evidence coverage."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import page_text

REPORT = "bao-cao/2024-cam-ket-par-index-sipas-papi/index.html"
SVG = re.compile(r"(?<=<div class=\"kpi-chart\">\n)<svg .*?</svg>", re.S)


@pytest.mark.parametrize("page", ["index.html", REPORT])
def test_key_figures_are_cards_and_inline_svg_charts(site_2024, page):
    html = page_text(site_2024 / page)
    charts = SVG.findall(html)
    assert len(charts) == 2
    for svg in charts:
        root = ET.fromstring(svg)  # well-formed XML, drawn at build time
        assert root.get("role") == "img" and root.get("viewBox").startswith("0 0 340 ")
        assert root.find("{http://www.w3.org/2000/svg}title").text.endswith("Số liệu ở bảng ngay dưới biểu đồ.")
    values = [t.text for svg in charts for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert values[:4] == ["Hồ sơ tiếp nhận trực tuyến", "99,3%", "Số hoá đầu vào", "100%"]
    assert "125,95%" in values and "100%" in values
    for card in ("99,3%", "97,88%", "93,76%", "125,95%"):
        assert f'<span class="kpi-value">{card}</span>' in html
    assert '<span class="kpi-detail">7.159.635.648/5.684.600.000 đồng · Nhiệm vụ 9</span>' in html
    assert "chart.js" not in html.lower() and "d3." not in html and "unpkg" not in html


def test_each_chart_is_followed_by_a_table_with_the_same_numbers(site_2024):
    html = page_text(site_2024 / "index.html")
    after_budget_chart = html.split("Thu ngân sách năm 2024 so với dự toán</p>")[1]
    table = after_budget_chart.split("</table>")[0]
    assert "<td>Thu ngân sách nhà nước</td>\n<td>125,95%</td>\n<td>7.159.635.648/5.684.600.000 đồng</td>" in table
    assert ("<td>Thu ngân sách trên địa bàn phường hưởng</td>\n<td>110,3%</td>\n"
            "<td>305.000.000/276.500.000 đồng</td>") in table


def test_report_page_lists_the_tasks_without_evidence(site_2024):
    html = (site_2024 / REPORT).read_text(encoding="utf-8")
    section = html.split('id="nhiem-vu-khong-neu-tai-lieu-kiem-chung"')[1].split("</p>")[0]
    assert "Văn bản nguồn không nêu tài liệu kiểm chứng cho 4 trong 13 nhiệm vụ:" in section
    assert re.findall(r'<a href="(nhiem-vu-\d+\.html)">', section) == [
        "nhiem-vu-06.html", "nhiem-vu-11.html", "nhiem-vu-12.html", "nhiem-vu-13.html"]


def test_figure_check_page_lists_every_figure_with_its_status(site_2024):
    html = page_text(site_2024 / "kiem-tra-so-lieu.html")
    assert "Tất cả: 21 số liệu; 10 khớp, 0 lệch, 11 chỉ nêu tỷ lệ" in html
    assert html.count("<td>✓ khớp</td>") == 10
    assert html.count("<td>chỉ nêu tỷ lệ, không có số gốc để tính lại</td>") == 11
    assert "<td>2.926/2.948 = 99,25%, văn bản nêu 99,3%</td>" in html
    assert "<td>2.944 + 04 = 2.948, văn bản nêu 2.948</td>" in html
