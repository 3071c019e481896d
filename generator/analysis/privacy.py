"""Personal data in what would be published: every text of the content files and of the attachments.

The detectors are in :mod:`personal`; here they are run over the content, values on the
allow-list are let through, and each finding becomes a problem naming the file, the line
(content files) or the page, sheet or paragraph (attachments), the kind, and the value masked.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..content.attachments import Attachment
from ..content.extract import Unreadable, read_passages
from ..content.model import Content
from ..content.texts import yaml_texts
from ..problems import Problem, Severity
from .personal import Found, find_personal, key

LAW = "Nghị định 13/2023/NĐ-CP"


@dataclass(frozen=True)
class Scan:
    problems: list[Problem]
    allowed_uses: Counter[str] = field(default_factory=Counter)  # allow-list key -> values it let through

    @property
    def failed(self) -> bool:
        return any(p.severity is Severity.error for p in self.problems)


def scan(content: Content, project_dir: Path, severity: Severity = Severity.error) -> Scan:
    """Personal data in ``content``; findings have ``severity`` (errors stop the upload package)."""
    allowed = {key(entry.value) for entry in content.allowed.entries}
    uses: Counter[str] = Counter()
    problems = _duplicates(content)
    skip = frozenset({content.allowed.path} if content.allowed.path else set())
    for text in yaml_texts(content.root, project_dir, skip):
        for found in _not_allowed(find_personal(text.text), allowed, uses):
            problems.append(Problem(text.file, text.line, text.field, _message(found, severity), found=found.masked,
                                    expected=_fix_text(), severity=severity))
    for owner, attachment in _attachments(content):
        problems += _attachment(attachment, owner, _name(attachment.source, project_dir), allowed, uses, severity)
    return Scan(problems, uses)


def _not_allowed(found: list[Found], allowed: set[str], uses: Counter[str]) -> list[Found]:
    kept = []
    for item in found:
        if item.key in allowed:
            uses[item.key] += 1
        else:
            kept.append(item)
    return kept


def _attachment(attachment: Attachment, owner: str, name: str, allowed: set[str], uses: Counter[str],
                severity: Severity) -> list[Problem]:
    try:
        extract = read_passages(attachment.source)
    except Unreadable as exc:
        return [Problem(name, None, "", f"không đọc được tệp đính kèm (của {owner}) để kiểm tra dữ liệu cá nhân: {exc}",
                        expected="lưu lại tệp không đặt mật khẩu, mở được bằng Word, Excel hoặc trình đọc PDF",
                        severity=severity)]
    problems = []
    if extract.note and attachment.kind == "PDF":
        problems.append(Problem(name, None, "", f"{extract.note} (tệp của {owner})",
                                expected="tự kiểm tra tệp không có số CCCD, số điện thoại, ngày sinh… của người dân; "
                                         "tốt hơn: đính kèm bản PDF xuất từ Word",
                                severity=Severity.warning))
    for passage in extract.passages:
        for found in _not_allowed(find_personal(passage.text), allowed, uses):
            message = f"{_message(found, severity)} (tệp đính kèm của {owner})"
            problems.append(Problem(name, None, passage.where, message, found=found.masked,
                                    expected=_fix_attachment(), severity=severity))
    return problems


def _attachments(content: Content) -> list[tuple[str, Attachment]]:
    found = [(e.where.file, e.attachment) for e in content.evidence.values() if e.attachment]
    if content.disclosure is not None:
        found += [(i.where.file, i.attachment) for i in content.disclosure.items if i.attachment]
    return found


def _duplicates(content: Content) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for i, entry in enumerate(content.allowed.entries):
        k = key(entry.value)
        if k in seen:
            problems.append(Problem(content.allowed.file, content.allowed.line(i), f"entries[{i}].value",
                                    f"giá trị trùng với mục thứ {seen[k] + 1} của danh sách", found=repr(entry.value),
                                    expected="mỗi giá trị ghi một lần", severity=Severity.warning))
        seen.setdefault(k, i)
    return problems


def _message(found: Found, severity: Severity) -> str:
    stops = "" if severity is Severity.error else "; gói tải lên (make dist) sẽ bị từ chối"
    return f"{found.kind.value}: dữ liệu cá nhân ({LAW}) không được đăng công khai{stops}"


def _fix_text() -> str:
    return ("xóa hoặc che số này (ví dụ viết 0912 *** ***); nếu được phép công khai (số công vụ, hộp thư "
            "cơ quan), ghi vào content/du-lieu-ca-nhan-duoc-phep.yaml một mục có value và reason")


def _fix_attachment() -> str:
    return ("che hoặc xóa trong tệp gốc rồi xuất lại tệp đính kèm; nếu được phép công khai, ghi vào "
            "content/du-lieu-ca-nhan-duoc-phep.yaml một mục có value và reason")


def _name(path: Path, project_dir: Path) -> str:
    try:
        return path.resolve().relative_to(project_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
