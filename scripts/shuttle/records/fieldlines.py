"""The line of one field of a record, for messages that must point at it (a mistyped
speaker is on the speaker's line, not on the line where the quote starts).

The store keeps only where each record starts (the fast loader knows no more); on the
way to a message, the file is read again by the round-trip loader, which knows every line.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from shuttle import yamlio
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
    data = _parsed(path, place.file, status.st_mtime_ns, status.st_size, store.paths.root)
    if data is None:
        return place
    found = yamlio.locate(data, (place.key, place.index, *location))
    return Place(place.file, found or place.line, place.key, place.index)


@functools.lru_cache(maxsize=8)
def _parsed(path: Path, shown: str, mtime: int, size: int, root: Path) -> Any:
    try:
        return yamlio.loads(read_text(path, shown, max_bytes=MAX_DATA_BYTES, root=root), shown)
    except ProblemError:
        return None
