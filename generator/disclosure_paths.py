"""Where each page of the disclosure portal lives in the site (see ``paths`` for the rest)."""

from __future__ import annotations

from pathlib import PurePosixPath

from .schema_disclosure import Category, SpecialPage
from .text import slug

PORTAL = "cong-khai/index.md"
CATALOGUE = "cong-khai/danh-muc-thong-tin.md"
STATUS = "cong-khai/tinh-trang-cong-khai.md"
# The blog plugin's folder (``blog_dir`` in mkdocs.yml); posts sit in its posts/ folder.
NEWS_DIR = "tin-hoat-dong"
NEWS_INDEX = f"{NEWS_DIR}/index.md"
NEWS_FEED = f"{NEWS_DIR}/feed.xml"


def category_page(category: Category) -> str:
    if category.page is SpecialPage.news:
        return NEWS_INDEX
    return f"cong-khai/{category.slug}/index.md"


def item_page(category_slug: str, item_id: str) -> str:
    return f"cong-khai/{category_slug}/{item_id}.md"


def attachment_file(category_slug: str, item_id: str, file: str) -> str:
    name = PurePosixPath(file)
    return f"cong-khai/{category_slug}/tep/{item_id}/{slug(name.stem)}{name.suffix.lower()}"


def news_post_source(post_slug: str) -> str:
    """Source path of a post: the blog plugin treats files under posts/ as posts."""
    return f"{NEWS_DIR}/posts/{post_slug}.md"


def news_post_page(post_slug: str) -> str:
    """Where the blog plugin puts the post (``post_url_format: "{slug}"`` in mkdocs.yml)."""
    return f"{NEWS_DIR}/{post_slug}.md"
