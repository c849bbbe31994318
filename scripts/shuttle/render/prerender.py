"""Pages rendered ahead on a second core, into the page cache, while mkdocs renders.

mkdocs works through the pages one after another on one core, twice: it renders each
page's Markdown, then reads each page's HTML into the search index, applies the theme's
template and writes it out. On a site of thousands of pages that is most of a build the
caches cannot help (a fresh clone, a changed template, a new version of Markdown). A
helper process does the same two passes from the last page backwards and leaves its work
in the caches: the rendered Markdown (rendercache.py), the search entries and the
finished page (finished.py; in the second pass it runs every plugin's on_page_context,
as mkdocs would, but writes nothing to the site). mkdocs, going forwards, finds the pages
the helper has done there, and in each pass the two meet in the middle. The output is
the same whoever did the work: same code, same inputs, and each entry is keyed by them.

The helper is the one worker of a `concurrent.futures` process pool started with fork
(it must inherit the build as it stands: the configuration, the plugins, the pages);
mkdocs' process tells it where it is with two `multiprocessing` events. A helper that
dies costs only time: mkdocs renders every page it does not find in the cache. One
helper, as the machines this runs on have 2 cores; only where fork exists.

Under `shuttle serve` the helper also builds the first preview, and a rebuild that
builds many pages (an edit of a person's role builds every page that quotes them: 300
at 1,000 articles), with only the pages that rebuild builds. The server's threads are
not copied into the helper (a fork copies only the calling one), and it needs none: it
reads the pages, renders and writes cache entries, and logs nothing.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from shuttle import material_adapter
from shuttle.aside import cores
from shuttle.render import mkdocs_adapter

# Below this many pages the helper costs more than it saves.
MIN_PAGES = 8
# How long the helper may take to end after it is told to; then it is killed (a page in
# hand takes well under a second; a stuck helper must not hang the build, nor the
# preview, which waits for it before it reloads).
GRACE_S = 5.0
# How often a helper waiting for mkdocs looks whether mkdocs' process is still there.
POLL_S = 0.5


@dataclass
class _Job:
    config: Any
    files: Files
    pages: list[Any]  # the files of the documentation pages, in mkdocs' order
    rendered: Any  # multiprocessing Event: mkdocs has rendered every page
    stop: Any  # multiprocessing Event: mkdocs has written every page; end now
    pid: Any  # multiprocessing Value: the helper's process id, to kill a stuck one
    nav: Any = None  # mkdocs' Navigation: pages are also finished ahead (finished.py)


_job: _Job | None = None  # what the forked helper finds (set only around the fork)


class Helper:
    def __init__(self, job: _Job, pool: ProcessPoolExecutor, future: Future[None]) -> None:
        self._job = job
        self._pool = pool
        self._future: Future[None] | None = future

    def rendered(self) -> None:
        """mkdocs has rendered every page: on to the search index."""
        self._job.rendered.set()

    def finish(self) -> None:
        """Stop the helper (it ends after the page in hand) and wait for it."""
        if self._future is None:
            return
        self._job.stop.set()
        try:
            self._future.result(timeout=GRACE_S)
        except FutureTimeout:
            if self._job.pid.value > 0:
                os.kill(self._job.pid.value, signal.SIGKILL)
        except Exception:  # it died or failed (BrokenProcessPool, a render's error):
            pass  # mkdocs rendered the pages it did not find in the cache itself
        self._pool.shutdown(wait=True)
        self._future = None


def start(config: Any, files: Files, nav: Any = None, *, dirty: bool = False) -> Helper | None:
    """Start the helper, or None where it would not pay (one core, a small site, few
    pages to build) or cannot be (no fork). `dirty`: only the pages whose Markdown is
    newer than their HTML are built (mkdocs' dirty build, under serve)."""
    global _job
    pages = [f for f in files.documentation_pages() if not dirty or f.is_modified()]
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    if cores() < 2 or len(pages) < MIN_PAGES:
        return None
    context = multiprocessing.get_context("fork")
    events = context.Event(), context.Event()
    job = _Job(config, files, pages, *events, context.Value("i", 0), nav)
    _job = job
    try:
        pool = ProcessPoolExecutor(1, mp_context=context)
        future = pool.submit(_help)  # forks now, with _job set
    except OSError:
        return None  # no process to be had: mkdocs renders every page itself
    finally:
        _job = None
    return Helper(job, pool, future)


def _help() -> None:
    """In the helper: render from the last page backwards, then index and finish from
    the last page backwards, until mkdocs has done the rest."""
    job = _job
    assert job is not None
    job.pid.value = os.getpid()
    _quiet()
    rendered: dict[str, Page] = {}
    for file in reversed(job.pages):
        if job.rendered.is_set() or job.stop.is_set():
            break  # mkdocs has rendered the rest
        rendered[file.src_uri] = mkdocs_adapter.read_and_render(file, job.config, job.files)
    if not _wait(job.rendered):  # the index is read after every page is rendered
        return
    config, files = job.config, job.files

    def page_of(file: Any) -> Page:
        return rendered.get(file.src_uri) or mkdocs_adapter.read_and_render(file, config, files)

    if job.nav is not None:
        # the theme shows every page of the nav (titles found in their HTML), and
        # every plugin (the finished pages' among them) makes its environment
        for page in job.nav.pages:
            rendered.setdefault(page.file.src_uri, page_of(page.file))
        mkdocs_adapter.build_environment(config, files)
        built = mkdocs_adapter.built_pages(files)
        for file in reversed(job.pages):
            if job.stop.is_set():
                return  # mkdocs has built the rest
            # the plugins' on_page_context: the search entries and the finished page,
            # each kept in its cache, where mkdocs finds them
            mkdocs_adapter.page_context(page_of(file), config, job.nav, built)
        return
    index = material_adapter.search_index(config.plugins)  # with the cache's wrapper
    if index is None:
        return
    for file in reversed(job.pages):
        if job.stop.is_set():
            return  # mkdocs has indexed the rest
        material_adapter.index_page(index, page_of(file))  # a hit, or read and kept


def _wait(event: Any) -> bool:
    """Wait for `event`; False if mkdocs' process has ended meanwhile."""
    parent = multiprocessing.parent_process()
    while not event.wait(POLL_S):
        if parent is not None and not parent.is_alive():
            return False
    return True


def _quiet() -> None:
    # What a render logs is kept in its cache entry and logged by mkdocs' process when
    # it takes the page from the cache; printed here too it would show twice.
    for name in ("", "mkdocs"):
        logger = logging.getLogger(name)
        logger.handlers = []
    logging.getLogger("mkdocs").propagate = False
