"""The publishing unit: ``content/unit.yaml``."""

from __future__ import annotations

from pydantic import Field

from .types import HttpUrl, Line, Model, Paragraphs


class Leader(Model):
    """Một lãnh đạo của đơn vị, cho trang cơ cấu tổ chức (Nghị định 224/2026/NĐ-CP, Điều 9 khoản 1 điểm c)."""

    position: Line = Field(description="Chức vụ, ví dụ: Chủ tịch UBND phường")
    name: Line = Field(description="Họ và tên")
    duties: Line | None = Field(None, description="Nhiệm vụ được phân công. Để trống nếu chưa có nguồn.")
    biography: Paragraphs = Field(default_factory=list, description="Tiểu sử tóm tắt, mỗi ý một đoạn (năm sinh, quê quán, trình độ, quá trình công tác). Để trống nếu chưa có nguồn.")
    phone: Line | None = Field(None, description="Số điện thoại công vụ, nếu được công bố")
    email: Line | None = Field(None, description="Thư điện tử công vụ, nếu được công bố")
    source: Line = Field(description="Văn bản nguồn cho biết thông tin này")


class FocalPoint(Model):
    """Đầu mối tiếp nhận yêu cầu cung cấp thông tin (Luật Tiếp cận thông tin 2016, Điều 17 khoản 1 điểm m)."""

    name: Line = Field(description="Bộ phận hoặc người làm đầu mối, ví dụ: Văn phòng HĐND và UBND phường")
    position: Line | None = Field(None, description="Chức vụ của người làm đầu mối, nếu là một người")
    address: Line | None = Field(None, description="Địa chỉ nhận yêu cầu, nếu khác địa chỉ trụ sở")
    phone: Line | None = Field(None, description="Số điện thoại")
    email: Line | None = Field(None, description="Thư điện tử nhận yêu cầu")


class Predecessor(Model):
    """Một đơn vị đã sáp nhập vào đơn vị này: trang tiếp tục đăng các báo cáo của đơn vị đó."""

    name: Line = Field(description="Tên đầy đủ như trên văn bản của đơn vị đó, ví dụ: Ủy ban nhân dân xã Thuận An")
    short_name: Line | None = Field(None, description="Tên ngắn, ví dụ: UBND xã Thuận An")
    merged: Line | None = Field(None, description="Văn bản sáp nhập và ngày hiệu lực, nếu có nguồn")


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
    fax: Line | None = Field(None, description="Số fax, nếu có")
    focal_point: FocalPoint | None = Field(None, description="Đầu mối tiếp nhận yêu cầu cung cấp thông tin: name (bộ phận hoặc người), position, address, phone, email. Để trống nếu chưa có nguồn.")
    request_url: HttpUrl | None = Field(None, description="Địa chỉ trên mạng để gửi yêu cầu cung cấp thông tin, phản ánh, khiếu nại (Nghị định 13/2018/NĐ-CP, Điều 11). Để trống nếu chưa có nguồn.")
    complaint_address: Line | None = Field(None, description="Nơi nhận khiếu nại, tố cáo về việc cung cấp thông tin (địa chỉ, bộ phận), nếu khác đầu mối. Để trống nếu chưa có nguồn.")
    rating_url: HttpUrl | None = Field(None, description="Địa chỉ dịch vụ đánh giá mức độ hài lòng trực tuyến của tỉnh (Nghị định 224/2026/NĐ-CP, Điều 10 khoản 3). Để trống nếu chưa có nguồn.")
    leaders: list[Leader] = Field(default_factory=list, description="Lãnh đạo đơn vị, mỗi người một mục (chức vụ, họ tên, nguồn)")
    superior: Line | None = Field(None, description="Cơ quan cấp trên (cơ quan chủ quản), ví dụ: Ủy ban nhân dân thành phố Đông Hà. Để trống nếu chưa có nguồn.")
    responsible: Line | None = Field(None, description="Người chịu trách nhiệm nội dung trang (họ tên, chức vụ), hiện ở chân trang. Để trống nếu chưa có nguồn: chân trang ghi \"chưa cập nhật\".")
    predecessors: list[Predecessor] = Field(default_factory=list, description="Các đơn vị đã sáp nhập vào đơn vị này (tiền thân); báo cáo của họ được đăng dưới tên của họ")

    def names(self) -> list[str]:
        """Every name a report may give for this unit or one merged into it."""
        own = [self.name, self.short_name]
        return own + [n for p in self.predecessors for n in (p.name, p.short_name) if n]

    def issuer_of(self, written: str) -> str | None:
        """This unit's or a predecessor's full name, for a unit name as a report writes it; None if neither."""
        key = unit_key(written)
        if key in (unit_key(self.name), unit_key(self.short_name)):
            return self.name
        for p in self.predecessors:
            if key in {unit_key(n) for n in (p.name, p.short_name) if n}:
                return p.name
        return None


def unit_key(name: str) -> str:
    """'UBND phường 4', 'Ủy ban nhân dân Phường 4', 'ỦY BAN NHÂN DÂN PHƯỜNG 4' are one unit."""
    words = " ".join(name.split()).casefold()
    for long, short in (("ủy ban nhân dân", "ubnd"), ("uỷ ban nhân dân", "ubnd"), ("hội đồng nhân dân", "hđnd")):
        words = words.replace(long, short)
    return words
