"""A one-line progress display for long steps, on a terminal only.

Redrawn in place at most a few times a second on stderr when stderr is a terminal;
silent otherwise (CI logs, pipes, tests), and silent for steps that end quickly.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(
        self,
        what: str,
        total: int,
        *,
        stream: TextIO | None = None,
        delay: float = 1.0,
        every: float = 0.2,
    ) -> None:
        self.what = what
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self.stream)
        self.started = time.monotonic()
        self.delay = delay  # nothing is shown for steps shorter than this
        self.every = every
        self.last = 0.0
        self.shown = False

    def update(self, done: int, detail: str = "") -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < self.delay or now - self.last < self.every:
            return
        self.last = now
        self.shown = True
        elapsed = now - self.started
        line = f"{self.what}: {done:,}/{self.total:,}{detail} ({elapsed:.0f} s)"
        self.stream.write("\r" + line + "\033[K")
        self.stream.flush()

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
