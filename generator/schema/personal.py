"""The allow-list of personal data that may be published: ``content/du-lieu-ca-nhan-duoc-phep.yaml``.

The upload package is refused when content or attachments hold personal data (Nghị định
13/2023/NĐ-CP). Some numbers look personal but are public by law or by the unit's choice:
an official's work phone, the agency's mailbox. Each is listed here with the reason, so a
reviewer sees every exception in one place (``make check`` prints them).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field

from .types import Line, Model


def _quoted(value: object) -> object:
    # YAML reads 0912345678 as the number 912345678: the leading 0 would be lost.
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError('số phải đặt trong dấu nháy kép, ví dụ value: "0912 345 678" (không có dấu nháy, '
                         "YAML đọc thành số và bỏ mất số 0 ở đầu)")
    return value


class AllowedValue(Model):
    """Một giá trị trông như dữ liệu cá nhân nhưng được phép công khai (một mục trong ``entries``)."""

    value: Annotated[Line, BeforeValidator(_quoted)] = Field(description='Giá trị đúng như trong nội dung hoặc tệp đính kèm, ví dụ "0233 3852 123" hoặc "ubndphuong4@dongha.gov.vn". Số được so theo các chữ số (bỏ qua dấu cách, dấu chấm; +84 tính như 0); thư điện tử không phân biệt hoa thường')
    reason: Line = Field(description="Lý do được công khai, ví dụ: Số điện thoại công vụ của Chủ tịch UBND phường, công khai theo Luật Tiếp cận thông tin")


class AllowList(Model):
    """Danh sách dữ liệu cá nhân được phép công khai (tệp ``content/du-lieu-ca-nhan-duoc-phep.yaml``, không bắt buộc)."""

    entries: list[AllowedValue] = Field(default_factory=list, description="Các giá trị được phép, mỗi giá trị một mục có value và reason")
