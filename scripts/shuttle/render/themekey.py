"""The theme's part of a finished page's key (finished.py): a digest of every file of the
theme's folders (templates, partials, icons, the project's overrides) and of the
libraries' versions, and which of UNLESS_NAMED those files name.

Reading Material's 14,500 files took about 0.8 s of every build, in each process that
finishes pages (mkdocs' and prerender.py's helper): half of a warm build of the seed
site. So an installed theme's folder is read once, and its digest kept in build/cache
(sealed, cachefile.py) with the names, times and sizes of its files when it was read
(looking at those takes 0.06 s). It is read again when any of them changes, as by an
upgrade, and within one process not at all (mkdocs does not watch it while serving
either). The project's own overrides are few: they are read in full on every build, so
a template saved while serving shows whatever its time and size.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sysconfig
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from shuttle import cachefile

FORMAT = 2
_LIBRARIES = ("mkdocs", "mkdocs-material", "jinja2", "markupsafe")

# Context values left out of the key unless a file of the theme names them: the build's
# date changes with every commit (SOURCE_DATE_EPOCH), and Material's page templates do
# not show it; a template can read a variable only by naming it.
UNLESS_NAMED = ("build_date_utc",)


@dataclass(frozen=True)
class Folder:
    digest: str  # of every file's path below the folder, size and content
    named: frozenset[str]  # which of UNLESS_NAMED its files name


def theme_key(dirs: tuple[str, ...], cache: Path | None) -> tuple[str, frozenset[str]]:
    """The digest of the theme's folders, in their order, and of the libraries; and which
    of UNLESS_NAMED the folders' files name. `cache`: where an installed folder's digest
    is kept (None: read once per process)."""
    sha = hashlib.sha256(str(FORMAT).encode())
    for name in _LIBRARIES:
        try:
            sha.update(f"{name}={metadata.version(name)};".encode())
        except metadata.PackageNotFoundError:
            sha.update(f"{name} absent;".encode())
    named: set[str] = set()
    for number, folder in enumerate(dirs):  # a folder by its place, not its path
        read = installed_folder(folder, cache) if _installed(folder) else read_folder(folder)
        sha.update(f"[{number}]{read.digest};".encode())
        named |= read.named
    return sha.hexdigest(), frozenset(named)


def read_folder(folder: str) -> Folder:
    """Every file of `folder` read (none when it is not a folder)."""
    sha = hashlib.sha256()
    named: set[str] = set()
    for rel, path in _files(folder):
        with open(path, "rb") as handle:
            data = handle.read()
        sha.update(f"{rel}:{len(data)}:".encode())
        sha.update(data)
        named.update(name for name in UNLESS_NAMED if name.encode() in data)
    return Folder(sha.hexdigest(), frozenset(named))


@functools.lru_cache(maxsize=16)
def installed_folder(folder: str, cache: Path | None) -> Folder:
    """`read_folder`, once per process, and from `cache` while every file's name, time
    and size are as they were when it was last read."""
    stamp = _stamp(folder)
    entry = cache / f"theme-{_digest(folder)[:16]}.json" if cache is not None else None
    if entry is not None:
        kept = _kept(entry, stamp)
        if kept is not None:
            return kept
    found = read_folder(folder)
    if entry is not None:
        data = {"stamp": stamp, "digest": found.digest, "named": sorted(found.named)}
        cachefile.write(entry, json.dumps(data, sort_keys=True).encode("utf-8"))
    return found


def _kept(entry: Path, stamp: str) -> Folder | None:
    raw = cachefile.read(entry)  # a miss unless its seal holds
    if raw is None:
        return None
    try:
        data = json.loads(raw)
        if data["stamp"] != stamp:
            return None
        named = frozenset(str(name) for name in data["named"])
        return Folder(str(data["digest"]), named & frozenset(UNLESS_NAMED))
    except (ValueError, TypeError, KeyError):
        return None


def _stamp(folder: str) -> str:
    entries = []
    for rel, path in _files(folder):
        status = os.stat(path)
        entries.append((rel, status.st_mtime_ns, status.st_size))
    return _digest(json.dumps([folder, entries]))


def _files(folder: str) -> list[tuple[str, str]]:
    """Each file below `folder`, its path relative to the folder (with "/") and its full
    path, in order of the former; linked folders are not entered (nor are they by the
    theme's loader)."""
    found: list[tuple[str, str]] = []
    if not os.path.isdir(folder):
        return found
    waiting = [("", folder)]
    while waiting:
        rel_dir, full_dir = waiting.pop()
        with os.scandir(full_dir) as listing:
            for item in listing:
                rel = f"{rel_dir}{item.name}"
                if item.is_dir(follow_symlinks=False):
                    waiting.append((rel + "/", item.path))
                elif item.is_file():
                    found.append((rel, item.path))
    found.sort()
    return found


def _installed(folder: str) -> bool:
    """A folder of an installed package (site-packages), not of the project."""
    places = sysconfig.get_paths()
    packages = {Path(places[name]).resolve() for name in ("purelib", "platlib")}
    return any(Path(folder).resolve().is_relative_to(place) for place in packages)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
