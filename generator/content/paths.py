"""Where each generated page and file lives in the site: one place, used by checks and rendering."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..schema.disclosure import Category, SpecialPage
from ..util.text import slug

HOME = "index.md"
EVIDENCE_REGISTER = "tai-lieu-kiem-chung/index.md"
REPORT_ARCHIVE = "bao-cao/index.md"
FIGURE_CHECKS = "kiem-tra-so-lieu.md"
CITED_DOCUMENTS = "van-ban-dan-chieu.md"

PORTAL = "cong-khai/index.md"
CATALOGUE = "cong-khai/danh-muc-thong-tin.md"
CONDITIONAL_CATALOGUE = "cong-khai/danh-muc-tiep-can-co-dieu-kien.md"
STATUS = "cong-khai/tinh-trang-cong-khai.md"
LEGAL_TEXTS = "cong-khai/van-ban-phap-luat.md"
SATISFACTION = "cong-khai/danh-gia-hai-long.md"
ENGLISH = "cong-khai/english.md"
# The blog plugin's folder (``blog_dir`` in mkdocs.yml); posts sit in its posts/ folder.
NEWS_DIR = "tin-hoat-dong"
NEWS_INDEX = f"{NEWS_DIR}/index.md"
NEWS_FEED = f"{NEWS_DIR}/feed.xml"


def report_page(report_slug: str) -> str:
    return f"bao-cao/{slug(report_slug)}/index.md"


def task_page(report_slug: str, number: int) -> str:
    return f"bao-cao/{slug(report_slug)}/nhiem-vu-{number:02d}.md"


def evidence_page(evidence_id: str) -> str:
    return f"tai-lieu-kiem-chung/{evidence_id}.md"


def evidence_file(evidence_id: str, file: str) -> str:
    return f"tai-lieu-kiem-chung/tep/{evidence_id}/{_file_name(file)}"


def category_page(category: Category) -> str:
    if category.page is SpecialPage.news:
        return NEWS_INDEX
    return f"cong-khai/{category.slug}/index.md"


def item_page(category_slug: str, item_id: str) -> str:
    return f"cong-khai/{category_slug}/{item_id}.md"


def attachment_file(category_slug: str, item_id: str, file: str) -> str:
    return f"cong-khai/{category_slug}/tep/{item_id}/{_file_name(file)}"


def profile_file(file: str) -> str:
    """The unit's map and other files of its profile page."""
    return f"cong-khai/gioi-thieu/tep/{_file_name(file)}"


def access_form_file(file: str) -> str:
    """A request form the clerk supplies, on the access-to-information page."""
    return f"cong-khai/tiep-can-thong-tin/tep/{_file_name(file)}"


def news_post_source(post_slug: str) -> str:
    """Source path of a post: the blog plugin treats files under posts/ as posts."""
    return f"{NEWS_DIR}/posts/{post_slug}.md"


def news_post_page(post_slug: str) -> str:
    """Where the blog plugin puts the post (``post_url_format: "{slug}"`` in mkdocs.yml)."""
    return f"{NEWS_DIR}/{post_slug}.md"


def _file_name(file: str) -> str:
    name = PurePosixPath(file)
    return f"{slug(name.stem)}{name.suffix.lower()}"
