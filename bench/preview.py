"""Time from saving one YAML file to the rebuilt page under ``mkdocs serve`` (as ``make serve``).

The server listens on 127.0.0.1 only, on a free port; we poll the served task page
until the text we saved appears. Each edit adds a new marker paragraph to one task.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from ruamel.yaml import YAML

from generator.content import paths

POLL_SECONDS = 0.02
TIMEOUT_SECONDS = 120.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, timeout: float = TIMEOUT_SECONDS) -> float:
    """Seconds until ``url`` serves a page containing ``text``."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - started
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout} s")


def rebuild_times(project: Path, report_slug: str, task_number: int, repeat: int) -> list[float]:
    """Start ``mkdocs serve --livereload``, save the task file ``repeat`` times, time each rebuild."""
    task_file = project / "content" / "reports" / report_slug / "tasks" / f"nhiem-vu-{task_number:02d}.yaml"
    yaml = YAML()  # round-trip: the file keeps its comments, like a clerk's editor would
    original = yaml.load(task_file.read_text(encoding="utf-8"))
    port = free_port()
    url = f"http://127.0.0.1:{port}/" + paths.task_page(report_slug, task_number).removesuffix(".md") + ".html"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(url, "</html>")
        times = []
        for attempt in range(repeat):
            marker = f"Mốc đo thời gian {attempt} {time.time_ns()}"
            original["result"].append(marker)
            with task_file.open("w", encoding="utf-8") as out:
                yaml.dump(original, out)
            saved = time.perf_counter()
            wait_for(url, marker)
            times.append(time.perf_counter() - saved)
            original["result"].pop()
            time.sleep(1.0)  # let the server settle before the next save
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)
