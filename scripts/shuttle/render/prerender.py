"""Pages rendered ahead on a second core, into the page cache, while mkdocs renders.

mkdocs works through the pages one after another on one core, twice: it renders each
page's Markdown, then reads each page's HTML into the search index and writes it out. On
a site of thousands of pages that is most of a build the page cache cannot help (a fresh
clone, a changed template, a new version of Markdown). A forked helper does the same two
passes from the last page backwards and leaves its work in the page cache
(rendercache.py); mkdocs, going forwards, finds the pages the helper has finished there,
and in each pass the two meet in the middle. The output is the same whoever did the
work: same code, same inputs, and each entry is keyed by them.

One helper, as the machines this runs on have 2 cores. Only under `mkdocs build`: the
helper is a fork of the build, and `serve` runs threads (a fork copies only the calling
one) and rebuilds one edited page at a time anyway.
"""

from __future__ import annotations

import logging
import os
import select
import signal
import time
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from shuttle.aside import cores
from shuttle.render.rendercache import search_index

# Below this many pages the fork costs more than it saves (the seed site has 27: 0.15 s
# saved of 0.7 s).
MIN_PAGES = 8
# How long the helper may take to end after it is told to; then it is killed (a page in
# hand takes well under a second; a stuck helper must not hang the build).
GRACE_S = 30.0


class Helper:
    def __init__(self, pid: int, pipe: int) -> None:
        self.pid = pid
        self._pipe = pipe

    def rendered(self) -> None:
        """mkdocs has rendered every page: on to the search index."""
        self._send()

    def finish(self) -> None:
        """Stop the helper (it ends after the page in hand) and wait for it."""
        if self.pid <= 0:
            return
        self._send()
        os.close(self._pipe)
        deadline = time.monotonic() + GRACE_S
        while os.waitpid(self.pid, os.WNOHANG) == (0, 0):
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                break
            time.sleep(0.005)
        self.pid = 0

    def _send(self) -> None:
        try:
            os.write(self._pipe, b"x")
        except OSError:
            pass  # it has ended already


def start(config: Any, files: Files) -> Helper | None:
    """Fork the helper, or None where it would not pay (one core, a small site)."""
    pages = files.documentation_pages()
    if not hasattr(os, "fork") or cores() < 2 or len(pages) < MIN_PAGES:
        return None
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the helper: never returns into mkdocs
        code = 1
        try:
            os.close(write)
            _quiet()
            _work_backwards(config, files, pages, read)
            code = 0
        finally:
            os._exit(code)
    os.close(read)
    return Helper(pid, write)


def _work_backwards(config: Any, files: Files, files_of_pages: Any, pipe: int) -> None:
    rendered: dict[str, Page] = {}
    for file in reversed(files_of_pages):
        if _told(pipe):
            break  # mkdocs has rendered the rest
        rendered[file.src_uri] = _rendered(file, config, files)
    else:
        _told(pipe, wait=True)  # the index is read after every page is rendered
    search = search_index(config.plugins)  # with the page cache's wrapper
    if search is None:
        return
    for file in reversed(files_of_pages):
        if _told(pipe):
            return  # mkdocs has indexed the rest
        page = rendered.get(file.src_uri) or _rendered(file, config, files)
        search.add_entry_from_context(page)  # the page cache's: a hit, or read and kept


def _rendered(file: Any, config: Any, files: Files) -> Page:
    """The page read and rendered as mkdocs does (the page cache's render: from the
    cache when mkdocs or this helper has rendered it already)."""
    page = file.page if file.page is not None else Page(None, file, config)
    config._current_page = page
    page.read_source(config)
    page.markdown = config.plugins.on_page_markdown(
        page.markdown, page=page, config=config, files=files
    )
    page.render(config, files)
    return page


def _told(pipe: int, *, wait: bool = False) -> bool:
    """A word from mkdocs' process; its end (the pipe closed) stops the helper too."""
    if not select.select([pipe], [], [], None if wait else 0)[0]:
        return False
    os.read(pipe, 1)
    return True


def _quiet() -> None:
    # What a render logs is kept in its cache entry and logged by mkdocs' process when
    # it takes the page from the cache; printed here too it would show twice.
    for name in ("", "mkdocs"):
        logger = logging.getLogger(name)
        logger.handlers = []
    logging.getLogger("mkdocs").propagate = False
