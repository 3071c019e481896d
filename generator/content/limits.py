"""Limits on what a content file may hold, set in one place and stated in the staff guide.

They keep a mistake (a pasted book, a file saved in a loop, YAML nested without end)
from producing a giant site or stopping the build; real reports are far below them.
"""

from __future__ import annotations

from ..util.vn import vn_number

MAX_FILE_KB = 1024
"""Một tệp nội dung (.yaml) không quá 1 MB (báo cáo năm 2024 có tệp lớn nhất khoảng 10 KB)."""

MAX_TEXT_CHARS = 50_000
"""Một giá trị chữ (một đoạn văn, một dòng) không quá 50.000 ký tự."""

MAX_DEPTH = 20
"""Các nhóm trường lồng nhau không quá 20 tầng."""

MAX_NODES = 200_000
"""Một tệp không quá 200.000 giá trị (kể cả giá trị lặp lại bằng neo và bí danh &/*)."""

STAFF_GUIDE = [
    f"Mỗi tệp nội dung .yaml không quá {MAX_FILE_KB // 1024} MB.",
    f"Mỗi giá trị chữ (một đoạn văn, một dòng) không quá {vn_number(MAX_TEXT_CHARS)} ký tự.",
    f"Các nhóm trường lồng nhau không quá {MAX_DEPTH} tầng; mỗi tệp không quá {vn_number(MAX_NODES)} giá trị.",
    "Không dùng ký tự Tab trong tệp .yaml: thụt lề và cách sau dấu hai chấm bằng dấu cách.",
]
