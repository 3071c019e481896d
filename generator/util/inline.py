"""The small, safe Markdown subset allowed inside paragraphs: bold, italic, web links.

Paragraphs imported from Word keep their **bold**, *italic* and [links](https://…).
Everything else in a paragraph stays literal text, escaped exactly as ``text.md_text``
does: no raw HTML, no images, and only ``http(s)`` links (a ``javascript:`` target
never matches, so it is shown as plain text). ``\\*``, ``\\[``, ``\\]`` and ``\\\\``
keep the character itself.
"""

from __future__ import annotations

import html
import re
import unicodedata

from .text import MD_PUNCTUATION, Markdown

_TOKEN = re.compile(
    r"\\(?P<esc>[\\*\[\]])"
    r"|\*\*(?P<bold>\*?[^\s*](?:.*?[^\s*])??\*?)\*\*(?!\*)"
    r"|\*(?P<em>[^\s*](?:[^*]*?[^\s*])??)\*"
    r"|\[(?P<label>[^\[\]]+)\]\((?P<url>https?://[^\s<>\"'()]+)\)"
)


def _literal(text: str) -> str:
    # Like md_text, but keeps the spaces around a piece (they separate it from bold/links).
    return html.escape(MD_PUNCTUATION.sub(r"\\\1", text), quote=False)


def _render(text: str) -> str:
    out: list[str] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        out.append(_literal(text[pos:match.start()]))
        if match["esc"] is not None:
            out.append(_literal(match["esc"]))
        elif match["bold"] is not None:
            out.append(f"**{_render(match['bold'])}**")
        elif match["em"] is not None:
            out.append(f"*{_render(match['em'])}*")
        else:
            out.append(f"[{_render(match['label'])}](<{match['url']}>)")
        pos = match.end()
    out.append(_literal(text[pos:]))
    return "".join(out)


def fragment(text: str) -> str:
    """Part of a paragraph (spaces at its ends kept), rendered like ``md_inline``."""
    return _render(text)


def md_inline(value: object) -> Markdown:
    """A paragraph as Markdown: the allowed formatting kept, everything else literal."""
    text = " ".join(unicodedata.normalize("NFC", str(value)).split())
    return Markdown(_render(text))


def plain(value: str) -> str:
    """The paragraph's words without formatting marks (for one-line summaries and search)."""
    def words(match: re.Match[str]) -> str:
        for name in ("esc", "bold", "em", "label"):
            if match[name] is not None:
                return match[name] if name == "esc" else plain(match[name])
        return ""
    return _TOKEN.sub(words, value)


def escape(text: str) -> str:
    """Literal text made safe to store in a paragraph (the importer's inverse of ``plain``)."""
    return re.sub(r"([\\*\[\]])", r"\\\1", text)
