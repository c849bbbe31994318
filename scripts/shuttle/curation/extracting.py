"""The `shuttle extract` step: run the extractors over the seeds and merge into data/."""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar, cast

from shuttle import config, yamlio
from shuttle.curation import merge
from shuttle.curation.proposals import PeopleIndex, article_records, known_people
from shuttle.extract import extract_article, to_json
from shuttle.extract.candidates import ArticleCandidates, KnownPerson
from shuttle.paths import Paths
from shuttle.problems import Problem, ProblemError, did_you_mean
from shuttle.progress import Progress
from shuttle.records.sources import hash_problem
from shuttle.records.store import Store, load_people, load_store
from shuttle.textio import MAX_ARTICLE_BYTES, read_text

T = TypeVar("T")
R = TypeVar("R")

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
    texts (dated as `shuttle extract` dates them), as JSON; writes nothing."""
    store, problems = load_store(paths)
    known = {s.id for s in store.sources}
    shown = paths.relative(paths.sources_file)
    unknown = [
        Problem.of("E201", shown, None, f"no source with id {u!r}") for u in only if u not in known
    ]
    if unknown:
        return "[]\n", unknown
    people = known_people(store.people)
    out = []
    for source_id in only:
        article = store.articles.get(source_id)
        if article is None:  # its text did not load: load_store said why
            continue
        found = extract_article(article.text, published=article.source.event_date, people=people)
        out.append(to_json(paths.relative(paths.article(article.source.file)), found))
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
    store, problems = load_store(paths)
    blocking = [p for p in problems if p.severity == "error"]
    if blocking:
        return [], blocking
    wanted = set(only) or {s.id for s in store.sources}
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

    The extractors (pure) and the merge of each article's file (its own file) run in the
    pool; new people are named in the main process in source order, so ids and output
    are the same whatever the number of workers.
    """
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
    work = [
        (source_id, article.text, article.source.event_date)
        for source_id in source_ids
        if (article := store.articles.get(source_id)) is not None  # else: load_store said why
    ]
    workers = pool_size(len(work), jobs)
    progress = Progress("shuttle extract", len(work))
    with _Workers(workers, people) as pool:
        found_all = pool.map(_extract_one, work)
        merges = []
        for done, ((source_id, _, _), found) in enumerate(zip(work, found_all, strict=True)):
            records = article_records(source_id, found, index)
            path = paths.article_data(source_id)
            held = store.article_data.get(source_id)
            # said once the file is there (and on every run while it holds no record)
            empty = held is None or not (held.quotes or held.figures or held.events)
            if notes is not None and empty and not any(records.values()):
                text = store.articles[source_id].text
                notes.append(nothing_proposed(source_id, text, paths.relative(path)))
            merges.append(pool.submit(_merge_one, (path, paths.relative(path), source_id, records)))
            progress.update(done + 1, " articles read")
        for done, pending in enumerate(merges):
            shown, found_problems = pending()
            if shown is not None:
                written.append(shown)
            problems.extend(found_problems)
            progress.update(done + 1, " articles merged")
    progress.done()
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


# Below this many articles a pool costs more (start-up, pickling) than it saves.
POOL_MIN_ARTICLES = 48


def pool_size(articles: int, jobs: int | None = None) -> int:
    """Workers for `articles`: `jobs` when given, else one per core for a large run."""
    if jobs is None:
        if articles < POOL_MIN_ARTICLES:
            return 1
        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(jobs or 1, articles))


_PEOPLE: Sequence[KnownPerson] = ()


def _init_worker(people: Sequence[KnownPerson]) -> None:
    global _PEOPLE
    _PEOPLE = people


def _extract_one(job: tuple[str, str, date | None]) -> ArticleCandidates:
    _, text, published = job
    return extract_article(text, published=published, people=_PEOPLE)


def _merge_one(job: tuple[Path, str, str, dict[str, Any]]) -> tuple[str | None, list[Problem]]:
    path, shown, source_id, records = job
    try:
        doc = merge.load_or_new(path, shown, merge.ARTICLE_HEADER, {"source": source_id})
        changed = merge.merge_article(doc, records)
        if not changed and doc.digest is None:  # nothing proposed: a place for the editor's
            for name in ("quotes", "figures", "events"):
                merge.section(doc, name)
        if changed or doc.digest is None:
            yamlio.save(doc)
            return shown, []
    except ProblemError as exc:
        return None, exc.problems
    return None, []


class _Workers:
    """A process pool, or the calling process itself for one worker: same interface.

    map() yields results in input order (chunked); submit() returns a callable that
    waits for its result.
    """

    def __init__(self, workers: int, people: Sequence[KnownPerson]) -> None:
        self.workers = workers
        self.people = people
        self.pool: Any = None

    def __enter__(self) -> _Workers:
        if self.workers > 1:
            method = "fork" if sys.platform.startswith("linux") else None
            context = multiprocessing.get_context(method)
            self.pool = context.Pool(self.workers, _init_worker, (self.people,))
        else:
            _init_worker(self.people)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.terminate() if exc[0] is not None else self.pool.close()
            self.pool.join()

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        if self.pool is None:
            return map(fn, items)
        chunk = max(1, min(16, len(items) // (self.workers * 8)))
        return cast(Iterator[R], self.pool.imap(fn, items, chunksize=chunk))

    def submit(self, fn: Callable[[T], R], item: T) -> Callable[[], R]:
        if self.pool is None:
            result = fn(item)
            return lambda: result
        pending = self.pool.apply_async(fn, (item,))
        return cast(Callable[[], R], pending.get)
