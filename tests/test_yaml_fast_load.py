"""Content is parsed by the fast C loader; messages and line numbers stay what the
round-trip loader gave (it is parsed again only when a message needs a line)."""

from __future__ import annotations

from conftest import TASKS

from generator.content.load import load_content
from generator.content.yamlfile import read_yaml
from generator.problems import ContentError, format_problems

TASK = f"{TASKS}/nhiem-vu-03.yaml"


def _problems(project) -> str:
    try:
        load_content(project / "content", project)
    except ContentError as exc:
        return format_problems(exc.problems)
    raise AssertionError("content should not load")


def test_yaml_12_values_and_located_errors(project):
    (project / "content" / "unit.yaml").write_text(
        "name: on\nshort_name: yes\ncity: 010\nprovince: 1:20\n", encoding="utf-8")
    task = project / TASK
    task.write_text(task.read_text(encoding="utf-8").replace("number: 3", "number: ba"), encoding="utf-8")
    (project / "content/evidence/hinh-anh-cong-khai.yaml").write_text(
        "kind: hinh-anh\ntitle: a\ntitle: b\n", encoding="utf-8")
    text = _problems(project)
    # YAML 1.2: 'on', 'yes' and '1:20' are text; only 010 is a number
    assert "content/unit.yaml:3: lỗi: city: sai kiểu dữ liệu (tìm thấy: '10'; cần: một đoạn chữ)" in text
    assert "unit.yaml:2" not in text and "unit.yaml:4" not in text
    assert f"{TASK}:3: lỗi: number: sai kiểu dữ liệu (tìm thấy: 'ba'; cần: một số nguyên)" in text
    assert ("content/evidence/hinh-anh-cong-khai.yaml:3: lỗi: sai cú pháp YAML: trường 'title' xuất hiện hai lần "
            "(cần: giữ một lần, xóa dòng lặp)") in text


def test_line_numbers_come_from_the_round_trip_tree(project):
    doc = read_yaml(project / TASK, TASK)
    assert type(doc.data) is dict  # the fast loader's plain data
    assert doc.line_of(("evidence", 0)) == 9
