"""What a clerk made by hand in a report folder that a re-import did not bring back.

After ``import --force``, the old folder is in ``sao-luu/``; this compares it with what the
import wrote, so the message can say what now lives only in the backup: files the import
does not make (a task added by hand, notes, an attachment), ``figures:`` blocks and
``other_columns`` of task files, and files that differ in any other way (comments, edits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.yamlfile import read_yaml
from ..content.yamltext import parse
from ..problems import ContentError


@dataclass(frozen=True)
class HandWork:
    """Paths relative to the report folder, sorted."""

    extra_files: tuple[str, ...] = ()  # in the backup only
    figures: tuple[str, ...] = ()  # task files whose figures: block the new file lacks
    other_columns: tuple[str, ...] = ()  # task files whose other_columns differ
    fields: tuple[str, ...] = ()  # 'file (field)': other fields only the old file has (e.g. acknowledged)
    edited: tuple[str, ...] = ()  # the data both files have differs (a hand edit, or the source changed)
    comments: tuple[str, ...] = ()  # same data, but comment lines (#) the new file lacks

    def __bool__(self) -> bool:
        return any((self.extra_files, self.figures, self.other_columns, self.fields, self.edited, self.comments))


def compare(backup: Path, written: dict[str, str]) -> HandWork:
    """The old report folder ``backup`` against ``written`` (text by path relative to the folder)."""
    extra: list[str] = []
    figures: list[str] = []
    columns: list[str] = []
    fields: list[str] = []
    edited: list[str] = []
    comments: list[str] = []
    for path in sorted(p for p in backup.rglob("*") if p.is_file() or p.is_symlink()):
        rel = path.relative_to(backup).as_posix()
        new_text = written.get(rel)
        if new_text is None:
            extra.append(rel)
            continue
        if path.is_symlink():
            edited.append(rel)
            continue
        try:
            same = path.read_bytes() == new_text.encode("utf-8")
        except OSError:
            same = False
        if same:
            continue
        old, new = _old_data(path, rel), _data(new_text, rel)
        if old is None or new is None:
            edited.append(rel)
            continue
        if old.get("figures") and old.get("figures") != new.get("figures"):
            figures.append(rel)
        if old.get("other_columns") and old.get("other_columns") != new.get("other_columns"):
            columns.append(rel)
        only_old = [k for k, v in old.items() if k not in _SHOWN_APART and k not in new and v not in _EMPTY]
        fields.extend(f"{rel} ({key})" for key in only_old)
        if any(old.get(k) != new.get(k) for k in new if k not in _SHOWN_APART):
            edited.append(rel)
        elif not only_old and _hand_comments(path.read_text(encoding="utf-8"), new_text):
            comments.append(rel)
    return HandWork(tuple(extra), tuple(figures), tuple(columns), tuple(fields), tuple(edited), tuple(comments))


_SHOWN_APART = ("figures", "other_columns")
_EMPTY: tuple[object, ...] = (None, "", [], {})


# The comment the import writes at the top of each file (see ``files_for``): it names the
# source file, so it differs between imports without being anyone's hand work.
GENERATED_COMMENT = re.compile(
    r"#.*(?:nhập từ .+|Đối chiếu với văn bản gốc|Văn bản nguồn không nêu tài liệu kiểm chứng)")


def _hand_comments(old_text: str, new_text: str) -> list[str]:
    """Comment lines of the old file that the new one lacks, leaving out the import's own header."""
    new_comments = {line.strip() for line in new_text.splitlines() if line.lstrip().startswith("#")}
    return [line.strip() for line in old_text.splitlines()
            if line.lstrip().startswith("#") and line.strip() not in new_comments
            and not GENERATED_COMMENT.fullmatch(line.strip())]


def _old_data(path: Path, name: str) -> dict[str, Any] | None:
    """The old file's data, read within the content limits; None if it does not read as a mapping."""
    if path.suffix != ".yaml" or path.is_symlink():
        return None
    try:
        data = read_yaml(path, name).data
    except (ContentError, OSError):
        return None
    return data if isinstance(data, dict) else None


def _data(text: str, name: str) -> dict[str, Any] | None:
    try:
        data = parse(text, name)
    except ContentError:
        return None
    return data if isinstance(data, dict) else None
