"""Every use of mkdocs' insides, in one place (written against mkdocs 1.6).

mkdocs documents its plugin events and the attributes of Page and File that plugins
read (markdown, content, toc, url, title, meta, file); the rest used here is not
documented, and tests/test_mkdocs_adapter.py holds each piece to the installed mkdocs,
naming its version when one changes:

- what a render leaves on a page beyond its HTML and table of contents: the title found
  in the HTML (`Page._title_from_render`), the ids in it (`present_anchor_ids`) and its
  links to other pages' anchors (`links_to_anchors`), which mkdocs validates after every
  page is rendered; the page cache must put all three back;
- `mkdocs.structure.toc.get_toc`, which turns the toc tokens of a render into a page's
  table of contents;
- `page.render` replaced on one page (mkdocs has no hook that replaces a render);
- the page loop of `mkdocs.commands.build._populate_page` (setting
  `config._current_page` as it does), copied for pages rendered ahead on the other core;
- `config.mdx_configs`, the extensions' settings as mkdocs keeps them once loaded;
- `mkdocs.config.load_config` and `mkdocs.commands.build.build`, called as `mkdocs build`
  calls them (mkdocs documents its command line, not a Python entry point);
- `mkdocs.commands.build.get_context` and the start of `_build_page` (the page made
  active, `config._current_page`, the documentation pages of a build, the theme's
  environment through `on_env`), copied for pages finished ahead on the other core;
- under `shuttle serve`: `build(config, serve_url=..., dirty=...)` called as `mkdocs
  serve` calls it, its dirty build's warning dropped (render/incremental.py makes that
  build exact), a page's title set as the nav sets it (`page.title = ...`) and its
  anchors put back on a page a dirty build does not read, and mkdocs' development server
  (`mkdocs.livereload.LiveReloadServer`) made as `mkdocs serve` makes it, its `observer`
  (which notices saved files: mkdocs looks at every file 2 to 5 times a second) replaced
  by one that is told of changes by the system (render/watching.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

Render = Callable[[Any, Files], None]  # (config, files)


def render_state(page: Page) -> dict[str, Any]:
    """What `Page.render` left on `page`, as JSON-able values."""
    links = page.links_to_anchors
    return {
        "content": page.content,
        "toc": [toc_token(item) for item in page.toc],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
    }


def restore_render_state(page: Page, state: dict[str, Any], files: Files) -> bool:
    """Put `render_state`'s values back on `page` as a render would; False (and the page
    untouched) when a page it links to is no longer among `files`."""
    links = None
    if state["links"] is not None:
        links = {}
        for src_uri, anchors in state["links"].items():
            target = files.get_file_from_path(src_uri)
            if target is None:
                return False
            links[target] = anchors
    page.content = state["content"]
    page.toc = get_toc(state["toc"])
    page._title_from_render = state["title"]
    page.present_anchor_ids = set(state["anchors"])
    page.links_to_anchors = links
    return True


def anchors(page: Page) -> tuple[str, ...] | None:
    """The ids in the page's HTML, as a render found them (None: not rendered)."""
    found = page.present_anchor_ids
    return None if found is None else tuple(sorted(found))


def restore_left(page: Page, title: str | None, anchors: tuple[str, ...] | None) -> None:
    """A page not built in a dirty build given what its last build left that other pages
    read: its title (their menus; unread, a page has none) and its anchors (their links'
    validation)."""
    page.title = title  # mkdocs' own way to name a page (the nav's titles are set so)
    page.present_anchor_ids = None if anchors is None else set(anchors)


def route_render(page: Page, render: Render) -> None:
    """mkdocs calls `page.render(config, files)` right after `on_page_markdown`: on this
    page, call `render` instead."""
    page.render = render  # type: ignore[method-assign,assignment]


def render_afresh(page: Page, config: Any, files: Files) -> None:
    """mkdocs' own render of the page (whatever `route_render` put on it)."""
    Page.render(page, config, files)


def read_and_render(file: Any, config: Any, files: Files) -> Page:
    """The page of `file` read and rendered as mkdocs' build loop does
    (`_populate_page`: on_pre_page, read, on_page_markdown, render, on_page_content)."""
    page = file.page if file.page is not None else Page(None, file, config)
    config._current_page = page
    try:
        page = cast(Page, config.plugins.on_pre_page(page, config=config, files=files))
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )
        page.render(config, files)
        page.content = config.plugins.on_page_content(
            page.content, page=page, config=config, files=files
        )
    finally:
        config._current_page = None
    return page


def load_config(config_file: Path, **overrides: Any) -> Any:
    """mkdocs.yml read and validated as `mkdocs build` reads it, `overrides` (site_dir,
    site_url, strict, dev_addr) given as its command line gives them."""
    from mkdocs.config import load_config as mkdocs_load_config

    return mkdocs_load_config(str(config_file), **overrides)


def build_site(config: Any) -> None:
    """`mkdocs build` with a loaded configuration: the plugins told the command starts,
    the site built, the plugins told it ends (as mkdocs' own command line does)."""
    from mkdocs.commands.build import build

    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


DIRTY_WARNING = "A 'dirty' build is being performed"


class _NotTheDirtyWarning(logging.Filter):
    """mkdocs warns on every dirty build that its menus may be inaccurate, which fails a
    strict build; render/incremental.py makes them exact, so the warning is not passed on."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WARNING)


def build_served(config: Any, serve_url: str, *, dirty: bool) -> None:
    """A build as `mkdocs serve` makes one (pages in draft shown); `dirty`: only the pages
    whose Markdown is newer than their HTML built (`mkdocs serve --dirty`)."""
    from mkdocs.commands.build import build

    builder_log = logging.getLogger("mkdocs.commands.build")
    quiet = _NotTheDirtyWarning()
    builder_log.addFilter(quiet)
    try:
        build(config, serve_url=serve_url, dirty=dirty)
    finally:
        builder_log.removeFilter(quiet)


def live_server(
    builder: Callable[[], None],
    address: tuple[str, int],
    site_dir: str,
    *,
    poll: float,
    events: bool = True,
) -> Any:
    """mkdocs' development server (as `mkdocs serve` makes it): `site_dir` served at
    `address`, `builder` called after a watched file changes (`server.watch`, the call
    plugins make in `on_serve`), browsers reloaded when it returns; its 404 page is the
    site's own. Changes are noticed by the system's file events (`events`), else by
    looking every `poll` seconds as mkdocs does (render/watching.py): its observer is
    replaced. Started by `server.serve()`, stopped by `server.shutdown()`."""
    from mkdocs.livereload import LiveReloadServer

    from shuttle.render.watching import Watcher

    host, port = address
    server = LiveReloadServer(builder, host, port, site_dir, polling_interval=poll)
    # what mkdocs calls on its observer, Watcher has (typed as the PollingObserver it was)
    server.observer = Watcher(poll, events=events)  # type: ignore[assignment]

    def error_page(code: int) -> bytes | None:
        page = Path(site_dir) / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    return server


def render_settings(config: Any) -> dict[str, Any]:
    """Everything in the configuration that shapes a page's render."""
    return {
        "extensions": config["markdown_extensions"],
        "settings": config["mdx_configs"],
        "validation": config["validation"],
        "directory_urls": config["use_directory_urls"],
    }


def toc_token(item: AnchorLink) -> dict[str, Any]:
    """An entry of a table of contents as the toc token it was made from (what
    get_toc reads)."""
    return {
        "level": item.level,
        "id": item.id,
        "name": item.title,
        "children": [toc_token(child) for child in item.children],
    }


def build_environment(config: Any, files: Files) -> Any:
    """The template environment mkdocs builds pages with: the theme's, through every
    plugin's `on_env` (as `mkdocs.commands.build.build` makes it)."""
    return config.plugins.on_env(config.theme.get_env(), config=config, files=files)


def built_pages(files: Files) -> Sequence[Any]:
    """The documentation pages a `mkdocs build` hands each page's context (its `pages`)."""
    from mkdocs.structure.files import InclusionLevel

    return files.documentation_pages(inclusion=InclusionLevel.is_included)


def page_context(page: Page, config: Any, nav: Any, pages: Sequence[Any]) -> None:
    """What `_build_page` does before the template: the page active, its context made
    and handed to every plugin's `on_page_context`; nothing written."""
    from mkdocs.commands.build import get_context

    config._current_page = page
    page.active = True
    try:
        context = get_context(nav, pages, config, page)
        config.plugins.on_page_context(context, page=page, config=config, nav=nav)
    finally:
        page.active = False
        config._current_page = None
