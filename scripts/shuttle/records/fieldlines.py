"""The line of one field of a record, for messages that must point at it (a mistyped
speaker is on the speaker's line, not on the line where the quote starts).

The store keeps only where each record starts (the fast loader knows no more); on the
way to a message, the file is read again for every line: from libyaml's events where the
fast loader could read it (fastyaml.line_map), else by the round-trip loader.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from shuttle import fastyaml, yamlio
from shuttle.problems import ProblemError
from shuttle.records.store import Place, Store
from shuttle.textio import MAX_DATA_BYTES, read_text


def field_line(store: Store, record: object, *location: str | int) -> Place:
    """Where field `location` (a name, then list indexes and names) of `record` is
    written; the record's own place when the field cannot be found."""
    place = store.place(record)
    if place.key is None or place.index is None or place.file == "?":
        return place
    path = store.paths.root / place.file
    try:
        status = path.stat()
    except OSError:
        return place
    lines = _lines(path, place.file, status.st_mtime_ns, status.st_size, store.paths.root)
    if lines is None:
        return place
    found = lines((place.key, place.index, *location))
    return Place(place.file, found or place.line, place.key, place.index)


Locate = Callable[[fastyaml.NodePath], int | None]


@functools.lru_cache(maxsize=8)
def _lines(path: Path, shown: str, mtime: int, size: int, root: Path) -> Locate | None:
    try:
        return lines_of(read_text(path, shown, max_bytes=MAX_DATA_BYTES, root=root), shown)
    except ProblemError:
        return None


def lines_of(text: str, shown: str) -> Locate:
    """How to find the line of a path of keys and indexes in a data file's text (see the
    module's docstring); ProblemError when the text does not load."""
    found = fastyaml.line_map(text)
    if found is not None:
        return functools.partial(fastyaml.locate, found)
    return functools.partial(yamlio.locate, yamlio.loads(text, shown))
