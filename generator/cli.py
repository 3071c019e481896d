"""Command line: ``python -m generator check | render | build | schema``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .audit import audit, summary
from .build import BuildFailed, build_site
from .errors import ContentError, format_problems
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
    render = commands.add_parser("render", help="ghi các trang Markdown ra thư mục")
    render.add_argument("--out", type=Path, required=True)
    build = commands.add_parser("build", help="kiểm tra rồi xây dựng trang vào site/")
    build.add_argument("--site-dir", type=Path, default=Path("site"))
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
    try:
        content = load_content(content_dir, project)
    except ContentError as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"Nội dung hợp lệ: {len(content.reports)} báo cáo, "
              f"{sum(len(r.tasks) for r in content.reports)} nhiệm vụ, {len(content.evidence)} tài liệu kiểm chứng.")
        result = audit(content, strict_figures=args.strict_figures)
        print(summary(result))
        if result.problems:
            print(format_problems(result.problems), file=sys.stderr)
        if result.failed:
            return 1
    elif args.command == "render":
        for page in render_site(content):
            target = args.out / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
        print(f"Đã ghi các trang Markdown vào {args.out}")
    elif args.command == "build":
        try:
            build_site(project, project / args.site_dir if not args.site_dir.is_absolute() else args.site_dir)
        except BuildFailed as exc:
            print(exc, file=sys.stderr)
            return 1
        print(f"Đã xây dựng trang vào {args.site_dir}. Mở {args.site_dir}/index.html để xem.")
    return 0
