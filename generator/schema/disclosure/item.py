"""Schema of what the clerk publishes on the portal: disclosure items, news posts, and the
portal's own files (days off, the unit's profile, the access-to-information section).

One ``DisclosureItem`` model for every category, with optional typed sections (budget,
plan, project, fund, statistics, consultation, correction): the category's ``kind`` says which
section and fields an item needs, and ``content.disclosure.checks`` reports what is missing.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import ConfigDict, Field, model_validator

from ...util.vn import parse_vn_date
from ..types import DocNumber, HttpUrl, Id, Line, Model, Paragraphs, Text, VnDate, VnNumber
from . import PublicationForm


class Period(Model):
    """Thời hạn công khai."""

    # 'from' is a Python keyword: the field is named start, staff write 'from'.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    start: VnDate = Field(alias="from", description="Ngày bắt đầu công khai, dạng 05/03/2024")
    until: VnDate | None = Field(None, description="Ngày kết thúc công khai. Để trống nếu công khai không thời hạn.")


class ReportingPeriod(Model):
    """Kỳ báo cáo, kỳ số liệu (từ ngày, đến ngày)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    start: VnDate = Field(alias="from", description="Ngày đầu kỳ, dạng 01/01/2024")
    until: VnDate = Field(description="Ngày cuối kỳ, dạng 31/03/2024")

    @model_validator(mode="after")
    def _ordered(self) -> ReportingPeriod:
        if parse_vn_date(self.until) < parse_vn_date(self.start):
            raise ValueError(f"kỳ kết thúc ({self.until}) trước khi bắt đầu ({self.start})")
        return self


class BudgetStage(str, Enum):
    """Giai đoạn ngân sách."""

    estimate_submitted = "du-toan-trinh"
    estimate = "du-toan"
    quarter = "thuc-hien-quy"
    half_year = "thuc-hien-6-thang"
    year = "thuc-hien-nam"
    final_accounts = "quyet-toan"
    financial_report = "bao-cao-tai-chinh-nam"


BUDGET_STAGE_LABELS = {
    BudgetStage.estimate_submitted: "Dự toán trình Hội đồng nhân dân",
    BudgetStage.estimate: "Dự toán đã được quyết định",
    BudgetStage.quarter: "Tình hình thực hiện quý",
    BudgetStage.half_year: "Tình hình thực hiện 6 tháng",
    BudgetStage.year: "Tình hình thực hiện năm",
    BudgetStage.final_accounts: "Quyết toán",
    BudgetStage.financial_report: "Báo cáo tài chính năm",
}
# Execution reports cover a period; approved figures have an approval date.
PERIOD_STAGES = (BudgetStage.quarter, BudgetStage.half_year, BudgetStage.year)
APPROVED_STAGES = (BudgetStage.estimate, BudgetStage.final_accounts)


class Budget(Model):
    """Phần ngân sách của một thông tin (chuyên mục loại ngan-sach)."""

    stage: BudgetStage = Field(description="Giai đoạn: du-toan-trinh, du-toan, thuc-hien-quy, thuc-hien-6-thang, thuc-hien-nam, quyet-toan hoặc bao-cao-tai-chinh-nam")
    fiscal_year: Annotated[int, Field(ge=1945, le=2100)] = Field(description="Năm ngân sách, ví dụ: 2024")
    reporting_period: ReportingPeriod | None = Field(None, description="Kỳ báo cáo (from, until); bắt buộc với thuc-hien-quy, thuc-hien-6-thang, thuc-hien-nam")
    approved: VnDate | None = Field(None, description="Ngày Hội đồng nhân dân quyết định, phê chuẩn; bắt buộc với du-toan, quyet-toan")
    approved_by: Line | None = Field(None, description="Văn bản quyết định, phê chuẩn, ví dụ: Nghị quyết số 12/NQ-HĐND")


class Plan(Model):
    """Phần kế hoạch (chuyên mục loại ke-hoach)."""

    covers: Line = Field(description="Thời kỳ của kế hoạch, ví dụ: năm 2024 hoặc 2021–2025")
    results_of: Id | None = Field(None, description="Nếu đây là kết quả thực hiện: mã thông tin của kế hoạch")


class Project(Model):
    """Phần dự án đầu tư công, mua sắm công (chuyên mục loại du-an)."""

    investor: Line | None = Field(None, description="Chủ đầu tư")
    location: Line | None = Field(None, description="Địa điểm")
    total_investment: VnNumber | None = Field(None, description='Tổng mức đầu tư (đồng), ví dụ "1.250.000.000"')
    capital_source: Line | None = Field(None, description="Nguồn vốn")
    stage: Line | None = Field(None, description="Giai đoạn: chủ trương đầu tư, lựa chọn nhà thầu, kết quả thực hiện, …")


class FundKind(str, Enum):
    """Loại khoản thu, quỹ."""

    fee = "phi"
    charge = "le-phi"
    fund = "quy"
    contribution = "dong-gop"
    relief = "cuu-tro"


class Fund(Model):
    """Phần phí, lệ phí, quỹ, đóng góp, cứu trợ (chuyên mục loại phi-quy)."""

    kind: FundKind = Field(description="phi, le-phi, quy, dong-gop hoặc cuu-tro")
    reporting_period: ReportingPeriod | None = Field(None, description="Kỳ thu, chi được công khai (from, until)")


class Statistics(Model):
    """Phần thông tin thống kê (chuyên mục loại thong-ke)."""

    reporting_period: ReportingPeriod = Field(description="Kỳ số liệu (from, until)")
    source: Line | None = Field(None, description="Nguồn số liệu")


class Consultation(Model):
    """Phần lấy ý kiến về dự thảo (chuyên mục loại lay-y-kien)."""

    opens: VnDate = Field(description="Ngày bắt đầu nhận góp ý, dạng 01/03/2024")
    closes: VnDate = Field(description="Ngày hết hạn góp ý, dạng 31/03/2024")
    how: Line = Field(description="Cách gửi góp ý: địa chỉ, thư điện tử, hộp thư góp ý")
    url: HttpUrl | None = Field(None, description="Địa chỉ web nhận góp ý, nếu có")

    @model_validator(mode="after")
    def _ordered(self) -> Consultation:
        if parse_vn_date(self.closes) < parse_vn_date(self.opens):
            raise ValueError(f"hạn góp ý ({self.closes}) trước ngày bắt đầu ({self.opens})")
        return self


class Correction(Model):
    """Phần đính chính (Luật Tiếp cận thông tin 2016, Điều 22)."""

    corrects: Id = Field(description="Mã (tên tệp) của thông tin được đính chính")
    reason: Line = Field(description="Nội dung đính chính: sai ở đâu, sửa thành gì")


SECTIONS = ("budget", "plan", "project", "fund", "statistics", "consultation", "correction")


class DisclosureItem(Model):
    """Một thông tin được công khai (tệp ``content/disclosure/items/<mã>.yaml``; mã là tên tệp)."""

    title: Line = Field(description="Tên thông tin, ví dụ: Thông báo tuyển dụng công chức năm 2024")
    category: Id = Field(description="Mã chuyên mục (slug trong content/disclosure/categories.yaml)")
    evidence: Id | None = Field(None, description="Mã tài liệu kiểm chứng (tên tệp trong content/evidence/) khi công khai chính văn bản đó: loại, số, ngày, trích yếu, cơ quan ban hành và tệp được lấy từ tài liệu; không ghi lại ở đây")
    doc_type: Line | None = Field(None, description="Loại văn bản nếu là văn bản: Quyết định, Thông báo, Kế hoạch, …")
    number: DocNumber | None = Field(None, description="Số, ký hiệu nếu là văn bản, ví dụ: 15/TB-UBND")
    issuer: Line | None = Field(None, description="Cơ quan ban hành, ví dụ: UBND phường 4")
    issued: VnDate | None = Field(None, description="Ngày ban hành, dạng 26/02/2024")
    effective: VnDate | None = Field(None, description="Ngày có hiệu lực (văn bản), dạng 01/03/2024")
    created: VnDate | None = Field(None, description="Ngày tạo ra thông tin nếu khác ngày ban hành (thông tin không phải văn bản); hạn đăng tính từ ngày này (Luật Tiếp cận thông tin 2016, Điều 18)")
    published: VnDate = Field(description="Ngày đăng công khai, dạng 28/02/2024; không được sau ngày tham chiếu")
    forms: Annotated[list[PublicationForm], Field(min_length=1)] = Field(
        description="Hình thức công khai, mỗi hình thức một dòng: trang-thong-tin-dien-tu, bang-niem-yet")
    period: Period | None = Field(None, description="Thời hạn công khai (from, until). Để trống nếu công khai từ ngày đăng, không thời hạn.")
    summary: Text | None = Field(None, description="Trích yếu, tóm tắt nội dung")
    attachment: Line | None = Field(
        None, description="Tệp đính kèm (PDF, DOCX, XLSX, ODT, ODS, JPG, PNG; không quá 20 MB), đường dẫn tính từ content/, ví dụ: disclosure/files/tuyen-dung/tb-15.pdf")
    budget: Budget | None = Field(None, description="Chỉ với chuyên mục ngân sách: giai đoạn, năm, kỳ báo cáo, ngày phê duyệt")
    plan: Plan | None = Field(None, description="Chỉ với chuyên mục kế hoạch: thời kỳ của kế hoạch")
    project: Project | None = Field(None, description="Chỉ với chuyên mục đầu tư công, mua sắm công: chủ đầu tư, địa điểm, vốn")
    fund: Fund | None = Field(None, description="Chỉ với chuyên mục phí, lệ phí, quỹ, đóng góp: loại và kỳ")
    statistics: Statistics | None = Field(None, description="Chỉ với chuyên mục thống kê: kỳ số liệu, nguồn")
    consultation: Consultation | None = Field(None, description="Chỉ với chuyên mục lấy ý kiến: ngày mở, ngày hết hạn góp ý, cách góp ý")
    correction: Correction | None = Field(None, description="Chỉ với thông tin đính chính: mã thông tin được đính chính và nội dung đính chính")

    @model_validator(mode="after")
    def _one_section(self) -> DisclosureItem:
        given = [name for name in SECTIONS if getattr(self, name) is not None]
        if len(given) > 1:
            raise ValueError(f"một thông tin chỉ có một phần riêng, tìm thấy: {', '.join(given)}")
        return self

    @property
    def section(self) -> str | None:
        return next((name for name in SECTIONS if getattr(self, name) is not None), None)


class NewsPost(Model):
    """Một tin hoạt động (tệp ``content/news/<mã>.yaml``; mã là tên tệp và địa chỉ của tin)."""

    title: Line = Field(description="Tiêu đề tin")
    date: VnDate = Field(description="Ngày đăng, dạng 15/03/2024")
    summary: Line | None = Field(None, description="Một câu tóm tắt, hiện trong danh sách tin và nguồn tin (feed)")
    body: Annotated[Paragraphs, Field(min_length=1)] = Field(description="Nội dung tin, mỗi đoạn một mục")


class DayNote(Model):
    """Một ngày nghỉ hoặc ngày làm bù, kèm văn bản thông báo."""

    date: VnDate = Field(description="Ngày, dạng 02/05/2025")
    reason: Line = Field(description="Văn bản thông báo, ví dụ: Thông báo số …/TB-BNV về nghỉ lễ năm 2025")


class DaysOff(Model):
    """Ngày nghỉ và ngày làm bù hằng năm do Chính phủ thông báo, ngoài ngày lễ, Tết đã có sẵn (tệp ``content/disclosure/ngay-nghi.yaml``)."""

    days_off: list[DayNote] = Field(default_factory=list, description="Ngày nghỉ thêm, nghỉ bù (không phải ngày làm việc)")
    working_days: list[DayNote] = Field(default_factory=list, description="Ngày làm bù vào thứ Bảy, Chủ nhật (là ngày làm việc)")


class Relic(Model):
    """Một di tích trên địa bàn."""

    name: Line = Field(description="Tên di tích")
    location: Line | None = Field(None, description="Địa điểm")
    recognition: Line | None = Field(None, description="Xếp hạng và quyết định công nhận, nếu có")
    description: Text | None = Field(None, description="Giới thiệu ngắn")


class UnitProfile(Model):
    """Giới thiệu đơn vị theo Nghị định 224/2026/NĐ-CP, Điều 9 khoản 1 điểm c (tệp ``content/disclosure/gioi-thieu.yaml``)."""

    map: Line | None = Field(None, description="Bản đồ địa giới hành chính: tệp ảnh hoặc PDF, đường dẫn tính từ content/, ví dụ: disclosure/files/gioi-thieu/ban-do.png")
    map_source: Line | None = Field(None, description="Nguồn của bản đồ (văn bản, cơ quan lập)")
    natural_conditions: Paragraphs = Field(default_factory=list, description="Điều kiện tự nhiên: vị trí, diện tích, địa hình")
    history: Paragraphs = Field(default_factory=list, description="Lịch sử hình thành")
    culture: Paragraphs = Field(default_factory=list, description="Văn hóa, lễ hội")
    relics: list[Relic] = Field(default_factory=list, description="Di tích, mỗi di tích một mục")
    source: Line | None = Field(None, description="Văn bản, tài liệu nguồn của các nội dung trên")
    updated: VnDate | None = Field(None, description="Ngày cập nhật gần nhất, dạng 15/07/2026")


class RequestForm(Model):
    """Một mẫu phiếu do đơn vị cung cấp (Nghị định 13/2018/NĐ-CP, Điều 5)."""

    title: Line = Field(description="Tên mẫu phiếu như trong Nghị định, ví dụ: Phiếu yêu cầu cung cấp thông tin")
    form_number: Line | None = Field(None, description="Số hiệu mẫu trong Nghị định, ví dụ: Mẫu số 01a")
    file: Line = Field(description="Tệp mẫu phiếu (PDF, DOCX, ODT), đường dẫn tính từ content/, ví dụ: disclosure/files/tiep-can-thong-tin/phieu-yeu-cau.pdf")


class ConditionalInfo(Model):
    """Một thông tin công dân được tiếp cận có điều kiện (Luật Tiếp cận thông tin 2016, Điều 7)."""

    title: Line = Field(description="Tên thông tin hoặc nhóm thông tin")
    condition: Line = Field(description="Điều kiện tiếp cận, ví dụ: có sự đồng ý của cá nhân đó")
    basis: Line = Field(description="Căn cứ, ví dụ: Luật Tiếp cận thông tin 2016, Điều 7 khoản 3")
    held_by: Line | None = Field(None, description="Bộ phận nắm giữ thông tin")


class AccessSection(Model):
    """Chuyên mục tiếp cận thông tin: mẫu phiếu và danh mục thông tin tiếp cận có điều kiện (tệp ``content/disclosure/tiep-can-thong-tin.yaml``)."""

    request_forms: list[RequestForm] = Field(default_factory=list, description="Các mẫu phiếu yêu cầu cung cấp thông tin, mỗi mẫu một tệp do đơn vị cung cấp")
    conditional: list[ConditionalInfo] = Field(default_factory=list, description="Danh mục thông tin tiếp cận có điều kiện (Nghị định 13/2018/NĐ-CP, Điều 6)")
    updated: VnDate | None = Field(None, description="Ngày cập nhật danh mục tiếp cận có điều kiện, dạng 15/07/2026")
