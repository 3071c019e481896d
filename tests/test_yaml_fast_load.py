"""Content is parsed by the fast C loader; messages and line numbers stay what the
round-trip loader gave (it is parsed again only when a message needs a line)."""

from __future__ import annotations

from generator.problems import ContentError, format_problems
from generator.content.load import load_content
from generator.content.yamlfile import read_yaml

TASK = "content/reports/2024-cam-ket-par-index-sipas-papi/tasks/nhiem-vu-03.yaml"


def _problems(project) -> str:
    try:
        load_content(project / "content", project)
    except ContentError as exc:
        return format_problems(exc.problems)
    raise AssertionError("content should not load")


def test_yaml_12_values_and_located_errors(project_copy):
    (project_copy / "content" / "unit.yaml").write_text(
        "name: on\nshort_name: yes\ncity: 010\nprovince: 1:20\n", encoding="utf-8")
    task = project_copy / TASK
    task.write_text(task.read_text(encoding="utf-8").replace("number: 3", "number: ba"), encoding="utf-8")
    (project_copy / "content/evidence/hinh-anh-cong-khai.yaml").write_text(
        "kind: hinh-anh\ntitle: a\ntitle: b\n", encoding="utf-8")
    text = _problems(project_copy)
    # YAML 1.2: 'on', 'yes' and '1:20' are text; only 010 is a number
    assert "content/unit.yaml:3: lỗi: city: sai kiểu dữ liệu (tìm thấy: '10'; cần: một đoạn chữ)" in text
    assert "unit.yaml:2" not in text and "unit.yaml:4" not in text
    assert f"{TASK}:3: lỗi: number: sai kiểu dữ liệu (tìm thấy: 'ba'; cần: một số nguyên)" in text
    assert ("content/evidence/hinh-anh-cong-khai.yaml:3: lỗi: sai cú pháp YAML (tìm thấy: found duplicate key "
            "\"title\" with value \"b\" (original value: \"a\"); cần: đúng cú pháp YAML: 'tên: giá trị', "
            "thụt lề bằng dấu cách)") in text


def test_line_numbers_come_from_the_round_trip_tree(project_copy):
    doc = read_yaml(project_copy / TASK, TASK)
    assert type(doc.data) is dict  # the fast loader's plain data
    assert doc.line_of(("evidence", 0)) == 9
