"""Command line: ``python -m generator check | render | build | import | new item | schema``."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from .audit import audit, summary
from .build import BuildFailed, build_site
from .errors import ContentError, Severity, format_problems
from .importer.command import add_import_command, run_import
from .load import load_content
from .render import render_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Tạo trang công khai từ nội dung trong content/.")
    parser.add_argument("--project", type=Path, default=Path("."), help="thư mục dự án (có mkdocs.yml)")
    parser.add_argument("--content", type=Path, default=None, help="thư mục nội dung (mặc định: content/)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="kiểm tra nội dung, báo mọi lỗi kèm tệp và dòng")
    check.add_argument("--strict-figures", action="store_true",
                       help="coi tỷ lệ hoặc tổng không khớp số liệu là lỗi (mặc định: cảnh báo)")
    _disclosure_options(check)
    check.add_argument("--strict-disclosure", action="store_true",
                       help="chuyên mục bắt buộc chưa có thông tin là lỗi (mặc định: cảnh báo)")
    render = commands.add_parser("render", help="ghi các trang Markdown ra thư mục")
    render.add_argument("--out", type=Path, required=True)
    build = commands.add_parser("build", help="kiểm tra rồi xây dựng trang vào site/ (site/ cũ giữ nguyên nếu có lỗi)")
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    _disclosure_options(build)
    new = commands.add_parser("new", help="tạo tệp mẫu cho nội dung mới")
    new_kinds = new.add_subparsers(dest="kind", required=True)
    new_item = new_kinds.add_parser("item", help="tạo tệp mẫu cho một thông tin công khai")
    new_item.add_argument("--category", required=True, help="mã chuyên mục, ví dụ tuyen-dung")
    new_item.add_argument("--id", default=None, help="mã (tên tệp) của thông tin; mặc định <chuyên mục>-<ngày>")
    commands.add_parser("schema", help="in hướng dẫn các trường nội dung (Markdown)")
    add_import_command(commands)
    args = parser.parse_args(argv)

    project = args.project.resolve()
    content_dir = (args.content or project / "content").resolve()
    if args.command == "import":
        return run_import(args)
    if args.command == "schema":
        from .schema_doc import schema_markdown
        sys.stdout.write(schema_markdown())
        return 0
    if args.command == "new":
        return _new_item(content_dir, project, args.category, args.id)
    if args.command == "build":
        return _build(project, args.site_dir, args.as_of)
    try:
        content = load_content(content_dir, project, getattr(args, "as_of", None))
    except ContentError as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return 1
    if args.command == "check":
        return _check(content, strict_figures=args.strict_figures, strict_disclosure=args.strict_disclosure)
    elif args.command == "render":
        for page in render_site(content):
            target = args.out / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
        print(f"Đã ghi các trang Markdown vào {args.out}")
    return 0


def _build(project: Path, site_dir: Path, as_of: dt.date | None) -> int:
    # The plugin loads and checks the content inside MkDocs and reports every problem
    # there; loading it here first too would double the cost of a large archive.
    env = {"PHUONG_AS_OF": as_of.isoformat()} if as_of else {}
    try:
        build_site(project, site_dir if site_dir.is_absolute() else project / site_dir, env=env)
    except BuildFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Đã xây dựng trang vào {site_dir}. Mở {site_dir}/index.html để xem.")
    return 0


def _disclosure_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--as-of", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                         help="ngày tham chiếu của tình trạng công khai (mặc định: hôm nay)")


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ: {value!r} (cần dạng YYYY-MM-DD, ví dụ 2024-12-31)") from None


def _check(content, *, strict_figures: bool, strict_disclosure: bool) -> int:
    """Content summary, figure checks and disclosure status; every problem listed once, on stderr."""
    from . import status
    print(f"Nội dung hợp lệ: {len(content.reports)} báo cáo, "
          f"{sum(len(r.tasks) for r in content.reports)} nhiệm vụ, {len(content.evidence)} tài liệu kiểm chứng.")
    figures = audit(content, strict_figures=strict_figures)
    print(summary(figures))
    print(status.table(content))
    problems = list(content.warnings) + figures.problems + status.problems(content, strict_disclosure)
    if problems:
        print(format_problems(problems), file=sys.stderr)
    return 1 if figures.failed or any(p.severity is Severity.error for p in problems) else 0


def _new_item(content_dir: Path, project: Path, category: str, item_id: str | None) -> int:
    from .new_item import write_skeleton
    try:
        created = write_skeleton(content_dir, project, category, item_id)
    except ContentError as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return 1
    shown = created.path.relative_to(project) if created.path.is_relative_to(project) else created.path
    print(f"Đã tạo {shown.as_posix()}: điền các trường theo ghi chú trong tệp rồi chạy make check.")
    print(f"Tệp đính kèm (nếu có): đặt vào content/{created.attachment_dir} "
          f"và ghi vào trường attachment, ví dụ attachment: {created.attachment_dir}ten-tep.pdf")
    return 0
