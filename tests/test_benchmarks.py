"""The benchmark code itself (not a timed test: nothing here asserts a duration).

The corpus generator is deterministic and varied; the runner, on a tiny corpus, prints
and writes a report with every row of the issue's targets.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench() -> Iterator[ModuleType]:
    sys.path.insert(0, str(REPO))
    try:
        yield importlib.import_module("benchmarks.corpus")
    finally:
        sys.path.remove(str(REPO))


def test_the_corpus_is_deterministic_and_grows_by_prefix(bench: ModuleType) -> None:
    ref = bench.reference()
    five = bench.generate(5, ref)
    again = bench.generate(5, ref)
    assert [a.text for a in five] == [a.text for a in again]
    assert [a.text for a in bench.generate(3, ref)] == [a.text for a in five[:3]]


def test_the_corpus_is_varied(bench: ModuleType) -> None:
    articles = bench.generate(60, bench.reference())
    assert len({a.text for a in articles}) == 60
    assert len({a.outlet for a in articles}) >= 10
    assert len({len(a.text.splitlines()) for a in articles}) >= 5
    days = sorted(a.event_date for a in articles)
    assert (days[-1] - days[0]).days > 365
    text = "\n".join(a.text for a in articles)
    for mark in ("“", "said", "killed", "hostages", " trip", "Blinken"):
        assert mark in text


@pytest.mark.slow
def test_the_report_has_every_row(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [
            sys.executable, "-m", "benchmarks", "--sizes", "4", "--runs", "1",
            "--no-lighthouse", "--no-serve", "--out", str(tmp_path / "out"),
            "--corpora", str(tmp_path / "corpora"),
        ],
        cwd=REPO, env=env, capture_output=True, text=True, check=False, timeout=1200,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    sys.path.insert(0, str(REPO))
    try:
        report = importlib.import_module("benchmarks.report")
    finally:
        sys.path.remove(str(REPO))
    for row in report.TARGET_ROWS:
        assert row in result.stdout, row
    data = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))
    assert [t["measure"] for t in data["targets"]] == list(report.TARGET_ROWS)
    corpus = data["corpora"]["4"]
    assert corpus["articles"] == 4 and corpus["pages"] > 10
    for part in ("extract", "cold", "warm", "uncached", "bare", "rebuild"):
        assert corpus[part]["wall_s"] > 0, part
    assert corpus["pages_report"]["chart_js_without_chart"] == []
    assert data["extraction"]["mb_per_s"] > 0
    assert "Editor effort, all articles" in result.stdout
    kept = (REPO / "benchmarks" / "editor_effort.yml").read_text(encoding="utf-8")
    assert f"proposed: {data['editor_effort']['baseline']['proposed']}\n" in kept


def test_the_benchmark_prints_the_editor_effort_beside_its_baseline(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO))
    try:
        editor_effort = importlib.import_module("benchmarks.editor_effort")
    finally:
        sys.path.remove(str(REPO))
    baseline = tmp_path / "editor_effort.yml"
    baseline.write_text(
        "totals: {proposed: 41, accepted: 17, corrected: 13, rejected: 5, candidate: 6,\n"
        "  by_hand: 9, unmerged: 2, corrected_fields: {quotes.speaker: 7}}\n",
        encoding="utf-8",
    )
    lines, numbers = editor_effort.report(REPO / "tests" / "fixtures" / "project", baseline)
    assert numbers["baseline"]["proposed"] == 41
    now = numbers["now"]
    assert now["by_hand"] > 0  # the fixture's records were written by hand
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:10]}
    assert rows["proposed"] == ["41", str(now["proposed"])]
    assert rows["by_hand"] == ["9", str(now["by_hand"])]
    assert "fields corrected (baseline): quotes.speaker 7" in lines


def test_the_renderers_table_puts_each_renderer_beside_bare_mkdocs(bench: ModuleType) -> None:
    table = importlib.import_module("benchmarks.rendertable")
    keys = [key for _, key in table.SECONDS]
    # three runs whose machine got slower: the ratio is taken within each run
    runs = [{k: float(n + 1) * speed for n, k in enumerate(keys)} for speed in (1, 2, 10)]
    runs[2]["material_warm"] = 0.0001  # an outlier in one run moves the ratio's median only
    results = {
        "seed": {"runs": runs, "failures": {}, "load": [1.0, 2.0]},
        "1000": {
            "runs": runs[:1] + [{**runs[1], "zensical_cold": None}],
            "failures": {"zensical_cold": "exit 1: token positions"},
            "load": [3.0, 4.0],
            "serve": {"data": {"median_s": 4.5}, "docs": {"median_s": 0.5}},
            "serve_zensical": {"docs": {"median_s": 2.5}, "error": "zensical stopped"},
        },
    }
    lines = table.render(results)
    assert lines[0].split()[-3:] == ["seed", "1000", "articles"]
    assert lines[1].split()[-2:] == ["3", "2"]
    cells = {line[: table.LABEL].strip(): line[table.LABEL :].split() for line in lines}
    bare = keys.index("bare_mkdocs") + 1
    per_run = [(keys.index("material_warm") + 1) / bare] * 2
    assert cells["Material warm / bare <= 0.3"][:2] == [f"{per_run[0]:.2f}", "NOT"]
    cold = (keys.index("material_cold") + 1) / bare
    assert cells["Material cold / bare <= 1"][:2] == [f"{cold:.2f}", "met"]
    assert cells["shuttle build, Zensical, cold"] == [
        f"{2 * (keys.index('zensical_cold') + 1):.1f}",
        f"{keys.index('zensical_cold') + 1:.1f}",  # the failed run left out
    ]
    assert cells["serve: data/ edit shown, s <= 1 at 1000"] == ["-", "4.50", "NOT", "met"]
    assert cells["serve: docs/ edit shown, s <= 1 at 1000"] == ["-", "0.50", "met"]
    # Zensical's server beside it, with no target of its own (the preview's is Material's)
    assert cells["serve, Zensical: docs/ edit shown, s"] == ["-", "2.50"]
    assert cells["serve, Zensical: data/ edit shown, s"] == ["-", "-"]
    assert "  1000, serve_zensical: zensical stopped" in lines
    assert any("zensical_cold failed: exit 1: token positions" in line for line in lines)
