"""Paragraph and sentence segmentation."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from shuttle.text.segments import is_headline, segment, word_start, word_trie


def sentences(text: str, quotes: list[tuple[int, int]] | None = None) -> list[str]:
    return [text[s:e] for s, e in segment(text, quotes or []).sentences]


def test_abbreviations_do_not_end_sentences() -> None:
    text = (
        "Mr. Blinken met U.S. envoys on Oct. 7 with Antony J. Blinken. He left. Then No. 2 spoke."
    )
    assert sentences(text) == [
        "Mr. Blinken met U.S. envoys on Oct. 7 with Antony J. Blinken.",
        "He left.",
        "Then No. 2 spoke.",
    ]


def test_paragraphs_end_sentences() -> None:
    text = "First line without stop\nSecond line."
    assert sentences(text) == ["First line without stop", "Second line."]


def test_boundaries_inside_quotations_are_ignored() -> None:
    text = "“We tried. We failed.” he said. Next."
    assert sentences(text, [(0, text.index("”") + 1)]) == [
        "“We tried. We failed.” he said.",
        "Next.",
    ]


def test_offsets_round_trip() -> None:
    text = "  One.  Two?\n\nThree!  "
    segs = segment(text)
    assert [text[s:e] for s, e in segs.paragraphs] == ["One.  Two?", "Three!"]
    assert segs.sentence_index(text.index("Two")) == 1


def test_headlines() -> None:
    text = "Blinken Meets With Netanyahu in the Latest U.S. Push for a Cease-fire"
    assert is_headline(text, 0, len(text))
    prose = "Blinken met Netanyahu on Tuesday to discuss a cease-fire."
    assert not is_headline(prose, 0, len(prose))


_WORDS = ["would", "will", "shall", "’d", "'d", "says", "said", "added"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*_WORDS, " ", "\n", "-", "’", "x", "é", "."]), max_size=14),
    st.integers(0, 80),
    st.integers(0, 80),
)
def test_word_start_finds_what_the_lookbehind_pattern_finds(
    parts: list[str], lo: int, hi: int
) -> None:
    text = "".join(parts)
    old = re.compile(r"(?<![\w’'-])(?:" + word_trie(sorted(_WORDS)) + r")(?![\w’'-])")
    new = re.compile(word_start(_WORDS) + r"(?![\w’'-])")
    assert [m.span() for m in new.finditer(text, lo, hi)] == [
        m.span() for m in old.finditer(text, lo, hi)
    ]
