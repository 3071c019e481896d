"""The machine a benchmark ran on, for the results file."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEASURED = ("generator", "mkdocs.yml", "docs", "theme_overrides", "content")  # what a build runs on
PACKAGES = ("mkdocs", "mkdocs-material", "pydantic", "ruamel.yaml", "Jinja2", "Markdown", "pymdown-extensions", "Babel")


def _proc_field(path: str, key: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def code() -> dict:
    """The commit measured, and the files of a build that differed from it (uncommitted edits)."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    try:
        commit = git("rev-parse", "HEAD").strip()
        changed = [line[3:] for line in git("status", "--porcelain", "--", *MEASURED).splitlines()]
    except (OSError, subprocess.CalledProcessError):
        return {"commit": None, "uncommitted": None}
    return {"commit": commit, "uncommitted": changed}


def info() -> dict:
    mem_kb = _proc_field("/proc/meminfo", "MemTotal")
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)),
        "cpu": _proc_field("/proc/cpuinfo", "model name") or platform.processor(),
        "memory_gib": round(int(mem_kb.split()[0]) / 1024 ** 2, 1) if mem_kb else None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": {name: metadata.version(name) for name in PACKAGES},
        "code": code(),
        # Other work on the machine skews timings: the 1-minute load average at the end.
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
