"""The commands staff and other builders run.

Most run ``generator.cli.main`` in this process; the last tests start ``python -m generator``
for real, because their subject is the process: its exit status and what it prints.
"""

from __future__ import annotations

from pathlib import Path

from conftest import REPORT_SLUG, ROOT, TASKS, edit, run_generator


def test_check_summarises_valid_content(project_2024, cli_run):
    result = cli_run("--project", project_2024, "check")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "Nội dung hợp lệ: 1 báo cáo, 13 nhiệm vụ, 13 tài liệu kiểm chứng."


def test_render_writes_plain_markdown_pages(project_2024, cli_run, tmp_path):
    result = cli_run("--project", project_2024, "render", "--out", tmp_path)
    assert result.code == 0, result.err
    pages = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md")}
    report = f"bao-cao/{REPORT_SLUG}"
    assert {"index.md", "tai-lieu-kiem-chung/index.md", f"{report}/index.md"} <= pages
    assert len([p for p in pages if p.startswith(f"{report}/nhiem-vu-")]) == 13
    assert len([p for p in pages if p.startswith("tai-lieu-kiem-chung/")]) == 13 + 1
    task = (tmp_path / report / "nhiem-vu-09.md").read_text("utf-8")
    assert task.startswith("---\n")
    assert "[Báo cáo số 462/BC\\-UBND ngày 07/6/2024" in task


def test_staff_guide_is_generated_from_the_schema(cli_run):
    result = cli_run("schema")
    assert result.code == 0
    guide = (ROOT / "docs-staff" / "huong-dan-noi-dung.md").read_text("utf-8")
    assert result.out == guide, "docs-staff/huong-dan-noi-dung.md is stale: run `make schema-doc`"
    assert "| `number` | có | Số thứ tự (STT) trong phụ lục |" in guide


def test_content_outside_the_project_is_named_by_its_path(tmp_path: Path, cli_run):
    result = cli_run("--project", tmp_path, "--content", tmp_path / "khong-co", "check")
    assert result.code == 1
    assert "khong-co: lỗi: không tìm thấy thư mục nội dung" in result.err


# --- the real process -------------------------------------------------------------------

def test_check_process_exits_1_with_the_problems_on_stderr(project):
    edit(project, "content/unit.yaml", "phone:", "phon:")
    result = run_generator("check", cwd=project)  # the project is the working folder, as for `make check`
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "content/unit.yaml:9: lỗi: phon: trường không có trong mẫu nội dung (cần: có phải ý bạn là 'phone'?)",
        "Tìm thấy 1 lỗi trong nội dung. Hãy sửa các chỗ trên rồi chạy lại.",
    ]


def test_build_process_writes_the_site_and_exits_0(project):
    edit(project, f"{TASKS}/nhiem-vu-12.yaml", "04 sáng kiến", "05 sáng kiến")
    result = run_generator("build", cwd=project)  # what `make site` runs
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Đã xây dựng trang vào site. Mở site/index.html để xem."]
    page = project / "site" / "bao-cao" / REPORT_SLUG / "nhiem-vu-12.html"
    assert "05 sáng kiến" in page.read_text(encoding="utf-8")
