"""The measurements of one corpus: extract, the build's parts, cold and warm builds, the
bare mkdocs build of the same pages, a rebuild after editing one quote, page sizes.

Everything runs in fresh processes (benchmarks/measure.py); repeated measurements are
interleaved (shuttle build, bare build, shuttle build, ...) so that both sides of a
ratio see the same machine, and medians are reported.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import curated
from benchmarks.measure import Sample, run, run_step, shuttle_cmd
from benchmarks.measure import Series as S

Log = Callable[[str], object]

PAGE_BUDGET = 60 * 1024
CHART_MARK = "shuttle-chart__canvas"
CHART_SCRIPT = "javascripts/vega.js"


@dataclass
class CorpusResult:
    name: str
    articles: int
    text_mb: float
    pages: int = 0
    runs: int = 0
    extract: dict[str, Any] = field(default_factory=dict)
    cold: dict[str, Any] = field(default_factory=dict)
    warm: dict[str, Any] = field(default_factory=dict)
    bare: dict[str, Any] = field(default_factory=dict)
    rebuild: dict[str, Any] = field(default_factory=dict)
    uncached: dict[str, Any] = field(default_factory=dict)
    pages_report: dict[str, Any] = field(default_factory=dict)


def _stats(samples: list[Sample]) -> dict[str, Any]:
    wall, cpu, rss = S(), S(), S()
    for sample in samples:
        wall.add(sample.wall)
        cpu.add(sample.cpu)
        rss.add(sample.rss_mb)
    return {
        "wall_s": wall.median,
        "cpu_s": cpu.median,
        "peak_mb": max(rss.values) if rss.values else float("nan"),
        "runs": len(samples),
        "walls": wall.values,
    }


def _phases(results: list[dict[str, Any]]) -> dict[str, float]:
    keys = ("check", "pages", "charts", "plugin_other", "mkdocs", "linkcheck", "finish", "total")
    out = {}
    for key in keys:
        series = S([r[key] for r in results if key in r])
        out[key] = series.median
    peaks = [r["peaks_mb"] for r in results if "peaks_mb" in r]
    if peaks:
        out["peaks_mb"] = {k: max(p.get(k, 0.0) for p in peaks) for k in peaks[0]}  # type: ignore[assignment]
    return out


def text_size(project: Path) -> tuple[int, float]:
    files = [p for p in (project / "seeds").glob("*.txt")]
    return len(files), sum(p.stat().st_size for p in files) / 1e6


def measure_extract(project: Path, work: Path, runs: int, log: Log) -> dict[str, Any]:
    """`shuttle extract` from nothing: the seeds and reference data, no curated articles."""
    samples = []
    for i in range(runs):
        log(f"  extract (run {i + 1}/{runs})")
        curated.fresh_project(work, project / "seeds")
        samples.append(run(shuttle_cmd(work, "extract")))
    shutil.rmtree(work, ignore_errors=True)
    return _stats(samples)


def _edit_one_quote(project: Path) -> tuple[Path, str]:
    """Give one published quote another speaker; returns the file and its old text."""
    speakers = re.findall(
        r"^  - id: (\S+)$", (project / "data" / "people.yml").read_text("utf-8"), re.M
    )
    for path in sorted((project / "data" / "articles").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        match = re.search(r"^    speaker: (\S+)$", text, re.M)
        if match:
            other = next(s for s in speakers if s != match.group(1))
            edited = text[: match.start(1)] + other + text[match.end(1) :]
            path.write_text(edited, encoding="utf-8")
            return path, text
    raise RuntimeError("no quote with a speaker to edit")


def measure_builds(
    project: Path,
    runs: int,
    cold_runs: int,
    log: Log,
    *,
    cold_only: bool = False,
    timeout: float | None = None,
) -> dict[str, Any]:
    """Cold builds (nothing under build/), rebuilds after editing one quote, and side by
    side: warm builds, builds with the page cache emptied (charts and templates still
    cached: what our steps cost when every page is rendered) and the bare mkdocs build of
    the same pages. `cold_only`: the cold builds alone (for the largest corpora, where
    each build takes many minutes)."""
    if cold_only:
        samples, phases = [], []
        for i in range(cold_runs):
            log(f"  cold build (run {i + 1}/{cold_runs})")
            shutil.rmtree(project / "build", ignore_errors=True)
            result, sample = run_step("build", project, timeout=timeout)
            samples.append(sample)
            if sample.timed_out:
                log(f"  stopped after {timeout:.0f} s: the build did not finish")
                break
            phases.append(result)
        cold = {**_stats(samples), "phases": _phases(phases)}
        cold["timed_out"] = any(s.timed_out for s in samples)
        skipped = {"skipped": "cold builds only for this corpus (--full-large measures all)"}
        return {
            "cold": cold,
            "rebuild": skipped,
            "warm": skipped,
            "uncached": skipped,
            "bare": skipped,
        }
    cold: list[Sample] = []
    cold_phases: list[dict[str, Any]] = []
    rebuild: list[Sample] = []
    rebuild_phases: list[dict[str, Any]] = []
    for i in range(cold_runs):
        log(f"  cold build and rebuild after one edited quote (run {i + 1}/{cold_runs})")
        shutil.rmtree(project / "build", ignore_errors=True)
        phases, sample = run_step("build", project)
        cold.append(sample)
        cold_phases.append(phases)
        path, before = _edit_one_quote(project)
        try:
            phases, sample = run_step("build", project)
            rebuild.append(sample)
            rebuild_phases.append(phases)
        finally:
            path.write_text(before, encoding="utf-8")
    bare_dir = project.parent / f"{project.name}-bare"
    info, _ = run_step("bare", project, str(bare_dir))
    warm: list[Sample] = []
    warm_phases: list[dict[str, Any]] = []
    uncached: list[Sample] = []
    uncached_phases: list[dict[str, Any]] = []
    bare: list[Sample] = []
    for i in range(runs):
        log(f"  shuttle build and bare mkdocs build, side by side (run {i + 1}/{runs})")
        phases, sample = run_step("build", project)
        warm.append(sample)
        warm_phases.append(phases)
        # the page cache gone, and the site memo with it (sitememo.py), so the site is
        # rendered, not kept as it was
        shutil.rmtree(project / "build" / "cache" / "pages", ignore_errors=True)
        (project / "build" / "cache" / "rendered").unlink(missing_ok=True)
        phases, sample = run_step("build", project)
        uncached.append(sample)
        uncached_phases.append(phases)
        shutil.rmtree(bare_dir / "build", ignore_errors=True)
        bare.append(
            run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bare_dir / "mkdocs.yml")])
        )
    shutil.rmtree(bare_dir, ignore_errors=True)
    return {
        "cold": {**_stats(cold), "phases": _phases(cold_phases)},
        "rebuild": {**_stats(rebuild), "phases": _phases(rebuild_phases)},
        "warm": {**_stats(warm), "phases": _phases(warm_phases)},
        "uncached": {**_stats(uncached), "phases": _phases(uncached_phases)},
        "bare": {**_stats(bare), "pages": info["pages"], "files": info["files"]},
    }


def page_sizes(site: Path) -> dict[str, Any]:
    """A page's own HTML (without assets), chart pages apart; chart JavaScript placement."""
    biggest = ("", 0)
    over = []
    chart_pages, script_pages, misplaced = [], [], []
    count = 0
    for page in sorted(site.rglob("*.html")):
        count += 1
        html = page.read_text(encoding="utf-8", errors="replace")
        rel = page.relative_to(site).as_posix()
        size = len(html.encode("utf-8"))
        has_chart = CHART_MARK in html
        if CHART_SCRIPT in html:
            script_pages.append(rel)
            if not has_chart:
                misplaced.append(rel)
        if has_chart:
            chart_pages.append(rel)
            continue
        if size > biggest[1]:
            biggest = (rel, size)
        if size > PAGE_BUDGET:
            over.append(rel)
    return {
        "pages": count,
        "largest_page": biggest[0],
        "largest_kb": biggest[1] / 1024,
        "pages_over_60kb": len(over),
        "over_60kb": over[:20],
        "chart_pages": chart_pages,
        "pages_with_chart_js": script_pages,
        "chart_js_without_chart": misplaced,
    }


def bench_corpus(
    name: str,
    project: Path,
    *,
    runs: int,
    cold_runs: int,
    extract_runs: int,
    log: Log,
    cold_only: bool = False,
    timeout: float | None = None,
) -> CorpusResult:
    articles, mb = text_size(project)
    result = CorpusResult(name=name, articles=articles, text_mb=mb, runs=runs)
    log(f"corpus {name}: {articles} articles, {mb:.1f} MB of text")
    result.extract = measure_extract(
        project, project.parent / f"{project.name}-extract", extract_runs, log
    )
    builds = measure_builds(project, runs, cold_runs, log, cold_only=cold_only, timeout=timeout)
    result.cold, result.rebuild = builds["cold"], builds["rebuild"]
    result.warm, result.bare = builds["warm"], builds["bare"]
    result.uncached = builds["uncached"]
    site = project / "build" / "site"
    result.pages_report = page_sizes(site) if site.is_dir() else {"skipped": "no site built"}
    result.pages = result.pages_report.get("pages", 0)
    return result


def extraction_speed(project: Path, runs: int) -> dict[str, Any]:
    """MB/s of the extractors on one core, and with a pool of two processes."""
    info, sample = run_step("extract-speed", project, str(runs))
    one = S(info["one_core"]).median
    two = S(info["two_cores"]).median
    mb = info["bytes"] / 1e6
    return {
        "articles": info["articles"],
        "mb": mb,
        "one_core_s": one,
        "two_cores_s": two,
        "mb_per_s": mb / one,
        "speedup_2": one / two,
        "runs": runs,
        "one_core_runs": info["one_core"],
        "two_core_runs": info["two_cores"],
    }
