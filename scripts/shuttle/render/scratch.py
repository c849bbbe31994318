"""The folder a preview renders into, held for as long as the preview runs.

A preview stopped as it should be (Ctrl-C, SIGTERM) removes its folder; one killed
outright (SIGKILL, an out-of-memory kill) cannot, and at 1,000 articles that folder is
a whole rendered site. So each preview holds a lock on its folder (`flock`, which the
system releases when the process ends, however it ends), and the next preview removes
the folders that nobody holds. A preview of the same project still running keeps its
own: its lock is held.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def held(parent: Path, prefix: str) -> Iterator[Path]:
    """A fresh folder in `parent` named `prefix`..., locked while in use and removed
    after; first, the folders killed previews left there under that prefix."""
    parent.mkdir(parents=True, exist_ok=True)
    remove_abandoned(parent, prefix)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # new: nobody else has it
        yield folder
    finally:
        os.close(fd)
        shutil.rmtree(folder, ignore_errors=True)


def remove_abandoned(parent: Path, prefix: str) -> list[Path]:
    """Remove the folders `prefix`... in `parent` whose preview has ended without
    removing them (nobody holds their lock); those removed. An empty one is left: a
    preview starting at this moment has made it and not yet locked it."""
    removed = []
    for folder in sorted(parent.glob(prefix + "*")):
        if folder.is_symlink() or not folder.is_dir():
            continue
        try:
            fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            continue  # another user's, or gone meanwhile
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue  # a running preview's
        try:
            if any(folder.iterdir()):
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed
