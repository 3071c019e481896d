"""The issue's targets, checked against measured results, and the Markdown results table."""

from __future__ import annotations

KB = 1024
MB = 1024 * 1024


def _by_pages(results: dict) -> dict[int, dict]:
    return {s["target_pages"]: s for s in results["sizes"]}


def _per_page(size: dict) -> float:
    return size["build_s"] / size["site"]["html_pages"]


def _target(name: str, limit: str, value: str | None, met: bool | None) -> dict:
    return {"target": name, "limit": limit, "value": value if value is not None else "not measured", "met": met}


def targets(results: dict) -> list[dict]:
    sizes = results["sizes"]
    by = _by_pages(results)
    out = [
        _target("generator share of build time, every size", "≤ 10%",
                ", ".join(f"{s['generator_s'] / s['build_s']:.1%}" for s in sizes),
                all(s["generator_s"] <= 0.10 * s["build_s"] for s in sizes)),
        _target("our build / bare MkDocs, every size", "≤ 1.1×",
                ", ".join(f"{s['build_s'] / s['bare_s']:.2f}×" for s in sizes)
                + " (CPU time: " + ", ".join(f"{s['build_cpu_s'] / s['bare_cpu_s']:.2f}×" for s in sizes) + ")",
                all(s["build_s"] <= 1.1 * s["bare_s"] for s in sizes)),
    ]
    if 1000 in by and 10000 in by:
        ratio = _per_page(by[10000]) / _per_page(by[1000])
        out.append(_target("s/page at 10,000 ÷ s/page at 1,000", "≤ 1.2", f"{ratio:.2f}", ratio <= 1.2))
    else:
        out.append(_target("s/page at 10,000 ÷ s/page at 1,000", "≤ 1.2", None, None))
    big = by.get(10000)
    out.append(_target("10,000 pages: build time", "≤ 30 s",
                       f"{big['build_s']:.1f} s" if big else None, big["build_s"] <= 30 if big else None))
    out.append(_target("10,000 pages: peak RSS", "≤ 500 MB",
                       f"{big['build_rss_mb']:.0f} MB" if big else None, big["build_rss_mb"] <= 500 if big else None))
    largest = max(s["site"]["largest_page_bytes"] for s in sizes)
    over = sum(s["site"]["pages_over_limit"] for s in sizes)
    out.append(_target("largest page HTML, every size", "≤ 40 KB",
                       f"{largest / KB:.1f} KB ({over} pages over, all sizes together)", over == 0))
    archive = by.get(2500)
    gz = archive["site"]["search_index_gzip_bytes"] if archive else None
    out.append(_target("search index gzipped at 2,500 pages", "≤ 1 MB",
                       f"{gz / MB:.2f} MB" if archive else None, gz <= MB if archive else None))
    rebuild = results["preview"]["rebuild_s"]
    out.append(_target("preview rebuild after saving one YAML file (2024 content)", "≤ 2 s",
                       f"{rebuild:.2f} s", rebuild <= 2.0))
    startup = results.get("startup")
    out.append(_target("`python -m generator --help` minus `python -c pass` (same interpreter)", "≤ 0.15 s",
                       f"{startup['added_s']:.3f} s ({startup['help_s']:.3f} s vs {startup['bare_python_s']:.3f} s"
                       + (f"; CPU time: {startup['added_cpu_s']:.3f} s)" if "added_cpu_s" in startup else ")")
                       if startup else None, startup["added_s"] <= 0.15 if startup else None))
    real = results.get("real_content")
    out.append(_target("real content/ (2024 report): `python -m generator build` / bare `mkdocs build --strict`",
                       "≤ 1.15×",
                       f"{real['build_s'] / real['bare_s']:.2f}× ({real['build_s']:.2f} s vs {real['bare_s']:.2f} s; "
                       f"CPU time: {real['build_cpu_s'] / real['bare_cpu_s']:.2f}×)" if real else None,
                       real["build_s"] <= 1.15 * real["bare_s"] if real else None))
    return out


def _row(s: dict) -> str:
    site = s["site"]
    return (f"| {site['html_pages']:,} | {s['generator_s']:.2f} | {s['build_s']:.2f} ({s['build_cpu_s']:.2f}) "
            f"| {s['bare_s']:.2f} ({s['bare_cpu_s']:.2f}) "
            f"| {s['build_s'] / s['bare_s']:.2f}× | {s['generator_s'] / s['build_s']:.1%} "
            f"| {_per_page(s) * 1000:.2f} | {s['build_rss_mb']:.0f} | {s['bare_rss_mb']:.0f} "
            f"| {site['site_bytes'] / MB:.1f} | {site['largest_page_bytes'] / KB:.1f} ({site['largest_page']}) "
            f"| {site['search_index_bytes'] / MB:.2f} | {site['search_index_gzip_bytes'] / MB:.3f} "
            f"| {s['bounded_s']:.2f} | {s['bounded_s'] / site['html_pages'] * 1000:.2f} "
            f"| {s['bounded_site']['largest_page_bytes'] / KB:.1f} ({s['bounded_site']['largest_page']}) |")


def _code_line(code: dict | None) -> list[str]:
    if not code or not code.get("commit"):
        return []
    edits = code["uncommitted"]
    state = (f", with uncommitted changes to {', '.join(edits)}." if edits
             else " as committed (generator/, mkdocs.yml, docs/, theme_overrides/, content/).")
    return [f"Code: commit {code['commit'][:10]}{state}"]


def _phase_rows(real: dict) -> list[str]:
    """The generator alone on the real content, phase by phase, wall and CPU time."""
    def row(label: str, key: str) -> str:
        cpu = real.get(key.removesuffix("_s") + "_cpu_s")
        return f"| {label} | {real[key]:.3f} | {cpu:.3f} |" if cpu is not None else f"| {label} | {real[key]:.3f} | – |"
    compile_row = []
    if "render_warm_cpu_s" in real:
        compile_row = [f"| … of which compiling the templates (render − a second render in the same process) "
                       f"| {real['render_s'] - real['render_warm_s']:.3f} "
                       f"| {real['render_cpu_s'] - real['render_warm_cpu_s']:.3f} |"]
    return [
        f"The generator alone on the real content (`bench.gentime`, each phase as in a build, medians of "
        f"{len(real['samples']['render_s'])} runs):",
        "",
        "| phase | wall s | CPU s |",
        "| --- | ---: | ---: |",
        row("import our plugin (after what bare MkDocs imports too)", "import_s"),
        row("load and validate content/", "load_s"),
        row("analysis: figures, citations, disclosure status and their messages, nav", "analysis_s"),
        row("render every page's Markdown and the feed", "render_s"),
        *compile_row,
        row("**total**", "generator_s"),
        f"| folding the search index (timed in the harness) | {real['fold_s']:.3f} | – |",
        "",
    ]


def _side_by_side(results: dict) -> list[str]:
    """Start-up and the real content: each group of commands measured taking turns in the same run."""
    startup, real = results.get("startup"), results.get("real_content")
    if not startup or not real:
        return []
    site = real["site"]
    help_cpu = (f" ({startup['help_cpu_s']:.3f})", f" ({startup['bare_python_cpu_s']:.3f})",
                f" ({startup['added_cpu_s']:.3f})") if "help_cpu_s" in startup else ("", "", "")
    return [
        "## Start-up and the real content, side by side",
        "",
        "The commands of each group ran taking turns (A B C, C B A, …) after one unrecorded round; medians. "
        "CPU time (user + system) is less skewed than wall time when other work shares the machine.",
        "",
        "| what | runs each | ours s (CPU s) | bare s (CPU s) | ours − bare s (CPU s) | ours/bare | our RSS MB "
        "| bare RSS MB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| `python -m generator --help` vs `python -c pass` | {startup['runs']} "
        f"| {startup['help_s']:.3f}{help_cpu[0]} | {startup['bare_python_s']:.3f}{help_cpu[1]} "
        f"| {startup['added_s']:.3f}{help_cpu[2]} | "
        f"{startup['help_s'] / startup['bare_python_s']:.2f}× | – | – |",
        f"| real content/ ({site['html_pages']} pages, report `{real['report']}`): `python -m generator build` "
        f"vs `mkdocs build --strict` | {real['runs']} | {real['build_s']:.2f} ({real['build_cpu_s']:.2f}) | "
        f"{real['bare_s']:.2f} ({real['bare_cpu_s']:.2f}) | {real['build_s'] - real['bare_s']:.2f} "
        f"({real['build_cpu_s'] - real['bare_cpu_s']:.2f}) | "
        f"{real['build_s'] / real['bare_s']:.2f}× | {real['build_rss_mb']:.0f} | {real['bare_rss_mb']:.0f} |",
        f"| the same Markdown built by our command without our plugin (`python -m generator --project BARE build`) "
        f"vs `mkdocs build --strict` | {real['runs']} | {real['cli_bare_s']:.2f} ({real['cli_bare_cpu_s']:.2f}) | "
        f"{real['bare_s']:.2f} ({real['bare_cpu_s']:.2f}) | {real['cli_bare_s'] - real['bare_s']:.2f} "
        f"({real['cli_bare_cpu_s'] - real['bare_cpu_s']:.2f}) | "
        f"{real['cli_bare_s'] / real['bare_s']:.2f}× | – | – |",
        "",
        *_phase_rows(real),
    ]


def markdown(results: dict) -> str:
    m = results["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"`make bench` on {m['date']}: {m['nproc']} CPUs ({m['cpu']}), {m['memory_gib']} GiB memory, "
        f"Python {m['python']}, {m['platform']}.",
        "1-minute load average after each size: "
        + ", ".join(f"{s['load_average_1min']}" for s in results["sizes"])
        + f"; at the end: {m['load_average_1min']} "
        f"(a value above {m['nproc']} means other work competed for the CPUs).",
        "Packages: " + ", ".join(f"{k} {v}" for k, v in m["packages"].items()) + ".",
        *_code_line(m.get("code")),
        "Medians of " + ", ".join(f"{s['runs']}" for s in results["sizes"])
        + " runs for the sizes in the table, in order. Times in seconds, sizes in binary KB/MB.",
        "*Bare MkDocs* builds the same generated Markdown from disk with the same theme, plugins and nav, "
        "without our plugin; *fixed-size nav* is bare MkDocs again with only home, the latest report and "
        "the register in the nav (every other page reached by links), to show what the nav costs.",
        "",
        "| pages | generator s | our build s (CPU s) | bare MkDocs s (CPU s) | ours/bare | generator share | ms/page "
        "| our RSS MB | bare RSS MB | site MB | largest page KB | search index MB | gzipped MB "
        "| bare, fixed-size nav s | its ms/page | its largest page KB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: "
        "| ---: | ---: | --- |",
        *(_row(s) for s in results["sizes"]),
        "",
        f"Preview (`mkdocs serve --livereload`, 2024 content, report `{results['preview']['report']}`, "
        f"task {results['preview']['task']}): median {results['preview']['rebuild_s']:.2f} s from saving the "
        f"YAML file to the rebuilt page being served ({len(results['preview']['samples'])} saves).",
        "",
        *_side_by_side(results),
        "## Targets",
        "",
        "| target | limit | measured | met |",
        "| --- | --- | --- | --- |",
        *(f"| {t['target']} | {t['limit']} | {t['value']} | "
          f"{'yes' if t['met'] else 'no' if t['met'] is False else '–'} |" for t in results["targets"]),
        "",
        "Why a target is missed, with the measurements that show what is MkDocs' own cost and what is "
        "ours: [findings.md](findings.md).",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Rewrite ``results.md`` from ``results.json`` (the table only; nothing is measured)."""
    import argparse
    import json
    from pathlib import Path

    parser = argparse.ArgumentParser(prog="python -m bench.report", description=main.__doc__)
    parser.add_argument("results", type=Path, nargs="?", default=Path(__file__).parent / "results.json")
    args = parser.parse_args(argv)
    results = json.loads(args.results.read_text(encoding="utf-8"))
    results["targets"] = targets(results)
    args.results.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    args.results.with_suffix(".md").write_text(markdown(results), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
