"""Reads seeds/ and data/ into typed records, collecting every problem on the way.

The result knows where each record was written (file and line), so that later checks
can point an editor at the exact place.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from shuttle import yamlio
from shuttle.paths import Paths
from shuttle.problems import Problem, ProblemError
from shuttle.records.corrections import Correction, CorrectionsFile
from shuttle.records.datafiles import Lines, RoundTripLines, fast, load_file, validate
from shuttle.records.fields import Record
from shuttle.records.schema import (
    ArticleFile,
    CasualtiesFile,
    Event,
    Figure,
    PeopleFile,
    Person,
    Quote,
    Source,
    SourcesFile,
    Trip,
    TripsFile,
)
from shuttle.records.sources import Article, read_article
from shuttle.textio import MAX_DATA_BYTES, decode, read_bytes, sha256_hex

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Place:
    file: str
    line: int | None
    key: str | None = None  # the top-level list the record is item `index` of
    index: int | None = None


# eq=False: a store is one reading of the files, compared and hashed by identity (so that
# what is derived from it can be kept per store, as checks.consistency does)
@dataclass(eq=False)
class Store:
    paths: Paths
    sources: list[Source] = field(default_factory=list)
    full_text_licences: list[str] = field(default_factory=list)  # seeds/sources.yml's
    articles: dict[str, Article] = field(default_factory=dict)  # by source id
    people: list[Person] = field(default_factory=list)
    trips: list[Trip] = field(default_factory=list)
    casualties: CasualtiesFile | None = None
    corrections: list[Correction] = field(default_factory=list)  # data/corrections.yml
    article_data: dict[str, ArticleFile] = field(default_factory=dict)  # by source id
    places: dict[int, Place] = field(default_factory=dict)  # id(record) -> where it is written
    # files that did not load (shown paths): nothing is checked against what they hold
    unusable: set[str] = field(default_factory=set)

    def usable(self, path: Path) -> bool:
        return self.paths.relative(path) not in self.unusable

    def place(self, record: object) -> Place:
        return self.places.get(id(record), Place("?", None))

    def quotes(self) -> Iterable[tuple[str, Quote]]:
        for source_id, data in self.article_data.items():
            for quote in data.quotes:
                yield source_id, quote

    def figures(self) -> Iterable[tuple[str, Figure]]:
        for source_id, data in self.article_data.items():
            for figure in data.figures:
                yield source_id, figure

    def events(self) -> Iterable[tuple[str, Event]]:
        for source_id, data in self.article_data.items():
            for event in data.events:
                yield source_id, event


def _remember_lines(
    store: Store, records: Sequence[Record], lines: Lines, key: str, shown: str
) -> None:
    for index, record in enumerate(records):
        store.places[id(record)] = Place(shown, lines.item(key, index), key, index)


def _mark_unusable(store: Store, path: Path, parsed: object | None) -> None:
    if parsed is None:
        store.unusable.add(store.paths.relative(path))


# data/casualties.yml is machine-written, large (a round-trip parse takes a second) and
# only ever read here: while its bytes are unchanged, the parse is reused (a build checks
# twice, `mkdocs serve` on every save).
_CASUALTIES: dict[tuple[str, str], tuple[CasualtiesFile | None, list[Problem], Lines | None]] = {}


def _load_casualties(store: Store, problems: list[Problem]) -> CasualtiesFile | None:
    paths = store.paths
    path = paths.casualties_file
    if not path.exists():
        return None
    shown = paths.relative(path)
    try:
        raw = read_bytes(path, shown, max_bytes=MAX_DATA_BYTES, root=paths.root)
        key = (shown, sha256_hex(raw))
        if key not in _CASUALTIES:
            text = decode(raw, shown, allow_empty=True)
            quick = fast(CasualtiesFile, text)
            _CASUALTIES.clear()
            if quick is not None:
                _CASUALTIES[key] = (quick[0], [], quick[1])
            else:
                data = yamlio.loads(text, shown)
                loaded = yamlio.Loaded(path=path, shown=shown, data=data, digest=key[1])
                _CASUALTIES[key] = (*validate(CasualtiesFile, loaded), RoundTripLines(data))
    except ProblemError as exc:
        problems.extend(exc.problems)
        return None
    parsed, found, lines = _CASUALTIES[key]
    problems.extend(found)
    if parsed is not None and lines is not None:
        _remember_lines(store, parsed.reports, lines, "reports", shown)
    return parsed


def load_store(paths: Paths, *, article_data: bool = True) -> tuple[Store, list[Problem]]:
    """seeds/ and data/ read into a Store; `article_data=False`: all but data/articles/
    (load_article_data reads them)."""
    store = Store(paths)
    problems: list[Problem] = []
    for folder in (paths.seeds, paths.data):
        if not folder.is_dir():
            problems.append(Problem.of("E005", paths.relative(folder), None, "folder is missing"))
    if problems:
        return store, problems

    sources, lines = load_file(paths, paths.sources_file, SourcesFile, problems)
    _mark_unusable(store, paths.sources_file, sources)
    if sources and lines:
        store.sources = sources.sources
        store.full_text_licences = sources.full_text_licences
        _remember_lines(
            store, sources.sources, lines, "sources", paths.relative(paths.sources_file)
        )
        # each file as its folder is shown (a file name holds no folder, and a link is
        # shown by its own name): one resolve for the folder, not one per article
        seeds_shown = paths.relative(paths.seeds)
        for source in sources.sources:
            article_path = paths.article(source.file)
            try:
                shown_article = f"{seeds_shown}/{source.file}"
                store.articles[source.id] = read_article(
                    article_path, shown_article, source, root=paths.root
                )
            except ProblemError as exc:
                problems.extend(exc.problems)

    people, lines = load_file(paths, paths.people_file, PeopleFile, problems)
    _mark_unusable(store, paths.people_file, people)
    if people and lines:
        store.people = people.people
        _remember_lines(store, people.people, lines, "people", paths.relative(paths.people_file))

    trips, lines = load_file(paths, paths.trips_file, TripsFile, problems)
    _mark_unusable(store, paths.trips_file, trips)
    if trips and lines:
        store.trips = trips.trips
        _remember_lines(store, trips.trips, lines, "trips", paths.relative(paths.trips_file))

    store.casualties = _load_casualties(store, problems)

    corrections_path = paths.data / "corrections.yml"
    corrections, _ = load_file(paths, corrections_path, CorrectionsFile, problems, required=False)
    if corrections is not None:
        store.corrections = corrections.corrections

    if article_data:
        load_article_data(store, problems)
    return store, problems


def load_article_data(
    store: Store,
    problems: list[Problem],
    *,
    skip: Collection[str] = (),
    only: Collection[str] | None = None,
) -> None:
    """data/articles/*.yml into the store (the files of `only`, when given), but for the
    files of the sources in `skip`: `shuttle extract` reads those once, round trip, to
    merge into them, and checks them with check_article_file."""
    paths = store.paths
    if not paths.articles_dir.is_dir():
        return
    folder_shown = paths.relative(paths.articles_dir)  # as for the articles (load_store)
    for path in sorted(paths.articles_dir.glob("*.yml")):
        if path.stem in skip or (only is not None and path.stem not in only):
            continue
        shown = f"{folder_shown}/{path.name}"
        parsed, lines = load_file(paths, path, ArticleFile, problems, shown=shown)
        _mark_unusable(store, path, parsed)
        if parsed is None or lines is None:
            continue
        source_line = lines.key("source") or 1
        problems += _misnamed(parsed, path, shown, source_line)
        store.article_data[parsed.source] = parsed
        store.places[id(parsed)] = Place(shown, source_line)
        for key in ("quotes", "figures", "events"):
            _remember_lines(store, getattr(parsed, key), lines, key, shown)
        if parsed.trip_claim is not None:
            store.places[id(parsed.trip_claim)] = Place(shown, lines.key("trip_claim") or 1)


def check_article_file(loaded: yamlio.Loaded) -> list[Problem]:
    """What load_store finds wrong with an article's data file, read round trip."""
    parsed, problems = validate(ArticleFile, loaded)
    if parsed is None:
        return problems
    line = yamlio.line_of(loaded.data, "source") or 1
    return problems + _misnamed(parsed, loaded.path, loaded.shown, line)


def _misnamed(parsed: ArticleFile, path: Path, shown: str, line: int) -> list[Problem]:
    if parsed.source == path.stem:
        return []
    what = f"source {parsed.source!r} does not match the file name {path.stem!r}"
    return [Problem.of("E102", shown, line, what)]
