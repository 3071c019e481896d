"""Property-based tests: whatever a clerk types, the loader, the citation parser and the figure
finder end with our own message or a valid result, within their limits, never a traceback.

Inputs are drawn from the characters that matter to each parser (YAML punctuation, digits and
Vietnamese number marks, document-citation words), so short examples reach the hard cases.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.analysis.citations import parse
from generator.analysis.figures import report_figures
from generator.analysis.finder import find
from generator.content.load import load_content
from generator.content.located import Located
from generator.content.reports import ReportEntry
from generator.content.yamlfile import read_yaml
from generator.problems import ContentError, Problem
from generator.schema.report import Report, Signature, Task

PROPERTY = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])

YAML_PIECES = st.sampled_from([
    "a", "title", "number", "date", ":", ": ", "-", "- ", "\n", "  ", " ", "[", "]", "{", "}", ",", "'", '"',
    "#", "&x", "*x", "!!str", "!tag", "|", ">", "?", "%", "@", "`", "\t", "1", "2024-13-01", "07/6/2024",
    "đ", "Ế", "\\", "~", "null", "true", "1.5", "\ufeff", "\r\n", "0x1F", "<b>", "---", "...",
])
yaml_texts = st.lists(YAML_PIECES, max_size=60).map("".join)

NUMBER_PIECES = st.sampled_from([
    "1", "01", "2.948", "2926", "99,3", "7.159.635.648", "004.918.360", "100", "0", "%", "/", " ", ",", ".",
    "(", ")", "đạt", "tỷ lệ", "trong đó", "gồm", "và", "hồ sơ", "đồng", "trên tổng số", "chiếm", "bằng", ";",
    "1/0", "99,", ",5", "..", "1.2.3", "12/12/2024",
])
figure_texts = st.lists(NUMBER_PIECES, min_size=1, max_size=50).map(" ".join).filter(str.strip)

CITATION_PIECES = st.sampled_from([
    "Kế hoạch", "kế hoạch", "số", "124/KH-UBND", "124 / KH - UBND", "ngày", "26/02/2024", "31/02/2024",
    "26 tháng 02 năm 2024", "của", "UBND phường", "về", "thực hiện", ";", ".", ",", "(", ")", "Công văn",
    "1/", "/", "-", "Luật", "13/2018/NĐ-CP", " ", "\n", "Quyết định", "ngày 1/1/99999",
])
citation_texts = st.lists(CITATION_PIECES, max_size=40).map(" ".join)


@PROPERTY
@given(text=yaml_texts)
def test_any_yaml_text_is_read_or_refused_with_our_message(tmp_path: Path, text: str) -> None:
    path = tmp_path / "tep.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        doc = read_yaml(path, "content/tep.yaml")
    except ContentError as exc:
        assert exc.problems and all(isinstance(p, Problem) and p.file == "content/tep.yaml" for p in exc.problems)
        return
    for loc in [(), ("title",), (0,), ("a", 0, "b")]:
        line = doc.line_of(loc)
        assert line is None or line >= 1


@PROPERTY
@given(data=st.data())
def test_any_task_file_loads_or_is_refused_with_located_messages(project: Path, data: st.DataObject) -> None:
    task = project / "content/reports/2024-cam-ket-par-index-sipas-papi/tasks/nhiem-vu-13.yaml"
    text = data.draw(st.one_of(yaml_texts,
                               yaml_texts.map(lambda tail: "number: 13\ncontent:\n  - x\nresult:\n" + tail)))
    task.write_text(text, encoding="utf-8")
    try:
        load_content(project / "content", project, dt.date(2024, 12, 31))
    except ContentError as exc:
        assert all(str(p).startswith("content/") for p in exc.problems)


@PROPERTY
@given(text=citation_texts)
def test_citation_parser_accepts_any_text(text: str) -> None:
    for citation in parse(text):
        assert 0 <= citation.start <= citation.end_of_reference <= len(text)
        citation.day()  # an impossible date is None, never an exception
        assert citation.symbol and " " not in citation.symbol


def _entry(paragraph: str) -> ReportEntry:
    report = Report(doc_type="BÁO CÁO", symbol="BC-UBND", place="Phường 4", year=2024, title="Báo cáo",
                    signature=Signature(on_behalf="TM. ỦY BAN NHÂN DÂN", position="CHỦ TỊCH", name="A"))
    task = Task(number=1, content=["Nhiệm vụ"], result=[paragraph])
    where = Located("content/reports/x/tasks/nhiem-vu-01.yaml")
    return ReportEntry("x", report, (task,), where, (where,))


@PROPERTY
@given(text=figure_texts)
def test_figure_finder_accepts_any_text(text: str) -> None:
    for stated in find(text):
        assert stated.written
    for figure in report_figures(_entry(text)):
        assert figure.status is not None
        assert figure.working  # the explanation shown on the page is always there
