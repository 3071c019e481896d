"""``python -m bench.run`` with its project root pointed at a test project (for test_bench.py).

The harness reads config, docs and the content/ it measures from ``bench.run.ROOT`` (the
repository), and ``bench.synth`` takes its text from that content/; here both are the
project given as first argument, so the benchmark never reads the live content/.

Usage: PYTHONPATH=<repo> python tests/bench_on_fixture.py PROJECT [bench.run arguments...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench import run, synth


def main(project: Path, args: list[str]) -> int:
    run.ROOT = project
    synth.ROOT = project
    synth.REAL_CONTENT = project / "content"
    return run.main(args)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2:]))
