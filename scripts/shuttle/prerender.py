"""Pages rendered ahead on a second core, into the page cache, while mkdocs renders.

mkdocs renders pages one after another on one core; on a site of thousands of pages that
is most of a build the page cache cannot help (a fresh clone, a changed template, a new
version of Markdown). A forked helper renders the same pages from the last one backwards
and leaves each in the page cache (rendercache.py); mkdocs, going forwards, finds the
pages the helper has finished there, and the two meet in the middle. The HTML is the
same whoever rendered it: same code, same inputs, and the entry is keyed by them.

One helper, as the machines this runs on have 2 cores. Only under `mkdocs build`: the
helper is a fork of the build, and `serve` runs threads (a fork copies only the calling
one) and rebuilds one edited page at a time anyway.
"""

from __future__ import annotations

import logging
import os
import select
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# Below this many pages the fork costs more than it saves.
MIN_PAGES = 64


class Helper:
    def __init__(self, pid: int, stop: int) -> None:
        self.pid = pid
        self._stop = stop

    def finish(self) -> None:
        """Stop the helper (it ends after the page in hand) and wait for it."""
        if self.pid <= 0:
            return
        try:
            os.write(self._stop, b"x")
        except OSError:
            pass  # it has ended already
        os.close(self._stop)
        os.waitpid(self.pid, 0)
        self.pid = 0


def start(config: Any, files: Files) -> Helper | None:
    """Fork the helper, or None where it would not pay (one core, a small site)."""
    pages = files.documentation_pages()
    if not hasattr(os, "fork") or _cores() < 2 or len(pages) < MIN_PAGES:
        return None
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the helper: never returns into mkdocs
        code = 1
        try:
            os.close(write)
            _quiet()
            _render_backwards(config, files, pages, read)
            code = 0
        finally:
            os._exit(code)
    os.close(read)
    return Helper(pid, write)


def _render_backwards(config: Any, files: Files, pages: Any, stop: int) -> None:
    for file in reversed(pages):
        if select.select([stop], [], [], 0)[0]:
            return  # mkdocs has rendered the rest
        page = file.page if file.page is not None else Page(None, file, config)
        config._current_page = page
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )
        page.render(config, files)  # the page cache's render: a hit, or rendered and kept


def _quiet() -> None:
    # What a render logs is kept in its cache entry and logged by mkdocs' process when
    # it takes the page from the cache; printed here too it would show twice.
    for name in ("", "mkdocs"):
        logger = logging.getLogger(name)
        logger.handlers = []
    logging.getLogger("mkdocs").propagate = False


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
