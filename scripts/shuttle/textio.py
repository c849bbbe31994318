"""Reading text files defensively and writing them atomically.

Reads turn every way a file can be unusable (missing, binary, not UTF-8, empty, huge)
into a Problem. Writes go to a temporary file in the same folder, are fsynced, and
replace the target in one rename, after checking that nobody changed it since it was read.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from shuttle.problems import Problem, ProblemError

MAX_ARTICLE_BYTES = 2_000_000  # a long feature is ~100 KB; anything larger is not an article
MAX_DATA_BYTES = 50_000_000


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: Path, shown: str, *, max_bytes: int, root: Path | None = None) -> bytes:
    """The bytes of a regular file, at most `max_bytes` of them (read so, not trusted
    from the file's size). `root`: the file must lie inside it once links are followed.
    Devices, FIFOs and sockets are refused before a byte is read (they never end)."""
    try:
        if root is not None:
            _inside(path, root, shown)
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
        try:
            status = os.fstat(fd)
            if stat.S_ISDIR(status.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(status.st_mode):
                raise ProblemError([Problem.of("E010", shown, None, _kind(status.st_mode))])
            if status.st_size > max_bytes:  # known too large: not read at all
                size = f"{status.st_size:,} bytes; the limit is {max_bytes:,}"
                raise ProblemError([Problem.of("E008", shown, None, size)])
            data = _bounded(fd, max_bytes)  # the size may lie (/proc, a growing file)
        finally:
            os.close(fd)
        if len(data) > max_bytes:
            more = f"more than {max_bytes:,} bytes; the limit is {max_bytes:,}"
            raise ProblemError([Problem.of("E008", shown, None, more)])
        return data
    except FileNotFoundError:
        raise ProblemError([Problem.of("E005", shown, None, "no such file")]) from None
    except IsADirectoryError:
        raise ProblemError([Problem.of("E005", shown, None, "is a folder, not a file")]) from None
    except MemoryError:
        raise ProblemError([Problem.of("E008", shown, None, "too large to read")]) from None
    except OSError as exc:
        raise ProblemError([Problem.of("E005", shown, None, exc.strerror or str(exc))]) from None


def _bounded(fd: int, max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes (one more tells that there are more)."""
    chunks: list[bytes] = []
    left = max_bytes + 1
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _inside(path: Path, root: Path, shown: str) -> None:
    if not _links_below(path, root):
        return  # under root, and no part of it below root a link: inside, whatever root is
    real = Path(os.path.realpath(path))
    try:
        real.relative_to(os.path.realpath(root))
    except ValueError:
        where = "a link to a file outside the project; copy the file in instead"
        raise ProblemError([Problem.of("E010", shown, None, where)]) from None


def _links_below(path: Path, root: Path) -> bool:
    """True unless `path` is written under `root` and none of its parts below `root` is a
    link. Each part is looked at once, where realpath would look at every part of both
    absolute paths: a thousand data files are read on every save under serve."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return True
    if ".." in parts:
        return True
    at = str(root)
    for part in parts:
        at = os.path.join(at, part)
        if stat.S_ISLNK(os.lstat(at).st_mode):
            return True
    return False


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        what = "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    else:
        what = "not a regular file"
    return f"is {what}, not a text file; replace it with the file itself"


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


def read_text(
    path: Path, shown: str, *, max_bytes: int, allow_empty: bool = False, root: Path | None = None
) -> str:
    raw = read_bytes(path, shown, max_bytes=max_bytes, root=root)
    return decode(raw, shown, allow_empty=allow_empty)


def current_digest(path: Path) -> str | None:
    """sha256 of the file's bytes; None when there is no file ("unreadable" when it is
    not a regular file or too large: never what was read before)."""
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
        return sha256_hex(read_bytes(path, str(path), max_bytes=MAX_DATA_BYTES))
    except ProblemError as exc:
        if all(p.message in ("no such file", "Not a directory") for p in exc.problems):
            return None
        return "unreadable"


def write_atomic(path: Path, text: str, shown: str, *, expected: str | None) -> None:
    """Write `text` to `path` in one rename, if the file still has digest `expected`.

    `expected` is the sha256 of the content read earlier, or None when the file did not
    exist then. If it changed meanwhile (an editor saved it), nothing is written (E401).
    The file is compared again after the new text is on disk, right before the rename.
    """

    def unchanged() -> None:
        if current_digest(path) != expected:
            edited = "it was edited while the command ran; nothing was written; run it again"
            raise ProblemError([Problem.of("E401", shown, None, edited)])

    try:
        unchanged()
        replace_file(path, text.encode("utf-8"), before_rename=unchanged)
    except OSError as exc:
        raise ProblemError([Problem.of("E402", shown, None, why(exc, path))]) from None


def why(exc: OSError, path: Path) -> str:
    """An OSError in the system's words, then the editor's, and the path it concerns when
    that is not `path` itself (a folder on the way, a temporary file)."""
    where = Path(exc.filename) if exc.filename else path
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EROFS: "the disk is read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOTDIR: "a file stands where a folder should be",
        errno.EEXIST: "a file stands where a folder should be",
    }
    said = exc.strerror or str(exc)
    reason = reasons.get(exc.errno or 0)
    words = f"{said}: {reason}" if reason else said
    return words if where == path else f"{words} ({where})"


def replace_file(
    path: Path,
    data: bytes,
    *,
    durable: bool = True,
    before_rename: Callable[[], None] | None = None,
) -> None:
    """`path` holds `data` after one rename, or is as it was: a temporary file in the
    same folder, fsynced, given the old file's mode (or 0644), renamed over it.
    `durable=False` skips the fsyncs: still never a torn file, but after a power cut
    possibly the old one (for caches, where that only costs time). `before_rename` may
    raise to leave the file as it is."""
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
        if before_rename is not None:
            before_rename()
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
