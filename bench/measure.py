"""Measurements: run a command and get its wall time and peak RSS; commands timed side by side;
sizes of a built site."""

from __future__ import annotations

import gzip
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PAGE_LIMIT_BYTES = 40 * 1024


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # user + system, the command and its children: less skewed by a busy machine
    peak_rss_mb: float  # the command's own process, or a larger child it waited for (there is none in a build)
    stdout: str


class CommandFailed(RuntimeError):
    pass


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``command``; os.wait4 gives its rusage, which also covers any children it waited for.

    ``generator build`` runs MkDocs inside its own process, as ``mkdocs build`` does, so both
    are one process and the peak RSS is the whole build's."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        # Files, not pipes: MkDocs may log more than a pipe holds while we are in wait4.
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, text=True,
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode != 0:
        raise CommandFailed(f"{' '.join(command)} failed ({process.returncode}):\n{stderr[-3000:]}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout)  # ru_maxrss is in KiB on Linux


def interleaved(commands: dict[str, list[str]], cwd: Path, repeat: int, warm_up: int = 1) -> dict[str, list[Run]]:
    """Run each command ``repeat`` times, taking turns, so drift on the machine hits all alike.

    The order alternates (A B, then B A) so no command always runs right after another; the
    ``warm_up`` rounds first (files into the page cache, bytecode written) are not kept."""
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    names = list(commands)
    for round_ in range(warm_up + repeat):
        for name in names if round_ % 2 == 0 else reversed(names):
            result = run(commands[name], cwd)
            if round_ >= warm_up:
                runs[name].append(result)
    return runs


@dataclass(frozen=True)
class SiteSizes:
    html_pages: int
    site_bytes: int
    largest_page_bytes: int
    largest_page: str
    pages_over_limit: int
    search_index_bytes: int
    search_index_gzip_bytes: int


def site_sizes(site: Path) -> SiteSizes:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    index = site / "search" / "search_index.json"
    raw = index.read_bytes() if index.is_file() else b""
    return SiteSizes(
        html_pages=len(pages),
        site_bytes=sum(p.stat().st_size for p in files),
        largest_page_bytes=largest.stat().st_size,
        largest_page=largest.relative_to(site).as_posix(),
        pages_over_limit=sum(1 for p in pages if p.stat().st_size > PAGE_LIMIT_BYTES),
        search_index_bytes=len(raw),
        # gzip -6, what web servers use by default
        search_index_gzip_bytes=len(gzip.compress(raw, compresslevel=6, mtime=0)),
    )
