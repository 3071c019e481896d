"""MkDocs glue: translates MkDocs events into calls to load, analyse, render and search.

Nothing here reads YAML or writes Markdown itself; see ``content`` and ``render``.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from ..analysis import status
from ..analysis.audit import Audit, audit
from ..content import paths
from ..content.load import load_content
from ..content.model import Content
from ..problems import ContentError, Problem, Severity, format_problems
from ..render.env import Page
from ..render.site import render_site
from ..schema.disclosure import SpecialPage
from ..util.vn import DateError, parse_vn_date
from . import nav
from .build import PLUGIN_LOGGER
from .feed import atom_feed
from .pagehtml import finish
from .search import enrich_index_file, places

# Not get_plugin_logger(): its "generator: " prefix would stand before every Vietnamese message.
log = logging.getLogger(PLUGIN_LOGGER)

# Folders of the pages built only from a disclosure section (content/disclosure/).
DISCLOSURE_DIRS = (paths.PORTAL.rpartition("/")[0] + "/", paths.NEWS_DIR + "/")


def parse_as_of(value: str | dt.date) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    try:
        return parse_vn_date(value, iso=True)
    except DateError:
        raise PluginError(f"mkdocs.yml: phuong.as_of: ngày tham chiếu không hợp lệ (tìm thấy: {value!r}; "
                          "cần: dạng 31/12/2024 hoặc 2024-12-31)") from None


class PhuongConfig(Config):
    content_dir = config_options.Type(str, default="content")
    # Reference date of the disclosure status (31/12/2024 or 2024-12-31); empty means today.
    # (YAML reads an unquoted 2024-06-30, as !ENV gives it, as a date.)
    as_of = config_options.Type((str, dt.date), default="")
    # Content warnings (a figure that does not add up, a citation in the wrong form) are
    # shown on every build; with strict_content they are warnings MkDocs' --strict fails on.
    strict_content = config_options.Type(bool, default=False)
    # Where the folder is served, e.g. /cong-khai/ (empty: the path of site_url, else /). Every
    # page links relatively and works anywhere; only the 404 page, which a server shows at any
    # depth, needs it. The public address itself is MkDocs' site_url (sitemap, feed, canonical).
    base_path = config_options.Type(str, default="")
    # Words citizens search for where the legal names differ, by page: {page address: [words]}.
    search_synonyms = config_options.Type(dict, default={})


def base_path(configured: str, site_url: str | None) -> str:
    """The folder's path on its server: '/', '/cong-khai/' (always with both slashes)."""
    from_url = urlsplit(site_url).path if site_url else ""
    path = configured or from_url or "/"
    if not path.startswith("/") or "//" in path or any(c in path for c in "?#\"'<> "):
        raise PluginError(f"mkdocs.yml: phuong.base_path: đường dẫn không hợp lệ (tìm thấy: {configured!r}; "
                          "cần: dạng /cong-khai/)")
    path = path if path.endswith("/") else path + "/"
    if configured and from_url and path != (from_url if from_url.endswith("/") else from_url + "/"):
        raise PluginError(f"mkdocs.yml: phuong.base_path ({configured}) khác đường dẫn của site_url ({site_url}); "
                          "chỉ cần khai báo một trong hai")
    return path


def main_links(content: Content) -> list[dict[str, str]]:
    """The main sections (footer, 404 page): title and address in the site."""
    found = [("Trang chủ", paths.HOME)]
    if content.latest is not None:
        found.append((f"Báo cáo năm {content.latest.report.year}", paths.report_page(content.latest.slug)))
    disclosure = content.disclosure
    if disclosure is not None:
        found.append(("Công khai thông tin", paths.PORTAL))
        found.append(("Danh mục thông tin phải được công khai", paths.CATALOGUE))
        for page, title in ((SpecialPage.contact, "Liên hệ"), (SpecialPage.news, "Tin hoạt động")):
            category = disclosure.special(page)
            if category is not None:
                found.append((title, paths.category_page(category)))
    found += [("Các báo cáo", paths.REPORT_ARCHIVE), ("Sổ tài liệu kiểm chứng", paths.EVIDENCE_REGISTER)]
    return [{"title": title, "url": path[: -len(".md")] + ".html"} for title, path in found]


class PhuongPlugin(BasePlugin[PhuongConfig]):
    """Loads ``content/`` and adds the generated pages to the build, in memory."""

    def __init__(self) -> None:
        self.content: Content | None = None
        self.audit: Audit | None = None
        self.posts_dir: Path | None = None  # real files for the blog plugin's posts
        self.urls: dict[str, str] = {}  # page source path -> its address in the site

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project_dir = Path(config.config_file_path).resolve().parent
        try:
            content = load_content(project_dir / self.config.content_dir, project_dir,
                                   parse_as_of(self.config.as_of))  # type: ignore[arg-type]  # typed by Type()
        except ContentError as exc:
            raise PluginError(str(exc)) from None
        self.content, self.audit = content, audit(content)
        if self.audit.failed:  # a figure that does not add up is not published unless acknowledged
            raise PluginError(format_problems(self.audit.problems))
        self._show([*content.warnings, *self.audit.problems, *status.problems(content, strict=False)])
        config.nav = nav.build(content)
        # What the theme shows of the unit (header, footer); blanks are said so, never filled in.
        unit = content.unit
        config.extra["phuong"] = {
            "name": unit.name, "short_name": unit.short_name, "superior": unit.superior,
            "city": unit.city, "province": unit.province, "address": unit.address, "phone": unit.phone,
            "email": unit.email, "responsible": unit.responsible, "portal": unit.portal,
            "base_path": base_path(self.config.base_path, config.site_url),
            "address_known": bool(self.config.base_path or config.site_url),  # the 404 page is right only then
            "links": main_links(content),
        }
        return config

    def _show(self, problems: list[Problem]) -> None:
        level = logging.WARNING if self.config.strict_content else logging.INFO
        for problem in problems:
            log.log(logging.ERROR if problem.severity is Severity.error else level, str(problem))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.content is not None
        self._clean_posts()
        for page in render_site(self.content, self.audit):
            if (existing := files.get_file_from_path(page.path)) is not None:
                files.remove(existing)  # a placeholder in docs/, e.g. the blog's index
            files.append(self._file(page, config))
        for attachment in self._attachments():
            files.append(File.generated(config, attachment[0], abs_src_path=attachment[1]))
        if self.content.disclosure is not None:
            files.append(File.generated(config, paths.NEWS_FEED, content=atom_feed(self.content, config.site_url)))
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # Final addresses, after every plugin's on_files (the blog plugin moves its posts).
        self.urls = {f.src_uri: f.url for f in files.documentation_pages()}
        unknown = sorted(set(self.config.search_synonyms) - set(self.urls))
        if self.content is not None and self.content.disclosure is None:
            # Without a disclosure section the site has no such pages: their synonyms wait for it.
            unknown = [page for page in unknown if not page.startswith(DISCLOSURE_DIRS)]
        if unknown:
            log.warning("mkdocs.yml: phuong.search_synonyms: không có trang %s (cần: địa chỉ một trang của "
                        "trang web, ví dụ cong-khai/tuyen-dung/index.md)", ", ".join(unknown))
        return env

    def on_page_content(self, html: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        return finish(html)

    def on_template_context(self, context: TemplateContext, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext:
        # The 404 page is shown at any address of the site: its links are relative to the
        # site's folder, which the page names in a <base> element (theme_overrides/404.html).
        if template_name == "404.html":
            context["base_url"] = "."
        return context

    def _file(self, page: Page, config: MkDocsConfig) -> File:
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        if page.on_disk:
            return File.generated(config, page.path, abs_src_path=self._post_file(page.path, page.markdown),
                                  inclusion=inclusion)
        return File.generated(config, page.path, content=page.markdown, inclusion=inclusion)

    def _attachments(self) -> list[tuple[str, str]]:
        """(place in the site, source file) of every checked attachment."""
        assert self.content is not None
        found = [item.attachment for item in self.content.evidence.values()]
        if self.content.disclosure is not None:
            found += self.content.disclosure.attachments()
        return [(a.site_path, str(a.source)) for a in found if a is not None]

    def _post_file(self, path: str, markdown: str) -> str:
        if self.posts_dir is None:
            self.posts_dir = Path(tempfile.mkdtemp(prefix="phuong-posts-"))
        target = self.posts_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
        return str(target)

    def _clean_posts(self) -> None:
        if self.posts_dir is not None:
            shutil.rmtree(self.posts_dir, ignore_errors=True)
            self.posts_dir = None

    def on_shutdown(self) -> None:
        self._clean_posts()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        assert self.content is not None
        server.watch(str(self.content.root))
        return server

    # After Material's search writes the index (priority 0), before its offline
    # plugin copies it into search_index.js (priority -100).
    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            assert self.content is not None
            place = {self.urls[src]: name for src, name in places(self.content).items() if src in self.urls}
            synonyms = {self.urls[src]: words for src, words in self.config.search_synonyms.items()
                        if src in self.urls}
            enrich_index_file(index, place, synonyms)
