"""Types of administrative documents and the abbreviations NĐ 30/2020 (Phụ lục III) gives them."""

from __future__ import annotations

# Type words and the abbreviation NĐ 30/2020 (Phụ lục III) gives them; CK is the local
# label for 'bản cam kết'. Types without an entry (công văn, luật) are not compared.
TYPE_ABBREVIATIONS = {
    "bản cam kết": "CK", "kế hoạch": "KH", "báo cáo": "BC", "thông báo": "TB", "quyết định": "QĐ",
    "nghị quyết": "NQ", "nghị định": "NĐ", "thông tư": "TT", "chỉ thị": "CT", "quy chế": "QC",
    "quy định": "QyĐ", "hướng dẫn": "HD", "chương trình": "CTr", "phương án": "PA", "đề án": "ĐA",
    "tờ trình": "TTr", "biên bản": "BB", "công điện": "CĐ", "giấy mời": "GM", "thông cáo": "TC",
    "dự án": "DA", "hợp đồng": "HĐ",
}
TYPES = "|".join(sorted([*TYPE_ABBREVIATIONS, "công văn", "luật"], key=len, reverse=True))
