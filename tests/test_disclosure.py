"""The public-disclosure portal (issues 3 and 13) on fixture content: sections, items, news and
feed, the clerk's errors with file and line, the status table of make check, the skeleton of a
new item. The law itself (categories, catalogues, status rules) is in test_disclosure_law.py and
test_status_rules.py."""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import FIXTURES as ALL_FIXTURES
from conftest import ROOT
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


# --- the 2024 fixture site: every category linked, no invented items --------------------------

def test_every_category_is_linked_from_home_and_nav(site_2024, content_2024):
    home = site_2024 / "index.html"
    in_article = set(hrefs(home, LINKS))
    portal = site_2024 / "cong-khai" / "index.html"
    in_nav = set(hrefs(portal, "//nav[contains(@class,'md-nav--primary')]//a/@href"))
    for category in content_2024.disclosure.categories:
        target = ("tin-hoat-dong/index.html" if category.slug == "tin-hoat-dong"
                  else f"cong-khai/{category.slug}/index.html")
        assert (site_2024 / target).is_file(), target
        assert target in in_article, f"{category.title} không có liên kết trên trang chủ"
        assert f"../{target}" in in_nav or target.removeprefix("cong-khai/") in in_nav, category.title


def test_fixture_content_has_no_invented_items(site_2024):
    for folder in (site_2024 / "cong-khai").iterdir():
        if folder.is_dir():
            assert [p.name for p in folder.iterdir()] == ["index.html"], folder
    status = text_of(site_2024 / "cong-khai" / "tinh-trang-cong-khai.html")
    assert "Ngày tham chiếu: 31/12/2024." in status
    assert ("Tuyển dụng bắt buộc: Luật Tiếp cận thông tin 2016, Điều 17 khoản 1 điểm l 0 — thiếu: "
            "chưa có thông tin nào được đăng") in status


# --- fixture items: category, item page, attachment, catalogue, status ------------------

def test_fixture_item_appears_in_its_category_newest_first(portal_site):
    page = portal_site / "cong-khai" / "tuyen-dung" / "index.html"
    links = [h for h in hrefs(page, LINKS) if h.endswith("-ubnd-2024.html")]
    assert links == ["kq-30-ubnd-2024.html", "tb-15-ubnd-2024.html"]
    assert "Tình trạng (tính đến ngày 30/06/2024, xem Tình trạng công khai): đủ" in text_of(page)


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
    assert ("Thông báo tuyển dụng công chức năm 2024 (ví dụ kiểm thử) Tuyển dụng 15/TB-UBND 27/02/2024 "
            "Trang thông tin điện tử; Niêm yết tại trụ sở Đăng: 01/03/2024 Thời hạn: từ 01/03/2024 đến 10/04/2024 "
            "Xem trên trang") in text
    assert "tuyen-dung/tb-15-ubnd-2024.html" in hrefs(page, LINKS)


def test_status_page_counts_fixture_items_as_of_the_given_date(portal_site):
    text = text_of(portal_site / "cong-khai" / "tinh-trang-cong-khai.html")
    assert ("Ngày tham chiếu: 30/06/2024. Trên 26 chuyên mục: 3 đủ, 20 thiếu, 0 quá hạn, 0 hết hạn đúng quy định, "
            "3 không áp dụng.") in text
    assert "Tuyển dụng bắt buộc: Luật Tiếp cận thông tin 2016, Điều 17 khoản 1 điểm l 2 22/05/2024 đủ" in text
    # The map is the profile's image file (NĐ 224/2026), not an item: the category still lacks it.
    assert "Địa giới hành chính đơn vị tự cam kết 1 05/01/2024 thiếu: chưa có bản đồ địa giới hành chính" in text
    assert "Tin hoạt động đơn vị tự cam kết 2 15/05/2024 đủ" in text


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
    files_dir = "disclosure/files"
    write_item(project, "thieu-tep.yaml", ITEM.format(category="tuyen-dung", attachment=f"{files_dir}/khong-co.pdf"))
    write_item(project, "qua-lon.yaml", ITEM.format(category="tuyen-dung", attachment=f"{files_dir}/lon.pdf"))
    write_item(project, "sai-loai.yaml", ITEM.format(category="tuyen-dung", attachment=f"{files_dir}/anh.pdf"))
    write_item(project, "sai-muc.yaml", ITEM.format(category="tuyen-dun", attachment="")
               .replace("attachment: \n", ""))
    write_item(project, "sai-han.yaml", ITEM.replace("attachment: {attachment}\n",
                                                     "period:\n  from: 10/03/2024\n  until: 01/03/2024\n")
               .format(category="tuyen-dung"))
    result = cli_run("--project", project, "check")
    assert result.code == 1
    lines = result.err.splitlines()
    base = "content/disclosure/items/"
    for expected in (
        f"{base}thieu-tep.yaml:6: lỗi: attachment: không tìm thấy tệp đính kèm (tìm thấy: "
        "'disclosure/files/khong-co.pdf'; cần: tệp có thật tại content/disclosure/files/khong-co.pdf)",
        f"{base}qua-lon.yaml:6: lỗi: attachment: tệp đính kèm quá lớn (tìm thấy: 21 MB (22.020.096 byte); "
        "cần: không quá 20 MB (nén hoặc tách tệp))",
        f"{base}sai-loai.yaml:6: lỗi: attachment: nội dung tệp không khớp phần mở rộng .pdf (tìm thấy: nội dung "
        "tệp PNG; cần: một tệp PDF thật, hoặc đổi phần mở rộng cho đúng)",
        f"{base}sai-muc.yaml:2: lỗi: category: không có chuyên mục 'tuyen-dun' (tìm thấy: 'tuyen-dun'; "
        "cần: có phải ý bạn là 'tuyen-dung'?)",
        f"{base}sai-han.yaml:8: lỗi: period.until: thời hạn công khai kết thúc trước khi bắt đầu (tìm thấy: "
        "từ 10/03/2024 đến 01/03/2024; cần: ngày kết thúc từ 10/03/2024 trở đi)",
    ):
        assert expected in lines, expected
    assert lines[-1] == "Tìm thấy 5 lỗi trong nội dung. Hãy sửa các chỗ trên rồi chạy lại."


def test_a_failed_check_stops_the_build(project, cli_run):
    write_item(project, "thieu-tep.yaml",
               ITEM.format(category="tuyen-dung", attachment="disclosure/files/khong-co.pdf"))
    result = cli_run("--project", project, "build", "--site-dir", str(project / "site"))
    assert result.code == 1
    assert "content/disclosure/items/thieu-tep.yaml:6: lỗi: attachment: không tìm thấy tệp đính kèm" in result.err
    assert not (project / "site").exists()


# --- make check: the status table --------------------------------------------------------

def test_check_prints_the_status_table_and_strict_fails_on_required(portal_project, cli_run):
    result = cli_run("--project", portal_project, "check", "--as-of", "2024-06-30")
    assert result.code == 0, result.err
    out = result.out.splitlines()
    assert "Tình trạng công khai tính đến ngày 30/06/2024:" in out
    def row(start: str) -> str:
        return re.sub(r"\s+", " ", next(line for line in out if line.startswith(start)))

    assert row("Tuyển dụng") == "Tuyển dụng có 2 22/05/2024 đủ"
    assert row("Quy hoạch") == "Quy hoạch đô thị có 0 — thiếu"
    assert row("Vốn nhà nước") == "Vốn nhà nước tại doanh nghiệp không 0 — không áp dụng"
    strict = cli_run("--project", portal_project, "check", "--as-of", "30/06/2024", "--strict-disclosure")
    assert strict.code == 1
    assert "lỗi: categories[9]: Chuyên mục «Quy hoạch đô thị»" in strict.err
    # What only the ward committed to never fails the strict check.
    assert "lỗi: categories[23]" not in strict.err


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
    assert "# Ngày đăng công khai, dạng 28/02/2024; không được sau ngày tham chiếu (bắt buộc)\npublished:\n" in text
    title_line = text.splitlines().index("title:") + 1
    check = cli_run("--project", project, "check")
    assert check.code == 1
    assert (f"content/disclosure/items/tb-moi.yaml:{title_line}: lỗi: title: trường để trống (cần: điền giá trị, "
            "hoặc xóa cả dòng nếu trường không bắt buộc)") in check.err
    again = cli_run("--project", project, "new", "item", "--category", "tuyen-dung", "--id", "tb-moi")
    assert again.code == 1 and "tb-moi.yaml: lỗi: tệp đã có, không ghi đè (cần: chọn mã khác bằng --id)" in again.err


def test_new_item_unknown_category_suggests_one(project, cli_run):
    result = cli_run("--project", project, "new", "item", "--category", "tuyendung")
    assert result.code == 1
    assert ("--category: lỗi: không có chuyên mục 'tuyendung' (tìm thấy: 'tuyendung'; "
            "cần: có phải ý bạn là 'tuyen-dung'?)") in result.err


def test_staff_guide_matches_the_schema(cli_run):
    result = cli_run("schema")
    assert result.out == (ROOT / "docs-staff" / "huong-dan-noi-dung.md").read_text(encoding="utf-8")


def test_new_item_skeleton_has_only_its_categorys_section(project, cli_run):
    assert cli_run("--project", project, "new", "item", "--category", "ngan-sach", "--id", "ns-moi").code == 0
    text = (project / "content" / "disclosure" / "items" / "ns-moi.yaml").read_text(encoding="utf-8")
    assert "# budget:\n#   stage:    # Giai đoạn:" in text
    assert "fiscal_year:    # Năm ngân sách, ví dụ: 2024 (bắt buộc)" in text
    assert "consultation" not in text and "correction" not in text
