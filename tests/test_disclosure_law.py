"""Issue 13: every group of information the law asks of a commune-level People's Committee has
a place, an article, an update rule and a status; the catalogues claim nothing that is not on
the site; the access section and the NĐ 224/2026 pages; what the clerk must fill in.

Fixture content only (tests/fixtures/content-2024 and portal), plus items and files written
here, clearly marked as test values."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, build, make_project
from html_site import parse

from generator.content.load import load_content
from generator.problems import ContentError
from generator.render.site import render_site

AS_OF = dt.date(2026, 7, 15)
PORTAL = FIXTURES / "portal" / "disclosure" / "files"
INTERNAL = re.compile(r"content/|\.yaml|focal_point|request_url|rating_url|\bunit\.")


def text_of(page: Path) -> str:
    """The article's text as read on screen: a line break separates words."""
    article = parse(page).cssselect("article.md-content__inner")[0]
    for br in article.iter("br"):
        br.tail = " " + (br.tail or "")
    return " ".join(article.text_content().split())


def write(project: Path, relative: str, text: str) -> None:
    target = project / "content" / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def copy(project: Path, source: Path, relative: str) -> None:
    target = project / "content" / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)


def enrich(project: Path) -> Path:
    """Test values (not real content): a unit with its contacts, the portal's files, more items."""
    unit = project / "content" / "unit.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("address:\n", "address: Số 1 đường Ví Dụ (kiểm thử)\n")
                    .replace("focal_point:\n", "focal_point:\n  name: Văn phòng (kiểm thử)\n  phone: '0233 000 000'\n")
                    .replace("request_url:\n", "request_url: https://vi-du.invalid/yeu-cau\n"
                                               "rating_url: https://vi-du.invalid/danh-gia\n")
                    .replace("    source:", "    duties: Phụ trách chung (kiểm thử)\n    biography:\n"
                                          "      - Sinh năm 1970 (kiểm thử).\n    source:"), encoding="utf-8")
    copy(project, PORTAL / "dia-gioi" / "ban-do.png", "disclosure/files/gioi-thieu/ban-do.png")
    write(project, "disclosure/gioi-thieu.yaml", "map: disclosure/files/gioi-thieu/ban-do.png\n"
          "history:\n  - Lịch sử ví dụ (kiểm thử).\n")
    copy(project, PORTAL / "tuyen-dung" / "thong-bao-15.pdf", "disclosure/files/tiep-can-thong-tin/phieu.pdf")
    write(project, "disclosure/tiep-can-thong-tin.yaml", "request_forms:\n  - title: Phiếu yêu cầu (kiểm thử)\n"
          "    file: disclosure/files/tiep-can-thong-tin/phieu.pdf\n"
          "conditional:\n  - title: Thông tin ví dụ (kiểm thử)\n"
          "    condition: có sự đồng ý của người liên quan\n    basis: Luật Tiếp cận thông tin 2016, Điều 7\n")
    copy(project, PORTAL / "tuyen-dung" / "thong-bao-15.pdf", "disclosure/files/ngan-sach/du-toan.pdf")
    write(project, "disclosure/items/niem-yet-co-tep.yaml", "title: Dự toán ngân sách 2026 (kiểm thử)\n"
          "category: ngan-sach\n"
          "published: 05/01/2026\nforms:\n  - bang-niem-yet\nattachment: disclosure/files/ngan-sach/du-toan.pdf\n"
          "budget:\n  stage: du-toan\n  fiscal_year: 2026\n  approved: 25/12/2025\n")
    write(project, "disclosure/items/niem-yet-khong-tep.yaml", "title: Thông báo chỉ niêm yết (kiểm thử)\n"
          "category: thue-phi-le-phi\npublished: 05/01/2026\nforms:\n  - bang-niem-yet\n")
    write(project, "disclosure/items/kh-124.yaml", "title: Kế hoạch thực hiện công tác CCHC năm 2024\n"
          "category: ke-hoach\nevidence: kh-124-ubnd-2024\npublished: 28/02/2024\nforms:\n  - trang-thong-tin-dien-tu\n"
          "plan:\n  covers: năm 2024\n")
    write(project, "disclosure/items/dinh-chinh-tb-15.yaml", "title: Đính chính thông báo tuyển dụng (kiểm thử)\n"
          "category: dinh-chinh\npublished: 04/03/2024\nforms:\n  - trang-thong-tin-dien-tu\n  - bang-niem-yet\n"
          "correction:\n  corrects: tb-15-ubnd-2024\n  reason: Sửa hạn nộp hồ sơ (kiểm thử).\n")
    return project


@pytest.fixture(scope="module")
def rich(tmp_path_factory) -> Path:
    return enrich(make_project(tmp_path_factory.mktemp("rich"), "content-2024", "portal"))


@pytest.fixture(scope="module")
def rich_pages(rich) -> dict[str, str]:
    return {p.path: p.markdown for p in render_site(load_content(rich / "content", rich, AS_OF))}


@pytest.fixture(scope="module")
def rich_site(rich, tmp_path_factory) -> Path:
    return build(rich, tmp_path_factory.mktemp("rich-site") / "site", AS_OF)


@pytest.fixture(scope="module")
def plain_pages(project_2024) -> dict[str, str]:
    return {p.path: p.markdown for p in render_site(load_content(project_2024 / "content", project_2024, AS_OF))}


# --- the legal list ------------------------------------------------------------------------------

def cited(content) -> set[tuple[str, int | None, int | None, str | None]]:
    return {(c.law, c.article, c.clause, c.point) for cat in content.disclosure.categories
            for ob in cat.obligations for c in [*ob.basis, *(x for r in ob.rules for x in r.basis)]}


def test_every_group_of_the_law_has_a_category(content_2024):
    found = cited(content_2024)
    for point in "a b c d đ e g h i k l m n o".split():
        assert ("luat-tctt-2016", 17, 1, point) in found, f"Điều 17 khoản 1 điểm {point}"
    for point in "a b c d đ e g h".split():
        assert ("luat-tctt-2016", 19, 1, point) in found, f"Điều 19 khoản 1 điểm {point}"
    for where in (("nd-224-2026", 9, 1, "c"), ("nd-224-2026", 9, 3, None), ("nd-224-2026", 10, 3, None),
                  ("luat-tctt-2016", 18, 3, None), ("luat-tctt-2016", 22, None, None), ("nd-13-2018", 11, None, None)):
        assert where in found, where


def test_the_thirteen_sections_of_task_7_are_kept(content_2024):
    committed = {c.title for c in content_2024.disclosure.categories if c.commitment}
    assert committed == {"Quy hoạch đô thị", "Kế hoạch sử dụng đất", "Tuyển dụng", "Cơ cấu tổ chức",
                         "Địa giới hành chính", "Địa chỉ, số điện thoại", "Tin hoạt động", "Thủ tục hành chính",
                         "Tủ sách pháp luật", "Pháp luật và đời sống", "Tiếp cận thông tin", "Điều ước quốc tế",
                         "Dịch vụ công"}


def test_legal_dissemination_is_required_and_groups_that_do_not_apply_say_why(content_2024):
    disclosure = content_2024.disclosure
    for slug in ("tu-sach-phap-luat", "phap-luat-va-doi-song"):
        assert all(o.applies and o.required for o in disclosure.category(slug).obligations)
    not_applicable = [o for c in disclosure.categories for o in c.obligations if not o.applies]
    assert not_applicable and all(o.reason for o in not_applicable)


def test_status_page_shows_the_reference_date_reasons_and_both_versions(plain_pages):
    status = plain_pages["cong-khai/tinh-trang-cong-khai.md"]
    assert "Ngày tham chiếu: **15/07/2026**" in status
    assert "**không áp dụng**: Ủy ban nhân dân cấp xã không là cơ quan đại diện chủ sở hữu vốn nhà nước" in status
    organisation = plain_pages["cong-khai/co-cau-to-chuc/index.md"]
    assert "| đến 30/06/2026 | Bắt buộc: Luật Tiếp cận thông tin 2016, Điều 17 khoản 1 điểm k" in organisation
    assert "| từ 01/07/2026<br>**áp dụng tại ngày 15/07/2026** | Bắt buộc:" in organisation
    legal = plain_pages["cong-khai/van-ban-phap-luat.md"]
    assert "Nghị định 42/2022/NĐ\\-CP" in legal or "42/2022/NĐ\\-CP" in legal
    assert "đến 30/06/2026" in legal and "từ 01/07/2026" in legal


def test_public_pages_never_show_file_or_field_names(plain_pages, rich_pages):
    for pages in (plain_pages, rich_pages):
        for path, markdown in pages.items():
            if path.startswith(("cong-khai/", "tin-hoat-dong/")):
                body = markdown.split("\n---\n", 1)[1]
                assert not INTERNAL.search(body.replace("\\", "")), (path, INTERNAL.search(body.replace("\\", "")))
    assert "Địa chỉ | chưa cập nhật" in plain_pages["cong-khai/dia-chi-so-dien-thoai/index.md"]
    assert "Đầu mối | chưa cập nhật" in plain_pages["cong-khai/tiep-can-thong-tin/index.md"]


# --- the access-to-information section ----------------------------------------------------------

def test_every_sentence_of_the_guidance_cites_its_article(plain_pages):
    page = plain_pages["cong-khai/tiep-can-thong-tin/index.md"]
    guidance = page.split("## Hướng dẫn", 1)[1].split("\n## ", 1)[0].strip().splitlines()
    sentences = [line for line in guidance if line.strip() and not line.startswith("{#")]
    assert len(sentences) >= 8
    for sentence in sentences:
        assert re.search(r"\((Luật Tiếp cận thông tin 2016|Nghị định 13/2018/NĐ-CP), Điều \d+[^()]*\)\.$",
                         sentence.replace("\\", "")), sentence
    assert "Mẫu phiếu (Nghị định 13/2018/NĐ-CP, Điều 5): chưa cập nhật." in page


def test_access_page_with_the_clerks_forms_and_the_conditional_catalogue(rich_pages):
    page = rich_pages["cong-khai/tiep-can-thong-tin/index.md"]
    assert "Phiếu yêu cầu \\(kiểm thử\\): [Tải về tệp PDF](tep/phieu.pdf)" in page
    assert "| Đầu mối | Văn phòng \\(kiểm thử\\) |" in page
    conditional = rich_pages["cong-khai/danh-muc-tiep-can-co-dieu-kien.md"]
    assert "| Thông tin ví dụ \\(kiểm thử\\) | có sự đồng ý của người liên quan |" in conditional


# --- the catalogues -------------------------------------------------------------------------------

def test_catalogue_claims_nothing_on_the_website_that_is_not(rich_site):
    page = rich_site / "cong-khai" / "danh-muc-thong-tin.html"
    rows = parse(page).cssselect("article table tbody tr")
    assert rows
    for row in rows:
        cells = [" ".join(td.text_content().split()) for td in row.cssselect("td")]
        anchors = row.cssselect("td a")
        if "Trang thông tin điện tử" in cells[2]:
            assert anchors and anchors[0].text_content() == "Xem trên trang", cells
        else:
            assert "Xem trên trang" not in cells[3], cells
            assert anchors or "chưa có tệp số hóa" in cells[3], cells
        for a in anchors:
            assert (page.parent / a.get("href")).is_file(), a.get("href")
    assert not (rich_site / "cong-khai" / "ngan-sach" / "niem-yet-co-tep.html").exists()


def test_catalogue_lists_no_evidence_and_no_draft_without_a_decision(rich_site, rich):
    text = text_of(rich_site / "cong-khai" / "danh-muc-thong-tin.html")
    assert "Kế hoạch thực hiện công tác CCHC năm 2024 Chương trình, kế hoạch 124/KH-UBND 26/02/2024" in text
    assert "về thực hiện công tác CCHC" not in text      # evidence records are not listed by themselves
    assert "BC-UBND" not in text                          # the 2024 report is an undecided draft
    report = rich / "content" / "reports" / "2024-cam-ket-par-index-sipas-papi" / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + "draft_publication:\n  decided_by: Chủ tịch (kiểm thử)\n"
                      "  decided_on: 20/11/2024\n", encoding="utf-8")
    try:
        pages = {p.path: p.markdown for p in render_site(load_content(rich / "content", rich, AS_OF))}
    finally:
        report.write_text(report.read_text(encoding="utf-8").split("draft_publication:")[0], encoding="utf-8")
    catalogue = pages["cong-khai/danh-muc-thong-tin.md"]
    assert "…/BC\\-UBND \\(dự thảo\\)" in catalogue
    assert "đơn vị quyết định công khai bản dự thảo ngày 20/11/2024 \\(Chủ tịch \\(kiểm thử\\)\\)" in catalogue


def test_promoted_evidence_and_corrections(rich_pages):
    plan = rich_pages["cong-khai/ke-hoach/kh-124.md"]
    assert "| Số, ký hiệu | 124/KH\\-UBND |" in plan and "| Cơ quan ban hành | Ủy ban nhân dân phường 4 |" in plan
    assert "[tài liệu kiểm chứng](../../tai-lieu-kiem-chung/kh-124-ubnd-2024.md)" in plan
    original = rich_pages["cong-khai/tuyen-dung/tb-15-ubnd-2024.md"]
    assert '!!! warning "Thông tin này đã được đính chính"' in original
    assert "Sửa hạn nộp hồ sơ \\(kiểm thử\\)" in original


def test_errors_for_repeated_evidence_fields_and_corrections_in_another_form(project):
    write(project, "disclosure/items/kh.yaml", "title: Kế hoạch\ncategory: ke-hoach\nevidence: kh-124-ubnd-2024\n"
          "number: 124/KH-UBND\npublished: 28/02/2024\nforms:\n  - trang-thong-tin-dien-tu\n")
    write(project, "disclosure/items/dc.yaml", "title: Đính chính\ncategory: dinh-chinh\npublished: 01/03/2024\n"
          "forms:\n  - bang-niem-yet\ncorrection:\n  corrects: kh\n  reason: Sửa (kiểm thử)\n")
    with pytest.raises(ContentError) as caught:
        load_content(project / "content", project, AS_OF)
    messages = [str(p) for p in caught.value.problems]
    assert ("content/disclosure/items/kh.yaml:4: lỗi: number: trường này đã có trong tài liệu kiểm chứng "
            "content/evidence/kh-124-ubnd-2024.yaml (cần: xóa trường này: thông tin được lấy từ tài liệu kiểm chứng, "
            "một văn bản chỉ ghi ở một nơi)") in messages
    assert ("content/disclosure/items/dc.yaml:5: lỗi: forms: thông tin đính chính phải được công khai bằng hình thức "
            "của thông tin gốc (Luật Tiếp cận thông tin 2016, Điều 22 khoản 5) (tìm thấy: bang-niem-yet; "
            "cần: thêm trang-thong-tin-dien-tu)") in messages


# --- NĐ 224/2026 pages ----------------------------------------------------------------------------

def test_profile_leaders_english_and_satisfaction_pages(rich_pages, rich_site):
    profile = rich_pages["cong-khai/dia-gioi-hanh-chinh/index.md"]
    assert "![Bản đồ địa giới hành chính Ủy ban nhân dân phường 4](../gioi-thieu/tep/ban-do.png)" in profile
    assert "Lịch sử ví dụ \\(kiểm thử\\)" in profile and "## Văn hóa\n\nChưa cập nhật." in profile
    organisation = rich_pages["cong-khai/co-cau-to-chuc/index.md"]
    assert "| Nhiệm vụ được phân công | Phụ trách chung \\(kiểm thử\\) |" in organisation
    assert "Sinh năm 1970 \\(kiểm thử\\)\\." in organisation
    english = rich_pages["cong-khai/english.md"]
    assert "| Agency | Ủy ban nhân dân phường 4 |" in english
    assert "| Address | Số 1 đường Ví Dụ \\(kiểm thử\\) |" in english
    assert "| Telephone | not yet published \\(chưa cập nhật\\) |" in english
    rating = parse(rich_site / "cong-khai" / "danh-gia-hai-long" / "index.html")
    assert "https://vi-du.invalid/danh-gia" in [a.get("href") for a in rating.cssselect("article a")]
    for html in (rich_site / "cong-khai").rglob("*.html"):
        for form in parse(html).cssselect("form"):
            assert form.get("action") is None and form.get("method") in (None, "get"), html


# --- make check: what the clerk must fill in, with its article -----------------------------------------

def test_check_lists_what_is_missing_with_its_article(project_2024, cli_run):
    result = cli_run("--project", project_2024, "check", "--as-of", "15/07/2026")
    assert result.code == 0, result.err
    lines = result.err.splitlines()
    assert ("content/unit.yaml: cảnh báo: address: chưa có địa chỉ trụ sở, cần cho chuyên mục «Địa chỉ, số điện "
            "thoại» (Luật Tiếp cận thông tin 2016, Điều 17 khoản 1 điểm m, Điều 19 khoản 1 điểm đ) (cần: điền khi có "
            "văn bản nguồn; đến khi đó trang ghi «chưa cập nhật»)") in lines
    assert any(line.startswith("content/unit.yaml: cảnh báo: leaders[…].biography: chưa có tiểu sử tóm tắt của "
                               "từng lãnh đạo, cần cho chuyên mục «Cơ cấu tổ chức»") and
               "Nghị định 224/2026/NĐ-CP, Điều 9 khoản 1 điểm c" in line for line in lines)
    assert any(line.startswith("content/disclosure/tiep-can-thong-tin.yaml: cảnh báo: request_forms") and
               "Nghị định 13/2018/NĐ-CP, Điều 6, Điều 11" in line for line in lines)
    assert any("categories[0]: Chuyên mục «Văn bản quy phạm pháp luật, văn bản hành chính» (Luật Tiếp cận thông tin "
               "2016, Điều 17 khoản 1 điểm a" in line for line in lines)
    strict = cli_run("--project", project_2024, "check", "--as-of", "15/07/2026", "--strict-disclosure")
    assert strict.code == 1


def test_check_asks_for_the_digitised_file_of_a_notice_board_item(rich, cli_run):
    result = cli_run("--project", rich, "check", "--as-of", "15/07/2026")
    assert result.code == 0, result.err
    assert ("content/disclosure/items/niem-yet-khong-tep.yaml:1: cảnh báo: attachment: «Thông báo chỉ niêm yết "
            "(kiểm thử)» chỉ niêm yết tại trụ sở, chưa có tệp số hóa để kèm danh mục thông tin (Nghị định "
            "13/2018/NĐ-CP, Điều 6) (cần: ghi tệp bản chụp hoặc bản điện tử của văn bản vào attachment)"
            ) in result.err.splitlines()
    # The notice-board item of a category that asks for the website form is reported too.
    assert any("«Thông báo chỉ niêm yết (kiểm thử)»: chưa công khai bằng hình thức trang thông tin điện tử" in line
               and ": forms:" in line for line in result.err.splitlines())
