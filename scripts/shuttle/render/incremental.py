"""A rebuild under `shuttle serve` that builds only the pages whose Markdown changed, and
comes out byte-identical to a full build.

mkdocs' dirty build reads, renders and writes only the pages whose Markdown file is newer
than their HTML (generate.py rewrites only what changed). At 1,000 articles that is
about a second where a full build from the caches takes three. On its own it is inexact,
and mkdocs warns so. What it gets wrong is put right here:

- the navigation on every built page and on the 404 page names each page by its title
  and its meta (Material's menu reads a page's icon and status): an unbuilt page's title,
  meta and anchors are put back from the previous build, before any page is built;
- the search index holds only the built pages: every other page's entries are put back,
  in the order a full build writes them;
- a file of build/docs added or removed outside the menus (a listing's part, an
  article's page, an image) is built or has its output removed; one of the menus' pages
  added or removed, or its title or meta changed, makes every other page's navigation
  stale: `Stale` is raised before anything is written, and the caller builds in full. (A
  listing gains or loses a part, or retitles one, when an editor adds records or a
  record's words move its parts: each made every page be built, a minute at 1,000
  articles.)

What the previous build left (`Previous`) is kept in the serving process only, and
counts only once that build has finished.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.files import Files

from shuttle import material_adapter
from shuttle.render import mkdocs_adapter


class Stale(Exception):
    """The previous build no longer stands for the other pages: build in full."""


@dataclass(frozen=True)
class Left:
    """What a page's build leaves that other pages' builds read."""

    title: str | None  # as the menus show it
    meta: dict[str, Any]
    anchors: tuple[str, ...] | None
    entries: tuple[dict[str, Any], ...] | None  # its search entries


@dataclass
class Previous:
    """The last finished build of this process: its files and what each page left."""

    # each file's output and whether the menus list it; None: no finished build
    files: dict[str, tuple[str, bool]] | None = None
    pages: dict[str, Left] = field(default_factory=dict)


class Tracker:
    """One build, full or dirty, followed through the plugin's events."""

    def __init__(self, previous: Previous, *, dirty: bool) -> None:
        self.previous, self.dirty = previous, dirty
        self.names, self.left = previous.files, previous.pages  # what this build follows
        previous.files = None  # until this build has finished
        self.built: set[str] = set()
        self.meta: dict[str, dict[str, Any]] = {}
        self.entries: dict[str, list[dict[str, Any]]] = {}
        self.files: Files | None = None
        self.listing: dict[str, tuple[str, bool]] = {}
        self.gone: list[str] = []  # the outputs of files removed since the last build
        self.site_dir = ""
        self.index: Any = None
        self._mark = 0

    def start(self, files: Files, nav: Any, config: Any) -> None:
        """`on_nav`: the files are final, no page is read yet."""
        self.files, self.site_dir = files, config.site_dir
        self.listing = _listing(files, nav)
        self.index = material_adapter.search_index(config.plugins)
        if not self.dirty:
            return
        left, before, now = self.left, self.names, self.listing
        if before is None:
            raise Stale("no build to build on")
        added, removed = now.keys() - before.keys(), before.keys() - now.keys()
        menus = sorted(u for u in added if now[u][1]) + sorted(u for u in removed if before[u][1])
        if menus:
            raise Stale(f"{menus[0]}, a page of the menus, was added or removed")
        outputs = {dest for dest, _ in now.values()}  # a file moved may keep its output
        self.gone = sorted({before[u][0] for u in removed} - outputs)
        for file in files.documentation_pages():
            if file.page is None or (file.src_uri not in left and file.src_uri not in added):
                raise Stale(f"{file.src_uri} was not built last time")
            if file.src_uri in added or file.is_modified():  # mkdocs builds it
                continue
            kept = left[file.src_uri]
            file.page.meta = copy.deepcopy(kept.meta)
            mkdocs_adapter.restore_left(file.page, kept.title, kept.anchors)

    def read(self, page: Any) -> None:
        """`on_page_markdown`: this page is built in this build."""
        self.built.add(page.file.src_uri)

    def rendered(self) -> None:
        """`on_env`, before any page is written (and before the page meta change there):
        a built page of the menus whose title or meta changed makes the other pages' menus
        stale (a listing's part, retitled when its units move, is named on no other page)."""
        assert self.files is not None
        for file in self.files.documentation_pages():
            if file.page is None or (self.dirty and file.src_uri not in self.built):
                continue  # an unbuilt page's meta is what the last build kept
            meta = dict(copy.deepcopy(file.page.meta))
            self.meta[file.src_uri] = meta
            if self.dirty:
                kept = self.left.get(file.src_uri)  # None: added, and not in the menus
                if not self.listing[file.src_uri][1] or kept is None:
                    continue  # only the menus' pages are named on other pages
                if kept.title != file.page.title or kept.meta != meta:
                    raise Stale(f"the title or meta of {file.src_uri} changed")

    def contexted(self, page: Any) -> None:
        """`on_page_context`, after the search plugin's: the entries it added are this page's."""
        if self.index is None:
            return
        mine, self._mark = material_adapter.entries_since(self.index, self._mark)
        self.entries[page.file.src_uri] = mine

    def finish(self) -> None:
        """`on_post_build`, before the search plugin writes its index: the unbuilt
        pages' entries put back in page order, and this build kept for the next."""
        assert self.files is not None
        pages: dict[str, Left] = {}
        entries: list[dict[str, Any]] = []
        for file in self.files.documentation_pages():
            uri, page = file.src_uri, file.page
            if page is None:
                continue
            if uri in self.built or not self.dirty:
                mine = self.entries.get(uri)
                pages[uri] = Left(
                    page.title,
                    self.meta.get(uri, {}),
                    mkdocs_adapter.anchors(page),
                    None if mine is None else tuple(mine),
                )
            else:
                pages[uri] = self.left[uri]
            found = pages[uri].entries
            entries += found or ()
        if self.index is not None and self.dirty:
            material_adapter.replace_entries(self.index, entries)
        for dest in self.gone:  # the output of a file removed: a full build has none
            _remove(self.site_dir, dest)
        self.previous.pages = pages
        self.previous.files = self.listing


def _listing(files: Files, nav: Any) -> dict[str, tuple[str, bool]]:
    """Each file's output, and whether the menus list it."""
    listed = {page.file.src_uri for page in nav.pages}
    return {file.src_uri: (file.dest_uri, file.src_uri in listed) for file in files}


def _remove(site_dir: str, dest: str) -> None:
    """`dest` removed from the site, and the folders it leaves empty (a part's page-N/)."""
    path = os.path.join(site_dir, dest)
    try:
        os.remove(path)
    except FileNotFoundError:
        return
    folder = os.path.dirname(path)
    while os.path.abspath(folder) != os.path.abspath(site_dir) and not os.listdir(folder):
        os.rmdir(folder)
        folder = os.path.dirname(folder)
