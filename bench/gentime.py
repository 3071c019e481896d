"""Time the generator alone on one content folder: what our plugin adds to every MkDocs build.

Run in a fresh process by ``bench.run`` so each sample pays the same start-up; prints one
JSON line of seconds, each also as CPU time of this process (``import_cpu_s``, …), which a
busy machine skews less:

- ``import_s``: importing our plugin, after the MkDocs modules and the heading-slug hook
  (``generator.util.text``, named in mkdocs.yml) that a bare ``mkdocs build`` imports too;
  so pydantic and the schema models, the analysis, Jinja environment, ruamel's C loader, feedgen;
- ``load_s``: reading and validating ``content/``;
- ``analysis_s``: figures and citations found once (``audit``), the disclosure status
  warnings (with the line each names), the nav; the plugin shows these on every build;
- ``render_s``: every page's Markdown and the news feed, in a process that has compiled no
  template yet, as in a build;
- ``render_warm_s``: the same again in the same process; ``render_s - render_warm_s`` is
  about what compiling the Jinja templates costs each build.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import mkdocs.commands.build  # noqa: F401  (a bare build imports these too: not ours to time)
import mkdocs.config.defaults  # noqa: F401
import mkdocs.plugins  # noqa: F401
import mkdocs.structure.files  # noqa: F401

import generator.util.text  # noqa: F401  (mkdocs.yml's toc slugify: bare MkDocs imports it too)

START = time.perf_counter(), time.process_time()

import generator.mkdocs.plugin  # noqa: E402, F401  (timed on purpose)
from generator.analysis import status  # noqa: E402
from generator.analysis.audit import audit  # noqa: E402
from generator.content.load import load_content  # noqa: E402
from generator.mkdocs import nav  # noqa: E402
from generator.mkdocs.feed import atom_feed  # noqa: E402
from generator.render.site import render_site  # noqa: E402

IMPORTED = time.perf_counter(), time.process_time()


def main(content_dir: str) -> None:
    marks = {"start": START, "imported": IMPORTED}
    content = load_content(Path(content_dir), Path(content_dir).parent)
    marks["loaded"] = time.perf_counter(), time.process_time()
    found = audit(content)
    shown = [str(p) for p in (*content.warnings, *found.problems, *status.problems(content, strict=False))]
    nav.build(content)
    marks["analysed"] = time.perf_counter(), time.process_time()
    pages = render_site(content, found)
    if content.disclosure is not None:
        atom_feed(content)
    marks["rendered"] = time.perf_counter(), time.process_time()
    del pages
    pages = render_site(content, found)
    if content.disclosure is not None:
        atom_feed(content)
    marks["again"] = time.perf_counter(), time.process_time()
    print(json.dumps({**_phases(marks, 0, "_s"), **_phases(marks, 1, "_cpu_s"),
                      "pages": len(pages), "messages": len(shown)}))


def _phases(marks: dict[str, tuple[float, float]], clock: int, suffix: str) -> dict[str, float]:
    steps = [("import", "start", "imported"), ("load", "imported", "loaded"), ("analysis", "loaded", "analysed"),
             ("render", "analysed", "rendered"), ("render_warm", "rendered", "again")]
    return {name + suffix: marks[end][clock] - marks[begin][clock] for name, begin, end in steps}


if __name__ == "__main__":
    main(sys.argv[1])
