"""``python -m generator import REPORT.docx|REPORT.txt --out content/reports/<tên> [--force]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ContentError, format_problems


def add_import_command(commands) -> None:
    command = commands.add_parser("import", help="nhập báo cáo từ Word (.docx) hoặc bản xuất văn bản (.txt)")
    command.add_argument("source", type=Path, help="tệp báo cáo .docx hoặc .txt")
    command.add_argument("--out", type=Path, required=True, help="thư mục báo cáo mới: content/reports/<tên>")
    command.add_argument("--force", action="store_true", help="thay báo cáo đã có trong thư mục --out")


def run_import(args: argparse.Namespace) -> int:
    from . import import_report  # python-docx loads only when importing

    try:
        imported, files = import_report(args.source, args.out, force=args.force, shown_as=str(args.source))
    except ContentError as exc:
        print(format_problems(exc.problems).replace("trong nội dung", "trong tệp nguồn")
              + "\nChưa ghi tệp nào.", file=sys.stderr)
        return 1
    reused = len({i for ids in imported.evidence_ids for i in ids} - set(imported.new_evidence))
    print(f"Đã nhập {args.source}: {len(imported.tasks)} nhiệm vụ, "
          f"{len(imported.new_evidence)} tài liệu kiểm chứng mới, {reused} tài liệu dùng lại; "
          f"đã ghi {len(files)} tệp vào {args.out} và content/evidence/.\n"
          "Chạy 'make check' rồi 'make site' để xuất bản.")
    return 0
