"""MkDocs glue: translates MkDocs events into calls to load, render and search.

Nothing here reads YAML or writes Markdown itself; see ``load`` and ``render``.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from . import disclosure_paths, nav, paths
from .content import Content
from .errors import ContentError
from .feed import atom_feed
from .load import load_content
from .render import render_site
from .search import fold_index_file

log = get_plugin_logger(__name__)


def parse_as_of(value: str | dt.date) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PluginError(f"mkdocs.yml: phuong.as_of: ngày tham chiếu không hợp lệ (tìm thấy: {value!r}; cần: dạng YYYY-MM-DD, ví dụ 2024-12-31)") from None


class PhuongConfig(Config):
    content_dir = config_options.Type(str, default="content")
    # Reference date of the disclosure status, YYYY-MM-DD; empty means today.
    # (YAML reads an unquoted 2024-06-30, as !ENV gives it, as a date.)
    as_of = config_options.Type((str, dt.date), default="")


class PhuongPlugin(BasePlugin[PhuongConfig]):
    """Loads ``content/`` and adds the generated pages to the build, in memory."""

    def __init__(self) -> None:
        self.content: Content | None = None
        self.posts_dir: str | None = None  # real files for the blog plugin's posts

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project_dir = Path(config.config_file_path).resolve().parent
        try:
            self.content = load_content(project_dir / self.config.content_dir, project_dir, parse_as_of(self.config.as_of))
        except ContentError as exc:
            raise PluginError(str(exc)) from None
        config.nav = nav.build(self.content)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.content is not None
        self._clean_posts()
        for page in render_site(self.content):
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            if (existing := files.get_file_from_path(page.path)) is not None:
                files.remove(existing)  # a placeholder in docs/, e.g. the blog's index
            if page.on_disk:
                files.append(File.generated(config, page.path, abs_src_path=self._post_file(page.path, page.markdown),
                                            inclusion=inclusion))
            else:
                files.append(File.generated(config, page.path, content=page.markdown, inclusion=inclusion))
        if self.content.disclosure is not None:
            for item in self.content.disclosure.items:
                if item.attachment:
                    files.append(File.generated(config, item.attachment.site_path, abs_src_path=str(item.attachment.source)))
            files.append(File.generated(config, disclosure_paths.NEWS_FEED, content=atom_feed(self.content, config.site_url)))
        for item in self.content.evidence.values():
            if item.evidence.file:
                source = self.content.root / item.evidence.file
                files.append(File.generated(config, paths.evidence_file(item.id, item.evidence.file),
                                            abs_src_path=str(source)))
        return files

    def _post_file(self, path: str, markdown: str) -> str:
        if self.posts_dir is None:
            self.posts_dir = tempfile.mkdtemp(prefix="phuong-posts-")
        target = Path(self.posts_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
        return str(target)

    def _clean_posts(self) -> None:
        if self.posts_dir is not None:
            shutil.rmtree(self.posts_dir, ignore_errors=True)
            self.posts_dir = None

    def on_shutdown(self) -> None:
        self._clean_posts()

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        assert self.content is not None
        server.watch(str(self.content.root))
        return server

    # After Material's search writes the index (priority 0), before its offline
    # plugin copies it into search_index.js (priority -100).
    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            fold_index_file(index)
