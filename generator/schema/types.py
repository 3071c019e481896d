"""The value types every content file uses: text, dates, numbers, ids, and the base model.

Validators raise ``ValueError`` with a Vietnamese message; ``content.yamlfile`` turns
them into located problems. Messages are what a clerk reads, so they say what to write.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from babel.numbers import NumberFormatError
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from ..util.text import ID_RULE, is_id
from ..util.vn import parse_vn_date, parse_vn_number


class WrongValue(ValueError):
    """A validator's refusal with what is expected instead, shown as the message's 'cần: …'."""

    def __init__(self, message: str, expected: str):
        super().__init__(message)
        self.expected = expected


def _nfc(value: str) -> str:
    # Search and comparisons only work on one Unicode form; Word and some
    # keyboards produce decomposed (NFD) Vietnamese.
    return unicodedata.normalize("NFC", value).strip()


def _one_line(value: str) -> str:
    return " ".join(_nfc(value).split())


def _not_blank(value: str) -> str:
    if not value:
        raise ValueError("không được để trống")
    return value


# Written by YAML escapes ("\x01", "\u202e") where the file itself holds none: control
# characters, and the marks that reverse the direction of the text around them.
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _printable(value: str) -> str:
    if found := UNPRINTABLE.search(value):
        raise WrongValue("có ký tự điều khiển không in được (thường do dán từ chương trình khác)",
                         f"xóa ký tự lạ (mã U+{ord(found.group(0)):04X})")
    return value


_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def _no_html(value: str) -> str:
    # Content is text: a tag here is almost always a paste from an HTML export.
    tag = _HTML_TAG.search(value)
    if tag:
        raise ValueError(f"không được chứa thẻ HTML ({tag.group(0)[:40]}); hãy xóa thẻ, chỉ giữ phần chữ")
    return value


FIRST_YEAR, LAST_YEAR = 1945, 2100  # as a report's year: a date beyond would break the deadline arithmetic


def _vn_date(value: str) -> str:
    """Accept a date as Vietnamese documents write it (26/02/2024, 07/6/2024)."""
    year = parse_vn_date(value, words=False).year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise WrongValue(f"năm {year} nằm ngoài khoảng cho phép", f"một ngày từ năm {FIRST_YEAR} đến năm {LAST_YEAR}")
    return value


def _doc_number(value: str) -> str:
    # NĐ 30/2020: number, '/', type abbreviation, '-', issuer, no spaces.
    if not re.fullmatch(r"\d+/[^\s/]+", value):
        raise ValueError("số, ký hiệu phải viết dạng 124/KH-UBND (không có dấu cách)")
    return value


def _http_url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s<>\"']+", value):
        raise ValueError("địa chỉ web phải bắt đầu bằng http:// hoặc https:// và không có dấu cách")
    return value


def _id(value: str) -> str:
    if not is_id(value):
        raise ValueError(f"mã chỉ gồm {ID_RULE}, ví dụ kh-124-ubnd-2024")
    return value


def _vn_number_input(value: object) -> object:
    # YAML reads 2.948 as the decimal 2.948 and 99,3 as text: only text keeps the
    # Vietnamese meaning, so whole numbers may be bare but anything with '.' or ',' is quoted.
    if isinstance(value, bool):
        raise WrongValue("sai kiểu dữ liệu", 'một số viết kiểu Việt Nam trong dấu nháy, ví dụ "99,3"')
    if isinstance(value, float):
        raise ValueError('số có dấu chấm hoặc phẩy phải đặt trong dấu nháy, ví dụ "2.948" hoặc "99,3"')
    return str(value) if isinstance(value, int) else value


def _vn_number(value: str) -> str:
    try:
        parse_vn_number(value)
    except NumberFormatError:
        raise ValueError("số phải viết kiểu Việt Nam: dấu chấm ngăn hàng nghìn, dấu phẩy thập phân, "
                         "ví dụ 2.948 hoặc 99,3") from None
    return value


Text = Annotated[str, AfterValidator(_nfc), AfterValidator(_not_blank), AfterValidator(_printable),
                 AfterValidator(_no_html)]
Line = Annotated[str, AfterValidator(_one_line), AfterValidator(_not_blank), AfterValidator(_printable),
                 AfterValidator(_no_html)]
VnDate = Annotated[str, AfterValidator(_one_line), AfterValidator(_vn_date)]
DocNumber = Annotated[str, AfterValidator(_one_line), AfterValidator(_doc_number)]
HttpUrl = Annotated[str, AfterValidator(_one_line), AfterValidator(_printable), AfterValidator(_http_url)]
Id = Annotated[str, AfterValidator(_id)]
VnNumber = Annotated[str, BeforeValidator(_vn_number_input), AfterValidator(_one_line), AfterValidator(_vn_number)]
Paragraphs = Annotated[
    list[Text],
    Field(description="Danh sách đoạn văn, mỗi đoạn là một mục của danh sách YAML. "
          "Đoạn bắt đầu bằng '- ' (gạch đầu dòng như trong văn bản) được hiển thị thành một ý của danh sách. "
          "Trong đoạn văn có thể viết **chữ đậm**, *chữ nghiêng* và [liên kết](https://…); "
          "muốn giữ nguyên dấu * [ ] thì viết \\* \\[ \\]."),
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
