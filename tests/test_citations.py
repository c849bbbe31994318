"""checks.citations: trips' citations of paragraphs (E208-E211, W305) and sources'
licences (E212, W212), each at the line it is written on; consistency.trip_list."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from shuttle.checks import citations, consistency, run_checks
from shuttle.paths import Paths
from shuttle.problems import Problem
from shuttle.records.licences import GRANDFATHERED

FIXTURE = Path(__file__).parent / "fixtures" / "project"
ALPHA = "wire-2023-11-20-alpha"  # 4 paragraphs
BETA = "daily-2023-11-21-beta"  # 3 paragraphs

TRIP = """trips:
  - ordinal: 3
    start: 2023-11-20
    end: 2023-11-21
    stops: [Israel, Egypt]
    cites:
      dates: [{dates}]
      stops: [{stops}]
    sought:
      - text: A ceasefire.
        cite: [{sought}]
    summary:
      - text: Talks were held.
        cite: [{summary}]
    disagreements:
      - text: The wire dates the talks to the 20th.
        cite: [{disagreement}]
"""
GOOD = {
    "dates": f"{ALPHA}#p1",
    "stops": f"{ALPHA}#p1, {BETA}#p1",
    "sought": f"{ALPHA}#p2",
    "summary": f"{ALPHA}#p4, {BETA}#p3",
    "disagreement": f"{BETA}#p2",
}
LINES = {"dates": 7, "stops": 8, "sought": 11, "summary": 14, "disagreement": 17}


def project(tmp_path: Path, **cites: str) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    (root / "data" / "trips.yml").write_text(TRIP.format(**{**GOOD, **cites}), encoding="utf-8")
    return root


def problems(root: Path, prefix: str = "E2") -> list[Problem]:
    _, found = run_checks(Paths(root))
    return [p for p in found if p.code.startswith(prefix)]


def test_good_citations_pass(tmp_path: Path) -> None:
    assert problems(project(tmp_path)) == []


@pytest.mark.parametrize("where", sorted(LINES))
def test_a_paragraph_the_source_lacks_is_e210_at_its_line(tmp_path: Path, where: str) -> None:
    found = problems(project(tmp_path, **{where: f"{BETA}#p4"}))
    assert [(p.code, p.file, p.line) for p in found] == [("E210", "data/trips.yml", LINES[where])]
    assert "has 3 paragraphs, no paragraph 4" in found[0].message


def test_an_unknown_source_is_e209_with_the_close_ids(tmp_path: Path) -> None:
    found = problems(project(tmp_path, summary="wire-2023-11-21-alpha#p1"))
    assert [(p.code, p.line) for p in found] == [("E209", LINES["summary"])]
    assert f"did you mean {ALPHA!r}" in found[0].message  # the closest first


def test_an_unknown_source_like_no_other_gets_no_suggestion(tmp_path: Path) -> None:
    (found,) = problems(project(tmp_path, dates="zzz#p1"))
    assert found.code == "E209" and "did you mean" not in found.message


@pytest.mark.parametrize("written", [f"{ALPHA}#1", f"{ALPHA}#p0", f"{ALPHA} p1", f"{ALPHA}"])
def test_a_citation_not_written_id_pn_is_e208(tmp_path: Path, written: str) -> None:
    found = problems(project(tmp_path, sought=repr(written)))
    assert [(p.code, p.line) for p in found] == [("E208", LINES["sought"])]


def test_a_sentence_without_citation_is_e211(tmp_path: Path) -> None:
    root = project(tmp_path)
    path = root / "data" / "trips.yml"
    path.write_text(path.read_text().replace(f"cite: [{GOOD['summary']}]", "cite: []"))
    found = problems(root)
    assert [(p.code, p.line) for p in found] == [("E211", LINES["summary"] - 1)]


def test_each_bad_citation_is_its_own_problem(tmp_path: Path) -> None:
    found = problems(project(tmp_path, stops=f"{ALPHA}#p9, nope#p1", summary=f"{BETA}#p7"))
    assert sorted((p.code, p.line) for p in found) == [
        ("E209", LINES["stops"]),
        ("E210", LINES["stops"]),
        ("E210", LINES["summary"]),
    ]


def test_a_recorded_disagreement_is_w305_and_goes_to_the_page(tmp_path: Path) -> None:
    root = project(tmp_path)
    found = problems(root, "W305")
    assert [(p.file, p.line) for p in found] == [("data/trips.yml", LINES["disagreement"] - 1)]
    store, _ = run_checks(Paths(root))
    (listed,) = consistency.trip_list(store)
    assert listed.summary == "Trip 3: The wire dates the talks to the 20th."
    paragraph = store.articles[BETA].paragraphs[1]
    assert [(c.source_id, c.start, c.end) for c in listed.citations] == [
        (BETA, paragraph.start, paragraph.end)
    ]
    assert listed in consistency.find(store)
    # the page shows it; `shuttle check` says it once (W305), not again as a finding
    assert not [p for p in consistency.check(store) if p.code == "W305"]


def test_the_trips_citing_a_source(tmp_path: Path) -> None:
    store, _ = run_checks(Paths(project(tmp_path)))
    assert [t.ordinal for t in citations.trips_citing(store, BETA)] == [3]
    assert citations.trips_citing(store, "nope") == []


# --- licences -----------------------------------------------------------------------------


def test_a_new_source_without_licence_is_an_error(tmp_path: Path) -> None:
    root = project(tmp_path)
    path = root / "seeds" / "sources.yml"
    text = path.read_text()
    path.write_text(text.replace("    licence: public domain (invented for the tests)\n", ""))
    found = problems(root, "E212")
    assert [(p.file, p.line) for p in found] == [("seeds/sources.yml", 13)]
    assert BETA in found[0].message


def test_a_grandfathered_source_without_licence_is_a_warning() -> None:
    from conftest import REPO

    _, found = run_checks(Paths(REPO))
    missing = {p.message.split("'")[1]: p.code for p in found if p.code in ("E212", "W212")}
    assert set(missing) <= GRANDFATHERED
    assert set(missing.values()) <= {"W212"}
