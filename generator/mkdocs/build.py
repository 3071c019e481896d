"""Run MkDocs in this process, through its own Python API, as ``mkdocs build --strict`` would."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.config_options import Plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError


class MkDocsFailed(Exception):
    """The build stopped; what went wrong was already logged for the reader."""


def build_into(config_file: Path, site_dir: Path, *, env: dict[str, str] | None = None) -> MkDocsConfig:
    """Build the project of ``config_file`` into ``site_dir`` (strict, clean); the config it used."""
    # MkDocs keeps plugins that have startup/shutdown hooks for the next config of the same
    # process (made for 'mkdocs serve'); after our shutdown, Material's blog plugin would
    # reuse a deleted folder. Each build starts with new plugins, as a new process would.
    plugins = MkDocsConfig.plugins
    assert isinstance(plugins, Plugins)
    plugins.plugin_cache.clear()
    with _environment(env or {}), _logging():
        try:
            config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
        except (ConfigurationError, Abort) as exc:
            raise MkDocsFailed(f"mkdocs.yml: {exc}") from None
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        except (Abort, PluginError) as exc:
            raise MkDocsFailed(_vietnamese(str(exc))) from None
        finally:
            config.plugins.on_shutdown()
    return config


def _vietnamese(message: str) -> str:
    """MkDocs' closing line, said in Vietnamese (what went wrong was logged above it)."""
    counted = re.match(r"Aborted with (\d+) warnings? in strict mode", message)
    if counted:
        return f"Dừng vì có {counted.group(1)} cảnh báo ở trên (xây dựng ở chế độ nghiêm ngặt)."
    if message.startswith("Aborted with a BuildError"):
        return "Dừng vì lỗi ở trên."
    return message


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """``!ENV`` values of mkdocs.yml (the reference date) for this build only."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# The plugin logs here; under "mkdocs" so MkDocs counts its warnings in strict mode.
PLUGIN_LOGGER = "mkdocs.plugins.phuong"


class _Formatter(logging.Formatter):
    LABELS = {"ERROR": "LỖI", "WARNING": "CẢNH BÁO", "INFO": "", "DEBUG": ""}

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        label = self.LABELS.get(record.levelname, record.levelname)
        if ": lỗi: " in message or ": cảnh báo: " in message:
            label = ""  # our located problems say their severity themselves
        return f"{label}: {message}" if label else message


@contextmanager
def _logging() -> Iterator[None]:
    """What MkDocs' command line shows (warnings, our content notes), when no one set it up."""
    logger = logging.getLogger("mkdocs")
    if logger.handlers:  # 'mkdocs serve' or a test already shows them
        yield
        return
    handler = logging.StreamHandler()
    handler.setFormatter(_Formatter())
    handler.addFilter(lambda record: record.levelno >= logging.WARNING or record.name.startswith(PLUGIN_LOGGER))
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
