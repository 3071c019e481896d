"""Reports and their tasks: ``content/reports/<folder>/report.yaml`` and ``tasks/*.yaml``."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field, model_validator

from .types import DocNumber, Id, Line, Model, Paragraphs, VnDate, VnNumber


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


class ColumnRole(str, Enum):
    """Cột nào của phụ lục."""

    number = "stt"
    content = "noi-dung"
    result = "ket-qua"
    evidence = "tai-lieu"
    other = "cot-them"


class AppendixColumn(Model):
    """Một cột của bảng phụ lục, theo thứ tự và tiêu đề như văn bản nguồn."""

    role: ColumnRole = Field(description="stt, noi-dung, ket-qua, tai-lieu hoặc cot-them (cột thêm, như Ghi chú)")
    heading: Line = Field(description="Tiêu đề cột chép như văn bản nguồn, ví dụ: NỘI DUNG, NHIỆM VỤ")


class Appendix(Model):
    """Tiêu đề của phụ lục."""

    title: Line = Field(description="Tiêu đề phụ lục")
    note: Line | None = Field(None, description="Dòng ghi chú dưới tiêu đề, ví dụ: (kèm theo Báo cáo số …)")
    columns: list[AppendixColumn] = Field(default_factory=list, description="Các cột của bảng phụ lục theo thứ tự và tiêu đề như văn bản nguồn. Để trống thì trang dùng bốn cột chuẩn STT, Nội dung, nhiệm vụ, Kết quả thực hiện, Tài liệu kiểm chứng rồi các cột thêm")

    @model_validator(mode="after")
    def _each_column_once(self) -> Appendix:
        roles = [c.role for c in self.columns if c.role is not ColumnRole.other]
        twice = sorted({r.value for r in roles if roles.count(r) > 1})
        if twice:
            raise ValueError(f"mỗi cột chỉ ghi một lần, cột lặp lại: {', '.join(twice)}")
        missing = [r.value for r in ColumnRole if r is not ColumnRole.other and r not in roles]
        if self.columns and missing:
            raise ValueError(f"thiếu cột: {', '.join(missing)}")
        return self


class Acknowledgement(Model):
    """Xác nhận một số liệu không khớp khi tính lại nhưng văn bản đã ký ghi đúng như vậy."""

    figure: Line = Field(description='Số liệu như văn bản viết: tỷ lệ (ví dụ "95,2%") hoặc tổng (ví dụ "1.250")')
    by: Line = Field(description="Người đã đối chiếu với văn bản đã ký: họ tên, chức vụ")
    date: VnDate = Field(description="Ngày đối chiếu, dạng 15/01/2025")
    reason: Line = Field(description="Lý do giữ nguyên, ví dụ: văn bản đã ký ghi đúng như vậy")


class Header(Model):
    """Phần đầu văn bản theo Nghị định 30/2020/NĐ-CP, chép như văn bản nguồn; để trống phần không có."""

    superior: Line | None = Field(None, description="Tên cơ quan chủ quản (dòng trên cùng bên trái), ví dụ: UBND THÀNH PHỐ ĐÔNG HÀ")
    issuer: Line | None = Field(None, description="Tên cơ quan ban hành (dòng in đậm bên trái), ví dụ: ỦY BAN NHÂN DÂN PHƯỜNG 4")


class DraftPublication(Model):
    """Quyết định của đơn vị công khai một báo cáo còn là dự thảo (chưa có số, ngày).

    Luật Tiếp cận thông tin 2016, Điều 6 khoản 2: thông tin đang soạn thảo chưa phải công khai,
    trừ khi đơn vị quyết định công khai. Không có quyết định này thì báo cáo dự thảo không được đóng gói để đăng.
    """

    decided_by: Line = Field(description="Người quyết định công khai: họ tên, chức vụ")
    decided_on: VnDate = Field(description="Ngày quyết định, dạng 20/11/2024")
    reference: Line | None = Field(None, description="Văn bản hoặc biên bản ghi quyết định, nếu có")


class Report(Model):
    """Một báo cáo (tệp ``content/reports/<thư-mục>/report.yaml``)."""

    unit: Line | None = Field(None, description="Đơn vị ban hành báo cáo, ví dụ: Ủy ban nhân dân xã Thuận An. Để trống khi là đơn vị trong content/unit.yaml; đơn vị khác phải là đơn vị tiền thân khai báo trong predecessors")
    header: Header = Field(default_factory=Header, description="Phần đầu văn bản: cơ quan chủ quản, cơ quan ban hành (chép như văn bản nguồn)")
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
    draft_publication: DraftPublication | None = Field(None, description="Chỉ với báo cáo dự thảo: ai quyết định công khai bản dự thảo và khi nào")
    acknowledged: list[Acknowledgement] = Field(default_factory=list, description="Xác nhận các số liệu trong phần thân báo cáo không khớp nhưng văn bản đã ký ghi đúng như vậy (không bắt buộc)")

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

    number: Annotated[int, Field(gt=0, le=999)] = Field(description="Số thứ tự (STT) trong phụ lục")
    group: Line | None = Field(None, description="Nhóm của nhiệm vụ khi phụ lục chia nhiệm vụ thành nhóm (hàng có STT là số La Mã I, II, … hoặc chữ cái A, B, …): chép nguyên số thứ tự và tên nhóm như văn bản nguồn. Khi số thứ tự và tên nhóm ở hai ô riêng thì ghi nối bằng dấu chấm và một khoảng trắng, ví dụ: I. CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX); khi cùng một ô thì chép nguyên ô đó. Bỏ trống nếu phụ lục không chia nhóm.")
    content: Paragraphs = Field(description="Nội dung, nhiệm vụ")
    result: Paragraphs = Field(description="Kết quả thực hiện")
    evidence: list[Id] = Field(default_factory=list, description="Mã các tài liệu kiểm chứng (tên tệp trong content/evidence/, không có .yaml). Để trống nếu văn bản nguồn không nêu.")
    other_columns: list[TaskColumn] = Field(default_factory=list, description="Các cột thêm của phụ lục (Ghi chú, Tiến độ, …), mỗi cột có heading và paragraphs. Bỏ trống nếu phụ lục chỉ có bốn cột chuẩn.")
    acknowledged: list[Acknowledgement] = Field(default_factory=list, description="Xác nhận các số liệu không khớp nhưng văn bản đã ký ghi đúng như vậy (không bắt buộc); trang sẽ ghi chú rõ số liệu không khớp")
    figures: list[Figure] = Field(default_factory=list, description="Các số liệu của kết quả thực hiện (không bắt buộc), mỗi mục theo mẫu Figure bên dưới")
