"""The news feed (Atom), written at build time from content/news/: no network, no git.

Entry dates come from the posts themselves, so two builds of the same content give
the same feed.
"""

from __future__ import annotations

import datetime as dt
import posixpath

from feedgen.feed import FeedGenerator

from ..content import paths
from ..content.disclosure import NewsEntry
from ..content.model import Content

FEED_LANGUAGE = "vi"


def _moment(date: dt.date) -> dt.datetime:
    # Posts have a date, not a time: midnight in Vietnam (UTC+7).
    return dt.datetime.combine(date, dt.time(), tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _tag(unit_portal: str | None, date: dt.date, name: str) -> str:
    """A stable Atom id (RFC 4151 tag URI) that does not depend on where the site is hosted."""
    authority = unit_portal or "phuong.invalid"
    return f"tag:{authority},{date.isoformat()}:{name}"


def _url(site_url: str | None, page: str) -> str:
    """Link to a page: absolute under ``site_url``, else relative to the feed (the site works from disk)."""
    html = page[: -len(".md")] + ".html"
    if site_url:
        return site_url.rstrip("/") + "/" + html
    return posixpath.relpath(html, posixpath.dirname(paths.NEWS_FEED))


def atom_feed(content: Content, site_url: str | None = None) -> bytes:
    disclosure = content.disclosure
    assert disclosure is not None
    unit = content.unit
    news: tuple[NewsEntry, ...] = disclosure.news
    first = news[-1].date if news else disclosure.as_of
    fg = FeedGenerator()
    fg.id(_tag(unit.portal, first, paths.NEWS_DIR))
    fg.title(f"Tin hoạt động – {unit.name}")
    fg.author({"name": unit.name})
    fg.link(href=_url(site_url, paths.NEWS_INDEX), rel="alternate")
    fg.language(FEED_LANGUAGE)
    fg.updated(_moment(news[0].date if news else disclosure.as_of))
    for post in reversed(news):  # feedgen puts the last added entry first
        entry = fg.add_entry()
        entry.id(_tag(unit.portal, post.date, post.slug))
        entry.title(post.post.title)
        entry.link(href=_url(site_url, paths.news_post_page(post.slug)), rel="alternate")
        entry.published(_moment(post.date))
        entry.updated(_moment(post.date))
        entry.summary(post.post.summary or post.post.body[0])
    fg.generator("phuong-site")
    feed: bytes = fg.atom_str(pretty=True)
    return feed
