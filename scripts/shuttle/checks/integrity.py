"""What must hold across files so that nothing is lost or misattributed on the way to
the site: every source has its curated file, trips do not overlap, a verified quote
names a verified (or proposed, never rejected) person.

A source whose curated file is missing publishes nothing from its article, silently:
a warning while an editor works, an error in a build for publishing (CI=true), where
a deleted file must not quietly unpublish what it held.
"""

from __future__ import annotations

import os
from pathlib import Path

from shuttle.config import in_ci
from shuttle.problems import Problem
from shuttle.records.store import Store


def publishing() -> bool:
    """A build for publishing: CI says so (GitHub Actions, GitLab and most others set CI)."""
    return in_ci()


def check(store: Store) -> list[Problem]:
    return [
        *_curated_files(store),
        *_overlapping_trips(store),
        *_speakers(store),
        *_foreign_files(store),
    ]


def _foreign_files(store: Store) -> list[Problem]:
    """docs/ is published by mkdocs as it stands: a link in it to a file outside the
    project would publish that file, a FIFO or device would hang or flood the build."""
    paths = store.paths
    root = os.path.realpath(paths.root)
    problems = []
    for folder, dirs, files in os.walk(paths.docs):
        for name in sorted([*dirs, *files]):
            path = os.path.join(folder, name)
            real = os.path.realpath(path)
            outside = os.path.commonpath([root, real]) != root
            special = os.path.exists(real) and not (os.path.isfile(real) or os.path.isdir(real))
            if outside or special:
                what = "a link to outside the project" if outside else "not a regular file"
                shown = paths.relative(Path(path))
                problems.append(
                    Problem.of("E010", shown, None, f"is {what}; the site must not publish it")
                )
    return problems


def _curated_files(store: Store) -> list[Problem]:
    paths = store.paths
    if not store.usable(paths.sources_file):
        return []
    code = "E213" if publishing() else "W306"
    problems: list[Problem] = []
    folder = paths.relative(paths.articles_dir)
    for source in store.sources:
        path = paths.article_data(source.id)
        if source.id in store.article_data or not store.usable(path) or path.is_file():
            continue  # loaded, or did not load and said why
        shown = paths.relative(path)
        place = store.place(source)
        where = f"{folder}/ is missing" if not paths.articles_dir.is_dir() else f"no {shown}"
        problems.append(
            Problem.of(
                code,
                place.file,
                place.line,
                f"source {source.id!r}: {where}, so nothing from this article is published; "
                f"restore the file, or run `shuttle extract --source {source.id}`",
            )
        )
    return problems


def _overlapping_trips(store: Store) -> list[Problem]:
    problems: list[Problem] = []
    trips = sorted(store.trips, key=lambda t: (t.start, t.end, t.ordinal))
    latest = None  # the trip seen so far that ends last
    for after in trips:
        before, latest = latest, after if latest is None or after.end > latest.end else latest
        if before is not None and after.start <= before.end:
            place = store.place(after)
            first = store.place(before)
            problems.append(
                Problem.of(
                    "E214",
                    place.file,
                    place.line,
                    f"trip {after.ordinal} ({after.start}..{after.end}) overlaps trip "
                    f"{before.ordinal} ({before.start}..{before.end}, line {first.line}); "
                    "he cannot be on two trips at once: fix the dates",
                )
            )
    return problems


def _speakers(store: Store) -> list[Problem]:
    if not store.usable(store.paths.people_file):
        return []
    status = {person.id: person.status for person in store.people}
    problems: list[Problem] = []
    for _, quote in store.quotes():
        said_by = status.get(quote.speaker or "")
        if quote.status != "verified" or said_by in (None, "verified"):
            continue
        place = store.place(quote)
        problems.append(
            Problem.of(
                "E215",
                place.file,
                place.line,
                f"quote {quote.id} is verified but its speaker {quote.speaker!r} is "
                f"{said_by} in people.yml; verify the person first, or name another speaker",
            )
        )
    return problems
