"""Helpers for the upload-package tests: a fixture project ready to package, attachments, zips."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from pathlib import Path

from conftest import REPORT_DIR, make_project

PORTAL_DATE = dt.date(2024, 6, 30)
PACKAGE = "ubnd-phuong-4-2024-06-30.zip"
REPORT_FILE = f"{REPORT_DIR}/report.yaml"
DECISION = ('draft_publication:\n  decided_by: "Nguyễn Tài Hoàng Na, Chủ tịch UBND phường"\n'
            '  decided_on: "20/11/2024"\n')


def decide_draft(project: Path) -> Path:
    """Record the unit's decision to publish the fixture's draft report."""
    report = project / REPORT_FILE
    report.write_text(report.read_text(encoding="utf-8") + DECISION, encoding="utf-8")
    return project


def portal_project(folder: Path) -> Path:
    """The 2024 fixture with the portal overlay and the decision to publish its draft."""
    return decide_draft(make_project(folder, "content-2024", "portal"))


def add_evidence(project: Path, evidence_id: str, attachment: str) -> None:
    """An evidence record (a minute) with the file ``content/evidence/tep/<attachment>`` attached."""
    (project / "content/evidence" / f"{evidence_id}.yaml").write_text(
        f"kind: bien-ban\ntitle: Danh sách kiểm thử\nfile: evidence/tep/{attachment}\n", encoding="utf-8")


def write_docx(path: Path, paragraphs: list[str], table: list[list[str]]) -> None:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    grid = document.add_table(rows=len(table), cols=len(table[0]))
    for row, values in zip(grid.rows, table, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


def write_xlsx(path: Path, rows: list[list[object]], sheet: str = "Danh sách") -> None:
    from openpyxl import Workbook

    book = Workbook()
    page = book.active
    page.title = sheet
    for row in rows:
        page.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(path))


def entries(package: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(package) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def repack(source: Path, target: Path, changes: dict[str, bytes | None], *, rehash: bool = True) -> Path:
    """A copy of a package with some files replaced, added or removed (None); with ``rehash`` its
    MANIFEST.sha256 and manifest.json are brought up to date, so only the change itself is wrong."""
    files = entries(source)
    for name, data in changes.items():
        if data is None:
            files.pop(name, None)
        else:
            files[name] = data
    if rehash:
        info = json.loads(files["manifest.json"])
        info["files"] = len(files) - 1
        files["manifest.json"] = json.dumps(info, ensure_ascii=False, indent=2).encode()
        listed = {n: hashlib.sha256(d).hexdigest() for n, d in files.items() if n != "MANIFEST.sha256"}
        files["MANIFEST.sha256"] = "".join(f"{h}  {n}\n" for n, h in sorted(listed.items())).encode()
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in sorted(files.items()):
            archive.writestr(name, data)
    return target
