"""Where each generated page lives in the site: one place, used by renderer and checks."""

from __future__ import annotations

from pathlib import PurePosixPath

from .text import slug

HOME = "index.md"
EVIDENCE_REGISTER = "tai-lieu-kiem-chung/index.md"
REPORT_ARCHIVE = "bao-cao/index.md"
FIGURE_CHECKS = "kiem-tra-so-lieu.md"
CITED_DOCUMENTS = "van-ban-dan-chieu.md"


def report_page(report_slug: str) -> str:
    return f"bao-cao/{slug(report_slug)}/index.md"


def task_page(report_slug: str, number: int) -> str:
    return f"bao-cao/{slug(report_slug)}/nhiem-vu-{number:02d}.md"


def evidence_page(evidence_id: str) -> str:
    return f"tai-lieu-kiem-chung/{evidence_id}.md"


def evidence_file(evidence_id: str, file: str) -> str:
    name = PurePosixPath(file)
    return f"tai-lieu-kiem-chung/tep/{evidence_id}/{slug(name.stem)}{name.suffix.lower()}"


def relative(from_page: str, to_path: str) -> str:
    """A link from one generated page to another, relative so the site works from disk."""
    start = PurePosixPath(from_page).parent
    target = PurePosixPath(to_path)
    up = len(start.parts)
    common = 0
    for a, b in zip(start.parts, target.parts):
        if a != b:
            break
        common += 1
    parts = [".."] * (up - common) + list(target.parts[common:])
    return "/".join(parts)
