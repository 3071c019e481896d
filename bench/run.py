"""``make bench``: how the build's cost grows with the content, against bare MkDocs.

First, side by side (taking turns, medians):
  - start-up: ``python -m generator --help`` against ``python -c pass``, same interpreter;
  - the real content/ (the 2024 report), copied into the work folder: our build as
    ``make site`` runs it (``python -m generator build``) against bare MkDocs on the same
    Markdown, and the generator alone (``bench.gentime``).
Then for each size: synthetic content (``bench.synth``) in a work folder, never in content/;
then, repeated and interleaved so drift hits all three alike:
  - the generator alone (load, validate, analyse, render; ``bench.gentime``),
  - our build as ``make site`` runs it (``python -m generator build``, MkDocs in the same process),
  - bare MkDocs on the same Markdown written to disk (same theme and plugins, without ours).
Also the preview rebuild time of the real 2024 content under ``mkdocs serve``.
Writes ``results.json`` and ``results.md``; prints the Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from ruamel.yaml import YAML

from generator.content.load import load_content
from generator.mkdocs import nav
from generator.mkdocs.search import enrich_index_file

from . import machine, preview, report, synth
from .measure import Run, interleaved, run, site_sizes

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "theme_overrides")
SIZES = (50, 1000, 2500, 10000)
PHASES = ("import", "load", "analysis", "render")  # the generator's work in a build (bench.gentime)
GENTIME_KEYS = tuple(f"{phase}{clock}" for clock in ("_s", "_cpu_s") for phase in (*PHASES, "render_warm"))
PREVIEW_TASK = 3  # a task page of the latest report


def copy_project(target: Path, content: Path | None = None) -> Path:
    """A project folder like ours: config, docs, overrides, and ``content`` (real or synthetic)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, dirs_exist_ok=True)
        else:
            shutil.copy(source, target / name)
    if content is not None:
        shutil.copytree(content, target / "content")
    return target


def bare_project(project: Path, target: Path) -> Path:
    """What a user would write by hand: the generated Markdown on disk, our mkdocs.yml
    without the 'phuong' plugin, and the same nav (evidence pages kept out of it).

    Also ``bounded.yml``: the same with a nav of fixed size (home, latest report,
    register; every other page reachable by links only), to show what the nav costs."""
    run([sys.executable, "-m", "generator", "--project", str(project), "render", "--out", str(target / "docs")], ROOT)
    shutil.copytree(project / "docs", target / "docs", dirs_exist_ok=True)
    yaml = YAML()
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "phuong" in p)]
    config.ca.items.pop("plugins", None)  # its comment, kept on a new list, would be dumped as "plugins: -"
    config["theme"]["custom_dir"] = str(project / config["theme"]["custom_dir"])
    full_nav = nav.build(load_content(project / "content", project))
    config["nav"] = full_nav
    config["not_in_nav"] = "*.md\n"  # old reports, evidence, later list pages: reached by links
    with (target / "mkdocs.yml").open("w", encoding="utf-8") as out:
        yaml.dump(config, out)
    config["nav"] = [*full_nav[:2], full_nav[-1]]
    config["not_in_nav"] = "*.md\n"
    with (target / "bounded.yml").open("w", encoding="utf-8") as out:
        yaml.dump(config, out)
    return target


def fold_seconds(index: Path) -> float:
    """Time our search post-processing on bare MkDocs' index (which lacks it)."""
    data = index.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "search_index.json"
        copy.write_text(data, encoding="utf-8")
        started = time.perf_counter()
        enrich_index_file(copy, {}, {})
        return time.perf_counter() - started


def our_build(project: Path, site: Path) -> list[str]:
    """What ``make site`` runs (MkDocs runs inside this one process)."""
    return [sys.executable, "-m", "generator", "--project", str(project), "build", "--site-dir", str(site)]


def bare_build(config: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--config-file", str(config),
            "--site-dir", str(site)]


def _add_gentime(samples: dict[str, list[float]], project: Path) -> None:
    times = json.loads(run([sys.executable, "-m", "bench.gentime", str(project / "content")], ROOT).stdout)
    for key in GENTIME_KEYS:
        samples[key].append(times[key])
    for clock in ("_s", "_cpu_s"):
        samples[f"generator{clock}"].append(sum(times[f"{phase}{clock}"] for phase in PHASES))


def _medians(runs: list[Run]) -> dict[str, float]:
    return {"s": statistics.median(r.seconds for r in runs), "cpu_s": statistics.median(r.cpu_seconds for r in runs),
            "rss_mb": statistics.median(r.peak_rss_mb for r in runs)}


def measure_startup(repeat: int) -> dict:
    """``python -m generator --help`` against the bare interpreter, taking turns."""
    runs = interleaved({"bare_python": [sys.executable, "-c", "pass"],
                        "help": [sys.executable, "-m", "generator", "--help"]}, ROOT, repeat)
    bare, help_ = _medians(runs["bare_python"]), _medians(runs["help"])
    return {"runs": repeat, "bare_python_s": bare["s"], "help_s": help_["s"], "added_s": help_["s"] - bare["s"],
            "bare_python_cpu_s": bare["cpu_s"], "help_cpu_s": help_["cpu_s"],
            "added_cpu_s": help_["cpu_s"] - bare["cpu_s"],
            "samples": {**{f"{k}_s": [r.seconds for r in runs[k]] for k in runs},
                        **{f"{k}_cpu_s": [r.cpu_seconds for r in runs[k]] for k in runs}}}


def measure_real(work: Path, repeat: int) -> dict:
    """The real content/ (copied, never written to): our build against bare MkDocs, taking turns.

    A third command takes its turn too: our command line building the bare project (the
    same Markdown, without our plugin), to tell what running MkDocs through our command
    costs from what our plugin costs."""
    folder = work / "real"
    shutil.rmtree(folder, ignore_errors=True)
    project = copy_project(folder / "project", ROOT / "content")
    bare = bare_project(project, folder / "bare")
    runs = interleaved({"build": our_build(project, folder / "site"),
                        "bare": bare_build(bare / "mkdocs.yml", folder / "site-bare"),
                        "cli_bare": our_build(bare, folder / "site-cli-bare")}, ROOT, repeat)
    ours, base, cli_bare = (_medians(runs[k]) for k in ("build", "bare", "cli_bare"))
    samples: dict[str, list[float]] = {k: [] for k in ("generator_s", "generator_cpu_s", *GENTIME_KEYS, "fold_s")}
    for _ in range(repeat):  # after the builds, so the builds alone took turns
        _add_gentime(samples, project)
        samples["fold_s"].append(fold_seconds(folder / "site-bare" / "search" / "search_index.json"))
    latest = load_content(project / "content", project).latest
    return {"report": latest.slug if latest else None, "runs": repeat,
            "build_s": ours["s"], "build_cpu_s": ours["cpu_s"], "build_rss_mb": ours["rss_mb"],
            "bare_s": base["s"], "bare_cpu_s": base["cpu_s"], "bare_rss_mb": base["rss_mb"],
            "cli_bare_s": cli_bare["s"], "cli_bare_cpu_s": cli_bare["cpu_s"],
            **{k: statistics.median(v) for k, v in samples.items()},
            "samples": {**{f"{k}_s": [r.seconds for r in runs[k]] for k in runs},
                        **{f"{k}_cpu_s": [r.cpu_seconds for r in runs[k]] for k in runs}, **samples},
            "site": asdict(site_sizes(folder / "site")), "bare_site": asdict(site_sizes(folder / "site-bare"))}


def measure_size(pages: int, work: Path, repeat: int) -> dict:
    folder = work / f"size-{pages}"
    shutil.rmtree(folder, ignore_errors=True)
    written = synth.generate(folder / "synthetic" / "content", pages)
    project = copy_project(folder / "project", folder / "synthetic" / "content")
    bare = bare_project(project, folder / "bare")
    samples: dict[str, list[float]] = {k: [] for k in (
        "generator_s", "generator_cpu_s", *GENTIME_KEYS, "build_s", "build_rss_mb", "bare_s", "bare_rss_mb",
        "bounded_s", "bounded_rss_mb", "build_cpu_s", "bare_cpu_s", "bounded_cpu_s", "fold_s")}
    for _ in range(repeat):
        _add_gentime(samples, project)
        ours = run(our_build(project, folder / "site"), ROOT)
        samples["build_s"].append(ours.seconds)
        samples["build_rss_mb"].append(ours.peak_rss_mb)
        samples["build_cpu_s"].append(ours.cpu_seconds)
        base = run(bare_build(bare / "mkdocs.yml", folder / "site-bare"), ROOT)
        samples["bare_s"].append(base.seconds)
        samples["bare_rss_mb"].append(base.peak_rss_mb)
        samples["bare_cpu_s"].append(base.cpu_seconds)
        bounded = run(bare_build(bare / "bounded.yml", folder / "site-bounded"), ROOT)
        samples["bounded_s"].append(bounded.seconds)
        samples["bounded_rss_mb"].append(bounded.peak_rss_mb)
        samples["bounded_cpu_s"].append(bounded.cpu_seconds)
        # What our build adds besides the generator: folding the search index.
        samples["fold_s"].append(fold_seconds(folder / "site-bare" / "search" / "search_index.json"))
    medians = {k: statistics.median(v) for k, v in samples.items()}
    return {"target_pages": pages, "runs": repeat, "synthetic": written, **medians, "samples": samples,
            "load_average_1min": round(os.getloadavg()[0], 2),
            "site": asdict(site_sizes(folder / "site")), "bare_site": asdict(site_sizes(folder / "site-bare")),
            "bounded_site": asdict(site_sizes(folder / "site-bounded"))}


def measure_preview(work: Path, repeat: int) -> dict:
    shutil.rmtree(work / "preview", ignore_errors=True)
    project = copy_project(work / "preview", ROOT / "content")
    latest = load_content(project / "content", project).latest
    assert latest is not None, "content/ has no report to preview"
    times = preview.rebuild_times(project, latest.slug, PREVIEW_TASK, repeat)
    return {"report": latest.slug, "task": PREVIEW_TASK, "rebuild_s": statistics.median(times), "samples": times}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="pages, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; medians are reported")
    parser.add_argument("--repeat-largest", type=int, default=None,
                        help="runs for sizes of 10,000 pages or more (default: --repeat)")
    parser.add_argument("--preview-repeat", type=int, default=5)
    parser.add_argument("--startup-repeat", type=int, default=20,
                        help="runs each of 'python -m generator --help' and 'python -c pass'")
    parser.add_argument("--real-repeat", type=int, default=7,
                        help="runs each of our build and bare MkDocs on the real content/")
    parser.add_argument("--out", type=Path, default=ROOT / "bench", help="where results.json/.md go")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a temporary one)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="phuong-bench-"))
    # Every measured Python (ours, bare MkDocs) reads and writes its bytecode in one cache in
    # the work folder, as on a machine that keeps .pyc files: with PYTHONDONTWRITEBYTECODE set
    # (some containers do), our sources would be compiled again in every run while MkDocs'
    # installed .pyc files are used, which is not what a clerk's `make site` pays.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    try:
        print("bench: start-up (python -m generator --help)", file=sys.stderr, flush=True)
        startup = measure_startup(args.startup_repeat)
        print("bench: the real content/ (python -m generator build)", file=sys.stderr, flush=True)
        real = measure_real(work, args.real_repeat)
        sizes = []
        for pages in (int(s) for s in args.sizes.split(",")):
            print(f"bench: {pages} pages", file=sys.stderr, flush=True)
            repeat = args.repeat if pages < 10000 or args.repeat_largest is None else args.repeat_largest
            sizes.append(measure_size(pages, work, repeat))
        print("bench: preview rebuild (mkdocs serve)", file=sys.stderr, flush=True)
        results = {"machine": machine.info(), "repeat": args.repeat, "startup": startup, "real_content": real,
                   "sizes": sizes, "preview": measure_preview(work, args.preview_repeat)}
        results["targets"] = report.targets(results)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    markdown = report.markdown(results)
    (args.out / "results.md").write_text(markdown, encoding="utf-8")
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
