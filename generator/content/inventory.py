"""Every file in ``content/`` is accounted for: loaded, attached, or reported with what to do.

A file the loaders do not read (a ``.yml``, a ``.YAML``, a ``.yaml.txt``, a task in a
subfolder, a stray document) would silently be missing from the site; here it becomes
an error that names it. Runs after every loader, on what they read.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..problems import Problem
from .reader import Reader

# Kept by git for empty folders, or written by the file manager of Windows or macOS on its own.
IGNORED = {".gitkeep", ".DS_Store", "Thumbs.db", "desktop.ini"}
ATTACHMENT_FOLDERS = ("evidence/tep", "disclosure/files")
CONTENT_FOLDERS = ("content/evidence/", "content/reports/<tên>/tasks/", "content/disclosure/items/", "content/news/")


def unaccounted(reader: Reader) -> list[Problem]:
    problems = []
    for folder, _, names in os.walk(reader.root):
        for name in sorted(names):
            path = Path(folder) / name
            if name in IGNORED:
                continue
            if path.is_symlink() and not path.exists():  # broken, or pointing to itself: resolve() would fail
                problems.append(Problem(_link_name(reader, path), None, "", "liên kết (symlink) hỏng: trỏ tới tệp "
                                        "không có hoặc trỏ vòng về chính nó", found=repr(os.readlink(path)),
                                        expected="thay liên kết bằng chính tệp, hoặc xóa liên kết"))
            elif path.resolve() not in reader.accounted:
                problems.append(_stray(reader, path))
    return problems


def _link_name(reader: Reader, path: Path) -> str:
    """The link itself, as the clerk sees it in content/, not where it points."""
    try:
        return path.relative_to(reader.project_dir).as_posix()
    except ValueError:
        return reader.name(path)


def _stray(reader: Reader, path: Path) -> Problem:
    where = path.relative_to(reader.root).as_posix()
    name, suffix = path.name, path.suffix
    twin = path.with_suffix(".yaml")
    if not path.is_file():  # a pipe, a device, or a link to one: there is nothing to read in it
        return Problem(reader.name(path), None, "", "đây không phải một tệp thường (thiết bị, ống dẫn hoặc liên "
                       "kết tới chúng) nên không được đọc", expected="xóa mục này, đặt vào đó tệp nội dung thật")
    if name.startswith("."):
        return Problem(reader.name(path), None, "", "tệp ẩn (tên bắt đầu bằng dấu chấm), thường là tệp tạm của "
                       "trình soạn thảo", expected="đóng trình soạn thảo rồi xóa tệp này nếu nó còn lại")
    if suffix.lower() in (".yml", ".yaml") and suffix != ".yaml":
        if twin.exists():
            return Problem(reader.name(path), None, "", f"tệp trùng tên với {twin.name}, tệp này không được đọc",
                           expected=f"giữ một tệp {twin.name}, xóa tệp kia")
        return Problem(reader.name(path), None, "", f"đuôi tệp {suffix} không được đọc",
                       expected=f"đổi tên thành {twin.name} (đuôi .yaml, chữ thường)")
    original = path.with_name(name.lower().split(".yaml")[0].split(".yml")[0] + ".yaml")
    if original != path and original.exists() and (".yaml" in name.lower() or ".yml" in name.lower()):
        return Problem(reader.name(path), None, "", f"bản sao hoặc bản lưu cũ của {original.name}, không được đọc",
                       expected=f"xóa tệp này (nội dung đang dùng là {original.name}; đừng đổi tên đè lên nó)")
    if suffix == ".yaml":
        return Problem(reader.name(path), None, "",
                       "tệp .yaml nằm ở thư mục không được đọc (thư mục con hoặc thư mục lạ)",
                       expected=f"chuyển tệp vào đúng thư mục ({', '.join(CONTENT_FOLDERS)}), "
                                "không để trong thư mục con")
    if ".yaml" in name.lower() or ".yml" in name.lower():
        return Problem(reader.name(path), None, "", "tên tệp có đuôi lạ nên tệp không được đọc",
                       found=repr(name), expected=f"đổi tên thành {name.lower().split('.y')[0]}.yaml")
    if any(where.startswith(f"{folder}/") for folder in ATTACHMENT_FOLDERS):
        return Problem(reader.name(path), None, "", "tệp đính kèm không được tài liệu nào dùng",
                       expected="ghi đường dẫn tệp vào trường file (tài liệu kiểm chứng) hoặc attachment "
                                "(thông tin công khai), hoặc xóa tệp")
    return Problem(reader.name(path), None, "", "tệp không thuộc mẫu nội dung nào nên không được đọc",
                   expected="đặt tệp đúng chỗ theo docs-staff/huong-dan-noi-dung.md (tệp .yaml trong đúng "
                            "thư mục, không để trong thư mục con), hoặc xóa tệp")
