"""Python's collector under `shuttle serve`: held off while the preview rebuilds, run
once it is idle (serving.py)."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator


class Collector:
    """Python's collector held off while the preview rebuilds, and run once the preview
    has been idle for `delay` seconds. A rebuild at 1,000 articles makes hundreds of
    thousands of objects that live until the next one (the pages it keeps to take back),
    and the collections they set off walked them several times a save: 0.3-0.4 s of
    every save, now spent after the browsers have reloaded.

    What survives a collection is frozen (gc.freeze), so that the next one walks only
    what the next save made: 0.06-0.08 s after an article's save, not 0.6 s. What is
    frozen and later dropped in a cycle is not freed by those, so once the frozen objects
    have grown by `regrow` (a quarter: about a dozen saves at 1,000 articles), the next
    collection is a whole one, of them too."""

    def __init__(self, delay: float = 0.25, regrow: float = 0.25) -> None:
        self.delay, self.regrow = delay, regrow
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        self.busy = False
        self.whole = 0  # how many were frozen after the last whole collection
        self.due = False

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        with self.lock:
            self.busy = True
            if self.timer is not None:
                self.timer.cancel()
            gc.disable()
        try:
            yield
        finally:
            with self.lock:
                self.busy = False
                self.timer = threading.Timer(self.delay, self.collect)
                self.timer.daemon = True
                self.timer.start()

    def collect(self) -> None:
        """Collect and let the collector run again, unless a rebuild began meanwhile (it
        will call this again when done)."""
        with self.lock:
            if self.busy:
                return
            whole = self.due or not self.whole
            if whole:
                gc.unfreeze()
            gc.collect()
            gc.freeze()
            frozen = gc.get_freeze_count()
            if whole:
                self.whole = frozen
            self.due = frozen > self.whole * (1 + self.regrow)  # the next one whole
            gc.enable()

    def stop(self) -> None:
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            gc.unfreeze()
            gc.enable()
