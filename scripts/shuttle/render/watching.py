"""How `shuttle serve` notices a saved file: by the system's file events (inotify on
Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows: watchdog's `Observer`), or,
where those do not reach the preview (a network drive, a folder shared into a container)
or cannot be had, by looking at every watched file a few times a second, as `mkdocs
serve` does (`[tool.shuttle] watch = "polling"`).

Looking costs: at 1,000 articles each look walks 2,000 files, on one thread per watched
folder, and took about a quarter of a core, which the rebuild after a save had to share.
Events cost nothing until a file changes, and arrive at once.

Only what changes a file is an event here (created, written, moved, removed): a file
that is merely opened or read (every rebuild reads all of data/ and seeds/) must not
call for another rebuild. A watched file (mkdocs.yml) is watched through its folder, so
that an editor that saves by writing a new file and renaming it over the old one is
still seen. Only public watchdog API is used.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from watchdog.events import (
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("shuttle.serve")
CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent, FileModifiedEvent, FileMovedEvent, FileDeletedEvent,
]  # fmt: skip


class _OneFile(FileSystemEventHandler):
    """Events of a folder passed on when they concern one file of it."""

    def __init__(self, handler: FileSystemEventHandler, path: str) -> None:
        self.handler, self.path = handler, path

    def dispatch(self, event: FileSystemEvent) -> None:
        named = {os.fsdecode(event.src_path), os.fsdecode(event.dest_path or "")}
        if self.path in named:
            self.handler.dispatch(event)


class Watcher:
    """What mkdocs' development server calls its observer (schedule, unschedule, start,
    stop, join): the system's file events, or looking every `poll` seconds (`events`
    False, or the system's events could not be had: then said once)."""

    def __init__(self, poll: float, *, events: bool = True) -> None:
        self.poll = poll
        self.inner: BaseObserver = Observer(timeout=poll) if events else self._looking()
        self.scheduled: list[tuple[FileSystemEventHandler, str, bool]] = []

    def _looking(self) -> BaseObserver:
        return PollingObserver(timeout=self.poll)

    def schedule(
        self, handler: FileSystemEventHandler, path: str, *, recursive: bool = False
    ) -> ObservedWatch:
        self.scheduled.append((handler, path, recursive))
        return self._schedule(self.inner, handler, path, recursive)

    def _schedule(
        self, observer: BaseObserver, handler: FileSystemEventHandler, path: str, recursive: bool
    ) -> ObservedWatch:
        path = os.path.abspath(path)
        if os.path.isfile(path):
            handler, path, recursive = _OneFile(handler, path), os.path.dirname(path), False
        return observer.schedule(handler, path, recursive=recursive, event_filter=CHANGES)

    def unschedule(self, watch: ObservedWatch) -> None:
        self.inner.unschedule(watch)

    def start(self) -> None:
        try:
            self.inner.start()
        except OSError as exc:  # out of inotify watches or instances, say
            if isinstance(self.inner, PollingObserver):
                raise
            log.warning(
                f"the system's file events could not be had ({exc.strerror or exc}): "
                f"looking at the watched files every {self.poll} s instead"
            )  # fmt: skip
            self.inner = self._looking()
            for handler, path, recursive in self.scheduled:
                self._schedule(self.inner, handler, path, recursive)
            self.inner.start()

    def stop(self) -> None:
        self.inner.stop()

    def join(self, timeout: Any = None) -> None:
        self.inner.join(timeout)
