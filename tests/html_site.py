"""Reading a built site the way a browser opened from disk would."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

TASK_DIR = "bao-cao/2024-cam-ket-par-index-sipas-papi"


def parse(path: Path):
    return lxml_html.fromstring(path.read_bytes())


def article_text(path: Path) -> str:
    """The page's main text, whitespace folded (what a reader sees, without nav or footer)."""
    article = parse(path).cssselect("article.md-content__inner")[0]
    return " ".join(article.text_content().split())


def local_target(page: Path, href: str) -> Path | None:
    """The file a relative link opens from disk, or None for external, mailto or same-page links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return (page.parent / unquote(parts.path)).resolve()


def links(page: Path, scope: str = "article.md-content__inner") -> list[Path]:
    root = parse(page)
    nodes = root.cssselect(scope) if scope else [root]
    found = []
    for node in nodes:
        for a in node.iter("a"):
            target = local_target(page, a.get("href", ""))
            if target is not None:
                found.append(target)
    return found
