"""prerender.py's helper process: none where fork is missing or it would not pay, and a
helper that dies or hangs costs the build nothing but time (that the site it helps build
is the same site is tests/test_rendercache.py's)."""

from __future__ import annotations

import os
import time
from typing import Any

import pytest

from shuttle.render import prerender


class _Files:
    def __init__(self, count: int) -> None:
        self.pages = [object() for _ in range(count)]

    def documentation_pages(self) -> list[Any]:
        return self.pages


def _die() -> None:
    os._exit(3)


def _hang() -> None:
    assert prerender._job is not None
    prerender._job.pid.value = os.getpid()
    time.sleep(120)


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prerender, "cores", lambda: 2)


def test_no_helper_without_fork(monkeypatch: pytest.MonkeyPatch, two_cores: None) -> None:
    monkeypatch.setattr(prerender.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert prerender.start(None, _Files(100)) is None  # type: ignore[arg-type]


def test_no_helper_for_a_small_site_or_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prerender, "cores", lambda: 2)
    assert prerender.start(None, _Files(prerender.MIN_PAGES - 1)) is None  # type: ignore[arg-type]
    monkeypatch.setattr(prerender, "cores", lambda: 1)
    assert prerender.start(None, _Files(100)) is None  # type: ignore[arg-type]


def test_a_helper_that_dies_is_let_go(monkeypatch: pytest.MonkeyPatch, two_cores: None) -> None:
    monkeypatch.setattr(prerender, "_help", _die)
    helper = prerender.start(None, _Files(100))  # type: ignore[arg-type]
    assert helper is not None
    helper.rendered()
    helper.finish()  # no error: mkdocs renders what the helper did not
    helper.finish()  # and once finished, finished


def test_a_stuck_helper_is_killed(monkeypatch: pytest.MonkeyPatch, two_cores: None) -> None:
    monkeypatch.setattr(prerender, "_help", _hang)
    monkeypatch.setattr(prerender, "GRACE_S", 0.5)
    helper = prerender.start(None, _Files(100))  # type: ignore[arg-type]
    assert helper is not None
    time.sleep(0.5)  # it has started and said who it is
    started = time.monotonic()
    helper.finish()
    assert time.monotonic() - started < 20


class _File:
    def __init__(self, modified: bool) -> None:
        self.modified = modified

    def is_modified(self) -> bool:
        return self.modified


def test_a_dirty_build_hands_the_helper_only_the_pages_it_builds(
    monkeypatch: pytest.MonkeyPatch, two_cores: None
) -> None:
    monkeypatch.setattr(prerender, "_help", _die)
    files = _Files(0)
    files.pages = [_File(n % 3 == 0) for n in range(60)]  # 20 of 60 built
    helper = prerender.start(None, files, dirty=True)  # type: ignore[arg-type]
    assert helper is not None
    assert helper._job.pages == [f for f in files.pages if f.modified]
    helper.finish()
    few = [_File(n < prerender.MIN_PAGES - 1) for n in range(60)]
    files.pages = few
    assert prerender.start(None, files, dirty=True) is None  # type: ignore[arg-type]
    helper = prerender.start(None, files)  # type: ignore[arg-type]
    assert helper is not None and len(helper._job.pages) == 60  # a full build: all
    helper.finish()
