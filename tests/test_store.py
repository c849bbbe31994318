"""store: seeds/ and data/ read into typed records that know where they are written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, write_file
from shuttle.paths import Paths
from shuttle.records import datafiles
from shuttle.records import store as store_module
from shuttle.records.store import Store, load_store


def places(store: Store) -> list[tuple[str, str, str, int | None]]:
    """Every record's place, by what it is rather than by object identity."""
    out = []
    named: list[tuple[str, Any]] = [("source", s) for s in store.sources]
    named += [("person", p) for p in store.people]
    named += [("trip", t) for t in store.trips]
    for source_id, data in sorted(store.article_data.items()):
        named.append(("article", data))
        named += [("record", r) for r in (*data.quotes, *data.figures, *data.events)]
        if data.trip_claim is not None:
            named.append((f"claim of {source_id}", data.trip_claim))
    for kind, record in named:
        place = store.place(record)
        key = str(getattr(record, "id", getattr(record, "ordinal", getattr(record, "source", ""))))
        out.append((kind, key, place.file, place.line))
    return out


def line_holding(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def test_the_project_loads_without_problems() -> None:
    store, problems = load_store(Paths(REPO))
    assert [p for p in problems if p.severity == "error"] == []
    assert len(store.sources) == len(store.articles) >= 5
    assert store.people and store.trips and store.casualties is not None
    assert set(store.article_data) <= {s.id for s in store.sources}
    assert sum(1 for _ in store.quotes()) > 0 and sum(1 for _ in store.figures()) > 0


def test_every_record_knows_the_line_it_starts_on() -> None:
    store, _ = load_store(Paths(REPO))
    for kind, key, file, line in places(store):
        assert line is not None, (kind, key)
        if kind in ("source", "person", "record"):
            text = (REPO / file).read_text(encoding="utf-8").splitlines()[line - 1]
            assert f"id: {key}" in text, (kind, key, file, line)
    first = store.sources[0]
    assert store.place(first).line == line_holding(REPO / "seeds/sources.yml", f"id: {first.id}")


def test_the_fast_reader_and_the_round_trip_reader_agree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fast, fast_problems = load_store(Paths(REPO))
    monkeypatch.setattr(datafiles, "fast", lambda model, text, shown=None: None)
    monkeypatch.setattr(store_module, "fast", lambda model, text, shown=None: None)
    monkeypatch.setattr(store_module, "_CASUALTIES", {})
    slow, slow_problems = load_store(Paths(REPO))
    assert fast.sources == slow.sources and fast.people == slow.people
    assert fast.trips == slow.trips and fast.casualties == slow.casualties
    assert fast.article_data == slow.article_data
    assert places(fast) == places(slow)
    assert fast_problems == slow_problems


def test_missing_folders_are_reported_and_nothing_else(project: Path) -> None:
    for folder in ("seeds", "data"):
        (project / folder).rename(project / f"{folder}-gone")
    _, problems = load_store(Paths(project))
    assert [(p.code, p.file) for p in problems] == [("E005", "seeds"), ("E005", "data")]


def test_a_file_that_does_not_load_is_marked_unusable(project: Path) -> None:
    write_file(project / "data/people.yml", "people: [\n")
    store, problems = load_store(Paths(project))
    assert store.unusable == {"data/people.yml"}
    assert not store.usable(project / "data/people.yml")
    assert store.usable(project / "seeds/sources.yml")
    assert [p.code for p in problems if p.file == "data/people.yml"] == ["E001"]


def test_an_article_file_must_be_named_after_its_source(project: Path) -> None:
    articles = project / "data" / "articles"
    original = next(articles.glob("*.yml"))
    write_file(articles / "renamed.yml", original.read_bytes())
    original.unlink()
    _, problems = load_store(Paths(project))
    found = [p for p in problems if p.file == "data/articles/renamed.yml"]
    line = line_holding(articles / "renamed.yml", "source:")
    assert [(p.code, p.line) for p in found] == [("E102", line)]


@pytest.mark.parametrize(
    ("text", "code", "line", "words"),
    [
        ("people:\n  - id: x\n    name: X\n    nmae: Y\n", "E101", 4, "people.0.nmae"),
        ("people:\n  - id: x\n    role: r\n", "E103", 2, "people.0.name"),
        ("people:\n  - id: x\n    name: 12\n", "E102", 3, "people.0.name"),
        ("people: {}\n", "E102", 1, "people"),
        ("- x\n", "E102", 1, "mapping"),
    ],
)
def test_schema_problems_carry_a_code_a_line_and_the_field(
    project: Path, text: str, code: str, line: int, words: str
) -> None:
    write_file(project / "data/people.yml", text)
    _, problems = load_store(Paths(project))
    found = [p for p in problems if p.file == "data/people.yml"]
    assert [(p.code, p.line) for p in found] == [(code, line)]
    assert words in found[0].message


def test_an_impossible_date_is_e104_on_its_line(project: Path) -> None:
    trips = project / "data/trips.yml"
    text = trips.read_text(encoding="utf-8")
    first_start = line_holding(trips, "start:")
    lines = text.splitlines(keepends=True)
    lines[first_start - 1] = '    start: "2023-02-30"\n'
    write_file(trips, "".join(lines))
    _, problems = load_store(Paths(project))
    assert [(p.code, p.line) for p in problems if p.file == "data/trips.yml"] == [
        ("E104", first_start)
    ]


def test_a_changed_casualties_file_is_read_again(project: Path) -> None:
    casualties = project / "data/casualties.yml"
    store, _ = load_store(Paths(project))
    assert store.casualties is not None
    first = store.casualties.reports[0]
    text = casualties.read_text(encoding="utf-8")
    write_file(casualties, text.replace(f"killed: {first.killed},", "killed: 1,", 1))
    again, _ = load_store(Paths(project))
    assert again.casualties is not None and again.casualties.reports[0].killed == 1
    write_file(casualties, text.replace(f"killed: {first.killed},", "killed: -1,", 1))
    for _ in range(2):  # the cached result still reports the problem
        broken, problems = load_store(Paths(project))
        assert broken.casualties is None
        assert [p.code for p in problems if p.file == "data/casualties.yml"] == ["E102"]
