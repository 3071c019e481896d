"""Text helpers: Markdown escaping, ASCII folding, slugs and Vietnamese numbers."""

from __future__ import annotations

import html
import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from babel.numbers import format_decimal
from markupsafe import Markup
from slugify import slugify as _slugify
from text_unidecode import unidecode

# Exactly the characters Python-Markdown (with the tables extension) and CommonMark
# accept a backslash before; any other backslash would show on the page.
_MD_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


class Markdown(Markup):
    """Markdown the generator wrote itself (or already escaped); templates output it as is."""


def md_text(value: object) -> Markdown:
    """A content value as literal Markdown text: it can never add structure, a link or HTML."""
    if isinstance(value, Markup):  # macro output and links are already safe
        return Markdown(value)
    text = " ".join(unicodedata.normalize("NFC", str(value)).split())
    text = _MD_PUNCTUATION.sub(r"\\\1", text)
    return Markdown(html.escape(text, quote=False))


def fold(text: str) -> str:
    """Vietnamese without diacritics, as citizens type it: 'Đất đai hồ sơ' -> 'Dat dai ho so'."""
    return unidecode(unicodedata.normalize("NFC", text))


def slug(text: str, separator: str = "-") -> str:
    """ASCII slug that keeps 'đ' as 'd' (Python-Markdown's default drops it)."""
    return _slugify(unicodedata.normalize("NFC", text), separator=separator)


@lru_cache(maxsize=4096)
def heading_slug(value: str, separator: str) -> str:
    """Python-Markdown ``toc`` slugify hook: ASCII heading anchors."""
    # Cached: most headings repeat on every page, and python-slugify is slow
    # (0.4-0.7 s of a 1,000-page build, bench/findings.md).
    return slug(value, separator)


def vn_number(value: int | float | Decimal, decimals: int = 0, fixed: bool = False) -> str:
    """2948 -> '2.948'; 99.3 with decimals=1 -> '99,3' (CLDR 'vi'); ``fixed`` keeps trailing zeros."""
    pattern = "#,##0" + ("." + ("0" if fixed else "#") * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale="vi")
