"""Read one YAML file, keeping line numbers, and turn schema errors into located problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ..problems import ContentError, Problem
from ..util.suggest import suggest

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
            return _round_trip().load(self.text)
        except YAMLError:  # the fast parser accepted it; lines are then unknown
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


def _round_trip() -> YAML:
    return YAML(typ="rt", pure=True)


@cache
def _safe_loader() -> YAML:
    # Made once: building a YAML object costs as much as parsing a small file.
    return YAML(typ="safe")


def _fast_load(text: str) -> Any:
    # The C parser (ruamel.yaml.clib) with ruamel's YAML 1.2 safe constructor: the same
    # values as the round-trip loader, about 8x faster; it matters at thousands of files.
    return _safe_loader().load(text)


def _start_line(node: Any) -> int | None:
    lc = getattr(node, "lc", None)
    return lc.line + 1 if lc is not None and lc.line is not None else 1


def read_yaml(path: Path, name: str) -> YamlFile:
    """Parse ``path``; a syntax error becomes a ContentError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError([Problem(name, None, "", "tệp không phải văn bản UTF-8",
                                    found=f"byte lạ ở vị trí {exc.start}", expected="lưu tệp dạng UTF-8")]) from None
    try:
        data = _fast_load(text)
        return YamlFile(name, {} if data is None else data, text)
    except YAMLError:
        pass  # parse again with the round-trip loader, whose messages we know
    try:
        data = _round_trip().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ContentError([Problem(name, line, "", "sai cú pháp YAML",
                                    found=(exc.problem or "").strip() or None,
                                    expected="đúng cú pháp YAML: 'tên: giá trị', thụt lề bằng dấu cách")]) from None
    except YAMLError as exc:
        raise ContentError([Problem(name, None, "", f"sai cú pháp YAML: {exc}")]) from None
    if data is None:
        data = {}
    return YamlFile(name, data)


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
    elif kind in {"string_type", "str_type"}:
        message, expected = "sai kiểu dữ liệu", "một đoạn chữ"
    elif kind in {"int_type", "int_parsing", "int_from_float"}:
        message, expected = "sai kiểu dữ liệu", "một số nguyên"
    elif kind == "list_type":
        message, expected = "sai kiểu dữ liệu", "một danh sách, mỗi mục một dòng bắt đầu bằng '- '"
    elif kind in {"model_type", "dict_type", "model_attributes_type"}:
        message, expected = "sai kiểu dữ liệu", "một nhóm trường 'tên: giá trị'"
    elif kind == "enum":
        message, expected = "giá trị không hợp lệ", err["ctx"]["expected"].replace(" or ", " hoặc ")
    elif kind in {"greater_than", "greater_than_equal", "less_than_equal", "less_than"}:
        limit = err["ctx"][next(iter(err["ctx"]))]
        message, expected = "giá trị nằm ngoài khoảng cho phép", f"{_compare(kind)} {limit}"
    elif kind == "value_error":
        message = str(err["ctx"]["error"])
    else:
        message = err["msg"]
    return Problem(doc.name, doc.line_of(loc), field_name(loc), message, found=found, expected=expected)


def _compare(kind: str) -> str:
    return {"greater_than": ">", "greater_than_equal": "≥", "less_than_equal": "≤", "less_than": "<"}[kind]


def _show(value: Any) -> str | None:
    if isinstance(value, (dict, list)) or value is None:
        return None
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
