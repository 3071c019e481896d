"""Time the generator alone (load + validate, then render) on one content folder.

Run in a fresh process by ``bench.run`` so each sample pays the same start-up;
prints one JSON line. Imports are timed too: the plugin pays them in every build.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

START = time.perf_counter()

from generator.content.load import load_content  # noqa: E402  (timed on purpose)
from generator.render.site import render_site  # noqa: E402


def main(content_dir: str) -> None:
    imported = time.perf_counter()
    content = load_content(Path(content_dir), Path(content_dir).parent)
    loaded = time.perf_counter()
    pages = render_site(content)
    rendered = time.perf_counter()
    print(json.dumps({"import_s": imported - START, "load_s": loaded - imported,
                      "render_s": rendered - loaded, "pages": len(pages)}))


if __name__ == "__main__":
    main(sys.argv[1])
