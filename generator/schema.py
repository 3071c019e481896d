"""The content schema: every file under ``content/`` is one of these models.

This module is the single definition of the schema. Field descriptions are in
Vietnamese because they are shown to ward staff: in validation messages and in
the generated staff guide (``python -m generator schema``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from enum import Enum
from typing import Annotated

from babel.numbers import NumberFormatError, parse_decimal
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator


def _nfc(value: str) -> str:
    # Search and comparisons only work on one Unicode form; Word and some
    # keyboards produce decomposed (NFD) Vietnamese.
    return unicodedata.normalize("NFC", value).strip()


def _one_line(value: str) -> str:
    return " ".join(_nfc(value).split())


def _not_blank(value: str) -> str:
    if not value:
        raise ValueError("không được để trống")
    return value


_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def _no_html(value: str) -> str:
    # Content is text: a tag here is almost always a paste from an HTML export.
    tag = _HTML_TAG.search(value)
    if tag:
        raise ValueError(f"không được chứa thẻ HTML ({tag.group(0)[:40]}); hãy xóa thẻ, chỉ giữ phần chữ")
    return value


def _vn_date(value: str) -> str:
    """Accept a date as Vietnamese documents write it (26/02/2024, 07/6/2024)."""
    parse_vn_date(value)
    return value


def parse_vn_date(value: str) -> dt.date:
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if not match:
        raise ValueError("ngày phải viết dạng ngày/tháng/năm, ví dụ 26/02/2024")
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"ngày {value} không có thật trên lịch") from None


def _doc_number(value: str) -> str:
    # NĐ 30/2020: number, '/', type abbreviation, '-', issuer, no spaces.
    if not re.fullmatch(r"\d+/[^\s/]+", value):
        raise ValueError("số, ký hiệu phải viết dạng 124/KH-UBND (không có dấu cách)")
    return value


def _http_url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s<>\"']+", value):
        raise ValueError("địa chỉ web phải bắt đầu bằng http:// hoặc https:// và không có dấu cách")
    return value


def _id(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
        raise ValueError("mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ kh-124-ubnd-2024")
    return value


def _vn_number_input(value: object) -> object:
    # YAML reads 2.948 as the decimal 2.948 and 99,3 as text: only text keeps the
    # Vietnamese meaning, so whole numbers may be bare but anything with '.' or ',' is quoted.
    if isinstance(value, bool) or isinstance(value, float):
        raise ValueError('số có dấu chấm hoặc phẩy phải đặt trong dấu nháy, ví dụ "2.948" hoặc "99,3"')
    return str(value) if isinstance(value, int) else value


def _vn_number(value: str) -> str:
    try:
        parse_decimal(value, locale="vi", strict=True)
    except NumberFormatError:
        raise ValueError("số phải viết kiểu Việt Nam: dấu chấm ngăn hàng nghìn, dấu phẩy thập phân, "
                         "ví dụ 2.948 hoặc 99,3") from None
    return value



Text = Annotated[str, AfterValidator(_nfc), AfterValidator(_not_blank), AfterValidator(_no_html)]
Line = Annotated[str, AfterValidator(_one_line), AfterValidator(_not_blank), AfterValidator(_no_html)]
VnDate = Annotated[str, AfterValidator(_one_line), AfterValidator(_vn_date)]
DocNumber = Annotated[str, AfterValidator(_one_line), AfterValidator(_doc_number)]
HttpUrl = Annotated[str, AfterValidator(_one_line), AfterValidator(_http_url)]
Id = Annotated[str, AfterValidator(_id)]
VnNumber = Annotated[str, BeforeValidator(_vn_number_input), AfterValidator(_one_line), AfterValidator(_vn_number)]
Paragraphs = Annotated[
    list[Text],
    Field(description="Danh sách đoạn văn, mỗi đoạn là một mục của danh sách YAML. "
          "Đoạn bắt đầu bằng '- ' (gạch đầu dòng như trong văn bản) được hiển thị thành một ý của danh sách. "
          "Trong đoạn văn có thể viết **chữ đậm**, *chữ nghiêng* và [liên kết](https://…); "
          "muốn giữ nguyên dấu * [ ] thì viết \\* \\[ \\]."),
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Leader(Model):
    """Một lãnh đạo của đơn vị, cho trang cơ cấu tổ chức."""

    position: Line = Field(description="Chức vụ, ví dụ: Chủ tịch UBND phường")
    name: Line = Field(description="Họ và tên")
    duties: Line | None = Field(None, description="Nhiệm vụ được phân công. Để trống nếu chưa có nguồn.")
    source: Line = Field(description="Văn bản nguồn cho biết thông tin này")


class Unit(Model):
    """Đơn vị: cơ quan công bố trang này (tệp ``content/unit.yaml``)."""

    name: Line = Field(description="Tên đầy đủ, ví dụ: Ủy ban nhân dân phường 4")
    short_name: Line = Field(description="Tên ngắn, ví dụ: UBND phường 4")
    city: Line = Field(description="Thành phố hoặc huyện, ví dụ: Đông Hà")
    province: Line = Field(description="Tỉnh, ví dụ: Quảng Trị")
    portal: Line | None = Field(None, description="Địa chỉ trang thông tin điện tử, ví dụ: phuong4.dongha.quangtri.gov.vn")
    address: Line | None = Field(None, description="Địa chỉ trụ sở. Để trống nếu chưa có nguồn.")
    phone: Line | None = Field(None, description="Số điện thoại. Để trống nếu chưa có nguồn.")
    email: Line | None = Field(None, description="Thư điện tử. Để trống nếu chưa có nguồn.")
    focal_point: Line | None = Field(None, description="Đầu mối tiếp nhận yêu cầu cung cấp thông tin (bộ phận hoặc người, chức vụ). Để trống nếu chưa có nguồn.")
    request_url: HttpUrl | None = Field(None, description="Địa chỉ trên mạng để gửi yêu cầu cung cấp thông tin, phản ánh, khiếu nại. Để trống nếu chưa có nguồn.")
    leaders: list[Leader] = Field(default_factory=list, description="Lãnh đạo đơn vị, mỗi người một mục (chức vụ, họ tên, nguồn)")


class EvidenceKind(str, Enum):
    """Loại tài liệu kiểm chứng."""

    document = "van-ban"
    record = "bien-ban"
    extract = "trich-xuat"
    photo = "hinh-anh"


EVIDENCE_KIND_LABELS = {
    EvidenceKind.document: "Văn bản",
    EvidenceKind.record: "Biên bản",
    EvidenceKind.extract: "Trích xuất phần mềm",
    EvidenceKind.photo: "Hình ảnh",
}


class Evidence(Model):
    """Một tài liệu kiểm chứng (tệp ``content/evidence/<mã>.yaml``; mã là tên tệp).

    Văn bản có số (``kind: van-ban``) cần ``doc_type``, ``number``, ``date`` và ``subject``.
    Các loại khác (biên bản, trích xuất, hình ảnh) cần ``title``.
    """

    kind: EvidenceKind = Field(description="Loại: van-ban, bien-ban, trich-xuat hoặc hinh-anh")
    doc_type: Line | None = Field(None, description="Loại văn bản: Kế hoạch, Báo cáo, Quyết định, …")
    number: DocNumber | None = Field(None, description="Số, ký hiệu, ví dụ: 124/KH-UBND")
    date: VnDate | None = Field(None, description="Ngày ban hành, dạng 26/02/2024")
    subject: Line | None = Field(None, description="Trích yếu, bắt đầu bằng 'về …'")
    title: Line | None = Field(None, description="Tên tài liệu khi không phải văn bản có số, ví dụ: Biên bản họp giao ban")
    url: HttpUrl | None = Field(None, description="Địa chỉ web của phần mềm hoặc trang, nếu văn bản nguồn có ghi")
    file: Line | None = Field(None, description="Tệp đính kèm, đường dẫn tính từ thư mục content/")

    @model_validator(mode="after")
    def _fields_of_kind(self) -> Evidence:
        needed = ("doc_type", "number", "date", "subject") if self.kind is EvidenceKind.document else ("title",)
        missing = [name for name in needed if getattr(self, name) is None]
        if missing:
            raise ValueError(f"tài liệu loại '{self.kind.value}' cần có: {', '.join(missing)}")
        return self

    @property
    def label(self) -> str:
        """How the report cites it: 'Kế hoạch số 124/KH-UBND ngày 26/02/2024 về …'."""
        if self.kind is EvidenceKind.document:
            return f"{self.doc_type} số {self.number} ngày {self.date} {self.subject}"
        return self.title or ""


class Basis(Model):
    """Một văn bản làm căn cứ của báo cáo."""

    doc_type: Line = Field(description="Loại văn bản, ví dụ: Bản cam kết")
    number: DocNumber = Field(description="Số, ký hiệu, ví dụ: 06/CK-BCĐ")
    date: VnDate = Field(description="Ngày ban hành, dạng 26/01/2024")


class Section(Model):
    """Một mục của phần thân báo cáo."""

    heading: Line = Field(description="Tiêu đề mục, giữ nguyên số thứ tự, ví dụ: 1. Công tác chỉ đạo triển khai thực hiện")
    paragraphs: Paragraphs = Field(default_factory=list)


class Signature(Model):
    """Khối chữ ký."""

    on_behalf: Line = Field(description="Thẩm quyền ký, ví dụ: TM. ỦY BAN NHÂN DÂN")
    position: Line = Field(description="Chức vụ, ví dụ: CHỦ TỊCH")
    name: Line = Field(description="Họ và tên người ký")


class Appendix(Model):
    """Tiêu đề của phụ lục."""

    title: Line = Field(description="Tiêu đề phụ lục")
    note: Line | None = Field(None, description="Dòng ghi chú dưới tiêu đề, ví dụ: (kèm theo Báo cáo số …)")


class Report(Model):
    """Một báo cáo (tệp ``content/reports/<thư-mục>/report.yaml``)."""

    doc_type: Line = Field(description="Tên loại văn bản như ở đầu văn bản, ví dụ: BÁO CÁO")
    number: Annotated[int, Field(gt=0)] | None = Field(None, description="Số của báo cáo. Để trống khi văn bản chưa vào số (dự thảo).")
    symbol: Line = Field(description="Ký hiệu sau số, ví dụ: BC-UBND")
    place: Line = Field(description="Địa danh, ví dụ: Phường 4")
    date: VnDate | None = Field(None, description="Ngày ban hành, dạng 26/02/2024. Để trống khi chưa có (dự thảo).")
    year: Annotated[int, Field(ge=1945, le=2100)] = Field(description="Năm của báo cáo")
    title: Line = Field(description="Trích yếu, tên báo cáo")
    basis: list[Basis] = Field(default_factory=list, description="Các văn bản làm căn cứ")
    intro: Paragraphs = Field(default_factory=list, description="Đoạn mở đầu (căn cứ)")
    sections: list[Section] = Field(default_factory=list, description="Các mục của phần thân")
    closing: Paragraphs = Field(default_factory=list, description="Đoạn kết")
    recipients: list[Line] = Field(default_factory=list, description="Nơi nhận, mỗi nơi một dòng")
    signature: Signature
    appendix: Appendix | None = None

    @property
    def is_draft(self) -> bool:
        return self.number is None or self.date is None


class TaskColumn(Model):
    """Một cột thêm của phụ lục ngoài bốn cột chuẩn (ví dụ: Ghi chú, Tiến độ)."""

    heading: Line = Field(description="Tiêu đề cột như trong phụ lục, ví dụ: Ghi chú")
    paragraphs: Paragraphs = Field(default_factory=list)
class Figure(Model):
    """Một số liệu của nhiệm vụ, chép từ kết quả thực hiện, để kiểm tra và vẽ biểu đồ.

    Số viết kiểu Việt Nam trong dấu nháy: "2.948", "99,3". Tỷ lệ nêu (``percent``) được
    tính lại từ ``value``/``total``; tổng (``value``) được cộng lại từ ``parts``.
    """

    label: Line = Field(description="Tên ngắn của số liệu, theo lời văn bản, ví dụ: Hồ sơ tiếp nhận trực tuyến")
    value: VnNumber | None = Field(None, description='Số đạt được (tử số), hoặc tổng khi có parts, ví dụ "2926"')
    unit: Line | None = Field(None, description="Đơn vị tính, ví dụ: hồ sơ, văn bản, đồng")
    total: VnNumber | None = Field(None, description='Số so sánh (mẫu số, ví dụ dự toán): tỷ lệ = value / total, ví dụ "2.948"')
    parts: list[VnNumber] = Field(default_factory=list, description='Các phần cộng lại bằng value, ví dụ ["2926", "01", "21"]')
    percent: VnNumber | None = Field(None, description='Tỷ lệ văn bản nêu, không có dấu %, ví dụ "99,3"')
    key: bool = Field(False, description="true: hiện thành thẻ số liệu chính ở trang chủ và trang báo cáo")
    chart: Line | None = Field(None, description="Tên biểu đồ có số liệu này (các số liệu cùng tên biểu đồ vẽ chung), ví dụ: Thu ngân sách so với dự toán")

    @model_validator(mode="after")
    def _enough_numbers(self) -> Figure:
        if self.value is None and self.percent is None:
            raise ValueError("số liệu cần có value hoặc percent")
        if (self.total is not None or self.parts) and self.value is None:
            raise ValueError("có total hoặc parts thì cần có value")
        if (self.key or self.chart) and self.percent is None:
            raise ValueError("số liệu hiện thành thẻ hoặc biểu đồ cần có percent")
        return self


class Task(Model):
    """Một nhiệm vụ cam kết trong phụ lục (tệp ``tasks/nhiem-vu-NN.yaml``)."""

    number: Annotated[int, Field(gt=0)] = Field(description="Số thứ tự (STT) trong phụ lục")
    content: Paragraphs = Field(description="Nội dung, nhiệm vụ")
    result: Paragraphs = Field(description="Kết quả thực hiện")
    evidence: list[Id] = Field(default_factory=list, description="Mã các tài liệu kiểm chứng (tên tệp trong content/evidence/, không có .yaml). Để trống nếu văn bản nguồn không nêu.")
    other_columns: list[TaskColumn] = Field(default_factory=list, description="Các cột thêm của phụ lục (Ghi chú, Tiến độ, …), mỗi cột có heading và paragraphs. Bỏ trống nếu phụ lục chỉ có bốn cột chuẩn.")
    figures: list[Figure] = Field(default_factory=list, description="Các số liệu của kết quả thực hiện (không bắt buộc), mỗi mục theo mẫu Figure bên dưới")
