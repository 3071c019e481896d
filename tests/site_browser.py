"""What the browser tests of the built site share (tests/test_site_browser_*.py).

- Fixture sites, built once per test session from ``tests/fixtures`` (never the live content):
  the 2024 report with the portal fixture, its unit given a superior body as unit.yaml now
  allows; the same built for the sub-path ``/cong-khai/``; and one whose unit has every contact.
- Python's ``http.server`` in a thread on 127.0.0.1, serving a build at the domain root or under
  ``/cong-khai/``, answering unknown addresses with the site's own 404 page (as the ward
  portal's server would).
- axe-core (pinned, vendored in tests/vendor/, injected into the page under test only), and
  the measurements the tests assert on. Screenshots go to a temporary folder, for review only.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import tempfile
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from conftest import PORTAL_AS_OF, build, edit, make_project

VENDOR = Path(__file__).resolve().parent / "vendor"
AXE = VENDOR / "axe.min.js"          # axe-core 4.11.4 (npm), MPL-2.0: see vendor/README.md
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SUBPATH = "/cong-khai/"
SITE_URL = "https://phuong4.example.invalid/cong-khai/"

REPORT = "bao-cao/2024-cam-ket-par-index-sipas-papi"
# One page of every type the site has, by name.
PAGE_TYPES = {
    "home": "index.html",
    "report": f"{REPORT}/index.html",
    "task": f"{REPORT}/nhiem-vu-09.html",
    "evidence": "tai-lieu-kiem-chung/bc-462-ubnd-2024.html",
    "register": "tai-lieu-kiem-chung/index.html",
    "archive": "bao-cao/index.html",
    "figure-checks": "kiem-tra-so-lieu.html",
    "citation-register": "van-ban-dan-chieu.html",
    "portal": "cong-khai/index.html",
    "catalogue": "cong-khai/danh-muc-thong-tin.html",
    "status": "cong-khai/tinh-trang-cong-khai.html",
    "category": "cong-khai/tuyen-dung/index.html",
    "item": "cong-khai/tuyen-dung/tb-15-ubnd-2024.html",
    "contact": "cong-khai/dia-chi-so-dien-thoai/index.html",
    "access": "cong-khai/tiep-can-thong-tin/index.html",
    "organisation": "cong-khai/co-cau-to-chuc/index.html",
    "news-index": "tin-hoat-dong/index.html",
    "news-post": "tin-hoat-dong/hop-giao-ban-thang-5.html",
    "404": "404.html",
}

SUPERIOR = "UBND thành phố Đông Hà"  # the fixture unit's superior body, as the report's recipients name it
FULL_UNIT = {
    "address": "Số 1 đường Thử Nghiệm, phường 4, thành phố Đông Hà",
    "phone": "0233 3000 000",
    "email": "phuong4@example.invalid",
    "responsible": "Nguyễn Văn Thử, Phó Chủ tịch UBND phường",
}

SCREENSHOTS = Path(tempfile.mkdtemp(prefix="phuong-screenshots-"))


# --- fixture sites -------------------------------------------------------------------------

def _with_superior(project: Path) -> None:
    edit(project, "content/unit.yaml", "short_name: UBND phường 4\n",
         f"short_name: UBND phường 4\nsuperior: {SUPERIOR}\n")


@functools.cache
def _site(variant: str, base: Path) -> Path:
    project = make_project(base / variant / "project", "content-2024", "portal")
    _with_superior(project)
    if variant == "subpath":
        edit(project, "mkdocs.yml", 'base_path: !ENV [PHUONG_BASE_PATH, ""]', f"base_path: {SUBPATH}")
    if variant == "site-url":
        edit(project, "mkdocs.yml", 'site_url: !ENV [PHUONG_SITE_URL, ""]', f"site_url: {SITE_URL}")
    if variant == "full-unit":
        for field in ("address", "phone", "email"):
            edit(project, "content/unit.yaml", f"{field}:\n", f"{field}: {FULL_UNIT[field]}\n")
        with (project / "content/unit.yaml").open("a", encoding="utf-8") as unit:
            unit.write(f"responsible: {FULL_UNIT['responsible']}\n")
    return build(project, base / variant / "site", PORTAL_AS_OF)


def fixture_site(tmp_path_factory, variant: str = "root") -> Path:
    """A built fixture site: "root" (served at /, opened from disk), "subpath" (built for
    /cong-khai/), "site-url" (its public address known), "full-unit" (every contact of the unit
    given). Built once per session."""
    return _site(variant, Path(tmp_path_factory.getbasetemp()) / "site-browser")


# --- serving -------------------------------------------------------------------------------

def _handler(root: Path, prefix: str) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            super().__init__(*args, directory=str(root), **kwargs)

        def translate_path(self, path: str) -> str:
            parts = urlsplit(path)
            if not parts.path.startswith(prefix):
                return str(root / "__outside__")
            return super().translate_path("/" + parts.path[len(prefix):])

        def send_error(self, code, message=None, explain=None):  # type: ignore[no-untyped-def]
            page = root / "404.html"
            if code != 404 or not page.is_file():
                return super().send_error(code, message, explain)
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def log_message(self, format, *args):  # type: ignore[no-untyped-def]  # quiet
            pass

    return Handler


@contextmanager
def serve(site: Path, prefix: str = "/") -> Iterator[str]:
    """Serve ``site`` at ``prefix`` on 127.0.0.1; yield the site's address (ending in '/')."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(site, prefix))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# --- the browser ---------------------------------------------------------------------------

@dataclass
class Requests:
    """Every request a page made, to check that none went to another host."""

    origin: str
    seen: list[str]

    def foreign(self) -> list[str]:
        allowed = ("data:", "blob:", "about:", "file:") if self.origin == "file://" else ("data:", "blob:", "about:")
        return [u for u in self.seen if not u.startswith(allowed) and not u.startswith(self.origin)]


def record_requests(page, origin: str) -> Requests:
    log = Requests(origin, [])
    page.context.on("request", lambda request: log.seen.append(request.url))
    return log


def origin_of(address: str) -> str:
    parts = urlsplit(address)
    return "file://" if parts.scheme == "file" else f"{parts.scheme}://{parts.netloc}/"


def open_page(page, address: str) -> None:
    page.goto(address)
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)  # Material mounts its components after load


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the loaded page (id, impact, nodes)."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async tags => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.map(n => n.target.join(' ') + ' | '
                                    + n.failureSummary.split('\\n').slice(0, 2).join(' '))}));
    }""", AXE_TAGS)
    return list(found)


def screenshot(page, name: str, *, full_page: bool = False) -> Path:
    path = SCREENSHOTS / f"{re.sub(r'[^a-zA-Z0-9.-]+', '_', name)}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def save_json(name: str, data: object) -> Path:
    path = SCREENSHOTS / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


# Where keyboard focus is, and whether a reader can see it there.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  let hiddenBy = null;
  for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
    const cs = getComputedStyle(n);
    if (cs.display === 'none' || cs.visibility === 'hidden' || parseFloat(cs.opacity) < 0.1) {
      hiddenBy = n.tagName + '.' + n.className; break; }
  }
  const r = el.getBoundingClientRect();
  const vw = document.documentElement.clientWidth, vh = window.innerHeight;
  const cs = getComputedStyle(el);
  const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2)
               || (cs.boxShadow && cs.boxShadow !== 'none');
  return {name: el.tagName + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '')
                + ' «' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40) + '»',
          hiddenBy, onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < vw && r.top < vh,
          ring, inClosedDrawer: !!el.closest('.md-sidebar--primary') && !document.getElementById('__drawer').checked
                                && matchMedia('(max-width: 76.234375em)').matches};
}"""

# Interactive things outside running text that are smaller than 24 x 24 px (WCAG 2.5.8's
# inline exception: a link inside a sentence may be as small as its line).
SMALL_TARGETS = r"""() => {
  const blockOf = el => { for (let n = el.parentElement; n; n = n.parentElement) {
      const d = getComputedStyle(n).display;
      if (!d.startsWith('inline') && d !== 'contents') return n; }
    return document.body; };
  const shown = el => { for (let n = el; n && n.nodeType === 1; n = n.parentElement) { const cs = getComputedStyle(n);
      if (cs.display === 'none' || cs.visibility === 'hidden' || parseFloat(cs.opacity) === 0) return false; }
      const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const small = [];
  const targets = 'a[href], button, input, select, textarea, summary, label[for], [tabindex="0"]';
  for (const el of document.querySelectorAll(targets)) {
    if (el.matches('input.md-toggle, input.md-option, input[type=hidden]') || !shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width >= 23.5 && r.height >= 23.5) continue;
    const rest = blockOf(el).textContent.replace(el.textContent, '').replace(/[\s.,;:·()\-–—|/→←]+/g, '');
    if (/\p{L}{2,}/u.test(rest)) continue;   // inside a sentence
    small.push(el.tagName + ' «' + (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)
               + '» ' + Math.round(r.width) + '×' + Math.round(r.height));
  }
  return small;
}"""

# Numbers ('7.159.635.648', '125,95%', '07/6/2024') drawn over two lines.
BROKEN_NUMBERS = r"""() => {
  const found = [];
  const walker = document.createTreeWalker(document.querySelector('article') || document.body, NodeFilter.SHOW_TEXT);
  const pattern = /\d+(?:[.,]\d+)+%?|\d{1,2}\/\d{1,2}\/\d{4}|\d+%/g;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('svg, script, style')) continue;
    for (const m of node.data.matchAll(pattern)) {
      const range = document.createRange();
      range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) found.push(m[0]);
    }
  }
  return found;
}"""


# --- PDF -----------------------------------------------------------------------------------

def pdf_pages(data: bytes) -> list[int]:
    """For each page of a PDF from Chromium (Skia), the number of text-drawing operators on it.

    Enough to count pages and to tell a blank page (no text drawn) without a PDF library.
    """
    starts = {int(m.group(1)): m.start() for m in re.finditer(rb"(?m)^(\d+) 0 obj", data)}

    def body(number: int) -> bytes:
        start = starts[number]
        return data[start:data.index(b"endobj", start)]

    pages = []
    for number in sorted(starts):
        text = body(number)
        if not re.search(rb"/Type\s*/Page(?![s\w])", text):
            continue
        refs = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+ 0 R)", text)
        drawn = 0
        for ref in re.findall(rb"(\d+) 0 R", refs.group(1)) if refs else []:
            stream = body(int(ref))
            opened = re.search(rb"stream\r?\n", stream)
            raw = stream[opened.end():stream.rindex(b"endstream")] if opened else b""
            try:
                raw = zlib.decompress(raw)
            except zlib.error:
                pass
            drawn += len(re.findall(rb"T[jJ]\b", raw))
        pages.append(drawn)
    return pages
