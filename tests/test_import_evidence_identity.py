"""Evidence a report cites is the register's record only when it is the same document.

Same number, date, issuer and subject (subject compared without case, extra spaces or a final
'.'): reused, and the import says so. Same number and date with another subject: a new record,
which the content check refuses naming both records, so nothing is written. A predecessor
unit's report gets its own records (``issuer`` set), even for the same titles and numbers.
"""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES

from generator.content.load import load_content

EXPORT_2024 = FIXTURES / "bao-cao-2024.txt"
THUAN_AN = FIXTURES / "import-header" / "bao-cao-thuan-an-2025.txt"
CITED = "Kế hoạch số 124/KH-UBND ngày 26/02/2024 về thực hiện công tác CCHC năm 2024."
PREDECESSOR = "predecessors:\n  - name: Ủy ban nhân dân xã Thuận An\n    short_name: UBND xã Thuận An\n"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def citing(tmp_path: Path, citation: str) -> Path:
    """The 2024 export with task 1's first evidence line cited as ``citation``."""
    text = EXPORT_2024.read_text(encoding="utf-8")
    assert text.count(CITED) == 1
    source = tmp_path / "bao-cao-2025.txt"
    source.write_text(text.replace(CITED, citation), encoding="utf-8")
    return source


def test_same_number_and_date_with_another_subject_is_refused_naming_both_records(project, cli_run, tmp_path):
    source = citing(tmp_path, "Kế hoạch số 124/KH-UBND ngày 26/02/2024 về ban hành quy trình nội bộ giải quyết TTHC.")
    before = snapshot(project / "content")
    result = cli_run("import", source, "--out", project / "content/reports/2025-cam-ket")
    assert result.code == 1, result.out
    assert "content/evidence/kh-124-ubnd-2024.yaml:5: lỗi: subject: cùng số, ngày và cơ quan ban hành với " \
           "content/evidence/kh-124-ubnd-2024-2.yaml (tệp lệnh nhập sẽ ghi: tài liệu kiểm chứng của nhiệm vụ 1 " \
           "trong văn bản nguồn) nhưng khác trích yếu (tìm thấy: 'về thực hiện công tác CCHC năm 2024' và " \
           "'về ban hành quy trình nội bộ giải quyết TTHC'; cần: một văn bản một tệp:" in result.err
    assert result.err.endswith("Tìm thấy 1 lỗi trong tệp nguồn. Hãy sửa các chỗ trên rồi chạy lại.\n"
                               "Chưa ghi tệp nào.\n")
    assert snapshot(project / "content") == before


def test_same_subject_written_differently_is_reused_and_the_summary_says_why(project, cli_run, tmp_path):
    source = citing(tmp_path, "Kế hoạch số 124/kh-UBND ngày 26/2/2024 về Thực hiện  công tác CCHC NĂM 2024")
    result = cli_run("import", source, "--out", project / "content/reports/2025-cam-ket")
    assert result.code == 0, result.err
    assert "13 nhiệm vụ, 0 tài liệu kiểm chứng mới, 13 tài liệu dùng lại" in result.out
    assert "Tài liệu kiểm chứng đã có trong content/evidence/, dùng lại vì trùng khớp:\n" \
           "  - dùng lại kh-124-ubnd-2024: cùng số, ngày, cơ quan, trích yếu\n" \
           "  - dùng lại kh-127-ubnd-2024: cùng số, ngày, cơ quan, trích yếu\n" \
           "  - dùng lại bien-ban-hop-giao-ban: cùng loại, tên tài liệu, đơn vị\n" in result.out
    assert sorted(p.name for p in (project / "content/evidence").glob("*.yaml")) == \
        sorted(p.name for p in (FIXTURES / "content-2024/evidence").glob("*.yaml"))


def test_a_predecessors_report_gets_records_of_its_own(project, cli_run):
    unit = project / "content/unit.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + PREDECESSOR, encoding="utf-8")
    out = project / "content/reports/2025-thuan-an"
    result = cli_run("import", THUAN_AN, "--out", out)
    assert result.code == 0, result.err
    assert "2 nhiệm vụ, 2 tài liệu kiểm chứng mới, 0 tài liệu dùng lại" in result.out
    assert "Tài liệu kiểm chứng mới (tệp mới trong content/evidence/):\n" \
           "  - mới kh-124-ubnd-2024-xa-thuan-an: cùng số, ngày với kh-124-ubnd-2024 nhưng là tài liệu của " \
           "Ủy ban nhân dân xã Thuận An\n" \
           "  - mới trich-xuat-tu-phan-mem-mot-cua-dien-tu-xa-thuan-an: cùng tên với trich-xuat-mot-cua-dien-tu " \
           "nhưng là tài liệu của Ủy ban nhân dân xã Thuận An\n" in result.out
    evidence = project / "content/evidence"
    assert (evidence / "trich-xuat-tu-phan-mem-mot-cua-dien-tu-xa-thuan-an.yaml").read_text(encoding="utf-8") \
        .splitlines()[1:] == ["kind: trich-xuat", "title: Trích xuất từ phần mềm Một cửa điện tử",
                              "issuer: Ủy ban nhân dân xã Thuận An"]
    content = load_content(project / "content", project)
    extracts = {i for i, e in content.evidence.items() if e.evidence.title == "Trích xuất từ phần mềm Một cửa điện tử"}
    assert extracts == {"trich-xuat-mot-cua-dien-tu", "trich-xuat-tu-phan-mem-mot-cua-dien-tu-xa-thuan-an"}
    assert content.evidence["kh-124-ubnd-2024"].evidence.issuer is None  # phường 4's record is untouched
    assert content.evidence["kh-124-ubnd-2024-xa-thuan-an"].evidence.issuer == "Ủy ban nhân dân xã Thuận An"

    # Imported again, the predecessor's report reuses its own records, not phường 4's.
    again = cli_run("import", THUAN_AN, "--out", out, "--force")
    assert again.code == 0, again.err
    assert "2 nhiệm vụ, 0 tài liệu kiểm chứng mới, 2 tài liệu dùng lại" in again.out
    assert "  - dùng lại kh-124-ubnd-2024-xa-thuan-an: cùng số, ngày, cơ quan, trích yếu\n" \
           "  - dùng lại trich-xuat-tu-phan-mem-mot-cua-dien-tu-xa-thuan-an: cùng loại, tên tài liệu, đơn vị\n" \
        in again.out
