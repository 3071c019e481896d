"""The allow-list of personal data that may be published (``content/du-lieu-ca-nhan-duoc-phep.yaml``).

Optional: without it nothing that looks like personal data may be packaged. Loaded with the
rest of the content so its errors are listed with theirs; matching values against it is the
analysis' job (``analysis.privacy``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..schema.personal import AllowedValue, AllowList
from .located import Located
from .reader import Reader

ALLOW_LIST_FILE = "du-lieu-ca-nhan-duoc-phep.yaml"


@dataclass(frozen=True)
class PersonalAllowList:
    entries: tuple[AllowedValue, ...] = ()
    where: Located | None = None  # None: the content has no allow-list file
    path: Path | None = field(default=None, compare=False)

    @property
    def file(self) -> str:
        return self.where.file if self.where else f"content/{ALLOW_LIST_FILE}"

    def line(self, index: int) -> int | None:
        return self.where.line("entries", index) if self.where else None


def load_allow_list(reader: Reader) -> PersonalAllowList:
    path = reader.root / ALLOW_LIST_FILE
    if not path.is_file():
        return PersonalAllowList()
    value, where = reader.model(AllowList, path)
    if value is None or where is None:
        return PersonalAllowList(path=path.resolve())
    return PersonalAllowList(tuple(value.entries), where, path.resolve())
