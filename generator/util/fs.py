"""File-system rules shared by loading, importing and building."""

from __future__ import annotations

from pathlib import Path


def inside(path: Path, root: Path) -> bool:
    """True when ``path`` (after following links and '..') stays within ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False
