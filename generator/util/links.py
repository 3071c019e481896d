"""Links between generated pages, relative so the site works from disk and under any sub-path."""

from __future__ import annotations

from mkdocs.utils import get_relative_url


def relative(from_page: str, to_path: str) -> str:
    """The link from one page (its ``src_uri``) to another page or file."""
    return get_relative_url(to_path, from_page)
