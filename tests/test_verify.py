"""``python -m generator verify``: a package that would break on the portal, leak a source file or
load from another host is refused, in Vietnamese, with exit status 1."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from package_files import PACKAGE, entries, portal_project, repack

HOME = "index.html"


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    from generator import cli

    project = portal_project(tmp_path_factory.mktemp("verify") / "project")
    assert cli.main(["--project", str(project), "dist", "--as-of", "2024-06-30", "--allow-draft"]) == 0
    return project / "dist" / PACKAGE


def home_with(package: Path, extra: str) -> bytes:
    page = entries(package)[HOME].decode("utf-8")
    return page.replace("</body>", f"{extra}</body>").encode("utf-8")


def test_the_package_make_dist_made_passes(cli_run, package):
    result = cli_run("verify", package)
    assert result.code == 0, result.err
    assert f"Gói {PACKAGE} đạt:" in result.out and "không có liên kết hỏng" in result.out


def test_a_broken_link_is_found_and_a_link_to_another_site_is_not(cli_run, package, tmp_path):
    broken = repack(package, tmp_path / PACKAGE, {HOME: home_with(
        package, '<a href="bao-cao/khong-co.html">x</a><a href="https://dichvucong.gov.vn/">Cổng DVC</a>')})
    result = cli_run("verify", broken)
    assert result.code == 1
    assert ("LỖI: index.html: liên kết hỏng tới 'bao-cao/khong-co.html' (trong gói không có tệp "
            "bao-cao/khong-co.html)") in result.err
    assert "dichvucong" not in result.err
    assert f"Gói {PACKAGE} KHÔNG đạt: 1 lỗi. Đừng tải gói này lên cổng" in result.err


def test_a_script_or_style_from_another_host_is_refused(cli_run, package, tmp_path):
    style = entries(package)["assets/stylesheets/site.css"] + b'\n@import url("https://fonts.example.com/a.css");\n'
    changed = repack(package, tmp_path / PACKAGE, {
        HOME: home_with(package, '<script src="https://cdn.example.com/x.js"></script>'),
        "assets/stylesheets/site.css": style,
        "assets/javascripts/them.js": b'fetch("https://tracker.example.com/p")\n'})
    result = cli_run("verify", changed)
    assert result.code == 1
    assert "LỖI: index.html: <script> tải tệp từ máy chủ khác: https://cdn.example.com/x.js" in result.err
    assert ("LỖI: assets/stylesheets/site.css: kiểu trình bày tải tệp từ máy chủ khác: https://fonts.example.com/a.css"
            in result.err)
    assert ("LỖI: assets/javascripts/them.js: kịch bản (script) tham chiếu máy chủ khác: https://tracker.example.com/p"
            in result.err)


def test_a_root_absolute_link_would_break_under_the_portals_sub_path(cli_run, package, tmp_path):
    changed = repack(package, tmp_path / PACKAGE, {HOME: home_with(package, '<img src="/assets/images/favicon.png">')})
    result = cli_run("verify", changed)
    assert result.code == 1
    assert "LỖI: index.html: <img> có liên kết tuyệt đối '/assets/images/favicon.png'" in result.err


def test_yaml_hidden_and_unknown_files_are_refused(cli_run, package, tmp_path):
    changed = repack(package, tmp_path / PACKAGE, {"content/unit.yaml": b"name: x\n", ".htaccess": b"x",
                                                   "tai-lieu-kiem-chung/tep/a.exe": b"MZ"})
    result = cli_run("verify", changed)
    assert result.code == 1
    assert "LỖI: content/unit.yaml: tệp nguồn nội dung (YAML) không được nằm trong gói" in result.err
    assert "LỖI: .htaccess: tệp ẩn (tên bắt đầu bằng dấu chấm) không được nằm trong gói" in result.err
    assert "LỖI: tai-lieu-kiem-chung/tep/a.exe: loại tệp .exe không được phép trong gói" in result.err


def test_a_changed_or_added_file_does_not_match_the_checksums(cli_run, package, tmp_path):
    changed = repack(package, tmp_path / PACKAGE, {HOME: home_with(package, "<p>sửa tay</p>"), "them.txt": b"x"},
                     rehash=False)
    result = cli_run("verify", changed)
    assert result.code == 1
    assert "LỖI: index.html: mã kiểm tra SHA-256 không khớp với MANIFEST.sha256 (tệp đã bị sửa hoặc hỏng)" in result.err
    assert "LỖI: them.txt: tệp không có trong MANIFEST.sha256 (được thêm vào sau khi tạo gói)" in result.err
    counted = re.search(r"LỖI: manifest.json ghi (\d+) tệp, gói có (\d+) tệp", result.err)
    assert counted is not None and int(counted.group(2)) == int(counted.group(1)) + 1


def test_the_checksums_beside_the_package_must_match_the_ones_inside(cli_run, package, tmp_path):
    for name in (PACKAGE, "manifest.json", "MANIFEST.sha256"):
        shutil.copy(package.parent / name, tmp_path / name)
    assert cli_run("verify", tmp_path / PACKAGE).code == 0
    beside = tmp_path / "MANIFEST.sha256"
    beside.write_text(beside.read_text(encoding="utf-8").replace("index.html", "index2.html"), encoding="utf-8")
    result = cli_run("verify", tmp_path / PACKAGE)
    assert result.code == 1
    assert "MANIFEST.sha256: khác với MANIFEST.sha256 trong gói: gói đã bị thay hoặc sửa sau khi tạo" in result.err


def test_unsafe_names_and_broken_zips_are_refused(cli_run, tmp_path):
    escaping = tmp_path / "thoat.zip"
    with zipfile.ZipFile(escaping, "w") as archive:
        archive.writestr("../ngoai.html", "<p>x</p>")
    result = cli_run("verify", escaping)
    assert result.code == 1 and "LỖI: tên tệp không an toàn trong gói: '../ngoai.html'" in result.err
    half = tmp_path / "do-dang.zip"
    half.write_bytes(b"PK\x03\x04 half a zip")
    result = cli_run("verify", half)
    assert result.code == 1 and "không phải tệp zip, hoặc tệp zip bị hỏng" in result.err
    assert cli_run("verify", tmp_path / "khong-co.zip").code == 1
