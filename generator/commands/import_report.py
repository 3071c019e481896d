"""``python -m generator import REPORT.docx|REPORT.txt --out content/reports/<tên> [--force]``."""

from __future__ import annotations

import sys
from pathlib import Path

from ..problems import ContentError, format_problems


def run(source: Path, out: Path, force: bool) -> int:
    from ..importer import import_report

    try:
        imported, files = import_report(source, out, force=force, shown_as=str(source))
    except ContentError as exc:
        print(format_problems(exc.problems).replace("trong nội dung", "trong tệp nguồn")
              + "\nChưa ghi tệp nào.", file=sys.stderr)
        return 1
    reused = len({i for ids in imported.evidence_ids for i in ids} - set(imported.new_evidence))
    print(f"Đã nhập {source}: {len(imported.tasks)} nhiệm vụ, "
          f"{len(imported.new_evidence)} tài liệu kiểm chứng mới, {reused} tài liệu dùng lại; "
          f"đã ghi {len(files)} tệp vào {out} và content/evidence/.\n"
          "Chạy 'make check' rồi 'make site' để xuất bản.")
    return 0
