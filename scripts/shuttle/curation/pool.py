"""The workers of `shuttle extract`: a process pool on a large run, the calling process
itself on a small one; the same interface and the same output either way."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any, TypeVar, cast

from shuttle.extract import extract_article
from shuttle.extract.candidates import ArticleCandidates, KnownPerson

T = TypeVar("T")
R = TypeVar("R")


# Below this many articles a pool costs more (start-up, pickling) than it saves.
POOL_MIN_ARTICLES = 48


def pool_size(articles: int, jobs: int | None = None) -> int:
    """Workers for `articles`: `jobs` when given, else one per core for a large run."""
    if jobs is None:
        if articles < POOL_MIN_ARTICLES:
            return 1
        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(jobs or 1, articles))


_PEOPLE: Sequence[KnownPerson] = ()


def _init_worker(people: Sequence[KnownPerson]) -> None:
    global _PEOPLE
    _PEOPLE = people


def extract_one(job: tuple[str, str, date | None]) -> ArticleCandidates:
    _, text, published = job
    return extract_article(text, published=published, people=_PEOPLE)


class Workers:
    """A process pool, or the calling process itself for one worker: same interface.

    map() yields results in input order (chunked); submit() returns a callable that
    waits for its result.
    """

    def __init__(self, workers: int, people: Sequence[KnownPerson]) -> None:
        self.workers = workers
        self.people = people
        self.pool: Any = None

    def __enter__(self) -> Workers:
        if self.workers > 1:
            method = "fork" if sys.platform.startswith("linux") else None
            context = multiprocessing.get_context(method)
            self.pool = context.Pool(self.workers, _init_worker, (self.people,))
        else:
            _init_worker(self.people)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.terminate() if exc[0] is not None else self.pool.close()
            self.pool.join()

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        if self.pool is None:
            return map(fn, items)
        chunk = max(1, min(16, len(items) // (self.workers * 8)))
        return cast(Iterator[R], self.pool.imap(fn, items, chunksize=chunk))

    def submit(self, fn: Callable[[T], R], item: T) -> Callable[[], R]:
        if self.pool is None:
            result = fn(item)
            return lambda: result
        pending = self.pool.apply_async(fn, (item,))
        return cast(Callable[[], R], pending.get)
