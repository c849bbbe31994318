"""What each part of the Material build's speed-up buys: the page cache (render_cache),
the second core (prerender) and the compiled templates (template_cache), each switched
in `[tool.shuttle]`, against bare mkdocs of the same tree.

`python -m benchmarks.render_parts [--sizes seed,1000] [--runs 3] [--only a,b]
[--render-only]`. Each timing is one fresh `shuttle build` process, wall-clock seconds:
cold with no build/ at all, then warm (the same build again). With `--render-only`, the
site source is generated once and each timing is one fresh `mkdocs build` of it with our
plugin (what the three settings change): cold without the page and template caches,
then warm; check, generate and the link check, the same for every setting, are left out.
A run measures every setting once, and bare mkdocs once, in a rotated order so that no
setting always comes first on a busy machine; ratios to bare mkdocs are taken within a
run, and the table shows medians over runs. Written to build/bench/render_parts.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import curated

REPO = Path(__file__).resolve().parent.parent
SHUTTLE = [sys.executable, "-m", "shuttle.cli"]

# name -> (render_cache, prerender, template_cache); prerender fills the page cache, so
# without the cache there is no second core to switch
SETTINGS: dict[str, tuple[bool, bool, bool]] = {
    "all on": (True, True, True),
    "no 2nd core": (True, False, True),
    "no template cache": (True, True, False),
    "cache only": (True, False, False),
    "no page cache": (False, False, True),
    "all off": (False, False, False),
}


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    took = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return took


def _settle(project: Path, name: str) -> None:
    cache, prerender, templates = SETTINGS[name]
    text = (
        "[tool.shuttle]\n"
        f"render_cache = {str(cache).lower()}\n"
        f"prerender = {str(prerender).lower()}\n"
        f"template_cache = {str(templates).lower()}\n"
    )
    (project / "pyproject.toml").write_text(text, encoding="utf-8")


def measure_setting(project: Path, name: str, render_only: bool) -> dict[str, float]:
    _settle(project, name)
    if render_only:
        for folder in ("pages", "jinja"):
            shutil.rmtree(project / "build" / "cache" / folder, ignore_errors=True)
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f"]
        command += [str(project / "mkdocs.yml"), "-d", str(project / "build" / "parts-site")]
    else:
        shutil.rmtree(project / "build", ignore_errors=True)
        command = [*SHUTTLE, "--root", str(project), "build"]
    cold = _timed(command)
    return {"cold": cold, "warm": _timed(command)}


def measure_bare(project: Path) -> float:
    bare = project.parent / f"{project.name}-bare"
    _timed([sys.executable, "-m", "benchmarks.steps", "bare", str(project), str(bare)])
    shutil.rmtree(bare / "site", ignore_errors=True)
    took = _timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bare / "mkdocs.yml")])
    shutil.rmtree(bare, ignore_errors=True)
    return took


def one_run(
    project: Path, names: list[str], turn: int, render_only: bool
) -> dict[str, dict[str, float]]:
    order = names[turn % len(names) :] + names[: turn % len(names)]
    out: dict[str, dict[str, float]] = {}
    bare_first = turn % 2 == 0
    bare = measure_bare(project) if bare_first else 0.0
    for name in order:
        out[name] = measure_setting(project, name, render_only)
        sys.stderr.write(f"  run {turn + 1} {name}: {out[name]}\n")
    if not bare_first:
        bare = measure_bare(project)
    for name in order:
        out[name]["cold_ratio"] = out[name]["cold"] / bare
        out[name]["warm_ratio"] = out[name]["warm"] / bare
    out["bare mkdocs"] = {"cold": bare, "warm": bare, "cold_ratio": 1.0, "warm_ratio": 1.0}
    return out


def medians(runs: list[dict[str, dict[str, float]]]) -> dict[str, dict[str, float]]:
    return {
        name: {key: statistics.median(r[name][key] for r in runs) for key in runs[0][name]}
        for name in runs[0]
    }


def table(results: dict[str, dict[str, dict[str, float]]], runs: dict[str, int]) -> list[str]:
    lines = []
    for size, rows in results.items():
        lines.append(f"{size} ({runs[size]} runs; medians; ratios to bare mkdocs in the run)")
        lines.append(f"{'':24}{'cold s':>9}{'warm s':>9}{'cold/bare':>11}{'warm/bare':>11}")
        for name, row in rows.items():
            lines.append(
                f"{name:24}{row['cold']:>9.1f}{row['warm']:>9.1f}"
                f"{row['cold_ratio']:>11.2f}{row['warm_ratio']:>11.2f}"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.render_parts", description=__doc__)
    p.add_argument("--sizes", default="seed,1000")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--only", default=",".join(SETTINGS), help="settings to measure")
    p.add_argument("--render-only", action="store_true", help="time mkdocs with the plugin")
    p.add_argument("--corpora", type=Path, default=REPO / "build" / "bench" / "corpora")
    p.add_argument("--out", type=Path, default=REPO / "build" / "bench" / "render_parts.json")
    args = p.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in names if n not in SETTINGS]
    if unknown:
        raise SystemExit(f"unknown settings {unknown}; known: {list(SETTINGS)}")
    results: dict[str, dict[str, dict[str, float]]] = {}
    counts: dict[str, int] = {}
    for size in args.sizes.split(","):
        count = 0 if size == "seed" else int(size)
        source = curated.build_corpus(count, args.corpora.resolve())
        project = args.corpora.resolve() / f"parts-{size}"
        shutil.rmtree(project, ignore_errors=True)
        shutil.copytree(source, project, ignore=shutil.ignore_patterns("build"))
        if args.render_only:
            _timed([*SHUTTLE, "--root", str(project), "generate"])
        runs = [one_run(project, names, turn, args.render_only) for turn in range(args.runs)]
        results[size], counts[size] = medians(runs), args.runs
        shutil.rmtree(project, ignore_errors=True)
        sys.stderr.write("\n".join(table(results, counts)) + "\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    sys.stdout.write("\n".join(table(results, counts)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
