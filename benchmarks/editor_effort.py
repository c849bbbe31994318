"""The editors' effort: the kept baseline (benchmarks/editor_effort.yml, written by
`shuttle effort --write`) beside the same numbers measured on the project now, so that an
improvement of the extractors shows as fewer corrections and fewer records added by hand
(after `shuttle extract`, new proposals first show as unmerged)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

from shuttle.curation import effort
from shuttle.paths import Paths

BASELINE = Path("benchmarks") / "editor_effort.yml"
ROWS = ("proposed", *effort.OUTCOMES)


def report(root: Path, baseline: Path | None = None) -> tuple[list[str], dict[str, Any]]:
    """Lines to print, and the numbers (for results.json)."""
    path = baseline or root / BASELINE
    kept = yaml.safe_load(path.read_text(encoding="utf-8"))["totals"] if path.exists() else {}
    efforts, problems = effort.run(Paths(root))
    now = effort.totals(efforts).as_data() if not problems else {}
    lines = [f"Editor effort, all articles (baseline: {BASELINE}; now: this checkout):"]
    lines.append(f"{'':<12}{'baseline':>10}{'now':>10}")
    for row in ROWS:
        lines.append(f"{row:<12}{_cell(kept.get(row)):>10}{_cell(now.get(row)):>10}")
    for label, numbers in (("baseline", kept), ("now", now)):
        fields = numbers.get("corrected_fields") or {}
        if fields:
            listed = ", ".join(f"{name} {n}" for name, n in sorted(fields.items()))
            lines.append(f"fields corrected ({label}): {listed}")
    if problems:
        lines.append(f"now: not measured, the project does not load ({problems[0]})")
    return lines, {"baseline": kept, "now": now}


def _cell(value: object) -> str:
    return "n/a" if value is None else str(value)
