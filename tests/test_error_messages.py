"""The exact words a clerk reads for typical content mistakes: file, line, field, what was found
and what is needed. Each case makes one mistake in a copy of the 2024 fixture content and
compares every problem line (``str(problem)``) in full."""

from __future__ import annotations

import shutil

import pytest
from conftest import AS_OF, REPORT_DIR, TASKS, edit

from generator.content.load import load_content
from generator.problems import ContentError, format_problems

REPORT = f"{REPORT_DIR}/report.yaml"
EVIDENCE = "content/evidence/kh-124-ubnd-2024.yaml"

# name: (file, text before, text after, every problem line the loader reports)
CASES = {
    "missing-required-field": (
        REPORT, "symbol: BC-UBND\n", "",
        [f"{REPORT}:4: lỗi: symbol: thiếu trường bắt buộc (cần: Ký hiệu sau số, ví dụ: BC-UBND)"],
    ),
    "unknown-field-with-suggestion": (
        "content/unit.yaml", "phone:", "phon:",
        ["content/unit.yaml:9: lỗi: phon: trường không có trong mẫu nội dung (cần: có phải ý bạn là 'phone'?)"],
    ),
    "empty-required-field": (
        "content/unit.yaml", "city: Đông Hà", "city:",
        ["content/unit.yaml:5: lỗi: city: trường để trống "
         "(cần: điền giá trị, hoặc xóa cả dòng nếu trường không bắt buộc)"],
    ),
    "wrong-type": (
        f"{TASKS}/nhiem-vu-03.yaml", "number: 3", "number: ba",
        [f"{TASKS}/nhiem-vu-03.yaml:3: lỗi: number: sai kiểu dữ liệu (tìm thấy: 'ba'; cần: một số nguyên)"],
    ),
    "impossible-date": (
        EVIDENCE, "date: 26/02/2024", "date: 31/02/2024",
        [f"{EVIDENCE}:4: lỗi: date: ngày 31/02/2024 không có thật trên lịch (tìm thấy: '31/02/2024')"],
    ),
    "date-in-the-wrong-form": (
        EVIDENCE, "date: 26/02/2024", "date: 26-02-2024",
        [f"{EVIDENCE}:4: lỗi: date: ngày phải viết dạng ngày/tháng/năm, ví dụ 26/02/2024 (tìm thấy: '26-02-2024')"],
    ),
    "unknown-evidence-id": (
        f"{TASKS}/nhiem-vu-01.yaml", "  - kh-124-ubnd-2024\n", "  - kh-124\n",
        [f"{TASKS}/nhiem-vu-01.yaml:10: lỗi: evidence[0]: không tìm thấy tài liệu 'kh-124' "
         "(tìm thấy: 'kh-124'; cần: có phải ý bạn là 'kh-124-ubnd-2024'?)"],
    ),
    "yaml-syntax-error": (
        f"{TASKS}/nhiem-vu-03.yaml", "result:\n", "result: [chưa đóng\n",
        # Located where the bracket opens, not where the parser gave up.
        [f"{TASKS}/nhiem-vu-03.yaml:6: lỗi: sai cú pháp YAML: dấu ngoặc [ hoặc {{ chưa đóng "
         "(cần: đóng ngoặc, hoặc đặt giá trị trong dấu nháy kép)"],
    ),
    "yaml-duplicate-key": (
        EVIDENCE, "date: 26/02/2024\n", "date: 26/02/2024\ndate: 27/02/2024\n",
        [f"{EVIDENCE}:5: lỗi: sai cú pháp YAML: trường 'date' xuất hiện hai lần (cần: giữ một lần, xóa dòng lặp)"],
    ),
    "yaml-tab-indent": (
        f"{TASKS}/nhiem-vu-03.yaml", "  - Từ đầu năm", "\t- Từ đầu năm",
        [f"{TASKS}/nhiem-vu-03.yaml:7: lỗi: có ký tự Tab ở cột 1 (cần: thay Tab bằng dấu cách (YAML không nhận Tab))"],
    ),
    "yaml-unquoted-colon": (
        f"{TASKS}/nhiem-vu-03.yaml", "  - Từ đầu năm đến nay", "  - Kết quả: Từ đầu năm đến nay",
        [f"{TASKS}/nhiem-vu-03.yaml:7: lỗi: result[0]: dấu hai chấm và dấu cách ': ' làm YAML hiểu dòng này là "
         "một cặp 'tên: giá trị', không phải một đoạn chữ (tìm thấy: 'Kết quả: Từ đầu năm đến nay không có hồ sơ "
         "TTHC bị trễ hạn nên không phải xin lỗi cá nhân, tổ chức.'; cần: đặt cả đoạn chữ trong dấu nháy kép, "
         'ví dụ "Kết quả: Từ đầu năm đến nay không có hồ sơ TTHC bị trễ hạn nên không phải xin lỗi cá nhân, '
         'tổ chức.")'],
    ),
    "duplicate-task-number": (
        f"{TASKS}/nhiem-vu-05.yaml", "number: 5\n", "number: 4\n",
        [f"{TASKS}/nhiem-vu-05.yaml:3: lỗi: number: số thứ tự nhiệm vụ bị trùng với tệp {TASKS}/nhiem-vu-04.yaml "
         "(tìm thấy: 4; cần: mỗi nhiệm vụ một số riêng)",
         # Task 5 is now missing, said once, for the next file in order.
         f"{TASKS}/nhiem-vu-06.yaml:4: lỗi: number: số thứ tự nhiệm vụ không liên tục "
         "(tìm thấy: 6; cần: 5 (các nhiệm vụ đánh số 1, 2, 3, … không bỏ số))"],
    ),
}


def problems(project) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_content(project / "content", project, AS_OF)
    return [str(problem) for problem in raised.value.problems]


@pytest.mark.parametrize("case", CASES)
def test_message_names_file_line_field_found_and_needed(project, case):
    file, old, new, expected = CASES[case]
    edit(project, file, old, new)
    assert problems(project) == expected


def test_every_mistake_is_reported_in_one_pass(project):
    for file, old, new, _ in (CASES[name] for name in ("unknown-field-with-suggestion", "impossible-date",
                                                       "unknown-evidence-id")):
        edit(project, file, old, new)
    with pytest.raises(ContentError) as raised:
        load_content(project / "content", project, AS_OF)
    expected = [*CASES["unknown-field-with-suggestion"][3], *CASES["impossible-date"][3],
                *CASES["unknown-evidence-id"][3]]
    assert format_problems(raised.value.problems).splitlines() == [
        *expected, "Tìm thấy 3 lỗi trong nội dung. Hãy sửa các chỗ trên rồi chạy lại."]


def test_a_report_without_tasks_is_published_with_a_warning(project):
    shutil.rmtree(project / REPORT_DIR / "tasks")
    content = load_content(project / "content", project, AS_OF)
    assert content.reports[0].tasks == ()
    assert [str(p) for p in content.warnings if "nhiệm vụ nào" in str(p)] == [
        f"{REPORT_DIR}/report.yaml: cảnh báo: báo cáo chưa có nhiệm vụ nào (thư mục tasks/ trống hoặc không có) "
        "(cần: các tệp tasks/nhiem-vu-01.yaml, … của phụ lục; nhập từ tệp Word: python -m generator import TỆP "
        "--out <thư mục báo cáo>)"]
