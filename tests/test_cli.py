"""The commands staff and other builders run."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, run_generator


def test_check_summarises_valid_content():
    result = run_generator("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Nội dung hợp lệ: 1 báo cáo, 13 nhiệm vụ, 13 tài liệu kiểm chứng."


def test_render_writes_plain_markdown_pages(tmp_path):
    result = run_generator("render", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    pages = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md")}
    report = "bao-cao/2024-cam-ket-par-index-sipas-papi"
    assert {"index.md", "tai-lieu-kiem-chung/index.md", f"{report}/index.md"} <= pages
    assert len([p for p in pages if p.startswith(f"{report}/nhiem-vu-")]) == 13
    assert len([p for p in pages if p.startswith("tai-lieu-kiem-chung/")]) == 13 + 1
    task = (tmp_path / "bao-cao/2024-cam-ket-par-index-sipas-papi/nhiem-vu-09.md").read_text("utf-8")
    assert task.startswith("---\n")
    assert "[Báo cáo số 462/BC\\-UBND ngày 07/6/2024" in task


def test_staff_guide_is_generated_from_the_schema():
    result = run_generator("schema")
    assert result.returncode == 0
    guide = (ROOT / "docs-staff" / "huong-dan-noi-dung.md").read_text("utf-8")
    assert result.stdout == guide, "docs-staff/huong-dan-noi-dung.md is stale: run `make schema-doc`"
    assert "| `number` | có | Số thứ tự (STT) trong phụ lục |" in guide


def test_content_outside_the_project_is_named_by_its_path(tmp_path: Path):
    result = run_generator("--content", str(tmp_path / "khong-co"), "check")
    assert result.returncode == 1
    assert "khong-co: lỗi: không tìm thấy thư mục nội dung" in result.stderr
