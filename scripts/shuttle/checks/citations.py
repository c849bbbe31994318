"""Citations in data/trips.yml, and sources' licences.

Every citation must name a source that exists and a paragraph it has; every sentence of
what a trip sought or achieved must cite at least one. Every source must say its licence.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from shuttle.problems import Problem, ProblemError
from shuttle.records import cites, fieldlines
from shuttle.records.licences import GRANDFATHERED
from shuttle.records.schema import Trip
from shuttle.records.store import Store
from shuttle.textio import MAX_DATA_BYTES, read_text


def check(store: Store) -> list[Problem]:
    return _licences(store) + _trips(store)


def _licences(store: Store) -> list[Problem]:
    problems = []
    for source in store.sources:
        if source.licence is not None:
            continue
        place = store.place(source)
        code = "W212" if source.id in GRANDFATHERED else "E212"
        problems.append(
            Problem.of(
                code,
                place.file,
                place.line,
                f"source {source.id!r} has no licence: add `licence:` (e.g. 'public domain "
                "(U.S. government work)'); until then its page shows only the cited paragraphs",
            )
        )
    return problems


def _trips(store: Store) -> list[Problem]:
    if not store.usable(store.paths.sources_file):
        return []  # which sources exist is not known
    found: list[tuple[int, tuple[str | int, ...], str, str]] = []  # trip, path, code, message
    for index, trip in enumerate(store.trips):
        for cited in cites.of_trip(trip):
            message = _bad_citation(store, cited.text)
            if message is not None:
                found.append((index, cited.path, message[0], f"trip {trip.ordinal}: {message[1]}"))
        for key in ("sought", "summary", "disagreements"):
            for line_index, line in enumerate(getattr(trip, key)):
                if not line.cite:
                    what = f"trip {trip.ordinal}: {key} item {line_index + 1} cites no source"
                    found.append((index, (key, line_index), "E211", what + _HOW))
                elif key == "disagreements":  # published on the disagreements page
                    what = f"trip {trip.ordinal}: a source disagrees with the list: {line.text}"
                    found.append((index, (key, line_index), "W305", what))
    return _located(store, found)


_HOW = "; add `cite: [source-id#pN]`, N the paragraph number on the source's page"


def _bad_citation(store: Store, text: str) -> tuple[str, str] | None:
    cite = cites.parse(text)
    if cite is None:
        return "E208", f"{text!r} is not a citation; write it source-id#pN (e.g. my-source#p3)"
    article = store.articles.get(cite.source_id)
    if article is None:
        if any(s.id == cite.source_id for s in store.sources):
            return None  # listed, but its text did not load: reported where it is read
        ids = [s.id for s in store.sources]
        close = difflib.get_close_matches(cite.source_id, ids, n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        return "E209", f"{text!r} cites {cite.source_id!r}, which is not in seeds/sources.yml{hint}"
    count = len(article.paragraphs)
    if cite.paragraph > count:
        return "E210", (
            f"{text!r}: {cite.source_id} has {count} paragraph{'s' if count != 1 else ''}, "
            f"no paragraph {cite.paragraph}"
        )
    return None


def _located(
    store: Store, found: Sequence[tuple[int, tuple[str | int, ...], str, str]]
) -> list[Problem]:
    """Each problem at the line of the citation itself: the trips file is read again
    (for its lines, fieldlines.lines_of) only when there is something to point at."""
    if not found:
        return []
    shown = store.paths.relative(store.paths.trips_file)
    lines = _lines(store)
    problems = []
    for index, path, code, message in found:
        line = lines(("trips", index, *path)) if lines is not None else None
        if line is None:
            line = store.place(store.trips[index]).line
        problems.append(Problem.of(code, shown, line, message))
    return problems


def _lines(store: Store) -> fieldlines.Locate | None:
    path = store.paths.trips_file
    try:
        text = read_text(path, store.paths.relative(path), max_bytes=MAX_DATA_BYTES)
        return fieldlines.lines_of(text, store.paths.relative(path))
    except ProblemError:
        return None  # it loaded a moment ago; its problems are reported there


def trips_citing(store: Store, source_id: str) -> list[Trip]:
    """The trips whose entries cite a source (for its page)."""
    return [t for t in store.trips if source_id in cites.sources_of_trip(t)]
