"""Document citations: parsed from any text, linked to evidence or the register, checked against NĐ 30/2020."""

from __future__ import annotations

import pytest
from conftest import REPORT_DIR, build

from generator.analysis.citations import cited_documents, parse


@pytest.mark.parametrize(("text", "expected"), [
    ("triển khai Thông báo số 239/TB-TKT ngày 29/5/2024 của UBND thành phố Đông Hà về chấp hành kỷ luật; thực hiện",
     ("Thông báo", "239/TB-TKT", "29/5/2024", "UBND thành phố Đông Hà", "về chấp hành kỷ luật")),
    ("theo Quyết định số 05/QĐ-UBND ngày 5 tháng 3 năm 2024 về việc giao dự toán.",
     ("Quyết định", "05/QĐ-UBND", "5 tháng 3 năm 2024", None, "về việc giao dự toán")),
    ("Trên cơ sở các nội dung đã ký tại Bản cam kết 06/CK-BCĐ ngày 26/01/2024 giữa",
     ("Bản cam kết", "06/CK-BCĐ", "26/01/2024", None, None)),
    ("UBND phường đã ban hành Kế hoạch số 99/KH-UBND để triển khai", ("Kế hoạch", "99/KH-UBND", None, None, None)),
])
def test_citations_are_parsed_from_running_text(text, expected):
    [c] = parse(text)
    assert (c.doc_type, c.number, c.date, c.issuer, c.subject) == expected


def test_the_2024_documents_outside_the_evidence_register(content_2024):
    documents = cited_documents(content_2024)
    outside = {d.symbol: [p.label for p in d.places] for d in documents if d.evidence_id is None}
    assert outside == {
        "06/CK-BCĐ": ["Báo cáo năm 2024: phần căn cứ",
                      "Báo cáo năm 2024: mục 1. Công tác chỉ đạo triển khai thực hiện"],
        "99/KH-UBND": ["Báo cáo năm 2024: phần căn cứ",
                       "Báo cáo năm 2024: mục 1. Công tác chỉ đạo triển khai thực hiện"],
        "239/TB-TKT": ["Báo cáo năm 2024: nhiệm vụ 6"],
        "877/KH-UBND": ["Báo cáo năm 2024: nhiệm vụ 6"],
        "129/KH-UBND": ["Báo cáo năm 2024: nhiệm vụ 11"],
    }


def test_register_page_lists_each_document_with_links_to_where_it_is_cited(site_2024):
    html = (site_2024 / "van-ban-dan-chieu.html").read_text(encoding="utf-8")
    assert '<h1 id="van-ban-duoc-dan-chieu">Văn bản được dẫn chiếu' in html
    for anchor in ("06-ck-bcd-2024", "99-kh-ubnd-2024", "239-tb-tkt-2024", "877-kh-ubnd-2024", "129-kh-ubnd-2024"):
        assert f'id="{anchor}"' in html
    assert ('<a href="bao-cao/2024-cam-ket-par-index-sipas-papi/index.html#1-cong-tac-chi-dao-trien-khai-thuc-hien">'
            "Báo cáo năm 2024: mục 1. Công tác chỉ đạo triển khai thực hiện</a>") in html
    assert ('<a href="bao-cao/2024-cam-ket-par-index-sipas-papi/nhiem-vu-11.html">'
            "Báo cáo năm 2024: nhiệm vụ 11</a>") in html


def test_task_text_links_its_citations_to_the_register(site_2024):
    html = (site_2024 / "bao-cao/2024-cam-ket-par-index-sipas-papi/nhiem-vu-06.html").read_text(encoding="utf-8")
    assert '<a href="../../van-ban-dan-chieu.html#239-tb-tkt-2024">Thông báo số 239/TB-TKT ngày 29/5/2024</a>' in html
    assert '<a href="../../van-ban-dan-chieu.html#877-kh-ubnd-2024">Kế hoạch số 877/KH-UBND ngày 09/10/2024</a>' in html
    assert "của UBND thành phố Đông Hà về chấp hành kỷ luật" in html  # the words around the link stay


CITING_TASK = """number: 14
content:
  - Nhiệm vụ mẫu để kiểm thử lời dẫn.
result:
  - Thực hiện Kế hoạch số 124/KH-UBND ngày 26/02/2024 về thực hiện công tác CCHC năm 2024.
  - Theo Quyết định số 5/QĐ-UBND ngày 30/02/2024 về giao chỉ tiêu.
  - Gửi Báo cáo số 12 /BC-UBND ngày 1 tháng 3 năm 2024 và Kế hoạch số 15/BC-UBND ngày 01/03/2024 2 < 3 & x.
"""


@pytest.fixture
def citing_project(project):
    (project / REPORT_DIR / "tasks" / "nhiem-vu-14.yaml").write_text(CITING_TASK, encoding="utf-8")
    return project


def test_check_flags_impossible_dates_and_malformed_numbers_with_file_and_line(citing_project, cli_run):
    result = cli_run("--project", citing_project, "check")
    assert result.code == 0, result.err
    where = f"{REPORT_DIR}/tasks/nhiem-vu-14.yaml"
    lines = result.err.splitlines()
    assert lines[-1] == "Nội dung hợp lệ."
    assert lines[:4] + lines[-1:] == [
        f"{where}:6: cảnh báo: result[1]: Quyết định số 5/QĐ-UBND: ngày ban hành không có thật trên lịch "
        "(tìm thấy: 30/02/2024; cần: một ngày có thật, dạng 26/02/2024)",
        f"{where}:6: cảnh báo: result[1]: Quyết định số 5/QĐ-UBND: số nhỏ hơn 10 phải có số 0 ở trước "
        "(tìm thấy: 5/QĐ-UBND; cần: 05/QĐ-UBND)",
        f"{where}:7: cảnh báo: result[2]: Báo cáo số 12 /BC-UBND: số, ký hiệu có dấu cách "
        "(tìm thấy: 12 /BC-UBND; cần: 12/BC-UBND)",
        f"{where}:7: cảnh báo: result[2]: Kế hoạch số 15/BC-UBND: ký hiệu loại văn bản không khớp với 'Kế hoạch' "
        "(tìm thấy: BC; cần: KH)",
        "Nội dung hợp lệ.",
    ]


def test_a_citation_of_an_evidence_document_links_to_its_page(citing_project, tmp_path):
    site = build(citing_project, tmp_path / "site")
    html = (site / "bao-cao/2024-cam-ket-par-index-sipas-papi/nhiem-vu-14.html").read_text(encoding="utf-8")
    assert ('<a href="../../tai-lieu-kiem-chung/kh-124-ubnd-2024.html">Kế hoạch số 124/KH-UBND ngày 26/02/2024</a>'
            " về thực hiện công tác CCHC năm 2024.") in html
    assert '<a href="../../van-ban-dan-chieu.html#05-qd-ubnd-2024">' not in html
    assert "2 &lt; 3 &amp; x" in html  # text around citations stays escaped
    register = (site / "van-ban-dan-chieu.html").read_text(encoding="utf-8")
    assert "124/KH-UBND" not in register  # in the evidence register, so not listed again
    assert 'id="15-bc-ubnd-2024"' in register
