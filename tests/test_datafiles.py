"""datafiles: one data file read into its model, alone, as load_store reads it."""

from __future__ import annotations

from pathlib import Path

from conftest import write_file
from shuttle.paths import Paths
from shuttle.records.datafiles import load_people, load_sources
from shuttle.records.store import load_store


def test_the_people_list_loads_alone(project: Path) -> None:
    """`shuttle extract --json` needs data/people.yml only: a broken casualty series or
    sources list is not read, and the people are those load_store gives."""
    store, _ = load_store(Paths(project))
    write_file(project / "data" / "casualties.yml", "series: [\n")
    write_file(project / "seeds" / "sources.yml", "sources: {\n")
    people, problems = load_people(Paths(project))
    assert problems == [] and people == store.people and people
    write_file(project / "data" / "people.yml", "people: [\n")
    people, problems = load_people(Paths(project))
    assert people == [] and [p.file for p in problems] == ["data/people.yml"]


def test_the_sources_list_loads_alone(project: Path) -> None:
    """`shuttle extract --json --source` needs seeds/sources.yml (and the people): the
    rest of data/ is not read, and the sources are those load_store gives."""
    store, _ = load_store(Paths(project))
    write_file(project / "data" / "casualties.yml", "series: [\n")
    write_file(project / "data" / "trips.yml", "trips: {\n")
    sources, problems = load_sources(Paths(project))
    assert problems == [] and sources == store.sources and sources
    write_file(project / "seeds" / "sources.yml", "sources: {\n")
    sources, problems = load_sources(Paths(project))
    assert sources == [] and [p.file for p in problems] == ["seeds/sources.yml"]
