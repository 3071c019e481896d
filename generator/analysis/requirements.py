"""What each kind of required data is called on a public page, where the clerk writes it,
and whether the content has it. Public pages only ever see ``label``; file and field names
(``where``) are for ``make check``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..content.disclosure import Disclosure
from ..schema.disclosure import Requirement
from ..schema.unit import Unit


@dataclass(frozen=True)
class Need:
    label: str                                    # what citizens read: "địa chỉ trụ sở"
    where: str                                    # what the clerk edits: "content/unit.yaml: address"
    met: Callable[[Unit, Disclosure], bool]


UNIT = "content/unit.yaml"
PROFILE = "content/disclosure/gioi-thieu.yaml"
ACCESS = "content/disclosure/tiep-can-thong-tin.yaml"

NEEDS: dict[Requirement, Need] = {
    Requirement.address: Need("địa chỉ trụ sở", f"{UNIT}: address", lambda u, d: bool(u.address)),
    Requirement.phone: Need("số điện thoại", f"{UNIT}: phone", lambda u, d: bool(u.phone)),
    Requirement.email: Need("thư điện tử", f"{UNIT}: email", lambda u, d: bool(u.email)),
    Requirement.focal_point: Need("đầu mối tiếp nhận yêu cầu cung cấp thông tin",
                                  f"{UNIT}: focal_point (name, phone, email)", lambda u, d: u.focal_point is not None),
    Requirement.request_url: Need("địa chỉ trên mạng để gửi yêu cầu, phản ánh, khiếu nại", f"{UNIT}: request_url",
                                  lambda u, d: bool(u.request_url)),
    Requirement.request_forms: Need("mẫu phiếu yêu cầu cung cấp thông tin",
                                    f"{ACCESS}: request_forms (tệp mẫu phiếu của Nghị định 13/2018/NĐ-CP)",
                                    lambda u, d: bool(d.access and d.access.request_forms)),
    Requirement.leaders: Need("danh sách lãnh đạo", f"{UNIT}: leaders", lambda u, d: bool(u.leaders)),
    Requirement.leader_duties: Need("nhiệm vụ của từng lãnh đạo", f"{UNIT}: leaders[…].duties",
                                    lambda u, d: bool(u.leaders) and all(x.duties for x in u.leaders)),
    Requirement.leader_biography: Need("tiểu sử tóm tắt của từng lãnh đạo", f"{UNIT}: leaders[…].biography",
                                       lambda u, d: bool(u.leaders) and all(x.biography for x in u.leaders)),
    Requirement.map: Need("bản đồ địa giới hành chính", f"{PROFILE}: map (tệp ảnh bản đồ)",
                          lambda u, d: d.files.map is not None),
    Requirement.natural_conditions: Need("điều kiện tự nhiên", f"{PROFILE}: natural_conditions",
                                         lambda u, d: bool(d.profile and d.profile.natural_conditions)),
    Requirement.history: Need("lịch sử", f"{PROFILE}: history", lambda u, d: bool(d.profile and d.profile.history)),
    Requirement.culture: Need("văn hóa", f"{PROFILE}: culture", lambda u, d: bool(d.profile and d.profile.culture)),
    Requirement.rating_url: Need("địa chỉ dịch vụ đánh giá mức độ hài lòng của tỉnh", f"{UNIT}: rating_url",
                                 lambda u, d: bool(u.rating_url)),
}


def unmet(requirements: list[Requirement], unit: Unit, disclosure: Disclosure) -> list[Need]:
    """The data requirements (other than published items) that the content does not meet."""
    return [NEEDS[r] for r in requirements if r is not Requirement.items and not NEEDS[r].met(unit, disclosure)]
