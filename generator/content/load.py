"""Load every content file, validate it, and run the checks that span files.

Reports every problem it finds before failing, so a clerk can fix them all in one pass.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..problems import ContentError, Problem, Severity
from ..schema.unit import Unit
from ..util.fs import resolved
from .allowlist import load_allow_list
from .crossfile import cross_file
from .disclosure import load_disclosure
from .evidence import load_evidence
from .inventory import unaccounted
from .model import Content
from .reader import Reader
from .reports import load_reports

UNIT_FILE = "unit.yaml"


def load_content(root: Path, project_dir: Path | None = None, as_of: dt.date | None = None) -> Content:
    """Load and validate ``root`` (a ``content/`` folder); raise ContentError listing every problem.

    ``as_of`` is the reference date of the disclosure status (default: today).
    """
    reader = Reader(root, project_dir, as_of)
    if not reader.root.is_dir():
        raise ContentError([Problem(reader.name(reader.root), None, "", "không tìm thấy thư mục nội dung",
                                    expected="thư mục content/ bên cạnh mkdocs.yml")])
    unit = _unit(reader)
    evidence = load_evidence(reader)
    reports = load_reports(reader)
    disclosure = load_disclosure(reader, reader.as_of, evidence.records)
    allowed = load_allow_list(reader)
    reader.problems.extend(cross_file(unit, reports, evidence.records, evidence.invalid))
    reader.problems.extend(unaccounted(reader))
    if any(p.severity is Severity.error for p in reader.problems) or unit is None:
        raise ContentError(reader.problems)
    warnings = tuple(p for p in reader.problems if p.severity is Severity.warning)
    return Content(reader.root, unit, tuple(reports), evidence.records, disclosure, warnings, allowed)


def _unit(reader: Reader) -> Unit | None:
    path = reader.root / UNIT_FILE
    reader.accounted.add(resolved(path))
    if not path.is_file():
        reader.problems.append(Problem(reader.name(path), None, "", "thiếu tệp thông tin đơn vị",
                                       expected="tệp content/unit.yaml với tên đơn vị, thành phố, tỉnh"))
        return None
    return reader.model(Unit, path)[0]
