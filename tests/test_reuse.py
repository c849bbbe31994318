"""Under `shuttle serve` a generation takes back the pages the last one made where nothing
they were made from changed (site/pages/reuse.py), and what it writes is what a fresh
generation of the same sources writes, byte for byte."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import write_file
from shuttle.checks import run_checks
from shuttle.paths import Paths
from shuttle.site import generate
from shuttle.site.pages import reuse
from shuttle.site.pages.reuse import Reuse

SITE = "http://127.0.0.1:8000/"
BUDGET = 24 * 1024  # parts of a few dozen units: an edit can move a listing's paging


def _generated(root: Path, memo: Reuse | None) -> dict[str, bytes]:
    paths = Paths(root)
    checked = run_checks(paths)
    return generate.site_source(
        paths, checked, site_url=SITE, budget=BUDGET, banner=True, reuse=memo
    )  # fmt: skip


def _first_article(root: Path, pattern: str) -> Path:
    for path in sorted((root / "data" / "articles").glob("*.yml")):
        if re.search(pattern, path.read_text(encoding="utf-8"), re.MULTILINE):
            return path
    raise AssertionError(f"no article data file holds {pattern!r}")


Edit = Callable[[Path], None]


def _reworded(root: Path) -> None:
    """An event's summary reworded (the same length: no part's paging moves)."""
    path = _first_article(root, r"^    summary: Blinken lands")
    text = path.read_text(encoding="utf-8")
    write_file(path, text.replace("summary: Blinken lands", "summary: Blinken flies", 1))


def _longer(root: Path) -> None:
    """An event's summary made much longer: the timeline's paging moves, and every link
    to an event on a later part with it."""
    path = _first_article(root, r"^    summary: ")
    text = path.read_text(encoding="utf-8")
    longer = re.sub(r"(?m)^(    summary: .*)$", r"\1" + " More words." * 400, text, count=1)
    write_file(path, longer)


def _new_role(root: Path) -> None:
    """The Secretary's role: shown wherever he is quoted."""
    path = root / "data" / "people.yml"
    text = path.read_text(encoding="utf-8")
    write_file(path, text.replace("role: U.S. Secretary of State\n", "role: Envoy X\n", 1))


def _rejected(root: Path) -> None:
    """A verified quote rejected: gone from every listing, counts and downloads."""
    path = _first_article(root, r"^    status: verified")
    text = path.read_text(encoding="utf-8")
    write_file(path, text.replace("    status: verified", "    status: rejected", 1))


def _trip_stops(root: Path) -> None:
    """A trip's stops: its heading on the quotes listing, the trips and the charts."""
    path = root / "data" / "trips.yml"
    text = path.read_text(encoding="utf-8")
    write_file(path, text.replace("stops: [Israel, Jordan,", "stops: [Israel, Oman, Jordan,", 1))


def _article_gone(root: Path) -> None:
    """An article's data file removed: its quotes, figures and events with it."""
    _first_article(root, r"^    status: verified").unlink()


EDITS = [_reworded, _longer, _new_role, _rejected, _trip_stops, _article_gone]


def test_every_edit_generates_what_a_fresh_generation_does(project: Path) -> None:
    """After each edit in turn, the generation that took back the unchanged pages writes
    what a generation from nothing writes; and it did take back most of them."""
    memo = Reuse()
    served = _generated(project, memo)
    for edit in EDITS:
        edit(project)
        before, served = served, _generated(project, memo)
        assert served != before, f"{edit.__name__} changed nothing"
        fresh = _generated(project, None)
        differ = sorted(name for name in served.keys() | fresh.keys()
                        if served.get(name) != fresh.get(name))  # fmt: skip
        assert not differ, f"after {edit.__name__}: {differ[:5]}"
        assert memo.reused > memo.made, f"after {edit.__name__}: {memo.made} made again"


def test_the_same_inputs_again_make_nothing_again(project: Path) -> None:
    memo = Reuse()
    first = _generated(project, memo)
    made = memo.made
    again = _generated(project, memo)
    assert again == first
    assert made > 100 and memo.made == 0 and memo.reused == made


def _made(memo: Reuse, key: str, handed: object, places: dict[tuple[str, str], str]) -> str:
    def make(looking: reuse.Places) -> str:
        return f"{handed} at {looking.get(('quotes', 'q1'), 'quotes')}"

    return memo(key, handed, make, places)


def test_a_piece_is_taken_back_only_when_handed_the_same_and_its_places_hold() -> None:
    memo = Reuse()
    with memo.generation():
        assert _made(memo, "page", ("a",), {}) == "('a',) at quotes"
    with memo.generation():  # the same: taken back
        assert _made(memo, "page", ("a",), {("quotes", "q9"): "quotes/page-2"}) == (
            "('a',) at quotes"
        )
        assert (memo.made, memo.reused) == (0, 1)
    with memo.generation():  # the anchor it links to moved to part 2: made again
        assert _made(memo, "page", ("a",), {("quotes", "q1"): "quotes/page-2"}) == (
            "('a',) at quotes/page-2"
        )
        assert (memo.made, memo.reused) == (1, 0)
    with memo.generation():  # handed something else: made again
        assert _made(memo, "page", ("b",), {("quotes", "q1"): "quotes/page-2"}) == (
            "('b',) at quotes/page-2"
        )
        assert (memo.made, memo.reused) == (1, 0)


def test_a_failed_generation_leaves_the_last_whole_one_to_compare_with() -> None:
    memo = Reuse()
    with memo.generation():
        _made(memo, "page", ("a",), {})
        _made(memo, "other", ("x",), {})
    with pytest.raises(RuntimeError), memo.generation():
        _made(memo, "page", ("a",), {})
        raise RuntimeError("a template failed")
    with memo.generation():
        _made(memo, "other", ("x",), {})
        assert (memo.made, memo.reused) == (0, 1)


def test_outside_a_generation_nothing_is_kept() -> None:
    assert reuse.current() is reuse.NEVER
    calls: list[int] = []
    for _ in range(2):
        reuse.NEVER("page", ("a",), lambda looking: calls.append(1))
    assert calls == [1, 1]


def test_the_listings_places_are_compared_once_for_every_piece() -> None:
    """A generation's listing places, told to Reuse once: a piece is taken back unless a
    place it looked up moved since the last generation (added, removed or elsewhere)."""
    memo = Reuse()
    steps = [
        ({("quotes", "q9"): "quotes/page-2"}, "('a',) at quotes", (1, 0)),
        ({("quotes", "q9"): "quotes/page-3"}, "('a',) at quotes", (0, 1)),  # not its place
        ({("quotes", "q1"): "quotes/page-2"}, "('a',) at quotes/page-2", (1, 0)),  # added
        ({("quotes", "q1"): "quotes/page-3"}, "('a',) at quotes/page-3", (1, 0)),  # moved
        ({("quotes", "q1"): "quotes/page-3"}, "('a',) at quotes/page-3", (0, 1)),
        ({}, "('a',) at quotes", (1, 0)),  # removed: back on part 1
    ]
    for places, shown, counts in steps:
        with memo.generation():
            memo.places(places)
            assert _made(memo, "page", ("a",), places) == shown
            assert (memo.made, memo.reused) == counts, places


def test_what_is_kept_is_what_the_last_generation_asked_for() -> None:
    """A result worked out once is given again while its key comes back; one that a
    generation did not ask for is gone (what is kept is what the site holds now)."""
    memo = Reuse()
    made: list[str] = []

    def keep(key: str) -> str:
        return memo.keep("table", key, lambda: made.append(key) or key.upper())

    with memo.generation():
        assert [keep("a"), keep("b"), keep("a")] == ["A", "B", "A"]
    with memo.generation():
        assert keep("a") == "A"  # b not asked for
    with memo.generation():
        assert [keep("a"), keep("b")] == ["A", "B"]
    assert made == ["a", "b", "b"]
    assert reuse.NEVER.keep("table", "a", lambda: "made") == "made"


def _listing(memo: Reuse, records: tuple[str, ...], made: list[str]) -> list[str]:
    """A listing's plan as the pages' plans are made: a whole, handed its records, whose
    units are each a numbered piece and measured with `keep`."""

    def plan() -> list[str]:
        units = []
        for record in records:
            key = memo.nth(("macro", "unit"))
            unit = memo(key, (record,), lambda looking, r=record: made.append(r) or r.upper())
            units.append(memo.keep("measured", unit, lambda u=unit: made.append(u) or f"{u}:1"))
        return units

    return memo.whole(("plan", "listing"), records, plan)


def test_a_whole_is_taken_back_with_what_was_made_within_it() -> None:
    """A listing's plan handed the same records is taken back without its units being
    looked at; its units, what they kept and their numbering come back with it, so that
    the generation after finds them all (only the unit that changed is made again)."""
    memo, made = Reuse(), []
    for records, units_made, counts in [
        (("a", "b", "c"), ["a", "A", "b", "B", "c", "C"], (4, 0)),
        (("a", "b", "c"), [], (0, 4)),  # taken back whole
        (("a", "x", "c"), ["x", "X"], (2, 2)),  # its units still there: only "x" made
    ]:
        made.clear()
        with memo.generation():
            assert _listing(memo, records, made) == [f"{r.upper()}:1" for r in records]
            assert memo.nth(("macro", "unit")) == (("macro", "unit"), 3)  # numbering kept
        assert made == units_made and (memo.made, memo.reused) == counts, records
    assert memo.kept_last["measured"] == {"A": "A:1", "X": "X:1", "C": "C:1"}


def test_a_whole_whose_pieces_looked_up_places_is_never_taken_back() -> None:
    """What a whole is handed does not say where its links point: one whose pieces
    looked up a listing's places is made again every time (its pieces are compared)."""
    memo = Reuse()
    for part in ["quotes/page-2", "quotes/page-3"]:
        places = {("quotes", "q1"): part}
        with memo.generation():
            shown = memo.whole(
                "plan", ("a",), functools.partial(_made, memo, "unit", ("a",), places)
            )
            assert shown == f"('a',) at {part}"


def test_a_whole_numbered_elsewhere_first_is_made_again() -> None:
    """A whole's pieces are numbered from where it began: when the pieces before it
    change, so do its keys, and it is made again rather than taken back out of place."""
    memo, made = Reuse(), []
    with memo.generation():
        _listing(memo, ("a",), made)
    with memo.generation():
        memo.nth(("macro", "unit"))  # one more unit before the listing
        made.clear()
        assert _listing(memo, ("a",), made) == ["A:1"]
        assert made == ["a"] and memo.made == 2  # the whole and its unit, numbered anew
    assert reuse.NEVER.whole("plan", ("a",), lambda: "made") == "made"
