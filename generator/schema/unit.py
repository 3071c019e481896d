"""The publishing unit: ``content/unit.yaml``."""

from __future__ import annotations

from pydantic import Field

from .types import HttpUrl, Line, Model


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
