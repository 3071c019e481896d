"""Vietnamese numbers and dates, read and written in one place (Babel, CLDR locale 'vi').

Numbers: '.' groups thousands, ',' is the decimal mark (2.948; 99,3; 7.159.635.648).
Dates: documents write 26/02/2024 or 7/6/2024; NĐ 30/2020 headers write
"ngày 26 tháng 02 năm 2024"; the command line also takes 2024-02-26.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import NumberFormatError, format_decimal, parse_decimal

LOCALE = "vi"

_SLASHED = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_WORDED = re.compile(r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

DATE_EXAMPLE = "26/02/2024"


class DateError(ValueError):
    """A date that is not written in a known form, or does not exist on the calendar."""


def parse_vn_date(text: str, *, words: bool = True, iso: bool = False) -> dt.date:
    """'26/02/2024' or '7/6/2024' as a date; also '26 tháng 02 năm 2024' (``words``, as in
    running text) and '2024-02-26' (``iso``, as typed on the command line)."""
    value = " ".join(text.split())
    if match := _SLASHED.fullmatch(value) or (words and _WORDED.fullmatch(value)):
        day, month, year = (int(part) for part in match.groups())
    elif iso and (match := _ISO.fullmatch(value)):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise DateError(f"ngày phải viết dạng ngày/tháng/năm, ví dụ {DATE_EXAMPLE}")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"ngày {value} không có thật trên lịch") from None


def vn_date(date: dt.date) -> str:
    """26/02/2024."""
    return format_date(date, "dd/MM/yyyy", locale=LOCALE)


def full_date(date: dt.date) -> str:
    """'ngày 26 tháng 02 năm 2024', as NĐ 30/2020 writes the date of a document."""
    return format_date(date, "'ngày' dd 'tháng' MM 'năm' yyyy", locale=LOCALE)


def parse_vn_number(text: str) -> Decimal:
    """'2.948' -> 2948, '99,3' -> 99.3; raises NumberFormatError for anything else."""
    try:
        return parse_decimal(text, locale=LOCALE, strict=True)
    except NumberFormatError:
        # '004.918.360' (zeros before a group) is not strict CLDR, but its value is clear.
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
            return parse_decimal(text, locale=LOCALE, strict=False)
        raise


def file_size(size: int) -> str:
    """'1,2 MB (1.234.567 byte)': readable size and the exact count."""
    if size >= 1024 * 1024:
        short = f"{vn_number(size / 1024 / 1024, 1)} MB"
    else:
        short = f"{vn_number(max(size / 1024, 0.1), 1)} KB"
    return f"{short} ({vn_number(size)} byte)"


def vn_number(value: int | float | Decimal, decimals: int = 0, fixed: bool = False) -> str:
    """2948 -> '2.948'; 99.3 with decimals=1 -> '99,3'; ``fixed`` keeps trailing zeros."""
    pattern = "#,##0" + ("." + ("0" if fixed else "#") * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE)
