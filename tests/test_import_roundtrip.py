"""Importing the 2024 source (plain-text export, and the same report in Word) gives the hand-checked content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, run_generator
from generator.content.load import load_content
from generator.schema.report import Report, Task
from word_report import from_content, write_docx

FIXTURE = ROOT / "tests" / "fixtures" / "bao-cao-2024.txt"
HAND = "2024-cam-ket-par-index-sipas-papi"


def norm(value):
    """Whitespace-normalised plain data, so comparisons ignore line wrapping only."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [norm(v) for v in value]
    if isinstance(value, dict):
        return {k: norm(v) for k, v in value.items()}
    return value


@pytest.fixture(scope="module")
def hand():
    content = load_content(ROOT / "content", ROOT)
    return next(e for e in content.reports if e.slug == HAND), content


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_same_content(project: Path, hand) -> None:
    entry, hand_content = hand
    imported = load_content(project / "content", project)
    got = next(e for e in imported.reports if e.slug == "nhap")
    for name in Report.model_fields:
        assert norm(getattr(got.report, name) and got.report.model_dump()[name]) == \
            norm(getattr(entry.report, name) and entry.report.model_dump()[name]), f"report.{name}"
    assert [t.number for t in got.tasks] == list(range(1, 14))
    for mine, theirs in zip(got.tasks, entry.tasks, strict=True):
        # `figures` are checks a clerk adds by hand after import; the source has none.
        for name in (n for n in Task.model_fields if n != "figures"):
            assert norm(mine.model_dump()[name]) == norm(theirs.model_dump()[name]), f"task {mine.number}.{name}"
    # Evidence ids are the register's: nothing new was added, nothing changed.
    assert snapshot(project / "content" / "evidence") == snapshot(ROOT / "content" / "evidence")
    assert set(imported.evidence) == set(hand_content.evidence)


def test_text_export_imports_to_the_hand_checked_content(project_copy, hand):
    result = run_generator("import", str(FIXTURE), "--out", str(project_copy / "content/reports/nhap"))
    assert result.returncode == 0, result.stderr
    assert "13 nhiệm vụ, 0 tài liệu kiểm chứng mới, 13 tài liệu dùng lại" in result.stdout
    assert_same_content(project_copy, hand)


def test_written_yaml_has_the_hand_written_layout(project_copy):
    """Apart from the comment lines, every file is byte for byte what the clerk wrote."""
    assert run_generator("import", str(FIXTURE), "--out", str(project_copy / "content/reports/nhap")).returncode == 0
    hand_dir = ROOT / "content" / "reports" / HAND
    mine_dir = project_copy / "content" / "reports" / "nhap"
    # Comment lines differ, and hand-added `figures:` (always last) are not in the source.
    strip = lambda text: re.sub(r"(?ms)^figures:.*", "", re.sub(r"(?m)^#.*\n", "", text))  # noqa: E731
    names = sorted(p.relative_to(hand_dir).as_posix() for p in hand_dir.rglob("*.yaml"))
    assert names == sorted(p.relative_to(mine_dir).as_posix() for p in mine_dir.rglob("*.yaml"))
    for name in names:
        assert strip((mine_dir / name).read_text(encoding="utf-8")) == strip((hand_dir / name).read_text(encoding="utf-8")), name


def test_word_report_imports_to_the_same_content(project_copy, hand, tmp_path):
    docx = write_docx(from_content(hand[1]), tmp_path / "bao-cao-2024.docx")
    result = run_generator("import", str(docx), "--out", str(project_copy / "content/reports/nhap"))
    assert result.returncode == 0, result.stderr
    assert_same_content(project_copy, hand)


def test_reimport_over_the_2024_report_and_build_the_site(project_copy, tmp_path):
    """The clerk's whole path: import (with --force over the old folder), then build."""
    out = project_copy / "content" / "reports" / HAND
    refused = run_generator("import", str(FIXTURE), "--out", str(out))
    assert refused.returncode == 1
    assert "thư mục báo cáo đã có, không ghi đè" in refused.stderr
    assert "Chưa ghi tệp nào." in refused.stderr
    result = run_generator("import", str(FIXTURE), "--out", str(out), "--force")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (out / "tasks").iterdir()) == [f"nhiem-vu-{n:02d}.yaml" for n in range(1, 14)]
    assert not list((project_copy / "content").glob(".import-*"))
    site = tmp_path / "site"
    built = run_generator("--project", str(project_copy), "build", "--site-dir", str(site))
    assert built.returncode == 0, built.stderr
    html = (site / "bao-cao" / HAND / "nhiem-vu-10.html").read_text(encoding="utf-8")
    assert "Kế hoạch số 156/KH-UBND ngày 08/3/2024" in html
