"""What build/site was last rendered from, so that building again from the same inputs is
a check of its files instead of a second render.

A site is a function of what build/docs was generated from (site/memo.py's digest: seeds/,
data/, docs/ with the theme's overrides, the build's settings, this package's code), of
mkdocs.yml and pyproject.toml, the renderer, SOURCE_DATE_EPOCH (the sitemap's dates), and
the installed packages (the theme, mkdocs, Markdown and its extensions, Zensical: every
installed distribution's version, so that an upgrade of any is a miss). The memo
(build/cache/rendered, sealed by cachefile) holds a digest of all of that, the digest of
every file of the site it was rendered to, and what the render said (its warnings). A
later build with the same key trusts build/site only after reading every file back and
finding exactly those digests; a file edited, added or removed by hand, a damaged or
crafted memo, any difference, is a miss, and the site is rendered again. The links are
checked either way (linkcheck.py remembers what it found clean).

Rendering an unchanged site again costs as much as any render (at 1,000 articles, half a
minute with every cache warm); reading it back costs a digest of its files.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Any

from shuttle import cachefile
from shuttle.paths import Paths
from shuttle.problems import Problem

FORMAT = 1


def memo_path(paths: Paths) -> Path:
    return paths.cache / "rendered"


@functools.lru_cache(maxsize=1)
def _installed() -> str:
    """Every installed distribution's metadata file (its name and version among the
    rest), as one digest. Read as text, not parsed: parsing them all (the email parser,
    long descriptions included) took a fifth of a second, half of a warm seed build."""
    found = sorted(
        hashlib.sha256(
            (dist.read_text("METADATA") or dist.read_text("PKG-INFO") or "").encode("utf-8")
        ).hexdigest()
        for dist in metadata.distributions()
    )
    return hashlib.sha256("\n".join(found).encode("utf-8")).hexdigest()


def key(paths: Paths, inputs: str, renderer: str, epoch: str) -> str:
    """The digest of everything a render of build/docs reads or is handed; `inputs`: what
    build/docs was generated from (site/memo.py)."""
    sha = hashlib.sha256(f"{FORMAT}:{inputs}:{renderer}:{epoch}:{_installed()}".encode())
    for path in (paths.mkdocs_file, paths.root / "pyproject.toml"):
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        sha.update(b"%d:" % len(data) + data)
    return sha.hexdigest()


def _manifest(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def remember(paths: Paths, made: str, site: Path, said: list[Problem]) -> None:
    """`site`, rendered under the key `made`, and what the render said. A memo that cannot
    be written or read costs the next build its time, nothing else."""
    try:
        files = _manifest(site)
    except OSError:
        return
    found = [dataclasses.asdict(problem) for problem in said]
    record = {"format": FORMAT, "key": made, "files": files, "problems": found}
    cachefile.write(memo_path(paths), json.dumps(record, sort_keys=True).encode("utf-8"))


def recall(paths: Paths, made: str, site: Path) -> list[Problem] | None:
    """What the render said, when `site` was rendered under the key `made` and holds
    exactly the files it did then; None otherwise (render it)."""
    record = _record(paths, made)
    if record is None:
        return None
    try:
        if _manifest(site) != record["files"]:
            return None
        return [Problem(**found) for found in record["problems"]]
    except (OSError, TypeError):
        return None


def _record(paths: Paths, made: str) -> dict[str, Any] | None:
    record = cachefile.read_record(memo_path(paths), format=FORMAT, key=made)
    if record is None or not isinstance(record.get("files"), dict):
        return None
    return record if isinstance(record.get("problems"), list) else None
