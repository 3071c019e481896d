"""The bad-input corpus ("Safe in a clerk's hands"): what a ward clerk may feed the generator,
and the exact outcome of each.

Every case is a row of a table: a setup that spoils (or oddly shapes) a copy of the 2024
fixture project with the portal items, and the outcome. Either refused: exit status 1, the
exact Vietnamese lines on stderr, content/ and the site/ built before byte-for-byte
unchanged (for content, ``check`` and ``build`` both refuse, with the same lines); or
accepted: exit status 0 and what should be published is. Never a Python traceback.

One site is built per session and copied into each case's project. Checks and builds run
in this process (``generator.cli.main``) except where the process itself is the subject (a
kill, a lock held by another process, a crash that would take the test run with it).

A case that shows a bug is marked ``xfail(strict=True)``: the row states what should
happen, the mark's reason what happens instead.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import FIXTURES, REPORT_DIR, REPORT_SLUG, TASKS, Cli, Run, build, edit, make_project, run_generator
from html_site import parse

from generator.commands.build import LOCK, STAMP

HERE = FIXTURES / "bad-input"
UNIT = "content/unit.yaml"
REPORT = f"{REPORT_DIR}/report.yaml"
TASK3 = f"{TASKS}/nhiem-vu-03.yaml"
TASK9 = f"{TASKS}/nhiem-vu-09.yaml"
TASK12 = f"{TASKS}/nhiem-vu-12.yaml"
TASK12_PAGE = f"bao-cao/{REPORT_SLUG}/nhiem-vu-12.html"
EVIDENCE = "content/evidence/kh-124-ubnd-2024.yaml"  # 5 lines: a field appended is on line 6
EVIDENCE_PAGE = "tai-lieu-kiem-chung/kh-124-ubnd-2024.html"
ITEM = "content/disclosure/items/kq-30-ubnd-2024.yaml"  # 9 lines, no attachment: one appended is on line 10
ITEM_PAGE = "cong-khai/tuyen-dung/kq-30-ubnd-2024.html"
NEWS = "content/news/ra-quan-ve-sinh.yaml"
CATEGORIES = "content/disclosure/categories.yaml"
NEW_EVIDENCE = "content/evidence/bien-ban-ban-giao.yaml"  # cited by no task: only the file is in question
NEW_REPORT = "content/reports/2025-bao-cao-cam-ket"

BUILT = "Đã xây dựng trang vào site. Mở site/index.html để xem."
STOPPED = "Dừng vì lỗi ở trên."
KEPT = "Xây dựng trang thất bại; thư mục site/ cũ được giữ nguyên."
ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}  # as conftest.run_generator runs the program

Setup = Callable[[Path], object]  # what a setup returns, if a dict, fills the {names} of the expected lines
Published = Callable[[Path], None]  # checks on the built site/


NOT_CREATED = "Chưa tạo tệp nào."


def summary(errors: int) -> str:
    return f"Tìm thấy {errors} lỗi trong nội dung. Hãy sửa các chỗ trên rồi chạy lại."


# --- setups: small verbs that spoil a project -------------------------------------------------

def replace(relative: str, old: str, new: str) -> Setup:
    return lambda project: edit(project, relative, old, new)


def put(relative: str, data: str | bytes) -> Setup:
    """Write a file (text as UTF-8), creating its folders; ``relative`` may climb out with '..'."""
    def setup(project: Path) -> None:
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return setup


def append(relative: str, text: str) -> Setup:
    def setup(project: Path) -> None:
        with (project / relative).open("a", encoding="utf-8") as out:
            out.write(text)
    return setup


def copy_in(fixture: str, relative: str) -> Setup:
    """A file of tests/fixtures/bad-input/ placed in the project."""
    def setup(project: Path) -> None:
        (project / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(HERE / fixture, project / relative)
    return setup


def duplicate(relative: str, new_relative: str) -> Setup:
    """A copy of a project file or folder under another name."""
    def setup(project: Path) -> None:
        source, target = project / relative, project / new_relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy(source, target)
    return setup


def move(relative: str, new_relative: str) -> Setup:
    def setup(project: Path) -> None:
        (project / new_relative).parent.mkdir(parents=True, exist_ok=True)
        (project / relative).rename(project / new_relative)
    return setup


def mkdir(relative: str) -> Setup:
    return lambda project: (project / relative).mkdir(parents=True)


def reencode(relative: str, encoding: str) -> Setup:
    """Save a content file in another encoding, as an old editor would."""
    def setup(project: Path) -> None:
        path = project / relative
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    return setup


def transform(relative: str, change: Callable[[bytes], bytes]) -> Setup:
    def setup(project: Path) -> None:
        path = project / relative
        path.write_bytes(change(path.read_bytes()))
    return setup


def sparse(relative: str, header: bytes, size: int) -> Setup:
    """A file of ``size`` bytes starting with ``header``, the rest a hole (no disk used)."""
    def setup(project: Path) -> None:
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(header)
        os.truncate(path, size)
    return setup


def symlink(relative: str, target: str) -> Setup:
    """``relative`` made a symbolic link to ``target`` (both relative to the project)."""
    def setup(project: Path) -> None:
        (project / relative).parent.mkdir(parents=True, exist_ok=True)
        (project / relative).symlink_to((project / target).resolve())
    return setup


def link_as_written(relative: str, target: str) -> Setup:
    """``relative`` made a symbolic link holding ``target`` as written: it may point nowhere, or to itself."""
    def setup(project: Path) -> None:
        (project / relative).parent.mkdir(parents=True, exist_ok=True)
        (project / relative).symlink_to(target)
    return setup


def folder(relative: str) -> Setup:
    """An empty folder, or nothing if it is there already."""
    return lambda project: (project / relative).mkdir(parents=True, exist_ok=True)


def steps(*setups: Setup) -> Setup:
    def setup(project: Path) -> dict[str, str]:
        names: dict[str, str] = {}
        for one in setups:
            found = one(project)
            names.update(found if isinstance(found, dict) else {})
        return names
    return setup


def nested_blocks(depth: int, indent: int) -> str:
    """``depth`` mappings, each inside the one above, ``indent`` spaces a level."""
    return "".join(f"{' ' * indent * level}t{level}:\n" for level in range(depth)) + " " * indent * depth + "x: 1\n"


def alias_bomb(levels: int) -> str:
    """'Billion laughs': each level a list of ten aliases of the level before."""
    lines = ["bom:", "  l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"  l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


# --- checks of what was published -------------------------------------------------------------

def page(site: Path, relative: str) -> str:
    return (site / relative).read_text(encoding="utf-8")


def shows(relative: str, *texts: str) -> Published:
    """The built page ``relative`` holds each of ``texts`` (HTML-escaped as a page writes text)."""
    def check(site: Path) -> None:
        html = page(site, relative)
        for text in texts:
            assert text in html, text
    return check


def no_script_links(text: str) -> Published:
    """Task 12's page shows ``text`` as plain words, and no link or attribute on it can run a script."""
    def check(site: Path) -> None:
        article = parse(site / TASK12_PAGE).cssselect("article")[0]
        assert [p for p in article.iter("p") if " ".join(p.text_content().split()) == text]
        for element in article.iter():
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), (element.tag, name)
                assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (element.tag, value)
    return check


def https_link(label: str, href: str) -> Published:
    def check(site: Path) -> None:
        article = parse(site / TASK12_PAGE).cssselect("article")[0]
        assert [a.text_content() for a in article.iter("a") if a.get("href") == href] == [label]
    return check


def no_os_junk(site: Path) -> None:
    assert not [p for p in site.rglob("*") if p.name in {".DS_Store", "Thumbs.db", "desktop.ini"}]


def attachment_published(page_path: str, site_file: str) -> Published:
    """The valid PDF is in the site byte for byte, linked from the page, with its SHA-256 shown there."""
    def check(site: Path) -> None:
        data = (HERE / "ke-hoach-124.pdf").read_bytes()
        assert (site / site_file).read_bytes() == data
        html = page(site, page_path)
        assert hashlib.sha256(data).hexdigest() in html
        hrefs = [a.get("href") for a in parse(site / page_path).iter("a")]
        assert os.path.relpath(site / site_file, (site / page_path).parent) in hrefs
    return check


def all_of(*checks: Published) -> Published:
    def check(site: Path) -> None:
        for one in checks:
            one(site)
    return check


# --- content cases: check and build, in this process ------------------------------------------

@dataclass(frozen=True)
class Case:
    """One input, and the exact problem lines both ``check`` and ``build`` print for it.

    No ``errors``: accepted, both exit 0, and ``published`` checks the built site.
    ``process``: run as real processes (the input would take this process down).
    """

    id: str
    kind: str
    setup: Setup
    errors: tuple[str, ...] = ()
    published: Published | None = None
    bug: str | None = None
    process: bool = False


TAB = "(cần: thay Tab bằng dấu cách (YAML không nhận Tab))"
UNCLOSED = ("sai cú pháp YAML: tệp kết thúc khi dấu nháy hoặc dấu ngoặc chưa đóng "
            "(cần: đóng dấu nháy \" hoặc ' và dấu ngoặc ] } đã mở)")
BRACKET = "sai cú pháp YAML: dấu ngoặc [ hoặc { chưa đóng (cần: đóng ngoặc, hoặc đặt giá trị trong dấu nháy kép)"
COLON = ("sai cú pháp YAML: dấu hai chấm ': ' ở chỗ không được phép (cần: nếu dấu hai chấm thuộc đoạn chữ, "
         'đặt cả đoạn trong dấu nháy kép, ví dụ "Lưu: VT.")')
INDENT = ("sai cú pháp YAML: thụt lề không khớp với các dòng ở trên "
          "(cần: thụt lề bằng dấu cách, các mục cùng cấp thẳng hàng nhau)")
TAG = "sai cú pháp YAML: thẻ YAML (bắt đầu bằng !) không được dùng (cần: bỏ thẻ, hoặc đặt giá trị trong dấu nháy kép)"
CONTROL = ("sai cú pháp YAML: tệp có ký tự điều khiển không in được (thường do dán từ chương trình khác) "
           "(cần: xóa ký tự lạ ở dòng này)")
NESTED = "các nhóm lồng nhau quá 20 tầng (cần: cấu trúc phẳng hơn)"
ESCAPED = "có ký tự điều khiển không in được (thường do dán từ chương trình khác)"  # written as a YAML escape
PAIR = "dấu hai chấm và dấu cách ': ' làm YAML hiểu dòng này là một cặp 'tên: giá trị', không phải một đoạn chữ"
QUOTE_NUMBER = 'số có dấu chấm hoặc phẩy phải đặt trong dấu nháy, ví dụ "2.948" hoặc "99,3"'
ID_RULE = "mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ kh-124-ubnd-2024"
HTML = "không được chứa thẻ HTML ({tag}); hãy xóa thẻ, chỉ giữ phần chữ (tìm thấy: {found})"
IMG = "<img src=x onerror=alert(1)>"


def not_utf8(column: int) -> str:
    return (f"tệp không phải văn bản UTF-8 (byte lạ ở cột {column}) "
            "(cần: mở tệp bằng trình soạn thảo và lưu lại dạng UTF-8)")


YAML = [
    Case("tab-indent", "yaml", replace(TASK3, "  - Từ đầu năm", "\t- Từ đầu năm"),
         (f"{TASK3}:7: lỗi: có ký tự Tab ở cột 1 {TAB}",)),
    Case("tab-after-colon", "yaml", replace(UNIT, "city: Đông Hà", "city:\tĐông Hà"),
         (f"{UNIT}:5: lỗi: có ký tự Tab ở cột 6 {TAB}",)),
    Case("unquoted-colon-in-list", "yaml", replace(REPORT, '  - "Lưu: VT."', "  - Lưu: VT."),
         (f"{REPORT}:32: lỗi: recipients[4]: {PAIR} (tìm thấy: 'Lưu: VT.'; "
          'cần: đặt cả đoạn chữ trong dấu nháy kép, ví dụ "Lưu: VT.")',)),
    Case("unquoted-colon-in-value", "yaml",
         replace(EVIDENCE, "subject: về thực hiện", "subject: Trích yếu: về thực hiện"),
         (f"{EVIDENCE}:5: lỗi: {COLON}",)),
    Case("empty-required-text", "yaml", replace(UNIT, "city: Đông Hà", "city:"),
         (f"{UNIT}:5: lỗi: city: trường để trống (cần: điền giá trị, hoặc xóa cả dòng nếu trường không bắt buộc)",)),
    Case("empty-required-list", "yaml",
         replace(TASK3, "result:\n  - Từ đầu năm đến nay không có hồ sơ TTHC bị trễ hạn nên không phải xin lỗi "
                 "cá nhân, tổ chức.\n", "result:\n"),
         (f"{TASK3}:6: lỗi: result: trường để trống (cần: điền giá trị, hoặc xóa cả dòng nếu trường không bắt buộc)",)),
    Case("iso-date-month-13", "yaml", replace(EVIDENCE, "date: 26/02/2024", "date: 2024-13-01"),
         (f"{EVIDENCE}:4: lỗi: date: ngày phải viết dạng ngày/tháng/năm, ví dụ 26/02/2024 (tìm thấy: '2024-13-01')",)),
    Case("date-31-february", "yaml", replace(EVIDENCE, "date: 26/02/2024", "date: 31/02/2024"),
         (f"{EVIDENCE}:4: lỗi: date: ngày 31/02/2024 không có thật trên lịch (tìm thấy: '31/02/2024')",)),
    Case("item-published-month-13", "yaml", replace(ITEM, "published: 22/05/2024", "published: 22/13/2024"),
         (f"{ITEM}:7: lỗi: published: ngày 22/13/2024 không có thật trên lịch (tìm thấy: '22/13/2024')",)),
    Case("unclosed-double-quote", "yaml", replace(UNIT, "city: Đông Hà", 'city: "Đông Hà'),
         (f"{UNIT}:5: lỗi: {UNCLOSED}",)),
    Case("unclosed-single-quote", "yaml", replace(TASK3, "  - Từ đầu năm", "  - 'Từ đầu năm"),
         (f"{TASK3}:7: lỗi: {UNCLOSED}",)),
    Case("unclosed-bracket", "yaml", replace(TASK3, "result:\n", "result: [chưa đóng\n"),
         (f"{TASK3}:6: lỗi: {BRACKET}",)),
    Case("unclosed-brace", "yaml", replace(UNIT, "city: Đông Hà", "city: {Đông Hà"),
         (f"{UNIT}:5: lỗi: {BRACKET}",)),
    Case("duplicate-key", "yaml", replace(UNIT, "city: Đông Hà\n", "city: Đông Hà\ncity: Quảng Trị\n"),
         (f"{UNIT}:6: lỗi: sai cú pháp YAML: trường 'city' xuất hiện hai lần (cần: giữ một lần, xóa dòng lặp)",)),
    # Ambiguous for YAML (an indented key continues the text above); the hint covers the colon only.
    Case("indent-key-too-deep", "yaml", replace(UNIT, "city: Đông Hà", "  city: Đông Hà"),
         (f"{UNIT}:5: lỗi: {COLON}",)),
    Case("indent-list-item-out", "yaml",
         replace(TASK9, "  - bc-462-ubnd-2024\n", "  - bc-462-ubnd-2024\n - kh-124-ubnd-2024\n"),
         (f"{TASK9}:10: lỗi: {INDENT}",)),
    Case("python-tag", "yaml", replace(UNIT, "city: Đông Hà", "city: !!python/object/apply:os.system [ls]"),
         (f"{UNIT}:5: lỗi: {TAG}",)),
    Case("custom-tag", "yaml", replace(UNIT, "city: Đông Hà", "city: !dia-danh Đông Hà"), (f"{UNIT}:5: lỗi: {TAG}",)),
    Case("control-character", "yaml", replace(UNIT, "city: Đông Hà", "city: Đông\x07 Hà"),
         (f"{UNIT}:5: lỗi: {CONTROL}",)),
    Case("escaped-control-character", "yaml", replace(UNIT, "city: Đông Hà", 'city: "Đông\\x01 Hà"'),
         (f"{UNIT}:5: lỗi: city: {ESCAPED} (tìm thấy: 'Đông\\x01 Hà'; cần: xóa ký tự lạ (mã U+0001))",)),
    Case("escaped-right-to-left-override", "yaml",
         replace(NEWS, "  - Đoạn", '  - "\\u202eĐoạn thứ nhất"\n  - Đoạn'),
         (f"{NEWS}:5: lỗi: body[0]: {ESCAPED} (tìm thấy: '\\u202eĐoạn thứ nhất'; cần: xóa ký tự lạ (mã U+202E))",)),
    Case("nul-character", "yaml", replace(UNIT, "city: Đông Hà", "city: Đông\x00 Hà"),
         (f"{UNIT}:5: lỗi: {CONTROL}",)),
    Case("flow-nesting-1000", "yaml", append(UNIT, "x: " + "[" * 1000 + "]" * 1000 + "\n"),
         (f"{UNIT}:20: lỗi: {NESTED}",)),
    Case("flow-nesting-100000", "yaml", append(UNIT, "x: " + "[" * 100_000 + "]" * 100_000 + "\n"),
         (f"{UNIT}:20: lỗi: {NESTED}",)),
    Case("flow-nesting-1000-unclosed", "yaml", append(UNIT, "x: " + "{a: " * 1000 + "\n"),
         (f"{UNIT}:20: lỗi: {NESTED}",)),
    Case("block-nesting-30", "yaml", append(UNIT, nested_blocks(30, 2)), (f"{UNIT}:41: lỗi: {NESTED}",)),
    Case("block-nesting-1000", "yaml", append(UNIT, nested_blocks(1000, 1)),
         (f"{UNIT}:101: lỗi: thụt lề quá sâu (81 dấu cách) "
          "(cần: không quá 80 dấu cách; các nhóm lồng nhau không quá 20 tầng)",)),
    Case("dash-nesting-100000", "yaml", append(UNIT, "x:\n" + "- " * 100_000 + "a\n"), (f"{UNIT}:21: lỗi: {NESTED}",),
         process=True),
    Case("alias-bomb", "yaml", append(UNIT, alias_bomb(9)),
         (f"{UNIT}: lỗi: tệp có quá nhiều giá trị (hơn 200.000) "
          "(cần: bỏ các neo và bí danh (&, *) lặp lại, hoặc tách tệp)",)),
    Case("two-documents", "yaml", append(UNIT, "---\nname: Phường 5\n"),
         (f"{UNIT}:20: lỗi: sai cú pháp YAML: tệp có nhiều phần ngăn bởi --- "
          "(cần: mỗi tệp một nội dung, bỏ dòng ---)",)),
    Case("list-instead-of-mapping", "yaml", put(EVIDENCE, "- kind: van-ban\n- number: 124/KH-UBND\n"),
         (f"{EVIDENCE}:1: lỗi: sai kiểu dữ liệu (cần: một nhóm trường 'tên: giá trị')",)),
    Case("text-instead-of-mapping", "yaml", put(UNIT, "Ủy ban nhân dân phường 4\n"),
         (f"{UNIT}:1: lỗi: sai kiểu dữ liệu (tìm thấy: 'Ủy ban nhân dân phường 4'; "
          "cần: một nhóm trường 'tên: giá trị')",)),
    Case("empty-file", "yaml", put(UNIT, ""),
         (f"{UNIT}:1: lỗi: name: thiếu trường bắt buộc (cần: Tên đầy đủ, ví dụ: Ủy ban nhân dân phường 4)",
          f"{UNIT}:1: lỗi: short_name: thiếu trường bắt buộc (cần: Tên ngắn, ví dụ: UBND phường 4)",
          f"{UNIT}:1: lỗi: city: thiếu trường bắt buộc (cần: Thành phố hoặc huyện, ví dụ: Đông Hà)",
          f"{UNIT}:1: lỗi: province: thiếu trường bắt buộc (cần: Tỉnh, ví dụ: Quảng Trị)")),
    Case("unknown-field-suggested", "yaml", replace(EVIDENCE, "subject:", "subjet:"),
         (f"{EVIDENCE}:5: lỗi: subjet: trường không có trong mẫu nội dung (cần: có phải ý bạn là 'subject'?)",)),
    Case("unknown-field-vietnamese", "yaml", append(EVIDENCE, "ghi chú: bản chụp\n"),
         (f"{EVIDENCE}:6: lỗi: ghi chú: trường không có trong mẫu nội dung "
          "(cần: xem danh sách trường trong docs-staff/huong-dan-noi-dung.md)",)),
    Case("wrong-type-text-for-number", "yaml", replace(TASK3, "number: 3", "number: ba"),
         (f"{TASK3}:3: lỗi: number: sai kiểu dữ liệu (tìm thấy: 'ba'; cần: một số nguyên)",)),
    Case("wrong-type-fraction", "yaml", replace(TASK3, "number: 3", "number: 3.5"),
         (f"{TASK3}:3: lỗi: number: sai kiểu dữ liệu (tìm thấy: '3.5'; cần: một số nguyên)",)),
    Case("wrong-type-negative", "yaml", replace(TASK3, "number: 3", "number: -3"),
         (f"{TASK3}:3: lỗi: number: giá trị nằm ngoài khoảng cho phép (tìm thấy: '-3'; cần: > 0)",)),
    Case("task-number-huge", "yaml", replace(TASK3, "number: 3", "number: 99999999999999999999999"),
         (f"{TASK3}:3: lỗi: number: giá trị nằm ngoài khoảng cho phép "
          "(tìm thấy: '99999999999999999999999'; cần: ≤ 999)",)),
    Case("wrong-type-infinity", "yaml", replace(TASK3, "number: 3", "number: .inf"),
         (f"{TASK3}:3: lỗi: number: sai kiểu dữ liệu (tìm thấy: '.inf'; cần: một số nguyên)",)),
    Case("wrong-type-year-out-of-range", "yaml", replace(REPORT, "year: 2024", "year: 20024"),
         (f"{REPORT}:9: lỗi: year: giá trị nằm ngoài khoảng cho phép (tìm thấy: '20024'; cần: ≤ 2100)",)),
    Case("wrong-type-text-for-list", "yaml",
         replace(TASK9, "evidence:\n  - bc-462-ubnd-2024", "evidence: bc-462-ubnd-2024"),
         (f"{TASK9}:8: lỗi: evidence: sai kiểu dữ liệu (tìm thấy: 'bc-462-ubnd-2024'; "
          "cần: một danh sách, mỗi mục một dòng bắt đầu bằng '- ')",)),
    Case("wrong-type-mapping-for-text", "yaml", replace(UNIT, "city: Đông Hà", "city:\n  ten: Đông Hà"),
         (f"{UNIT}:6: lỗi: city: {PAIR} (tìm thấy: 'ten: Đông Hà'; "
          'cần: đặt cả đoạn chữ trong dấu nháy kép, ví dụ "ten: Đông Hà")',)),
    Case("wrong-type-yes-no", "yaml", replace(CATEGORIES, "      - applies: true\n", "      - applies: có\n"),
         (f"{CATEGORIES}:59: lỗi: categories[0].obligations[0].applies: sai kiểu dữ liệu "
          "(tìm thấy: 'có'; cần: true hoặc false)",)),
    Case("categories-unknown-field", "yaml", replace(CATEGORIES, "    summary: Sổ văn bản", "    sumary: Sổ văn bản"),
         (f"{CATEGORIES}:56: lỗi: categories[0].sumary: trường không có trong mẫu nội dung "
          "(cần: có phải ý bạn là 'summary'?)",)),
    Case("html-script", "yaml", replace(TASK12, "  - Sáng kiến", "  - <script>alert(1)</script>Sáng kiến"),
         (f"{TASK12}:6: lỗi: content[0]: " + HTML.format(
             tag="<script>", found="'<script>alert(1)</script>Sáng kiến về cải cách hành chính.'"),)),
    Case("html-bold", "yaml", replace(ITEM, "title: Kết quả", "title: <b>Kết quả</b>"),
         (f"{ITEM}:2: lỗi: title: " + HTML.format(
             tag="<b>", found="'<b>Kết quả</b> tuyển dụng công chức năm 2024 (ví dụ kiểm …'"),)),
    Case("html-img", "yaml", replace(NEWS, "  - Đoạn", f"  - {IMG} Đoạn"),
         (f"{NEWS}:5: lỗi: body[0]: " + HTML.format(tag=IMG, found=f"'{IMG} Đoạn thứ nhất của tin ví dụ.'"),)),
    Case("item-issued-year-9999", "yaml", replace(ITEM, "issued: 20/05/2024", "issued: 31/12/9999"),
         (f"{ITEM}:6: lỗi: issued: năm 9999 nằm ngoài khoảng cho phép (tìm thấy: '31/12/9999'; "
          "cần: một ngày từ năm 1945 đến năm 2100)",)),
    Case("evidence-date-year-1", "yaml", replace(EVIDENCE, "date: 26/02/2024", "date: 01/01/0001"),
         (f"{EVIDENCE}:4: lỗi: date: năm 1 nằm ngoài khoảng cho phép (tìm thấy: '01/01/0001'; "
          "cần: một ngày từ năm 1945 đến năm 2100)",)),
    Case("empty-list-in-brackets", "yaml",
         replace(ITEM, "forms:\n  - trang-thong-tin-dien-tu\n", "forms: []\n"),
         (f"{ITEM}:8: lỗi: forms: danh sách không có mục nào "
          "(cần: ít nhất 1 mục, mỗi mục một dòng bắt đầu bằng '- ')",)),
    Case("plan-results-of-unknown-item", "yaml",
         steps(replace(ITEM, "category: tuyen-dung", "category: ke-hoach"),
               append(ITEM, "plan:\n  covers: năm 2024\n  results_of: tb-15-ubnd-202\n")),
         (f"{ITEM}:12: lỗi: plan.results_of: không có thông tin kế hoạch 'tb-15-ubnd-202' "
          "(tìm thấy: 'tb-15-ubnd-202'; cần: có phải ý bạn là 'tb-15-ubnd-2024'?)",)),
    Case("plan-results-of-itself", "yaml",
         steps(replace(ITEM, "category: tuyen-dung", "category: ke-hoach"),
               append(ITEM, "plan:\n  covers: năm 2024\n  results_of: kq-30-ubnd-2024\n")),
         (f"{ITEM}:12: lỗi: plan.results_of: thông tin không thể là kết quả thực hiện của chính nó "
          "(tìm thấy: 'kq-30-ubnd-2024'; cần: mã (tên tệp) thông tin kế hoạch trong content/disclosure/items/)",)),
    Case("appendix-column-twice", "yaml", replace(REPORT, "    - role: ket-qua\n", "    - role: noi-dung\n"),
         (f"{REPORT}:38: lỗi: appendix: mỗi cột chỉ ghi một lần, cột lặp lại: noi-dung",)),
    Case("correction-of-itself", "yaml",
         steps(replace(ITEM, "category: tuyen-dung", "category: dinh-chinh"),
               append(ITEM, "correction:\n  corrects: kq-30-ubnd-2024\n  reason: Sửa hạn nộp hồ sơ.\n")),
         (f"{ITEM}:11: lỗi: correction.corrects: thông tin đính chính không thể đính chính chính nó "
          "(tìm thấy: 'kq-30-ubnd-2024'; cần: mã (tên tệp) của thông tin gốc bị sai)",)),
    Case("rule-days-3-million", "yaml",
         replace(CATEGORIES, "point: l}\n        forms: [trang-thong-tin-dien-tu]\n        rules:\n"
                 "          - kind: trong-ngay-lam-viec\n            days: 5\n",
                 "point: l}\n        forms: [trang-thong-tin-dien-tu]\n        rules:\n"
                 "          - kind: trong-ngay-lam-viec\n            days: 3000000\n"),
         (f"{CATEGORIES}:379: lỗi: categories[18].obligations[0].rules[0].days: giá trị nằm ngoài khoảng cho phép "
          "(tìm thấy: '3000000'; cần: ≤ 3650)",)),
    Case("news-date-without-zeros", "yaml", replace(NEWS, "date: 02/03/2024", "date: 2/3/2024"),
         published=shows("tin-hoat-dong/ra-quan-ve-sinh.html", "Ra quân vệ sinh môi trường (ví dụ kiểm thử)")),
    Case("figure-float-value", "yaml", replace(TASK9, 'value: "305.000.000"', "value: 305.000"),
         (f"{TASK9}:26: lỗi: figures[2].value: {QUOTE_NUMBER} (tìm thấy: '305.000')",)),
    Case("figure-float-percent", "yaml", replace(TASK9, 'percent: "110,3"', "percent: 110.3"),
         (f"{TASK9}:29: lỗi: figures[2].percent: {QUOTE_NUMBER} (tìm thấy: '110.3')",)),
    Case("figure-true-for-number", "yaml", replace(TASK9, 'percent: "110,3"', "percent: true"),
         (f"{TASK9}:29: lỗi: figures[2].percent: sai kiểu dữ liệu "
          '(tìm thấy: \'true\'; cần: một số viết kiểu Việt Nam trong dấu nháy, ví dụ "99,3")',)),
    Case("figure-only-value", "yaml", append(TASK12, 'figures:\n  - value: "4"\n'),
         (f"{TASK12}:11: lỗi: figures[0].label: thiếu trường bắt buộc "
          "(cần: Tên ngắn của số liệu, theo lời văn bản, ví dụ: Hồ sơ tiếp nhận trực tuyến)",)),
    Case("figure-words-for-number", "yaml", replace(TASK9, 'value: "305.000.000"', 'value: "ba trăm triệu"'),
         (f"{TASK9}:26: lỗi: figures[2].value: số phải viết kiểu Việt Nam: dấu chấm ngăn hàng nghìn, dấu phẩy thập "
          "phân, ví dụ 2.948 hoặc 99,3 (tìm thấy: 'ba trăm triệu')",)),
]

MARKED = "về thực hiện công tác CCHC năm 2024"  # the subject of EVIDENCE, shown on its page

ENCODINGS = [
    Case("latin-1", "encoding", put(NEW_EVIDENCE, "kind: bien-ban\ntitle: Biên bàn giao\n".encode("latin-1")),
         (f"{NEW_EVIDENCE}:2: lỗi: {not_utf8(10)}",)),
    Case("windows-1252-smart-quotes", "encoding",
         put(NEW_EVIDENCE, b"kind: bien-ban\ntitle: \x93Bi\xean b\xe0n\x94\n"),
         (f"{NEW_EVIDENCE}:2: lỗi: {not_utf8(8)}",)),
    Case("utf-16-notepad", "encoding", reencode(UNIT, "utf-16"), (f"{UNIT}:1: lỗi: {not_utf8(1)}",)),
    Case("utf-16-without-bom", "encoding", reencode(UNIT, "utf-16-be"), (f"{UNIT}:1: lỗi: {not_utf8(10)}",)),
    Case("broken-byte-mid-line", "encoding",
         transform(UNIT, lambda data: data.replace("Đông Hà".encode(), "Đông".encode() + b"\xc3" + " Hà".encode(), 1)),
         (f"{UNIT}:5: lỗi: {not_utf8(11)}",)),
    Case("utf-8-bom", "encoding", steps(replace(EVIDENCE, MARKED, f"{MARKED} (BOM)"), reencode(EVIDENCE, "utf-8-sig")),
         published=shows(EVIDENCE_PAGE, f"{MARKED} (BOM)")),
    Case("crlf", "encoding", steps(replace(EVIDENCE, MARKED, f"{MARKED} (CRLF)"),
                                   transform(EVIDENCE, lambda data: data.replace(b"\n", b"\r\n"))),
         published=shows(EVIDENCE_PAGE, f"{MARKED} (CRLF)</td>")),
    Case("nfd-vietnamese", "encoding",
         replace(EVIDENCE, MARKED, unicodedata.normalize("NFD", f"{MARKED} (NFD)")),
         published=shows(EVIDENCE_PAGE, unicodedata.normalize("NFC", f"{MARKED} (NFD)"))),
    Case("no-break-space-in-id", "encoding", replace(ITEM, "category: tuyen-dung", "category: tuyen-dung\u00a0"),
         (f"{ITEM}:3: lỗi: category: {ID_RULE} (tìm thấy: 'tuyen-dung\\xa0')",)),
    Case("zero-width-space-in-reference", "encoding",
         replace(TASK9, "  - bc-462-ubnd-2024", "  - bc-462-ubnd-2024\u200b"),
         (f"{TASK9}:9: lỗi: evidence[0]: {ID_RULE} (tìm thấy: 'bc-462-ubnd-2024\\u200b')",)),
]

LONG_TEXT = "  - Sáng kiến về cải cách hành chính."
MB = 1024 * 1024

LIMITS = [
    Case("text-over-50000-chars", "limits", replace(TASK12, LONG_TEXT, "  - " + "a" * 50_001),
         (f"{TASK12}:6: lỗi: một giá trị chữ quá dài (50.001 ký tự) (tìm thấy: '{'a' * 40}…'; "
          "cần: không quá 50.000 ký tự)",)),
    Case("text-of-50000-chars", "limits", replace(TASK12, LONG_TEXT, "  - " + "a" * 50_000),
         published=shows(TASK12_PAGE, "a" * 50_000)),
    Case("file-over-1-mb", "limits", append(UNIT, "# " + "x" * (2 * MB) + "\n"),
         (f"{UNIT}: lỗi: tệp nội dung quá lớn (2 MB (2.098.051 byte)) "
          "(cần: không quá 1 MB; tách nội dung ra nhiều tệp)",)),
    Case("evidence-attachment-over-20-mb", "limits",
         steps(sparse("content/evidence/tep/ke-hoach.pdf", b"%PDF-1.4\n", 21 * MB),
               append(EVIDENCE, "file: evidence/tep/ke-hoach.pdf\n")),
         (f"{EVIDENCE}:6: lỗi: file: tệp đính kèm quá lớn "
          "(tìm thấy: 21 MB (22.020.096 byte); cần: không quá 20 MB (nén hoặc tách tệp))",)),
    Case("item-attachment-over-20-mb", "limits",
         steps(sparse("content/disclosure/files/tuyen-dung/ket-qua.pdf", b"%PDF-1.4\n", 21 * MB),
               append(ITEM, "attachment: disclosure/files/tuyen-dung/ket-qua.pdf\n")),
         (f"{ITEM}:10: lỗi: attachment: tệp đính kèm quá lớn "
          "(tìm thấy: 21 MB (22.020.096 byte); cần: không quá 20 MB (nén hoặc tách tệp))",)),
]

STRAY_YAML = ("tệp .yaml nằm ở thư mục không được đọc (thư mục con hoặc thư mục lạ) (cần: chuyển tệp vào đúng thư mục "
              "(content/evidence/, content/reports/<tên>/tasks/, content/disclosure/items/, content/news/), "
              "không để trong thư mục con)")
STRAY_FILE = ("tệp không thuộc mẫu nội dung nào nên không được đọc (cần: đặt tệp đúng chỗ theo "
              "docs-staff/huong-dan-noi-dung.md (tệp .yaml trong đúng thư mục, không để trong thư mục con), "
              "hoặc xóa tệp)")
UNUSED = ("tệp đính kèm không được tài liệu nào dùng (cần: ghi đường dẫn tệp vào trường file (tài liệu kiểm chứng) "
          "hoặc attachment (thông tin công khai), hoặc xóa tệp)")
BAD_FOLDER = ("tên thư mục báo cáo không dùng được làm địa chỉ trang (tìm thấy: '{name}'; "
              "cần: chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ 2025-bao-cao-cam-ket)")
A_RECORD = "kind: bien-ban\ntitle: Biên bản bàn giao\n"
BROKEN_LINK = "liên kết (symlink) hỏng: trỏ tới tệp không có hoặc trỏ vòng về chính nó"
FIX_LINK = "thay liên kết bằng chính tệp, hoặc xóa liên kết"

STRAY = [
    Case("yml-beside-yaml", "stray", duplicate(EVIDENCE, EVIDENCE.replace(".yaml", ".yml")),
         ("content/evidence/kh-124-ubnd-2024.yml: lỗi: tệp trùng tên với kh-124-ubnd-2024.yaml, tệp này không được "
          "đọc (cần: giữ một tệp kh-124-ubnd-2024.yaml, xóa tệp kia)",)),
    Case("yml", "stray", put(NEW_EVIDENCE.replace(".yaml", ".yml"), A_RECORD),
         ("content/evidence/bien-ban-ban-giao.yml: lỗi: đuôi tệp .yml không được đọc "
          "(cần: đổi tên thành bien-ban-ban-giao.yaml (đuôi .yaml, chữ thường))",)),
    Case("upper-case-yaml", "stray", put(NEW_EVIDENCE.replace(".yaml", ".YAML"), A_RECORD),
         ("content/evidence/bien-ban-ban-giao.YAML: lỗi: đuôi tệp .YAML không được đọc "
          "(cần: đổi tên thành bien-ban-ban-giao.yaml (đuôi .yaml, chữ thường))",)),
    Case("yaml-txt", "stray", put(NEW_EVIDENCE + ".txt", A_RECORD),
         ("content/evidence/bien-ban-ban-giao.yaml.txt: lỗi: tên tệp có đuôi lạ nên tệp không được đọc "
          "(tìm thấy: 'bien-ban-ban-giao.yaml.txt'; cần: đổi tên thành bien-ban-ban-giao.yaml)",)),
    Case("task-in-subfolder", "stray", move(f"{TASKS}/nhiem-vu-13.yaml", f"{TASKS}/cu/nhiem-vu-13.yaml"),
         (f"{TASKS}/cu/nhiem-vu-13.yaml: lỗi: {STRAY_YAML}",)),
    Case("report-folder-punctuation", "stray", duplicate(REPORT_DIR, "content/reports/!!!"),
         ("content/reports/!!!: lỗi: " + BAD_FOLDER.format(name="!!!"),)),
    Case("report-folder-capitals", "stray", duplicate(REPORT_DIR, "content/reports/2025-Bao-Cao-Cam-Ket"),
         ("content/reports/2025-Bao-Cao-Cam-Ket: lỗi: " + BAD_FOLDER.format(name="2025-Bao-Cao-Cam-Ket"),)),
    Case("markdown-in-evidence", "stray", put("content/evidence/ghi-chu.md", "# Ghi chú\n"),
         (f"content/evidence/ghi-chu.md: lỗi: {STRAY_FILE}",)),
    Case("editor-backup", "stray", duplicate(EVIDENCE, EVIDENCE + "~"),
         ("content/evidence/kh-124-ubnd-2024.yaml~: lỗi: bản sao hoặc bản lưu cũ của kh-124-ubnd-2024.yaml, không "
          "được đọc (cần: xóa tệp này (nội dung đang dùng là kh-124-ubnd-2024.yaml; đừng đổi tên đè lên nó))",)),
    Case("editor-swap-file", "stray", put("content/evidence/.kh-124-ubnd-2024.yaml.swp", b"b0VIM 9.0\x00"),
         ("content/evidence/.kh-124-ubnd-2024.yaml.swp: lỗi: tệp ẩn (tên bắt đầu bằng dấu chấm), thường là tệp tạm "
          "của trình soạn thảo (cần: đóng trình soạn thảo rồi xóa tệp này nếu nó còn lại)",)),
    Case("word-lock-file", "stray", put("content/~$bao-cao.docx", b"\x0bNguyen Van A"),
         (f"content/~$bao-cao.docx: lỗi: {STRAY_FILE}",)),
    Case("report-folder-without-report-yaml", "stray", duplicate(f"{REPORT_DIR}/tasks", f"{NEW_REPORT}/tasks"),
         (f"{NEW_REPORT}: lỗi: thư mục báo cáo thiếu tệp report.yaml (cần: {NEW_REPORT}/report.yaml)",)),
    Case("empty-report-folder", "stray", mkdir(NEW_REPORT),
         (f"{NEW_REPORT}: lỗi: thư mục báo cáo thiếu tệp report.yaml (cần: {NEW_REPORT}/report.yaml)",)),
    Case("unused-evidence-attachment", "stray", copy_in("ke-hoach-124.pdf", "content/evidence/tep/ke-hoach-124.pdf"),
         (f"content/evidence/tep/ke-hoach-124.pdf: lỗi: {UNUSED}",)),
    Case("unused-item-attachment", "stray", copy_in("ke-hoach-124.pdf", "content/disclosure/files/tuyen-dung/cu.pdf"),
         (f"content/disclosure/files/tuyen-dung/cu.pdf: lỗi: {UNUSED}",)),
    Case("evidence-named-index", "stray", duplicate(EVIDENCE, "content/evidence/index.yaml"),
         ("content/evidence/index.yaml: lỗi: tên tệp không dùng được làm mã tài liệu (tìm thấy: 'index.yaml'; "
          "cần: chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ kh-124-ubnd-2024.yaml)",)),
    Case("symlink-loop", "stray", steps(link_as_written("content/evidence/a.yaml", "b.yaml"),
                                        link_as_written("content/evidence/b.yaml", "a.yaml")),
         (f"content/evidence/a.yaml: lỗi: {BROKEN_LINK} (tìm thấy: 'b.yaml'; cần: {FIX_LINK})",
          f"content/evidence/b.yaml: lỗi: {BROKEN_LINK} (tìm thấy: 'a.yaml'; cần: {FIX_LINK})")),
    Case("unit-yaml-link-to-itself", "stray",
         steps(lambda project: (project / UNIT).unlink(), link_as_written(UNIT, "unit.yaml")),
         (f"{UNIT}: lỗi: thiếu tệp thông tin đơn vị (cần: tệp content/unit.yaml với tên đơn vị, thành phố, tỉnh)",
          f"{UNIT}: lỗi: {BROKEN_LINK} (tìm thấy: 'unit.yaml'; cần: {FIX_LINK})")),
    Case("symlink-loop-in-refused-folder", "stray",
         link_as_written("content/reports/2025-Bao-Cao/report.yaml", "report.yaml"),
         ("content/reports/2025-Bao-Cao: lỗi: " + BAD_FOLDER.format(name="2025-Bao-Cao"),
          f"content/reports/2025-Bao-Cao/report.yaml: lỗi: {BROKEN_LINK} (tìm thấy: 'report.yaml'; cần: {FIX_LINK})")),
    Case("symlink-to-nothing", "stray", link_as_written("content/evidence/cu.yaml", "/khong/co/cu.yaml"),
         (f"content/evidence/cu.yaml: lỗi: {BROKEN_LINK} (tìm thấy: '/khong/co/cu.yaml'; cần: {FIX_LINK})",)),
    Case("categories-deleted", "stray", lambda project: (project / CATEGORIES).unlink(),
         (f"{CATEGORIES}: lỗi: thiếu tệp danh sách chuyên mục, nên các tệp trong content/disclosure/ và content/news/ "
          "không được đọc (cần: khôi phục tệp content/disclosure/categories.yaml (từ bản sao lưu), hoặc xóa các tệp "
          "đó nếu đơn vị không dùng trang công khai)",)),
    Case("pipe-named-yaml", "stray", lambda project: os.mkfifo(project / "content/evidence/ong.yaml"),
         ("content/evidence/ong.yaml: lỗi: đây không phải một tệp thường (thiết bị, ống dẫn hoặc liên kết tới chúng) "
          "nên không được đọc (cần: xóa mục này, đặt vào đó tệp nội dung thật)",)),
    Case("link-to-a-device", "stray", link_as_written("content/disclosure/items/zero.yaml", "/dev/zero"),
         ("content/disclosure/items/zero.yaml: lỗi: đây không phải một tệp thường (thiết bị, ống dẫn hoặc liên kết "
          "tới chúng) nên không được đọc (cần: xóa mục này, đặt vào đó tệp nội dung thật)",)),
    Case("folder-named-yaml", "stray", folder("content/disclosure/items/cu.yaml"),
         published=shows(ITEM_PAGE, "Kết quả tuyển dụng công chức năm 2024")),
    Case("os-junk-ignored", "stray", steps(put("content/.DS_Store", b"\x00\x00\x00\x01Bud1"),
                                           put("content/evidence/Thumbs.db", b"\xd0\xcf\x11\xe0"),
                                           put("content/reports/desktop.ini", "[.ShellClassInfo]\n")),
         published=no_os_junk),
]


# Each row runs for an evidence record (file:, line 6) and a disclosure item (attachment:, line 10).
# {at}: 'file:LINE: lỗi: field: '; {example}: the path the message gives as an example.
NOT_ALLOWED = ("loại tệp đính kèm không được nhận (tìm thấy: '{suffix}'; "
               "cần: tệp .pdf, .docx, .xlsx, .odt, .ods, .jpg hoặc .png)")
MISMATCH = ("nội dung tệp không khớp phần mở rộng .{ext} (tìm thấy: {seen}; "
            "cần: một tệp {EXT} thật, hoặc đổi phần mở rộng cho đúng)")
OUTSIDE = ("{at}đường dẫn tệp đi ra ngoài thư mục content/ (tìm thấy: '{written}'; "
           "cần: một tệp nằm trong content/, ví dụ {example})")


def mismatch(ext: str, seen: str) -> str:
    return "{at}" + MISMATCH.format(ext=ext, seen=seen, EXT=ext.upper())


@dataclass(frozen=True)
class AttachmentRow:
    name: str
    written: str  # the path the clerk wrote, relative to content/ ({folder}: the attachments folder)
    place: Callable[[str], Setup] | None  # how the file got there, given the attachments folder
    lines: tuple[str, ...]


ATTACHMENT_ROWS = [
    AttachmentRow("html", "{folder}/thong-bao.html", lambda f: copy_in("trang.html", f"content/{f}/thong-bao.html"),
                  ("{at}" + NOT_ALLOWED.format(suffix=".html"),)),
    AttachmentRow("svg-with-script", "{folder}/bieu-do.svg",
                  lambda f: copy_in("bieu-do.svg", f"content/{f}/bieu-do.svg"),
                  ("{at}" + NOT_ALLOWED.format(suffix=".svg"),)),
    AttachmentRow("exe-renamed-pdf", "{folder}/ke-hoach.pdf",
                  lambda f: copy_in("chuong-trinh.pdf", f"content/{f}/ke-hoach.pdf"),
                  (mismatch("pdf", "nội dung tệp EXE"),)),
    AttachmentRow("html-renamed-pdf", "{folder}/ke-hoach.pdf",
                  lambda f: copy_in("trang.html", f"content/{f}/ke-hoach.pdf"),
                  (mismatch("pdf", "nội dung không nhận ra được"),)),
    AttachmentRow("svg-renamed-png", "{folder}/ban-do.png", lambda f: copy_in("bieu-do.svg", f"content/{f}/ban-do.png"),
                  (mismatch("png", "nội dung không nhận ra được"),)),
    AttachmentRow("empty-pdf", "{folder}/trong.pdf", lambda f: put(f"content/{f}/trong.pdf", b""),
                  (mismatch("pdf", "nội dung không nhận ra được"),)),
    AttachmentRow("content-file", "unit.yaml", None, ("{at}" + NOT_ALLOWED.format(suffix=".yaml"),)),
    AttachmentRow("parent-path", "../../outside.pdf", lambda f: copy_in("ke-hoach-124.pdf", "../outside.pdf"),
                  (OUTSIDE,)),
    AttachmentRow("absolute-path", "/etc/passwd", None, (OUTSIDE,)),
    AttachmentRow("symlink-outside", "{folder}/lien-ket.pdf",
                  lambda f: steps(copy_in("ke-hoach-124.pdf", "../outside.pdf"),
                                  symlink(f"content/{f}/lien-ket.pdf", "../outside.pdf")),
                  (OUTSIDE,)),
    AttachmentRow("missing", "{folder}/khong-co.pdf", None,
                  ("{at}không tìm thấy tệp đính kèm (tìm thấy: '{written}'; cần: tệp có thật tại content/{written})",)),
    AttachmentRow("name-too-long", "{folder}/" + "a" * 300 + ".pdf", lambda f: folder(f"content/{f}"),
                  ("{at}không tìm thấy tệp đính kèm (tìm thấy: '{written}'; cần: tệp có thật tại content/{written})",)),
    AttachmentRow("symlink-loop", "{folder}/vong.pdf", lambda f: link_as_written(f"content/{f}/vong.pdf", "vong.pdf"),
                  ("{at}không tìm thấy tệp đính kèm (tìm thấy: '{written}'; cần: tệp có thật tại content/{written})",
                   "content/{written}: lỗi: " + BROKEN_LINK + " (tìm thấy: 'vong.pdf'; cần: " + FIX_LINK + ")")),
    AttachmentRow("folder", "{folder}", lambda f: copy_in("ke-hoach-124.pdf", f"content/{f}/ke-hoach.pdf"),
                  ("{at}không tìm thấy tệp đính kèm (tìm thấy: '{written}'; cần: tệp có thật tại content/{written})",
                   "content/{folder}/ke-hoach.pdf: lỗi: " + UNUSED)),
]


def attachment_cases(owner: str, field: str, line: int, folder: str, example: str,
                     valid: Published) -> list[Case]:
    """The rows for one kind of owner, and a valid PDF that is accepted and published with its SHA-256."""
    cases = []
    for row in ATTACHMENT_ROWS:
        written = row.written.format(folder=folder)
        names = {"folder": folder, "written": written, "example": example, "at": f"{owner}:{line}: lỗi: {field}: "}
        place = row.place(folder) if row.place else steps()
        cases.append(Case(f"{field}-{row.name}", "attachment", steps(place, append(owner, f"{field}: {written}\n")),
                          tuple(text.format(**names) for text in row.lines)))
    cases.append(Case(f"{field}-valid-pdf", "attachment",
                      steps(copy_in("ke-hoach-124.pdf", f"content/{folder}/Kế hoạch 124.PDF"),
                            append(owner, f"{field}: {folder}/Kế hoạch 124.PDF\n")),
                      published=valid))
    return cases


ATTACHMENTS = [
    *attachment_cases(EVIDENCE, "file", 6, "evidence/tep", "evidence/tep/kh-124-ubnd-2024.pdf",
                      attachment_published(EVIDENCE_PAGE, "tai-lieu-kiem-chung/tep/kh-124-ubnd-2024/ke-hoach-124.pdf")),
    *attachment_cases(ITEM, "attachment", 10, "disclosure/files/tuyen-dung", "disclosure/files/tuyen-dung/tep.pdf",
                      attachment_published(ITEM_PAGE, "cong-khai/tuyen-dung/tep/kq-30-ubnd-2024/ke-hoach-124.pdf")),
]

LINK_PARAGRAPHS = "  - Khuyến khích"


def paragraph(text: str) -> Setup:
    """``text`` added as the first paragraph of task 12's result (a double-quoted YAML string)."""
    quoted = text.replace("\\", "\\\\").replace('"', '\\"')
    return replace(TASK12, LINK_PARAGRAPHS, f'  - "{quoted}"\n{LINK_PARAGRAPHS}')


LINKS = [
    Case("javascript-link", "links", paragraph("Xem [tại đây](javascript:alert(1)) nhé"),
         published=no_script_links("Xem [tại đây](javascript:alert(1)) nhé")),
    Case("other-link-targets", "links",
         steps(paragraph("Xem [tại đây]( JavaScript:alert(document.cookie)) nhé"),
               paragraph("Tải [tệp](data:text/html;base64,PHNjcmlwdD4=) về"),
               paragraph('Xem [cổng](https://dichvucong.gov.vn" onmouseover="alert(1)) nhé'),
               paragraph("Nộp hồ sơ tại [Cổng Dịch vụ công](https://dichvucong.gov.vn).")),
         published=all_of(no_script_links("Xem [tại đây]( JavaScript:alert(document.cookie)) nhé"),
                          no_script_links("Tải [tệp](data:text/html;base64,PHNjcmlwdD4=) về"),
                          no_script_links('Xem [cổng](https://dichvucong.gov.vn" onmouseover="alert(1)) nhé'),
                          https_link("Cổng Dịch vụ công", "https://dichvucong.gov.vn"))),
    Case("javascript-autolink", "links", paragraph("Xem <javascript:alert(1)> nhé"),
         (f"{TASK12}:8: lỗi: result[0]: " + HTML.format(
             tag="<javascript:alert(1)>", found="'Xem <javascript:alert(1)> nhé'"),)),
    Case("javascript-url-field", "links", append(EVIDENCE, "url: javascript:alert(1)\n"),
         (f"{EVIDENCE}:6: lỗi: url: địa chỉ web phải bắt đầu bằng http:// hoặc https:// và không có dấu cách "
          "(tìm thấy: 'javascript:alert(1)')",)),
]

CASES = [*YAML, *ENCODINGS, *LIMITS, *STRAY, *ATTACHMENTS, *LINKS]


# --- running a content case -----------------------------------------------------------------------

def marked(cases: Iterable[Case | Command]) -> list[object]:
    """Cases as pytest parameters, each named by its id; a bug makes it a strict xfail."""
    return [pytest.param(case, id=case.id, marks=[pytest.mark.xfail(strict=True, reason=case.bug)] if case.bug else [])
            for case in cases]


@pytest.fixture(scope="session")
def base(tmp_path_factory) -> Path:
    """The 2024 fixture project with the portal's items, attachments and news, built once: every case
    starts from a copy."""
    project = make_project(tmp_path_factory.mktemp("corpus") / "base", "content-2024", "portal")
    build(project)
    return project


@pytest.fixture
def project(base, tmp_path) -> Path:
    """A copy of the base project. Only content/ is copied byte by byte (setups edit its files in place);
    the rest, the previous site/ included, is hard-linked: a build replaces files, it never edits them."""
    copy = tmp_path / "project"
    shutil.copytree(base, copy, symlinks=True, copy_function=os.link, ignore=lambda folder, names: (
        ["content"] if Path(folder) == base else []))
    shutil.copytree(base / "content", copy / "content", symlinks=True)
    return copy


def snapshot(folder: Path, skip: Iterable[str] = ()) -> dict[str, str]:
    """Every file, folder and link under ``folder``: SHA-256 of the bytes, or where a link points."""
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if name in skip:
            continue
        if path.is_symlink():
            found[name] = "-> " + os.readlink(path)
        elif path.is_file():
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[name] = "/"
    return found


def process(project: Path, *args: str) -> Run:
    done = run_generator(*args, cwd=project)
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.mark.parametrize("case", marked(CASES))
def test_content(case: Case, project: Path, cli_run: Cli) -> None:
    case.setup(project)
    content, site = snapshot(project / "content"), snapshot(project / "site")
    if case.process:
        check, built = process(project, "check"), process(project, "build")
    else:
        check, built = cli_run("--project", project, "check"), cli_run("--project", project, "build")
    for run in (check, built):
        assert "Traceback" not in run.out + run.err
    if case.errors:
        expected = [*case.errors, summary(len(case.errors))]
        assert (check.code, check.out, check.err.splitlines()) == (1, "", expected)
        assert (built.code, built.out, built.err.splitlines()) == (1, "", [expected[0], *expected[1:],
                                                                           STOPPED, KEPT])
        assert snapshot(project / "site") == site
        assert not list(project.glob(".site-*"))
    else:
        assert check.code == 0, check.err
        assert (built.code, built.out) == (0, BUILT + "\n"), built.err
        assert case.published is not None
        case.published(project / "site")
    assert snapshot(project / "content") == content


# --- commands: arguments, targets, locks, the importer, new item -------------------------------

@dataclass(frozen=True)
class Command:
    """``python -m generator --project <project> ARGS`` (in this process) after ``setup``.

    ``{project}``, ``{parent}`` and the names a setup returns are filled in ``args``, ``err`` and ``out``.
    ``err`` and ``out`` are every line printed (``out`` None: not compared). A refusal leaves the
    whole project as it was, unless ``unchanged`` is False;
    ``after`` checks what a command did (project, base project); ``shown``: lines stdout must include.
    """

    id: str
    kind: str
    args: tuple[str, ...]
    setup: Setup | None = None
    code: int = 1
    err: tuple[str, ...] = ()
    out: tuple[str, ...] | None = ()
    unchanged: bool = True
    after: Callable[[Path, Path], None] | None = None
    shown: tuple[str, ...] = ()  # lines that must be among those printed on stdout
    bug: str | None = None


# --- destructive targets for build --site-dir

REFUSED_DIR = ("Không xây dựng vào {{project}}/{name}: thư mục này là, chứa hoặc nằm trong {name}/ của dự án. "
               "Chọn một thư mục riêng, ví dụ --site-dir site")
WHOLE_PROJECT = ("Không xây dựng vào {where}: thư mục này chứa cả dự án (nội dung, mã nguồn). "
                 "Chọn một thư mục riêng, ví dụ --site-dir site")


def project_sources(project: Path) -> None:
    """What a real checkout has beside content/: git's folder and the program's."""
    put(".git/HEAD", "ref: refs/heads/main\n")(project)
    put("generator/__init__.py", '"""Trang công khai."""\n')(project)


def built_into(folder: str) -> Callable[[Path, Path], None]:
    """The new site is in ``folder`` (stamped, with its home page) and no temporary folder is left."""
    def check(project: Path, base: Path) -> None:
        assert (project / folder / STAMP).is_file()
        assert "UBND phường 4" in (project / folder / "index.html").read_text(encoding="utf-8")
        assert not list((project / folder).parent.glob(".site-*"))
    return check


def site_restored(project: Path, base: Path) -> None:
    """The site a killed build had moved aside is back, byte for byte; nothing else is left."""
    assert snapshot(project / "site") == snapshot(base / "site")
    assert not list(project.glob(".site-*"))


DESTRUCTIVE = [
    Command("site-dir-content", "destructive", ("build", "--site-dir", "content"),
            err=(REFUSED_DIR.format(name="content"),)),
    Command("site-dir-inside-content", "destructive", ("build", "--site-dir", "content/site"),
            err=("Không xây dựng vào {project}/content/site: thư mục này là, chứa hoặc nằm trong content/ của dự án. "
                 "Chọn một thư mục riêng, ví dụ --site-dir site",)),
    Command("site-dir-project", "destructive", ("build", "--site-dir", "."), project_sources,
            err=(WHOLE_PROJECT.format(where="{project}"),)),
    Command("site-dir-above-project", "destructive", ("build", "--site-dir", ".."),
            err=(WHOLE_PROJECT.format(where="{parent}"),)),
    Command("site-dir-git", "destructive", ("build", "--site-dir", ".git"), project_sources,
            err=(REFUSED_DIR.format(name=".git"),)),
    Command("site-dir-generator", "destructive", ("build", "--site-dir", "generator"), project_sources,
            err=(REFUSED_DIR.format(name="generator"),)),
    Command("site-dir-docs", "destructive", ("build", "--site-dir", "docs"), err=(REFUSED_DIR.format(name="docs"),)),
    Command("site-dir-link-to-content", "destructive", ("build", "--site-dir", "lien-ket"),
            symlink("lien-ket", "content"), err=(REFUSED_DIR.format(name="content"),)),
    Command("site-dir-unrelated-folder", "destructive", ("build", "--site-dir", "tai-lieu"),
            put("tai-lieu/bien-ban-hop.docx", b"PK\x03\x04 bien ban"),
            err=("Không xây dựng vào {project}/tai-lieu: thư mục đã có tệp nhưng không phải trang do lệnh này xây "
                 "dựng (thiếu tệp .phuong-site), nên có thể mất dữ liệu. Chọn thư mục trống hoặc thư mục mới.",)),
    Command("site-dir-file", "destructive", ("build", "--site-dir", "ghi-chu.txt"), put("ghi-chu.txt", "Ghi chú.\n"),
            err=("Không xây dựng vào {project}/ghi-chu.txt: đó là một tệp, không phải thư mục.",)),
    Command("site-dir-previous-build", "destructive", ("build", "--site-dir", "ban-cu"), duplicate("site", "ban-cu"),
            code=0, err=None, out=("Đã xây dựng trang vào ban-cu. Mở ban-cu/index.html để xem.",),
            after=built_into("ban-cu")),
]


# --- kills and concurrent runs

_HOLDERS: list[subprocess.Popen[str]] = []
HOLD = """\
import fcntl, os, sys
lock = open(sys.argv[1], "a+")
fcntl.flock(lock, fcntl.LOCK_EX)  # as a running build holds it, and writes its process id there
lock.seek(0); lock.truncate(); lock.write(str(os.getpid())); lock.flush()
print("ok", flush=True)
sys.stdin.read()  # until the test closes our input
"""


def hold_lock(project: Path) -> dict[str, str]:
    """Another process holds the build lock of ``project``, as a build running in another window would."""
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(project / LOCK)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    _HOLDERS.append(child)
    assert child.stdout is not None and child.stdout.readline() == "ok\n"
    return {"pid": str(child.pid)}


def release_holders() -> None:
    while _HOLDERS:
        child = _HOLDERS.pop()
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=30)


def killed_build_leftovers(project: Path) -> None:
    """What a build killed mid-way leaves: its half-written folder, and the old site it was moving aside."""
    put(".site-build-k1ll3d/index.html", "<p>nửa chừng</p>")(project)
    put(".site-old-site/index.html", "<p>bản cũ hơn</p>")(project)


CONTENT_ERROR = "content/unit.yaml:9: lỗi: phon: trường không có trong mẫu nội dung (cần: có phải ý bạn là 'phone'?)"

KILLS = [
    Command("lock-held-by-another-process", "kills", ("build",), hold_lock,
            err=("Một lần xây dựng khác của dự án này đang chạy (tiến trình {pid}). Chờ lần đó xong rồi chạy lại.",)),
    Command("stale-lock-file", "kills", ("build",), put(LOCK, "424242"),
            code=0, err=None, out=(BUILT,), after=built_into("site")),
    Command("leftovers-of-a-killed-build", "kills", ("build",), killed_build_leftovers,
            code=0, err=None, out=(BUILT,), after=built_into("site")),
    Command("site-moved-aside-by-a-killed-build", "kills", ("build",), move("site", ".site-old-site"),
            code=0, err=None, out=(BUILT,), after=built_into("site")),
    Command("site-moved-aside-then-bad-content", "kills", ("build",),
            steps(move("site", ".site-old-site"), replace(UNIT, "phone:", "phon:")),
            err=(CONTENT_ERROR, summary(1), STOPPED, KEPT), unchanged=False, after=site_restored),
]


# --- the importer

IMPORTED = "content/reports/2025-bao-cao"
SOURCE_TXT = str(FIXTURES / "bao-cao-2024.txt")
NOTHING = ("Tìm thấy 1 lỗi trong tệp nguồn. Hãy sửa các chỗ trên rồi chạy lại.", "Chưa ghi tệp nào.")
OUT_OUTSIDE = ("{source}: lỗi: --out: thư mục đích phải nằm trong content/reports/ (tìm thấy: {out}; "
               "cần: content/reports/<tên-báo-cáo>, ví dụ content/reports/2025-cam-ket-par-index)")
NOT_IMPORTABLE = ("{{project}}/{name}: lỗi: không nhập được loại tệp này (tìm thấy: {suffix}; "
                  "cần: tệp Word .docx hoặc tệp văn bản .txt (bản xuất dạng văn bản))")


def nothing_beside_project(project: Path, base: Path) -> None:
    assert not (project.parent / "bao-cao-ngoai").exists()


def zip_without_word(project: Path) -> None:
    """A zip file named .docx that holds no Word document."""
    import zipfile

    with zipfile.ZipFile(project / "bao-cao.docx", "w") as archive:
        archive.writestr("ghi-chu.txt", "xin chào")


IMPORTER = [
    Command("import-pdf", "importer", ("import", "{project}/bao-cao.pdf", "--out", f"{{project}}/{IMPORTED}"),
            copy_in("ke-hoach-124.pdf", "bao-cao.pdf"), err=(NOT_IMPORTABLE.format(name="bao-cao.pdf", suffix=".pdf"),
                                                             *NOTHING)),
    Command("import-old-word-doc", "importer", ("import", "{project}/bao-cao.doc", "--out", f"{{project}}/{IMPORTED}"),
            copy_in("hong.docx", "bao-cao.doc"), err=(NOT_IMPORTABLE.format(name="bao-cao.doc", suffix=".doc"),
                                                      *NOTHING)),
    Command("import-missing-file", "importer",
            ("import", "{project}/khong-co.docx", "--out", f"{{project}}/{IMPORTED}"),
            err=("{project}/khong-co.docx: lỗi: không tìm thấy tệp (cần: đường dẫn tới tệp báo cáo có thật)",
                 *NOTHING)),
    Command("import-out-in-project-root", "importer", ("import", SOURCE_TXT, "--out", "{project}/bao-cao-moi"),
            err=(OUT_OUTSIDE.format(source=SOURCE_TXT, out="{project}/bao-cao-moi"), *NOTHING)),
    Command("import-out-in-evidence", "importer", ("import", SOURCE_TXT, "--out", "{project}/content/evidence/2025"),
            err=(OUT_OUTSIDE.format(source=SOURCE_TXT, out="{project}/content/evidence/2025"), *NOTHING)),
    Command("import-out-outside-project", "importer", ("import", SOURCE_TXT, "--out", "{parent}/bao-cao-ngoai"),
            err=(OUT_OUTSIDE.format(source=SOURCE_TXT, out="{parent}/bao-cao-ngoai"), *NOTHING),
            after=nothing_beside_project),
    Command("import-existing-folder-without-force", "importer",
            ("import", SOURCE_TXT, "--out", f"{{project}}/{REPORT_DIR}"),
            err=(f"{SOURCE_TXT}: lỗi: --out: thư mục báo cáo đã có, không ghi đè (tìm thấy: {{project}}/{REPORT_DIR}; "
                 "cần: chọn tên khác, hoặc thêm --force để nhập lại: thư mục cũ được chuyển nguyên vẹn vào "
                 f"{{project}}/sao-luu/{REPORT_SLUG}-<ngày>-<giờ>/ (bản sao lưu, không mất gì) "
                 "rồi thay bằng bản nhập mới)",
                 *NOTHING)),
    Command("import-out-is-a-file", "importer", ("import", SOURCE_TXT, "--out", f"{{project}}/{IMPORTED}"),
            put(IMPORTED, "không phải thư mục\n"),
            err=(f"{SOURCE_TXT}: lỗi: --out: đường dẫn đích là một tệp, không phải thư mục (tìm thấy: {{project}}/"
                 f"{IMPORTED}; cần: content/reports/<tên-báo-cáo> là một thư mục)", *NOTHING)),
    Command("import-corrupt-docx", "importer", ("import", "{project}/bao-cao.docx", "--out", f"{{project}}/{IMPORTED}"),
            copy_in("hong.docx", "bao-cao.docx"),
            err=("{project}/bao-cao.docx: lỗi: tệp .docx bị hỏng, không mở được (tìm thấy: BadZipFile; "
                 "cần: mở tệp trong Word, lưu lại dạng .docx rồi nhập lại)", *NOTHING)),
    Command("import-zip-without-word", "importer",
            ("import", "{project}/bao-cao.docx", "--out", f"{{project}}/{IMPORTED}"), zip_without_word,
            err=("{project}/bao-cao.docx: lỗi: tệp .docx bị hỏng, không mở được (tìm thấy: KeyError; "
                 "cần: mở tệp trong Word, lưu lại dạng .docx rồi nhập lại)", *NOTHING)),
    Command("import-empty-txt", "importer", ("import", "{project}/trong.txt", "--out", f"{{project}}/{IMPORTED}"),
            put("trong.txt", ""),
            err=("{project}/trong.txt: lỗi: đầu văn bản: không thấy dòng số, ký hiệu "
                 "(cần: dòng 'Số: 12/BC-UBND' (số có thể để trống))", *NOTHING)),
]


# --- new item: ids and categories

BAD_ID = ("--id: lỗi: mã không dùng được làm tên tệp và địa chỉ trang (tìm thấy: '{id}'; "
          "cần: chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ tb-15-ubnd-2024)")
NEW_ITEM = ("new", "item", "--category", "tuyen-dung", "--id")


def nothing_in_tmp(project: Path, base: Path) -> None:
    assert not Path("/tmp/x.yaml").exists()


def skeleton_written(project: Path, base: Path) -> None:
    """The skeleton is where the message says; it cannot be published until the clerk fills it in."""
    from generator.content.load import load_content
    from generator.problems import ContentError

    item = "content/disclosure/items/tb-20-ubnd-2024.yaml"
    assert (project / item).read_text(encoding="utf-8").startswith(
        '# Thông tin công khai mới, chuyên mục "Tuyển dụng" (tuyen-dung).\n')
    with pytest.raises(ContentError) as refused:
        load_content(project / "content", project)
    assert [str(problem) for problem in refused.value.problems] == [
        f"{item}:8: lỗi: title: trường để trống (cần: điền giá trị, hoặc xóa cả dòng nếu trường không bắt buộc)",
        f"{item}:35: lỗi: published: trường để trống (cần: điền giá trị, hoặc xóa cả dòng nếu trường không bắt buộc)"]


PATHS = [
    Command("new-item-id-climbing-out", "paths", (*NEW_ITEM, "../../../x"), err=(BAD_ID.format(id="../../../x"),
                                                                              NOT_CREATED)),
    Command("new-item-id-absolute", "paths", (*NEW_ITEM, "/tmp/x"), err=(BAD_ID.format(id="/tmp/x"), NOT_CREATED),
            after=nothing_in_tmp),
    Command("new-item-id-with-dot-dot", "paths", (*NEW_ITEM, "tb-15/../../x"),
            err=(BAD_ID.format(id="tb-15/../../x"), NOT_CREATED)),
    Command("new-item-id-vietnamese", "paths", (*NEW_ITEM, "thông-báo-15"),
            err=(BAD_ID.format(id="thông-báo-15"), NOT_CREATED)),
    Command("new-item-id-capitals", "paths", (*NEW_ITEM, "TB-15"), err=(BAD_ID.format(id="TB-15"), NOT_CREATED)),
    Command("new-item-id-index", "paths", (*NEW_ITEM, "index"),
            err=("--id: lỗi: mã 'index' là tên trang của chuyên mục, không dùng được làm mã thông tin "
                 "(tìm thấy: 'index'; cần: một mã khác, ví dụ tb-15-ubnd-2024)", NOT_CREATED),
            ),
    Command("new-item-id-taken", "paths", (*NEW_ITEM, "tb-15-ubnd-2024"),
            err=("tb-15-ubnd-2024.yaml: lỗi: tệp đã có, không ghi đè (cần: chọn mã khác bằng --id)", NOT_CREATED)),
    Command("new-item-unknown-category", "paths", ("new", "item", "--category", "tuyen-dng"),
            err=("--category: lỗi: không có chuyên mục 'tuyen-dng' (tìm thấy: 'tuyen-dng'; "
                 "cần: có phải ý bạn là 'tuyen-dung'?)", NOT_CREATED)),
    Command("new-item-category-path", "paths", ("new", "item", "--category", "../x"),
            err=("--category: lỗi: không có chuyên mục '../x' (tìm thấy: '../x'; cần: một trong: van-ban, "
                 "thu-tuc-hanh-chinh, dich-vu-cong, dieu-uoc-quoc-te, tu-sach-phap-luat, phap-luat-va-doi-song, "
                 "du-thao-lay-y-kien, dia-gioi-hanh-chinh, ke-hoach, quy-hoach-do-thi, ngan-sach, cuu-tro-dong-gop, "
                 "dau-tu-cong, ke-hoach-su-dung-dat, von-nha-nuoc-tai-doanh-nghiep, suc-khoe-moi-truong, "
                 "co-cau-to-chuc, thong-ke, tuyen-dung, de-tai-khoa-hoc, dia-chi-so-dien-thoai, tiep-can-thong-tin, "
                 "thue-phi-le-phi, tin-hoat-dong, dinh-chinh, danh-gia-hai-long)", NOT_CREATED)),
    Command("new-item-accepted", "paths", (*NEW_ITEM, "tb-20-ubnd-2024"), code=0,
            out=("Đã tạo content/disclosure/items/tb-20-ubnd-2024.yaml: điền các trường theo ghi chú trong tệp rồi "
                 "chạy make check.",
                 "Tệp đính kèm (nếu có): đặt vào content/disclosure/files/tuyen-dung/ và ghi vào trường attachment, "
                 "ví dụ attachment: disclosure/files/tuyen-dung/ten-tep.pdf"), after=skeleton_written),
]


# --- argument errors

HELP = "Xem hướng dẫn: python -m generator --help"


ARGUMENTS = [
    Command("unknown-command", "arguments", ("buid",),
            err=("Lỗi tham số: tham số command: lựa chọn không có: 'buid' (chọn một trong 'check', 'render', 'build', "
                 f"'dist', 'verify', 'new', 'schema', 'import'). {HELP}",)),
    Command("no-command", "arguments", (), err=(f"Lỗi tham số: thiếu tham số bắt buộc: command. {HELP}",)),
    Command("as-of-impossible-day", "arguments", ("check", "--as-of", "31/13/2024"),
            err=("Lỗi tham số: tham số --as-of: ngày 31/13/2024 không có thật trên lịch (tìm thấy: '31/13/2024'; "
                 f"cần: 31/12/2024 hoặc 2024-12-31). {HELP}",)),
    Command("as-of-impossible-iso-day", "arguments", ("build", "--as-of", "2024-02-30"),
            err=("Lỗi tham số: tham số --as-of: ngày 2024-02-30 không có thật trên lịch (tìm thấy: '2024-02-30'; "
                 f"cần: 31/12/2024 hoặc 2024-12-31). {HELP}",)),
    Command("as-of-words", "arguments", ("check", "--as-of", "hôm nay"),
            err=("Lỗi tham số: tham số --as-of: ngày phải viết dạng ngày/tháng/năm, ví dụ 26/02/2024 "
                 f"(tìm thấy: 'hôm nay'; cần: 31/12/2024 hoặc 2024-12-31). {HELP}",)),
    Command("as-of-missing-value", "arguments", ("check", "--as-of"),
            err=(f"Lỗi tham số: tham số --as-of: cần một giá trị. {HELP}",)),
    Command("new-without-category", "arguments", ("new", "item"),
            err=(f"Lỗi tham số: thiếu tham số bắt buộc: --category. {HELP}",)),
    Command("import-without-out", "arguments", ("import", "bao-cao.docx"),
            err=(f"Lỗi tham số: thiếu tham số bắt buộc: --out. {HELP}",)),
    Command("as-of-accepted", "arguments", ("check", "--as-of", "31/12/2024"), code=0, err=None, out=None,
            shown=("Nội dung hợp lệ: 1 báo cáo, 13 nhiệm vụ, 13 tài liệu kiểm chứng.",
                   "Tình trạng công khai tính đến ngày 31/12/2024:")),
    Command("as-of-iso-accepted", "arguments", ("check", "--as-of", "2024-12-31"), code=0, err=None, out=None,
            shown=("Tình trạng công khai tính đến ngày 31/12/2024:",)),
]

COMMANDS = [*DESTRUCTIVE, *KILLS, *IMPORTER, *PATHS, *ARGUMENTS]


def invoke(cli_run: Cli, *args: str | Path) -> Run:
    """``cli_run``, with argparse's exit (SystemExit) turned into the exit status, as ``python -m`` does."""
    try:
        return cli_run(*args)
    except SystemExit as stop:
        captured = cli_run.capsys.readouterr()
        return Run(stop.code if isinstance(stop.code, int) else 1, captured.out, captured.err)


@pytest.mark.parametrize("case", marked(COMMANDS))
def test_command(case: Command, project: Path, base: Path, cli_run: Cli) -> None:
    names = {"project": str(project), "parent": str(project.parent)}
    try:
        found = case.setup(project) if case.setup else None
        names.update(found if isinstance(found, dict) else {})
        before = snapshot(project, skip=(LOCK,))
        result = invoke(cli_run, "--project", project, *(arg.format(**names) for arg in case.args))
    finally:
        release_holders()
    assert "Traceback" not in result.out + result.err
    assert result.code == case.code, result.err
    if case.out is not None:
        assert result.out.splitlines() == [line.format(**names) for line in case.out]
    assert set(case.shown) <= set(result.out.splitlines())
    if case.err is not None:
        err = result.err.splitlines()
        assert err == [line.format(**names) for line in case.err]
    if case.code != 0 and case.unchanged:
        assert snapshot(project, skip=(LOCK,)) == before
    if case.after is not None:
        case.after(project, base)


def test_build_killed_mid_way_leaves_the_site_as_it_was(project: Path) -> None:
    """A real ``python -m generator build``, killed (SIGKILL) while it builds the new site: site/ is untouched.
    (Class: kills; case leftovers-of-a-killed-build shows the next build removing what it left.)"""
    before = snapshot(project / "site")
    child = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=project, env=ENV,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(0.5)
    deadline = time.monotonic() + 20
    while child.poll() is None and not list(project.glob(".site-build-*")) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert child.poll() is None, "the build ended before it could be killed"
    child.send_signal(signal.SIGKILL)
    _, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert "Traceback" not in err
    assert snapshot(project / "site") == before
