"""The search index as the site's own search worker reads it (docs/assets/javascripts/search-worker.js).

Material writes ``search/search_index.json``: one entry per page and one per section, with
HTML in the text. We rewrite it once per build:

- title and text become plain text in NFC (blocks separated by a line break, so a phrase never
  runs from one paragraph into the next), which the worker folds itself ('ngân sách' and
  'ngan sach' alike) and shows without any markup from the page;
- each page's entry gets its **place** (which report and year, which category), shown under
  the title in the results, so "Nhiệm vụ 9" is never a result without context;
- and the **synonyms** citizens use where the legal name differs ("liên hệ" for "Địa chỉ, số
  điện thoại"), configured in mkdocs.yml (``phuong.search_synonyms``), never in the script.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..content import paths
from ..content.model import Content

# Block-level tags end a line of the plain text; any other tag is dropped.
_BLOCK = re.compile(r"</?(?:p|li|ul|ol|tr|td|th|table|thead|tbody|h[1-6]|div|br|dd|dt|dl|blockquote)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_LINES = re.compile(r"\s*\n\s*")


def plain(value: str) -> str:
    """Text a reader sees, from the HTML Material indexed: NFC, one line per block."""
    text = _TAG.sub("", _BLOCK.sub("\n", value))
    text = unicodedata.normalize("NFC", html.unescape(text))
    return _LINES.sub("\n", _SPACES.sub(" ", text)).strip()


def places(content: Content) -> dict[str, str]:
    """Where each page belongs, by its source path: "Báo cáo năm 2024", "Công khai thông tin › Tuyển dụng" …"""
    found: dict[str, str] = {paths.HOME: "Trang chủ"}
    for entry in content.reports:
        report = entry.report
        name = f"{report.doc_type.capitalize()} năm {report.year}"
        if (predecessor := content.by_predecessor(entry)) is not None:
            name += f" ({predecessor})"
        found[paths.report_page(entry.slug)] = f"Các báo cáo › {name}"
        for task in entry.tasks:
            found[paths.task_page(entry.slug, task.number)] = f"{name} › phụ lục"
    for evidence_id in content.evidence:
        found[paths.evidence_page(evidence_id)] = "Sổ tài liệu kiểm chứng"
    for page in (paths.REPORT_ARCHIVE, paths.EVIDENCE_REGISTER, paths.FIGURE_CHECKS, paths.CITED_DOCUMENTS):
        found[page] = "Tra cứu báo cáo"
    disclosure = content.disclosure
    if disclosure is not None:
        portal = "Công khai thông tin"
        for page in (paths.PORTAL, paths.CATALOGUE, paths.STATUS):
            found[page] = portal
        for category in disclosure.categories:
            found[paths.category_page(category)] = f"{portal} › chuyên mục"
        for item in disclosure.items:
            found[paths.item_page(item.item.category, item.id)] = \
                f"{portal} › {disclosure.category(item.item.category).title}"
        for post in disclosure.news:
            found[paths.news_post_source(post.slug)] = f"Tin hoạt động › {post.date.strftime('%d/%m/%Y')}"
    return found


def enrich_index(data: dict[str, Any], place: Mapping[str, str],
                 synonyms: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """``place`` and ``synonyms`` are keyed by page address as in the index (``cong-khai/index.html``)."""
    seen: set[str] = set()
    for doc in data.get("docs", []):
        doc.pop("title_folded", None)
        doc.pop("text_folded", None)
        doc["title"] = plain(doc.get("title", ""))
        doc["text"] = plain(doc.get("text", ""))
        page = doc.get("location", "").split("#")[0]
        if page in seen:
            continue
        seen.add(page)  # the first entry of a page is the page itself
        if page in place:
            doc["place"] = place[page]
        if synonyms.get(page):
            doc["synonyms"] = [unicodedata.normalize("NFC", s) for s in synonyms[page]]
    # Material's lunr settings (fields, pipeline) are not read by our worker.
    data.setdefault("config", {}).pop("fields", None)
    return data


def enrich_index_file(path: Path, place: Mapping[str, str], synonyms: Mapping[str, Sequence[str]]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(enrich_index(data, place, synonyms), ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
