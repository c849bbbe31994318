"""A computation run aside, in a forked process on the other core, while this one goes on.

The fork inherits everything in memory as it is (the loaded data, the compiled
templates), so nothing is sent to the other process; only the result comes back,
pickled. Where fork is missing, or the other process dies, the computation is run here
instead: the result is the same, only later.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_pending: Callable[[], Any] | None = None


class Aside(Generic[T]):
    def __init__(self, work: Callable[[], T]) -> None:
        global _pending
        self._work = work
        self._future: Future[T] | None = None
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        _pending = work  # what the forked process will find
        try:
            executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            self._future = executor.submit(_run)  # forks now
            executor.shutdown(wait=False)
        except OSError:
            self._future = None
        finally:
            _pending = None

    def result(self) -> T:
        if self._future is not None:
            try:
                return self._future.result()
            except BrokenProcessPool:
                pass  # killed or crashed: do it here
        return self._work()


def _run() -> Any:
    assert _pending is not None
    return _pending()


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
