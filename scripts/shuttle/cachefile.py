"""The files of build/cache, sealed when written and checked before use.

A cache entry is trusted only if it is what this user's own builds wrote: each file
starts with an HMAC-SHA256 of its content under a key kept outside the project
(~/.cache/shuttle/cache.key, readable by the user alone). A truncated, damaged or
crafted entry (say, from a cache restored in CI, or a page with a script in it) fails
the check and is a miss: it is rebuilt, never used, run or published. A plain digest
would catch damage but not a crafted entry, whose author could write its digest too.

Where the key cannot be kept (a read-only home), this process makes one of its own:
the cache then serves this process only (`serve`'s rebuilds), and every build is cold.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from shuttle.config import user_cache_home
from shuttle.problems import ProblemError
from shuttle.textio import read_bytes, replace_file

FORMAT = b"shuttle-cache 2 hmac-sha256="
MAX_ENTRY = 64_000_000  # bytes: the chart bundle is ~1.5 MB, a page's entry far less
_KEY_BYTES = 32


def key_path() -> Path:
    return user_cache_home() / "shuttle" / "cache.key"


@functools.lru_cache(maxsize=4)
def _key(path: Path) -> bytes:
    with contextlib.suppress(ProblemError):
        found = read_bytes(path, str(path), max_bytes=_KEY_BYTES)
        if len(found) == _KEY_BYTES:
            return found
    made = os.urandom(_KEY_BYTES)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(made)
    except FileExistsError:  # another build made it meanwhile: use theirs
        with contextlib.suppress(ProblemError):
            found = read_bytes(path, str(path), max_bytes=_KEY_BYTES)
            if len(found) == _KEY_BYTES:
                return found
    except OSError:
        pass  # no place for a key: this process's own
    return made


def _seal(data: bytes) -> bytes:
    return hmac.new(_key(key_path()), data, hashlib.sha256).hexdigest().encode("ascii")


def write(path: Path, data: bytes) -> bool:
    """Store `data` at `path`, sealed; False when it cannot be written (a read-only or
    full disk costs the next build time, nothing else)."""
    try:
        replace_file(path, FORMAT + _seal(data) + b"\n" + data, durable=False)
    except OSError:
        return False
    return True


def read(path: Path, *, max_bytes: int = MAX_ENTRY) -> bytes | None:
    """The data stored at `path` if its seal holds; None for a miss (absent, not a
    regular file, too large, damaged or not written by this user's builds)."""
    try:
        raw = read_bytes(path, str(path), max_bytes=max_bytes + len(FORMAT) + 65)
    except ProblemError:
        return None
    header, newline, data = raw.partition(b"\n")
    if not newline or not header.startswith(FORMAT):
        return None
    if not hmac.compare_digest(header[len(FORMAT) :], _seal(data)):
        return None
    return data


def read_record(path: Path, **expected: object) -> dict[str, Any] | None:
    """The JSON object stored at `path` if its seal holds and it holds each `expected`
    value (its format, its key); None for a miss (what `read` misses, or no such object)."""
    raw = read(path)
    if raw is None:
        return None
    try:
        record = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(record, dict) or any(record.get(k) != v for k, v in expected.items()):
        return None
    return record


class Background:
    """Entries written on a thread of their own while the build goes on: the seal
    (HMAC-SHA256) and the write release the GIL, so the tens of thousands of entries of
    a cold build cost its rendering little. At most PENDING entries wait (memory stays
    bounded); `close` waits for them all. A process forked meanwhile (prerender.py's
    helper) writes its own entries at once: the thread is not copied into it."""

    PENDING = 64

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._owner = os.getpid()
        self._room = threading.BoundedSemaphore(self.PENDING)

    def write(self, path: Path, data: bytes) -> None:
        if os.getpid() != self._owner:
            write(path, data)
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="shuttle-cache")
        self._room.acquire()
        self._pool.submit(self._write, path, data)

    def _write(self, path: Path, data: bytes) -> None:
        try:
            write(path, data)
        finally:
            self._room.release()

    def close(self) -> None:
        """Every entry written (or found unwritable); the thread stopped."""
        if self._pool is not None and os.getpid() == self._owner:
            self._pool.shutdown(wait=True)
            self._pool = None


background = Background()
