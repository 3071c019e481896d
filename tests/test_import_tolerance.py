"""Next year's Word report: other headers, an extra column, new evidence, formatting kept safely."""

from __future__ import annotations

import os

import pytest
from conftest import build, page_text
from word_report import WordReport, write_docx

from generator.content.load import load_content
from generator.importer import writer
from generator.util.inline import md_inline


@pytest.fixture(scope="module")
def report_2025(content_2024):
    base = content_2024.reports[0].report
    return base.model_copy(update={"year": 2025, "place": "Phường Đông Lương", "number": 15, "date": "06/01/2025",
                                   "title": "Kết quả thực hiện cam kết năm 2025", "basis": [], "appendix": None})


def test_header_variants_extra_column_and_new_evidence(project, cli_run, tmp_path, report_2025):
    word = WordReport(report_2025, ["tt", "noi dung   nhiem vu", "Kết Quả", "Tài liệu kiểm chứng", "Ghi chú"], [
        [["1"], ["Cải cách thủ tục."], ["Đạt **100%** hồ sơ *đúng hạn*, xem [cổng](https://dichvucong.gov.vn/p)",
                                         "- [bấm](javascript:alert) 2 < 3 & x"],
         ["- Quyết định số 15/QĐ-UBND ngày 03/01/2025 về kiện toàn tổ công tác.",
          "- Biên bản họp giao ban."], ["Hoàn thành sớm"]],
        [["2"], ["Số hóa."], ["Đạt."], [], []],
    ])
    source = write_docx(word, tmp_path / "bao-cao-2025.docx")
    result = cli_run("import", source, "--out", project / "content/reports/2025-cam-ket")
    assert result.code == 0, result.err
    assert "2 nhiệm vụ, 1 tài liệu kiểm chứng mới, 1 tài liệu dùng lại" in result.out
    content = load_content(project / "content", project)
    entry = next(e for e in content.reports if e.slug == "2025-cam-ket")
    assert (entry.report.number, entry.report.date, entry.report.year, entry.report.place) == \
        (15, "06/01/2025", 2025, "Phường Đông Lương")
    first = entry.tasks[0]
    # A Word hyperlink to anything but http(s) keeps only its words.
    assert first.result == ["Đạt **100%** hồ sơ *đúng hạn*, xem [cổng](https://dichvucong.gov.vn/p)",
                            "- bấm 2 < 3 & x"]
    assert [(c.heading, c.paragraphs) for c in first.other_columns] == [("Ghi chú", ["Hoàn thành sớm"])]
    assert first.evidence == ["qd-15-ubnd-2025", "bien-ban-hop-giao-ban"]
    new = (project / "content/evidence/qd-15-ubnd-2025.yaml").read_text(encoding="utf-8")
    assert new.splitlines()[1:] == ["kind: van-ban", "doc_type: Quyết định", "number: 15/QĐ-UBND",
                                    "date: 03/01/2025", "subject: về kiện toàn tổ công tác"]
    site = build(project, tmp_path / "site")
    html = page_text(site / "bao-cao/2025-cam-ket/nhiem-vu-01.html")
    assert ('Đạt <strong>100%</strong> hồ sơ <em>đúng hạn</em>, xem <a href="https://dichvucong.gov.vn/p">cổng</a>'
            in html)
    assert "javascript:" not in html
    assert "bấm 2 &lt; 3 &amp; x" in html
    assert '<h2 id="ghi-chu">Ghi chú' in html and "Hoàn thành sớm" in html


def test_html_tags_in_word_text_stop_the_import_naming_the_row(project, cli_run, tmp_path, report_2025):
    word = WordReport(report_2025, ["STT", "NỘI DUNG, NHIỆM VỤ", "KẾT QUẢ THỰC HIỆN", "TÀI LIỆU KIỂM CHỨNG"],
                      [[["1"], ["Cải cách."], ["Đạt <script>x</script>"], []]])
    source = write_docx(word, tmp_path / "bao-cao-2025.docx")
    result = cli_run("import", source, "--out", project / "content/reports/2025-cam-ket")
    assert result.code == 1
    assert "bảng phụ lục, hàng 2, result[0]: không được chứa thẻ HTML (<script>)" in result.err
    assert "Chưa ghi tệp nào." in result.err
    assert not (project / "content/reports/2025-cam-ket").exists()


def test_inline_formatting_is_the_only_markup_a_paragraph_can_make():
    assert md_inline("**đậm** *nghiêng* [liên kết](https://a.vn/x)") == "**đậm** *nghiêng* [liên kết](<https://a.vn/x>)"
    assert md_inline("[x](javascript:alert(1))") == r"\[x\]\(javascript:alert\(1\)\)"
    assert md_inline("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert\\(1\\)&gt;"
    assert md_inline(r"2 * 3 \* 4 # không phải tiêu đề") == r"2 \* 3 \* 4 \# không phải tiêu đề"


def test_commit_is_all_or_nothing(tmp_path, monkeypatch):
    root = tmp_path / "content"
    (root / "evidence").mkdir(parents=True)
    (root / "reports" / "cu" / "tasks").mkdir(parents=True)
    (root / "reports" / "cu" / "report.yaml").write_text("old", encoding="utf-8")
    files = {"reports/cu/report.yaml": "new", "reports/cu/tasks/nhiem-vu-01.yaml": "t",
             "evidence/a.yaml": "a", "evidence/b.yaml": "b"}
    real = os.replace
    def fail_on_b(src, dst):
        if str(dst).endswith("b.yaml"):
            raise OSError("đĩa đầy")
        real(src, dst)
    monkeypatch.setattr(writer.os, "replace", fail_on_b)
    with pytest.raises(OSError):
        writer.commit(root, files, root / "reports" / "cu")
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) == ["reports/cu/report.yaml"]
    assert (root / "reports/cu/report.yaml").read_text(encoding="utf-8") == "old"
