"""The `shuttle extract` step: run the extractors over the seeds and merge into data/."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from shuttle import config, yamlio
from shuttle.curation import merge
from shuttle.curation.pool import Workers, extract_one, pool_size
from shuttle.curation.proposals import PeopleIndex, article_records, known_people
from shuttle.extract import extract_article, to_json
from shuttle.extract.candidates import KnownPerson
from shuttle.paths import Paths
from shuttle.problems import Problem, ProblemError, did_you_mean
from shuttle.progress import Progress
from shuttle.records.datafiles import load_people, load_sources
from shuttle.records.sources import hash_problem, read_article
from shuttle.records.store import Store, load_article_data, load_store
from shuttle.textio import MAX_ARTICLE_BYTES, read_text, write_atomic

# The marks a quotation opens or closes with (the quote extractor's cue that there is one).
QUOTE_MARKS = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e")

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


def extract_sources_json(paths: Paths, only: Sequence[str]) -> tuple[str, list[Problem]]:
    """`shuttle extract --json --source ID`: what the extractors find in those sources'
    texts (dated as `shuttle extract` dates them), as JSON; writes nothing. Reads
    sources.yml, people.yml and the named articles: nothing else of seeds/ and data/."""
    sources, problems = load_sources(paths)
    by_id = {s.id: s for s in sources}
    shown = paths.relative(paths.sources_file)
    unknown = [
        Problem.of("E201", shown, None, f"no source with id {u!r}") for u in only if u not in by_id
    ]
    if unknown:
        return "[]\n", unknown
    people, found_problems = people_for_extraction(paths)
    problems += found_problems
    out = []
    for source_id in only:
        source = by_id[source_id]
        path = paths.article(source.file)
        try:
            article = read_article(path, paths.relative(path), source, root=paths.root)
        except ProblemError as exc:  # its text did not load: say why, go on
            problems += exc.problems
            continue
        found = extract_article(article.text, published=source.event_date, people=people)
        out.append(to_json(paths.relative(path), found))
    blocking = [p for p in problems if p.severity == "error"]
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n", blocking


def nothing_proposed(source_id: str, text: str, shown: str) -> str:
    """What to tell an editor when the extractors propose nothing from a source."""
    read = sum(1 for line in text.splitlines() if line.strip())
    marks = sum(text.count(mark) for mark in QUOTE_MARKS)
    head = f"nothing proposed from {source_id} ({read} paragraph{'s' if read != 1 else ''} read"
    if not marks:
        why = (
            "): no quote marks found - a transcript? add its words with "
            f'`shuttle add quote --source {source_id} --speaker PERSON-ID "exact words"`'
        )
    else:
        why = (
            f", {marks} quote marks): add what the extractors missed with "
            f"`shuttle add quote|figure|event --source {source_id} ...`"
        )
    return f"{head}{why}; {shown} holds empty lists for them"


def people_for_extraction(paths: Paths) -> tuple[list[KnownPerson], list[Problem]]:
    """The curated people list, when data/ has one that loads (people.yml alone is read)."""
    people, problems = load_people(paths)
    return known_people(people), problems


def run_extract(
    paths: Paths,
    only: Sequence[str] = (),
    *,
    jobs: int | None = None,
    notes: list[str] | None = None,
) -> tuple[list[str], list[Problem]]:
    """Extract from every source (or the ids in `only`) and merge; returns files written.

    A source the extractors propose nothing from still gets its data file (empty lists,
    for the editor's own records), and `notes` gets a line saying so and why.

    Writes nothing while a file of seeds/ or data/ does not load (merging into a file
    that does not parse, or that the schema refuses, could bury an editor's work), nor
    when an article's text no longer matches its sha256 (offsets, and the ids made from
    them, would point at other words).
    """
    try:
        settings = config.load(paths)
    except ProblemError as exc:
        return [], exc.problems
    # Each article's data file is read once: those merged into by the merge itself (round
    # trip, checked there), the others here as `shuttle check` reads them.
    store, problems = load_store(paths, article_data=False)
    wanted = set(only) or {s.id for s in store.sources}
    merging = wanted & set(store.articles)
    load_article_data(store, problems, skip=merging)
    blocking = [p for p in problems if p.severity == "error"]
    if blocking:  # nothing is merged: the rest is read for what it may hold wrong too
        load_article_data(store, problems, only=merging)
        return [], [p for p in problems if p.severity == "error"]
    unknown = sorted(wanted - {s.id for s in store.sources})
    if unknown:
        shown = paths.relative(paths.sources_file)
        ids = [s.id for s in store.sources]
        return [], [
            Problem.of("E201", shown, None, f"no source with id {u!r}{did_you_mean(u, ids)}")
            for u in unknown
        ]
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
    jobs = settings.jobs if jobs is None else jobs  # --jobs wins over [tool.shuttle] jobs
    return _merge_sources(paths, store, sorted(wanted), jobs, notes)


def _merge_sources(
    paths: Paths,
    store: Store,
    source_ids: Sequence[str],
    jobs: int | None = None,
    notes: list[str] | None = None,
) -> tuple[list[str], list[Problem]]:
    """Extract and merge every source; a process pool shares the work for large runs.

    The extractors (pure) and the merge of each article's file (its own file, read once
    there) run in the pool; new people are named in the main process in source order,
    so ids and output are the same whatever the number of workers. Every article file is
    written, or none (when one of them does not load).
    """
    problems: list[Problem] = []
    people_shown = paths.relative(paths.people_file)
    try:
        people_doc = merge.load_or_new(
            paths.people_file, people_shown, PEOPLE_HEADER, {"people": []}
        )
    except ProblemError as exc:
        return [], exc.problems
    index = PeopleIndex.of(store.people)
    work = [
        (source_id, article.text, article.source.event_date)
        for source_id in source_ids
        if (article := store.articles.get(source_id)) is not None  # else: load_store said why
    ]
    progress = Progress("shuttle extract", len(work))
    with Workers(pool_size(len(work), jobs), known_people(store.people)) as pool:
        pending, proposed = [], []
        for done, ((source_id, _, _), found) in enumerate(
            zip(work, pool.map(extract_one, work), strict=True)
        ):
            records = article_records(source_id, found, index)
            path = paths.article_data(source_id)
            job = (path, paths.relative(path), source_id, records)
            pending.append(pool.submit(_fold, job))
            proposed.append(any(records.values()))
            progress.update(done + 1, " articles read")
        folded = []
        for done, result in enumerate(pending):
            folded.append(result())
            progress.update(done + 1, " articles merged")
    progress.done()
    problems = [p for f in folded for p in f.problems]
    if problems:
        return [], problems
    written = _write(folded, problems)
    for (source_id, text, _), f, any_proposed in zip(work, folded, proposed, strict=True):
        # said once the file is there (and on every run while it holds no record)
        if notes is not None and not f.held and not any_proposed:
            notes.append(nothing_proposed(source_id, text, f.shown))
    try:
        if merge.merge_people(people_doc, index.new, index.proposed_by):
            yamlio.save(people_doc)
            written.append(people_shown)
    except ProblemError as exc:
        problems.extend(exc.problems)
        if written:  # the way back: the proposals are made again from the articles
            problems.append(
                Problem.of(
                    "E401",
                    people_shown,
                    None,
                    f"the {len(written)} article file(s) updated above may name people this "
                    "file does not hold yet; run `shuttle extract` again to add them",
                )
            )
    return written, problems


def _fold(job: tuple[Path, str, str, dict[str, Any]]) -> merge.Folded:
    return merge.fold_article_file(*job)


def _write(folded: Sequence[merge.Folded], problems: list[Problem]) -> list[str]:
    """The article files that changed, each only if no one saved it since it was read."""
    written = []
    for f in folded:
        if f.text is not None:
            try:
                write_atomic(f.path, f.text, f.shown, expected=f.digest)
                written.append(f.shown)
            except ProblemError as exc:
                problems.extend(exc.problems)
    return written
