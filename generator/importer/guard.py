"""Checks a source file passes before anything parses it: size, the .docx zip's contents, length.

Each check reads as little as it can: the file size from the file system, the sizes of
the .docx parts from the zip's table of contents (nothing is unpacked), the number of
lines of the text export before its cells are read. A refusal names the limit
(:mod:`.limits`) and says what to do.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..content.limits import MAX_TEXT_CHARS
from ..util.vn import vn_number
from . import limits
from .limits import MB
from .source import Para, Problems, SourceDoc, Table

_SHOWN = 10  # at most this many paragraphs named as too long
CORRUPT = "tệp .docx bị hỏng, không mở được"
RESAVE = "mở tệp trong Word, lưu lại dạng .docx rồi nhập lại"
_SUSPECT = ("tệp có thể bị hỏng hoặc là tệp độc hại (bom nén): đừng mở tệp này, "
            "xin lại tệp gốc từ người soạn hoặc lưu lại từ Word")


def megabytes(size: int) -> str:
    return f"{vn_number(size / MB, 1)} MB"


def size_ok(path: Path, suffix: str, problems: Problems) -> bool:
    """The source file is not larger than its format's limit."""
    size = path.stat().st_size
    if suffix == ".docx":
        limit = limits.MAX_DOCX_MB
        advice = ("bỏ hoặc thu nhỏ hình ảnh trong báo cáo (ảnh kiểm chứng đưa vào làm tài liệu riêng), "
                  "lưu lại rồi nhập lại")
    else:
        limit = limits.MAX_TXT_MB
        advice = "kiểm tra đúng là bản xuất của báo cáo; báo cáo quá dài thì tách thành nhiều báo cáo"
    if size > limit * MB:
        problems.add("", "tệp quá lớn để nhập", found=megabytes(size),
                     expected=f"tệp {suffix} không quá {limit} MB: {advice}")
        return False
    return True


def zip_ok(path: Path, problems: Problems) -> bool:
    """The .docx's parts, as its zip table of contents declares them, are within the limits.

    Python's zip reader never unpacks more than a part declares, so the declared sizes
    bound what python-docx will read.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        problems.add("", CORRUPT, found=type(exc).__name__, expected=RESAVE)
        return False
    if len(parts) > limits.MAX_PARTS:
        problems.add("", "tệp .docx có quá nhiều phần bên trong", found=f"{vn_number(len(parts))} phần",
                     expected=f"không quá {vn_number(limits.MAX_PARTS)} phần; {_SUSPECT}")
        return False
    ok = True
    for part in parts:
        if part.flag_bits & 0x1 or part.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            problems.add("", "tệp .docx dùng kiểu nén hoặc mã hóa mà Word không dùng, không đọc được",
                         found=part.filename[:80], expected=RESAVE)
            return False
        ratio = part.file_size / max(part.compress_size, 1)
        too_big = part.file_size > limits.MAX_PART_MB * MB
        too_packed = part.file_size > limits.RATIO_FROM_MB * MB and ratio > limits.MAX_COMPRESSION_RATIO
        if too_big or too_packed:
            problems.add("", "tệp .docx khi giải nén quá lớn so với kích thước tệp",
                         found=f"phần {part.filename[:80]}: {megabytes(part.compress_size)} khi nén, "
                               f"{megabytes(part.file_size)} khi giải nén (gấp {vn_number(ratio)} lần)",
                         expected=f"mỗi phần không quá {limits.MAX_PART_MB} MB khi giải nén và không nén quá "
                                  f"{limits.MAX_COMPRESSION_RATIO} lần; {_SUSPECT}")
            ok = False
    total = sum(part.file_size for part in parts)
    if ok and total > limits.MAX_UNZIPPED_MB * MB:
        problems.add("", "tệp .docx khi giải nén quá lớn", found=f"tổng {megabytes(total)} khi giải nén",
                     expected=f"không quá {limits.MAX_UNZIPPED_MB} MB: bỏ hoặc thu nhỏ hình ảnh trong báo cáo, "
                              "lưu lại rồi nhập lại")
        ok = False
    return ok


def counts_ok(paragraphs: int, rows: int, problems: Problems, line: int | None = None) -> bool:
    """Not more paragraphs (table cells included) and table rows than the limits."""
    ok = True
    if paragraphs > limits.MAX_PARAGRAPHS:
        problems.add("", "báo cáo có quá nhiều đoạn văn", found=f"{vn_number(paragraphs)} đoạn văn", line=line,
                     expected=f"không quá {vn_number(limits.MAX_PARAGRAPHS)} đoạn văn (tính cả đoạn trong ô bảng): "
                              "kiểm tra đúng tệp báo cáo; báo cáo quá dài thì tách thành nhiều báo cáo")
        ok = False
    if rows > limits.MAX_TABLE_ROWS:
        problems.add("", "báo cáo có quá nhiều hàng bảng", found=f"{vn_number(rows)} hàng", line=line,
                     expected=f"không quá {vn_number(limits.MAX_TABLE_ROWS)} hàng bảng: kiểm tra đúng tệp báo cáo; "
                              "phụ lục quá dài thì tách thành nhiều báo cáo")
        ok = False
    return ok


def doc_ok(doc: SourceDoc, problems: Problems) -> bool:
    """The document as read (Word line breaks split, exported cells parsed) is within the limits:
    the number of paragraphs and rows, and the length of each paragraph (a content file's limit)."""
    paragraphs = rows = 0
    too_long: list[tuple[str, int, int | None]] = []  # where, length, line
    for block in doc.blocks:
        if isinstance(block, Para):
            paragraphs += 1
            if len(block.text) > MAX_TEXT_CHARS:
                too_long.append(("đoạn văn", len(block.text), block.line))
        elif isinstance(block, Table):
            rows += len(block.rows)
            for row in block.rows:
                for column, cell in enumerate(row.cells, start=1):
                    paragraphs += len(cell)
                    longest = max((len(text) for text in cell), default=0)
                    if longest > MAX_TEXT_CHARS:
                        too_long.append((f"bảng, hàng {row.number}, cột {column}", longest, row.line))
    ok = counts_ok(paragraphs, rows, problems)
    for where, length, line in too_long[:_SHOWN]:
        problems.add(where, "đoạn văn quá dài", found=f"{vn_number(length)} ký tự", line=line,
                     expected=f"mỗi đoạn không quá {vn_number(MAX_TEXT_CHARS)} ký tự: tách thành nhiều đoạn "
                              "(Enter), hoặc kiểm tra tệp có bị dính liền các đoạn không")
    return ok and not too_long
