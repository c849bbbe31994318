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


def test_a_sentence_that_only_reports_a_casualty_count_is_no_event() -> None:
    """Issue 11: the count is a figure; an event needs more than the dead counted."""
    pub = date(2024, 3, 5)
    for text in (
        "At least 45 people were killed in strikes on Rafah on Tuesday.",
        "We meet today after the attack that killed more than 900 people.",
        "Antony Blinken said Friday that more must be done to protect civilians in Gaza after "
        "Israeli strikes killed 900 people.",
    ):
        assert extract_article(text, published=pub).events == (), text
    named = "Israeli forces killed Hamas commander Marwan Issa on Monday, the army said."
    assert extract_article(named, published=pub).events != ()
    assert extract_article("Israel freed 16 detainees on Monday.", published=pub).events != ()
