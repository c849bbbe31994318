"""Generate, then render: the same build/docs with Material and with Zensical, side by side
with bare mkdocs of the same tree (no shuttle plugin), cold and warm; and how long
`shuttle serve` takes to show a saved edit.

`python -m benchmarks.renderers [--sizes seed,1000,5000] [--runs 3] [--large-minutes 70]`
(run by `make bench`). Every timing is one fresh process, wall-clock seconds. A run is,
in one sequence:

- generate cold: `shuttle generate` with no build/; warm: again, nothing changed.
- Material / Zensical cold: `shuttle build --renderer R` with no build/ at all (check,
  generate, render, link check; charts drawn); warm: the same build again (nothing
  changed: build/site is read back and kept, sitememo.py; bare mkdocs renders every
  time); Material, one article edited: a build after an event's summary is reworded.
- bare mkdocs: `mkdocs build` of the tree generate wrote, with a mkdocs.yml without our
  plugin.

Each ratio against bare mkdocs is taken within its run (both sides on the same machine
state), then the medians over the runs are reported: --runs runs below 5,000 articles;
from 5,000, as many as --large-minutes allows (at least one); the table says how many. A
build that fails is reported as failed with its last words, and the others go on; with
--stop-at, a command still running at that time is stopped and reported so. The serve
latency (benchmarks/serve.py) is measured at the sizes of --serve-sizes, before the runs.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import shuttle
from benchmarks import curated, rendertable, serve, steps
from benchmarks.measure import environment, load_average, run, shuttle_cmd
from shuttle.paths import Paths
from shuttle.textio import replace_file

REPO = Path(__file__).resolve().parent.parent
LARGE = 5000


def _log(message: str) -> None:
    sys.stderr.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()


class Clock:
    """The time left before --stop-at: each command may take at most that long."""

    def __init__(self, stop_at: float | None) -> None:
        self.stop_at = stop_at

    def left(self) -> float | None:
        return None if self.stop_at is None else self.stop_at - time.time()


def _timed(command: list[str], failures: dict[str, str], key: str, clock: Clock) -> float | None:
    left = clock.left()
    if left is not None and left <= 0:
        failures.setdefault(key, "not run: past --stop-at")
        return None
    sample = run(command, cwd=REPO, env=environment(), check=False, timeout=left)
    if sample.timed_out:
        failures[key] = f"stopped at --stop-at after {sample.wall:.0f} s"
        _log(f"  {key}: {failures[key]}")
        return None
    if sample.status != 0:
        lines = [ln for ln in (sample.stdout + sample.stderr).splitlines() if ln.strip()]
        failures[key] = f"exit {sample.status}: " + " | ".join(lines[-4:])[-600:]
        _log(f"  {key} failed: {failures[key]}")
        return None
    _log(f"  {key}: {sample.wall:.1f} s")
    return sample.wall


def one_run(
    project: Path, bare: Path, failures: dict[str, str], clock: Clock
) -> dict[str, float | None]:
    """One run: every timing of the table, in an order that repeats from run to run. The
    bare mkdocs project is the tree generate wrote, made once."""
    build = project / "build"
    out: dict[str, float | None] = {}
    shutil.rmtree(build, ignore_errors=True)
    generate = shuttle_cmd(project, "generate")
    out["generate_cold"] = _timed(generate, failures, "generate_cold", clock)
    if not (bare / "mkdocs.yml").is_file() and out["generate_cold"] is not None:
        shutil.copytree(build / "docs", bare / "docs")
        steps.bare_project(Paths(project), bare)
    out["generate_warm"] = _timed(generate, failures, "generate_warm", clock)
    if (bare / "mkdocs.yml").is_file():
        shutil.rmtree(bare / "build", ignore_errors=True)
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bare / "mkdocs.yml")]
        out["bare_mkdocs"] = _timed(mkdocs, failures, "bare_mkdocs", clock)
    for renderer in ("material", "zensical"):
        shutil.rmtree(build, ignore_errors=True)
        command = shuttle_cmd(project, "build", "--renderer", renderer)
        out[f"{renderer}_cold"] = _timed(command, failures, f"{renderer}_cold", clock)
        out[f"{renderer}_warm"] = _timed(command, failures, f"{renderer}_warm", clock)
        if renderer == "material":
            out["material_edited"] = _edited(project, command, failures, clock)
    return out


def _edited(
    project: Path, command: list[str], failures: dict[str, str], clock: Clock
) -> float | None:
    """A build after one article's event summary is reworded (as serve's benchmark edits
    it): what an editor's `make site` costs after a correction, where the warm build
    above, with nothing changed, keeps build/site as it was (sitememo.py)."""
    edit = serve.article_edit(project)
    if edit is None:
        failures["material_edited"] = "no article's data file has an event summary to edit"
        return None
    path, original, edited = edit
    path.write_text(edited, encoding="utf-8")
    try:
        return _timed(command, failures, "material_edited", clock)
    finally:
        path.write_text(original, encoding="utf-8")


def measure_size(
    size: str,
    project: Path,
    *,
    runs: int,
    minutes: float | None,
    serve_runs: int,
    clock: Clock,
) -> dict[str, Any]:
    """`runs` runs, or with `minutes`, runs while one more is likely to fit (at least one)."""
    bare = project.parent / f"{project.name}-bare"
    shutil.rmtree(bare, ignore_errors=True)
    failures: dict[str, str] = {}
    done: list[dict[str, float | None]] = []
    served = _serve(size, project, serve_runs) if serve_runs else None
    started = time.monotonic()
    load_before = load_average()
    while True:
        _log(f"{size}: run {len(done) + 1}" + (f" of {runs}" if minutes is None else ""))
        done.append(one_run(project, bare, failures, clock))
        spent = time.monotonic() - started
        left = clock.left()
        if minutes is None and len(done) >= runs:
            break
        if minutes is not None and spent + spent / len(done) > minutes * 60:
            break
        if left is not None and left < spent / len(done):
            break
    result: dict[str, Any] = {
        "runs": done,
        "failures": failures,
        "load": [load_before, load_average()],
        "minutes": (time.monotonic() - started) / 60,
    }
    if served is not None:
        result.update(served)
    shutil.rmtree(bare, ignore_errors=True)
    return result


SERVERS = {"serve": "material", "serve_zensical": "zensical"}  # result key: renderer


def _serve(size: str, project: Path, runs: int) -> dict[str, dict[str, Any]]:
    """Measured first, on a copy, with Material's server, then with Zensical's (by result
    key, SERVERS): the runs after it may be cut short by --stop-at."""
    found: dict[str, dict[str, Any]] = {}
    for key, renderer in SERVERS.items():
        _log(
            f"{size}: serve with {renderer}, a saved edit of data/ and of docs/ ({runs} runs each)"
        )
        copy = project.parent / f"{project.name}-serve"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(project, copy, ignore=shutil.ignore_patterns("build"))
        try:
            found[key] = serve.latencies(
                copy, runs, timeout=900.0, start_timeout=1800.0, renderer=renderer
            )
        finally:
            shutil.rmtree(copy, ignore_errors=True)
        _log(f"  serve: {json.dumps(found[key])[:400]}")
    return found


def _save(path: Path, size: str | None, result: dict[str, Any]) -> dict[str, Any]:
    """The file's sizes with this one's result put in: sizes measured by another
    invocation (the 5,000 run is started on its own) stay beside it."""
    kept: dict[str, Any] = {}
    if path.is_file():
        kept = json.loads(path.read_text(encoding="utf-8"))
    if size is not None:  # merged: --serve-only and the runs may be measured apart
        kept[size] = {**kept.get(size, {}), **result}
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, (json.dumps(kept, indent=2) + "\n").encode("utf-8"), durable=False)
    order = ["seed", *sorted((s for s in kept if s != "seed"), key=int)]
    return {s: kept[s] for s in order if s in kept}


def _utc_today(hh_mm: str) -> float:
    hours, minutes = (int(part) for part in hh_mm.split(":"))
    now = time.time()
    midnight = now - now % 86400
    return midnight + hours * 3600 + minutes * 60


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.renderers", description=__doc__)
    p.add_argument("--sizes", default="seed,1000,5000")
    p.add_argument("--runs", type=int, default=3, help="runs per size below 5,000 articles")
    p.add_argument(
        "--large-minutes", type=float, default=70.0,
        help="from 5,000 articles: runs while the next is likely to end within this many minutes",
    )  # fmt: skip
    p.add_argument(
        "--stop-at", help="HH:MM (UTC): a command still running then is stopped, none started"
    )
    p.add_argument("--serve-sizes", default="seed,1000", help="where serve's latency is measured")
    p.add_argument("--serve-runs", type=int, default=3, help="saved edits of each kind")
    p.add_argument(
        "--serve-only", action="store_true",
        help="only serve's latency, put beside the runs of another invocation",
    )  # fmt: skip
    p.add_argument("--corpora", type=Path, default=REPO / "build" / "bench" / "corpora")
    p.add_argument("--out", type=Path, default=REPO / "build" / "bench" / "renderers.json")
    args = p.parse_args(argv)
    # shuttle's modules compiled once, as pip compiles an installed package's: the timed
    # processes run with PYTHONDONTWRITEBYTECODE (measure.environment), and the editable
    # install's 80 modules were compiled again in every one (0.25 s), mkdocs' never
    compileall.compile_dir(str(Path(shuttle.__file__).parent), quiet=1)
    serve_sizes = set(args.serve_sizes.split(",")) if args.serve_sizes else set()
    clock = Clock(_utc_today(args.stop_at) if args.stop_at else None)
    results: dict[str, dict[str, Any]] = {}
    for size in args.sizes.split(","):
        count = 0 if size == "seed" else int(size)
        source = curated.build_corpus(count, args.corpora.resolve(), _log)
        project = args.corpora.resolve() / f"renderers-{size}-{os.getpid()}"
        shutil.rmtree(project, ignore_errors=True)
        shutil.copytree(source, project, ignore=shutil.ignore_patterns("build"))
        try:
            if args.serve_only:
                results[size] = _serve(size, project, args.serve_runs)
                _save(args.out, size, results[size])
                continue
            results[size] = measure_size(
                size, project, runs=args.runs,
                minutes=args.large_minutes if count >= LARGE else None,
                serve_runs=args.serve_runs if size in serve_sizes else 0, clock=clock,
            )  # fmt: skip
        finally:
            shutil.rmtree(project, ignore_errors=True)
        _log("\n".join(rendertable.render(_save(args.out, size, results[size]))))
    sys.stdout.write("\n".join(rendertable.render(_save(args.out, None, {}))) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
