"""Reading text files defensively and writing them atomically.

Reads turn every way a file can be unusable (missing, binary, not UTF-8, empty, huge)
into a Problem. Writes go to a temporary file in the same folder, are fsynced, and
replace the target in one rename, after checking that nobody changed it since it was read.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from pathlib import Path

from shuttle.problems import Problem, ProblemError

MAX_ARTICLE_BYTES = 2_000_000  # a long feature is ~100 KB; anything larger is not an article
MAX_DATA_BYTES = 50_000_000


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: Path, shown: str, *, max_bytes: int) -> bytes:
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError
        size = status.st_size
        if size > max_bytes:
            raise ProblemError(
                [Problem.of("E008", shown, None, f"{size:,} bytes; the limit is {max_bytes:,}")]
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise ProblemError([Problem.of("E005", shown, None, "no such file")]) from None
    except IsADirectoryError:
        raise ProblemError([Problem.of("E005", shown, None, "is a folder, not a file")]) from None
    except OSError as exc:
        raise ProblemError([Problem.of("E005", shown, None, exc.strerror or str(exc))]) from None


def decode(raw: bytes, shown: str, *, allow_empty: bool = False) -> str:
    if not raw.strip() and not allow_empty:
        raise ProblemError([Problem.of("E007", shown, None, "nothing to read")])
    if b"\x00" in raw:
        raise ProblemError([Problem.of("E009", shown, None, "NUL bytes found")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ProblemError(
            [Problem.of("E006", shown, line, f"invalid UTF-8 byte at offset {exc.start}")]
        ) from None


def read_text(path: Path, shown: str, *, max_bytes: int, allow_empty: bool = False) -> str:
    return decode(read_bytes(path, shown, max_bytes=max_bytes), shown, allow_empty=allow_empty)


def current_digest(path: Path) -> str | None:
    try:
        return sha256_hex(path.read_bytes())
    except (FileNotFoundError, NotADirectoryError):
        return None


def write_atomic(path: Path, text: str, shown: str, *, expected: str | None) -> None:
    """Write `text` to `path` in one rename, if the file still has digest `expected`.

    `expected` is the sha256 of the content read earlier, or None when the file did not
    exist then. If it changed meanwhile (an editor saved it), nothing is written (E401).
    """
    try:
        if current_digest(path) != expected:
            edited = "it was edited while the command ran; run it again"
            raise ProblemError([Problem.of("E401", shown, None, edited)])
        replace_file(path, text.encode("utf-8"))
    except OSError as exc:
        raise ProblemError([Problem.of("E402", shown, None, exc.strerror or str(exc))]) from None


def replace_file(path: Path, data: bytes, *, durable: bool = True) -> None:
    """`path` holds `data` after one rename, or is as it was: a temporary file in the
    same folder, fsynced, given the old file's mode (or 0644), renamed over it.
    `durable=False` skips the fsyncs: still never a torn file, but after a power cut
    possibly the old one (for caches, where that only costs time)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if durable:
        _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    # The rename is durable only once the folder's entry is on disk.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
