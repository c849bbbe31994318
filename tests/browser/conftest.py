"""The browser suite's fixtures: one built site, one server, one Chromium per session.

The site is built by `shuttle build` from a copy of the project (so a concurrent edit
or build in the working tree cannot change it under the tests), once per session and
shared with the other tests, served on 127.0.0.1 at an ephemeral port, and visited by
Debian's Chromium through Playwright. Every request that would leave 127.0.0.1 is
aborted and recorded; the tests fail on any.

Without Chromium the tests are skipped and say why; under CI (the CI variable set, as
.ci/run and GitHub Actions do) they fail instead: CI must run the browser tests.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from .browsing import Site, Watch, watched_context

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("SHUTTLE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# What a copy of the project needs to build; build/cache only saves time (content-keyed).
COPY = ("mkdocs.yml", "pyproject.toml", "docs", "data", "seeds")
HERE = Path(__file__).resolve().parent


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _why_no_browser() -> str | None:
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return (
            f"no Chromium at {CHROMIUM}: install Debian's chromium "
            "(`make browser` does, as root with apt-get) to run the browser tests"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing: run `make test` (it installs .[dev])"
    return None


@pytest.fixture(scope="session")
def browser_available() -> None:
    """Skip (or, under CI, fail) every browser test when Chromium cannot run here."""
    reason = _why_no_browser()
    if reason is None:
        return
    if in_ci():
        pytest.fail(f"CI must run the browser tests, but {reason}", pytrace=False)
    pytest.skip(reason)


# --- the site -------------------------------------------------------------------------


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


def _copy_project(target: Path) -> None:
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, target / name)
    cache = ROOT / "build" / "cache"
    if cache.is_dir():
        shutil.copytree(cache, target / "build" / "cache", ignore=shutil.ignore_patterns("lychee"))


def _build_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("project")
    _copy_project(project)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "shuttle.cli", "--root", str(project), "build"]
        + ["--site-url", "https://example.org/"],  # under CI a build is one to publish
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        pytest.fail(f"shuttle build failed:\n{done.stdout}\n{done.stderr}", pytrace=False)
    return project


@pytest.fixture(scope="session")
def site_folder(
    browser_available: None,
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    """The built site the tests visit: `shuttle build` of a copy of the project, shared
    with the other tests of the session (tests/conftest.py's built_site) when it exists.

    SHUTTLE_BROWSER_SITE=folder tests an already built site instead (to iterate quickly,
    or to check that a deliberately broken copy makes the tests fail).
    """
    given = os.environ.get("SHUTTLE_BROWSER_SITE")
    if given:
        return Path(given).resolve()
    try:
        project = Path(request.getfixturevalue("built_site"))
    except pytest.FixtureLookupError:
        project = _build_copy(tmp_path_factory)
    return project / "build" / "site"


@pytest.fixture(scope="session")
def site(site_folder: Path) -> Iterator[Site]:
    handler = functools.partial(_Quiet, directory=str(site_folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield Site(site_folder, f"http://{host}:{port}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --- the browser ----------------------------------------------------------------------


@pytest.fixture(scope="package")
def browser(browser_available: None) -> Iterator[Any]:
    """One Chromium for this package's tests, stopped after them: Playwright's sync API
    allows one instance at a time, and other test files may start their own."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_context(browser: Any, site: Site) -> Iterator[Callable[..., tuple[Any, Watch]]]:
    """Contexts made for one test, closed after it."""
    made: list[Any] = []

    def make(**options: Any) -> tuple[Any, Watch]:
        context, watch = watched_context(browser, site, **options)
        made.append(context)
        return context, watch

    yield make
    for context in made:
        context.close()
