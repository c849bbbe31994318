"""The `shuttle extract` step: run the extractors over the seeds and merge into data/."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from shuttle import merge, yamlio
from shuttle.extract import extract_article, to_json
from shuttle.extract.candidates import KnownPerson
from shuttle.paths import Paths
from shuttle.problems import Problem, ProblemError
from shuttle.proposals import PeopleIndex, article_records, known_people
from shuttle.sources import hash_problem
from shuttle.store import Store, load_store
from shuttle.textio import MAX_ARTICLE_BYTES, read_text

PEOPLE_HEADER = (
    "People and organisations quoted or met. Quotes name them by id.\n"
    "aliases: other names articles use (speaker matching uses them).\n"
)


def extract_files(
    files: Sequence[Path], *, published: date | None, people: Sequence[KnownPerson]
) -> tuple[str, list[Problem]]:
    """`shuttle extract --json`: what the extractors find in the named files; writes nothing."""
    out: list[dict[str, object]] = []
    problems: list[Problem] = []
    for path in files:
        try:
            text = read_text(path, str(path), max_bytes=MAX_ARTICLE_BYTES)
        except ProblemError as exc:
            problems.extend(exc.problems)
            continue
        out.append(to_json(str(path), extract_article(text, published=published, people=people)))
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n", problems


def people_for_extraction(paths: Paths) -> tuple[list[KnownPerson], list[Problem]]:
    """The curated people list, when data/ has one that loads."""
    store, problems = load_store(paths)
    return known_people(store.people), problems


def run_extract(paths: Paths, only: Sequence[str] = ()) -> tuple[list[str], list[Problem]]:
    """Extract from every source (or the ids in `only`) and merge; returns files written.

    Writes nothing while a file of seeds/ or data/ does not load (merging into a file
    that does not parse, or that the schema refuses, could bury an editor's work), nor
    when an article's text no longer matches its sha256 (offsets, and the ids made from
    them, would point at other words).
    """
    store, problems = load_store(paths)
    blocking = [p for p in problems if p.severity == "error"]
    if blocking:
        return [], blocking
    wanted = set(only) or {s.id for s in store.sources}
    unknown = sorted(wanted - {s.id for s in store.sources})
    if unknown:
        shown = paths.relative(paths.sources_file)
        return [], [Problem.of("E201", shown, None, f"no source with id {u!r}") for u in unknown]
    changed = []
    for source in store.sources:
        article = store.articles.get(source.id)
        if source.id in wanted and article is not None:
            place = store.place(source)
            found = hash_problem(article, place.file, place.line)
            if found is not None:
                changed.append(found)
    if changed:
        return [], changed
    return _merge_sources(paths, store, sorted(wanted))


def _merge_sources(
    paths: Paths, store: Store, source_ids: Sequence[str]
) -> tuple[list[str], list[Problem]]:
    written: list[str] = []
    problems: list[Problem] = []
    people = known_people(store.people)
    index = PeopleIndex.of(store.people)
    people_shown = paths.relative(paths.people_file)
    try:
        people_doc = merge.load_or_new(
            paths.people_file, people_shown, PEOPLE_HEADER, {"people": []}
        )
    except ProblemError as exc:
        return [], exc.problems
    for source_id in source_ids:
        article = store.articles.get(source_id)
        if article is None:
            continue  # unreadable; load_store reported why
        found = extract_article(article.text, published=article.source.event_date, people=people)
        records = article_records(source_id, found, index)
        path = paths.article_data(source_id)
        shown = paths.relative(path)
        try:
            doc = merge.load_or_new(path, shown, merge.ARTICLE_HEADER, {"source": source_id})
            if merge.merge_article(doc, records):
                yamlio.save(doc)
                written.append(shown)
        except ProblemError as exc:
            problems.extend(exc.problems)
    try:
        if merge.merge_people(people_doc, index.new):
            yamlio.save(people_doc)
            written.append(people_shown)
    except ProblemError as exc:
        problems.extend(exc.problems)
    return written, problems
