"""Text helpers: Markdown escaping, ASCII folding, slugs and the one id pattern."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from markupsafe import Markup
from slugify import slugify as _slugify
from text_unidecode import unidecode

# Ids of content files and folders, which become page addresses: ASCII, lower case, '-'.
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ID_RULE = "chữ thường không dấu, chữ số và dấu gạch ngang"

# Exactly the characters Python-Markdown (with the tables extension) and CommonMark
# accept a backslash before; any other backslash would show on the page.
MD_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


class Markdown(Markup):
    """Markdown the generator wrote itself (or already escaped); templates output it as is."""


def md_text(value: object) -> Markdown:
    """A content value as literal Markdown text: it can never add structure, a link or HTML."""
    if isinstance(value, Markup):  # macro output and links are already safe
        return Markdown(value)
    text = " ".join(unicodedata.normalize("NFC", str(value)).split())
    text = MD_PUNCTUATION.sub(r"\\\1", text)
    return Markdown(html.escape(text, quote=False))


def fold(text: str) -> str:
    """Vietnamese without diacritics, as citizens type it: 'Đất đai hồ sơ' -> 'Dat dai ho so'."""
    return str(unidecode(unicodedata.normalize("NFC", text)))


def slug(text: str, separator: str = "-") -> str:
    """ASCII slug that keeps 'đ' as 'd' (Python-Markdown's default drops it)."""
    return _slugify(unicodedata.normalize("NFC", text), separator=separator)


@lru_cache(maxsize=4096)
def heading_slug(value: str, separator: str) -> str:
    """Python-Markdown ``toc`` slugify hook: ASCII heading anchors."""
    # Cached: most headings repeat on every page, and python-slugify is slow
    # (0.4-0.7 s of a 1,000-page build, bench/findings.md).
    return slug(value, separator)


def is_id(text: str) -> bool:
    return ID_PATTERN.fullmatch(text) is not None
