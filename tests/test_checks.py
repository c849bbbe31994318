"""checks: references (ids that must exist and be unique), provenance (every fact against
the characters of its article) and consistency (sources against the trip list, the
Ministry's series and each other)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shuttle.checks import consistency, provenance, references, run_checks
from shuttle.paths import Paths
from shuttle.records.schema import (
    ArticleFile,
    CasualtiesFile,
    DailyReport,
    Dataset,
    Event,
    Figure,
    Person,
    Quote,
    Source,
    Trip,
    TripClaim,
)
from shuttle.records.sources import make_article
from shuttle.records.store import Place, Store

TEXT = (
    "Blinken arrived in Doha on Tuesday, his fifth trip to the region.\n"
    "“We are working every day to bring the hostages home,” he said.\n"
    "Gaza’s health ministry says at least 27,840 Palestinians have been killed.\n"
    "Four aid trucks and 1.2 million people were counted.\n"
)


def at(text: str, words: str) -> tuple[int, int]:
    start = TEXT.index(words) if text == TEXT else text.index(words)
    return start, start + len(words)


def source(sid: str = "a", **kw: Any) -> Source:
    fields: dict[str, Any] = {
        "id": sid,
        "file": f"{sid}.txt",
        "title": "t",
        "outlet": f"Outlet {sid.upper()}",
        "published": date(2024, 2, 8),
        "event_date": date(2024, 2, 8),
        "sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
    }
    return Source(**{**fields, **kw})


def quote(words: str, qid: str = "q-1", **kw: Any) -> Quote:
    start, end = at(TEXT, words)
    return Quote(**{"id": qid, "text": words, "start": start, "end": end, "speaker": None, **kw})


def figure(words: str, value: int, fid: str = "f-1", **kw: Any) -> Figure:
    start, end = at(TEXT, words)
    fields = {"id": fid, "text": words, "start": start, "end": end, "value": value}
    return Figure(**{**fields, "measure": "killed", **kw})


@dataclass
class Project:
    """A store made by hand; each record is placed on its own line of its file."""

    tmp: Path
    sources: list[Source] = field(default_factory=lambda: [source()])
    people: list[Person] = field(default_factory=lambda: [Person(id="antony-blinken", name="A")])
    trips: list[Trip] = field(default_factory=list)
    articles: dict[str, ArticleFile] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    reports: list[DailyReport] = field(default_factory=list)
    unusable: set[str] = field(default_factory=set)

    def store(self) -> Store:
        store = Store(Paths(self.tmp), unusable=set(self.unusable))
        store.sources, store.people, store.trips = self.sources, self.people, self.trips
        for index, s in enumerate(self.sources):
            text = self.texts.get(s.id, TEXT)
            digest = hashlib.sha256(text.encode()).hexdigest()
            store.articles[s.id] = make_article(s, text, digest)
            store.places[id(s)] = Place("seeds/sources.yml", 10 + index)
        for index, p in enumerate(self.people):
            store.places[id(p)] = Place("data/people.yml", 20 + index)
        for index, t in enumerate(self.trips):
            store.places[id(t)] = Place("data/trips.yml", 30 + index)
        for sid, data in self.articles.items():
            shown = f"data/articles/{sid}.yml"
            store.article_data[sid] = data
            store.places[id(data)] = Place(shown, 1)
            for index, r in enumerate((*data.quotes, *data.figures, *data.events)):
                store.places[id(r)] = Place(shown, 100 + index)
            if data.trip_claim is not None:
                store.places[id(data.trip_claim)] = Place(shown, 2)
        if self.reports:
            dataset = Dataset(
                title="t", publisher="p", compiled_by="c", url="https://x.org/", license="l"
            )
            store.casualties = CasualtiesFile(dataset=dataset, reports=self.reports)
            for index, report in enumerate(store.casualties.reports):
                store.places[id(report)] = Place("data/casualties.yml", 40 + index)
        return store


def found(problems: list[Any]) -> list[tuple[str, str, int | None]]:
    return sorted((p.code, p.file, p.line) for p in problems)


# --- references ---------------------------------------------------------------------------


def test_a_clean_store_has_no_reference_problems(tmp_path: Path) -> None:
    project = Project(tmp_path, articles={"a": ArticleFile(source="a", quotes=[quote("We are")])})
    assert references.check(project.store()) == []


def test_duplicate_ids_point_at_the_second_and_name_the_first(tmp_path: Path) -> None:
    project = Project(
        tmp_path,
        sources=[source("a"), source("a", file="b.txt"), source("c", file="a.txt")],
        people=[Person(id="x", name="X"), Person(id="x", name="Y")],
        articles={
            "a": ArticleFile(source="a", quotes=[quote("We are"), quote("Blinken", qid="q-1")])
        },
    )
    problems = references.check(project.store())
    assert [(p.code, p.file, p.line) for p in problems if p.code == "E202"] == [
        ("E202", "seeds/sources.yml", 11),
        ("E202", "seeds/sources.yml", 12),
        ("E202", "data/people.yml", 21),
        ("E202", "data/articles/a.yml", 101),
    ]
    assert "seeds/sources.yml:10" in problems[0].message


def test_unknown_ids_are_e201_where_they_are_named(tmp_path: Path) -> None:
    trips = [Trip(ordinal=5, start=date(2024, 2, 4), end=date(2024, 2, 8), stops=["Doha"])]
    project = Project(
        tmp_path,
        sources=[source("a", trip=9)],
        trips=[
            *trips,
            Trip(
                ordinal=6,
                start=date(2024, 3, 1),
                end=date(2024, 3, 2),
                stops=["x"],
                meetings=["nobody"],
            ),
        ],
        articles={
            "a": ArticleFile(
                source="a",
                quotes=[quote("We are", speaker="anthony-blinken")],
                events=[Event(id="e-1", summary="s", sentence="Blinken", start=0, end=7, trip=40)],
            ),
            "zz": ArticleFile(source="zz"),
        },
    )
    assert found(references.check(project.store())) == [
        ("E201", "data/articles/a.yml", 100),
        ("E201", "data/articles/a.yml", 101),
        ("E201", "data/articles/zz.yml", 1),
        ("E201", "data/trips.yml", 31),
        ("E201", "seeds/sources.yml", 10),
    ]


def test_nothing_is_checked_against_a_file_that_did_not_load(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "other.txt").write_text("x")
    project = Project(
        tmp_path,
        sources=[],
        people=[],
        articles={"a": ArticleFile(source="a", quotes=[quote("We are", speaker="antony-blinken")])},
        unusable={"seeds/sources.yml", "data/people.yml"},
    )
    assert references.check(project.store()) == []
    project.unusable = set()
    assert {p.code for p in references.check(project.store())} == {"E201", "E207"}


def test_a_changed_article_and_an_undescribed_one(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    for name in ("a.txt", "stray.txt"):
        (tmp_path / "seeds" / name).write_text("x")
    project = Project(tmp_path, texts={"a": TEXT + "An added line.\n"})
    assert found(references.check(project.store())) == [
        ("E206", "seeds/sources.yml", 10),
        ("E207", "seeds/stray.txt", None),
    ]


def test_a_day_twice_in_the_ministrys_series_is_e202(tmp_path: Path) -> None:
    def report(day: int, killed: int) -> DailyReport:
        return DailyReport(
            date=date(2024, 2, day), source="mohtel", killed_filled=killed, injured_filled=1
        )

    project = Project(tmp_path, reports=[report(7, 27708), report(8, 27840), report(7, 27700)])
    problems = references.check(project.store())
    assert found(problems) == [("E202", "data/casualties.yml", 42)]
    assert "2024-02-07" in problems[0].message and "data/casualties.yml:40" in problems[0].message


# --- provenance ---------------------------------------------------------------------------


def test_facts_at_their_offsets_pass(tmp_path: Path) -> None:
    start, end = at(TEXT, "his fifth trip")
    data = ArticleFile(
        source="a",
        trip_claim=TripClaim(ordinal=5, text="his fifth trip", start=start, end=end),
        quotes=[quote("We are working every day to bring the hostages home,")],
        figures=[
            figure("27,840", 27840),
            figure("Four", 4, fid="f-2"),
            figure("1.2 million", 1_200_000, fid="f-3"),
        ],
        events=[Event(id="e-1", summary="s", sentence="Blinken arrived in Doha", start=0, end=23)],
    )
    assert provenance.check(Project(tmp_path, articles={"a": data}).store()) == []


def test_a_quote_elsewhere_says_where_the_text_is(tmp_path: Path) -> None:
    wrong = quote("We are working").model_copy(update={"start": 3, "end": 17})
    problems = provenance.check(
        Project(tmp_path, articles={"a": ArticleFile(source="a", quotes=[wrong])}).store()
    )
    assert found(problems) == [("E203", "data/articles/a.yml", 100)]
    start, end = at(TEXT, "We are working")
    assert f"the text is at {start}-{end}" in problems[0].message


def test_a_quote_not_in_the_article_at_all(tmp_path: Path) -> None:
    made_up = quote("We are working").model_copy(update={"text": "We are not working"})
    problems = provenance.check(
        Project(tmp_path, articles={"a": ArticleFile(source="a", quotes=[made_up])}).store()
    )
    assert found(problems) == [("E203", "data/articles/a.yml", 100)]
    assert "the text is at" not in problems[0].message


@pytest.mark.parametrize(("start", "end"), [(0, len(TEXT) + 1), (50, 10), (10**6, 10**6 + 3)])
def test_offsets_outside_the_article_are_e204(tmp_path: Path, start: int, end: int) -> None:
    bad = quote("We are").model_copy(update={"start": start, "end": end})
    problems = provenance.check(
        Project(tmp_path, articles={"a": ArticleFile(source="a", quotes=[bad])}).store()
    )
    assert found(problems) == [("E204", "data/articles/a.yml", 100)]


def test_a_figure_must_say_its_value(tmp_path: Path) -> None:
    data = ArticleFile(
        source="a",
        figures=[
            figure("27,840", 27480),
            figure("Four", 4, fid="f-2").model_copy(update={"start": 0}),
        ],
    )
    problems = provenance.check(Project(tmp_path, articles={"a": data}).store())
    assert found(problems) == [
        ("E205", "data/articles/a.yml", 100),
        ("E205", "data/articles/a.yml", 101),
    ]
    assert "27,480" in problems[0].message


def test_a_trip_claim_with_text_needs_offsets(tmp_path: Path) -> None:
    data = ArticleFile(source="a", trip_claim=TripClaim(ordinal=5, text="his fifth trip"))
    assert found(provenance.check(Project(tmp_path, articles={"a": data}).store())) == [
        ("E103", "data/articles/a.yml", 2)
    ]


@given(
    text=st.text(min_size=1, max_size=40),
    span=st.tuples(st.integers(0, 45), st.integers(0, 45)),
    # the schema refuses blank text (only spaces or invisible characters)
    claimed=st.text(min_size=1, max_size=10).filter(lambda t: any(c.isalnum() for c in t)),
)
def test_provenance_passes_exactly_the_words_at_the_offsets(
    text: str, span: tuple[int, int], claimed: str
) -> None:
    start, end = span
    record = Quote(id="q-1", text=claimed, start=start, end=end, speaker=None)
    project = Project(
        Path("/nonexistent"),
        texts={"a": text},
        articles={"a": ArticleFile(source="a", quotes=[record])},
    )
    codes = [p.code for p in provenance.check(project.store())]
    if not 0 <= start <= end <= len(text):
        assert codes == ["E204"]
    elif text[start:end] == claimed:
        assert codes == []
    else:
        assert codes == ["E203"]


# --- consistency --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qualifier", "value", "inside", "outside"),
    [
        (None, 1000, 1005, 1020),
        ("more than", 27000, 30000, 26999),
        ("about", 1200, 1300, 1400),
        ("nearly", 1000, 950, 1001),
        ("a hostile qualifier", 1000, 1050, 1200),
    ],
)
def test_qualifiers_stretch_a_number(
    qualifier: str | None, value: int, inside: int, outside: int
) -> None:
    low, high = consistency.value_range(value, qualifier)
    assert low <= inside <= high
    assert not low <= outside <= high


def test_the_canonical_trip_is_the_sources_or_the_one_its_date_falls_in() -> None:
    trips = [
        Trip(ordinal=4, start=date(2024, 1, 5), end=date(2024, 1, 11), stops=["x"]),
        Trip(ordinal=5, start=date(2024, 2, 4), end=date(2024, 2, 8), stops=["x"]),
    ]
    assert consistency.canonical_trip(source(trip=4), trips) == trips[0]
    assert consistency.canonical_trip(source(), trips) == trips[1]
    assert consistency.canonical_trip(source(event_date=date(2024, 3, 1)), trips) is None


def test_a_miscounted_trip_is_w301_on_the_claim(tmp_path: Path) -> None:
    trips = [Trip(ordinal=5, start=date(2024, 2, 4), end=date(2024, 2, 8), stops=["Doha"])]
    start, end = at(TEXT, "his fifth trip")
    claim = TripClaim(ordinal=8, text="his fifth trip", start=start, end=end)
    project = Project(
        tmp_path, trips=trips, articles={"a": ArticleFile(source="a", trip_claim=claim)}
    )
    problems = consistency.check(project.store())
    assert found(problems) == [("W301", "data/articles/a.yml", 2)]
    assert problems[0].severity == "warning" and "trip 5" in problems[0].message
    project.articles = {
        "a": ArticleFile(source="a", trip_claim=claim.model_copy(update={"status": "rejected"}))
    }
    assert consistency.check(project.store()) == []
    project.articles = {
        "a": ArticleFile(source="a", trip_claim=claim.model_copy(update={"ordinal": 5}))
    }
    assert consistency.check(project.store()) == []


def test_a_figure_far_from_the_ministrys_series_is_w302(tmp_path: Path) -> None:
    def report(day: int, killed: int) -> DailyReport:
        return DailyReport(
            date=date(2024, 2, day), source="mohtel", killed_filled=killed, injured_filled=1
        )

    ministry = {"attribution": "Gaza’s health ministry", "qualifier": "at least"}
    project = Project(
        tmp_path,
        reports=[report(7, 27708), report(8, 27840)],
        articles={"a": ArticleFile(source="a", figures=[figure("27,840", 27840, **ministry)])},
    )
    assert consistency.check(project.store()) == []
    project.articles = {"a": ArticleFile(source="a", figures=[figure("27,840", 20000, **ministry)])}
    problems = consistency.check(project.store())
    assert found(problems) == [("W302", "data/articles/a.yml", 100)]
    assert "27,840" in problems[0].message
    # a figure of the day before is what a same-day report could have seen
    project.articles = {"a": ArticleFile(source="a", figures=[figure("27,840", 27708, **ministry)])}
    assert consistency.check(project.store()) == []


def test_two_articles_that_disagree_are_w303(tmp_path: Path) -> None:
    def article(sid: str, value: int, qualifier: str | None = None) -> ArticleFile:
        return ArticleFile(
            source=sid,
            figures=[
                figure("27,840", value, fid=f"f-{sid}", subject="Palestinians", qualifier=qualifier)
            ],
        )

    project = Project(tmp_path, sources=[source("a"), source("b", file="b.txt")])
    project.articles = {"a": article("a", 27840), "b": article("b", 25000)}
    problems = consistency.check(project.store())
    assert [p.code for p in problems] == ["W303"]
    assert "Outlet A" in problems[0].message and "Outlet B" in problems[0].message
    project.articles = {"a": article("a", 27840), "b": article("b", 27000, "more than")}
    assert consistency.check(project.store()) == []
    project.articles = {"a": article("a", 27840), "b": article("b", 250)}  # other counts
    assert consistency.check(project.store()) == []


def test_articles_that_disagree_on_a_day_are_one_w303_citing_each(tmp_path: Path) -> None:
    def article(sid: str, value: int) -> ArticleFile:
        return ArticleFile(
            source=sid, figures=[figure("27,840", value, fid=f"f-{sid}", subject="Palestinians")]
        )

    names = ["a", "b", "c", "d"]
    project = Project(tmp_path, sources=[source(n, file=f"{n}.txt") for n in names])
    values = {"a": 27840, "b": 27840, "c": 25000, "d": 22000}
    project.articles = {n: article(n, values[n]) for n in names}
    store = project.store()
    found = [d for d in consistency.find(store) if d.code == "W303"]
    assert len(found) == 1  # one finding for the day, not one per pair (five pairs here)
    assert [c.source_id for c in found[0].citations] == names
    assert "4 reports do not all agree" in found[0].summary
    assert [p.code for p in consistency.check(store)] == ["W303"]


def test_the_project_passes_its_checks() -> None:
    from conftest import REPO

    _, problems = run_checks(Paths(REPO))
    assert [str(p) for p in problems if p.severity == "error"] == []


def test_the_comparison_runs_once_per_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build checks, then shows the disagreements page, with one store: the comparison of
    every figure across articles runs once; a store read again is compared again."""
    calls: list[Store] = []
    real = consistency._between_articles

    def counted(store: Store) -> list[consistency.Disagreement]:
        calls.append(store)
        return real(store)

    from conftest import REPO

    monkeypatch.setattr(consistency, "_between_articles", counted)
    store, _ = run_checks(Paths(REPO))
    shown = consistency.find(store)
    assert calls == [store]
    assert any(d.kind == "between articles" for d in shown)  # the seed data has some
    again, _ = run_checks(Paths(REPO))
    assert consistency.find(again) == shown and calls == [store, again]


def test_figure_values_are_read_by_the_one_reader_of_numbers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The check reads a figure's words with shuttle.text's reader, the extractors' own,
    once per wording of the figures whose words are where it says (the same words read
    the same: checked again, they are not read again)."""
    from conftest import REPO
    from shuttle.checks import provenance
    from shuttle.text import numbers

    assert provenance.find_numbers is numbers.find_numbers
    calls: list[str] = []

    def counted(text: str, *args: Any, **kwargs: Any) -> list[numbers.NumberMention]:
        calls.append(text)
        return numbers.find_numbers(text, *args, **kwargs)

    monkeypatch.setattr(provenance, "find_numbers", counted)
    provenance.reads_as.cache_clear()
    store, _ = run_checks(Paths(REPO))
    assert sorted(calls) == sorted({f.text for _, f in store.figures()}) and calls
    read = len(calls)
    run_checks(Paths(REPO))
    assert len(calls) == read
