"""``python -m generator import REPORT.docx|REPORT.txt --out content/reports/<tên> [--force]``.

Exit status 0 when the report was written, 1 when the source, the target folder or the
content stops it (nothing is written then). With ``--force`` the old report folder is
kept in ``sao-luu/``, and the message lists the hand work that is now only there. The message
also lists the evidence records reused (and why: same number, date, issuer and subject) and
the new ones.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from ..problems import ContentError, format_problems

if TYPE_CHECKING:
    from ..importer.handwork import HandWork

NOTHING_WRITTEN = "Chưa ghi tệp nào."
_SHOWN_NAMES = 10


class TimeUp(BaseException):
    """The import ran past its time limit (a BaseException, so no ``except Exception`` can swallow it)."""


@contextmanager
def time_limit(seconds: float) -> Iterator[Callable[[], None]]:
    """Raise :class:`TimeUp` in this (main) thread after ``seconds``; yields the function that stops the clock."""
    if threading.current_thread() is not threading.main_thread():
        yield lambda: None  # signals reach the main thread only; the other limits still hold
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise TimeUp

    def stop() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield stop
    finally:
        stop()
        signal.signal(signal.SIGALRM, previous)


def run(source: Path, out: Path, force: bool) -> int:
    from ..importer import import_report, limits

    try:
        with time_limit(limits.MAX_SECONDS) as stop_clock:
            outcome = import_report(source, out, force=force, shown_as=str(source), before_commit=stop_clock)
    except ContentError as exc:
        print(format_problems(exc.problems).replace("trong nội dung", "trong tệp nguồn")
              + f"\n{NOTHING_WRITTEN}", file=sys.stderr)
        return 1
    except TimeUp:
        print(f"{source}: lỗi: nhập quá thời gian cho phép ({limits.MAX_SECONDS} giây) nên đã dừng "
              "(cần: kiểm tra đúng tệp báo cáo; báo cáo quá dài thì tách thành nhiều báo cáo; "
              f"máy đang bận thì chạy lại sau)\n{NOTHING_WRITTEN}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = exc.filename or out
        print(f"{where}: lỗi: không ghi được tệp: {exc.strerror or type(exc).__name__} "
              "(cần: còn chỗ trống trên đĩa, có quyền ghi vào thư mục dự án; sửa rồi chạy lại)\n"
              f"{NOTHING_WRITTEN} Nội dung cũ giữ nguyên.", file=sys.stderr)
        return 1
    imported = outcome.imported
    reused = len({i for ids in imported.evidence_ids for i in ids} - set(imported.new_evidence))
    lines = [f"Đã nhập {source}: {len(imported.tasks)} nhiệm vụ, "
             f"{len(imported.new_evidence)} tài liệu kiểm chứng mới, {reused} tài liệu dùng lại; "
             f"đã ghi {len(outcome.files)} tệp vào {out} và content/evidence/."]
    lines += _evidence_lines(imported.reused, imported.notes)
    if outcome.backup is not None:
        lines += _backup_lines(outcome.backup, out, outcome.hand_work)
    lines.append("Chạy 'make check' rồi 'make site' để xuất bản.")
    print("\n".join(lines))
    return 0


def _evidence_lines(reused: dict[str, str], notes: dict[str, str]) -> list[str]:
    """Which records of content/evidence/ the report cites and why they are the same evidence; which
    records are new, and why an existing record of that number or title was not used."""
    lines = []
    if reused:
        lines.append("Tài liệu kiểm chứng đã có trong content/evidence/, dùng lại vì trùng khớp:")
        lines += [f"  - dùng lại {item_id}: {why}" for item_id, why in reused.items()]
    if notes:
        lines.append("Tài liệu kiểm chứng mới (tệp mới trong content/evidence/):")
        lines += [f"  - mới {item_id}" + (f": {why}" if why else "") for item_id, why in notes.items()]
    return lines


def _backup_lines(backup: Path, out: Path, hand: HandWork) -> list[str]:
    shown = _shown(backup)
    lines = [f"Báo cáo cũ được giữ nguyên vẹn trong thư mục sao lưu: {shown}/"]
    if not hand:
        lines.append("Bản sao lưu không có phần làm tay nào mà bản nhập mới thiếu.")
        return lines
    lines.append("Phần làm tay chỉ còn trong bản sao lưu (bản nhập mới không có):")
    for label, names in (
        ("tệp lệnh nhập không tạo ra", hand.extra_files),
        ("khối figures: (số liệu) trong", hand.figures),
        ("cột thêm (other_columns) trong", hand.other_columns),
        ("trường chỉ có trong bản cũ", hand.fields),
        ("nội dung khác bản mới (sửa tay, hoặc văn bản nguồn đã đổi)", hand.edited),
        ("dòng ghi chú (#) viết tay trong", hand.comments),
    ):
        if names:
            listed = ", ".join(names[:_SHOWN_NAMES])
            more = f" và {len(names) - _SHOWN_NAMES} tệp khác" if len(names) > _SHOWN_NAMES else ""
            lines.append(f"  - {label}: {listed}{more}")
    lines.append(f"Cách chép lại: mở tệp trong {shown}/ và chép phần cần giữ (ví dụ cả khối figures:) vào "
                 f"tệp cùng tên trong {out}/.")
    tasks = [name for name in hand.extra_files if name.startswith("tasks/") and name.endswith(".yaml")]
    for name in tasks[:_SHOWN_NAMES]:
        lines.append(f'  Tệp nhiệm vụ thêm tay thì chép nguyên tệp: cp "{shown}/{name}" "{out}/{name}"')
    if len(tasks) < len(hand.extra_files):
        lines.append("  Tệp không phải nội dung (ghi chú, tệp đính kèm) để ngoài content/, hoặc đặt đúng chỗ theo "
                     "docs-staff/huong-dan-noi-dung.md (tệp đính kèm: content/evidence/tep/).")
    return lines


def _shown(path: Path) -> Path:
    """``path`` relative to the current folder when it is inside it (as the clerk typed --out)."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path
