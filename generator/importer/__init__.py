"""Import a report written in Word (.docx) or the plain-text export into ``content/``.

``import_report`` reads the source, builds the schema models (Report, Task, Evidence),
checks that the whole content still loads with them, and only then writes, all files
or none. Every problem is named by table row and column, in Vietnamese.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..content.evidence import EVIDENCE_DIR
from ..content.load import load_content
from ..content.reports import REPORT_FILE, TASKS_DIR
from ..content.yamlfile import field_name, parse_model, read_yaml
from ..problems import ContentError, Problem
from ..schema.evidence import Evidence
from ..schema.report import Report, Task, TaskColumn
from . import writer
from .appendix import Columns, TaskDraft, read_tasks, where
from .citations import EXAMPLE, CitationError, Register, evidence_line, parse_evidence
from .headers import is_appendix_header
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


def read_source(source: Path, problems: Problems) -> SourceDoc:
    suffix = source.suffix.lower()
    if suffix not in {".docx", ".txt"}:
        problems.add("", "không nhập được loại tệp này", found=source.suffix or "(không có đuôi tệp)",
                     expected="tệp Word .docx hoặc tệp văn bản .txt (bản xuất dạng văn bản)")
    elif not source.is_file():
        problems.add("", "không tìm thấy tệp", expected="đường dẫn tới tệp báo cáo có thật")
    elif suffix == ".docx":
        return read_word(source, problems.file, problems)
    else:
        return read_text_export(source, problems.file, problems)
    return SourceDoc(problems.file, ())


def understand(doc: SourceDoc, register: Register, problems: Problems) -> Imported | None:
    """The models a person would have written from this document (None if it has errors)."""
    tables = [i for i, b in enumerate(doc.blocks) if isinstance(b, Table)]
    chosen = next((i for i in tables if is_appendix_header(_texts(doc.blocks[i]))), tables[0] if tables else None)
    paras = [b for b in doc.blocks[:chosen] if isinstance(b, Para)]
    before = len(problems.items)
    fields = read_parts(paras, problems)
    parts_ok = len(problems.items) == before
    if chosen is None:
        if doc.blocks:
            problems.add("phụ lục", "không tìm thấy bảng phụ lục",
                         expected="sau tiêu đề PHỤ LỤC, một bảng có các cột STT | NỘI DUNG, NHIỆM VỤ | "
                                  "KẾT QUẢ THỰC HIỆN | TÀI LIỆU KIỂM CHỨNG")
        return None
    appendix = doc.blocks[chosen]
    assert isinstance(appendix, Table)
    columns, drafts = read_tasks(appendix, problems)
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
    return Imported(report, tuple(tasks), tuple(refs), dict(register.added))


def _texts(block: Para | Table) -> list[str]:
    return [" ".join(cell) for cell in block.rows[0].cells] if isinstance(block, Table) and block.rows else []


def _model(model: type[M], data: dict[str, Any], where_: str, problems: Problems, line: int | None = None) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            message = str(err["ctx"]["error"]) if err["type"] == "value_error" else (
                "thiếu" if err["type"] == "missing" else err["msg"])
            problems.add(", ".join(x for x in (where_, field_name(tuple(err["loc"]))) if x), message,
                         found=show(str(err["input"])) if isinstance(err.get("input"), str) else None, line=line)
        return None


def _task(draft: TaskDraft, columns: Columns, register: Register,
          problems: Problems) -> tuple[Task | None, tuple[str, ...]]:
    row, index = draft.row, columns.index
    ids: list[str] = []
    for paragraph in draft.cells.get(index["evidence"], []):
        line = evidence_line(paragraph)
        if not line:
            continue
        try:
            item = parse_evidence(line)
        except CitationError as exc:
            problems.add(where(row, index["evidence"], columns), str(exc), found=show(line),
                         expected=EXAMPLE, line=row.line)
            continue
        item_id = register.id_for(item)
        if item_id not in ids:
            ids.append(item_id)
    if not draft.cells.get(index["content"]):
        problems.add(where(row, index["content"], columns), "ô nội dung, nhiệm vụ để trống",
                     expected="nội dung nhiệm vụ", line=row.line)
        return None, ()
    other = [TaskColumn(heading=heading, paragraphs=draft.cells.get(i, []))
             for i, heading in columns.extra.items() if draft.cells.get(i)]
    data = {"number": draft.number, "content": draft.cells[index["content"]],
            "result": draft.cells.get(index["result"], []), "evidence": ids, "other_columns": other}
    return _model(Task, data, where(row, None, columns), problems, row.line), tuple(ids)


def read_register(content_root: Path) -> Register:
    items: dict[str, Evidence] = {}
    problems: list[Problem] = []
    for path in sorted((content_root / EVIDENCE_DIR).glob("*.y*ml")):
        value, found = parse_model(Evidence, read_yaml(path, f"content/{EVIDENCE_DIR}/{path.name}"))
        problems.extend(found)
        if value is not None:
            items[path.stem] = value
    if problems:
        raise ContentError(problems)
    return Register(items, {})


def files_for(imported: Imported, folder: str, source_name: str) -> dict[str, str]:
    """Every file the import writes, by path relative to content/."""
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


def import_report(source: Path, out: Path, force: bool = False,
                  shown_as: str | None = None) -> tuple[Imported, dict[str, str]]:
    """Import ``source`` into the report folder ``out`` (``content/reports/<tên>``)."""
    problems = Problems(shown_as or str(source))
    out = out.resolve()
    content_root = out.parent.parent
    if out.parent.name != "reports" or not (content_root / EVIDENCE_DIR).is_dir():
        problems.add("--out", "thư mục đích phải nằm trong content/reports/", found=str(out),
                     expected="content/reports/<tên-báo-cáo>, ví dụ content/reports/2025-cam-ket-par-index")
    elif out.exists() and not force:
        problems.add("--out", "thư mục báo cáo đã có, không ghi đè", found=str(out),
                     expected="chọn tên khác, hoặc thêm --force để thay toàn bộ báo cáo này")
    problems.raise_if_any()
    register = read_register(content_root)
    imported = understand(read_source(source, problems), register, problems)
    problems.raise_if_any()
    assert imported is not None
    files = files_for(imported, out.name, Path(source).name)
    _check_loads(content_root, files, out)
    writer.commit(content_root, files, out)
    return imported, files


def _check_loads(content_root: Path, files: dict[str, str], out: Path) -> None:
    """Load a copy of content/ with the new files, so `make site` cannot fail on them."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "content"
        shutil.copytree(content_root, copy, ignore=shutil.ignore_patterns(".import-*"))
        shutil.rmtree(copy / out.relative_to(content_root), ignore_errors=True)
        for rel, text in files.items():
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            (copy / rel).write_text(text, encoding="utf-8")
        load_content(copy, Path(tmp))
