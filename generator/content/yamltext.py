"""Turn the bytes of a content file into YAML data safely, or say exactly where it goes wrong.

Every refusal names the line and column: a file too large, text that is not UTF-8, a Tab,
nesting or aliasing beyond the limits, a YAML syntax error. Dates are kept as text
(``2024-13-01`` is then a wrong date, not a crash), so both parsers give the same values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ..problems import ContentError, Problem
from ..util.vn import file_size, vn_number
from .limits import MAX_DEPTH, MAX_FILE_KB, MAX_NODES, MAX_TEXT_CHARS

MAX_INDENT = 4 * MAX_DEPTH
SYNTAX_HINT = "đúng cú pháp YAML: 'tên: giá trị', thụt lề bằng dấu cách"


def read_text(path: Path, name: str) -> str:
    """The file's text, checked for size, encoding, Tabs and nesting before any parser sees it."""
    size = path.stat().st_size
    if size > MAX_FILE_KB * 1024:
        _fail(name, None, f"tệp nội dung quá lớn ({file_size(size)})",
              expected=f"không quá {MAX_FILE_KB // 1024} MB; tách nội dung ra nhiều tệp")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(raw[: exc.start].decode("utf-8", errors="replace"))
        _fail(name, line, f"tệp không phải văn bản UTF-8 (byte lạ ở cột {column})",
              expected="mở tệp bằng trình soạn thảo và lưu lại dạng UTF-8")
    text = text.removeprefix("\ufeff")  # a BOM, as Notepad writes it
    _check_tabs(text, name)
    _check_indent(text, name)
    _check_inline_nesting(text, name)
    _check_flow_depth(text, name)
    return text


# Problems found far from their cause: an unclosed quote or bracket is noticed at the end of
# the file, but the parser's context mark is where it opens, the line the clerk must fix.
_AT_OPENING = re.compile(r"unexpected end of stream|expected ',' or|found unexpected end")


def parse(text: str, name: str, *, round_trip: bool = False) -> Any:
    """YAML data (``round_trip`` keeps line numbers but is slower); see :func:`shape_problem`."""
    try:
        data = (_round_trip() if round_trip else _safe()).load(text)
    except MarkedYAMLError as exc:
        problem, context = (exc.problem or "").strip(), (exc.context or "").strip()
        opening = _AT_OPENING.search(problem) and exc.context_mark is not None
        mark = exc.context_mark if opening else exc.problem_mark or exc.context_mark
        message, expected = explain(problem, context)
        _fail(name, mark.line + 1 if mark else None, message, expected=expected)
    except RecursionError:
        _fail(name, None, f"các nhóm lồng nhau quá {MAX_DEPTH} tầng", expected="cấu trúc phẳng hơn")
    except (YAMLError, ValueError) as exc:
        message, expected = explain(str(exc).splitlines()[0] if str(exc) else "")
        at = getattr(exc, "position", None)  # a character the reader refuses
        line = _position(text[:at])[0] if isinstance(at, int) else tag_line(text)
        _fail(name, line, message, expected=expected)
    return {} if data is None else data


# What the YAML parsers say (English), and what a clerk should read and do instead.
_EXPLAINED = [
    (r"unexpected end of stream", "tệp kết thúc khi dấu nháy hoặc dấu ngoặc chưa đóng",
     "đóng dấu nháy \" hoặc ' và dấu ngoặc ] } đã mở"),
    (r'duplicate key "(?P<x>[^"]*)"', "trường '{x}' xuất hiện hai lần", "giữ một lần, xóa dòng lặp"),
    (r"mapping values are not allowed here", "dấu hai chấm ': ' ở chỗ không được phép",
     'nếu dấu hai chấm thuộc đoạn chữ, đặt cả đoạn trong dấu nháy kép, ví dụ "Lưu: VT."'),
    (r"expected <block end>|did not find expected '-' indicator|expected <block mapping start>",
     "thụt lề không khớp với các dòng ở trên", "thụt lề bằng dấu cách, các mục cùng cấp thẳng hàng nhau"),
    (r"could not find expected ':'", "thiếu dấu hai chấm sau tên trường", "viết 'tên: giá trị'"),
    (r"special characters are not allowed|unacceptable character",
     "tệp có ký tự điều khiển không in được (thường do dán từ chương trình khác)", "xóa ký tự lạ ở dòng này"),
    (r"expected ',' or '[\]}]'", "dấu ngoặc [ hoặc {{ chưa đóng", "đóng ngoặc, hoặc đặt giá trị trong dấu nháy kép"),
    (r"found character '(?P<x>.)' that cannot start any token", "ký tự '{x}' không được đứng đầu giá trị",
     "đặt cả giá trị trong dấu nháy kép"),
    (r"could not determine a constructor|found undefined tag", "thẻ YAML (bắt đầu bằng !) không được dùng",
     "bỏ thẻ, hoặc đặt giá trị trong dấu nháy kép"),
    (r"expected a single document|found another document", "tệp có nhiều phần ngăn bởi ---",
     "mỗi tệp một nội dung, bỏ dòng ---"),
]


def explain(problem: str, context: str = "") -> tuple[str, str]:
    """The parser's complaint (and what it was doing) as a Vietnamese message and what to do."""
    for pattern, message, expected in _EXPLAINED:
        if match := re.search(pattern, f"{context} {problem}"):
            return "sai cú pháp YAML: " + message.format(**match.groupdict()), expected
    return "sai cú pháp YAML" + (f" ({problem})" if problem else ""), SYNTAX_HINT


def tag_line(text: str) -> int | None:
    """The line of the first YAML tag ('!foo', '!!python/…'): the only thing the safe parser refuses
    that the line-keeping one accepts."""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.search(r"(?:^|[:\-,\[{]\s+|^\s+)!", line):
            return number
    return None


def _position(before: str) -> tuple[int, int]:
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _fail(name: str, line: int | None, message: str, found: str | None = None, expected: str | None = None) -> None:
    raise ContentError([Problem(name, line, "", message, found=found, expected=expected)])


def _check_tabs(text: str, name: str) -> None:
    at = text.find("\t")
    if at >= 0:
        line, column = _position(text[:at])
        _fail(name, line, f"có ký tự Tab ở cột {column}", expected="thay Tab bằng dấu cách (YAML không nhận Tab)")


def _check_indent(text: str, name: str) -> None:
    """Block nesting shows as indentation; past the limit, refuse before a parser recurses into it."""
    for number, line in enumerate(text.splitlines(), start=1):
        indent = len(line) - len(line.lstrip(" "))
        if indent > MAX_INDENT:
            _fail(name, number, f"thụt lề quá sâu ({indent} dấu cách)",
                  expected=f"không quá {MAX_INDENT} dấu cách; các nhóm lồng nhau không quá {MAX_DEPTH} tầng")


def _check_inline_nesting(text: str, name: str) -> None:
    """'- - - - …' or '? ? ? …' on one line nests without indentation: refuse it before a parser recurses."""
    pattern = re.compile(rf"(?:^|\s)(?:[-?]\s+){{{MAX_DEPTH + 1},}}")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line):
            _fail(name, number, f"các nhóm lồng nhau quá {MAX_DEPTH} tầng", expected="cấu trúc phẳng hơn")


def _check_flow_depth(text: str, name: str) -> None:
    """Refuse '[[[[…' or '{{{{…' nested beyond the limit before a parser recurses into it."""
    depth, quote = 0, ""
    for at, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and depth:
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, _ = _position(text[:at])
                _fail(name, line, f"các nhóm lồng nhau quá {MAX_DEPTH} tầng", expected="cấu trúc phẳng hơn")
        elif char in "]}" and depth:
            depth -= 1
        elif char == "\n" and not depth:
            quote = ""


@dataclass(frozen=True)
class ShapeProblem:
    """A limit broken by the parsed data; ``loc`` is where (for its line), when there is one place."""

    message: str
    expected: str
    loc: tuple[str | int, ...] | None = None
    found: str | None = None
    line: int | None = None


def shape_problem(data: Any, text: str) -> ShapeProblem | None:
    """Depth, number of values (aliases counted each time they are used) and text length."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    nodes = 0
    while stack:
        node, loc = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            return ShapeProblem(f"tệp có quá nhiều giá trị (hơn {vn_number(MAX_NODES)})",
                                "bỏ các neo và bí danh (&, *) lặp lại, hoặc tách tệp")
        if len(loc) > MAX_DEPTH:
            return ShapeProblem(f"các nhóm lồng nhau quá {MAX_DEPTH} tầng", "cấu trúc phẳng hơn", loc)
        if isinstance(node, dict):
            stack.extend((value, (*loc, str(key))) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, (*loc, i)) for i, value in enumerate(node))
        elif isinstance(node, str) and len(node) > MAX_TEXT_CHARS:
            at = text.find(node[:40])
            return ShapeProblem(f"một giá trị chữ quá dài ({vn_number(len(node))} ký tự)",
                                f"không quá {vn_number(MAX_TEXT_CHARS)} ký tự", loc, repr(node[:40] + "…"),
                                _position(text[:at])[0] if at >= 0 else None)
    return None


def _as_text(constructor: SafeConstructor, node: Any) -> str:
    return str(constructor.construct_scalar(node))


class _SafeTextDates(SafeConstructor):
    pass


class _RoundTripTextDates(RoundTripConstructor):
    pass


_SafeTextDates.add_constructor("tag:yaml.org,2002:timestamp", _as_text)
_RoundTripTextDates.add_constructor("tag:yaml.org,2002:timestamp", _as_text)


@cache
def _safe() -> YAML:
    # The C parser (ruamel.yaml.clib) with ruamel's YAML 1.2 safe constructor: the same
    # values as the round-trip loader, about 8x faster; it matters at thousands of files.
    yaml = YAML(typ="safe")
    yaml.Constructor = _SafeTextDates
    return yaml


def _round_trip() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _RoundTripTextDates
    return yaml
