"""Reports the importer had not seen: the ward's next reports in other wordings (tests/fixtures/heldout/).

Each was written the way a clerk's next report varies: another year, a numbered and dated final
version, other column headings, evidence numbered or several on one line, a figure that is wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPORT_SLUG, TASKS, as_commune, build, edit, page_text
from html_site import parse

from generator.content.load import load_content
from generator.importer.citations import evidence_lines, parse_evidence
from generator.importer.headers import role

HELDOUT = Path(__file__).resolve().parent / "fixtures" / "heldout"


@pytest.mark.parametrize(("heading", "expected"), [
    ("Hồ sơ, tài liệu kiểm chứng", "evidence"),
    ("Văn bản, tài liệu minh chứng", "evidence"),
    ("Nhiệm vụ", "content"),
    ("Kết quả", "result"),
    ("Ghi chú", "extra"),
    ("Nội dung cam kết", "content"),
    ("Kết quả thực hiện (tính đến 31/10/2025)", "result"),
    ("Tài liệu kiểm chứng (nếu có)", "evidence"),
    ("Kết quả kiểm tra", None),  # not guessed: the import names the heading it does not know
])
def test_column_headings_of_other_reports(heading, expected):
    assert role(heading) == expected


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("1. Trích xuất từ phần mềm Một cửa điện tử.", ["Trích xuất từ phần mềm Một cửa điện tử."]),
    ("2) Báo cáo số 190/BC-UBND ngày 05/10/2025 về kết quả.", ["Báo cáo số 190/BC-UBND ngày 05/10/2025 về kết quả."]),
    ("• Kế hoạch số 40/KH-UBND ngày 10/02/2025 về đối thoại.",
     ["Kế hoạch số 40/KH-UBND ngày 10/02/2025 về đối thoại."]),
    ("- Kế hoạch số 36/KH-UBND ngày 06/02/2025 về tuyên truyền;",
     ["Kế hoạch số 36/KH-UBND ngày 06/02/2025 về tuyên truyền"]),
    ("Kế hoạch số 36/KH-UBND ngày 06/02/2025 về tuyên truyền; Biên bản họp giao ban tháng 3/2025",
     ["Kế hoạch số 36/KH-UBND ngày 06/02/2025 về tuyên truyền", "Biên bản họp giao ban tháng 3/2025"]),
    # A ';' inside a subject, before words that do not start another document, stays.
    ("Kế hoạch số 36/KH-UBND ngày 06/02/2025 về tuyên truyền; vận động người dân",
     ["Kế hoạch số 36/KH-UBND ngày 06/02/2025 về tuyên truyền; vận động người dân"]),
    ("124/KH-UBND ngày 26/02/2024", ["124/KH-UBND ngày 26/02/2024"]),  # a number is not an item number
    ("1. Trích xuất từ phần mềm Một cửa điện tử; 2. Sổ theo dõi hồ sơ năm 2025",
     ["Trích xuất từ phần mềm Một cửa điện tử", "Sổ theo dõi hồ sơ năm 2025"]),
    ("Kế hoạch số 36/KH-UBND ngày 06/02/2025 về tuyên truyền; - Biên bản họp",
     ["Kế hoạch số 36/KH-UBND ngày 06/02/2025 về tuyên truyền", "Biên bản họp"]),
    # A cell that says there is none makes no record (the task is listed as citing none).
    ("Không có", []), ("- Chưa có tài liệu kiểm chứng.", []), ("Không.", []), ("-", []),
    ("Không đạt chỉ tiêu giao", ["Không đạt chỉ tiêu giao"]),
])
def test_evidence_items_of_one_paragraph(paragraph, expected):
    assert evidence_lines(paragraph) == expected


@pytest.mark.parametrize("line", ["Sổ theo dõi tiếp nhận hồ sơ năm 2025", "Danh sách hộ nghèo năm 2025.",
                                  "Giấy mời họp đối thoại ngày 12/5/2025", "Bảng tổng hợp ý kiến của người dân"])
def test_other_unnumbered_evidence_is_kept_under_the_reports_name(line):
    item = parse_evidence(line)
    assert (item.kind.value, item.title) == ("khac", line.rstrip("."))
    assert item.label == line.rstrip(".")


def test_a_document_cited_without_its_subject_is_kept_without_one():
    item = parse_evidence("Quyết định số 25/QĐ-UBND ngày 14/02/2025")
    assert (item.doc_type, item.number, item.date, item.subject) == ("Quyết định", "25/QĐ-UBND", "14/02/2025", None)
    assert item.label == "Quyết định số 25/QĐ-UBND ngày 14/02/2025"  # nothing guessed after the date


def test_a_line_that_looks_cited_but_lacks_its_date_is_still_refused():
    with pytest.raises(ValueError, match="không đọc được loại, số ký hiệu và ngày"):
        parse_evidence("Công văn số 15/UBND-VP về việc rà soát")


def test_other_evidence_and_a_document_without_subject_are_published_as_the_source_gives_them(project):
    (project / "content/evidence/so-theo-doi.yaml").write_text(
        "kind: khac\ntitle: Sổ theo dõi tiếp nhận sáng kiến năm 2024\n", encoding="utf-8")
    (project / "content/evidence/qd-25-ubnd-2024.yaml").write_text(
        "kind: van-ban\ndoc_type: Quyết định\nnumber: 25/QĐ-UBND\ndate: 14/02/2024\n", encoding="utf-8")
    edit(project, f"{TASKS}/nhiem-vu-12.yaml", "evidence: []", "evidence: [so-theo-doi, qd-25-ubnd-2024]")
    site = build(project)
    other = page_text(site / "tai-lieu-kiem-chung/so-theo-doi.html")
    assert '<th scope="row">Loại tài liệu</th>\n<td>Tài liệu khác</td>' in other
    assert "Sổ theo dõi tiếp nhận sáng kiến năm 2024" in other
    document = page_text(site / "tai-lieu-kiem-chung/qd-25-ubnd-2024.html")
    assert '<th scope="row">Trích yếu</th>\n<td>văn bản nguồn không ghi</td>' in document
    task = page_text(site / f"bao-cao/{REPORT_SLUG}/nhiem-vu-12.html")
    assert "Quyết định số 25/QĐ-UBND ngày 14/02/2024</a>" in task and "None" not in task


def test_final_2025_report_other_headings_numbered_evidence_and_wrong_figures(project, cli_run):
    source = HELDOUT / "bao-cao-2025-so-215.txt"
    out = project / "content/reports/2025-cam-ket"
    result = cli_run("import", source, "--out", out)
    assert result.code == 0, result.err
    content = load_content(project / "content", project)
    entry = next(e for e in content.reports if e.slug == "2025-cam-ket")
    report = entry.report
    assert (report.number, report.date, report.year) == (215, "05/11/2025", 2025)
    assert [t.number for t in entry.tasks] == list(range(1, 9))
    tasks = {t.number: t for t in entry.tasks}
    assert tasks[1].evidence == ["kh-36-ubnd-2025", "bien-ban-hop-giao-ban-thang-3-2025"]
    assert content.evidence["kh-36-ubnd-2025"].evidence.subject == "về tuyên truyền cải cách hành chính năm 2025"
    assert tasks[2].evidence == ["trich-xuat-mot-cua-dien-tu", "bc-190-ubnd-2025"]
    assert tasks[6].evidence == ["kh-40-ubnd-2025", "bc-62-ubnd-2025"]
    assert [n for n, t in tasks.items() if not t.evidence] == [4, 7, 8]
    # The row cut by the page break is one sentence again.
    assert tasks[5].result == ["Thu ngân sách nhà nước ước thực hiện 5.200 triệu đồng/4.800 triệu đồng, đạt 108,3% "
                               "so với dự toán; chi ngân sách 3.900 triệu đồng."]
    checked = cli_run("--project", project, "check", "--as-of", "2025-12-31")
    assert checked.code == 1
    errors = [line for line in (checked.out + checked.err).splitlines() if ": lỗi: " in line]
    assert len(errors) == 2, errors
    assert errors[0].startswith("content/reports/2025-cam-ket/tasks/nhiem-vu-04.yaml:7: lỗi:")
    assert "cần: 90,91% = 1.000/1.100 văn bản" in errors[0]
    assert errors[1].startswith("content/reports/2025-cam-ket/tasks/nhiem-vu-07.yaml:7: lỗi:")
    assert "cần: 140 = 100 + 40" in errors[1]


@pytest.mark.parametrize("line", [
    "Kế hoạch số 40/KH-UBND ngày 05 tháng 3 năm 2025 về tổ chức đối thoại",
    "Kế hoạch số 40/KH-UBND, ngày 05/3/2025 về tổ chức đối thoại",
])
def test_evidence_dated_in_words_or_after_a_comma(line):
    item = parse_evidence(line)
    assert (item.number, item.date, item.subject) == ("40/KH-UBND", "05/3/2025", "về tổ chức đối thoại")


def test_commune_draft_with_five_columns_worded_dates_and_a_wrong_rate(project, cli_run):
    """A xã's draft (number and day blank, DỰ THẢO), 'Số TT' and a Ghi chú column, evidence in a list
    with ';' ends, a date in words, a comma before 'ngày', and one rate that is wrong."""
    content_dir = as_commune(project)
    result = cli_run("import", HELDOUT / "bao-cao-xa-2025-du-thao.txt", "--out", content_dir / "reports/2025-xa")
    assert result.code == 0, result.err
    content = load_content(content_dir, project)
    entry = content.reports[0]
    report = entry.report
    assert (report.unit, report.number, report.date, report.year) == ("Ủy ban nhân dân xã Cam Thành", None, None, 2025)
    assert [(b.number, b.date) for b in report.basis] == [("18/KH-UBND", "20/01/2025")]
    tasks = {t.number: t for t in entry.tasks}
    assert sorted(tasks) == [1, 2, 3]
    assert tasks[1].evidence == ["kh-40-ubnd-2025", "bc-62-ubnd-2025"]
    assert content.evidence["bc-62-ubnd-2025"].evidence.date == "05/3/2025"
    assert content.evidence["kh-40-ubnd-2025"].evidence.subject == "về tuyên truyền cải cách hành chính năm 2025"
    assert [(c.heading, c.paragraphs) for c in tasks[2].other_columns] == [("Ghi chú", ["Chưa đạt"])]
    assert tasks[3].evidence == []
    checked = cli_run("--project", project, "check", "--as-of", "2025-12-31")
    assert checked.code == 1
    errors = [line for line in (checked.out + checked.err).splitlines() if ": lỗi: " in line]
    assert len(errors) == 1, errors
    assert errors[0].startswith("content/reports/2025-xa/tasks/nhiem-vu-02.yaml:6: lỗi:")
    assert "văn bản nêu 96,5%; cần: 98,50% = 197/200 hồ sơ" in errors[0]


def test_page_breaks_soft_breaks_and_invisible_marks_in_a_text_export(project, cli_run, tmp_path):
    """str.splitlines() would end a line at a page break (\\f) or Word's soft break (\\v), cutting a row
    in two; invisible control and direction marks would be refused by the content check afterwards."""
    source = tmp_path / "bao-cao.txt"
    text = (HELDOUT / "bao-cao-2025-so-215.txt").read_text(encoding="utf-8")
    marked = text.replace("ước thực hiện 5.200", "ước\x0cthực hiện\u202e 5.200", 1)
    marked = marked.replace("đạt 108,3% so với", "đạt 108,3%\x0bso với", 1)
    assert marked.count("\x0b") == text.count("\x0b") + 1 and marked.count("\x0c") == text.count("\x0c") + 1
    source.write_text(marked, encoding="utf-8")
    result = cli_run("import", source, "--out", project / "content/reports/2025-cam-ket")
    assert result.code == 0, result.err
    content = load_content(project / "content", project)
    task = next(t for e in content.reports if e.slug == "2025-cam-ket" for t in e.tasks if t.number == 5)
    assert task.result[0].startswith("Thu ngân sách nhà nước ước thực hiện 5.200 triệu đồng/4.800 triệu đồng")
    assert "đạt 108,3% so với dự toán;" in task.result[0]


def test_the_appendix_keeps_the_sources_column_order_and_headings(project, cli_run, tmp_path):
    """The commune's appendix with its evidence column before its result column, 'Số TT' and a Ghi chú
    column: the report page's table has the source's order and words, each cell under its heading."""
    swapped = []
    for line in (HELDOUT / "bao-cao-xa-2025-du-thao.txt").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) == 5:
            cells[2], cells[3] = cells[3], cells[2]
        swapped.append("\t".join(cells))
    source = tmp_path / "bao-cao.txt"
    source.write_text("\n".join(swapped).replace("96,5%", "98,5%") + "\n", encoding="utf-8")  # its wrong rate mended
    as_commune(project)
    result = cli_run("import", source, "--out", project / "content/reports/2025-xa")
    assert result.code == 0, result.err
    site = build(project)
    table = parse(site / "bao-cao/2025-xa/index.html").cssselect("article table[data-cards]")[-1]
    assert [" ".join(th.text_content().split()) for th in table.cssselect("thead th")] == \
        ["Số TT", "Nội dung, nhiệm vụ", "Hồ sơ, tài liệu kiểm chứng", "Kết quả thực hiện", "Ghi chú"]
    first = table.cssselect("tbody tr")[0].cssselect("td")
    assert first[2].get("data-label") == "Hồ sơ, tài liệu kiểm chứng" and first[2].cssselect("a[href*=tai-lieu]")
    assert first[3].text_content().startswith("Tổ chức 06 hội nghị")
