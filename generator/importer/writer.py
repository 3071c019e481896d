"""Write imported content as a person would: ruamel.yaml block style, then commit atomically.

Strings are plain where YAML allows and double-quoted otherwise, like the hand-written
files; long lines are never folded. Files are first written to a staging folder inside
``content/`` and moved into place only when all are written; a failure part-way puts
back what was there.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ..schema.evidence import Evidence
from ..schema.report import Report, Task

_PROBE = Emitter(io.StringIO(), allow_unicode=True)


def _styled(value: Any) -> Any:
    if isinstance(value, dict):
        return CommentedMap((k, _styled(v)) for k, v in value.items())
    if isinstance(value, list):
        seq = CommentedSeq(_styled(v) for v in value)
        if not value:
            seq.fa.set_flow_style()  # 'evidence: []', as in the hand-written tasks
        return seq
    if isinstance(value, str) and not _PROBE.analyze_scalar(value).allow_block_plain:
        return DoubleQuotedScalarString(value)
    return value


def dump(data: dict[str, Any], comment: str) -> str:
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 1_000_000
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    node = _styled(data)
    node.yaml_set_start_comment(comment)
    out = io.StringIO()
    yaml.dump(node, out)
    return out.getvalue()


def report_data(report: Report) -> dict[str, Any]:
    data = report.model_dump(mode="json")
    for section in data["sections"]:
        if not section["paragraphs"]:
            del section["paragraphs"]
    return data


def task_data(task: Task) -> dict[str, Any]:
    data = task.model_dump(mode="json")
    for optional in ("other_columns", "figures"):
        if not data[optional]:
            del data[optional]
    return data


def evidence_data(item: Evidence) -> dict[str, Any]:
    return item.model_dump(mode="json", exclude_none=True)


def commit(content_root: Path, files: dict[str, str], replace: Path | None) -> None:
    """Write ``files`` (paths relative to ``content_root``) all or none.

    ``replace`` is the report folder to swap in whole (it may already exist: --force).
    """
    stage = Path(tempfile.mkdtemp(prefix=".import-", dir=content_root))
    moved: list[Path] = []
    backup = stage / "old-report"
    try:
        for rel, text in files.items():
            target = stage / "new" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        if replace is not None:
            if replace.exists():
                os.replace(replace, backup)
            replace.parent.mkdir(parents=True, exist_ok=True)
            os.replace(stage / "new" / replace.relative_to(content_root), replace)
            moved.append(replace)
        for rel in files:
            target = content_root / rel
            if replace is not None and target.is_relative_to(replace):
                continue
            if target.exists():
                raise FileExistsError(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(stage / "new" / rel, target)
            moved.append(target)
    except BaseException:
        for path in reversed(moved):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        if backup.exists() and replace is not None:
            os.replace(backup, replace)
        raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)
