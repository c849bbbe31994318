"""`shuttle serve`: build/docs regenerated on a saved edit (an edit of docs/ alone copied
without generating the rest), broken data shown in the pages (not a dead server), and an
edit of docs/ or data/ visible in the served page."""

from __future__ import annotations

import gc
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import shuttle_command, write_file
from shuttle import serving, zensical_serving
from shuttle.collector import Collector
from shuttle.paths import Paths
from shuttle.problems import Problem
from shuttle.site import errorbox, generate


def _regenerate(root: Path) -> None:
    serving.regenerate(Paths(root), site_url="http://127.0.0.1:8000/", preview=False, budget=None)


def test_a_broken_data_file_is_shown_on_every_page_under_serve(
    make_project: Callable[..., Path], chart_cache: Path
) -> None:
    root = make_project(chart_cache=chart_cache)
    write_file(root / "data" / "people.yml", "people:\n\t- id: x\n")
    _regenerate(root)  # does not raise
    for page in ("index.md", "figures/index.md", "quotes/index.md"):
        markdown = (root / "build" / "docs" / page).read_text(encoding="utf-8")
        assert '!!! failure "' in markdown, page
        assert "data/people.yml:2: E001" in markdown, page


def test_the_banner_escapes_what_a_problem_quotes() -> None:
    problem = Problem.of("E102", "data/people.yml", 3, "name: <script>alert(1)</script> *x*")
    banner = errorbox.of([problem])
    assert "<script>" not in banner and "1 problem in" in banner


def test_a_saved_added_or_removed_file_is_a_change_and_a_folder_is_not(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text("one\n")
    (tmp_path / "b.yml").write_text("gone soon\n")
    before = serving.snapshot([tmp_path])
    assert serving.changes(before, serving.snapshot([tmp_path])) == []
    (tmp_path / "a.yml").write_text("two, longer\n")
    (tmp_path / "b.yml").unlink()
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "c.yml").write_text("added\n")
    found = serving.changes(before, serving.snapshot([tmp_path]))
    assert found == [tmp_path / "a.yml", tmp_path / "b.yml", tmp_path / "new" / "c.yml"]
    now = serving.snapshot([tmp_path])
    for scratch in (".a.yml.swp", "4913", "a.yml~", ".#a.yml", "#a.yml#"):  # editors' own
        (tmp_path / scratch).write_text("x\n")
    assert serving.changes(now, serving.snapshot([tmp_path])) == []


def test_an_edit_of_docs_alone_writes_that_page_alone(
    make_project: Callable[..., Path], chart_cache: Path
) -> None:
    root = make_project(chart_cache=chart_cache)
    paths = Paths(root)
    generated: list[int] = []

    def everything(before: dict[str, bytes] | None) -> generate.Synced | None:
        generated.append(1)
        return serving.regenerate(
            paths, before, site_url="http://127.0.0.1:8000/", preview=False, budget=None
        )

    again = serving.Regenerator(paths, everything)
    again()
    assert generated == [1]
    page = root / "docs" / "methodology.md"
    write_file(page, page.read_text(encoding="utf-8") + "\nA sentence just saved.\n")
    again([page])
    assert generated == [1], "an edit of docs/ alone generates nothing else"
    served = root / "build" / "docs" / "methodology" / "index.md"
    assert served.read_text(encoding="utf-8").endswith("A sentence just saved.\n")
    added = root / "docs" / "new.md"
    write_file(added, "# New\n")
    again([added])
    assert generated == [1, 1], "a file added to docs/: everything generated"
    assert (root / "build" / "docs" / "new" / "index.md").is_file()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _shown(url: str, words: str, since: float, within: float = 30) -> None:
    while words not in _page(url):
        assert time.monotonic() - since < within, f"{words!r} never showed at {url}"
        time.sleep(0.1)


def _serve(
    root: Path, port: int, renderer: str, temporary: Path | None = None
) -> subprocess.Popen[bytes]:
    """`shuttle serve` started; `temporary`: the system's temporary folder it is given."""
    env = {**os.environ, "TMPDIR": str(temporary)} if temporary is not None else None
    return subprocess.Popen(
        [
            *shuttle_command(), "--root", str(root), "serve", "--address", f"127.0.0.1:{port}",
            "--renderer", renderer,
        ],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip


@pytest.mark.parametrize("renderer", ["material", "zensical"])
def test_a_saved_edit_of_docs_or_data_is_served(
    make_project: Callable[..., Path], chart_cache: Path, renderer: str
) -> None:
    """With either renderer's server: Material's through mkdocs, or `zensical serve`."""
    root = make_project(chart_cache=chart_cache)
    port = _free_port()
    site = f"http://127.0.0.1:{port}/"
    server = _serve(root, port, renderer)
    # how fast an edit shows is the benchmark's to say (benchmarks/serve.py); the waits here
    # only keep a preview that never shows an edit from hanging the suite
    try:
        started = time.monotonic()
        while "Methodology" not in _page(site + "methodology/"):
            assert time.monotonic() - started < 120 and server.poll() is None, "never served"
            time.sleep(0.2)
        methodology = root / "docs" / "methodology.md"
        write_file(methodology, methodology.read_text(encoding="utf-8") + "\nJust saved.\n")
        _shown(site + "methodology/", "Just saved.", time.monotonic())
        people = root / "data" / "people.yml"
        before = people.read_text(encoding="utf-8")
        assert "role: U.S. Secretary of State\n" in before
        write_file(people, before.replace("role: U.S. Secretary of State\n", "role: Envoy X\n", 1))
        _shown(site + "people/", "Envoy X", time.monotonic())
        write_file(people, before + "\t- broken\n")
        _shown(site + "people/", "data/people.yml:", time.monotonic())
        write_file(people, before)
        gone = time.monotonic()
        while "data/people.yml:" in _page(site + "people/"):
            assert time.monotonic() - gone < 30, "the problem stayed after the fix"
            time.sleep(0.1)
    finally:
        server.terminate()
        server.wait(timeout=30)
    # stopped (SIGTERM, as Ctrl-C): the rendered preview and Zensical's config are gone
    assert server.returncode == 0
    assert not list((root / "build").glob(".serve-*"))
    assert not (root / "build" / "zensical-serve.yml").exists()


@pytest.mark.parametrize("renderer", ["material", "zensical"])
def test_a_page_added_as_the_readme_says_is_served_and_in_the_menu(
    make_project: Callable[..., Path], chart_cache: Path, renderer: str
) -> None:
    """docs/about.md and `- About: about.md` in the nav, saved while serve runs: the page
    and its menu entry appear (the nav is moved on every reload of mkdocs.yml)."""
    root = make_project(chart_cache=chart_cache)
    port = _free_port()
    home, about = f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{port}/about/"
    server = _serve(root, port, renderer)
    in_menu = re.compile(r'href="(\./)?about/"')
    try:
        started = time.monotonic()
        while "Methodology" not in _page(home):
            assert time.monotonic() - started < 120 and server.poll() is None, "never served"
            time.sleep(0.2)
        write_file(root / "docs" / "about.md", "# About this explainer\n\nWho made it.\n")
        config = root / "mkdocs.yml"
        entry = "  - Corrections: corrections.md\n"
        text = config.read_text(encoding="utf-8")
        write_file(config, text.replace(entry, entry + "  - About: about.md\n"))
        saved = time.monotonic()
        while "Who made it." not in _page(about) or not in_menu.search(_page(home)):
            assert time.monotonic() - saved < 30, "the page or its menu entry never showed"
            time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.skipif(sys.platform != "linux", reason="the system's end-with-parent is Linux's")
@pytest.mark.parametrize("renderer", ["material", "zensical"])
def test_a_killed_preview_frees_its_address_and_the_next_removes_its_folder(
    make_project: Callable[..., Path], chart_cache: Path, tmp_path: Path, renderer: str
) -> None:
    """Killed outright, serve cannot clean up: the system ends Zensical (its address is
    free again for the next `shuttle serve`), and the next preview removes the rendered
    site the killed one left (Material's in the system's temporary folder, Zensical's in
    build/)."""
    root = make_project(chart_cache=chart_cache)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    folders = root / "build" if renderer == "zensical" else temporary
    prefix = zensical_serving.SITE_PREFIX if renderer == "zensical" else serving.SITE_PREFIX

    def served(port: int) -> subprocess.Popen[bytes]:
        server = _serve(root, port, renderer, temporary)
        started = time.monotonic()
        while "Methodology" not in _page(f"http://127.0.0.1:{port}/methodology/"):
            assert time.monotonic() - started < 120 and server.poll() is None, "never served"
            time.sleep(0.2)
        return server

    port = _free_port()
    server = served(port)
    try:
        assert zensical_serving.address_taken("127.0.0.1", port) is not None
    finally:
        server.kill()
        server.wait(timeout=30)
    gone = time.monotonic()
    while zensical_serving.address_taken("127.0.0.1", port) is not None:
        assert time.monotonic() - gone < 15, "the preview's server outlived serve"
        time.sleep(0.2)
    left = list(folders.glob(prefix + "*"))
    assert len(left) == 1 and (left[0] / "index.html").is_file()
    again = served(_free_port())
    try:
        now = list(folders.glob(prefix + "*"))
        assert left[0] not in now and len(now) == 1, "the killed preview's site is still there"
    finally:
        again.terminate()
        again.wait(timeout=30)
    assert not list(folders.glob(prefix + "*"))


def test_serve_says_when_its_address_is_taken(make_project: Callable[..., Path]) -> None:
    """Zensical would say so in its own words, after everything was generated."""
    root = make_project()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        problems = zensical_serving.serve(
            Paths(root), preview=False, address=f"127.0.0.1:{port}"
        )  # fmt: skip
    assert [(p.code, p.file) for p in problems] == [("E501", "mkdocs.yml")]
    assert f"cannot be served at 127.0.0.1:{port}" in problems[0].message
    assert not (root / "build" / "docs").is_dir() or not any((root / "build" / "docs").iterdir())


def test_after_a_save_serve_tells_the_new_problems_alone(caplog: pytest.LogCaptureFixture) -> None:
    told = serving.Told()
    old = Problem.of("W302", "data/articles/a.yml", 12, "reported 100 killed")
    broken = Problem.of("E102", "data/people.yml", 3, "the file must hold a mapping")
    with caplog.at_level("INFO", logger="shuttle.serve"):
        told([old])
    assert "data/articles/a.yml:12: W302" in caplog.text
    caplog.clear()
    moved = Problem.of("W302", "data/articles/a.yml", 14, "reported 100 killed")
    with caplog.at_level("INFO", logger="shuttle.serve"):
        told([moved, broken])  # a line added above the first: the same problem
    assert "W302" not in caplog.text and "data/people.yml:3: E102" in caplog.text
    assert "1 error(s), 1 warning(s); 1 new, 0 gone" in caplog.text
    caplog.clear()
    with caplog.at_level("INFO", logger="shuttle.serve"):
        told([moved])
    assert "E102" not in caplog.text and "0 error(s), 1 warning(s); 0 new, 1 gone" in caplog.text


class _Node:
    me: object = None


def _enabled_within(seconds: float) -> bool:
    until = time.monotonic() + seconds
    while not gc.isenabled() and time.monotonic() < until:
        time.sleep(0.01)
    return gc.isenabled()


def test_the_collector_runs_once_the_preview_is_idle() -> None:
    """While a save is rebuilt the collector is held off; once the preview has been idle
    for a moment it collects (what the rebuild left in cycles is freed) and runs again.
    A save that comes first keeps it held off."""
    collector = Collector(delay=0.2)
    try:
        with collector.held():
            assert not gc.isenabled()
            cycle = _Node()
            cycle.me = cycle  # only the collector frees it
            freed = weakref.ref(cycle)
            del cycle
        assert not gc.isenabled(), "collected at once, not once idle"
        with collector.held():  # the next save, before the preview was idle
            time.sleep(0.3)
            collector.collect()  # as a timer set before this save would
            assert not gc.isenabled(), "collected during a rebuild"
        assert _enabled_within(5.0), "never collected"
        assert freed() is None, "the cycle was not collected"
    finally:
        collector.stop()
        gc.enable()


@pytest.mark.parametrize("regrow, whole", [(0.0, True), (100.0, False)])
def test_what_was_frozen_then_dropped_is_freed_once_the_frozen_grew(
    regrow: float, whole: bool
) -> None:
    """What survives an idle collection is frozen, so later ones walk only what is new; a
    frozen cycle dropped later is freed by a whole collection, which comes once the
    frozen objects have grown by `regrow` (0: at once; a hundredfold: not yet)."""
    collector = Collector(delay=0.05, regrow=regrow)
    try:
        cycle = _Node()
        cycle.me = cycle
        freed = weakref.ref(cycle)
        collector.collect()  # the first collection: whole; the cycle, alive, frozen
        assert gc.get_freeze_count() > 0
        del cycle  # garbage now, among the frozen
        kept = [_Node() for _ in range(1000)]  # what the next save made and keeps
        collector.collect()  # frozen: the frozen grew
        collector.collect()
        assert (freed() is None) is whole
        assert kept
    finally:
        collector.stop()
        gc.enable()
