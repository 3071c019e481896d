"""The portal's own content files, each optional: the yearly days off (``ngay-nghi.yaml``),
the unit's profile with its map (``gioi-thieu.yaml``) and the access-to-information section
with its request forms (``tiep-can-thong-tin.yaml``). A missing file is not an error: the
pages say "chưa cập nhật" and ``make check`` lists what to fill in, with its article."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TypeVar

from pydantic import BaseModel

from ...schema.disclosure.item import AccessSection, DaysOff, UnitProfile
from .. import paths
from ..attachments import Attachment, check_attachment
from ..located import Located
from ..reader import Reader

M = TypeVar("M", bound=BaseModel)

DAYS_OFF_FILE = "disclosure/ngay-nghi.yaml"
PROFILE_FILE = "disclosure/gioi-thieu.yaml"
ACCESS_FILE = "disclosure/tiep-can-thong-tin.yaml"
FILES_DIR = "disclosure/files"


@dataclass(frozen=True)
class PortalFiles:
    days_off: DaysOff | None = None
    profile: UnitProfile | None = None
    access: AccessSection | None = None
    map: Attachment | None = None
    forms: tuple[Attachment | None, ...] = ()  # parallel to access.request_forms

    def attachments(self) -> Iterator[Attachment]:
        if self.map is not None:
            yield self.map
        yield from (f for f in self.forms if f is not None)


def load_portal_files(reader: Reader) -> PortalFiles:
    days_off, _ = _load(reader, DaysOff, DAYS_OFF_FILE)
    profile, profile_at = _load(reader, UnitProfile, PROFILE_FILE)
    access, access_at = _load(reader, AccessSection, ACCESS_FILE)
    map_file = None
    if profile is not None and profile_at is not None and profile.map is not None:
        map_file, problems = check_attachment(reader, profile.map, paths.profile_file(profile.map), profile_at,
                                              "map", example=f"{FILES_DIR}/gioi-thieu/ban-do.png")
        reader.problems.extend(problems)
    forms: list[Attachment | None] = []
    if access is not None and access_at is not None:
        for i, form in enumerate(access.request_forms):
            found, problems = check_attachment(reader, form.file, paths.access_form_file(form.file), access_at,
                                               "file", example=f"{FILES_DIR}/tiep-can-thong-tin/phieu-yeu-cau.pdf")
            # The check names the field 'file' of the file's top level: say which form it is.
            reader.problems.extend(replace(p, line=access_at.line("request_forms", i, "file"),
                                           field=f"request_forms[{i}].file") for p in problems)
            forms.append(found)
    return PortalFiles(days_off, profile, access, map_file, tuple(forms))


def _load(reader: Reader, model: type[M], name: str) -> tuple[M | None, Located | None]:
    path = reader.root / name
    if not path.is_file():
        return None, None
    return reader.model(model, path)
