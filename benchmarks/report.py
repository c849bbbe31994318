"""The benchmark's table: every number beside its target, printed and written as JSON."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks.runner import CorpusResult


@dataclass
class Row:
    measure: str
    value: float | None
    unit: str
    target: str
    ok: bool | None  # None: no target, shown for information
    note: str = ""

    def shown(self) -> str:
        if self.value is None or (isinstance(self.value, float) and math.isnan(self.value)):
            return "n/a"
        if self.unit == "×":
            return f"{self.value:.2f}×"
        if self.unit in ("s", "MB/s"):
            return f"{self.value:.2f} {self.unit}"
        return f"{self.value:.0f} {self.unit}".strip()


# The rows a complete report has (tests/test_benchmarks.py checks them).
TARGET_ROWS = (
    "shuttle build / bare mkdocs, seed site",
    "shuttle build / bare mkdocs, 1,000 articles",
    "shuttle build, page cache empty / bare mkdocs, seed site",
    "shuttle build, page cache empty / bare mkdocs, 1,000 articles",
    "extraction, one core",
    "extraction, process pool speed-up on 2 cores",
    "full build growth, 1,000 -> 5,000 articles",
    "build time, 1,000 articles (cold)",
    "build peak memory, 1,000 articles",
    "rebuild after editing one quote / cold build, seed site",
    "rebuild after editing one quote / cold build, 1,000 articles",
    "charts and chart JavaScript on a rebuild",
    "serve shows a YAML edit, seed site",
    "largest page without charts, seed site",
    "largest page without charts, 1,000 articles",
    "pages with chart JavaScript but no chart",
    "Lighthouse performance, home",
    "Lighthouse accessibility, home",
    "Lighthouse performance, figures",
    "Lighthouse accessibility, figures",
)


def _get(results: dict[str, CorpusResult], name: str) -> CorpusResult | None:
    return results.get(name)


def _ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or not b or math.isnan(a) or math.isnan(b):
        return None
    return a / b


def _check(value: float | None, test: Callable[[float], bool]) -> bool | None:
    if value is None or math.isnan(value):
        return None
    return test(value)


def target_rows(
    results: dict[str, CorpusResult],
    speed: dict[str, Any] | None,
    serve: dict[str, Any] | None,
    lighthouse: dict[str, Any] | None,
) -> list[Row]:
    rows: list[Row] = []
    # warm: an editor's build and CI with build/cache kept, nothing changed (build/site
    # read back and kept: sitememo.py); page cache empty: every page rendered (charts and
    # templates still cached), what our steps cost on a fresh clone
    for kind, prefix in (
        ("warm", "shuttle build"),
        ("uncached", "shuttle build, page cache empty"),
    ):
        for name, label in (("seed", "seed site"), ("1000", "1,000 articles")):
            r = _get(results, name)
            ours = getattr(r, kind) if r else None
            ratio = _ratio(ours["wall_s"], r.bare["wall_s"]) if r and ours else None
            note = (
                f"{ours['wall_s']:.1f} s vs {r.bare['wall_s']:.1f} s, medians of {r.runs}; "
                f"CPU {ours['cpu_s']:.1f} s vs {r.bare['cpu_s']:.1f} s"
                if r and ours
                else "not run"
            )
            rows.append(
                Row(f"{prefix} / bare mkdocs, {label}", ratio, "×", "≤ 1.3",
                    _check(ratio, lambda x: x <= 1.3), note)
            )  # fmt: skip
    mbs = speed["mb_per_s"] if speed else None
    rows.append(
        Row("extraction, one core", mbs, "MB/s", "≥ 5", _check(mbs, lambda x: x >= 5),
            f"{speed['mb']:.1f} MB, {speed['articles']} articles" if speed else "not run")
    )  # fmt: skip
    up = speed["speedup_2"] if speed else None
    rows.append(
        Row("extraction, process pool speed-up on 2 cores", up, "×", "> 1 (shown)",
            _check(up, lambda x: x > 1.0), "the extractors alone, same articles")
    )  # fmt: skip
    a, b = _get(results, "1000"), _get(results, "5000")
    growth = _ratio(b.cold["wall_s"], a.cold["wall_s"]) if a and b else None
    cpu_growth = _ratio(b.cold["cpu_s"], a.cold["cpu_s"]) if a and b else None
    note = f"cold builds; CPU time grows {cpu_growth:.2f}×" if cpu_growth else "not run"
    if b and b.cold.get("timed_out"):
        note = f"the 5,000-article build was stopped after {b.cold['wall_s']:.0f} s: at least this"
    rows.append(
        Row("full build growth, 1,000 -> 5,000 articles", growth, "×", "≤ 5.5",
            _check(growth, lambda x: x <= 5.5), note)
    )  # fmt: skip
    wall = a.cold["wall_s"] if a else None
    rows.append(
        Row("build time, 1,000 articles (cold)", wall, "s", "< 60 s",
            _check(wall, lambda x: x < 60), f"CPU {a.cold['cpu_s']:.1f} s" if a else "not run")
    )  # fmt: skip
    peak = max(a.cold["peak_mb"], a.warm["peak_mb"]) if a else None
    rows.append(
        Row("build peak memory, 1,000 articles", peak, "MB", "< 2048 MB",
            _check(peak, lambda x: x < 2048), "peak resident set, build and lychee")
    )  # fmt: skip
    for name, label in (("seed", "seed site"), ("1000", "1,000 articles")):
        r = _get(results, name)
        ratio = _ratio(r.rebuild["wall_s"], r.cold["wall_s"]) if r else None
        note = f"{r.rebuild['wall_s']:.1f} s vs {r.cold['wall_s']:.1f} s" if r else "not run"
        rows.append(
            Row(f"rebuild after editing one quote / cold build, {label}", ratio, "×", "≤ 0.5",
                _check(ratio, lambda x: x <= 0.5), note)
        )  # fmt: skip
    seed = _get(results, "seed")
    if seed:
        cold_charts = seed.cold["phases"]["charts"]
        warm_charts = seed.rebuild["phases"]["charts"]
        rows.append(
            Row("charts and chart JavaScript on a rebuild", warm_charts, "s",
                "cached (≤ 20% of cold)", _check(warm_charts, lambda x: x <= 0.2 * cold_charts),
                f"cold {cold_charts:.2f} s; SVG and bundle cached by content hash")
        )  # fmt: skip
    else:
        rows.append(Row("charts and chart JavaScript on a rebuild", None, "s", "cached", None))
    latency = serve.get("median_s") if serve else None
    rows.append(
        Row("serve shows a YAML edit, seed site", latency, "s", "≤ 2 s",
            _check(latency, lambda x: x <= 2.0),
            serve.get("error", f"runs {_fmt(serve.get('runs'))}") if serve else "not run")
    )  # fmt: skip
    for name, label in (("seed", "seed site"), ("1000", "1,000 articles")):
        r = _get(results, name)
        kb = r.pages_report["largest_kb"] if r else None
        note = (
            f"{r.pages_report['largest_page']}; {r.pages_report['pages_over_60kb']} of "
            f"{r.pages} pages over 60 KB"
            if r
            else "not run"
        )
        rows.append(
            Row(f"largest page without charts, {label}", kb, "KB", "≤ 60 KB",
                _check(kb, lambda x: x <= 60), note)
        )  # fmt: skip
    misplaced = sum(len(r.pages_report.get("chart_js_without_chart", [])) for r in results.values())
    rows.append(
        Row("pages with chart JavaScript but no chart", float(misplaced), "", "0",
            misplaced == 0 if results else None, "every corpus")
    )  # fmt: skip
    for page in ("home", "figures"):
        scores = (lighthouse or {}).get(page, {})
        error = (lighthouse or {}).get("error", "")
        for category, target, test in (
            ("performance", "≥ 90", lambda x: x >= 90),
            ("accessibility", "100", lambda x: x >= 100),
        ):
            value = scores.get(category)
            note = error or (
                f"runs {scores.get('runs', {}).get(category)}" if scores else "not run"
            )
            rows.append(
                Row(f"Lighthouse {category}, {page}", value, "", target,
                    _check(value, test), note)
            )  # fmt: skip
    return rows


def _fmt(values: Any) -> str:
    if not values:
        return "-"
    return ", ".join(f"{v:.2f}" for v in values)


def _ph(r: CorpusResult) -> dict[str, Any]:
    """The parts of a warm build, or of a cold one when only cold builds were measured."""
    phases: dict[str, Any] = r.warm.get("phases") or r.cold["phases"]
    return phases


CORPUS_ROWS: tuple[tuple[str, Callable[[CorpusResult], str]], ...] = (
    ("articles", lambda r: f"{r.articles:,}"),
    ("article text (MB)", lambda r: f"{r.text_mb:.1f}"),
    ("pages built", lambda r: f"{r.pages:,}"),
    ("shuttle extract (s)", lambda r: f"{r.extract['wall_s']:.1f}"),
    ("  peak memory (MB)", lambda r: f"{r.extract['peak_mb']:.0f}"),
    ("check (s)", lambda r: f"{_ph(r)['check']:.2f}"),
    ("page generation (s)", lambda r: f"{_ph(r)['pages']:.2f}"),
    ("charts, cold (s)", lambda r: f"{r.cold['phases']['charts']:.2f}"),
    ("charts, cached (s)", lambda r: f"{r.warm['phases']['charts']:.2f}"),
    ("mkdocs' own work (s)", lambda r: f"{_ph(r)['mkdocs']:.2f}"),
    ("link check (s)", lambda r: f"{_ph(r)['linkcheck']:.2f}"),
    ("shuttle build, warm (s)", lambda r: f"{r.warm['wall_s']:.1f}"),
    ("  CPU (s)", lambda r: f"{r.warm['cpu_s']:.1f}"),
    ("  peak memory (MB)", lambda r: f"{r.warm['peak_mb']:.0f}"),
    ("shuttle build, page cache empty (s)", lambda r: f"{r.uncached['wall_s']:.1f}"),
    ("  mkdocs' own work (s)", lambda r: f"{r.uncached['phases']['mkdocs']:.2f}"),
    ("bare mkdocs build (s)", lambda r: f"{r.bare['wall_s']:.1f}"),
    ("  CPU (s)", lambda r: f"{r.bare['cpu_s']:.1f}"),
    ("  peak memory (MB)", lambda r: f"{r.bare['peak_mb']:.0f}"),
    ("shuttle / bare", lambda r: f"{r.warm['wall_s'] / r.bare['wall_s']:.2f}×"),
    ("  page cache empty", lambda r: f"{r.uncached['wall_s'] / r.bare['wall_s']:.2f}×"),
    ("cold build (s)", lambda r: f"{r.cold['wall_s']:.1f}"),
    ("rebuild, one quote edited (s)", lambda r: f"{r.rebuild['wall_s']:.1f}"),
    ("largest page w/o charts (KB)", lambda r: f"{r.pages_report['largest_kb']:.0f}"),
    ("pages over 60 KB", lambda r: f"{r.pages_report['pages_over_60kb']}"),
    ("runs (median of)", lambda r: f"{r.runs}"),
)


def render(results: dict[str, CorpusResult], rows: list[Row], context: dict[str, Any]) -> list[str]:
    lines = []
    names = list(results)
    width = max(len(label) for label, _ in CORPUS_ROWS) + 2
    lines.append("Per corpus (times are medians, wall clock):")
    lines.append(" " * width + "".join(f"{n:>12}" for n in names))
    for label, cell in CORPUS_ROWS:
        values = []
        for name in names:
            try:
                values.append(cell(results[name]))
            except (KeyError, ZeroDivisionError, TypeError, ValueError):
                values.append("n/a")
        lines.append(f"{label:<{width}}" + "".join(f"{v:>12}" for v in values))
    lines.append("")
    lines.append("Targets:")
    mw = max(len(r.measure) for r in rows) + 2
    lines.append(f"{'measure':<{mw}}{'value':>12}  {'target':<24}{'met':<6}note")
    for row in rows:
        met = {True: "yes", False: "NO", None: "-"}[row.ok]
        lines.append(f"{row.measure:<{mw}}{row.shown():>12}  {row.target:<24}{met:<6}{row.note}")
    lines.append("")
    lines.append(
        f"Machine: {context.get('cores')} cores; load average {context.get('load_before'):.1f} "
        f"before, {context.get('load_after'):.1f} after (other work on the machine inflates "
        "wall times; ratios are measured side by side)."
    )
    return lines


def write_json(
    path: Path,
    results: dict[str, CorpusResult],
    rows: list[Row],
    extra: dict[str, Any],
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "targets": [asdict(r) for r in rows],
        "corpora": {name: asdict(r) for name, r in results.items()},
        **extra,
    }
    path.write_text(json.dumps(data, indent=1, default=str, allow_nan=True) + "\n", "utf-8")
