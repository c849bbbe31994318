"""Scans by string search find what the regex scans they replace find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from shuttle.text.scan import matches_at, positions

_PATTERNS = [
    (re.compile(r"([.!?…][.!?…]*)[”\"’')\]]*(?=\s+[“\"‘'(\[]?[A-Z0-9])"), ".!?…"),
    (re.compile(r"[0-9](?:[0-9]{0,2}(?:,[0-9]{3})+|[0-9]*)(?:\.[0-9]+)?"), "0123456789"),
    (re.compile(r"(?:M(?:rs?|s|x|iss)|Dr)\.?[^\S\n]+(?=[A-Z])"), ("Mr", "Ms", "Mx", "Miss", "Dr")),
]


_PARTS = ["Mr", "Mrs", "Miss", "Dr", ". ", "…", "?” ", "A", "1", "2,000", " ", "\n"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PARTS), max_size=20),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_matches_at_finds_what_finditer_finds(parts: list[str], lo: int, hi: int) -> None:
    text = "".join(parts)
    for pattern, needles in _PATTERNS:
        found = matches_at(pattern, text, positions(text, needles, lo, hi), lo, hi)
        assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text, lo, hi)]


def test_positions_lists_every_occurrence_in_order() -> None:
    assert positions("a“b”c“", "”“") == [1, 3, 5]
    assert positions("daydayday", ("day",), 1, 8) == [3]
