"""Long lists split over pages of bounded size, so no page grows with the archive.

Page 1 keeps the list's own address (``tai-lieu-kiem-chung/index.md``); later pages sit
beside it (``tai-lieu-kiem-chung/trang-2.md``, or ``van-ban-dan-chieu-trang-2.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TypeVar

T = TypeVar("T")

ROWS_PER_PAGE = 30  # about 20 KB of table on top of ~15 KB of theme: under 40 KB a page


@dataclass(frozen=True)
class Pager:
    """Where one page sits among the pages of its list."""

    paths: tuple[str, ...]
    index: int

    @property
    def path(self) -> str:
        return self.paths[self.index]

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def count(self) -> int:
        return len(self.paths)

    def title(self, name: str) -> str:
        """'Sổ tài liệu kiểm chứng', then 'Sổ tài liệu kiểm chứng – trang 2', …"""
        return name if self.index == 0 else f"{name} – trang {self.number}"

    @property
    def previous(self) -> str | None:
        return self.paths[self.index - 1] if self.index > 0 else None

    @property
    def next(self) -> str | None:
        return self.paths[self.index + 1] if self.index + 1 < len(self.paths) else None


def page_path(first: str, number: int) -> str:
    if number == 1:
        return first
    path = PurePosixPath(first)
    name = f"trang-{number}.md" if path.stem == "index" else f"{path.stem}-trang-{number}.md"
    return (path.parent / name).as_posix()


def paginate(first: str, items: Sequence[T], per_page: int = ROWS_PER_PAGE) -> list[tuple[Pager, Sequence[T]]]:
    """The pages of a list: always at least one, even for an empty list."""
    chunks = [items[i:i + per_page] for i in range(0, len(items), per_page)] or [items[:0]]
    paths = tuple(page_path(first, n) for n in range(1, len(chunks) + 1))
    return [(Pager(paths, i), chunk) for i, chunk in enumerate(chunks)]
