"""Safe in a clerk's hands: a re-import keeps the old report as a backup and says what is only
there, a failure or a kill at any point leaves content/ as it was (or the new report whole),
and files beyond the limits are refused at once with a message naming them.

Every test imports into its own project in ``tmp_path``: ``content/`` is a copy of
``tests/fixtures/content-2024``. The command runs in this process (``generator.cli.main``),
except the test of the process's exit status and the tests that kill an import.
"""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import signal
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from docx import Document
from ruamel.yaml import YAML

import generator.importer as importer
from generator import cli
from generator.importer import limits, writer
from generator.util import fs
from generator.util.vn import vn_number

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCE = FIXTURES / "bao-cao-2024.txt"
REPORT = "content/reports/nhap"
MB = 1024 * 1024


# --- set-up ----------------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path) -> Path:
    folder = tmp_path / "du-an"
    folder.mkdir()
    shutil.copytree(FIXTURES / "content-2024", folder / "content")
    return folder


def run(capsys, *args: str | Path) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under ``folder``: two trees compare byte for byte."""
    return {p.relative_to(folder).as_posix(): None if p.is_dir() else p.read_bytes()
            for p in sorted(folder.rglob("*"))}


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.glob(".phuong-import-*"))


def next_year_source(tmp_path: Path) -> Path:
    """The 2024 export citing two plans the register does not have: two new evidence files."""
    text = SOURCE.read_text(encoding="utf-8")
    for old, new in (("Kế hoạch số 127/KH-UBND ngày 26/02/2024", "Kế hoạch số 128/KH-UBND ngày 26/02/2024"),
                     ("Kế hoạch số 156/KH-UBND ngày 08/3/2024", "Kế hoạch số 157/KH-UBND ngày 08/3/2024")):
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "bao-cao-moi.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def imported(project, capsys) -> Path:
    """The project after a first import of the 2024 export into content/reports/nhap, then hand work:
    a figures block, an acknowledgement, a comment, a task added by hand, a notes file and an attachment."""
    code, _, err = run(capsys, "import", SOURCE, "--out", project / REPORT)
    assert code == 0, err
    report = project / REPORT
    with open(report / "tasks/nhiem-vu-03.yaml", "a", encoding="utf-8") as task:
        task.write('figures:\n  - label: Hồ sơ đúng hạn\n    value: "10"\n    total: "20"\n    percent: "50"\n')
    with open(report / "tasks/nhiem-vu-05.yaml", "a", encoding="utf-8") as task:
        task.write('acknowledged:\n  - figure: "95,2%"\n    by: Nguyễn Văn A, công chức Văn phòng\n'
                   '    date: 15/01/2025\n    reason: văn bản đã ký ghi đúng như vậy\n')
    text = (report / "report.yaml").read_text(encoding="utf-8")
    (report / "report.yaml").write_text(text.replace("doc_type:", "# Số báo cáo xin ở văn thư.\ndoc_type:", 1),
                                        encoding="utf-8")
    hand_task = (report / "tasks/nhiem-vu-13.yaml").read_text(encoding="utf-8").replace("number: 13", "number: 14")
    (report / "tasks/nhiem-vu-14.yaml").write_text(hand_task, encoding="utf-8")
    (report / "ghi-chu.txt").write_text("Gọi lại phòng Nội vụ.\n", encoding="utf-8")
    (report / "tep").mkdir()
    (report / "tep/anh.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return project


# --- re-import ---------------------------------------------------------------------------------

def test_reimport_with_force_keeps_the_old_report_with_its_hand_work(imported, capsys, tmp_path):
    project = imported
    old_report = tree(project / REPORT)
    source = next_year_source(tmp_path)
    code, out, err = run(capsys, "import", source, "--out", project / REPORT, "--force")
    assert code == 0, err
    backups = list((project / "sao-luu").iterdir())
    assert len(backups) == 1 and re.fullmatch(r"nhap-\d{8}-\d{6}", backups[0].name)
    backup = backups[0]
    assert tree(backup) == old_report  # whole, byte for byte: figures, comment, hand task, notes, attachment
    assert out == (
        f"Đã nhập {source}: 13 nhiệm vụ, 2 tài liệu kiểm chứng mới, 11 tài liệu dùng lại; "
        f"đã ghi 16 tệp vào {project / REPORT} và content/evidence/.\n"
        "Tài liệu kiểm chứng đã có trong content/evidence/, dùng lại vì trùng khớp:\n"
        "  - dùng lại kh-124-ubnd-2024: cùng số, ngày, cơ quan, trích yếu\n"
        "  - dùng lại bien-ban-hop-giao-ban: cùng loại, tên tài liệu, đơn vị\n"
        "  - dùng lại trich-xuat-motcua-quangtri: cùng loại, tên tài liệu, đơn vị\n"
        "  - dùng lại trich-xuat-mot-cua-dien-tu: cùng loại, tên tài liệu, đơn vị\n"
        "  - dùng lại trich-xuat-qlvb-hscv: cùng loại, tên tài liệu, đơn vị\n"
        "  - dùng lại hinh-anh-cong-khai: cùng loại, tên tài liệu, đơn vị\n"
        "  - dùng lại trich-xuat-theo-doi-nhiem-vu: cùng loại, tên tài liệu, đơn vị\n"
        "  - dùng lại bc-462-ubnd-2024: cùng số, ngày, cơ quan, trích yếu\n"
        "  - dùng lại bc-671-ubnd-2024: cùng số, ngày, cơ quan, trích yếu\n"
        "  - dùng lại kh-842-ubnd-2024: cùng số, ngày, cơ quan, trích yếu\n"
        "  - dùng lại bc-862-ubnd-2024: cùng số, ngày, cơ quan, trích yếu\n"
        "Tài liệu kiểm chứng mới (tệp mới trong content/evidence/):\n"
        "  - mới kh-128-ubnd-2024\n"
        "  - mới kh-157-ubnd-2024\n"
        f"Báo cáo cũ được giữ nguyên vẹn trong thư mục sao lưu: {backup}/\n"
        "Phần làm tay chỉ còn trong bản sao lưu (bản nhập mới không có):\n"
        "  - tệp lệnh nhập không tạo ra: ghi-chu.txt, tasks/nhiem-vu-14.yaml, tep/anh.png\n"
        "  - khối figures: (số liệu) trong: tasks/nhiem-vu-03.yaml\n"
        "  - trường chỉ có trong bản cũ: tasks/nhiem-vu-05.yaml (acknowledged)\n"
        "  - nội dung khác bản mới (sửa tay, hoặc văn bản nguồn đã đổi): tasks/nhiem-vu-01.yaml, "
        "tasks/nhiem-vu-10.yaml\n"
        "  - dòng ghi chú (#) viết tay trong: report.yaml\n"
        f"Cách chép lại: mở tệp trong {backup}/ và chép phần cần giữ (ví dụ cả khối figures:) vào tệp cùng tên "
        f"trong {project / REPORT}/.\n"
        f'  Tệp nhiệm vụ thêm tay thì chép nguyên tệp: cp "{backup}/tasks/nhiem-vu-14.yaml" '
        f'"{project / REPORT}/tasks/nhiem-vu-14.yaml"\n'
        "  Tệp không phải nội dung (ghi chú, tệp đính kèm) để ngoài content/, hoặc đặt đúng chỗ theo "
        "docs-staff/huong-dan-noi-dung.md (tệp đính kèm: content/evidence/tep/).\n"
        "Chạy 'make check' rồi 'make site' để xuất bản.\n")
    # The new folder is exactly what the import makes; nothing is left beside content/.
    new = tree(project / REPORT)
    assert sorted(new) == ["report.yaml", "tasks", *[f"tasks/nhiem-vu-{n:02d}.yaml" for n in range(1, 14)]]
    assert b"figures:" not in new["tasks/nhiem-vu-03.yaml"]
    assert (project / "content/evidence/kh-128-ubnd-2024.yaml").is_file()
    assert leftovers(project) == [] and not list((project / "content").glob(".*"))


def test_reimport_of_an_unchanged_report_says_nothing_is_only_in_the_backup(project, capsys):
    assert run(capsys, "import", SOURCE, "--out", project / REPORT)[0] == 0
    code, out, _ = run(capsys, "import", SOURCE, "--out", project / REPORT, "--force")
    assert code == 0
    (backup,) = (project / "sao-luu").iterdir()
    assert tree(backup) == tree(project / REPORT)
    assert f"Báo cáo cũ được giữ nguyên vẹn trong thư mục sao lưu: {backup}/\n" \
           "Bản sao lưu không có phần làm tay nào mà bản nhập mới thiếu.\n" in out


def test_reimport_without_force_refuses_and_changes_nothing(imported, capsys, tmp_path):
    project = imported
    before = tree(project)
    code, out, err = run(capsys, "import", next_year_source(tmp_path), "--out", project / REPORT)
    assert code == 1 and out == ""
    assert f"lỗi: --out: thư mục báo cáo đã có, không ghi đè (tìm thấy: {project / REPORT}; cần: chọn tên khác, " \
           "hoặc thêm --force để nhập lại: thư mục cũ được chuyển nguyên vẹn vào " \
           f"{project}/sao-luu/nhap-<ngày>-<giờ>/ (bản sao lưu, không mất gì) rồi thay bằng bản nhập mới)" in err
    assert err.endswith("Chưa ghi tệp nào.\n")
    assert tree(project) == before  # no backup either: nothing was replaced


# --- failures and kills part-way --------------------------------------------------------------

def fail_replace_on_second_evidence(monkeypatch):
    real, seen = os.replace, []

    def replace(src, dst):
        if "/evidence/" in str(dst):
            seen.append(dst)
            if len(seen) == 2:
                raise OSError(28, "No space left on device", str(dst))
        real(src, dst)
    monkeypatch.setattr(os, "replace", replace)


def fail_staging_write(monkeypatch):
    real, count = Path.write_text, []

    def write_text(self, *args, **kwargs):
        if writer.STAGE_PREFIX in str(self) and "bao-cao-moi" in str(self):
            count.append(self)
            if len(count) == 5:
                raise OSError(28, "No space left on device", str(self))
        return real(self, *args, **kwargs)
    monkeypatch.setattr(Path, "write_text", write_text)


def fail_backup_copy(monkeypatch):
    real = shutil.copytree

    def copy2(src, dst, **kwargs):
        if str(src).endswith("nhiem-vu-07.yaml"):
            raise OSError(5, "Input/output error", str(src))
        return shutil.copy2(src, dst, **kwargs)

    def copytree(src, dst, *args, **kwargs):  # the backup's copy fails half-way through the folder
        if not args and writer.STAGE_PREFIX in str(dst) and "sao-luu" in str(dst):
            kwargs["copy_function"] = copy2
        return real(src, dst, *args, **kwargs)
    monkeypatch.setattr(shutil, "copytree", copytree)


def fail_exchange(monkeypatch):
    def swap_in(new, target, old):
        raise OSError(16, "Device or resource busy", str(target))
    monkeypatch.setattr(writer, "swap_in", swap_in)


def fail_between_the_two_renames(monkeypatch):
    # Where the system cannot exchange two folders at once, the old one is moved aside first.
    def swap_in(new, target, old):
        target.rename(old)
        raise OSError(13, "Permission denied", str(target))
    monkeypatch.setattr(writer, "swap_in", swap_in)


@pytest.mark.parametrize("failure", [fail_staging_write, fail_backup_copy, fail_replace_on_second_evidence,
                                     fail_exchange, fail_between_the_two_renames])
def test_a_failure_part_way_leaves_content_exactly_as_before(imported, capsys, tmp_path, monkeypatch, failure):
    project = imported
    source = next_year_source(tmp_path)
    before = tree(project)
    failure(monkeypatch)
    code, out, err = run(capsys, "import", source, "--out", project / REPORT, "--force")
    assert code == 1 and out == ""
    assert re.fullmatch(r"\S+: lỗi: không ghi được tệp: [^\n]+ \(cần: còn chỗ trống trên đĩa, có quyền ghi vào thư mục "
                        r"dự án; sửa rồi chạy lại\)\nChưa ghi tệp nào\. Nội dung cũ giữ nguyên\.\n", err), err
    assert tree(project) == before  # content/, and no backup or staging folder left behind


def test_a_timeout_stops_the_import_and_writes_nothing(imported, capsys, monkeypatch):
    project = imported
    before = tree(project)
    monkeypatch.setattr(limits, "MAX_SECONDS", 0.2)

    def slow_understand(*args, **kwargs):
        time.sleep(5)
        raise AssertionError("the time limit should have stopped the import")
    monkeypatch.setattr(importer, "understand", slow_understand)
    started = time.perf_counter()
    code, out, err = run(capsys, "import", SOURCE, "--out", project / REPORT, "--force")
    assert time.perf_counter() - started < 2
    assert code == 1 and out == ""
    assert err == f"{SOURCE}: lỗi: nhập quá thời gian cho phép (0.2 giây) nên đã dừng (cần: kiểm tra đúng tệp " \
                  "báo cáo; báo cáo quá dài thì tách thành nhiều báo cáo; máy đang bận thì chạy lại sau)\n" \
                  "Chưa ghi tệp nào.\n"
    assert tree(project) == before


def test_a_second_import_at_the_same_time_is_refused(project, capsys):
    before = tree(project)
    with writer.project_lock(project):
        code, _, err = run(capsys, "import", SOURCE, "--out", project / REPORT)
    assert code == 1
    assert f"lỗi: đang có một lệnh nhập khác chạy trong dự án này (tìm thấy: {project}; " \
           "cần: đợi lệnh nhập kia chạy xong rồi chạy lại lệnh này)" in err
    assert tree(project) == before


def killed_import(project: Path, source: Path, kill_after: str) -> None:
    """Run ``import --force`` in a child process that is killed (SIGKILL) at ``kill_after``."""
    pid = os.fork()
    if pid == 0:  # the child: never returns to pytest
        try:
            real_exchange = fs._exchange

            def swap_in(new, target, old):
                if kill_after == "exchange":
                    assert real_exchange(new, target)
                else:  # the two-rename fallback, killed between them
                    target.rename(old)
                os.kill(os.getpid(), signal.SIGKILL)
            writer.swap_in = swap_in
            sys.stdout = sys.stderr = io.StringIO()
            cli.main(["import", str(source), "--out", str(project / REPORT), "--force"])
        finally:
            os._exit(3)  # not killed: the test fails below
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def test_a_kill_between_the_two_renames_is_undone_by_the_next_import(imported, capsys, tmp_path):
    project = imported
    before = tree(project / "content")
    killed_import(project, next_year_source(tmp_path), kill_after="rename")
    assert not (project / REPORT).exists()  # the one moment the folder is away: the staging folder has it
    (stage,) = leftovers(project)
    code, _, err = run(capsys, "import", SOURCE, "--out", project / REPORT)  # without --force: refused
    assert code == 1 and "thư mục báo cáo đã có, không ghi đè" in err
    assert leftovers(project) == []
    # The old report is back, byte for byte; only the new evidence files (valid, unused) were added.
    after = tree(project / "content")
    assert {k: v for k, v in after.items() if k not in ("evidence/kh-128-ubnd-2024.yaml",
                                                        "evidence/kh-157-ubnd-2024.yaml")} == before


def test_a_kill_after_the_exchange_leaves_the_new_report_and_the_backup(imported, capsys, tmp_path):
    project = imported
    old_report = tree(project / REPORT)
    killed_import(project, next_year_source(tmp_path), kill_after="exchange")
    (backup,) = (project / "sao-luu").iterdir()
    assert tree(backup) == old_report
    assert b"kh-128-ubnd-2024" in (project / REPORT / "tasks/nhiem-vu-01.yaml").read_bytes()
    assert len(leftovers(project)) == 1  # holding the old folder, which the backup already has
    assert run(capsys, "import", SOURCE, "--out", project / "content/reports/khac")[0] == 0
    assert leftovers(project) == []
    assert tree(backup) == old_report


def test_a_leftover_staging_folder_is_removed_by_the_next_import(project, capsys):
    stage = project / ".phuong-import-x1y2z3"
    (stage / "bao-cao-moi/tasks").mkdir(parents=True)
    (stage / "bao-cao-moi/report.yaml").write_text("doc_type: BÁO CÁO\n", encoding="utf-8")
    (stage / "tep-moi/evidence").mkdir(parents=True)
    (stage / "tep-moi/evidence/kh-1-ubnd-2024.yaml").write_text("kind: van-ban\n", encoding="utf-8")
    before = tree(project / "content")
    code, _, err = run(capsys, "import", SOURCE, "--out", project / REPORT)
    assert code == 0, err
    assert leftovers(project) == []
    assert sorted(set(tree(project / "content")) - set(before)) == \
        ["reports/nhap", "reports/nhap/report.yaml", "reports/nhap/tasks",
         *[f"reports/nhap/tasks/nhiem-vu-{n:02d}.yaml" for n in range(1, 14)]]


# --- limits ------------------------------------------------------------------------------------

def deflated(chunk: bytes, times: int) -> tuple[bytes, int, int]:
    """Raw deflate data unpacking to ``chunk * times``, made by compressing ``chunk`` once: each
    copy ends with a full flush, so copies can follow each other. Returns (data, CRC-32, size)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    return block * times + zlib.compressobj(9, zlib.DEFLATED, -15).flush(), crc, len(chunk) * times


def write_zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> Path:
    """A zip of already-deflated members (name, data, CRC-32, unpacked size), as Word writes one."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, data, crc, size in members:
        offset, raw_name = out.tell(), name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size,
                              len(raw_name), 0) + raw_name + data)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                                  len(raw_name), 0, 0, 0, 0, 0, offset) + raw_name)
    directory = central.getvalue()
    out.write(directory + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory),
                                      out.tell(), 0))
    path.write_bytes(out.getvalue())
    return path


def real_docx_members() -> list[tuple[str, bytes, int, int]]:
    buffer = io.BytesIO()
    Document().save(buffer)
    members = []
    with zipfile.ZipFile(buffer) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            packer = zlib.compressobj(9, zlib.DEFLATED, -15)
            members.append((info.filename, packer.compress(data) + packer.flush(), zlib.crc32(data), len(data)))
    return members


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory) -> Path:
    """A .docx of about 1 MB whose word/document.xml unpacks to 1 GiB."""
    members = [m for m in real_docx_members() if m[0] != "word/document.xml"]
    path = write_zip(tmp_path_factory.mktemp("bom") / "bao-cao.docx",
                     [("word/document.xml", *deflated(b"\0" * MB, 1024)), *members])
    assert path.stat().st_size < 1.1 * MB
    assert zipfile.ZipFile(path).getinfo("word/document.xml").file_size == 1 << 30
    return path


def test_a_zip_bomb_is_refused_at_once(project, capsys, zip_bomb):
    before = tree(project)
    packed = zipfile.ZipFile(zip_bomb).getinfo("word/document.xml").compress_size
    started = time.perf_counter()
    code, out, err = run(capsys, "import", zip_bomb, "--out", project / REPORT)
    elapsed = time.perf_counter() - started
    assert code == 1 and out == ""
    assert elapsed < 0.5, f"{elapsed:.2f} s"
    assert err.startswith(
        f"{zip_bomb}: lỗi: tệp .docx khi giải nén quá lớn so với kích thước tệp (tìm thấy: phần word/document.xml: "
        f"1 MB khi nén, 1.024 MB khi giải nén (gấp {vn_number((1 << 30) / packed)} lần); cần: mỗi phần không quá "
        "50 MB khi giải nén và không nén quá 200 lần; tệp có thể bị hỏng hoặc là tệp độc hại (bom nén): "
        "đừng mở tệp này, xin lại tệp gốc từ người soạn hoặc lưu lại từ Word)\n"), err
    assert err.endswith("Tìm thấy 1 lỗi trong tệp nguồn. Hãy sửa các chỗ trên rồi chạy lại.\nChưa ghi tệp nào.\n")
    assert tree(project) == before


def test_parts_that_unpack_to_more_than_the_total_limit_are_refused(project, capsys, tmp_path):
    # Each part is within its own limits (40 MB, about 8 times smaller packed); together 120 MB.
    chunk = random.Random(4).randbytes(MB // 8) + b"\0" * (MB - MB // 8)
    part = deflated(chunk, 40)
    members = [(f"word/media/anh{i}.bin", *part) for i in range(3)] + real_docx_members()
    source = write_zip(tmp_path / "bao-cao.docx", members)
    total = sum(size for *_, size in members)
    code, _, err = run(capsys, "import", source, "--out", project / REPORT)
    assert code == 1
    assert f"{source}: lỗi: tệp .docx khi giải nén quá lớn (tìm thấy: tổng {vn_number(total / MB, 1)} MB khi " \
           "giải nén; cần: không " \
           "quá 100 MB: bỏ hoặc thu nhỏ hình ảnh trong báo cáo, lưu lại rồi nhập lại)" in err


@pytest.mark.parametrize("suffix, size_mb, limit", [(".docx", 21, 20), (".txt", 6, 5)])
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(project, capsys, tmp_path, suffix, size_mb, limit):
    source = tmp_path / f"bao-cao{suffix}"
    with open(source, "wb") as handle:
        handle.truncate(size_mb * MB)  # sparse: nothing is written, nothing is read
    code, _, err = run(capsys, "import", source, "--out", project / REPORT)
    assert code == 1
    assert f"{source}: lỗi: tệp quá lớn để nhập (tìm thấy: {size_mb} MB; cần: tệp {suffix} không quá {limit} MB" \
        in err


def test_too_many_paragraphs_in_a_text_export_are_refused_before_the_table_is_read(project, capsys, tmp_path):
    text = SOURCE.read_text(encoding="utf-8")
    at = text.index("2. Kết quả thực hiện")
    source = tmp_path / "bao-cao.txt"
    source.write_text(text[:at] + "Đoạn văn thêm.\n" * 20_000 + text[at:], encoding="utf-8")
    started = time.perf_counter()
    code, _, err = run(capsys, "import", source, "--out", project / REPORT)
    assert time.perf_counter() - started < 2
    assert code == 1
    assert err.startswith(f"{source}: lỗi: báo cáo có quá nhiều đoạn văn (tìm thấy: 20.022 đoạn văn; cần: không "
                          "quá 20.000 đoạn văn (tính cả đoạn trong ô bảng): kiểm tra đúng tệp báo cáo; báo cáo quá "
                          "dài thì tách thành nhiều báo cáo)\n")


def test_too_many_table_rows_are_refused(project, capsys, tmp_path):
    source = tmp_path / "bao-cao.txt"
    source.write_text(SOURCE.read_text(encoding="utf-8") + "\t- Tiếp theo.\t\t\n" * 5_000, encoding="utf-8")
    code, _, err = run(capsys, "import", source, "--out", project / REPORT)
    assert code == 1
    assert f"{source}: lỗi: báo cáo có quá nhiều hàng bảng (tìm thấy: 5.026 hàng; cần: không quá 5.000 hàng " \
           "bảng: kiểm tra đúng tệp báo cáo; phụ lục quá dài thì tách thành nhiều báo cáo)" in err


def test_too_many_paragraphs_in_a_word_file_are_refused(project, capsys, tmp_path):
    document = Document()
    body = document.element.body
    template = document.add_paragraph("Đoạn văn.")._p
    for _ in range(20_000):  # copies of one paragraph's XML: much faster than add_paragraph
        body.append(template.__copy__())
    source = tmp_path / "bao-cao.docx"
    document.save(str(source))
    code, _, err = run(capsys, "import", source, "--out", project / REPORT)
    assert code == 1
    assert f"{source}: lỗi: báo cáo có quá nhiều đoạn văn (tìm thấy: 20.001 đoạn văn;" in err


def test_a_paragraph_joined_over_many_rows_is_refused_naming_the_row(project, capsys, tmp_path):
    # Rows without STT continue the task above; 3,000 of them join into one 100,000-character sentence.
    source = tmp_path / "bao-cao.txt"
    source.write_text(SOURCE.read_text(encoding="utf-8") + "\tvà tiếp tục theo dõi việc thực hiện\t\t\n" * 3_000,
                      encoding="utf-8")
    line = len(SOURCE.read_text(encoding="utf-8").splitlines()) - 1  # task 13's row, which the rows continue
    task = YAML(typ="safe").load(FIXTURES / "content-2024/reports/2024-cam-ket-par-index-sipas-papi/tasks/"
                                 "nhiem-vu-13.yaml")
    joined = len(task["content"][-1]) + 3_000 * len(" và tiếp tục theo dõi việc thực hiện")
    started = time.perf_counter()
    code, _, err = run(capsys, "import", source, "--out", project / REPORT)
    assert time.perf_counter() - started < 5
    assert code == 1
    assert f"{source}:{line}: lỗi: bảng phụ lục, hàng 26, cột 2 (NỘI DUNG, NHIỆM VỤ): đoạn văn quá dài sau khi " \
           f"nối các hàng không có STT (tìm thấy: {vn_number(joined)} ký tự; cần: mỗi đoạn không quá 50.000 ký tự: " \
           "kiểm tra các hàng không có STT bên dưới (chúng được nối vào nhiệm vụ này), tách đoạn hoặc điền STT)" in err


# --- the process ---------------------------------------------------------------------------------

def test_the_process_exits_with_status_1_and_no_traceback(project, zip_bomb):
    result = subprocess.run([sys.executable, "-m", "generator", "import", str(zip_bomb), "--out",
                             str(project / REPORT)], capture_output=True, text=True, cwd=project,
                            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    assert result.returncode == 1
    assert result.stdout == ""
    assert "lỗi: tệp .docx khi giải nén quá lớn" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.endswith("Chưa ghi tệp nào.\n")
