"""Every page of the site, from the content and its analysis, in a stable order."""

from __future__ import annotations

from ..analysis.audit import Audit
from ..content.model import Content
from .checks import render_checks
from .disclosure import render_disclosure
from .env import Page
from .evidence import render_evidence
from .inputs import inputs
from .reports import render_reports


class DuplicatePage(ValueError):
    """Two pages on one address: a bug in the page addresses, never a content problem."""


def render_site(content: Content, found: Audit | None = None) -> list[Page]:
    """Every page; ``found`` is the analysis when the caller already has it."""
    given = inputs(content, found)
    pages = [*render_reports(given), *render_evidence(given), *render_checks(given), *render_disclosure(content)]
    seen: set[str] = set()
    for page in pages:
        if page.path in seen:
            raise DuplicatePage(f"hai trang cùng địa chỉ {page.path}")
        seen.add(page.path)
    return pages
