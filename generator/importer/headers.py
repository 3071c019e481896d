"""Recognise the appendix's column headers despite case, spacing and missing diacritics."""

from __future__ import annotations

import re

from ..util.inline import plain
from ..util.text import fold

# Folded header text -> the Task field it fills.
ROLES: dict[str, str] = {
    "stt": "number", "tt": "number", "so tt": "number", "so thu tu": "number",
    "noi dung nhiem vu": "content", "noi dung": "content", "nhiem vu": "content",
    "noi dung cong viec": "content", "nhiem vu cam ket": "content",
    "ket qua thuc hien": "result", "ket qua": "result",
    "tai lieu kiem chung": "evidence", "tai lieu minh chung": "evidence",
    "kiem chung": "evidence", "minh chung": "evidence",
    "noi dung cam ket": "content", "ket qua thuc hien nhiem vu": "result",
}
# Any heading that ends with these names the evidence column: 'Hồ sơ, tài liệu kiểm chứng',
# 'Văn bản, tài liệu minh chứng'. No other column is named for the proof of a result.
_EVIDENCE_ENDINGS = ("kiem chung", "minh chung")
# Extra columns carried into Task.other_columns under their own heading.
EXTRA = {"ghi chu", "tien do", "tien do thuc hien", "thoi gian thuc hien", "thoi gian hoan thanh",
         "don vi thuc hien", "don vi chu tri", "nguoi thuc hien", "muc do hoan thanh", "tu danh gia"}
REQUIRED = ("number", "content", "result", "evidence")
STANDARD = {"number": "STT", "content": "NỘI DUNG, NHIỆM VỤ", "result": "KẾT QUẢ THỰC HIỆN",
            "evidence": "TÀI LIỆU KIỂM CHỨNG"}


def folded(text: str) -> str:
    """'Nội dung,  NHIỆM VỤ' -> 'noi dung nhiem vu'."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(plain(text)).lower()).split())


def role(header: str) -> str | None:
    """'number', 'content', 'result', 'evidence', 'extra', or None when unknown."""
    # A note in brackets qualifies the column, it does not rename it:
    # 'Kết quả thực hiện (tính đến 31/10/2025)', 'Tài liệu kiểm chứng (nếu có)'.
    key = folded(re.sub(r"\([^()]*\)", " ", plain(header))) or folded(header)
    if key in ROLES:
        return ROLES[key]
    if key in EXTRA:
        return "extra"
    return "evidence" if key.endswith(_EVIDENCE_ENDINGS) else None


def is_appendix_header(cells: list[str]) -> bool:
    return bool(cells) and role(cells[0]) == "number"


def known_headers() -> str:
    return ", ".join(STANDARD.values()) + " và cột thêm: Ghi chú, Tiến độ, Thời gian thực hiện, Đơn vị thực hiện, …"
