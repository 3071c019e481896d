"""Evidence records: ``content/evidence/<id>.yaml``, one file each, shared by every report."""

from __future__ import annotations

from dataclasses import dataclass

from ..problems import Problem
from ..schema.evidence import Evidence
from ..util.text import ID_RULE, is_id
from . import paths
from .attachments import Attachment, check_attachment
from .located import Located
from .reader import Reader

EVIDENCE_DIR = "evidence"


@dataclass(frozen=True)
class EvidenceEntry:
    id: str
    evidence: Evidence
    where: Located
    attachment: Attachment | None = None


@dataclass(frozen=True)
class EvidenceSet:
    records: dict[str, EvidenceEntry]
    invalid: set[str]  # files that exist but have errors: citing them is not a second error


def load_evidence(reader: Reader) -> EvidenceSet:
    found: dict[str, EvidenceEntry] = {}
    invalid: set[str] = set()
    for path in reader.yaml_files(reader.root / EVIDENCE_DIR):
        # 'index' would take the place of the evidence register's own page.
        if not is_id(path.stem) or path.stem == "index":
            reader.refuse(path, Problem(reader.name(path), None, "", "tên tệp không dùng được làm mã tài liệu",
                                        found=repr(path.name), expected=f"{ID_RULE}, ví dụ kh-124-ubnd-2024.yaml"))
            continue
        value, where = reader.model(Evidence, path)
        if value is None or where is None:
            invalid.add(path.stem)
            continue
        attachment = None
        if value.file is not None:
            attachment, problems = check_attachment(
                reader, value.file, paths.evidence_file(path.stem, value.file), where, "file",
                example=f"{EVIDENCE_DIR}/tep/{path.stem}.pdf")
            reader.problems.extend(problems)
        found[path.stem] = EvidenceEntry(path.stem, value, where, attachment)
    return EvidenceSet(found, invalid)
