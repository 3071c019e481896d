"""The compliance status on hand-made items with exact dates: working days with Tết 2025 and
the clerk's days off, deadlines from creation, notice-board minimums, a rule that changed
on 01/07/2026, yearly rules, budget periods, future dates. Fixture content only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import make_project

from generator.analysis import rules, status
from generator.analysis.findings import State
from generator.analysis.workdays import Calendar
from generator.content.disclosure import ItemEntry
from generator.content.load import load_content
from generator.content.located import Located
from generator.problems import ContentError
from generator.schema.disclosure import CategoryList, Rule
from generator.schema.disclosure.item import DaysOff, DisclosureItem

D = dt.date


# --- working days --------------------------------------------------------------------------

def test_tet_2025_counts_three_working_days_not_eight():
    calendar = Calendar()
    assert calendar.count(D(2025, 1, 24), D(2025, 2, 5)) == 3
    monday_to_friday = sum(1 for n in range(1, 13) if (D(2025, 1, 24) + dt.timedelta(n)).weekday() < 5)
    assert monday_to_friday == 8
    # The fifth working day after Friday 24/01/2025 is Friday 07/02/2025.
    assert calendar.add(D(2025, 1, 24), 5) == D(2025, 2, 7)


def test_library_make_up_saturday_and_the_clerks_days_off():
    calendar = Calendar()
    assert calendar.is_working(D(2025, 4, 26))       # Saturday worked for the day off on Friday 02/05/2025
    assert not calendar.is_working(D(2025, 5, 2))
    assert calendar.count(D(2024, 9, 1), D(2024, 9, 4)) == 1  # 02 and 03/09/2024: National Day
    extra = Calendar.of(DaysOff.model_validate({
        "days_off": [{"date": "06/02/2025", "reason": "ngày nghỉ thêm (ví dụ kiểm thử)"}],
        "working_days": [{"date": "08/02/2025", "reason": "làm bù (ví dụ kiểm thử)"}]}))
    assert extra.count(D(2025, 2, 5), D(2025, 2, 10)) == 3  # 07 (Fri), 08 (Sat, làm bù), 10 (Mon)


# --- the status of categories, from fixture content and hand-made items --------------------------

def write(project: Path, name: str, text: str, folder: str = "disclosure/items") -> None:
    target = project / "content" / folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def item(category: str, title: str, published: str, *extra: str, forms: str = "trang-thong-tin-dien-tu") -> str:
    lines = [f"title: {title}", f"category: {category}", f"published: {published}", "forms:"]
    lines += [f"  - {f}" for f in forms.split(",")] + list(extra)
    return "\n".join(lines) + "\n"


def row_of(project: Path, slug: str, as_of: dt.date) -> status.Row:
    content = load_content(project / "content", project, as_of)
    return next(r for r in status.rows(content) if r.category.slug == slug)


@pytest.fixture
def blank(tmp_path) -> Path:
    return make_project(tmp_path / "p")


def test_published_within_five_working_days_over_tet_is_in_order(blank):
    write(blank, "tt-1.yaml", item("thu-tuc-hanh-chinh", "Thủ tục A", "05/02/2025", "issued: 24/01/2025"))
    row = row_of(blank, "thu-tuc-hanh-chinh", D(2025, 3, 1))
    assert row.state is State.ok, row.reasons


def test_late_publication_names_item_rule_dates_count_and_article(blank):
    write(blank, "tt-1.yaml", item("thu-tuc-hanh-chinh", "Thủ tục A", "12/02/2025", "issued: 24/01/2025"))
    row = row_of(blank, "thu-tuc-hanh-chinh", D(2025, 3, 1))
    assert row.state is State.overdue
    assert row.reasons == ("«Thủ tục A»: ngày tạo ra thông tin 24/01/2025, đăng ngày 12/02/2025, sau 8 ngày làm việc "
                           "(quy định: trong 5 ngày làm việc kể từ ngày tạo ra thông tin, hạn cuối 07/02/2025; "
                           "Luật Tiếp cận thông tin 2016, Điều 18 khoản 3)",)


def test_deadline_runs_from_creation_when_the_item_says_when(blank):
    # Signed long before, but the information (e.g. a list drawn from it) was created on 03/02/2025.
    write(blank, "tt-1.yaml", item("thu-tuc-hanh-chinh", "Thủ tục A", "06/02/2025", "issued: 02/01/2025",
                                   "created: 03/02/2025"))
    assert row_of(blank, "thu-tuc-hanh-chinh", D(2025, 3, 1)).state is State.ok


def test_without_a_start_date_the_deadline_cannot_be_checked_and_says_so(blank):
    write(blank, "tt-1.yaml", item("thu-tuc-hanh-chinh", "Thủ tục A", "06/02/2025"))
    row = row_of(blank, "thu-tuc-hanh-chinh", D(2025, 3, 1))
    assert row.state is State.missing
    assert row.reasons[0].startswith("«Thủ tục A»: chưa ghi ngày tạo ra thông tin, nên không tính được hạn đăng")


def test_notice_board_term_ended_normally_is_not_overdue(blank):
    text = item("tuyen-dung", "Thông báo tuyển dụng", "03/03/2025", "issued: 28/02/2025", "period:",
                "  from: 03/03/2025", "  until: 11/04/2025", forms="trang-thong-tin-dien-tu,bang-niem-yet")
    write(blank, "tb-1.yaml", text)
    during = row_of(blank, "tuyen-dung", D(2025, 3, 20))
    assert during.state is State.ok, during.reasons
    after = row_of(blank, "tuyen-dung", D(2025, 6, 1))
    assert after.state is State.ended
    assert after.reasons == ("«Thông báo tuyển dụng»: đã công khai từ 03/03/2025 đến 11/04/2025, 40 ngày, đủ 30 ngày "
                             "theo quy định (Luật Tiếp cận thông tin 2016, Điều 21 (điều khoản chưa đối chiếu với văn "
                             "bản gốc))",)


def test_notice_board_kept_less_than_the_minimum_is_overdue(blank):
    text = item("tuyen-dung", "Thông báo ngắn", "03/03/2025", "issued: 28/02/2025", "period:",
                "  from: 03/03/2025", "  until: 12/03/2025", forms="trang-thong-tin-dien-tu,bang-niem-yet")
    write(blank, "tb-1.yaml", text)
    row = row_of(blank, "tuyen-dung", D(2025, 6, 1))
    assert row.state is State.overdue
    assert "«Thông báo ngắn»: công khai từ 03/03/2025 đến 12/03/2025, 10 ngày (quy định: niêm yết tại trụ sở " \
           "ít nhất 30 ngày" in row.reasons[0]


def test_a_rule_that_changed_on_1_july_2026(blank):
    # Leaders have no biography: not required by the obligation in force until 30/06/2026.
    write(blank, "qd-1.yaml", item("co-cau-to-chuc", "Quyết định về chức năng, nhiệm vụ", "05/01/2026",
                                   "issued: 05/01/2026"))
    (blank / "content" / "unit.yaml").write_text(
        (blank / "content" / "unit.yaml").read_text(encoding="utf-8").replace(
            "    name: Nguyễn Tài Hoàng Na\n", "    name: Nguyễn Tài Hoàng Na\n    duties: Phụ trách chung\n"),
        encoding="utf-8")
    before = row_of(blank, "co-cau-to-chuc", D(2026, 6, 30))
    assert before.state is State.ok, before.reasons
    assert before.obligation is not None and before.obligation.until == "30/06/2026"
    after = row_of(blank, "co-cau-to-chuc", D(2026, 7, 1))
    assert after.state is State.missing
    assert after.reasons == ("chưa có tiểu sử tóm tắt của từng lãnh đạo",)
    assert after.obligation is not None and after.obligation.start == "01/07/2026"
    rating_before = row_of(blank, "danh-gia-hai-long", D(2026, 6, 30))
    assert rating_before.state is State.not_applicable
    assert "áp dụng từ 01/07/2026" in rating_before.reasons[0]
    assert row_of(blank, "danh-gia-hai-long", D(2026, 7, 1)).state is State.missing


def test_budget_execution_is_due_fifteen_days_after_the_quarter(blank):
    text = item("ngan-sach", "Thực hiện ngân sách quý I/2025", "20/04/2025", "attachment:", "budget:",
                "  stage: thuc-hien-quy", "  fiscal_year: 2025", "  reporting_period:", "    from: 01/01/2025",
                "    until: 31/03/2025", forms="bang-niem-yet").replace("attachment:\n", "")
    write(blank, "ns-q1.yaml", text)
    row = row_of(blank, "ngan-sach", D(2025, 5, 1))
    assert row.state is State.overdue
    assert any("ngày kết thúc kỳ báo cáo 31/03/2025, đăng ngày 20/04/2025, sau 20 ngày" in r for r in row.reasons)
    assert not any("phê duyệt" in r for r in row.reasons)  # the approval rule is for estimates and final accounts


def test_not_applicable_groups_keep_their_reason(blank):
    row = row_of(blank, "von-nha-nuoc-tai-doanh-nghiep", D(2025, 1, 1))
    assert row.state is State.not_applicable
    assert row.reasons == (
        "Ủy ban nhân dân cấp xã không là cơ quan đại diện chủ sở hữu vốn nhà nước tại doanh nghiệp.",)


def test_a_future_publication_date_is_an_error_at_load_time(blank):
    write(blank, "tt-1.yaml", item("thu-tuc-hanh-chinh", "Thủ tục A", "02/01/2025", "issued: 02/01/2025"))
    with pytest.raises(ContentError) as caught:
        load_content(blank / "content", blank, D(2024, 12, 31))
    assert [str(p) for p in caught.value.problems] == [
        "content/disclosure/items/tt-1.yaml:3: lỗi: published: ngày đăng sau ngày tham chiếu (ngày ở tương lai) "
        "(tìm thấy: 02/01/2025; cần: ngày đăng thật, không sau 31/12/2024; nếu chưa đăng thì chưa tạo tệp này)"]


# --- a yearly rule, on hand-made records ---------------------------------------------------------

SETTINGS = CategoryList.model_validate({
    "commitment": "Cam kết (ví dụ kiểm thử)",
    "legal_texts": [{"id": "vb", "title": "Văn bản ví dụ", "short": "Văn bản ví dụ"}],
    "categories": []})
YEARLY = Rule.model_validate({"kind": "hang-nam", "by": "31/03", "basis": [{"law": "vb", "article": 3}]})


def entry(published: str) -> ItemEntry:
    value = DisclosureItem.model_validate({"title": f"Kế hoạch đăng {published}", "category": "ke-hoach",
                                           "published": published, "forms": ["trang-thong-tin-dien-tu"]})
    return ItemEntry(published.replace("/", "-"), value, Located("ví-dụ.yaml"))


def test_yearly_rule_on_time_late_and_missing():
    since = D(2024, 1, 1)
    assert rules.yearly(SETTINGS, YEARLY, [entry("15/03/2025")], D(2025, 6, 1), since) is None
    late = rules.yearly(SETTINGS, YEARLY, [entry("10/04/2025")], D(2025, 6, 1), since)
    assert late is not None and late.state is State.overdue
    assert late.text == ("«Kế hoạch đăng 10/04/2025»: đăng ngày 10/04/2025, sau hạn 31/03/2025 (10 ngày; quy định: "
                         "hằng năm, chậm nhất ngày 31/03; Văn bản ví dụ, Điều 3)")
    nothing = rules.yearly(SETTINGS, YEARLY, [entry("15/03/2024")], D(2025, 6, 1), since)
    assert nothing is not None and nothing.text.startswith("không có thông tin nào được đăng từ 01/04/2024 đến hạn "
                                                           "31/03/2025")
    assert rules.yearly(SETTINGS, YEARLY, [], D(2025, 3, 30), D(2025, 1, 1)) is None  # first deadline not yet come
