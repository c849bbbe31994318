"""Putting a freshly built site in place of build/site, so that there is always one.

The fresh folder and build/site are exchanged in one step (Linux renameat2 with
RENAME_EXCHANGE): no moment without a site, whenever the build is killed. Where that
call is missing, two renames, and the next build first puts back a site that a kill
between them left aside. Builds lock build/, so folders a killed build left
(build/.site-*) are known to be stale and are removed.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

FRESH_PREFIX = ".site-"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@contextlib.contextmanager
def locked(build: Path) -> Iterator[None]:
    """Hold a lock on build/ itself (no lock file left behind): one build at a time puts
    a site in place; a second one waits."""
    build.mkdir(parents=True, exist_ok=True)
    fd = os.open(build, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def recover(site: Path) -> None:
    """Put back the site a kill between the two renames left aside, and remove the
    folders killed builds left (call with the lock held)."""
    old = _old(site)
    if not site.exists() and old.is_dir():
        old.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    for stale in site.parent.glob(FRESH_PREFIX + "*"):
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)


def swap(fresh: Path, site: Path) -> None:
    """`fresh` becomes `site`; the old site is removed."""
    if site.is_dir() and not site.is_symlink() and _exchange(fresh, site):
        shutil.rmtree(fresh, ignore_errors=True)  # the old site, now at fresh's name
        return
    old = _old(site)
    shutil.rmtree(old, ignore_errors=True)
    if site.exists() or site.is_symlink():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def _old(site: Path) -> Path:
    return site.with_name(f".{site.name}-old")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system cannot."""
    libc = _libc()
    renameat2 = getattr(libc, "renameat2", None) if libc is not None else None
    if renameat2 is None:
        return False
    done = renameat2(
        _AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), ctypes.c_uint(_RENAME_EXCHANGE)
    )
    return bool(done == 0)


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name, use_errno=True) if name else None
    except OSError:
        return None
