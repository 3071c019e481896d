"""``python -m generator check``: every content problem, the figure checks and the disclosure status."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from ..analysis import privacy, status
from ..analysis.audit import Audit, audit
from ..analysis.figures import Status
from ..analysis.personal import key
from ..content.load import load_content
from ..content.model import Content
from ..problems import ContentError, Severity, format_problems
from ..util.vn import vn_date


def run(content_dir: Path, project: Path, as_of: dt.date | None, *, strict_figures: bool,
        strict_disclosure: bool) -> int:
    """Content summary, figure checks and disclosure status; every problem listed once, on stderr."""
    try:
        content = load_content(content_dir, project, as_of)
    except ContentError as exc:
        print(format_problems(exc.problems), file=sys.stderr)
        return 1
    print(f"Nội dung hợp lệ: {len(content.reports)} báo cáo, "
          f"{sum(len(r.tasks) for r in content.reports)} nhiệm vụ, {len(content.evidence)} tài liệu kiểm chứng.")
    found = audit(content)
    print(figure_summary(found))
    print(status_table(content))
    scanned = privacy.scan(content, project, Severity.warning)  # an error for the upload package only
    print(allow_list(content, scanned))
    problems = (list(content.warnings) + found.problems + status.problems(content, strict_disclosure)
                + scanned.problems)
    if problems:
        print(format_problems(problems), file=sys.stderr)
    return 1 if found.failed or any(p.severity is Severity.error for p in problems) else 0


def figure_summary(result: Audit) -> str:
    """Every figure with its status, tasks without evidence, cited documents outside the register."""
    figures = result.figures
    counts = {state: sum(1 for f in figures if f.status is state) for state in Status}
    lines = [f"Số liệu: {len(figures)} số liệu, {counts[Status.ok]} khớp, "
             f"{counts[Status.mismatch]} lệch, {counts[Status.stated]} chỉ nêu tỷ lệ."]
    for f in figures:
        where = f"{f.file}:{f.line}" if f.line else f.file
        lines.append(f"  {where}: nhiệm vụ {f.task}: {f.status.value}: {f.working}")
    for entry, tasks in result.uncovered:
        numbers = ", ".join(str(t.number) for t in tasks) or "không có"
        lines.append(f"Nhiệm vụ không nêu tài liệu kiểm chứng ({entry.report.doc_type.lower()} năm "
                     f"{entry.report.year}): {numbers}.")
    outside = [d for d in result.cited if d.evidence_id is None]
    lines.append(f"Văn bản được dẫn chiếu ngoài sổ tài liệu kiểm chứng: {len(outside)} "
                 f"({', '.join(d.symbol for d in outside) or 'không có'}).")
    return "\n".join(lines)


def status_table(content: Content) -> str:
    """The status as plain text for the terminal: the same rows as the built page."""
    disclosure = content.disclosure
    if disclosure is None:
        return "Không có chuyên mục công khai (thiếu content/disclosure/categories.yaml)."
    header = ("Chuyên mục", "Bắt buộc", "Số mục", "Đăng gần nhất", "Tình trạng")
    lines = [header] + [(r.category.title, "có" if r.required else "không", str(r.count),
                         vn_date(r.last_published) if r.last_published else "—", r.state.value)
                        for r in status.rows(content)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = [f"Tình trạng công khai tính đến ngày {vn_date(disclosure.as_of)}:"]
    for line in lines:
        text.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
    return "\n".join(text)


def allow_list(content: Content, scanned: privacy.Scan) -> str:
    """The allow-list of personal data, for a reviewer: each value, its reason, and whether it is still used."""
    allowed = content.allowed
    if not allowed.entries:
        return (f"Dữ liệu cá nhân được phép công khai ({allowed.file}): không có. Số điện thoại di động, thư điện "
                "tử, số CCCD… trong nội dung sẽ chặn việc đóng gói (make dist).")
    lines = [f"Dữ liệu cá nhân được phép công khai ({allowed.file}), hãy rà soát:"]
    for i, entry in enumerate(allowed.entries):
        uses = scanned.allowed_uses[key(entry.value)]
        seen = f"gặp {uses} lần trong nội dung" if uses else "không gặp trong nội dung, có thể xóa khỏi danh sách"
        line = allowed.line(i)
        lines.append(f"  {entry.value}: {entry.reason} ({'dòng ' + str(line) + '; ' if line else ''}{seen})")
    return "\n".join(lines)
