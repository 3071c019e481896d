"""Schema of the public-disclosure portal: categories, disclosure items and news posts.

Part of the content schema (the ``schema`` package), one module per content family. Descriptions are Vietnamese: staff see them in messages, in the generated guide
and as comments in the skeleton written by ``python -m generator new item``.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import ConfigDict, Field

from .types import DocNumber, Id, Line, Model, Paragraphs, Text, VnDate


class SpecialPage(str, Enum):
    """A category whose section is a page built from other data, not only from items."""

    contact = "lien-he"                # address, phone, e-mail from content/unit.yaml
    organisation = "to-chuc"           # leaders from content/unit.yaml
    access = "tiep-can-thong-tin"      # NĐ 13/2018 Điều 11: catalogue, focal point, requests
    news = "tin-hoat-dong"             # the blog: posts from content/news/


class Category(Model):
    """Một chuyên mục công khai (một mục trong ``categories`` của ``content/disclosure/categories.yaml``)."""

    slug: Id = Field(description="Mã chuyên mục, chữ thường không dấu, ví dụ: tuyen-dung. Là địa chỉ trang của chuyên mục.")
    title: Line = Field(description="Tên chuyên mục, ví dụ: Tuyển dụng")
    summary: Line | None = Field(None, description="Một câu giới thiệu chuyên mục")
    legal_basis: Annotated[list[Line], Field(min_length=1)] = Field(
        description="Căn cứ pháp lý, mỗi căn cứ một dòng, ví dụ: Luật Tiếp cận thông tin 2016, Điều 17 khoản 1 điểm l")
    required: bool = Field(description="true nếu pháp luật bắt buộc công khai; false nếu phường tự cam kết")
    update_rule: Line = Field(description="Quy định cập nhật, ghi bằng lời, ví dụ: Trong 5 ngày làm việc kể từ ngày ban hành")
    publish_within_working_days: Annotated[int, Field(gt=0)] | None = Field(
        None, description="Số ngày làm việc tối đa từ ngày ban hành đến ngày đăng. Để trống nếu không có hạn.")
    refresh_days: Annotated[int, Field(gt=0)] | None = Field(
        None, description="Số ngày tối đa giữa hai lần đăng; quá số ngày này chuyên mục bị coi là quá hạn. Để trống nếu không có.")
    page: SpecialPage | None = Field(
        None, description="Trang dựng sẵn của chuyên mục: lien-he, to-chuc, tiep-can-thong-tin hoặc tin-hoat-dong. Để trống cho chuyên mục thường.")


class CategoryList(Model):
    """Danh sách chuyên mục công khai (tệp ``content/disclosure/categories.yaml``)."""

    notice_board_min_days: Annotated[int, Field(gt=0)] = Field(
        30, description="Số ngày tối thiểu một thông tin niêm yết phải được giữ (Luật Tiếp cận thông tin 2016, Điều 21)")
    categories: list[Category] = Field(description="Các chuyên mục, theo thứ tự hiển thị")


class PublicationForm(str, Enum):
    """Hình thức công khai (Luật Tiếp cận thông tin 2016, Điều 18)."""

    website = "trang-thong-tin-dien-tu"
    notice_board = "bang-niem-yet"


PUBLICATION_FORM_LABELS = {
    PublicationForm.website: "Trang thông tin điện tử",
    PublicationForm.notice_board: "Niêm yết tại trụ sở",
}


class Period(Model):
    """Thời hạn công khai."""

    # 'from' is a Python keyword: the field is named start, staff write 'from'.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    start: VnDate = Field(alias="from", description="Ngày bắt đầu công khai, dạng 05/03/2024")
    until: VnDate | None = Field(None, description="Ngày kết thúc công khai. Để trống nếu công khai không thời hạn.")


class DisclosureItem(Model):
    """Một thông tin được công khai (tệp ``content/disclosure/items/<mã>.yaml``; mã là tên tệp)."""

    title: Line = Field(description="Tên thông tin, ví dụ: Thông báo tuyển dụng công chức năm 2024")
    category: Id = Field(description="Mã chuyên mục (slug trong content/disclosure/categories.yaml)")
    doc_type: Line | None = Field(None, description="Loại văn bản nếu là văn bản: Quyết định, Thông báo, Kế hoạch, …")
    number: DocNumber | None = Field(None, description="Số, ký hiệu nếu là văn bản, ví dụ: 15/TB-UBND")
    issuer: Line | None = Field(None, description="Cơ quan ban hành, ví dụ: UBND phường 4")
    issued: VnDate | None = Field(None, description="Ngày ban hành, dạng 26/02/2024")
    published: VnDate = Field(description="Ngày đăng công khai, dạng 28/02/2024")
    forms: Annotated[list[PublicationForm], Field(min_length=1)] = Field(
        description="Hình thức công khai, mỗi hình thức một dòng: trang-thong-tin-dien-tu, bang-niem-yet")
    period: Period | None = Field(None, description="Thời hạn công khai (from, until). Để trống nếu công khai từ ngày đăng, không thời hạn.")
    summary: Text | None = Field(None, description="Tóm tắt, trích yếu nội dung")
    attachment: Line | None = Field(
        None, description="Tệp đính kèm (PDF, DOCX, XLSX, ODT, ODS, JPG, PNG; không quá 20 MB), đường dẫn tính từ content/, ví dụ: disclosure/files/tuyen-dung/tb-15.pdf")


class NewsPost(Model):
    """Một tin hoạt động (tệp ``content/news/<mã>.yaml``; mã là tên tệp và địa chỉ của tin)."""

    title: Line = Field(description="Tiêu đề tin")
    date: VnDate = Field(description="Ngày đăng, dạng 15/03/2024")
    summary: Line | None = Field(None, description="Một câu tóm tắt, hiện trong danh sách tin và nguồn tin (feed)")
    body: Annotated[Paragraphs, Field(min_length=1)] = Field(description="Nội dung tin, mỗi đoạn một mục")
