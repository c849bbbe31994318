"""Scoring one article: figures match on value, measure and sentence; transcripts by label."""

from __future__ import annotations

from dataclasses import replace

from shuttle.curation.scoring import score_article
from shuttle.extract.candidates import (
    ArticleCandidates,
    FigureCandidate,
    QuoteCandidate,
    TripCandidate,
)

TEXT = (
    "Militants seized four hostages in the raid. "
    "“We will bring the four people home,” the minister said."
)


def _figure(value: int, measure: str, at: str) -> FigureCandidate:
    start = TEXT.index(at)
    return FigureCandidate(
        value=value, measure=measure, text=at, start=start, end=start + len(at),  # type: ignore[arg-type]
        sentence="", sentence_start=0, sentence_end=0,
    )  # fmt: skip


def test_a_figure_restated_in_another_sentence_does_not_match() -> None:
    gold = {"figures": [{"value": 4, "measure": "hostages_taken", "text": "four",
                         "sentence": "Militants seized four hostages in the raid."}]}  # fmt: skip
    restated = _figure(4, "hostages_taken", "four people")
    score = score_article("x", gold, ArticleCandidates(figures=(restated,)), text=TEXT)
    assert (score.figures.tp, score.figures.fp, score.figures.fn) == (0, 1, 1)
    assert score.errors == ("counted in another sentence",)
    right = _figure(4, "hostages_taken", "four hostages")
    score = score_article("x", gold, ArticleCandidates(figures=(right,)), text=TEXT)
    assert (score.figures.tp, score.figures.fp, score.figures.fn) == (1, 0, 0)


def test_value_and_measure_must_both_agree_in_the_sentence() -> None:
    gold = {"figures": [{"value": 4, "measure": "hostages_taken", "text": "four",
                         "sentence": "Militants seized four hostages in the raid."}]}  # fmt: skip
    wrong = _figure(4, "killed", "four hostages")
    score = score_article("x", gold, ArticleCandidates(figures=(wrong,)), text=TEXT)
    assert (score.figures.tp, score.figures.fp, score.figures.fn) == (0, 1, 1)
    assert score.errors == ("wrong measure",)
    assert score.by_measure()["killed"].fp == 1


def test_gold_without_a_sentence_matches_on_value_and_measure() -> None:
    gold = {"figures": [{"value": 4, "measure": "hostages_taken"}]}
    restated = _figure(4, "hostages_taken", "four people")
    score = score_article("x", gold, ArticleCandidates(figures=(restated,)), text=TEXT)
    assert score.figures.tp == 1


def _turn(text: str, cue: str, speaker: str) -> QuoteCandidate:
    return QuoteCandidate(
        text=text, start=0, end=len(text), speaker=speaker, kind="transcript", cue=cue
    )


def test_transcripts_are_scored_by_label_apart_from_quotes() -> None:
    gold = {
        "quotes": [],
        "transcript_speakers": [
            {"label": "SECRETARY BLINKEN", "speaker": "Antony Blinken"},
            {"label": "MR MILLER", "speaker": "Matthew Miller"},
        ],
    }
    turns = (
        _turn("Good evening.", "SECRETARY BLINKEN:", "Antony Blinken"),
        _turn("Thank you.", "Mr Miller", "Matt Miller"),
        _turn("Next question.", "QUESTION", "A reporter"),
    )
    score = score_article("x", gold, ArticleCandidates(quotes=turns))
    assert score.quotes.empty  # transcript quotes are not extra quotations
    assert (score.turns_right, score.turns, score.stray_turns) == (1, 2, 1)
    aliases = {"matthew miller": "matt miller"}
    score = score_article("x", gold, ArticleCandidates(quotes=turns), aliases)
    assert score.turns_right == 2
    wrong = (*turns[:1], replace(turns[1], speaker="Antony Blinken"))
    assert score_article("x", gold, ArticleCandidates(quotes=wrong), aliases).turns_right == 1


def _trip(places: tuple[str, ...], meetings: tuple[str, ...]) -> ArticleCandidates:
    return ArticleCandidates(trip=TripCandidate(places=places, meetings=meetings))


def test_meetings_match_through_the_aliases_of_known_people() -> None:
    gold = {"trip": {"meetings": ["King Abdullah II", "Mohammed bin Salman"]}}
    aliases = {"abdullah ii": "king abdullah ii", "king abdullah ii": "king abdullah ii"}
    found = _trip((), ("Abdullah II", "Mohammed bin Salman"))
    score = score_article("x", gold, found, aliases)
    assert (score.meetings.tp, score.meetings.fp, score.meetings.fn) == (2, 0, 0)
    # without the alias the two spellings are two people
    score = score_article("x", gold, found)
    assert (score.meetings.tp, score.meetings.fp, score.meetings.fn) == (1, 1, 1)


def test_places_match_with_a_leading_the_ignored() -> None:
    gold = {"trip": {"places": ["the Gaza Strip", "Amman", "Theresienstadt"]}}
    found = _trip(("Gaza Strip", "amman", "resienstadt"), ())
    score = score_article("x", gold, found)
    # "The" must be a word of its own: "Theresienstadt" is not "resienstadt"
    assert (score.places.tp, score.places.fp, score.places.fn) == (2, 1, 1)
