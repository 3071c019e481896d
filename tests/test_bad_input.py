"""Bad content: a Vietnamese message naming file and line, a non-zero exit, and site/ untouched.

``python -m generator build|check`` run in this process (``cli_run``) on a copy of the 2024 fixture.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import TASKS, build, edit
from html_site import parse

from generator.commands.build import STAMP


def existing_site(project: Path) -> Path:
    """A site/ left by an earlier build (it carries the build's stamp), to be kept on failure."""
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("bản cũ", encoding="utf-8")
    (site / STAMP).write_text("", encoding="utf-8")
    return site


CASES = {
    "broken-yaml": (
        lambda p: edit(p, f"{TASKS}/nhiem-vu-03.yaml", "result:\n", "result: [chưa đóng\n"),
        rf"{TASKS}/nhiem-vu-03\.yaml:\d+: lỗi: sai cú pháp YAML",
    ),
    "missing-field": (
        lambda p: edit(p, "content/evidence/kh-124-ubnd-2024.yaml", "number: 124/KH-UBND\n", ""),
        r"content/evidence/kh-124-ubnd-2024\.yaml:1: lỗi: tài liệu loại 'van-ban' cần có: number",
    ),
    "missing-required-key": (
        lambda p: edit(p, "content/reports/2024-cam-ket-par-index-sipas-papi/report.yaml", "symbol: BC-UBND\n", ""),
        r"report\.yaml:4: lỗi: symbol: thiếu trường bắt buộc \(cần: Ký hiệu sau số, ví dụ: BC-UBND\)",
    ),
    "unknown-evidence": (
        lambda p: edit(p, f"{TASKS}/nhiem-vu-01.yaml", "  - kh-124-ubnd-2024\n", "  - kh-124\n"),
        rf"{TASKS}/nhiem-vu-01\.yaml:10: lỗi: evidence\[0\]: không tìm thấy tài liệu 'kh-124' "
        r"\(tìm thấy: 'kh-124'; cần: có phải ý bạn là 'kh-124-ubnd-2024'\?\)",
    ),
    "duplicate-task-number": (
        lambda p: edit(p, f"{TASKS}/nhiem-vu-05.yaml", "number: 5\n", "number: 4\n"),
        rf"{TASKS}/nhiem-vu-05\.yaml:3: lỗi: number: số thứ tự nhiệm vụ bị trùng với tệp {TASKS}/nhiem-vu-04\.yaml",
    ),
    "impossible-date": (
        lambda p: edit(p, "content/evidence/kh-124-ubnd-2024.yaml", "date: 26/02/2024", "date: 31/02/2024"),
        r"content/evidence/kh-124-ubnd-2024\.yaml:4: lỗi: date: ngày 31/02/2024 không có thật trên lịch",
    ),
    "path-leaving-content": (
        lambda p: edit(p, "content/evidence/kh-124-ubnd-2024.yaml", "subject: về thực hiện công tác CCHC năm 2024\n",
                       "subject: về thực hiện công tác CCHC năm 2024\nfile: ../mkdocs.yml\n"),
        r"content/evidence/kh-124-ubnd-2024\.yaml:6: lỗi: file: đường dẫn tệp đi ra ngoài thư mục content/",
    ),
    "html-in-value": (
        lambda p: edit(p, f"{TASKS}/nhiem-vu-12.yaml", "  - Sáng kiến", "  - <script>alert(1)</script>Sáng kiến"),
        rf"{TASKS}/nhiem-vu-12\.yaml:6: lỗi: content\[0\]: không được chứa thẻ HTML \(<script>\)",
    ),
    "unknown-field": (
        lambda p: edit(p, "content/unit.yaml", "phone:", "phon:"),
        r"content/unit\.yaml:9: lỗi: phon: trường không có trong mẫu nội dung \(cần: có phải ý bạn là 'phone'\?\)",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_content_is_refused_and_old_site_kept(project, cli_run, case):
    breaks, message = CASES[case]
    breaks(project)
    site = existing_site(project)
    result = cli_run("--project", project, "build")
    assert result.code == 1
    assert re.search(message, result.err), result.err
    assert "Hãy sửa các chỗ trên rồi chạy lại." in result.err
    assert sorted(p.name for p in site.iterdir()) == [STAMP, "index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "bản cũ"
    assert not list(project.glob(".site-*"))


def test_check_reports_every_error_not_only_the_first(project, cli_run):
    CASES["impossible-date"][0](project)
    CASES["duplicate-task-number"][0](project)
    CASES["unknown-evidence"][0](project)
    result = cli_run("--project", project, "check")
    assert result.code == 1
    for case in ("impossible-date", "duplicate-task-number", "unknown-evidence"):
        assert re.search(CASES[case][1], result.err), case
    # The duplicate also leaves a gap (no task 5): said once, not as a third echo.
    assert "số thứ tự nhiệm vụ không liên tục (tìm thấy: 6; cần: 5" in result.err
    assert result.err.count(": lỗi: ") == 4, result.err
    assert "Tìm thấy 4 lỗi trong nội dung." in result.err


def test_a_strict_mkdocs_failure_also_keeps_the_old_site(project, cli_run):
    # Content is fine but MkDocs fails (a broken link in a static page): same promise.
    (project / "docs" / "extra.md").write_text("[x](khong-co.md)\n", encoding="utf-8")
    site = existing_site(project)
    result = cli_run("--project", project, "build")
    assert result.code == 1
    assert "thư mục site/ cũ được giữ nguyên" in result.err
    assert (site / "index.html").read_text(encoding="utf-8") == "bản cũ"


def test_markdown_characters_in_values_stay_text(project, tmp_path):
    # Paragraphs allow only **bold**, *italic* and http(s) links (kept from Word, see
    # generator/inline.py); every other Markdown or HTML character is shown as typed.
    value = "_nghiêng_ | # tiêu đề [bấm](javascript:alert(1)) 2 < 3 & `mã` 4 > 1"
    edit(project, f"{TASKS}/nhiem-vu-12.yaml", "  - Khuyến khích", f"  - '{value}'\n  - Khuyến khích")
    edit(project, f"{TASKS}/nhiem-vu-12.yaml", "  - Sáng kiến về cải cách hành chính.\n",
         "  - '# Sáng kiến về cải cách hành chính.'\n")
    site = build(project, tmp_path / "out")
    page = site / "bao-cao/2024-cam-ket-par-index-sipas-papi/nhiem-vu-12.html"
    article = parse(page).cssselect("article")[0]
    holder = [p for p in article.iter("p") if " ".join(p.text_content().split()) == value]
    assert len(holder) == 1 and len(holder[0]) == 0  # one paragraph of plain text, no child elements
    assert not article.cssselect("code, script, table")
    assert not [a for a in article.iter("a") if "javascript" in (a.get("href") or "")]
    assert [h.text_content().strip("¶ ") for h in article.cssselect("h1")] == [
        "Nhiệm vụ 12: # Sáng kiến về cải cách hành chính."]
