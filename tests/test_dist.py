"""The upload package (issue 14): reproducible, refused when it would publish by accident, a list
of what changed, and safe to interrupt. Built from fixture content in temporary folders."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, TASKS, edit
from package_files import PACKAGE, PORTAL_DATE, REPORT_FILE, entries, portal_project

from generator.commands import dist as dist_command

DATE = "2024-06-30"


def package(cli_run, project: Path, *flags: str):
    return cli_run("--project", project, "dist", "--as-of", DATE, *flags)


@pytest.fixture(scope="module")
def packaged(tmp_path_factory) -> Path:
    """The portal fixture packaged once (draft decided, --allow-draft): its dist/ folder."""
    from generator import cli

    project = portal_project(tmp_path_factory.mktemp("packaged") / "project")
    assert cli.main(["--project", str(project), "dist", "--as-of", DATE, "--allow-draft"]) == 0
    return project / "dist"


def test_same_content_and_date_give_the_same_bytes(packaged, tmp_path):
    # The same fixture copied later (copies keep the files' times), packaged by another process
    # in another time zone: nothing may depend on when or where the package was made.
    project = portal_project(tmp_path / "again")
    source_times = {p: p.stat().st_mtime for p in (packaged.parent / "content").rglob("*") if p.is_file()}
    for path, mtime in source_times.items():  # the report got its decision at another moment
        twin = project / path.relative_to(packaged.parent)
        os.utime(twin, (mtime, mtime))
    env = {"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "TZ": "America/New_York", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "generator", "--project", str(project), "dist", "--as-of", DATE,
                           "--allow-draft"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (project / "dist" / PACKAGE).read_bytes() == (packaged / PACKAGE).read_bytes()
    with zipfile.ZipFile(packaged / PACKAGE) as archive:
        infos = archive.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    epoch = int(max(source_times.values()))  # the content's last change, not the time of packaging
    assert json.loads(entries(packaged / PACKAGE)["manifest.json"])["source_date_epoch"] == epoch
    stamp = time.gmtime(epoch)
    assert {i.date_time for i in infos} == {(*stamp[:5], stamp.tm_sec // 2 * 2)}  # zip keeps even seconds
    sitemap_time = int.from_bytes(entries(packaged / PACKAGE)["sitemap.xml.gz"][4:8], "little")
    assert sitemap_time == epoch - epoch % 86400  # MkDocs dates the sitemap by SOURCE_DATE_EPOCH's day
    assert {i.external_attr >> 16 for i in infos} == {0o100644}
    assert not [n for n in names if n.endswith((".map", ".phuong-site")) or n == "404.html" or "/." in f"/{n}"]


def test_the_package_lists_its_pages_sources_versions_and_gaps(packaged):
    inside = entries(packaged / PACKAGE)
    assert (packaged / "MANIFEST.sha256").read_bytes() == inside["MANIFEST.sha256"]
    assert (packaged / "manifest.json").read_bytes() == inside["manifest.json"]
    lines = inside["MANIFEST.sha256"].decode().splitlines()
    assert lines == sorted(lines, key=lambda line: line.split("  ", 1)[1])
    assert len(lines) == len(inside) - 1  # every file but the list itself
    info = json.loads(inside["manifest.json"])
    assert info["package"] == PACKAGE and info["as_of"] == DATE
    assert set(info["versions"]) == {"phuong-site", "mkdocs", "mkdocs-material"}
    report = info["reports"][0]
    assert report["source"] == REPORT_FILE and report["draft"] is True
    assert report["draft_publication"]["decided_on"] == "20/11/2024"
    assert len(info["tasks"]) == 13 and info["tasks"][0]["page"] in inside
    item = next(i for i in info["disclosure_items"] if i["id"] == "tb-15-ubnd-2024")
    assert item["attachment"]["path"] in inside and len(item["source_sha256"]) == 64
    assert any({"category": "quy-hoach-do-thi", "state": "thiếu"}.items() <= gap.items()
               for gap in info["disclosure_gaps"])
    changes = (packaged / "THAY-DOI.md").read_text(encoding="utf-8")
    assert "gói đầu tiên" in changes and "30/06/2024" in changes


def test_a_draft_is_refused_naming_the_file_and_the_missing_fields(cli_run, project):
    result = package(cli_run, project, "--allow-draft")
    assert result.code == 1
    assert f"{REPORT_FILE}:5: lỗi: number, date: báo cáo là bản dự thảo" in result.err
    assert "draft_publication:" in result.err and "decided_by" in result.err and "--allow-draft" in result.err
    assert "Không tạo gói" in result.err
    assert not list((project / "dist").glob("*.zip"))


def test_a_decided_draft_needs_allow_draft_then_is_packaged_with_its_notice(cli_run, tmp_path):
    project = portal_project(tmp_path / "project")
    refused = package(cli_run, project)
    assert refused.code == 1 and "nhưng gói không được tạo với --allow-draft" in refused.err
    made = package(cli_run, project, "--allow-draft")
    assert made.code == 0, made.err
    assert "Ngày tham chiếu của gói: 30/06/2024" in made.out
    page = entries(project / "dist" / PACKAGE)["bao-cao/2024-cam-ket-par-index-sipas-papi/index.html"].decode()
    assert "bản dự thảo" in page and "quyết định của Nguyễn Tài Hoàng Na, Chủ tịch UBND phường ngày 20/11/2024" in page


def test_the_error_page_is_packaged_only_when_built_for_a_known_folder(cli_run, tmp_path, monkeypatch):
    # The default package (no address set) leaves 404.html out: see test_same_content_and_date_give_the_same_bytes.
    project = portal_project(tmp_path / "project")
    monkeypatch.setenv("PHUONG_BASE_PATH", "/cong-khai/")
    made = package(cli_run, project, "--allow-draft")
    assert made.code == 0, made.err  # the package passed verify, which allows the error page's <base> only
    page = entries(project / "dist" / PACKAGE)["404.html"].decode()
    assert page.count('<base href="/cong-khai/">') == 1
    assert re.findall(r'\s(?:href|src|action)="/', page) == [' href="/']  # the <base> only: links are relative


def test_an_unacknowledged_figure_stops_the_package(cli_run, tmp_path):
    project = portal_project(tmp_path / "project")
    edit(project, f"{TASKS}/nhiem-vu-13.yaml", "result:\n", 'result:\n  - "Đã giải quyết 10/20 hồ sơ, đạt 95%."\n')
    result = package(cli_run, project, "--allow-draft")
    assert result.code == 1
    assert f"{TASKS}/nhiem-vu-13.yaml" in result.err and "acknowledged" in result.err
    assert not (project / "dist" / PACKAGE).exists()


def test_changes_list_added_changed_and_removed_files_by_page_type(cli_run, packaged, tmp_path):
    project = portal_project(tmp_path / "project")
    dist = project / "dist"
    dist.mkdir()
    shutil.copy(packaged / PACKAGE, dist / PACKAGE)
    (project / "content/disclosure/items/ban-do-dia-gioi.yaml").unlink()
    (project / "content/disclosure/files/dia-gioi/ban-do.png").unlink()
    shutil.copy(project / "content/news/ra-quan-ve-sinh.yaml", project / "content/news/tin-moi.yaml")
    result = cli_run("--project", project, "dist", "--as-of", "2024-07-01", "--allow-draft")
    assert result.code == 0, result.err
    text = (dist / "THAY-DOI.md").read_text(encoding="utf-8")
    added, rest = text.split("## 1. Thêm mới", 1)[1].split("## 2. Thay đổi", 1)
    changed, removed = rest.split("## 3. Cần xóa", 1)
    assert "### Tin (" in added and "- [ ] `tin-hoat-dong/tin-moi.html`" in added
    assert "### Thông tin công khai (" in removed
    assert "- [ ] `cong-khai/dia-gioi-hanh-chinh/ban-do-dia-gioi.html`" in removed
    assert "### Tệp đính kèm (1)" in removed and "ban-do.png`" in removed
    assert "`cong-khai/tinh-trang-cong-khai.html`" in changed  # the reference date moved
    assert f"So với gói trước: {PACKAGE}." in text
    assert (dist / PACKAGE).read_bytes() == (packaged / PACKAGE).read_bytes()  # the old package stays


def test_a_failure_while_writing_leaves_the_previous_package(cli_run, packaged, tmp_path, monkeypatch):
    project = portal_project(tmp_path / "project")
    dist = project / "dist"
    dist.mkdir()
    shutil.copy(packaged / PACKAGE, dist / PACKAGE)
    before = {p.name: p.read_bytes() for p in dist.iterdir()}

    def half_then_fail(target, files, epoch):
        target.write_bytes(b"PK\x03\x04 half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(dist_command, "write_zip", half_then_fail)
    with pytest.raises(OSError):
        dist_command.run(project, Path("dist"), PORTAL_DATE, None, True)
    assert {p.name: p.read_bytes() for p in dist.iterdir() if p.name != dist_command.LOCK} == before
    monkeypatch.undo()
    assert cli_run("--project", project, "dist", "--as-of", DATE, "--allow-draft").code == 0


KILLED = """
import sys, time
from generator import cli
from generator.util import zips
real = zips.write_zip
def slow(target, files, epoch):
    real(target, files, epoch)
    print("written", flush=True)
    time.sleep(60)
import generator.commands.dist as d
d.write_zip = slow
sys.exit(cli.main(sys.argv[1:]))
"""


def test_a_killed_process_leaves_the_previous_package_and_no_half_zip(packaged, tmp_path):
    project = portal_project(tmp_path / "project")
    dist = project / "dist"
    dist.mkdir()
    old = dist / "ubnd-phuong-4-2024-06-29.zip"
    shutil.copy(packaged / PACKAGE, old)
    env = {"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-c", KILLED, "--project", str(project), "dist", "--as-of", DATE,
                                "--allow-draft"], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("written"):
            break
    partial = [p for p in dist.iterdir() if p.name.startswith(f".{PACKAGE}")]
    assert partial, "the zip is written under a temporary name"
    process.kill()
    process.wait()
    assert not (dist / PACKAGE).exists()
    assert old.read_bytes() == (packaged / PACKAGE).read_bytes()
    assert zipfile.ZipFile(old).testzip() is None
    again = subprocess.run([sys.executable, "-m", "generator", "--project", str(project), "dist", "--as-of", DATE,
                            "--allow-draft"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"So với gói trước: {old.name}." in (dist / "THAY-DOI.md").read_text(encoding="utf-8")
    assert not [p for p in dist.iterdir() if ".tmp-" in p.name or p.name.startswith(".dist-build-")]


def test_the_package_is_never_written_into_the_project_sources(cli_run, project):
    result = cli_run("--project", project, "dist", "--as-of", DATE, "--out", project / "content" / "goi")
    assert result.code == 1
    assert "thư mục này nằm trong content/ của dự án" in result.err
    assert not (project / "content" / "goi").exists()
