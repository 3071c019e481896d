"""Evidence records: ``content/evidence/<id>.yaml``."""

from __future__ import annotations

from enum import Enum

from pydantic import Field, model_validator

from .types import DocNumber, HttpUrl, Line, Model, VnDate


class EvidenceKind(str, Enum):
    """Loại tài liệu kiểm chứng."""

    document = "van-ban"
    record = "bien-ban"
    extract = "trich-xuat"
    photo = "hinh-anh"
    other = "khac"


EVIDENCE_KIND_LABELS = {
    EvidenceKind.document: "Văn bản",
    EvidenceKind.record: "Biên bản",
    EvidenceKind.extract: "Trích xuất phần mềm",
    EvidenceKind.photo: "Hình ảnh",
    EvidenceKind.other: "Tài liệu khác",
}


class Evidence(Model):
    """Một tài liệu kiểm chứng (tệp ``content/evidence/<mã>.yaml``; mã là tên tệp).

    Văn bản có số (``kind: van-ban``) cần ``doc_type``, ``number`` và ``date``; ``subject`` (trích yếu)
    ghi khi văn bản nguồn có ghi. Các loại khác (biên bản, trích xuất, hình ảnh, tài liệu khác như
    sổ theo dõi, danh sách, giấy mời) cần ``title``.
    """

    kind: EvidenceKind = Field(description="Loại: van-ban, bien-ban, trich-xuat, hinh-anh hoặc khac")
    doc_type: Line | None = Field(None, description="Loại văn bản: Kế hoạch, Báo cáo, Quyết định, …")
    number: DocNumber | None = Field(None, description="Số, ký hiệu, ví dụ: 124/KH-UBND")
    date: VnDate | None = Field(None, description="Ngày ban hành, dạng 26/02/2024")
    subject: Line | None = Field(None, description="Trích yếu, bắt đầu bằng 'về …'. Để trống nếu văn bản nguồn không ghi")
    title: Line | None = Field(None, description="Tên tài liệu khi không phải văn bản có số, ví dụ: Biên bản họp giao ban")
    issuer: Line | None = Field(None, description="Cơ quan ban hành hoặc đơn vị có tài liệu, nếu khác đơn vị của trang (ví dụ một đơn vị tiền thân). Để trống nếu là của đơn vị trang này")
    url: HttpUrl | None = Field(None, description="Địa chỉ web của phần mềm hoặc trang, nếu văn bản nguồn có ghi")
    file: Line | None = Field(None, description="Tệp đính kèm (PDF, DOCX, XLSX, ODT, ODS, JPG, PNG; không quá 20 MB), đường dẫn tính từ thư mục content/, ví dụ: evidence/tep/kh-124.pdf")

    @model_validator(mode="after")
    def _fields_of_kind(self) -> Evidence:
        needed = ("doc_type", "number", "date") if self.kind is EvidenceKind.document else ("title",)
        missing = [name for name in needed if getattr(self, name) is None]
        if missing:
            raise ValueError(f"tài liệu loại '{self.kind.value}' cần có: {', '.join(missing)}")
        return self

    @property
    def label(self) -> str:
        """How the report cites it: 'Kế hoạch số 124/KH-UBND ngày 26/02/2024 về …'."""
        if self.kind is EvidenceKind.document:
            cited = f"{self.doc_type} số {self.number} ngày {self.date}"
            return f"{cited} {self.subject}" if self.subject else cited
        return self.title or ""
