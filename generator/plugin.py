"""MkDocs glue: translates MkDocs events into calls to load, render and search.

Nothing here reads YAML or writes Markdown itself; see ``load`` and ``render``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from . import nav, paths
from .content import Content
from .errors import ContentError
from .load import load_content
from .render import render_site
from .search import fold_index_file

log = get_plugin_logger(__name__)


class PhuongConfig(Config):
    content_dir = config_options.Type(str, default="content")


class PhuongPlugin(BasePlugin[PhuongConfig]):
    """Loads ``content/`` and adds the generated pages to the build, in memory."""

    def __init__(self) -> None:
        self.content: Content | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project_dir = Path(config.config_file_path).resolve().parent
        try:
            self.content = load_content(project_dir / self.config.content_dir, project_dir)
        except ContentError as exc:
            raise PluginError(str(exc)) from None
        config.nav = nav.build(self.content)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.content is not None
        for page in render_site(self.content):
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.path, content=page.markdown, inclusion=inclusion))
        for item in self.content.evidence.values():
            if item.evidence.file:
                source = self.content.root / item.evidence.file
                files.append(File.generated(config, paths.evidence_file(item.id, item.evidence.file),
                                            abs_src_path=str(source)))
        return files

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
