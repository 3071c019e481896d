"""Figures: found in the 2024 text, recomputed, reported by `check` with file:line."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import TASKS, make_project

from generator.analysis.figures import Num, Status, all_figures, percent_agrees, vn, vn_percent
from generator.analysis.finder import find
from generator.content.load import load_content
from generator.render.site import render_site

# The table "Figures in the text" of ../shared/notes/seed-guide.md, one figure a row:
# (task, value, total or None, parts, stated percentage or None, written in the text as a check).
SEED_TABLE = [
    (2, "2948", None, ("2926", "1", "21"), None, True),
    (2, "2926", "2948", (), "99.3", True),
    (2, "2948", None, ("2944", "4"), None, False),  # two clauses, not a written sum: declared in figures:
    (4, "2634", "2691", (), "97.88", True),
    (5, "1051", "1121", (), "93.76", True),
    (5, "1019", "1051", (), "96.96", True),
    (9, "7159635648", "5684600000", (), "125.95", True),
    (9, "6493509308", "5268100000", (), "123.26", True),
    (9, "305000000", "276500000", (), "110.3", True),
    (11, "121", None, ("93", "28"), None, True),
]


@pytest.fixture(scope="module")
def figures(content_2024):
    return [f for found in all_figures(content_2024).values() for f in found]


@pytest.mark.parametrize(("task", "value", "total", "parts", "percent", "written"), SEED_TABLE)
def test_every_seed_guide_figure_is_found_and_verified(figures, task, value, total, parts, percent, written):
    def same(num, expected):
        return (num is None and expected is None) or (num is not None and num.value == Decimal(expected))

    matches = [f for f in figures if f.task == task and same(f.value, value) and same(f.total, total)
               and same(f.percent, percent) and sorted(p.value for p in f.parts) == sorted(Decimal(p) for p in parts)]
    assert len(matches) == 1, [f.working for f in figures if f.task == task]
    assert matches[0].status is Status.ok
    assert matches[0].in_text is written


def test_nothing_in_the_2024_report_is_out_of_line(figures):
    assert [f.status for f in figures].count(Status.mismatch) == 0
    stated = [f for f in figures if f.status is Status.stated]
    assert {f.label for f in stated if f.label} == {"Số hoá đầu vào", "Số hoá kết quả giải quyết"}
    # Every other rate the report states alone is a bare "100%": nothing to recompute it from.
    assert {(f.percent.written, f.value, f.total) for f in stated if not f.label} == {("100", None, None)}


@pytest.mark.parametrize(("text", "numbers"), [
    ("tỷ lệ văn bản ký số đạt 93,76% (1051/1121 văn bản),", ("1051", "1121", "93,76", "văn bản")),
    ("ước thực hiện: 7.159.635.648 đồng/5.684.600.000 đồng, đạt 125,95% so với dự toán",
     ("7.159.635.648", "5.684.600.000", "125,95", "đồng")),
    ("ước thực hiện: 305.000.000 đồng/ 276.500.000 đồng , đạt 110,3% so với",
     ("305.000.000", "276.500.000", "110,3", "đồng")),
])
def test_ratio_forms_of_the_issue_are_read(text, numbers):
    found = find(text)
    assert [(f.value.written, f.total.written, f.percent.written, f.total.unit or f.value.unit)
            for f in found] == [numbers]


def test_leading_zeros_before_thousands_are_read_not_fatal():
    assert Num.parse("004.918.360").value == 4918360
    assert Num.parse("2.948").value == 2948


def test_dates_are_not_read_as_fractions():
    # Only the rate, stated alone: the dates of the period give no fraction to recompute it from.
    found = find("Trong kỳ báo cáo (15/12/2023-10/11/2024) đã tiếp nhận 100% hồ sơ")
    assert [(f.written, f.value, f.total, f.parts) for f in found] == [("100%", None, None, [])]


@pytest.mark.parametrize(("stated", "computed", "agrees"), [
    ("99.3", "99.2537", True),     # the issue's example: 99,3 for 99,25 is fine
    ("95.2", "90.48", False),      # … 95,2 for 90,48 is not
    ("125.95", "125.9478", True),
    ("100", "99.6", True),         # no decimals written: half a unit either way
    ("100", "99.4", False),
])
def test_rounding_of_the_stated_precision(stated, computed, agrees):
    assert percent_agrees(Decimal(stated), Decimal(computed)) is agrees


def test_numbers_are_formatted_the_vietnamese_way():
    assert vn(Decimal(2948)) == "2.948"
    assert vn(Decimal(7159635648)) == "7.159.635.648"
    assert vn_percent(Decimal("99.2537"), 1) == "99,25%"


def test_check_lists_every_2024_figure_and_the_tasks_without_evidence(project_2024, cli_run):
    result = cli_run("--project", project_2024, "check")
    assert result.code == 0, result.err
    out = result.out
    assert "Số liệu: 21 số liệu, 10 khớp, 0 lệch, 11 chỉ nêu tỷ lệ." in out
    assert (f"  {TASKS}/nhiem-vu-02.yaml:7: nhiệm vụ 2: khớp: 2.926/2.948 = 99,25%, văn bản nêu 99,3%") in out
    assert (f"  {TASKS}/nhiem-vu-09.yaml:7: nhiệm vụ 9: khớp: 305.000.000/276.500.000 = 110,31%, "
            "văn bản nêu 110,3%") in out
    assert f"  {TASKS}/nhiem-vu-11.yaml:8: nhiệm vụ 11: khớp: 93 + 28 = 121, văn bản nêu 121" in out
    assert "Nhiệm vụ không nêu tài liệu kiểm chứng (báo cáo năm 2024): 6, 11, 12, 13." in out
    assert "lệch" not in out.replace("0 lệch", "")


WRONG = ("content/reports/2024-mau/tasks/nhiem-vu-01.yaml:5: lỗi: result[0]: tỷ lệ không khớp với số liệu trong câu "
         "«Tỷ lệ hồ sơ trực tuyến đạt 95,2% (950/1050 hồ sơ)» (tìm thấy: văn bản nêu 95,2%; cần: 90,48% = 950/1.050 "
         "hồ sơ; sửa cho đúng văn bản gốc; nếu văn bản đã ký đúng như vậy, ghi xác nhận vào acknowledged của tệp này "
         "(figure, by, date, reason))")
ACKNOWLEDGED = """acknowledged:
  - figure: 95,2%
    by: Nguyễn Văn A, công chức Văn phòng
    date: 15/01/2025
    reason: văn bản đã ký ghi đúng như vậy
"""


@pytest.fixture
def wrong_ratio(tmp_path):
    """A small report (fixture sai-ty-le) whose task 1 states 95,2% for 950/1.050."""
    return make_project(tmp_path / "sai-ty-le", "sai-ty-le/content")


def test_a_wrong_percentage_is_an_error_naming_file_line_and_sentence(wrong_ratio, cli_run):
    result = cli_run("--project", wrong_ratio, "check")
    assert result.code == 1
    assert WRONG in result.err.splitlines()
    assert "nhiem-vu-02.yaml" not in result.err  # the right one is not flagged


def test_the_old_strict_figures_flag_still_fails_it(wrong_ratio, cli_run):
    result = cli_run("--project", wrong_ratio, "check", "--strict-figures")
    assert result.code == 1
    assert WRONG in result.err.splitlines()


def test_an_acknowledged_wrong_percentage_is_published_as_written_with_a_note(wrong_ratio, cli_run):
    with (wrong_ratio / "content/reports/2024-mau/tasks/nhiem-vu-01.yaml").open("a", encoding="utf-8") as task:
        task.write(ACKNOWLEDGED)
    result = cli_run("--project", wrong_ratio, "check")
    assert result.code == 0, result.err
    assert ": lỗi: " not in result.err
    assert "  content/reports/2024-mau/tasks/nhiem-vu-01.yaml:5: nhiệm vụ 1: lệch: 950/1.050 = 90,48%, " \
           "văn bản nêu 95,2%" in result.out.splitlines()
    pages = {p.path: p.markdown for p in render_site(load_content(wrong_ratio / "content", wrong_ratio))}
    assert ("!!! warning \"Số liệu không khớp khi tính lại\"\n"
            "    «95,2% \\(950/1050 hồ sơ\\)»: 950/1\\.050 = 90,48%, văn bản nêu 95,2%. "
            "Văn bản đã ký ghi đúng như vậy nên trang giữ nguyên; Nguyễn Văn A, công chức Văn phòng xác nhận ngày "
            "15/01/2025: văn bản đã ký ghi đúng như vậy.") in pages["bao-cao/2024-mau/nhiem-vu-01.md"]


def test_a_declared_sum_that_does_not_add_up(project, cli_run):
    task = project / TASKS / "nhiem-vu-02.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace('parts: ["2.944", "04"]', 'parts: ["2.944", "05"]'),
                    encoding="utf-8")
    result = cli_run("--project", project, "check")
    assert result.code == 1
    lines = result.err.splitlines()
    assert (f"{TASKS}/nhiem-vu-02.yaml:23: lỗi: figures[2]: tổng không bằng tổng các phần trong câu số liệu "
            "'Hồ sơ đã trả kết quả và đang giải quyết' (tìm thấy: văn bản nêu 2.948; cần: 2.949 = 2.944 + 05; "
            "sửa cho đúng văn bản gốc; nếu văn bản đã ký đúng như vậy, ghi xác nhận vào acknowledged của tệp này "
            "(figure, by, date, reason))") in lines
    assert (f"{TASKS}/nhiem-vu-02.yaml:23: cảnh báo: figures[2]: số liệu khai báo không có trong kết quả thực hiện "
            "(tìm thấy: 05; cần: các số chép đúng từ result của nhiệm vụ này)") in lines


def test_an_unquoted_vietnamese_number_is_explained(project, cli_run):
    task = project / TASKS / "nhiem-vu-02.yaml"
    task.write_text(task.read_text(encoding="utf-8").replace('total: "2.948"', "total: 2.948"), encoding="utf-8")
    result = cli_run("--project", project, "check")
    assert result.code == 1
    assert (f'{TASKS}/nhiem-vu-02.yaml:14: lỗi: figures[0].total: số có dấu chấm hoặc phẩy phải đặt trong dấu nháy, '
            'ví dụ "2.948" hoặc "99,3" (tìm thấy: \'2.948\')') in result.err.splitlines()
