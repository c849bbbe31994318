"""W304: a source or an event filed under a trip whose dates it falls outside."""

from __future__ import annotations

import shutil
from pathlib import Path

from shuttle.checks import run_checks
from shuttle.paths import Paths

FIXTURE = Path(__file__).parent / "fixtures" / "project"


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    return root


def _w304(root: Path) -> list[str]:
    _, problems = run_checks(Paths(root))
    return [str(p) for p in problems if p.code == "W304"]


def test_a_source_reporting_on_a_day_of_its_trip_is_quiet(tmp_path: Path) -> None:
    assert _w304(_project(tmp_path)) == []


def test_a_source_reporting_on_a_day_outside_its_trip_is_flagged_at_its_event_date(
    tmp_path: Path,
) -> None:
    root = _project(tmp_path)
    sources = root / "seeds" / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(
        text.replace("    event_date: 2023-11-20\n", "    event_date: 2023-11-29\n", 1)
    )
    (found,) = _w304(root)
    assert found.startswith("seeds/sources.yml:8: W304 source 'wire-2023-11-20-alpha'")
    assert "2023-11-29, outside trip 3" in found


def test_an_event_assigned_to_a_trip_it_did_not_happen_in_is_flagged(tmp_path: Path) -> None:
    root = _project(tmp_path)
    article = root / "data" / "articles" / "wire-2023-11-20-alpha.yml"
    text = article.read_text(encoding="utf-8")
    assert "  - id: e-" in text and "    trip: 3\n" in text
    dated = text.replace("    date: 2023-11-20\n", "    date: 2023-10-01\n", 1)  # trip: 3
    assert dated != text
    article.write_text(dated, encoding="utf-8")
    (found,) = _w304(root)
    assert "W304 event e-" in found and "dated 2023-10-01, outside trip 3" in found
