"""Text helpers: escaping, folding, slugs and Vietnamese number format."""

from __future__ import annotations

import markdown
import pytest

from generator.util.text import fold, md_text, slug
from generator.util.vn import vn_number


@pytest.mark.parametrize("value", [
    "*đậm* _nghiêng_", "# không phải tiêu đề", "| a | b |", "<script>alert(1)</script>",
    "[x](javascript:alert(1))", "1. không phải danh sách", "- không phải ý", "\\ `mã` ![ảnh](a.png)",
    "2 < 3 & 4 > 1", "    bốn dấu cách",
])
def test_md_text_renders_back_to_the_same_text(value):
    rendered = markdown.markdown(md_text(value), extensions=["tables"])
    escaped = " ".join(value.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert rendered == f"<p>{escaped}</p>"


def test_fold_removes_marks_and_maps_dj():
    assert fold("Đất đai, hồ sơ trực tuyến, NGÂN SÁCH") == "Dat dai, ho so truc tuyen, NGAN SACH"


def test_fold_handles_decomposed_input():
    assert fold("ho\u0302\u0300 so\u031b") == "ho so"


def test_slug_keeps_dj_as_d():
    assert slug("Đất đai: hồ sơ") == "dat-dai-ho-so"


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (2948, 0, "2.948"), (99.3, 1, "99,3"), (7159635648, 0, "7.159.635.648"), (125.95, 2, "125,95"),
])
def test_vietnamese_number_format(value, decimals, expected):
    assert vn_number(value, decimals) == expected
