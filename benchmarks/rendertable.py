"""The renderers' table (benchmarks/renderers.py): seconds as medians over the runs, each
renderer's ratio to bare mkdocs taken within each run and then its median, every target
beside its numbers with met or not met, and the machine's load while it ran."""

from __future__ import annotations

import math
import statistics
from typing import Any

SECONDS = (
    ("generate, cold", "generate_cold"),
    ("generate, warm", "generate_warm"),
    ("shuttle build, Material, cold", "material_cold"),
    ("shuttle build, Material, warm", "material_warm"),
    ("shuttle build, Material, one article edited", "material_edited"),
    ("shuttle build, Zensical, cold", "zensical_cold"),
    ("shuttle build, Zensical, warm", "zensical_warm"),
    ("bare mkdocs of the same tree", "bare_mkdocs"),
)
# (label, measure, the most it may be: None, no target), ratios to bare mkdocs of the
# same run
RATIOS: tuple[tuple[str, str, float | None], ...] = (
    ("Material warm / bare", "material_warm", 0.3),
    ("Material one article edited / bare", "material_edited", None),
    ("Material cold / bare", "material_cold", 1.0),
    ("Zensical warm / bare", "zensical_warm", 0.3),
    ("Zensical cold / bare", "zensical_cold", 1.0),
)
# (label, edit, the most it may take in seconds (None: no target), the size the target
# is set at, whose server: the preview's target is set for its default renderer)
EDITS: tuple[tuple[str, str, float | None, str, str], ...] = (
    ("serve: data/ edit shown, s", "data", 1.0, "1000", "serve"),
    ("serve: article data edit shown, s", "article", 1.0, "1000", "serve"),
    ("serve: docs/ edit shown, s", "docs", 1.0, "1000", "serve"),
    ("serve, Zensical: data/ edit shown, s", "data", None, "1000", "serve_zensical"),
    ("serve, Zensical: article edit shown, s", "article", None, "1000", "serve_zensical"),
    ("serve, Zensical: docs/ edit shown, s", "docs", None, "1000", "serve_zensical"),
)
LABEL = 42
CELL = 16


def median(values: list[float]) -> float | None:
    found = [v for v in values if v is not None and not math.isnan(v)]
    return statistics.median(found) if found else None


def seconds(result: dict[str, Any], key: str) -> float | None:
    return median([r[key] for r in result.get("runs", []) if r.get(key) is not None])


def ratio(result: dict[str, Any], key: str) -> float | None:
    """The median over the runs of this run's measure / this run's bare mkdocs."""
    per_run = [
        r[key] / r["bare_mkdocs"]
        for r in result.get("runs", [])
        if r.get(key) is not None and r.get("bare_mkdocs")
    ]
    return median(per_run)


def _verdict(value: float | None, most: float) -> str:
    if value is None:
        return "failed"
    return f"{value:.2f} {'met' if value <= most else 'NOT met'}"


def _row(label: str, cells: list[str]) -> str:
    return label.ljust(LABEL) + "".join(c.rjust(CELL) for c in cells)


def render(results: dict[str, dict[str, Any]]) -> list[str]:
    sizes = list(results)
    lines = [
        _row(
            "seconds (median of the runs)", [f"{s} articles" if s != "seed" else s for s in sizes]
        ),
        _row("runs", [str(len(results[s].get("runs", []))) for s in sizes]),
    ]
    for label, key in SECONDS:
        values = [seconds(results[s], key) for s in sizes]
        lines.append(_row(label, ["failed" if v is None else f"{v:.1f}" for v in values]))
    lines.append(_row("ratio to bare mkdocs, target", []))
    for label, key, most in RATIOS:
        if most is None:  # no target: how it compares, for the reader
            values = [ratio(results[s], key) for s in sizes]
            lines.append(_row(label, ["-" if v is None else f"{v:.2f}" for v in values]))
            continue
        cells = [_verdict(ratio(results[s], key), most) for s in sizes]
        lines.append(_row(f"{label} <= {most:g}", cells))
    for label, edit, most, at, server in EDITS:
        cells = []
        for s in sizes:
            found = (results[s].get(server) or {}).get(edit)
            value = found["median_s"] if found else None
            if value is None or math.isinf(value):
                cells.append("-" if found is None else "never shown")
            elif s == at and most is not None:
                cells.append(f"{value:.2f} {'met' if value <= most else 'NOT met'}")
            else:
                cells.append(f"{value:.2f}")
        lines.append(_row(label if most is None else f"{label} <= {most:g} at {at}", cells))
    loads = [results[s].get("load") or [math.nan, math.nan] for s in sizes]
    lines.append(_row("load average, before/after", [f"{a:.1f}/{b:.1f}" for a, b in loads]))
    for s in sizes:
        for key, why in sorted((results[s].get("failures") or {}).items()):
            lines.append(f"  {s}, {key} failed: {why}")
        for server in ("serve", "serve_zensical"):
            if (results[s].get(server) or {}).get("error"):
                lines.append(f"  {s}, {server}: {results[s][server]['error']}")
    return lines
