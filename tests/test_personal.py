"""Personal data (NĐ 13/2023): the detectors, and the upload package refused for data in content
text or in PDF, DOCX and XLSX attachments unless the value is on the allow-list."""

from __future__ import annotations

import pytest
from conftest import TASKS, edit
from package_files import PACKAGE, add_evidence, portal_project, write_docx, write_xlsx
from pdf_file import pdf_bytes

from generator.analysis.personal import Kind, find_personal

FOUND = [
    ("Liên hệ anh Nam: 0912 345 678", Kind.phone, "0912 *** ***"),
    ("gọi +84 912.345.678 để hỏi", Kind.phone, "0912 *** ***"),
    ("CCCD số 001234567890 cấp ngày 01/01/2021", Kind.cccd, "0012 **** ****"),
    ("số căn cước 001 234 567 890", Kind.cccd, "0012 **** ****"),
    ("CMND: 123456789", Kind.cmnd, "1234 *****"),
    ("Số tài khoản: 1903 5678 9012 tại Techcombank", Kind.bank, "1903 **** ****"),
    ("STK 0123456789012", Kind.bank, "0123 *** *** ***"),
    ("thư gửi nguyenvana@gmail.com", Kind.email, "ng***@gmail.com"),
    ("Ông Nguyễn Văn An, sinh ngày 12/03/1985, trú tại khu phố 2", Kind.birth, "**/**/****"),
    ("Họ và tên: Lê Thị Bình; Năm sinh: 1990", Kind.birth, "****"),
]
NOT_FOUND = [
    "Thu ngân sách 7.159.635.648 đồng, đạt 125,95%",
    "chi 125000000 đồng cho hoạt động",
    "Quyết định số 123456789/QĐ-UBND ngày 12/03/2024",
    "Mã hồ sơ H48.31-240312-000123456789",
    "tài khoản thu 7.159.635.648 đồng",
    "Đã cấp 2.926 tài khoản định danh, đạt 99,3%",
    "trẻ em sinh năm 2020 được tiêm đủ",
    "Mã số thuế: 0312345678",
    "điện thoại cơ quan 0233 3852 123",
    "ngày 26/02/2024, tổng số 1.250 hồ sơ",
    "họp lúc 09.12.2023 08:30 tại hội trường",
    "đã chứng minh nguồn thu 123.456.789 đồng",
    "Luật Căn cước 2023, chi 123.456.789 cho in ấn",
]


@pytest.mark.parametrize(("text", "kind", "masked"), FOUND)
def test_detectors_find_personal_data_and_mask_it(text, kind, masked):
    found = find_personal(text)
    assert [(f.kind, f.masked) for f in found] == [(kind, masked)]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_detectors_leave_amounts_dates_and_document_numbers_alone(text):
    assert find_personal(text) == []


def dist(cli_run, project):
    return cli_run("--project", project, "dist", "--as-of", "2024-06-30", "--allow-draft")


def test_a_phone_number_in_content_text_stops_the_package(cli_run, tmp_path):
    project = portal_project(tmp_path / "project")
    edit(project, "content/news/ra-quan-ve-sinh.yaml", "  - Đoạn thứ nhất của tin ví dụ.\n",
         '  - Đoạn thứ nhất của tin ví dụ.\n  - "Mọi thắc mắc liên hệ chị Hoa, số 0912.345.678."\n')
    result = dist(cli_run, project)
    assert result.code == 1
    assert ("content/news/ra-quan-ve-sinh.yaml:6: lỗi: body[1]: số điện thoại di động: dữ liệu cá nhân "
            "(Nghị định 13/2023/NĐ-CP) không được đăng công khai (tìm thấy: 0912 *** ***; cần: xóa hoặc che số này"
            ) in result.err
    assert "0912.345.678" not in result.err + result.out  # only the masked value is shown
    assert "du-lieu-ca-nhan-duoc-phep.yaml" in result.err
    assert not (project / "dist" / PACKAGE).exists()


def test_personal_data_in_pdf_docx_and_xlsx_attachments_stops_the_package(cli_run, tmp_path):
    project = portal_project(tmp_path / "project")
    files = project / "content/evidence/tep"
    files.mkdir(parents=True)
    (files / "danh-sach.pdf").write_bytes(pdf_bytes("Danh sach ho tro", "Ong Tran Van Binh\nCCCD 001234567890"))
    write_docx(files / "bien-ban.docx", ["Biên bản họp tổ dân phố."],
               [["Họ và tên", "Ngày sinh"], ["Nguyễn Thị Hoa", "12/03/1985"]])
    write_xlsx(files / "chi-tra.xlsx", [["Họ tên", "Số tài khoản"], ["Lê Văn Nam", "1903 5678 9012"]])
    for name in ("danh-sach.pdf", "bien-ban.docx", "chi-tra.xlsx"):
        add_evidence(project, name.split(".")[0], name)
    result = dist(cli_run, project)
    assert result.code == 1
    err = result.err
    assert ("content/evidence/tep/danh-sach.pdf: lỗi: trang 2: số căn cước công dân (CCCD): dữ liệu cá nhân "
            "(Nghị định 13/2023/NĐ-CP) không được đăng công khai (tệp đính kèm của content/evidence/danh-sach.yaml) "
            "(tìm thấy: 0012 **** ****") in err
    assert "content/evidence/tep/bien-ban.docx: lỗi: bảng 1, hàng 2: ngày sinh gắn với tên người" in err
    assert ("content/evidence/tep/chi-tra.xlsx: lỗi: trang tính 'Danh sách', hàng 2: số tài khoản ngân hàng"
            in err)
    assert "1903 **** ****" in err and "001234567890" not in err


def test_an_unreadable_attachment_stops_the_package(cli_run, tmp_path):
    from pypdf import PdfReader, PdfWriter

    project = portal_project(tmp_path / "project")
    files = project / "content/evidence/tep"
    files.mkdir(parents=True)
    (files / "plain.pdf").write_bytes(pdf_bytes("CCCD 001234567890"))
    writer = PdfWriter(clone_from=PdfReader(files / "plain.pdf"))
    writer.encrypt(user_password="mat-khau", owner_password="chu")
    with (files / "khoa.pdf").open("wb") as out:
        writer.write(out)
    (files / "plain.pdf").unlink()
    add_evidence(project, "khoa", "khoa.pdf")
    result = dist(cli_run, project)
    assert result.code == 1
    assert ("content/evidence/tep/khoa.pdf: lỗi: không đọc được tệp đính kèm (của content/evidence/khoa.yaml) để "
            "kiểm tra dữ liệu cá nhân: tệp PDF có mật khẩu") in result.err


def test_the_allow_list_lets_an_officials_number_through_and_check_shows_it(cli_run, tmp_path):
    project = portal_project(tmp_path / "project")
    edit(project, "content/news/ra-quan-ve-sinh.yaml", "  - Đoạn thứ nhất của tin ví dụ.\n",
         '  - Đoạn thứ nhất của tin ví dụ.\n  - "Đường dây nóng của Chủ tịch UBND phường: 0912 345 678, '
         'hộp thư ubndphuong4@dongha.gov.vn."\n')
    (project / "content/du-lieu-ca-nhan-duoc-phep.yaml").write_text(
        "entries:\n"
        '  - value: "+84 912 345 678"\n    reason: Số điện thoại công vụ của Chủ tịch UBND phường\n'
        "  - value: UBNDphuong4@dongha.gov.vn\n    reason: Hộp thư cơ quan\n"
        '  - value: "0905 000 111"\n    reason: Số cũ\n', encoding="utf-8")
    checked = cli_run("--project", project, "check", "--as-of", "2024-06-30")
    assert checked.code == 0, checked.err
    assert ("Dữ liệu cá nhân được phép công khai (content/du-lieu-ca-nhan-duoc-phep.yaml), hãy rà soát:\n"
            "  +84 912 345 678: Số điện thoại công vụ của Chủ tịch UBND phường (dòng 2; gặp 1 lần trong nội dung)\n"
            "  UBNDphuong4@dongha.gov.vn: Hộp thư cơ quan (dòng 4; gặp 1 lần trong nội dung)\n"
            "  0905 000 111: Số cũ (dòng 6; không gặp trong nội dung, có thể xóa khỏi danh sách)") in checked.out
    assert dist(cli_run, project).code == 0
    assert (project / "dist" / PACKAGE).is_file()


def test_check_warns_of_personal_data_that_would_stop_the_package(cli_run, tmp_path):
    project = portal_project(tmp_path / "project")
    paragraph = 'result:\n  - "Hỗ trợ ông Trần Văn Bình, CMND 123456789."\n'
    edit(project, f"{TASKS}/nhiem-vu-13.yaml", "result:\n", paragraph)
    checked = cli_run("--project", project, "check", "--as-of", "2024-06-30")
    assert checked.code == 0
    assert (f"{TASKS}/nhiem-vu-13.yaml:8: cảnh báo: result[0]: số chứng minh nhân dân (CMND): dữ liệu cá nhân "
            "(Nghị định 13/2023/NĐ-CP) không được đăng công khai; gói tải lên (make dist) sẽ bị từ chối") in checked.err
    assert "Dữ liệu cá nhân được phép công khai (content/du-lieu-ca-nhan-duoc-phep.yaml): không có." in checked.out


def test_allow_list_entries_need_a_value_and_a_reason(cli_run, tmp_path):
    project = portal_project(tmp_path / "project")
    (project / "content/du-lieu-ca-nhan-duoc-phep.yaml").write_text(
        "entries:\n  - value: 0912345678\n  - value: ubnd@example.vn\n", encoding="utf-8")
    checked = cli_run("--project", project, "check", "--as-of", "2024-06-30")
    assert checked.code == 1
    assert ("content/du-lieu-ca-nhan-duoc-phep.yaml:2: lỗi: entries[0].value: số phải đặt trong dấu nháy kép"
            in checked.err)
    assert "content/du-lieu-ca-nhan-duoc-phep.yaml:3: lỗi: entries[1].reason: thiếu trường bắt buộc" in checked.err
