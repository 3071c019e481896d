"""Importing the 2024 source (plain-text export, and the same report in Word) gives the hand-checked content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, REPORT_SLUG, build
from word_report import from_content, write_docx

from generator.content.load import load_content
from generator.schema.report import Header, Report, Task

FIXTURE = FIXTURES / "bao-cao-2024.txt"
HAND = REPORT_SLUG
HAND_CONTENT = FIXTURES / "content-2024"  # the hand-checked content the import must reproduce


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
def hand(content_2024):
    return next(e for e in content_2024.reports if e.slug == HAND), content_2024


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_same_content(project: Path, hand, header: Header | None = None, unit: str | None = None) -> None:
    """``header`` and ``unit``: what the source's header says (the text export has no agency lines)."""
    entry, hand_content = hand
    imported = load_content(project / "content", project)
    got = next(e for e in imported.reports if e.slug == "nhap")
    assert (got.report.header, got.report.unit) == (header or Header(), unit)
    for name in (n for n in Report.model_fields if n not in ("header", "unit")):
        assert norm(getattr(got.report, name) and got.report.model_dump()[name]) == \
            norm(getattr(entry.report, name) and entry.report.model_dump()[name]), f"report.{name}"
    assert [t.number for t in got.tasks] == list(range(1, 14))
    for mine, theirs in zip(got.tasks, entry.tasks, strict=True):
        # `figures` are checks a clerk adds by hand after import; the source has none.
        for name in (n for n in Task.model_fields if n != "figures"):
            assert norm(mine.model_dump()[name]) == norm(theirs.model_dump()[name]), f"task {mine.number}.{name}"
    # Evidence ids are the register's: nothing new was added, nothing changed.
    assert snapshot(project / "content" / "evidence") == snapshot(HAND_CONTENT / "evidence")
    assert set(imported.evidence) == set(hand_content.evidence)


def test_text_export_imports_to_the_hand_checked_content(project, cli_run, hand):
    result = cli_run("import", FIXTURE, "--out", project / "content/reports/nhap")
    assert result.code == 0, result.err
    assert "13 nhiệm vụ, 0 tài liệu kiểm chứng mới, 13 tài liệu dùng lại" in result.out
    assert_same_content(project, hand)


def test_written_yaml_has_the_hand_written_layout(project, cli_run):
    """Apart from the comment lines, every file is byte for byte what the clerk wrote."""
    assert cli_run("import", FIXTURE, "--out", project / "content/reports/nhap").code == 0
    hand_dir = HAND_CONTENT / "reports" / HAND
    mine_dir = project / "content" / "reports" / "nhap"
    # Comment lines differ, and hand-added `figures:` (always last) are not in the source.
    strip = lambda text: re.sub(r"(?ms)^figures:.*", "", re.sub(r"(?m)^#.*\n", "", text))  # noqa: E731
    names = sorted(p.relative_to(hand_dir).as_posix() for p in hand_dir.rglob("*.yaml"))
    assert names == sorted(p.relative_to(mine_dir).as_posix() for p in mine_dir.rglob("*.yaml"))
    for name in names:
        mine, theirs = ((folder / name).read_text(encoding="utf-8") for folder in (mine_dir, hand_dir))
        assert strip(mine) == strip(theirs), name


def test_word_report_imports_to_the_same_content(project, cli_run, hand, tmp_path):
    docx = write_docx(from_content(hand[1]), tmp_path / "bao-cao-2024.docx")
    result = cli_run("import", docx, "--out", project / "content/reports/nhap")
    assert result.code == 0, result.err
    # The Word file has the NĐ 30/2020 header (write_docx); the hand-checked content, from the export, does not.
    assert_same_content(project, hand, Header(superior="UBND THÀNH PHỐ ĐÔNG HÀ", issuer="ỦY BAN NHÂN DÂN PHƯỜNG 4"),
                        "Ủy ban nhân dân phường 4")


def test_reimport_over_the_2024_report_and_build_the_site(project, cli_run, tmp_path):
    """The clerk's whole path: import (with --force over the old folder), then build."""
    out = project / "content" / "reports" / HAND
    refused = cli_run("import", FIXTURE, "--out", out)
    assert refused.code == 1
    assert "thư mục báo cáo đã có, không ghi đè" in refused.err
    assert "Chưa ghi tệp nào." in refused.err
    result = cli_run("import", FIXTURE, "--out", out, "--force")
    assert result.code == 0, result.err
    assert sorted(p.name for p in (out / "tasks").iterdir()) == [f"nhiem-vu-{n:02d}.yaml" for n in range(1, 14)]
    assert not list((project / "content").glob(".import-*"))
    site = build(project, tmp_path / "site")
    html = (site / "bao-cao" / HAND / "nhiem-vu-10.html").read_text(encoding="utf-8")
    assert "Kế hoạch số 156/KH-UBND ngày 08/3/2024" in html
