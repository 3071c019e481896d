"""The one check every attached file passes, whether it belongs to evidence or a disclosure item.

An attachment is published as is, on the ward's address: it must stay inside
``content/``, exist, be a public-document type whose bytes match its extension, and be
small enough for a citizen's phone. Its SHA-256 is kept so citizens can verify it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import filetype

from ..problems import Problem
from ..util.fs import inside
from ..util.vn import file_size
from .located import Located
from .reader import Reader

MAX_MB = 20
# Extension -> the type ``filetype`` must detect in the file's first bytes.
# Public documents only: never HTML, SVG, scripts or programs, which would run on the ward's address.
ALLOWED_TYPES = {".pdf": "pdf", ".docx": "docx", ".xlsx": "xlsx", ".odt": "odt", ".ods": "ods",
                 ".jpg": "jpg", ".jpeg": "jpg", ".png": "png"}
ALLOWED_TEXT = ".pdf, .docx, .xlsx, .odt, .ods, .jpg hoặc .png"


@dataclass(frozen=True)
class Attachment:
    """A checked attachment: where it comes from, where it goes in the site, and its fingerprint."""

    source: Path
    site_path: str
    size: int
    sha256: str
    kind: str  # the detected type, e.g. 'PDF'


def check_attachment(reader: Reader, written: str, site_path: str, where: Located, field: str,
                     example: str) -> tuple[Attachment | None, list[Problem]]:
    """``written`` (a path relative to ``content/``) checked; the Attachment, or the problem with it."""
    root = reader.root
    target = root / written
    line = where.line(field)

    def problem(message: str, found: str, expected: str) -> tuple[None, list[Problem]]:
        return None, [Problem(where.file, line, field, message, found=found, expected=expected)]

    try:
        reader.accounted.add(target.resolve())
        within, is_file = inside(target, root), target.is_file()
    except (OSError, RuntimeError):  # a name too long for the disk, a link that points to itself
        within, is_file = True, False
    if not within:
        return problem("đường dẫn tệp đi ra ngoài thư mục content/", repr(written),
                       f"một tệp nằm trong content/, ví dụ {example}")
    if not is_file:
        return problem("không tìm thấy tệp đính kèm", repr(written), f"tệp có thật tại {reader.name(target)}")
    suffix = target.suffix.lower()
    if suffix not in ALLOWED_TYPES:
        return problem("loại tệp đính kèm không được nhận", repr(target.suffix or target.name), f"tệp {ALLOWED_TEXT}")
    size = target.stat().st_size
    if size > MAX_MB * 1024 * 1024:
        return problem("tệp đính kèm quá lớn", file_size(size),
                       f"không quá {MAX_MB} MB (nén hoặc tách tệp)")
    detected = filetype.guess(str(target))
    expected_type = ALLOWED_TYPES[suffix]
    if detected is None or detected.extension != expected_type:
        seen = f"nội dung tệp {detected.extension.upper()}" if detected else "nội dung không nhận ra được"
        return problem(f"nội dung tệp không khớp phần mở rộng {suffix}", seen,
                       f"một tệp {expected_type.upper()} thật, hoặc đổi phần mở rộng cho đúng")
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    return Attachment(target, site_path, size, digest, expected_type.upper()), []
