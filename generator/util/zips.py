"""Zip files that are the same bytes for the same files: sorted entries, one timestamp, fixed modes.

Also the two safety rules of writing a file that others rely on: write under a temporary
name and rename it into place (a crash never leaves half a file under the final name), and
read a zip without trusting its names (no absolute paths, no '..', no links).
"""

from __future__ import annotations

import os
import shutil
import stat
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

ZIP_EPOCH_MIN = 315532800  # 01/01/1980, the earliest time a zip entry can hold
_MODE = (stat.S_IFREG | 0o644) << 16
_UNIX = 3


def write_zip(target: Path, entries: Iterable[tuple[str, Path | bytes]], epoch: int) -> None:
    """Write ``entries`` (name in the zip, file or bytes), sorted by name, all stamped ``epoch`` (UTC)."""
    stamp = time.gmtime(max(epoch, ZIP_EPOCH_MIN))[:6]
    with zipfile.ZipFile(target, "w", allowZip64=True) as archive:
        for name, source in sorted(entries, key=lambda entry: entry[0]):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = _UNIX
            info.external_attr = _MODE
            if isinstance(source, bytes):
                archive.writestr(info, source)
                continue
            info.file_size = source.stat().st_size
            with source.open("rb") as data, archive.open(info, "w", force_zip64=info.file_size > 2**31) as out:
                shutil.copyfileobj(data, out, 1024 * 1024)
    with target.open("rb") as done:
        os.fsync(done.fileno())


def replace_atomically(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target`` in one step, and make the rename survive a power cut."""
    os.replace(source, target)
    directory = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def write_text_atomically(target: Path, text: str) -> None:
    temporary = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    with temporary.open("w", encoding="utf-8", newline="\n") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    replace_atomically(temporary, target)


class UnsafeZip(Exception):
    """An entry that would land outside the folder it is unpacked into, or is not a plain file."""


def safe_names(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The file entries of ``archive``; raise UnsafeZip at the first name that could escape or is a link."""
    files = []
    for info in archive.infolist():
        name = info.filename
        path = PurePosixPath(name)
        if name.startswith("/") or "\\" in name or ".." in path.parts or (path.parts and ":" in path.parts[0]):
            raise UnsafeZip(f"tên tệp không an toàn trong gói: {name!r}")
        kind = stat.S_IFMT(info.external_attr >> 16)
        if info.create_system == _UNIX and kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise UnsafeZip(f"mục không phải tệp thường (liên kết hoặc thiết bị) trong gói: {name!r}")
        if not info.is_dir():
            files.append(info)
    return files


def unpack(archive: zipfile.ZipFile, files: list[zipfile.ZipInfo], folder: Path) -> None:
    for info in files:
        target = folder / info.filename
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(info) as data, target.open("wb") as out:
            shutil.copyfileobj(data, out, 1024 * 1024)
