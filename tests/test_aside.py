"""aside.py: work done in a forked process gives what it gives here; and page generation
split across two cores gives the same pages, in the same order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from shuttle.aside import Aside
from shuttle.checks import consistency, run_checks
from shuttle.paths import Paths
from shuttle.site.pages.assemble import render_site
from shuttle.site.pages.view import View

REPO = Path(__file__).resolve().parents[1]


def test_the_result_comes_back_from_the_other_process() -> None:
    here = os.getpid()
    assert Aside(lambda: (os.getpid() != here, list(range(5)))).result() == (True, [0, 1, 2, 3, 4])


def test_work_that_kills_its_process_is_done_here_instead() -> None:
    here = os.getpid()

    def work() -> int:
        if os.getpid() != here:
            os._exit(3)
        return 42

    assert Aside(work).result() == 42


def test_an_error_in_the_other_process_is_raised_here() -> None:
    def work() -> int:
        raise ValueError("no such trip")

    try:
        Aside(work).result()
    except ValueError as exc:
        assert "no such trip" in str(exc)
    else:
        raise AssertionError("the error was lost")


def test_pages_rendered_on_two_cores_are_the_pages_rendered_on_one(tmp_path: Path) -> None:
    """Half the pages aside with the charts, or only the charts (a small site): the same."""
    store, _ = run_checks(Paths(REPO))
    results = []
    for n, (aside, draw) in enumerate(((False, False), (True, None), (False, True))):
        view = View.of(store, preview=False, disagreements=consistency.find(store))
        cache = tmp_path / f"charts{n}"  # each drawn anew
        results.append(render_site(view, cache=cache, aside=aside, draw=draw))
    one, *two = results
    assert len(one.pages) > 20 and len(one.files) > 5
    for other in two:
        assert list(other.pages.items()) == list(one.pages.items())
        assert list(other.files.items()) == list(one.files.items())


def test_the_charts_and_script_drawn_aside_are_those_drawn_here(tmp_path: Path) -> None:
    # in a process of its own: vl-convert must not have run before the fork
    script = f"""
from pathlib import Path
from shuttle.checks import consistency, run_checks
from shuttle.paths import Paths
from shuttle.site import charts
from shuttle.site.pages.figures import draw_aside, render_figures
from shuttle.site.pages.view import View
store, _ = run_checks(Paths(Path({str(REPO)!r})))
view = View.of(store, preview=False, disagreements=consistency.find(store))
aside, here = Path({str(tmp_path / "a")!r}), Path({str(tmp_path / "b")!r})
script = charts.script_aside(Path({str(tmp_path / "c")!r}))
assert script is not None, "the script not built aside"
made = script.result()
assert not Path({str(tmp_path / "c")!r}).exists(), "cached before it was asked to be"
charts.keep_javascript(Path({str(tmp_path / "c")!r}), made)
assert charts.script_aside(Path({str(tmp_path / "c")!r})) is None, "cached: not again"
assert made == charts.chart_javascript(Path({str(tmp_path / "c")!r}))
drawing = draw_aside(view, aside)
assert drawing is not None, "not drawn aside"
drawing.result()
assert not charts.vl_convert_started(), "drawn here, not aside"
drawn = sorted(p.name for p in aside.iterdir())
assert any(n.endswith(".js") for n in drawn) and len(drawn) > 3, drawn
from_aside = render_figures(view, aside)[1]
assert not charts.vl_convert_started(), "the charts drawn aside were drawn again"
assert from_aside == render_figures(view, here)[1], "other charts"
assert charts.chart_javascript(aside) == charts.chart_javascript(here), "another script"
assert draw_aside(view, here) is None, "vl-convert ran here: no fork"
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_charts_drawn_aside_while_the_script_is_built_aside_do_not_build_it_too(
    tmp_path: Path,
) -> None:
    script = f"""
from pathlib import Path
from shuttle.checks import consistency, run_checks
from shuttle.paths import Paths
from shuttle.site import charts
from shuttle.site.charting.render import bundle_path
from shuttle.site.pages.figures import draw_aside
from shuttle.site.pages.view import View
store, _ = run_checks(Paths(Path({str(REPO)!r})))
view = View.of(store, preview=False, disagreements=consistency.find(store))
cache = Path({str(tmp_path / "a")!r})
drawing = draw_aside(view, cache, script=False)
assert drawing is not None, "not drawn aside"
drawing.result()
assert not bundle_path(cache).exists(), "the script built a second time"
assert any(p.suffix == ".json" for p in cache.iterdir()), "no chart drawn"
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
