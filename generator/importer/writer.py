"""Write imported content as a person would (ruamel.yaml block style), then commit it atomically.

Strings are plain where YAML allows and double-quoted otherwise, like the hand-written
files; long lines are never folded.

Everything is first written to a staging folder ``<project>/.phuong-import-XXXX`` (beside
``content/``, on the same file system, never inside it: every file in ``content/`` must
be a content file). Then, in this order:

1. with ``--force``, the existing report folder is copied to
   ``<project>/sao-luu/<folder>-YYYYMMDD-HHMMSS/`` (copied in the staging folder, then
   renamed there in one step, so a backup is either whole or absent);
2. new evidence files are moved into ``content/evidence/`` (unused evidence is valid
   content, so the old report still loads);
3. the new report folder is exchanged with the old one in one step
   (:func:`generator.util.fs.swap_in`).

A failure rolls every step back. A kill leaves the old report folder or the new one at
its place, never neither: where the system cannot exchange two folders in one step,
the staging folder records the target (``dich.txt``) and :func:`clean_leftovers`, run
by the next import, moves the old folder back if the kill came between the two renames.
Imports of one project run one at a time (an advisory lock on the project folder).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ..schema.evidence import Evidence
from ..schema.report import Report, Task
from ..util.fs import inside, recover, remove_tree, swap_in

_PROBE = Emitter(io.StringIO(), allow_unicode=True)


def _styled(value: Any) -> Any:
    if isinstance(value, dict):
        return CommentedMap((k, _styled(v)) for k, v in value.items())
    if isinstance(value, list):
        seq = CommentedSeq(_styled(v) for v in value)
        if not value:
            seq.fa.set_flow_style()  # 'evidence: []', as in the hand-written tasks
        return seq
    # A text starting with '?' or ':' is quoted without asking the probe: for those, ruamel asks
    # its serializer for the YAML version, which a bare Emitter does not have.
    if isinstance(value, str) and (value[:1] in ("?", ":") or not _PROBE.analyze_scalar(value).allow_block_plain):
        return DoubleQuotedScalarString(value)
    return value


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 1_000_000
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


_YAML = _yaml()  # one instance for every file: setting one up costs as much as dumping a task


def dump(data: dict[str, Any], comment: str) -> str:
    node = _styled(data)
    node.yaml_set_start_comment(comment)
    out = io.StringIO()
    _YAML.dump(node, out)
    return out.getvalue()


# Left empty on purpose in the hand-written files: a draft has no number or date yet, and a
# task whose source names no evidence says so with 'evidence: []'.
_SHOWN_EMPTY = {Report: {"number", "date"}, Task: {"evidence"}}


def _filled(model: BaseModel) -> dict[str, Any]:
    """The model's data without the optional fields the source left at their default, as a person
    writes the file: a field added to the schema later does not appear empty in every import."""
    data = model.model_dump(mode="json")
    for name, default in _defaults(type(model)).items():
        if data[name] == default:
            del data[name]
    return data


@cache
def _defaults(model: type[BaseModel]) -> dict[str, Any]:
    """Optional fields and their defaults as data (computed once per model: pydantic is slow at it)."""
    keep = _SHOWN_EMPTY.get(model, set())
    defaults = {}
    for name, field in model.model_fields.items():
        if not field.is_required() and name not in keep:
            default = field.get_default(call_default_factory=True)
            defaults[name] = default.model_dump(mode="json") if isinstance(default, BaseModel) else default
    return defaults


def report_data(report: Report) -> dict[str, Any]:
    data = _filled(report)
    for section in data.get("sections", []):
        if not section["paragraphs"]:
            del section["paragraphs"]
    return data


def task_data(task: Task) -> dict[str, Any]:
    return _filled(task)


def evidence_data(item: Evidence) -> dict[str, Any]:
    return item.model_dump(mode="json", exclude_none=True)


STAGE_PREFIX = ".phuong-import-"
BACKUP_DIR = "sao-luu"
_NEW_REPORT = "bao-cao-moi"
_NEW_OTHER = "tep-moi"
_OLD_REPORT = "bao-cao-cu"
_BACKUP_COPY = "sao-luu-dang-chep"
_JOURNAL = "dich.txt"


class Busy(Exception):
    """Another import of the same project is running."""


@contextmanager
def project_lock(project: Path) -> Iterator[None]:
    """Hold an exclusive lock on the project folder for one import; :class:`Busy` if another holds it.

    The lock is the kernel's (``flock``) on the folder itself: nothing is written, and it
    is released when its holder exits or is killed.
    """
    handle = os.open(project, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy(str(project)) from None
        yield
    finally:
        os.close(handle)  # closing releases the lock


def clean_leftovers(project: Path) -> list[Path]:
    """Remove staging folders of imports that were killed; restore a report folder a kill left missing.

    Call with the project lock held. Returns the folders removed.
    """
    removed = []
    for stage in sorted(project.glob(f"{STAGE_PREFIX}*")):
        if stage.is_symlink() or not stage.is_dir():
            continue
        journal = stage / _JOURNAL
        if journal.is_file() and (stage / _OLD_REPORT).is_dir():
            target = Path(journal.read_text(encoding="utf-8").strip())
            if target.is_absolute() and inside(target.parent, project):
                recover(target, stage / _OLD_REPORT)
        remove_tree(stage)
        removed.append(stage)
    return removed


def backup_path(project: Path, folder_name: str, now: dt.datetime) -> Path:
    """``<project>/sao-luu/<folder>-YYYYMMDD-HHMMSS``, with ``-2``, ``-3``, … if that one is taken."""
    base = project / BACKUP_DIR / f"{folder_name}-{now:%Y%m%d-%H%M%S}"
    candidate, n = base, 2
    while candidate.exists():
        candidate, n = base.with_name(f"{base.name}-{n}"), n + 1
    return candidate


@dataclass(frozen=True)
class Committed:
    backup: Path | None  # where the previous report folder is kept (None: there was none)


def commit(content_root: Path, files: dict[str, str], replace: Path | None,
           now: dt.datetime | None = None) -> Committed:
    """Write ``files`` (text by path relative to ``content_root``) all or none.

    ``replace`` is the report folder the files under it make up, swapped in whole; an
    existing one is kept as a backup first. Other files must not exist yet.
    """
    project = content_root.parent
    stage = Path(tempfile.mkdtemp(prefix=STAGE_PREFIX, dir=project))
    new_report, old_report = stage / _NEW_REPORT, stage / _OLD_REPORT
    moved: list[Path] = []
    backup: Path | None = None
    made_backup_dir = False
    new_inode: int | None = None
    try:
        others = _write(stage, content_root, files, replace)
        if replace is not None and replace.exists():
            copy = stage / _BACKUP_COPY
            shutil.copytree(replace, copy, symlinks=True)
            backup = backup_path(project, replace.name, now or dt.datetime.now())
            if not backup.parent.exists():
                backup.parent.mkdir(parents=True)
                made_backup_dir = True
            os.rename(copy, backup)
        for rel in others:
            target = content_root / rel
            if target.exists():
                raise FileExistsError(errno.EEXIST, "tệp đã có", str(target))
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(stage / _NEW_OTHER / rel, target)
            moved.append(target)
        if replace is not None:
            (stage / _JOURNAL).write_text(str(replace), encoding="utf-8")
            replace.parent.mkdir(parents=True, exist_ok=True)
            new_inode = new_report.stat().st_ino
            swap_in(new_report, replace, old_report)
    except BaseException as exc:
        if new_inode is not None and replace is not None and _inode(replace) == new_inode:
            # The exchange happened and only tidying the staging folder failed: the import is
            # done (the backup is whole). Only an interruption (Ctrl+C) is still passed on.
            if not isinstance(exc, Exception):
                raise
        else:  # the new report is not at its place: put everything back as it was
            if replace is not None:
                recover(replace, old_report)
            for path in reversed(moved):
                path.unlink(missing_ok=True)
            if backup is not None:
                remove_tree(backup)
            if made_backup_dir:
                with contextlib.suppress(OSError):
                    (project / BACKUP_DIR).rmdir()
            raise
    finally:
        remove_tree(stage)
    return Committed(backup)


def _write(stage: Path, content_root: Path, files: dict[str, str], replace: Path | None) -> list[str]:
    """Write every file into the staging folder; return the ones outside the report folder."""
    others = []
    inside_report = f"{replace.relative_to(content_root).as_posix()}/" if replace is not None else None
    if replace is not None:
        (stage / _NEW_REPORT).mkdir()
    folders: set[Path] = set()
    for rel, text in files.items():
        if inside_report is not None and rel.startswith(inside_report):
            target = stage / _NEW_REPORT / rel.removeprefix(inside_report)
        else:
            target = stage / _NEW_OTHER / rel
            others.append(rel)
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        target.write_text(text, encoding="utf-8")
    return others


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except OSError:
        return None
