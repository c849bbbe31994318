"""Ids that must exist, ids that must be unique, and articles that must be described."""

from __future__ import annotations

from collections.abc import Iterable

from shuttle.problems import Problem, did_you_mean
from shuttle.records.fieldlines import field_line
from shuttle.records.sources import hash_problem, unlisted_articles
from shuttle.records.store import Store


def check(store: Store) -> list[Problem]:
    problems: list[Problem] = []
    problems += _unique_ids(store)
    problems += _known_ids(store)
    problems += _articles(store)
    return problems


def _duplicates(store: Store, kind: str, records: Iterable[tuple[str, object]]) -> list[Problem]:
    seen: dict[str, object] = {}
    problems = []
    for key, record in records:
        if key in seen:
            first = store.place(seen[key])
            place = store.place(record)
            problems.append(
                Problem.of(
                    "E202",
                    place.file,
                    place.line,
                    f"{kind} id {key!r} is also used at {first.file}:{first.line}",
                )
            )
        else:
            seen[key] = record
    return problems


def _unique_ids(store: Store) -> list[Problem]:
    problems = _duplicates(store, "source", ((s.id, s) for s in store.sources))
    problems += _duplicates(store, "source file", ((s.file, s) for s in store.sources))
    problems += _duplicates(store, "person", ((p.id, p) for p in store.people))
    problems += _duplicates(store, "trip", ((str(t.ordinal), t) for t in store.trips))
    records: list[tuple[str, object]] = []
    for data in store.article_data.values():
        records += [(q.id, q) for q in data.quotes]
        records += [(f.id, f) for f in data.figures]
        records += [(e.id, e) for e in data.events]
    problems += _duplicates(store, "record", records)
    if store.casualties is not None:  # a day twice would be two points of one day on a chart
        reports = ((r.date.isoformat(), r) for r in store.casualties.reports)
        problems += _duplicates(store, "daily report", reports)
    return problems


def _known_ids(store: Store) -> list[Problem]:
    """Ids named but not defined; a file that did not load defines nothing to check against.
    Each message points at the line of the field and suggests the closest ids."""
    problems = []
    people = [p.id for p in store.people]
    # a rejected person is no one to attribute to (E215): never suggested
    speakers = [p.id for p in store.people if p.status != "rejected"]
    trips = [str(t.ordinal) for t in store.trips]
    sources = [s.id for s in store.sources]
    check_people = store.usable(store.paths.people_file)
    check_sources = store.usable(store.paths.sources_file)

    def unknown(record: object, what: str, got: str, known: list[str], *field: str | int) -> None:
        place = field_line(store, record, *field)
        problems.append(Problem.of("E201", place.file, place.line, what + did_you_mean(got, known)))

    for source in store.sources:
        if source.trip is not None and trips and str(source.trip) not in trips:
            what = f"source {source.id!r}: no trip {source.trip} in data/trips.yml{_range(trips)}"
            unknown(source, what, str(source.trip), [], "trip")
    for trip in store.trips:
        for number, person in enumerate(trip.meetings):
            if check_people and person not in people:
                what = f"trip {trip.ordinal}: meetings names unknown person {person!r}"
                unknown(trip, what, person, speakers, "meetings", number)
    for source_id, data in store.article_data.items():
        if check_sources and source_id not in sources:
            place = store.place(data)
            what = f"no source {source_id!r} in seeds/sources.yml"
            problems.append(
                Problem.of("E201", place.file, place.line, what + did_you_mean(source_id, sources))
            )
        for quote in data.quotes:
            if check_people and quote.speaker is not None and quote.speaker not in people:
                what = f"quote {quote.id}: speaker {quote.speaker!r} is not in people.yml"
                unknown(quote, what, quote.speaker, speakers, "speaker")
        for event in data.events:
            if event.trip is not None and trips and str(event.trip) not in trips:
                what = f"event {event.id}: no trip {event.trip} in data/trips.yml{_range(trips)}"
                unknown(event, what, str(event.trip), [], "trip")
    return problems


def _range(trips: list[str]) -> str:
    numbers = sorted(int(t) for t in trips)
    return f" (it lists trips {numbers[0]} to {numbers[-1]})" if numbers else ""


def _articles(store: Store) -> list[Problem]:
    problems = []
    for source in store.sources:
        article = store.articles.get(source.id)
        if article is None:
            continue
        place = store.place(source)
        found = hash_problem(article, place.file, place.line)
        if found:
            problems.append(found)
    if not store.usable(store.paths.sources_file):
        return problems  # which articles it describes is not known
    shown = store.paths.relative(store.paths.sources_file)
    for name in unlisted_articles(store.paths.seeds, {s.file for s in store.sources}):
        problems.append(
            Problem.of("E207", f"seeds/{name}", None, f"add an entry for it to {shown}")
        )
    return problems
