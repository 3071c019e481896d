"""Read one YAML file, keeping line numbers, and turn schema errors into located problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..problems import ContentError, Problem
from ..util.suggest import suggest
from .yamltext import explain, parse, read_text, shape_problem, tag_line

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class YamlFile:
    """A parsed YAML file and the name staff know it by (``content/…``).

    ``data`` comes from the fast safe loader; the round-trip tree, which knows line
    numbers, is parsed from ``text`` only when a message needs a line.
    """

    name: str
    data: Any
    text: str | None = field(default=None, compare=False, repr=False)

    @cached_property
    def _tree(self) -> Any:
        if self.text is None:
            return self.data
        try:
            return parse(self.text, self.name, round_trip=True)
        except ContentError:  # the fast parser accepted it; lines are then unknown
            return self.data

    def line_of(self, loc: tuple[str | int, ...]) -> int | None:
        """1-based line of the value at ``loc``, or of the nearest enclosing node."""
        node = self._tree
        line = _start_line(node)
        for key in loc:
            lc = getattr(node, "lc", None)
            try:
                if lc is None:
                    return line
                if isinstance(key, int) and isinstance(node, list) and key < len(node):
                    line = lc.item(key)[0] + 1
                elif isinstance(node, dict) and key in node:
                    # An empty value ('title:') has no position of its own: ruamel gives the
                    # next token's, on a later line. The key's line is the one to show.
                    where = lc.key(key) if node[key] is None else lc.value(key)
                    line = where[0] + 1
                else:
                    return line
            except (KeyError, TypeError, IndexError):
                return line
            node = node[key]
        return line


def _start_line(node: Any) -> int | None:
    lc = getattr(node, "lc", None)
    return lc.line + 1 if lc is not None and lc.line is not None else 1


def read_yaml(path: Path, name: str) -> YamlFile:
    """Parse ``path``; anything wrong becomes a ContentError naming file and line."""
    text = read_text(path, name)
    try:
        doc = YamlFile(name, parse(text, name), text)
    except ContentError:
        # Parse again with the round-trip parser, whose messages give the line; only tags
        # pass it and not the fast one.
        parse(text, name, round_trip=True)
        message, expected = explain("could not determine a constructor")
        raise ContentError([Problem(name, tag_line(text), "", message, expected=expected)]) from None
    broken = shape_problem(doc.data, text)
    if broken is not None:
        line = broken.line or (doc.line_of(broken.loc) if broken.loc else None)
        raise ContentError([Problem(name, line, "", broken.message, found=broken.found, expected=broken.expected)])
    return doc


def parse_model(model: type[M], doc: YamlFile, loc: tuple[str | int, ...] = ()) -> tuple[M | None, list[Problem]]:
    """Validate ``doc`` (or the node at ``loc`` in it) against ``model``."""
    node = doc.data
    for key in loc:
        node = node[key]
    try:
        return model.model_validate(node), []
    except ValidationError as exc:
        return None, [_problem(doc, model, loc + tuple(err["loc"]), err) for err in exc.errors()]


def field_name(loc: tuple[str | int, ...]) -> str:
    text = ""
    for key in loc:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text


def _problem(doc: YamlFile, model: type[BaseModel], loc: tuple[str | int, ...], err: Any) -> Problem:
    kind = err["type"]
    found = _show(err.get("input"))
    expected = None
    if kind == "missing":
        message, found = "thiếu trường bắt buộc", None
        expected = _description(model, loc)
    elif kind == "extra_forbidden":
        message = "trường không có trong mẫu nội dung"
        suggestion = suggest(str(loc[-1]), _siblings(model, loc))
        expected = (f"có phải ý bạn là '{suggestion}'?" if suggestion
                    else "xem danh sách trường trong docs-staff/huong-dan-noi-dung.md")
        found = None
    elif kind.endswith(("_type", "_parsing")) and err.get("input") is None:
        message, expected = "trường để trống", "điền giá trị, hoặc xóa cả dòng nếu trường không bắt buộc"
    elif kind in {"bool_type", "bool_parsing"}:
        message, expected = "sai kiểu dữ liệu", "true hoặc false"
    elif kind in {"string_type", "str_type"} and isinstance(err.get("input"), dict) and len(err["input"]) == 1:
        # '- Lưu: VT.' unquoted: the ': ' made YAML read a pair 'Lưu' -> 'VT.', not a text.
        key, value = next(iter(err["input"].items()))
        message = ("dấu hai chấm và dấu cách ': ' làm YAML hiểu dòng này là một cặp 'tên: giá trị', "
                   "không phải một đoạn chữ")
        found = repr(f"{key}: {value}" if value is not None else f"{key}:")
        expected = f'đặt cả đoạn chữ trong dấu nháy kép, ví dụ "{key}: {value if value is not None else ""}"'.rstrip()
    elif kind in {"string_type", "str_type"}:
        message, expected = "sai kiểu dữ liệu", "một đoạn chữ"
    elif kind in {"int_type", "int_parsing", "int_from_float", "finite_number"}:  # finite_number: .inf, .nan
        message, expected = "sai kiểu dữ liệu", "một số nguyên"
    elif kind == "list_type":
        message, expected = "sai kiểu dữ liệu", "một danh sách, mỗi mục một dòng bắt đầu bằng '- '"
    elif kind == "too_short":  # an empty list, 'forms: []'
        message = "danh sách không có mục nào"
        expected = f"ít nhất {err['ctx']['min_length']} mục, mỗi mục một dòng bắt đầu bằng '- '"
    elif kind in {"model_type", "dict_type", "model_attributes_type"}:
        message, expected = "sai kiểu dữ liệu", "một nhóm trường 'tên: giá trị'"
    elif kind == "enum":
        message, expected = "giá trị không hợp lệ", err["ctx"]["expected"].replace(" or ", " hoặc ")
    elif kind in {"greater_than", "greater_than_equal", "less_than_equal", "less_than"}:
        limit = err["ctx"][next(iter(err["ctx"]))]
        message, expected = "giá trị nằm ngoài khoảng cho phép", f"{_compare(kind)} {limit}"
    elif kind == "value_error":
        error = err["ctx"]["error"]
        message, expected = str(error), getattr(error, "expected", None)
    else:
        message = err["msg"]
    line = doc.line_of(loc)
    if isinstance(err.get("input"), float) and line is not None:
        found = _as_typed(doc, line) or found  # 305.000 as typed, not the 305.0 YAML made of it
    return Problem(doc.name, line, field_name(loc), message, found=found, expected=expected)


def _as_typed(doc: YamlFile, line: int) -> str | None:
    """The value on a line 'key: value' as the clerk typed it."""
    lines = (doc.text or "").splitlines()
    if not 0 < line <= len(lines) or ": " not in lines[line - 1]:
        return None
    return repr(lines[line - 1].split(": ", 1)[1].split(" #")[0].strip())


def _compare(kind: str) -> str:
    return {"greater_than": ">", "greater_than_equal": "≥", "less_than_equal": "≤", "less_than": "<"}[kind]


def _show(value: Any) -> str | None:
    if isinstance(value, (dict, list)) or value is None:
        return None
    if isinstance(value, bool):
        return repr("true" if value else "false")  # as YAML writes it, not Python
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "…")


def _submodel(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that owns the last key of ``loc``."""
    current: Any = model
    for key in loc[:-1]:
        if isinstance(key, int):
            continue
        fields = getattr(current, "model_fields", {})
        if key not in fields:
            return None
        current = _model_in(fields[key].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _siblings(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    owner = _submodel(model, loc)
    return list(owner.model_fields) if owner else []


def _description(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    owner = _submodel(model, loc)
    if owner and loc and loc[-1] in owner.model_fields:
        return owner.model_fields[str(loc[-1])].description
    return None
