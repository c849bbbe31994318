"""Each page rendered once: the HTML of a page whose Markdown, links and Markdown
configuration are unchanged, and the search entries of a page whose HTML is unchanged,
are taken from the previous build.

mkdocs renders every page on every build: Python-Markdown is about 60% of mkdocs' own
work at 1,000 articles and the search plugin's reading of each page's HTML about 30%;
an edit to one quote changes a handful of the generated pages, not the other 1,600.
Neither has a cache or a hook that replaces the work, so the plugin hands each page a
`render` that looks here first and otherwise calls mkdocs' own `Page.render`, and gives
the search index an `add_entry_from_context` that does the same around Material's. What
that takes of mkdocs' and Material's insides is in their adapters (mkdocs_adapter.py,
material_adapter.py).

What a render depends on is all in the key: the page's Markdown and address, every
file's address (links are resolved and checked against them), the Markdown extensions
and their settings, mkdocs' validation settings and the versions of the libraries that
render. What a render leaves on the page is all in the entry: the HTML, the table of
contents, the title found in it, its anchors, its links to anchors in other pages, and
the messages it logged, which are logged again on a hit so that a warning still fails a
strict build. A page's search entries are keyed by everything Material's indexer reads:
the page's HTML, table of contents, address, title and search settings, and the search
plugin's own settings. One file per page and kind, replaced atomically; a damaged or
stale entry is a miss, and the output is the same with or without the cache.
"""

from __future__ import annotations

import hashlib
import json
import logging
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from shuttle import cachefile, material_adapter
from shuttle.render import mkdocs_adapter

FORMAT = 1
_LIBRARIES = ("mkdocs", "markdown", "mkdocs-material", "pymdown-extensions")
_ENTRY_FIELDS = ("content", "toc", "title", "anchors", "links", "logs")
# Markdown extensions that put other files' contents into a page: a page's Markdown no
# longer says what it renders to, so with any of them there is no cache.
READS_FILES = ("pymdownx.snippets", "pymdownx.b64", "markdown_include", "mdx_include")


def usable(config: Any) -> bool:
    names = [e if isinstance(e, str) else type(e).__module__ for e in config["markdown_extensions"]]
    return not any(name.startswith(READS_FILES) for name in names)


class RenderCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0
        self.search_hits = 0
        self._build_key = ""
        self._search_key = ""
        # the last page's search entry: (page, its HTML, file, key)
        self._place: tuple[Page, str | None, Path, str] | None = None

    def attach_search(self, plugins: Any) -> None:
        """Remember Material's search entries per page (called from `on_config`, after
        the search plugin has made its index)."""
        index = material_adapter.search_index(plugins)
        if index is None:
            return
        self._search_key = _digest(
            json.dumps(
                {
                    "format": FORMAT,
                    "material": _version("mkdocs-material"),
                    "config": material_adapter.search_settings(index),
                },
                sort_keys=True,
                default=repr,
            )
        )
        material_adapter.index_through(index, self._search_entries, self._keep_search_entries)

    def _search_place(self, page: Page) -> tuple[Path, str]:
        """The page's search entry file and key (the key digests the page's HTML: taken
        once per page, for the look-up and the write after a miss)."""
        last = self._place
        if last is not None and last[0] is page and last[1] is page.content:
            return last[2], last[3]
        meta = {name: page.meta.get(name) for name in ("search", "tags", "title")}
        described = json.dumps(
            [page.url, page.title, meta, [mkdocs_adapter.toc_token(i) for i in page.toc]],
            sort_keys=True,
            default=repr,
        )
        key = _digest("\0".join((self._search_key, described, page.content or "")))
        path = self.folder / f"search-{_digest(page.file.src_uri)[:32]}.json"
        self._place = (page, page.content, path, key)
        return path, key

    def _search_entries(self, page: Page) -> list[dict[str, Any]] | None:
        path, key = self._search_place(page)
        cached = _read(path, key, ("entries",))
        if cached is None:
            return None
        self.search_hits += 1
        return list(cached["entries"])

    def _keep_search_entries(self, page: Page, entries: list[dict[str, Any]]) -> None:
        path, key = self._search_place(page)
        _write(path, {"key": key, "entries": entries})

    def start(self, config: Any, files: Files) -> None:
        """Called once the build's files are final (mkdocs' `on_nav`)."""
        self.hits = self.misses = self.search_hits = 0
        self._build_key = _digest(
            json.dumps(
                {
                    "format": FORMAT,
                    "libraries": [_version(name) for name in _LIBRARIES],
                    **mkdocs_adapter.render_settings(config),
                    "files": sorted(
                        (f.src_uri, f.dest_uri, f.url, f.inclusion.name) for f in files
                    ),
                },
                sort_keys=True,
                default=repr,  # an extension given as an object: its repr, so never a hit
            )
        )

    def attach(self, page: Page) -> None:
        """Route this page's render through the cache (mkdocs calls `page.render` right
        after `on_page_markdown`)."""

        def render(config: Any, files: Files) -> None:
            self.render(page, config, files)

        mkdocs_adapter.route_render(page, render)

    def render(self, page: Page, config: Any, files: Files) -> None:
        assert page.markdown is not None
        key = _digest(self._build_key + "\0" + page.file.src_uri + "\0" + page.markdown)
        path = self.folder / f"{_digest(page.file.src_uri)[:32]}.json"
        entry = _read(path, key, _ENTRY_FIELDS)
        if entry is not None and mkdocs_adapter.restore_render_state(page, entry, files):
            self.hits += 1
            for name, level, message in entry["logs"]:
                logging.getLogger(name).log(level, message)
            return
        self.misses += 1
        logs = _Recorder()
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.addHandler(logs)
        try:
            mkdocs_adapter.render_afresh(page, config, files)
        finally:
            mkdocs_log.removeHandler(logs)
        _write(path, {"key": key, **mkdocs_adapter.render_state(page), "logs": logs.records})


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _read(path: Path, key: str, fields: tuple[str, ...]) -> dict[str, Any] | None:
    # None unless this user's builds wrote it, undamaged, under this key
    entry = cachefile.read_record(path, key=key)
    if entry is None:
        return None
    if any(name not in entry for name in fields):
        return None
    return entry


def _write(path: Path, entry: dict[str, Any]) -> None:
    try:
        data = json.dumps(entry, default=str).encode("utf-8")
    except ValueError:
        return
    # one that cannot be written costs the next build time; written while rendering goes on
    cachefile.background.write(path, data)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _version(name: str) -> str:
    try:
        return f"{name} {metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name} absent"
