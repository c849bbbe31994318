"""Each page rendered once: the HTML of a page whose Markdown, links and Markdown
configuration are unchanged, and the search entries of a page whose HTML is unchanged,
are taken from the previous build.

mkdocs renders every page on every build: Python-Markdown is about 60% of mkdocs' own
work at 1,000 articles and the search plugin's reading of each page's HTML about 30%;
an edit to one quote changes a handful of the generated pages, not the other 1,600.
Neither has a cache or a hook that replaces the work, so the plugin hands each page a
`render` that looks here first and otherwise calls mkdocs' own `Page.render`, and gives
the search index an `add_entry_from_context` that does the same around Material's.

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
from mkdocs.structure.toc import AnchorLink, get_toc

from shuttle import cachefile

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

    def attach_search(self, plugins: Any) -> None:
        """Remember Material's search entries per page (called from `on_config`, after
        the search plugin has made its index)."""
        index = search_index(plugins)
        if index is not None:
            self._wrap_search(index)

    def _wrap_search(self, index: Any) -> None:
        original = index.add_entry_from_context
        self._search_key = _digest(
            json.dumps(
                {"format": FORMAT, "material": _version("mkdocs-material"), "config": index.config},
                sort_keys=True,
                default=repr,
            )
        )

        def add_entry_from_context(page: Page) -> None:
            meta = {name: page.meta.get(name) for name in ("search", "tags", "title")}
            described = json.dumps(
                [page.url, page.title, meta, [_token(item) for item in page.toc]],
                sort_keys=True,
                default=repr,
            )
            key = _digest("\0".join((self._search_key, described, page.content or "")))
            path = self.folder / f"search-{_digest(page.file.src_uri)[:32]}.json"
            cached = _read(path, key, ("entries",))
            if cached is not None:
                index.entries.extend(cached["entries"])
                self.search_hits += 1
                return
            start = len(index.entries)
            original(page)
            _write(path, {"key": key, "entries": index.entries[start:]})

        index.add_entry_from_context = add_entry_from_context

    def start(self, config: Any, files: Files) -> None:
        """Called once the build's files are final (mkdocs' `on_nav`)."""
        self.hits = self.misses = self.search_hits = 0
        self._build_key = _digest(
            json.dumps(
                {
                    "format": FORMAT,
                    "libraries": [_version(name) for name in _LIBRARIES],
                    "extensions": config["markdown_extensions"],
                    "settings": config["mdx_configs"],
                    "validation": config["validation"],
                    "directory_urls": config["use_directory_urls"],
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

        page.render = render  # type: ignore[method-assign]

    def render(self, page: Page, config: Any, files: Files) -> None:
        assert page.markdown is not None
        key = _digest(self._build_key + "\0" + page.file.src_uri + "\0" + page.markdown)
        path = self.folder / f"{_digest(page.file.src_uri)[:32]}.json"
        entry = _read(path, key, _ENTRY_FIELDS)
        if entry is not None and _restore(page, entry, files):
            self.hits += 1
            for name, level, message in entry["logs"]:
                logging.getLogger(name).log(level, message)
            return
        self.misses += 1
        logs = _Recorder()
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.addHandler(logs)
        try:
            Page.render(page, config, files)
        finally:
            mkdocs_log.removeHandler(logs)
        _write(path, _entry(page, key, logs.records))


def search_index(plugins: Any) -> Any:
    """Material's search index (`config.plugins`), or None without its search plugin."""
    for plugin in plugins.values():
        index = getattr(plugin, "search_index", None)
        if isinstance(getattr(index, "entries", None), list) and hasattr(
            index, "add_entry_from_context"
        ):
            return index
    return None


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _entry(page: Page, key: str, logs: list[tuple[str, int, str]]) -> dict[str, Any]:
    links = page.links_to_anchors
    return {
        "key": key,
        "content": page.content,
        "toc": [_token(item) for item in page.toc],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
        "logs": logs,
    }


def _restore(page: Page, entry: dict[str, Any], files: Files) -> bool:
    links = None
    if entry["links"] is not None:
        links = {}
        for src_uri, anchors in entry["links"].items():
            target = files.get_file_from_path(src_uri)
            if target is None:
                return False
            links[target] = anchors
    page.content = entry["content"]
    page.toc = get_toc(entry["toc"])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    page.links_to_anchors = links
    return True


def _token(item: AnchorLink) -> dict[str, Any]:
    return {
        "level": item.level,
        "id": item.id,
        "name": item.title,
        "children": [_token(child) for child in item.children],
    }


def _read(path: Path, key: str, fields: tuple[str, ...]) -> dict[str, Any] | None:
    raw = cachefile.read(path)  # None unless this user's builds wrote it, undamaged
    if raw is None:
        return None
    try:
        entry = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    if any(name not in entry for name in fields):
        return None
    return entry


def _write(path: Path, entry: dict[str, Any]) -> None:
    try:
        data = json.dumps(entry, default=str).encode("utf-8")
    except ValueError:
        return
    cachefile.write(path, data)  # one that cannot be written costs the next build time


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _version(name: str) -> str:
    try:
        return f"{name} {metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name} absent"
