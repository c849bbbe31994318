"""What the previous link check learned, so that a rebuild checks only what changed.

Each page's ids and fragment links, keyed by the digest of its HTML (a page read once
is not read again while its bytes are the same); and the pages lychee found clean, with
the list of the site's files they were checked against. An offline lychee's verdict on a
page depends on nothing else: the page's links and which files exist. So while the list
of files is the same, only pages whose bytes changed go to lychee again; a file added,
moved or removed sends every page. Fragments are always looked up afresh against every
page's ids. Kept in build/cache/links.json; a damaged or foreign file is an empty memo.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from shuttle import cachefile

FORMAT = 1

# a page's path under the site -> (digest of its HTML, its ids, its links with a fragment)
Parsed = dict[str, tuple[str, list[str], list[str]]]


@dataclass
class LinkMemo:
    parsed: Parsed = field(default_factory=dict)
    files_key: str = ""  # the site's files (and lychee's settings) lychee last checked against
    clean: dict[str, str] = field(default_factory=dict)  # page -> digest lychee found clean
    # the digest of every page (pages_key) when no fragment link was found broken
    fragments_clean: str = ""

    @classmethod
    def load(cls, path: Path) -> LinkMemo:
        try:
            raw = cachefile.read_record(path, format=FORMAT)
            if raw is None:
                return cls()
            parsed = {
                page: (str(digest), list(ids), list(links))
                for page, (digest, ids, links) in raw["parsed"].items()
            }
            fragments = str(raw.get("fragments_clean", ""))
            return cls(parsed, str(raw["files_key"]), dict(raw["clean"]), fragments)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return cls()

    def save(self, path: Path) -> None:
        data = {
            "format": FORMAT,
            "parsed": self.parsed,
            "files_key": self.files_key,
            "clean": self.clean,
            "fragments_clean": self.fragments_clean,
        }
        # one that cannot be written: the next check reads every page again, nothing else
        cachefile.write(path, json.dumps(data, sort_keys=True).encode("utf-8"))


def page_digests(site: Path) -> tuple[dict[str, str], list[str]]:
    """Each HTML page's digest, and every file's path, both relative to `site`."""
    digests: dict[str, str] = {}
    every: list[str] = []
    root = site.resolve()
    for file in sorted(root.rglob("*")):
        if not file.is_file():
            continue
        rel = file.relative_to(root).as_posix()
        every.append(rel)
        if file.suffix.lower() in (".html", ".htm"):
            digests[rel] = hashlib.sha256(file.read_bytes()).hexdigest()
    return digests, every


def files_key(every: list[str], settings: list[str]) -> str:
    return hashlib.sha256(json.dumps([every, settings]).encode("utf-8")).hexdigest()


def pages_key(digests: dict[str, str]) -> str:
    """Every page by its path and digest: what the fragment check's verdict depends on."""
    return hashlib.sha256(json.dumps(sorted(digests.items())).encode("utf-8")).hexdigest()
