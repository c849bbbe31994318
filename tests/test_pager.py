"""The pager of a listing page's part (pages/pager.py)."""

from __future__ import annotations

from shuttle.site.pages.pager import WINDOW, pager_of

PAGES = [f"p{k}" for k in range(1, 41)]


def test_one_part_has_no_pager() -> None:
    assert pager_of(1, ["quotes.md"], "", str) is None


def test_a_window_either_side_the_ends_and_gaps_between() -> None:
    pager = pager_of(20, PAGES, "", str)
    assert pager is not None and (pager.number, pager.count) == (20, 40)
    numbers = [link.number for link in pager.links]
    assert numbers == [1, None, *range(20 - WINDOW, 20 + WINDOW + 1), None, 40]
    assert [link.url for link in pager.links if link.current] == ["p20"]
    assert (pager.previous, pager.next) == ("p19", "p21")


def test_no_gap_where_the_window_meets_an_end() -> None:
    first = pager_of(1, PAGES, "", str)
    assert first is not None and first.previous is None and first.next == "p2"
    assert [link.number for link in first.links] == [1, 2, 3, None, 40]
    last = pager_of(40, PAGES, "", str)
    assert last is not None and last.next is None
    assert [link.number for link in last.links] == [1, None, 38, 39, 40]


def test_the_label_is_escaped_as_text() -> None:
    pager = pager_of(2, PAGES, "<b>7 October</b> & *after*", str)
    assert pager is not None
    assert "<b>" not in pager.label and "*after*" not in pager.label
    assert "7 October" in pager.label
