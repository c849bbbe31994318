"""Candidate key facts: dated event sentences."""

from __future__ import annotations

from datetime import date

from shuttle.extract import extract_article


def test_dated_events_with_actors() -> None:
    text = (
        "Benny Gantz quit the war cabinet on Sunday.\n"
        "Israeli forces rescued four hostages on Saturday.\n"
        "Analysts expect more pressure."
    )
    events = extract_article(text, published=date(2024, 6, 10)).events
    assert [(e.kind, e.on) for e in events] == [
        ("resignation", date(2024, 6, 9)),
        ("rescue", date(2024, 6, 8)),
    ]
    assert events[0].actors == ("Benny Gantz",)
    assert text[events[0].start : events[0].end] == events[0].sentence


def test_undated_sentences_are_not_events() -> None:
    assert extract_article("Hamas rejected the proposal.").events == ()
