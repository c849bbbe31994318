"""Each page's finished HTML, the theme's template applied, kept between builds.

Once a page's Markdown is rendered (rendercache.py), mkdocs hands it to the theme's
template with the build's context: the navigation, the page (HTML, table of contents,
title, addresses, neighbours), the configuration, the date. Material's template is most
of a warm build: at 1,000 articles about 35 of 50 seconds, for pages whose context is the
same as last time. A page whose whole context is unchanged is given its finished HTML
from the previous build instead.

Only mkdocs' documented plugin API is used: each page's `template:` (page.meta) is set to
a template of our own (`on_env`, before any page is built), which prints what
`on_page_context` (run last of the plugins) put in the context: the cached HTML on a
hit; on a miss, the page's own template rendered with that same context, as mkdocs would
have, and kept. The key is a digest of the context itself, every value described in
full: the page, the navigation and the configuration by their contents, the date of the
build, the versions of mkdocs, Material and Jinja and every file of the theme's folders.
A value that cannot be described in full (an object with no stable description) makes
the page uncacheable: it is rendered as usual. Entries are sealed (cachefile); a damaged
or foreign one is a miss, and the output is the same with or without the cache.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from shuttle import cachefile
from shuttle.render import themekey
from shuttle.render.themekey import UNLESS_NAMED

FORMAT = 1
TEMPLATE = "shuttle-finished-page.html"
SLOT = "shuttle_finished_page"


class Uncacheable(Exception):
    """A context value with no stable description: the page is rendered as usual."""


class FinishedPages:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0
        self._templates: dict[str, str] = {}  # a page's own template, by its source
        self._env: jinja2.Environment | None = None
        self._once: dict[int, Any] = {}  # descriptions of the build's shared objects
        self._theme_key: tuple[str, frozenset[str]] | None = None

    def environment(self, env: jinja2.Environment, files: Files) -> jinja2.Environment:
        """`on_env`: every page's template becomes ours (its own remembered), and the
        environment mkdocs builds pages with learns it."""
        self.hits = self.misses = 0
        self._once = {}
        self._templates = {}
        self._theme_key = None
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            self._templates[file.src_uri] = page.meta.get("template", "main.html")
            page.meta["template"] = TEMPLATE
        ours = jinja2.DictLoader({TEMPLATE: "{{ " + SLOT + " }}"})
        loader = jinja2.ChoiceLoader([ours, env.loader] if env.loader else [ours])
        self._env = env.overlay(loader=loader)
        return self._env

    def finish(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        """`on_page_context`, after every other plugin's: the page's finished HTML in
        the context, from the cache or rendered now and kept."""
        assert self._env is not None
        template = self._templates.get(page.file.src_uri, "main.html")
        try:
            theme, named = self._theme()
            described = self._describe(context, named)
            key = _digest(json.dumps([theme, template, described]))
        except (Uncacheable, TypeError, ValueError, AttributeError):
            key = None  # rendered as usual, and not kept
        path = self.folder / f"{_digest(page.file.src_uri)[:32]}.html"
        if key is not None:
            cached = _read(path, key)
            if cached is not None:
                self.hits += 1
                context[SLOT] = Markup(cached)
                return context
        self.misses += 1
        html = self._env.get_template(template).render(context)
        if key is not None:
            entry = key.encode("ascii") + b"\n" + html.encode("utf-8")
            cachefile.background.write(path, entry)  # while the next page is built
        context[SLOT] = Markup(html)
        return context

    def _theme(self) -> tuple[str, frozenset[str]]:
        if self._theme_key is None:  # once per build: a template saved while serving counts
            assert self._env is not None
            dirs = tuple(_theme_dirs(self._env.loader))
            self._theme_key = themekey.theme_key(dirs, self.folder)
        return self._theme_key

    def _describe(self, context: Mapping[str, Any], named: frozenset[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in sorted(context):
            value = context[name]
            if name == SLOT or (name in UNLESS_NAMED and name not in named):
                continue
            if name == "page":
                out[name] = _page(value, full=True)
            elif name in ("nav", "config", "pages"):
                found = self._once.get(id(value))
                if found is None:  # described once per build, and kept as a digest
                    shown = _config(value) if name == "config" else _plain(value)
                    found = self._once[id(value)] = (value, _digest(json.dumps(shown)))
                out[name] = found[1]
            else:
                out[name] = _plain(value)
        return out


# Where the site is written: a fresh folder for every build (building.py), which no
# template shows.
NOT_SHOWN = ("site_dir",)


def _config(config: Mapping[str, Any]) -> Any:
    """The configuration's description, the project's folder named as such: a project
    moved or checked out elsewhere (CI) shows the same pages."""
    shown = _plain({name: value for name, value in config.items() if name not in NOT_SHOWN})
    root = os.path.dirname(str(config.get("config_file_path") or ""))
    text = json.dumps(shown, sort_keys=True)
    if root and root != os.sep:
        text = text.replace(json.dumps(root)[1:-1], "<project>")
    return json.loads(text)


def _read(path: Path, key: str) -> str | None:
    raw = cachefile.read(path)
    if raw is None:
        return None
    head, newline, body = raw.partition(b"\n")
    if not newline or head != key.encode("ascii"):
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _theme_dirs(loader: jinja2.BaseLoader | None) -> Iterable[str]:
    """The folders the theme's templates come from (mkdocs' FileSystemLoader)."""
    if isinstance(loader, jinja2.ChoiceLoader):
        for inner in loader.loaders:
            yield from _theme_dirs(inner)
    elif isinstance(loader, jinja2.FileSystemLoader):
        yield from (str(p) for p in loader.searchpath)


def _page(page: Page, *, full: bool) -> Any:
    """A page as the template reads it: in full when it is the one being built; as the
    navigation and the neighbours show it otherwise."""
    brief = {
        "title": page.title,
        "url": page.url,
        "is_index": page.is_index,
        "is_homepage": page.is_homepage,
        "src": page.file.src_uri,
    }
    if not full:
        return brief
    return {
        **brief,
        "content": page.content,
        "toc": _plain(page.toc),
        # without `template`: ours on the pages mkdocs builds, the page's own in the key
        "meta": _plain({k: v for k, v in page.meta.items() if k != "template"}),
        "canonical_url": page.canonical_url,
        "abs_url": page.abs_url,
        "edit_url": page.edit_url,
        "previous": _page(page.previous_page, full=False) if page.previous_page else None,
        "next": _page(page.next_page, full=False) if page.next_page else None,
        "ancestors": [_plain(a) for a in page.ancestors],
    }


DEPTH = 16  # deeper than any context mkdocs and Material make: a cycle, uncacheable


def _plain(value: Any, depth: int = 0) -> Any:
    """`value` as JSON-able data that says everything a template can read of it."""
    if depth > DEPTH:
        raise Uncacheable("nested too deep")
    return _plain_at(value, depth + 1)


def _plain_at(value: Any, depth: int) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Page):
        return _page(value, full=False)
    if isinstance(value, Section):
        # no `active`: which items are active follows from the page being built
        return {"section": value.title, "children": _plain(value.children, depth)}
    if isinstance(value, Link):
        return {"link": value.title, "url": value.url}
    if isinstance(value, Navigation):
        return {"nav": _plain(value.items, depth), "home": _plain(value.homepage, depth)}
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        items = sorted(value.items(), key=lambda kv: str(kv[0]))
        return {str(k): _plain(v, depth) for k, v in items}
    if isinstance(value, (list, tuple)):
        return [_plain(v, depth) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(json.dumps(_plain(v, depth), sort_keys=True) for v in value)
    return _object(value, depth)


def _object(value: Any, depth: int) -> Any:
    """Other objects: a toc entry, a plugin, a file; by their attributes where all are
    public (hidden state could change what a template shows), else by a repr that names
    no address."""
    kind = f"{type(value).__module__}.{type(value).__qualname__}"
    if isinstance(value, BasePlugin):  # its settings; not its state (an index, a cache)
        return {"type": kind, "config": _plain(value.config, depth)}
    if isinstance(value, File):
        return {"type": kind, "src": value.src_uri, "url": value.url}
    fields = getattr(value, "__dict__", None)
    if isinstance(fields, dict) and not any(name.startswith("_") for name in fields):
        return {"type": kind, "fields": _plain(fields, depth)}
    text = repr(value)
    if " at 0x" in text:
        raise Uncacheable(kind)
    return {"type": kind, "repr": text}
