"""Import a report written in Word (.docx) or the plain-text export into ``content/``.

``import_report`` reads the source within the limits of :mod:`.limits` (checked before
any parser runs), builds the schema models (Report, Task, Evidence), checks that the
whole content still loads with them, and only then writes, all files or none
(:func:`.writer.commit`). The report's ``header`` is read from the document
(:mod:`.docheader`) and its ``unit`` from the header's cơ quan ban hành: the name of the
site's unit or of a predecessor declared in content/unit.yaml, else as written, which the
content check refuses (one publishing unit per site). Evidence is reused from
content/evidence/ only when it is the same document (:mod:`.citations`). A report folder
it replaces (``--force``) is first kept whole in ``sao-luu/``, and :mod:`.handwork` lists
what that backup holds that the new folder lacks. Every problem is named by file, line or
table row and column, in Vietnamese.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..content.evidence import EVIDENCE_DIR
from ..content.limits import MAX_TEXT_CHARS
from ..content.load import UNIT_FILE, load_content
from ..content.reports import REPORT_FILE, TASKS_DIR
from ..content.yamlfile import field_name, parse_model, read_yaml
from ..problems import ContentError, Problem
from ..schema.evidence import Evidence
from ..schema.report import Report, Task, TaskColumn
from ..schema.unit import Unit
from ..util.vn import vn_number
from . import writer
from .appendix import Columns, TaskDraft, read_tasks, source_columns, where
from .citations import EXAMPLE, CitationError, Register, evidence_lines, parse_evidence
from .docheader import is_layout
from .guard import doc_ok, size_ok
from .handwork import HandWork, compare
from .headers import folded, is_appendix_header
from .parts import read_parts
from .source import Para, Problems, SourceDoc, Table, show
from .textexport import read_text_export
from .wordfile import read_word

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Imported:
    report: Report
    tasks: tuple[Task, ...]
    evidence_ids: tuple[tuple[str, ...], ...]  # per task, same order as tasks
    new_evidence: dict[str, Evidence]
    reused: dict[str, str]  # id of a record of content/evidence/ the report cites -> why it is the same
    notes: dict[str, str]  # id of a new record -> the record of that number or title it is not, and why ('')


def read_source(source: Path, problems: Problems) -> SourceDoc:
    """The source as paragraphs and tables; problems (and an empty document) if it cannot be read
    or is beyond the limits (:mod:`.limits`)."""
    suffix = source.suffix.lower()
    empty = SourceDoc(problems.file, ())
    if suffix not in {".docx", ".txt"}:
        problems.add("", "không nhập được loại tệp này", found=source.suffix or "(không có đuôi tệp)",
                     expected="tệp Word .docx hoặc tệp văn bản .txt (bản xuất dạng văn bản)")
        return empty
    try:
        if not source.is_file():
            problems.add("", "không tìm thấy tệp", expected="đường dẫn tới tệp báo cáo có thật")
            return empty
        if not size_ok(source, suffix, problems):
            return empty
        doc = (read_word if suffix == ".docx" else read_text_export)(source, problems.file, problems)
    except OSError as exc:
        problems.add("", "không đọc được tệp", found=exc.strerror or type(exc).__name__,
                     expected="tệp có quyền đọc, không bị chương trình khác khóa; chép tệp ra thư mục khác rồi thử lại")
        return empty
    if not problems.items and not doc_ok(doc, problems):
        return empty
    return doc


def understand(doc: SourceDoc, register: Register, problems: Problems) -> Imported | None:
    """The models a person would have written from this document (None if it has errors).

    ``register.unit`` (content/unit.yaml) turns the header's cơ quan ban hành into the report's unit.
    """
    chosen = _appendix_at(doc.blocks)
    paras = _paragraphs(doc.blocks[:chosen])
    before = len(problems.items)
    fields = read_parts(paras, problems)
    parts_ok = len(problems.items) == before
    if chosen is None:
        if doc.blocks:
            problems.add("phụ lục", "không tìm thấy bảng phụ lục",
                         expected="sau tiêu đề PHỤ LỤC, một bảng có các cột STT | NỘI DUNG, NHIỆM VỤ | "
                                  "KẾT QUẢ THỰC HIỆN | TÀI LIỆU KIỂM CHỨNG")
        return None
    _issuing_unit(fields, register)
    appendix = doc.blocks[chosen]
    assert isinstance(appendix, Table)
    columns, drafts = read_tasks(appendix, problems)
    if columns is not None and isinstance(fields.get("appendix"), dict):
        fields["appendix"]["columns"] = source_columns(columns)
    report = _model(Report, fields, "phần đầu báo cáo", problems) if parts_ok else None
    tasks, refs = [], []
    for draft in drafts:
        if columns is None:  # read_tasks explained why; it returns no drafts then
            break
        task, ids = _task(draft, columns, register, problems)
        if task is not None:
            tasks.append(task)
            refs.append(ids)
    if problems.items or report is None:
        return None
    return Imported(report, tuple(tasks), tuple(refs), dict(register.added), dict(register.reused),
                    {i: register.notes.get(i, "") for i in register.added})


def _is_layout(block: Para | Table) -> bool:
    return isinstance(block, Table) and is_layout(p for row in block.rows for cell in row.cells for p in cell)


def _appendix_at(blocks: tuple[Para | Table, ...]) -> int | None:
    """The appendix table: the first whose first row starts with STT; else the first after 'PHỤ LỤC',
    else the first at all, that is not a layout table (the header, Nơi nhận beside the signature)."""
    tables = [i for i, b in enumerate(blocks) if isinstance(b, Table)]
    headed = next((i for i in tables if is_appendix_header(_texts(blocks[i]))), None)
    if headed is not None:
        return headed
    title = next((i for i, b in enumerate(blocks) if isinstance(b, Para) and folded(b.text).startswith("phu luc")),
                 len(blocks))
    candidates = [i for i in tables if not _is_layout(blocks[i])]
    return next((i for i in candidates if i > title), candidates[0] if candidates else None)


def _paragraphs(blocks: tuple[Para | Table, ...]) -> list[Para]:
    """The paragraphs before the appendix, a layout table's cells read column by column (left cell,
    then right cell, as the eye reads the header); other tables there are not part of the report."""
    paras: list[Para] = []
    for block in blocks:
        if isinstance(block, Para):
            paras.append(block)
        elif _is_layout(block):
            width = max(len(row.cells) for row in block.rows)
            paras.extend(Para(text, row.line) for column in range(width) for row in block.rows
                         if column < len(row.cells) for text in row.cells[column])
    return paras


def _issuing_unit(fields: dict[str, Any], register: Register) -> None:
    """The report's unit, from the header's cơ quan ban hành: the site's unit or a declared predecessor
    by its name in content/unit.yaml, another unit as written (the content check refuses it). New
    evidence records of a unit other than the site's carry that unit as their issuer."""
    issuer = (fields.get("header") or {}).get("issuer")
    if not issuer:
        return
    written = " ".join(unicodedata.normalize("NFC", issuer).split())
    unit = register.unit
    fields["unit"] = (unit.issuer_of(written) if unit is not None else None) or written
    if unit is None or fields["unit"] != unit.name:
        register.issuer = fields["unit"]


def _texts(block: Para | Table) -> list[str]:
    return [" ".join(cell) for cell in block.rows[0].cells] if isinstance(block, Table) and block.rows else []


def _model(model: type[M], data: dict[str, Any], where_: str, problems: Problems, line: int | None = None) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            kind, expected = err["type"], None
            if kind == "value_error":
                message = str(err["ctx"]["error"])
            elif kind == "missing":
                message = "thiếu"
            elif kind in _BOUNDS:
                message = "giá trị nằm ngoài khoảng cho phép"
                expected = f"{_BOUNDS[kind]} {next(iter(err['ctx'].values()))}"
            else:
                message = "giá trị không hợp lệ"
            value = err.get("input")
            problems.add(", ".join(x for x in (where_, field_name(tuple(err["loc"]))) if x), message,
                         found=show(str(value)) if isinstance(value, (str, int)) else None, expected=expected,
                         line=line)
        return None


_BOUNDS = {"greater_than": ">", "greater_than_equal": "≥", "less_than_equal": "≤", "less_than": "<"}


def _task(draft: TaskDraft, columns: Columns, register: Register,
          problems: Problems) -> tuple[Task | None, tuple[str, ...]]:
    row, index = draft.row, columns.index
    ids: list[str] = []
    lines = [line for paragraph in draft.cells.get(index["evidence"], []) for line in evidence_lines(paragraph)]
    for line in lines:
        try:
            item = parse_evidence(line)
        except CitationError as exc:
            problems.add(where(row, index["evidence"], columns), str(exc), found=show(line),
                         expected=EXAMPLE, line=row.line)
            continue
        item_id = register.id_for(item)
        if item_id not in ids:
            ids.append(item_id)
    for column, paragraphs in draft.cells.items():
        longest = max((len(text) for text in paragraphs), default=0)
        if longest > MAX_TEXT_CHARS:
            problems.add(where(row, column, columns), "đoạn văn quá dài sau khi nối các hàng không có STT",
                         found=f"{vn_number(longest)} ký tự", line=row.line,
                         expected=f"mỗi đoạn không quá {vn_number(MAX_TEXT_CHARS)} ký tự: kiểm tra các hàng "
                                  "không có STT bên dưới (chúng được nối vào nhiệm vụ này), tách đoạn hoặc điền STT")
            return None, ()
    if not draft.cells.get(index["content"]):
        problems.add(where(row, index["content"], columns), "ô nội dung, nhiệm vụ để trống",
                     expected="nội dung nhiệm vụ", line=row.line)
        return None, ()
    other = [TaskColumn(heading=heading, paragraphs=draft.cells.get(i, []))
             for i, heading in columns.extra.items() if draft.cells.get(i)]
    data = {"number": draft.number, "group": draft.group, "content": draft.cells[index["content"]],
            "result": draft.cells.get(index["result"], []), "evidence": ids, "other_columns": other}
    return _model(Task, data, where(row, None, columns), problems, row.line), tuple(ids)


def read_unit(content_root: Path) -> Unit | None:
    """content/unit.yaml, or None when it is missing or wrong (the content check then says why)."""
    path = content_root / UNIT_FILE
    if not path.is_file():
        return None
    try:
        return parse_model(Unit, read_yaml(path, f"content/{UNIT_FILE}"))[0]
    except ContentError:
        return None


def read_register(content_root: Path, unit: Unit | None = None) -> Register:
    items: dict[str, Evidence] = {}
    problems: list[Problem] = []
    for path in sorted((content_root / EVIDENCE_DIR).glob("*.y*ml")):
        value, found = parse_model(Evidence, read_yaml(path, f"content/{EVIDENCE_DIR}/{path.name}"))
        problems.extend(found)
        if value is not None:
            items[path.stem] = value
    if problems:
        raise ContentError(problems)
    return Register(items, {}, unit)


def files_for(imported: Imported, folder: str, source_name: str) -> dict[str, str]:
    """Every file the import writes, by path relative to content/.

    The header comments name the source; ``handwork.GENERATED_COMMENT`` must recognise them.
    """
    report = imported.report
    files = {f"reports/{folder}/{REPORT_FILE}": writer.dump(
        writer.report_data(report),
        f"{report.doc_type} năm {report.year}, nhập từ {source_name} bằng 'python -m generator import'.\n"
        "Đối chiếu với văn bản gốc; số và ngày để trống nếu văn bản gốc để trống.")}
    for task in imported.tasks:
        note = "" if task.evidence else "\nVăn bản nguồn không nêu tài liệu kiểm chứng cho nhiệm vụ này."
        files[f"reports/{folder}/{TASKS_DIR}/nhiem-vu-{task.number:02d}.yaml"] = writer.dump(
            writer.task_data(task),
            f"Nhiệm vụ {task.number} trong phụ lục {report.doc_type.lower()} năm {report.year}, "
            f"nhập từ {source_name}.{note}")
    for item_id, item in imported.new_evidence.items():
        files[f"{EVIDENCE_DIR}/{item_id}.yaml"] = writer.dump(
            writer.evidence_data(item), f"Tài liệu kiểm chứng nhập từ {source_name}.")
    return files


@dataclass(frozen=True)
class Outcome:
    """What an import did: the models, the files written, and where the old report folder is kept."""

    imported: Imported
    files: dict[str, str]  # text by path relative to content/
    out: Path  # the report folder
    backup: Path | None  # the previous report folder, kept whole (None: there was none)
    hand_work: HandWork  # what the backup holds that the new folder does not


def import_report(source: Path, out: Path, force: bool = False, shown_as: str | None = None,
                  before_commit: Callable[[], None] | None = None, now: dt.datetime | None = None) -> Outcome:
    """Import ``source`` into the report folder ``out`` (``content/reports/<tên>``).

    Raises ContentError (nothing written) for anything wrong with the source, the target or
    the content. ``before_commit`` runs once everything is checked, just before files are
    written (the command stops its time limit there: writing is never cut half-way).
    """
    problems = Problems(shown_as or str(source))
    out = out.resolve()
    content_root = out.parent.parent
    if out.parent.name != "reports" or not (content_root / EVIDENCE_DIR).is_dir():
        problems.add("--out", "thư mục đích phải nằm trong content/reports/", found=str(out),
                     expected="content/reports/<tên-báo-cáo>, ví dụ content/reports/2025-cam-ket-par-index")
    problems.raise_if_any()
    project = content_root.parent
    try:
        with writer.project_lock(project):
            return _import_locked(source, out, force, problems, before_commit, now)
    except writer.Busy:
        problems.add("", "đang có một lệnh nhập khác chạy trong dự án này", found=str(project),
                     expected="đợi lệnh nhập kia chạy xong rồi chạy lại lệnh này")
        raise ContentError(problems.items) from None


def _import_locked(source: Path, out: Path, force: bool, problems: Problems,
                   before_commit: Callable[[], None] | None, now: dt.datetime | None) -> Outcome:
    content_root = out.parent.parent
    project = content_root.parent
    writer.clean_leftovers(project)  # also puts back a report folder a killed import left missing
    _check_target(out, project, force, problems)
    problems.raise_if_any()
    register = read_register(content_root, read_unit(content_root))
    doc = read_source(source, problems)
    problems.raise_if_any()
    imported = understand(doc, register, problems)
    problems.raise_if_any()
    assert imported is not None
    files = files_for(imported, out.name, Path(source).name)
    _check_loads(content_root, files, out, problems, _hints(imported, out.name))
    if before_commit is not None:
        before_commit()
    committed = writer.commit(content_root, files, out, now)
    folder = f"{out.relative_to(content_root).as_posix()}/"
    written = {rel.removeprefix(folder): text for rel, text in files.items() if rel.startswith(folder)}
    hand = compare(committed.backup, written) if committed.backup is not None else HandWork()
    return Outcome(imported, files, out, committed.backup, hand)


def _check_target(out: Path, project: Path, force: bool, problems: Problems) -> None:
    if out.exists() and not out.is_dir():
        problems.add("--out", "đường dẫn đích là một tệp, không phải thư mục", found=str(out),
                     expected="content/reports/<tên-báo-cáo> là một thư mục")
    elif out.exists() and not force:
        problems.add("--out", "thư mục báo cáo đã có, không ghi đè", found=str(out),
                     expected=f"chọn tên khác, hoặc thêm --force để nhập lại: thư mục cũ được chuyển nguyên vẹn "
                              f"vào {project / writer.BACKUP_DIR}/{out.name}-<ngày>-<giờ>/ (bản sao lưu, "
                              "không mất gì) rồi thay bằng bản nhập mới")


def _hints(imported: Imported, folder: str) -> dict[tuple[str, str], str]:
    """Where in the source a value of a file to be written comes from, by (file, field), for messages."""
    hints = {(f"content/reports/{folder}/{REPORT_FILE}", name): "tên cơ quan ban hành ở đầu văn bản nguồn"
             for name in ("unit", "header.issuer")}
    for task, ids in zip(imported.tasks, imported.evidence_ids, strict=True):
        for item_id in ids:
            if item_id in imported.new_evidence:
                hints.setdefault((f"content/{EVIDENCE_DIR}/{item_id}.yaml", ""),
                                 f"tài liệu kiểm chứng của nhiệm vụ {task.number} trong văn bản nguồn")
    return hints


def _check_loads(content_root: Path, files: dict[str, str], out: Path, problems: Problems,
                 hints: dict[tuple[str, str], str] | None = None) -> None:
    """Load a copy of content/ with the new files, so `make site` cannot fail on them.

    The copy sits in a staging folder beside content/ (removed after, or by the next import
    if this one is killed), its files hard links where the file system allows: no data is
    copied, and the loader only reads.
    """
    project = content_root.parent
    with tempfile.TemporaryDirectory(prefix=writer.STAGE_PREFIX, dir=project) as tmp:
        copy = Path(tmp) / "content"
        shutil.copytree(content_root, copy, copy_function=_link_or_copy)
        shutil.rmtree(copy / out.relative_to(content_root), ignore_errors=True)
        for rel, text in files.items():
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            (copy / rel).unlink(missing_ok=True)  # never write through a hard link into content/
            (copy / rel).write_text(text, encoding="utf-8")
        try:
            load_content(copy, Path(tmp))
        except ContentError as exc:
            new = {f"content/{rel}" for rel in files}
            for found in exc.problems:
                if found.file in new:  # a file this import would write: say so, with the source's name
                    where = f"tệp sẽ ghi {found.file}" + (f", dòng {found.line}" if found.line else "")
                    hint = (hints or {}).get((found.file, found.field)) or (hints or {}).get((found.file, ""))
                    where += f" ({hint})" if hint else ""
                    problems.add(", ".join(x for x in (where, found.field) if x), found.message,
                                 found=found.found, expected=found.expected)
                else:  # a file already in content/; it may name a file this import would write
                    problems.items.append(_naming_new(found, new, hints or {}))
    problems.raise_if_any()


def _naming_new(problem: Problem, new: set[str], hints: dict[tuple[str, str], str]) -> Problem:
    """``problem`` (of a file already in content/) with each new file it names marked as one this
    import would write, and where in the source it comes from: the evidence check names the
    existing record and the new one, whichever the loader read first."""
    def marked(match: re.Match[str]) -> str:
        path = match.group(0)
        if path not in new:
            return path
        hint = hints.get((path, ""))
        return f"{path} (tệp lệnh nhập sẽ ghi{': ' + hint if hint else ''})"

    message = _CONTENT_FILE.sub(marked, problem.message)
    return replace(problem, message=message) if message != problem.message else problem


_CONTENT_FILE = re.compile(r"content/[^\s'\"(),;:]+?\.yaml")


def _link_or_copy(src: str, dst: str) -> object:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
    return dst
