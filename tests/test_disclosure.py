"""The public-disclosure portal (issue 3): the 2024 fixture site, the portal fixture site
(items, attachments, news) and the commands (``check``, ``new item``) run in this process."""

from __future__ import annotations

import hashlib
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import FIXTURES as ALL_FIXTURES
from lxml import html as lxml_html

FIXTURES = ALL_FIXTURES / "portal"
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "//div[contains(@class,'md-content')]"  # the page's own content, without the nav
LINKS = CONTENT + "//a/@href"


def text_of(page: Path) -> str:
    """The visible text of a built page's content, whitespace collapsed."""
    main = lxml_html.parse(str(page)).xpath(CONTENT)[0]
    for br in main.iter("br"):  # a line break separates words, as on screen
        br.tail = " " + (br.tail or "")
    return " ".join(main.text_content().split())


def hrefs(page: Path, xpath: str = "//a/@href") -> list[str]:
    return [str(h) for h in lxml_html.parse(str(page)).xpath(xpath)]


def add_fixtures(project: Path) -> Path:
    shutil.copytree(FIXTURES, project / "content", dirs_exist_ok=True)
    return project


# --- the 2024 site: categories from content/, no invented items -------------------------

def test_every_task7_category_is_linked_from_home_and_nav(site_2024, content_2024):
    assert content_2024.disclosure is not None
    categories = content_2024.disclosure.categories
    titles = {c.title for c in categories}
    # Task 7 of the report names these; "thủ tục hành chính thuộc thẩm quyền" and the section
    # "Thủ tục hành chính" are one category.
    assert titles == {"Quy hoạch đô thị", "Kế hoạch sử dụng đất", "Tuyển dụng", "Cơ cấu tổ chức",
                      "Địa giới hành chính", "Địa chỉ, số điện thoại", "Tin hoạt động", "Thủ tục hành chính",
                      "Tủ sách pháp luật", "Pháp luật và đời sống", "Tiếp cận thông tin", "Điều ước quốc tế",
                      "Dịch vụ công"}
    home = site_2024 / "index.html"
    in_article = set(hrefs(home, LINKS))
    # navigation.prune: the home page's nav shows the section's first page; its nav lists every category.
    assert "cong-khai/index.html" in hrefs(home, "//nav[contains(@class,'md-nav--primary')]//a/@href")
    portal = site_2024 / "cong-khai" / "index.html"
    in_nav = set(hrefs(portal, "//nav[contains(@class,'md-nav--primary')]//a/@href"))
    for category in categories:
        target = ("tin-hoat-dong/index.html" if category.slug == "tin-hoat-dong"
                  else f"cong-khai/{category.slug}/index.html")
        assert (site_2024 / target).is_file(), target
        assert target in in_article, f"{category.title} không có liên kết trên trang chủ"
        assert f"../{target}" in in_nav or target.removeprefix("cong-khai/") in in_nav, \
            f"{category.title} không có trong thanh điều hướng"


def test_2024_content_has_no_invented_items_and_status_says_so(site_2024):
    assert not (ALL_FIXTURES / "content-2024" / "disclosure" / "items").exists()
    assert not (ALL_FIXTURES / "content-2024" / "news").exists()
    for folder in (site_2024 / "cong-khai").iterdir():
        if folder.is_dir():
            assert [p.name for p in folder.iterdir()] == ["index.html"], folder
    status = text_of(site_2024 / "cong-khai" / "tinh-trang-cong-khai.html")
    assert re.search(r"Tính đến ngày \d\d/\d\d/\d{4}: 0 chuyên mục đủ, 13 thiếu, 0 quá hạn", status), status[:300]
    assert "Tính đến ngày 31/12/2024:" in status  # the site's reference date
    assert "Tuyển dụng bắt buộc 0 — thiếu: chưa có thông tin nào được đăng" in status


def test_catalogue_lists_the_2024_report_and_its_evidence(site_2024, content_2024):
    page = site_2024 / "cong-khai" / "danh-muc-thong-tin.html"
    text = text_of(page)
    assert text.startswith("Danh mục thông tin phải được công khai")
    assert "…/BC-UBND (dự thảo)" in text
    for item in content_2024.evidence.values():
        assert item.evidence.label in text
    links = hrefs(page, LINKS)
    assert "../bao-cao/2024-cam-ket-par-index-sipas-papi/index.html" in links
    assert "../tai-lieu-kiem-chung/kh-124-ubnd-2024.html" in links


def test_contact_access_and_organisation_pages_show_what_is_missing(site_2024):
    contact = text_of(site_2024 / "cong-khai" / "dia-chi-so-dien-thoai" / "index.html")
    assert "Địa chỉ chưa công bố Số điện thoại chưa công bố Thư điện tử chưa công bố" in contact
    assert "Trang thông tin điện tử phuong4.dongha.quangtri.gov.vn" in contact
    access_page = site_2024 / "cong-khai" / "tiep-can-thong-tin" / "index.html"
    access = text_of(access_page)
    assert "Đầu mối chưa công bố" in access
    assert "Nghị định 13/2018/NĐ-CP, Điều 11" in access
    assert "../danh-muc-thong-tin.html" in hrefs(access_page, LINKS)
    organisation = text_of(site_2024 / "cong-khai" / "co-cau-to-chuc" / "index.html")
    assert "Chủ tịch Ủy ban nhân dân phường Nguyễn Tài Hoàng Na chưa công bố" in organisation


# --- fixture items: category, item page, attachment, catalogue, status ------------------

def test_fixture_item_appears_in_its_category_newest_first(portal_site):
    page = portal_site / "cong-khai" / "tuyen-dung" / "index.html"
    links = [h for h in hrefs(page, LINKS) if h.endswith("-ubnd-2024.html")]
    assert links == ["kq-30-ubnd-2024.html", "tb-15-ubnd-2024.html"]
    assert "Tình trạng đủ (tính đến ngày 30/06/2024" in text_of(page)


def test_item_page_has_metadata_and_a_checked_download(portal_site):
    source = FIXTURES / "disclosure" / "files" / "tuyen-dung" / "thong-bao-15.pdf"
    copied = portal_site / "cong-khai" / "tuyen-dung" / "tep" / "tb-15-ubnd-2024" / "thong-bao-15.pdf"
    assert copied.read_bytes() == source.read_bytes()
    page = portal_site / "cong-khai" / "tuyen-dung" / "tb-15-ubnd-2024.html"
    text = text_of(page)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    size = source.stat().st_size
    assert f"Mã kiểm tra SHA-256: {digest}" in text
    assert f"({size} byte)" in text
    assert ("Số, ký hiệu 15/TB-UBND Cơ quan ban hành UBND phường 4 Ngày ban hành 27/02/2024 Ngày đăng 01/03/2024 "
            "Hình thức công khai Trang thông tin điện tử; Niêm yết tại trụ sở "
            "Thời hạn công khai từ 01/03/2024 đến 10/04/2024") in text
    assert "tep/tb-15-ubnd-2024/thong-bao-15.pdf" in hrefs(page, LINKS)


def test_item_pages_stay_out_of_the_nav(portal_site):
    nav = hrefs(portal_site / "index.html", "//nav[contains(@class,'md-nav--primary')]//a/@href")
    assert not any("tb-15-ubnd-2024" in h or "hop-giao-ban" in h for h in nav)


def test_fixture_items_appear_in_the_catalogue(portal_site):
    page = portal_site / "cong-khai" / "danh-muc-thong-tin.html"
    text = text_of(page)
    assert ("Thông báo tuyển dụng công chức năm 2024 (ví dụ kiểm thử) 15/TB-UBND 27/02/2024 "
            "Trang thông tin điện tử; Niêm yết tại trụ sở Đăng ngày 01/03/2024; từ 01/03/2024 đến 10/04/2024 Xem"
            ) in text
    assert "tuyen-dung/tb-15-ubnd-2024.html" in hrefs(page, LINKS)


def test_status_page_counts_fixture_items_as_of_the_given_date(portal_site):
    text = text_of(portal_site / "cong-khai" / "tinh-trang-cong-khai.html")
    assert "Tính đến ngày 30/06/2024: 3 chuyên mục đủ, 10 thiếu, 0 quá hạn" in text
    assert "Tuyển dụng bắt buộc 2 22/05/2024 đủ" in text
    assert "Địa giới hành chính bắt buộc 1 05/01/2024 đủ" in text
    assert "Tin hoạt động tự cam kết 2 15/05/2024 đủ" in text


# --- news and its feed -------------------------------------------------------------------

def test_feed_is_atom_with_the_fixture_posts(portal_site):
    feed = portal_site / "tin-hoat-dong" / "feed.xml"
    root = ET.parse(feed).getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Họp giao ban tháng 5 (ví dụ kiểm thử)", "Ra quân vệ sinh môi trường (ví dụ kiểm thử)"]
    assert [e.findtext(f"{ATOM}published") for e in entries] == [
        "2024-05-15T00:00:00+07:00", "2024-03-02T00:00:00+07:00"]
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")
        assert re.fullmatch(r"[a-z0-9-]+\.html", href), href
        assert (feed.parent / href).is_file(), href
    assert entries[0].findtext(f"{ATOM}summary") == "UBND phường họp giao ban công tác cải cách hành chính tháng 5."


def test_news_posts_have_ascii_urls_and_vietnamese_dates(portal_site):
    post = portal_site / "tin-hoat-dong" / "hop-giao-ban-thang-5.html"
    assert "15 tháng 5, 2024" in lxml_html.parse(str(post)).getroot().text_content()
    index = portal_site / "tin-hoat-dong" / "index.html"
    assert {"hop-giao-ban-thang-5.html", "ra-quan-ve-sinh.html"} <= set(hrefs(index, LINKS))
    assert "feed.xml" in hrefs(index, LINKS)


def test_empty_news_still_writes_a_valid_feed(site_2024):
    root = ET.parse(site_2024 / "tin-hoat-dong" / "feed.xml").getroot()
    assert root.findall(f"{ATOM}entry") == []
    assert root.findtext(f"{ATOM}title") == "Tin hoạt động – Ủy ban nhân dân phường 4"


# --- errors a clerk can make, with file:line ---------------------------------------------

def write_item(project: Path, name: str, text: str) -> None:
    folder = project / "content" / "disclosure" / "items"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


MISSING = "disclosure/files/khong-co.pdf"


def row(lines: list[str], start: str) -> str:
    """The status table's row starting with ``start``, its column gaps folded to one space."""
    return re.sub(r"\s+", " ", next(line for line in lines if line.startswith(start)))


ITEM = """title: Thông báo
category: {category}
published: 01/03/2024
forms:
  - trang-thong-tin-dien-tu
attachment: {attachment}
"""


def test_attachment_and_category_errors_name_file_and_line(project, cli_run):
    files = project / "content" / "disclosure" / "files"
    files.mkdir(parents=True)
    (files / "anh.pdf").write_bytes((FIXTURES / "disclosure" / "files" / "dia-gioi" / "ban-do.png").read_bytes())
    with open(files / "lon.pdf", "wb") as big:  # sparse: 21 MB on paper, nothing on disk
        big.write(b"%PDF-1.4\n")
        big.truncate(21 * 1024 * 1024)
    write_item(project, "thieu-tep.yaml", ITEM.format(category="tuyen-dung", attachment=MISSING))
    write_item(project, "qua-lon.yaml", ITEM.format(category="tuyen-dung", attachment="disclosure/files/lon.pdf"))
    write_item(project, "sai-loai.yaml", ITEM.format(category="tuyen-dung", attachment="disclosure/files/anh.pdf"))
    write_item(project, "sai-muc.yaml", ITEM.format(category="tuyen-dun", attachment="disclosure/files/anh.pdf")
               .replace("attachment: disclosure/files/anh.pdf\n", ""))
    write_item(project, "sai-han.yaml", ITEM.replace("attachment: {attachment}\n",
                                                     "period:\n  from: 10/03/2024\n  until: 01/03/2024\n")
               .format(category="tuyen-dung"))
    result = cli_run("--project", project, "check")
    assert result.code == 1
    lines = result.err.splitlines()
    base = "content/disclosure/items/"
    assert (f"{base}thieu-tep.yaml:6: lỗi: attachment: không tìm thấy tệp đính kèm (tìm thấy: "
            "'disclosure/files/khong-co.pdf'; cần: tệp có thật tại content/disclosure/files/khong-co.pdf)") in lines
    assert (f"{base}qua-lon.yaml:6: lỗi: attachment: tệp đính kèm quá lớn (tìm thấy: 21 MB (22.020.096 byte); "
            "cần: không quá 20 MB (nén hoặc tách tệp))") in lines
    assert (f"{base}sai-loai.yaml:6: lỗi: attachment: nội dung tệp không khớp phần mở rộng .pdf (tìm thấy: "
            "nội dung tệp PNG; cần: một tệp PDF thật, hoặc đổi phần mở rộng cho đúng)") in lines
    assert (f"{base}sai-muc.yaml:2: lỗi: category: không có chuyên mục 'tuyen-dun' (tìm thấy: 'tuyen-dun'; "
            "cần: có phải ý bạn là 'tuyen-dung'?)") in lines
    assert (f"{base}sai-han.yaml:8: lỗi: period.until: thời hạn công khai kết thúc trước khi bắt đầu (tìm thấy: "
            "từ 10/03/2024 đến 01/03/2024; cần: ngày kết thúc từ 10/03/2024 trở đi)") in lines
    assert lines[-1] == "Tìm thấy 5 lỗi trong nội dung. Hãy sửa các chỗ trên rồi chạy lại."


def test_a_failed_check_stops_the_build(project, cli_run):
    write_item(project, "thieu-tep.yaml", ITEM.format(category="tuyen-dung", attachment=MISSING))
    result = cli_run("--project", project, "build", "--site-dir", project / "site")
    assert result.code == 1
    assert "content/disclosure/items/thieu-tep.yaml:6: lỗi: attachment: không tìm thấy tệp đính kèm" in result.err
    assert not (project / "site").exists()


# --- make check: the status table, warnings and --strict-disclosure -----------------------

def test_check_prints_the_status_table_and_warns_for_missing_required(project, cli_run):
    add_fixtures(project)
    result = cli_run("--project", project, "check", "--as-of", "2024-06-30")
    assert result.code == 0, result.err
    out = result.out.splitlines()
    assert "Tình trạng công khai tính đến ngày 30/06/2024:" in out
    assert row(out, "Tuyển dụng") == "Tuyển dụng có 2 22/05/2024 đủ"
    assert row(out, "Quy hoạch") == "Quy hoạch đô thị có 0 — thiếu"
    assert ("content/disclosure/categories.yaml:12: cảnh báo: categories[0]: chuyên mục bắt buộc 'Quy hoạch đô thị' "
            "thiếu: chưa có thông tin nào được đăng (cần: đăng thông tin: python -m generator new item "
            "--category quy-hoach-do-thi)") in result.err
    strict = cli_run("--project", project, "check", "--as-of", "2024-06-30", "--strict-disclosure")
    assert strict.code == 1
    assert ("content/disclosure/categories.yaml:12: lỗi: categories[0]: chuyên mục bắt buộc 'Quy hoạch đô thị' "
            "thiếu") in strict.err
    # Non-required categories never fail the strict check.
    assert "Tủ sách pháp luật" not in strict.err


def test_lapsed_period_and_late_publication_are_overdue(project, cli_run):
    write_item(project, "het-han.yaml", "title: Điều ước hết hạn\ncategory: dieu-uoc-quoc-te\npublished: 01/03/2024\n"
               "forms:\n  - trang-thong-tin-dien-tu\nperiod:\n  from: 01/03/2024\n  until: 10/04/2024\n")
    # Issued Monday 01/04/2024, published Monday 15/04/2024: 10 working days, the rule allows 5.
    write_item(project, "dang-muon.yaml", "title: Thủ tục đăng muộn\ncategory: thu-tuc-hanh-chinh\nissued: 01/04/2024\n"
               "published: 15/04/2024\nforms:\n  - trang-thong-tin-dien-tu\n")
    result = cli_run("--project", project, "check", "--as-of", "2024-06-30")
    rows = {line.split("  ")[0]: re.sub(r"\s+", " ", line) for line in result.out.splitlines()}
    assert rows["Điều ước quốc tế"] == "Điều ước quốc tế có 1 01/03/2024 quá hạn"
    assert rows["Thủ tục hành chính"] == "Thủ tục hành chính có 1 15/04/2024 quá hạn"
    # Before the period ends, the same item is in force.
    early = cli_run("--project", project, "check", "--as-of", "2024-04-01")
    assert any(re.sub(r"\s+", " ", line) == "Điều ước quốc tế có 1 01/03/2024 đủ" for line in early.out.splitlines())


def test_short_notice_board_period_is_a_warning(project, cli_run):
    write_item(project, "ngan.yaml", "title: Niêm yết ngắn\ncategory: tuyen-dung\npublished: 01/03/2024\n"
               "forms:\n  - bang-niem-yet\nperiod:\n  from: 01/03/2024\n  until: 10/03/2024\n")
    result = cli_run("--project", project, "check", "--as-of", "2024-03-05")
    assert result.code == 0
    assert ("content/disclosure/items/ngan.yaml:8: cảnh báo: period.until: thông tin niêm yết được giữ "
            "chưa đủ số ngày tối thiểu "
            "(tìm thấy: 10 ngày; cần: ít nhất 30 ngày (Luật Tiếp cận thông tin 2016, Điều 21))") in result.err


# --- staff: the skeleton for a new item --------------------------------------------------

def test_new_item_writes_a_commented_skeleton_that_cannot_be_published_blank(project, cli_run):
    result = cli_run("--project", project, "new", "item", "--category", "tuyen-dung", "--id", "tb-moi")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "Đã tạo content/disclosure/items/tb-moi.yaml: điền các trường theo ghi chú trong tệp rồi chạy make check.",
        "Tệp đính kèm (nếu có): đặt vào content/disclosure/files/tuyen-dung/ và ghi vào trường attachment, "
        "ví dụ attachment: disclosure/files/tuyen-dung/ten-tep.pdf"]
    text = (project / "content" / "disclosure" / "items" / "tb-moi.yaml").read_text(encoding="utf-8")
    assert "# Tên thông tin, ví dụ: Thông báo tuyển dụng công chức năm 2024 (bắt buộc)\ntitle:\n" in text
    assert "category: tuyen-dung\n" in text
    assert "# Ngày đăng công khai, dạng 28/02/2024 (bắt buộc)\npublished:\n" in text
    title_line = text.splitlines().index("title:") + 1
    check = cli_run("--project", project, "check")
    assert check.code == 1
    assert (f"content/disclosure/items/tb-moi.yaml:{title_line}: lỗi: title: trường để trống "
            "(cần: điền giá trị, hoặc xóa cả dòng nếu trường không bắt buộc)") in check.err
    again = cli_run("--project", project, "new", "item", "--category", "tuyen-dung", "--id", "tb-moi")
    assert again.code == 1 and "tb-moi.yaml: lỗi: tệp đã có, không ghi đè (cần: chọn mã khác bằng --id)" in again.err


def test_new_item_unknown_category_suggests_one(project, cli_run):
    result = cli_run("--project", project, "new", "item", "--category", "tuyendung")
    assert result.code == 1
    assert ("--category: lỗi: không có chuyên mục 'tuyendung' (tìm thấy: 'tuyendung'; "
            "cần: có phải ý bạn là 'tuyen-dung'?)") in result.err

