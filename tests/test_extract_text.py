"""Paragraph and sentence segmentation."""

from __future__ import annotations

from shuttle.extract.text import is_headline, segment


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
