"""One data file read into its model: the fast way when it can, the careful way (every
problem with its line) when it must. What load_store is made of, and what a step that
needs a single file (`shuttle extract --json` the people list) reads.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from shuttle import fastyaml, yamlio
from shuttle.paths import Paths
from shuttle.problems import Problem, ProblemError
from shuttle.records.schema import PeopleFile, Person, Source, SourcesFile
from shuttle.records.validation import validation_problems
from shuttle.textio import MAX_DATA_BYTES, read_text

M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], loaded: yamlio.Loaded) -> tuple[M | None, list[Problem]]:
    data = loaded.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [Problem.of("E102", loaded.shown, 1, "the file must hold a mapping")]
    try:
        return model.model_validate(yamlio.plain(data)), []
    except ValidationError as exc:
        return None, validation_problems(exc, data, loaded.shown, model=model)


class Lines(Protocol):
    """Where things are written in a loaded file (1-based lines)."""

    def key(self, key: str) -> int | None: ...  # a top-level key

    def item(self, key: str, index: int) -> int | None: ...  # item `index` of a top-level list


@dataclass(frozen=True)
class RoundTripLines:
    data: Any

    def key(self, key: str) -> int | None:
        return yamlio.line_of(self.data, key) if isinstance(self.data, dict) else None

    def item(self, key: str, index: int) -> int | None:
        items = self.data.get(key) if isinstance(self.data, dict) else None
        return yamlio.line_of(items, index) if items is not None else None


def fast(model: type[M], text: str, shown: str | None = None) -> tuple[M, Lines] | None:
    """The file through libyaml when it is plain and valid; None: take the careful path.
    With `shown` (the file's name), the same text of the same file gives the same (frozen)
    record objects: `shuttle serve` reads every data file again after each saved edit, and
    what did not change is then recognised by identity (site/pages/reuse.py). Without it,
    nothing is remembered (a caller that keeps its own)."""
    return _quick(model, text) if shown is None else _remembered(model, text, shown)


@functools.lru_cache(maxsize=8192)
def _remembered(model: type[M], text: str, shown: str) -> tuple[M, Lines] | None:
    # `shown` keeps two files of the same text apart: a record's line is looked up by the
    # record object (store.places), which must belong to one file
    return _quick(model, text)


def _quick(model: type[M], text: str) -> tuple[M, Lines] | None:
    quick = fastyaml.loads(text)
    if quick is None:
        return None
    data = {} if quick.data is None else quick.data
    if not isinstance(data, dict):
        return None
    try:
        return model.model_validate(data), quick.lines
    except ValidationError:
        return None  # the round-trip loader locates every problem


def load_file(
    paths: Paths,
    path: Path,
    model: type[M],
    problems: list[Problem],
    *,
    required: bool = True,
    shown: str | None = None,
) -> tuple[M | None, Lines | None]:
    """A data file as its model, and where its records are written.

    Most files are plain and valid: they take the fast path (fastyaml). Any other is read
    by the round-trip loader, which reports every problem with its line.
    """
    shown = paths.relative(path) if shown is None else shown
    if not path.exists() and not required:
        return None, None
    try:
        text = read_text(path, shown, max_bytes=MAX_DATA_BYTES, allow_empty=True, root=paths.root)
        quick = fast(model, text, shown)
        if quick is not None:
            return quick
        loaded = yamlio.Loaded(path=path, shown=shown, data=yamlio.loads(text, shown), digest=None)
    except ProblemError as exc:
        problems.extend(exc.problems)
        return None, None
    parsed, found = validate(model, loaded)
    problems.extend(found)
    return parsed, RoundTripLines(loaded.data)


def load_sources(paths: Paths) -> tuple[list[Source], list[Problem]]:
    """seeds/sources.yml alone, as load_store reads it (for `shuttle extract --json
    --source`, which reads the named articles and nothing else of the store)."""
    problems: list[Problem] = []
    sources, _ = load_file(paths, paths.sources_file, SourcesFile, problems)
    return (list(sources.sources) if sources else []), problems


def load_people(paths: Paths) -> tuple[list[Person], list[Problem]]:
    """data/people.yml alone, as load_store reads it (for `shuttle extract --json`, which
    needs the people list and nothing else of the store)."""
    problems: list[Problem] = []
    people, _ = load_file(paths, paths.people_file, PeopleFile, problems)
    return (list(people.people) if people else []), problems
