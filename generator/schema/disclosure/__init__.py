"""Schema of the legal list behind the disclosure portal: ``content/disclosure/categories.yaml``.

Each category (chuyên mục) is one group of information the law or the ward's own commitment
asks it to publish. What the law asks can change on a date (NĐ 42/2022 was replaced by
NĐ 224/2026 on 01/07/2026), so a category holds one or more *obligations* (quy định), each in
force over a date range, each citing its article and clause, saying whether it applies to a
commune-level People's Committee (and why not), in which forms, and by which update rules.
The compliance status uses the obligation in force on the reference date.

Descriptions are Vietnamese: staff see them in messages and in the generated guide.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated

from pydantic import ConfigDict, Field, model_validator

from ...util.vn import parse_vn_date
from ..types import Id, Line, Model, VnDate


class SpecialPage(str, Enum):
    """A category whose section is a page built from other data, not only from items."""

    contact = "lien-he"                # address, phone, e-mail from content/unit.yaml
    organisation = "to-chuc"           # leaders from content/unit.yaml
    access = "tiep-can-thong-tin"      # NĐ 13/2018 Điều 11: catalogues, focal point, forms, guidance
    news = "tin-hoat-dong"             # the blog: posts from content/news/
    profile = "gioi-thieu"             # NĐ 224/2026 Điều 9 k1 c: map, nature, history, culture, relics
    satisfaction = "danh-gia-hai-long"  # NĐ 224/2026 Điều 10 k3: a link to the province's rating service


class PublicationForm(str, Enum):
    """Hình thức công khai (Luật Tiếp cận thông tin 2016, Điều 18 khoản 1)."""

    website = "trang-thong-tin-dien-tu"
    notice_board = "bang-niem-yet"


PUBLICATION_FORM_LABELS = {
    PublicationForm.website: "Trang thông tin điện tử",
    PublicationForm.notice_board: "Niêm yết tại trụ sở",
}


class ItemKind(str, Enum):
    """Loại thông tin của một chuyên mục: quyết định các trường một thông tin phải có."""

    general = "thong-tin"          # any information
    document = "van-ban"           # legal or administrative document: the register's columns
    plan = "ke-hoach"              # strategies, programmes, plans, annual work plans
    budget = "ngan-sach"           # estimates, execution, final accounts: with the reporting period
    project = "du-an"              # public investment projects, procurement
    fund = "phi-quy"               # fees and charges, relief funds, people's contributions
    statistics = "thong-ke"        # statistics: with the period of the figures
    consultation = "lay-y-kien"    # drafts put to public consultation: open and close dates
    correction = "dinh-chinh"      # a correction of an item already published (Điều 22)


class LegalText(Model):
    """Một văn bản làm căn cứ (một mục trong ``legal_texts``): văn bản pháp luật, hoặc văn bản ghi cam kết của đơn vị."""

    id: Id = Field(description="Mã văn bản dùng trong các căn cứ, ví dụ: luat-tctt-2016")
    title: Line = Field(description="Tên văn bản, ví dụ: Luật Tiếp cận thông tin")
    short: Line | None = Field(None, description="Tên ngắn dùng khi trích dẫn, ví dụ: Luật Tiếp cận thông tin 2016")
    number: Line | None = Field(None, description="Số, ký hiệu, ví dụ: 104/2016/QH13. Để trống nếu văn bản chưa có số.")
    issued: VnDate | None = Field(None, description="Ngày ban hành, dạng 06/04/2016. Để trống nếu chưa đối chiếu.")
    effective: VnDate | None = Field(None, description="Ngày có hiệu lực, dạng 01/07/2018. Để trống nếu chưa đối chiếu.")
    until: VnDate | None = Field(None, description="Ngày cuối cùng còn hiệu lực, nếu đã bị thay thế, dạng 30/06/2026")
    note: Line | None = Field(None, description="Ghi chú, ví dụ: thay thế Nghị định 42/2022/NĐ-CP")

    @property
    def label(self) -> str:
        return f"{self.title} số {self.number}" if self.number else self.title


class Citation(Model):
    """Một căn cứ: văn bản, điều, khoản, điểm."""

    law: Id = Field(description="Mã văn bản trong legal_texts, ví dụ: luat-tctt-2016")
    article: Annotated[int, Field(gt=0)] | None = Field(None, description="Điều, ví dụ: 17")
    clause: Annotated[int, Field(gt=0)] | None = Field(None, description="Khoản, ví dụ: 1")
    point: Line | None = Field(None, description="Điểm, ví dụ: a hoặc đ")
    unverified: bool = Field(False, description="true nếu điều, khoản chưa được đối chiếu với văn bản gốc; trang ghi rõ điều này")

    def where(self) -> str:
        """'Điều 17 khoản 1 điểm a'."""
        parts = [f"Điều {self.article}" if self.article else "",
                 f"khoản {self.clause}" if self.clause else "", f"điểm {self.point}" if self.point else ""]
        return " ".join(p for p in parts if p)


class RuleKind(str, Enum):
    """Quy định cập nhật."""

    on_change = "khi-thay-doi"           # kept current: updated when anything changes
    working_days = "trong-ngay-lam-viec"  # published within N working days of a date
    days = "trong-ngay"                  # published within N days (calendar) of a date
    yearly = "hang-nam"                  # published each year by a day and month
    minimum = "giu-toi-thieu"            # kept up for at least N days


class CountedFrom(str, Enum):
    """Mốc tính hạn của một quy định."""

    created = "tao-ra"       # when the information was created (Luật TCTT Điều 18): 'created', else 'issued'
    issued = "ban-hanh"      # the document's issue date
    approved = "phe-duyet"   # the approval date (budget estimates, final accounts)
    period_end = "het-ky"    # the end of the reporting period (budget execution)


COUNTED_FROM_LABELS = {
    CountedFrom.created: "ngày tạo ra thông tin",
    CountedFrom.issued: "ngày ban hành",
    CountedFrom.approved: "ngày phê duyệt",
    CountedFrom.period_end: "ngày kết thúc kỳ báo cáo",
}

_DAY_MONTH = re.compile(r"(\d{1,2})/(\d{1,2})")


class Rule(Model):
    """Một quy định cập nhật của chuyên mục."""

    kind: RuleKind = Field(description="khi-thay-doi, trong-ngay-lam-viec, trong-ngay, hang-nam hoặc giu-toi-thieu")
    days: Annotated[int, Field(gt=0, le=3650)] | None = Field(None, description="Số ngày: với trong-ngay-lam-viec, trong-ngay và giu-toi-thieu")
    counted_from: CountedFrom | None = Field(None, description="Mốc tính hạn: tao-ra, ban-hanh, phe-duyet hoặc het-ky (với trong-ngay-lam-viec, trong-ngay)")
    by: Line | None = Field(None, description="Với hang-nam: ngày và tháng phải đăng xong mỗi năm, dạng 31/03")
    form: PublicationForm | None = Field(None, description="Với giu-toi-thieu: hình thức phải giữ đủ số ngày (mặc định bang-niem-yet)")
    basis: Annotated[list[Citation], Field(min_length=1)] = Field(description="Căn cứ của quy định này")

    @model_validator(mode="after")
    def _fields_of_kind(self) -> Rule:
        needs_days = (RuleKind.working_days, RuleKind.days, RuleKind.minimum)
        if self.kind in needs_days and self.days is None:
            raise ValueError(f"quy định '{self.kind.value}' cần có days (số ngày)")
        if self.kind in (RuleKind.working_days, RuleKind.days) and self.counted_from is None:
            raise ValueError(f"quy định '{self.kind.value}' cần có counted_from (mốc tính hạn)")
        if self.kind is RuleKind.yearly:
            match = _DAY_MONTH.fullmatch(self.by or "")
            if match is None:
                raise ValueError("quy định 'hang-nam' cần có by dạng ngày/tháng, ví dụ 31/03")
            parse_vn_date(f"{self.by}/2024")  # a leap year: 29/02 is allowed
        return self

    def due(self) -> tuple[int, int]:
        """(day, month) of the yearly deadline."""
        match = _DAY_MONTH.fullmatch(self.by or "")
        assert match is not None
        return int(match.group(1)), int(match.group(2))


class Requirement(str, Enum):
    """Dữ liệu một trang dựng sẵn phải có (ngoài các thông tin được đăng)."""

    address = "dia-chi"
    phone = "dien-thoai"
    email = "thu-dien-tu"
    focal_point = "dau-moi"
    request_url = "dia-chi-yeu-cau"
    request_forms = "mau-phieu"
    leaders = "lanh-dao"
    leader_duties = "nhiem-vu-lanh-dao"
    leader_biography = "tieu-su-lanh-dao"
    map = "ban-do"
    natural_conditions = "dieu-kien-tu-nhien"
    history = "lich-su"
    culture = "van-hoa"
    rating_url = "dia-chi-danh-gia"
    items = "thong-tin"  # at least one published item (the default for ordinary categories)


class Obligation(Model):
    """Quy định đối với chuyên mục trong một khoảng thời gian (một mục trong ``obligations``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    start: VnDate | None = Field(None, alias="from", description="Ngày bắt đầu áp dụng, dạng 01/07/2026. Để trống nếu áp dụng từ trước.")
    until: VnDate | None = Field(None, description="Ngày cuối cùng áp dụng, dạng 30/06/2026. Để trống nếu đang áp dụng.")
    applies: bool = Field(description="true nếu quy định áp dụng cho Ủy ban nhân dân cấp xã; false nếu không (ghi lý do)")
    required: bool = Field(True, description="true nếu pháp luật bắt buộc; false nếu chỉ là cam kết của đơn vị")
    reason: Line | None = Field(None, description="Lý do không áp dụng (bắt buộc khi applies: false)")
    basis: Annotated[list[Citation], Field(min_length=1)] = Field(description="Căn cứ: văn bản, điều, khoản, điểm")
    forms: list[PublicationForm] = Field(default_factory=list, description="Hình thức công khai bắt buộc: trang-thong-tin-dien-tu, bang-niem-yet")
    rules: list[Rule] = Field(default_factory=list, description="Các quy định cập nhật")
    requires: list[Requirement] = Field(default_factory=lambda: [Requirement.items], description="Dữ liệu phải có: thong-tin (ít nhất một thông tin được đăng, mặc định), dia-chi, dien-thoai, thu-dien-tu, dau-moi, dia-chi-yeu-cau, mau-phieu, lanh-dao, nhiem-vu-lanh-dao, tieu-su-lanh-dao, ban-do, dieu-kien-tu-nhien, lich-su, van-hoa, dia-chi-danh-gia")
    note: Line | None = Field(None, description="Ghi chú hiện trên trang, ví dụ phạm vi của chuyên mục")

    @model_validator(mode="after")
    def _consistent(self) -> Obligation:
        if not self.applies and self.reason is None:
            raise ValueError("quy định không áp dụng (applies: false) cần có reason (lý do)")
        if self.applies and not self.forms:
            raise ValueError("quy định áp dụng cần có forms (hình thức công khai)")
        if self.start and self.until and parse_vn_date(self.until) < parse_vn_date(self.start):
            raise ValueError(f"until ({self.until}) trước from ({self.start})")
        return self


class Category(Model):
    """Một chuyên mục công khai (một mục trong ``categories`` của ``content/disclosure/categories.yaml``)."""

    slug: Id = Field(description="Mã chuyên mục, chữ thường không dấu, ví dụ: tuyen-dung. Là địa chỉ trang của chuyên mục.")
    title: Line = Field(description="Tên chuyên mục, ví dụ: Tuyển dụng")
    summary: Line | None = Field(None, description="Một câu giới thiệu chuyên mục")
    commitment: bool = Field(False, description="true nếu là một trong các chuyên mục đơn vị cam kết (nhiệm vụ 7, Báo cáo năm 2024)")
    kind: ItemKind = Field(ItemKind.general, description="Loại thông tin: thong-tin, van-ban, ke-hoach, ngan-sach, du-an, phi-quy, thong-ke, lay-y-kien hoặc dinh-chinh; quyết định các trường mỗi thông tin phải có")
    page: SpecialPage | None = Field(None, description="Trang dựng sẵn của chuyên mục: lien-he, to-chuc, tiep-can-thong-tin, tin-hoat-dong, gioi-thieu hoặc danh-gia-hai-long. Để trống cho chuyên mục thường.")
    obligations: Annotated[list[Obligation], Field(min_length=1)] = Field(description="Quy định theo thời gian, cũ trước mới sau; mỗi quy định một khoảng ngày không chồng lên nhau")


class CategoryList(Model):
    """Danh sách chuyên mục công khai và các văn bản pháp luật làm căn cứ (tệp ``content/disclosure/categories.yaml``)."""

    commitment: Line = Field(description="Văn bản ghi cam kết công khai của đơn vị, ví dụ: Nhiệm vụ 7, Báo cáo … năm 2024")
    legal_texts: Annotated[list[LegalText], Field(min_length=1)] = Field(description="Các văn bản pháp luật được trích dẫn")
    categories: list[Category] = Field(description="Các chuyên mục, theo thứ tự hiển thị")
