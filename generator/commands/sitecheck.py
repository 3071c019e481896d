"""Does an unpacked site work at any address, with nothing loaded from another host?

Pages are parsed with lxml. Every ``href``/``src``/``srcset``/``poster`` that is relative must
open a file of the site; a root-absolute one (``/…``) breaks under a sub-path such as
``phuong4.dongha.quangtri.gov.vn/cong-khai/``; an address on another host is allowed only as a
link a reader clicks (``<a href>``). Styles (``url()``, ``@import``) and scripts may not load
from another host. A script is read with its comments removed; the few addresses the theme
(Material for MkDocs) keeps for features this site does not use are listed in
:data:`THEME_SCRIPT_URLS` with the reason they are never loaded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

URL_ATTRIBUTES = ("href", "src", "poster", "xlink:href", "data", "action")
CLICKED = {"a", "area"}  # links a reader follows: another host is fine there
SAFE_SCHEMES = {"mailto", "tel"}
SEARCH_INDEX = ("search/search_index.js", "search/search_index.json")
# The error page is shown at any address, so a <base> names the site's folder on the server
# (phuong.base_path): the one root-absolute address allowed, its links being relative to it.
ERROR_PAGE = "404.html"
THEME_SCRIPTS = "assets/javascripts/"
THEME_SCRIPT_URLS = {
    "https://unpkg.com/resize-observer-polyfill":
        "Material chỉ tải khi trình duyệt không có ResizeObserver (trình duyệt cũ trước năm 2020)",
    "https://unpkg.com/mermaid@": "chỉ tải khi trang có sơ đồ Mermaid; trang do chương trình tạo không có",
    "https://api.github.com/": "chỉ dùng khi mkdocs.yml có repo_url; trang này không có",
    "https://${": "địa chỉ kho mã GitLab, chỉ dùng khi mkdocs.yml có repo_url; trang này không có",
    "https://bit.ly/2s3ChXG": "chữ trong thông báo lỗi của thư viện tìm kiếm lunr, không được tải",
}
_CSS_URL = re.compile(r"""url\(\s*(["']?)(.*?)\1\s*\)|@import\s+(["'])(.*?)\3""", re.IGNORECASE | re.DOTALL)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_JS_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_JS_LINE_COMMENT = re.compile(r"(?:^|(?<=[\s;{}(),]))//[^\n]*")
_JS_URL = re.compile(r"""https?://[^\s"'`)<>\\]+""")


def check_site(root: Path, files: set[str]) -> list[str]:
    """Every problem of the site unpacked at ``root`` (``files``: its paths), one Vietnamese line each."""
    problems: list[str] = []
    for name in sorted(files):
        path = root / name
        suffix = path.suffix.lower()
        if suffix == ".html":
            problems += _page(root, name, files)
        elif suffix == ".css":
            problems += _style(name, path.read_text("utf-8", "replace"), files)
        elif name in SEARCH_INDEX:
            problems += _search_index(name, path.read_text("utf-8", "replace"), files)
        elif suffix == ".js":
            problems += _script(name, path.read_text("utf-8", "replace"))
    return problems


def _page(root: Path, name: str, files: set[str]) -> list[str]:
    data = (root / name).read_bytes()
    if not data.strip():
        return [f"{name}: trang rỗng"]
    tree = lxml_html.fromstring(data)
    problems = []
    for element in tree.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "base" and name == ERROR_PAGE and (element.get("href") or "").startswith("/"):
            continue
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None and not (attribute == "data" and tag != "object"):
                problems += _reference(name, tag, value, files, clicked=tag in CLICKED and attribute == "href")
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.strip():
                problems += _reference(name, tag, candidate.split()[0], files, clicked=False)
        if element.get("style"):
            problems += _style(name, element.get("style") or "", files, inline=True)
        if tag == "style":
            problems += _style(name, element.text_content(), files, inline=True)
        if tag == "script" and element.get("type") != "application/json":
            problems += _script(name, element.text_content())
        if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            target = (element.get("content") or "").partition("url=")[2]
            if target:
                problems += _reference(name, tag, target.strip(), files, clicked=False)
    return problems


def _reference(page: str, tag: str, value: str, files: set[str], *, clicked: bool) -> list[str]:
    value = value.strip()
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") or value.startswith("//"):
        return [] if clicked else [f"{page}: <{tag}> tải tệp từ máy chủ khác: {value[:100]}"]
    if scheme in SAFE_SCHEMES and clicked:
        return []
    if scheme == "data" and not clicked:
        return []
    if scheme:
        return [f"{page}: <{tag}> dùng địa chỉ kiểu '{scheme}:' không được phép: {value[:100]}"]
    if value.startswith("/"):
        return [f"{page}: <{tag}> có liên kết tuyệt đối '{value[:100]}': hỏng khi trang nằm trong thư mục con của cổng"]
    if not parts.path:
        return []  # '#anchor' or '?query' on the same page
    target = _resolve(page, unquote(parts.path))
    if target is None or not _exists(target, files):
        return [f"{page}: liên kết hỏng tới '{value[:100]}' (trong gói không có tệp {target or value})"]
    return []


def _resolve(page: str, path: str) -> str | None:
    """``path`` seen from ``page``, as a path of the site; None when it leaves the site."""
    parts = page.split("/")[:-1]
    for piece in path.split("/"):
        if piece in ("", "."):
            continue
        if piece == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(piece)
    return "/".join(parts) + ("/" if path.endswith("/") else "")


def _style(name: str, text: str, files: set[str], *, inline: bool = False) -> list[str]:
    problems = []
    for match in _CSS_URL.finditer(_CSS_COMMENT.sub("", text)):
        value = (match.group(2) if match.group(2) is not None else match.group(4) or "").strip()
        if not value or value.startswith(("data:", "#")):
            continue
        where = f"{name} (kiểu trình bày trong trang)" if inline else name
        if re.match(r"(?:https?:)?//", value, re.IGNORECASE):
            problems.append(f"{where}: kiểu trình bày tải tệp từ máy chủ khác: {value[:100]}")
        elif value.startswith("/"):
            problems.append(f"{where}: kiểu trình bày có đường dẫn tuyệt đối '{value[:100]}'")
        elif not inline:
            target = _resolve(name, unquote(urlsplit(value).path))
            if target is None or target not in files:
                problems.append(f"{where}: đường dẫn hỏng trong kiểu trình bày: '{value[:100]}'")
    return problems


def _script(name: str, text: str) -> list[str]:
    code = _JS_LINE_COMMENT.sub("", _JS_BLOCK_COMMENT.sub("", text))
    problems = []
    for url in sorted(set(_JS_URL.findall(code))):
        if name.startswith(THEME_SCRIPTS) and any(url.startswith(known) for known in THEME_SCRIPT_URLS):
            continue
        problems.append(f"{name}: kịch bản (script) tham chiếu máy chủ khác: {url[:100]}")
    return problems


def _search_index(name: str, text: str, files: set[str]) -> list[str]:
    """The search index is data (page texts, where external links are fine); its page addresses must open."""
    start = text.find("{")
    try:
        index = json.loads(text[start:].rstrip().rstrip(";")) if start >= 0 else None
    except json.JSONDecodeError:
        return [f"{name}: chỉ mục tìm kiếm không đọc được"]
    docs = index.get("docs", []) if isinstance(index, dict) else []
    problems = []
    for location in sorted({str(doc.get("location", "")).partition("#")[0] for doc in docs}):
        if location and not _exists(location, files):
            problems.append(f"{name}: kết quả tìm kiếm trỏ tới trang không có trong gói: {location}")
    return problems


def _exists(path: str, files: set[str]) -> bool:
    """A file of the site, or a folder with its index.html (what a web server would answer)."""
    path = path.strip("/")
    return path in files or (f"{path}/index.html" if path else "index.html") in files


def iter_names(root: Path) -> Iterator[str]:
    for path in sorted(root.rglob("*")):
        if path.is_file():
            yield path.relative_to(root).as_posix()
