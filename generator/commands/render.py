"""``python -m generator render --out DIR``: write the generated Markdown for inspection."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from ..content.load import load_content
from ..problems import ContentError, format_problems
from ..render.site import render_site


def run(content_dir: Path, project: Path, as_of: dt.date | None, out: Path) -> int:
    try:
        content = load_content(content_dir, project, as_of)
    except ContentError as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return 1
    for page in render_site(content):
        target = out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    print(f"Đã ghi các trang Markdown vào {out}")
    return 0
