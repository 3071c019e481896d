"""Command line: ``python -m generator check | render | build | dist | verify | import | new item | schema``.

Only argument parsing lives here; each command's module is imported when it runs, so
``--help`` and a mistyped command answer at once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import NoReturn


def main(argv: list[str] | None = None) -> int:
    """Run one command; 0 done, 1 a problem in the content, files or arguments, 2 a program error."""
    try:
        return _run(_parser().parse_args(argv))
    except SystemExit as stop:  # argparse after --help (0) or a wrong argument (1)
        return stop.code if isinstance(stop.code, int) else 1
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu (Ctrl+C).", file=sys.stderr)
        return 130
    except Exception:  # noqa: BLE001  # the last line of defence: never a traceback for staff
        report = _write_traceback()
        print(f"Lỗi của chương trình (không phải lỗi nội dung): chi tiết đã ghi vào {report}. "
              "Gửi tệp này cho người phụ trách kỹ thuật.", file=sys.stderr)
        return 2


def _write_traceback() -> str:
    handle, path = tempfile.mkstemp(prefix="phuong-loi-", suffix=".txt")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        traceback.print_exc(file=out)
    return path


def _run(args: argparse.Namespace) -> int:
    project = args.project.resolve()
    content_dir = (args.content or project / "content").resolve()
    if args.command == "check":
        from .commands import check
        return check.run(content_dir, project, args.as_of, strict_figures=args.strict_figures,
                         strict_disclosure=args.strict_disclosure)
    if args.command == "build":
        from .commands import build
        return build.run(project, args.site_dir, args.as_of)
    if args.command == "dist":
        from .commands import dist
        return dist.run(project, args.out, args.as_of, args.since, args.allow_draft)
    if args.command == "verify":
        from .commands import verify
        return verify.run(args.package)
    if args.command == "render":
        from .commands import render
        return render.run(content_dir, project, None, args.out)
    if args.command == "import":
        from .commands import import_report
        return import_report.run(args.source, args.out, args.force)
    if args.command == "new":
        from .commands import new_item
        return new_item.run(content_dir, project, args.category, args.id)
    from .commands.guide import schema_markdown
    sys.stdout.write(schema_markdown())
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse, with its complaints about arguments said in Vietnamese and exit status 1."""

    TRANSLATED = (
        ("the following arguments are required:", "thiếu tham số bắt buộc:"),
        ("unrecognized arguments:", "tham số không nhận ra:"),
        ("invalid choice:", "lựa chọn không có:"),
        ("(choose from", "(chọn một trong"),
        ("expected one argument", "cần một giá trị"),
        ("argument ", "tham số "),
    )

    def error(self, message: str) -> NoReturn:
        for english, vietnamese in self.TRANSLATED:
            message = message.replace(english, vietnamese)
        self.exit(1, f"Lỗi tham số: {message}. Xem hướng dẫn: python -m generator --help\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m generator",
                                     description="Tạo trang công khai từ nội dung trong content/.")
    parser.add_argument("--project", type=Path, default=Path("."), help="thư mục dự án (có mkdocs.yml)")
    parser.add_argument("--content", type=Path, default=None, help="thư mục nội dung (mặc định: content/)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="kiểm tra nội dung, báo mọi lỗi kèm tệp và dòng")
    # Mismatched figures are always errors now; the flag stays so old scripts keep working.
    check.add_argument("--strict-figures", action="store_true", help=argparse.SUPPRESS)
    _as_of(check)
    check.add_argument("--strict-disclosure", action="store_true",
                       help="chuyên mục bắt buộc chưa có thông tin là lỗi (mặc định: cảnh báo)")
    render = commands.add_parser("render", help="ghi các trang Markdown ra thư mục")
    render.add_argument("--out", type=Path, required=True)
    build = commands.add_parser("build", help="kiểm tra rồi xây dựng trang vào site/ (site/ cũ giữ nguyên nếu có lỗi)")
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    _as_of(build)
    dist = commands.add_parser("dist", help="tạo gói tải lên cổng: dist/<đơn vị>-<ngày>.zip, mã kiểm tra, "
                               "danh sách thay đổi (THAY-DOI.md)")
    _as_of(dist)
    dist.add_argument("--since", type=Path, default=None, metavar="TỆP",
                      help="gói trước để so sánh (mặc định: gói mới nhất trong dist/)")
    dist.add_argument("--allow-draft", action="store_true",
                      help="cho phép đóng gói báo cáo dự thảo đã ghi quyết định công khai (draft_publication)")
    dist.add_argument("--out", type=Path, default=Path("dist"), help="thư mục chứa gói (mặc định: dist)")
    verify = commands.add_parser("verify", help="kiểm tra một gói trước khi tải lên (mã kiểm tra, liên kết, loại tệp)")
    verify.add_argument("package", type=Path, help="tệp gói, ví dụ dist/ubnd-phuong-4-2024-12-31.zip")
    new = commands.add_parser("new", help="tạo tệp mẫu cho nội dung mới")
    new_kinds = new.add_subparsers(dest="kind", required=True)
    new_item = new_kinds.add_parser("item", help="tạo tệp mẫu cho một thông tin công khai")
    new_item.add_argument("--category", required=True, help="mã chuyên mục, ví dụ tuyen-dung")
    new_item.add_argument("--id", default=None, help="mã (tên tệp) của thông tin; mặc định <chuyên mục>-<ngày>")
    commands.add_parser("schema", help="in hướng dẫn các trường nội dung (Markdown)")
    imported = commands.add_parser("import", help="nhập báo cáo từ Word (.docx) hoặc bản xuất văn bản (.txt)")
    imported.add_argument("source", type=Path, help="tệp báo cáo .docx hoặc .txt")
    imported.add_argument("--out", type=Path, required=True, help="thư mục báo cáo mới: content/reports/<tên>")
    imported.add_argument("--force", action="store_true", help="thay báo cáo đã có trong thư mục --out")
    return parser


def _as_of(command: argparse.ArgumentParser) -> None:
    command.add_argument("--as-of", type=_date, default=None, metavar="NGÀY",
                         help="ngày tham chiếu của tình trạng công khai, dạng 31/12/2024 hoặc 2024-12-31 "
                              "(mặc định: hôm nay)")


def _date(value: str) -> dt.date:
    from .util.vn import DateError, parse_vn_date  # Babel loads only when a date is given

    try:
        return parse_vn_date(value, words=False, iso=True)
    except DateError as exc:
        raise argparse.ArgumentTypeError(f"{exc} (tìm thấy: {value!r}; cần: 31/12/2024 hoặc 2024-12-31)") from None
