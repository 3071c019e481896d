"""Problems found in content, worded for ward staff (in Vietnamese)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    error = "lỗi"
    warning = "cảnh báo"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place: ``file:line: field: message``."""

    file: str
    line: int | None
    field: str
    message: str
    found: str | None = None
    expected: str | None = None
    severity: Severity = Severity.error

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.severity.value}: {self.field}: {self.message}" if self.field else (
            f"{where}: {self.severity.value}: {self.message}"
        )
        details = []
        if self.found is not None:
            details.append(f"tìm thấy: {self.found}")
        if self.expected is not None:
            details.append(f"cần: {self.expected}")
        return f"{text} ({'; '.join(details)})" if details else text


class ContentError(Exception):
    """Raised when content has errors; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(format_problems(problems))


def format_problems(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity is Severity.error)
    lines = [str(p) for p in problems]
    lines.append(f"Tìm thấy {errors} lỗi trong nội dung. Hãy sửa các chỗ trên rồi chạy lại." if errors
                 else "Nội dung hợp lệ.")
    return "\n".join(lines)
