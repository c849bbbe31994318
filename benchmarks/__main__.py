"""`make bench`: `python -m benchmarks [--sizes seed,100,1000,5000] [--runs 3] ...`.

Prints the table (every number beside its target) and writes it as JSON under
build/bench/. Generated corpora are cached under build/bench/corpora/ by content hash.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import curated, editor_effort, hostile, lighthouse, report, runner, serve
from benchmarks.measure import REPO, cores, load_average

LARGE = 5000  # from this many articles: --large-runs, and cold builds only


def _sizes(text: str) -> list[str]:
    sizes = [s.strip() for s in text.split(",") if s.strip()]
    for size in sizes:
        if size != "seed" and not size.isdigit():
            raise argparse.ArgumentTypeError(f"{size!r}: a number of articles, or seed")
    return sizes


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    p.add_argument("--sizes", type=_sizes, default=_sizes("seed,100,1000,5000"))
    p.add_argument("--runs", type=int, default=3, help="repeats per measurement (medians)")
    p.add_argument(
        "--large-runs", type=int, default=1, help="repeats for corpora of 5,000 articles or more"
    )
    p.add_argument("--out", type=Path, default=REPO / "build" / "bench")
    p.add_argument(
        "--corpora", type=Path, default=REPO / "build" / "bench" / "corpora",
        help="where generated corpora are cached",
    )  # fmt: skip
    p.add_argument(
        "--full-large", action="store_true",
        help=f"for corpora of {LARGE:,} articles or more, also the warm, bare and rebuild builds",
    )  # fmt: skip
    p.add_argument(
        "--large-timeout", type=float, default=1800,
        help="seconds a build of the largest corpora may take before it is stopped",
    )  # fmt: skip
    p.add_argument("--no-lighthouse", action="store_true")
    p.add_argument("--no-serve", action="store_true")
    p.add_argument("--no-hostile", action="store_true", help="skip the runaway-input timings")
    p.add_argument("--fresh", action="store_true", help="generate the corpora again")
    return p


def log(message: str) -> None:
    stamp = time.strftime("%H:%M:%S")
    sys.stderr.write(f"[{stamp}] {message}\n")
    sys.stderr.flush()


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    out: Path = args.out.resolve()
    corpora: Path = args.corpora.resolve()
    context: dict[str, Any] = {
        "cores": cores(),
        "load_before": load_average(),
        "python": platform.python_version(),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--", "scripts", "benchmarks")),
        "sizes": args.sizes,
        "runs": args.runs,
        "large_runs": args.large_runs,
    }
    started = time.monotonic()
    results: dict[str, runner.CorpusResult] = {}
    projects: dict[str, Path] = {}
    for size in args.sizes:
        count = 0 if size == "seed" else int(size)
        projects[size] = curated.build_corpus(count, corpora, log, fresh=args.fresh)
        large = count >= LARGE
        runs = args.large_runs if large else args.runs
        results[size] = runner.bench_corpus(
            size, projects[size], runs=runs, cold_runs=runs, extract_runs=runs, log=log,
            cold_only=large and not args.full_large,
            timeout=args.large_timeout if large else None,
        )  # fmt: skip
    speed = None
    generated = [s for s in args.sizes if s != "seed"]
    if generated:
        pick = "1000" if "1000" in generated else generated[-1]
        log(f"extraction speed on the {pick}-article corpus (one core, then a pool of 2)")
        speed = runner.extraction_speed(projects[pick], args.runs)
        speed["corpus"] = pick
    serve_result = None
    lighthouse_result = None
    if "seed" in projects:
        if not args.no_serve:
            log("serve: time for an edit of data/people.yml to show")
            copy = out / "serve-seed"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(projects["seed"], copy, ignore=shutil.ignore_patterns("build"))
            serve_result = serve.serve_latency(copy, args.runs)
            shutil.rmtree(copy, ignore_errors=True)
        if not args.no_lighthouse:
            log("Lighthouse (mobile) on the home and figures pages")
            lighthouse_result = lighthouse.audit(
                projects["seed"] / "build" / "site",
                {"home": "", "figures": "figures/"},
                args.runs,
                out,
            )
    runaway = None
    if not args.no_hostile:
        log("runaway input: extraction of one sentence of 1 MB, check of a CRLF data file")
        runaway = {
            "one_sentence_1mb_s": hostile.long_sentences(),
            "check_20mb_people_s": hostile.crlf_check(out / "hostile"),
        }
        for shape, seconds in runaway["one_sentence_1mb_s"].items():
            log(f"  extract, one sentence of 1 MB ({shape}): {seconds:.1f} s")
        for ends, seconds in runaway["check_20mb_people_s"].items():
            log(f"  check, 20 MB data/people.yml with {ends} line ends: {seconds:.1f} s")
    context["load_after"] = load_average()
    context["minutes"] = (time.monotonic() - started) / 60
    rows = report.target_rows(results, speed, serve_result, lighthouse_result)
    lines = report.render(results, rows, context)
    effort_lines, effort_numbers = editor_effort.report(REPO)
    sys.stdout.write("\n".join([*lines, "", *effort_lines]) + "\n")
    path = out / "results.json"
    report.write_json(
        path,
        results,
        rows,
        {
            "context": context,
            "extraction": speed,
            "serve": serve_result,
            "lighthouse": lighthouse_result,
            "runaway": runaway,
            "editor_effort": effort_numbers,
        },
    )
    log(f"written {path} ({context['minutes']:.1f} min)")
    return 0


def _git(*args: str) -> str:
    try:
        out = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
        return out.stdout.strip()
    except OSError:
        return ""


if __name__ == "__main__":
    raise SystemExit(main())
