"""The evaluation: the seed and held-out gold standards meet their targets, and the metric
is right."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from shuttle.curation.evaluate import (
    Counts,
    evaluate,
    format_table,
    load_people,
    main,
    normalise_quote,
    score_article,
)
from shuttle.extract.candidates import (
    ArticleCandidates,
    FigureCandidate,
    KnownPerson,
    QuoteCandidate,
)

ROOT = Path(__file__).resolve().parents[1]


def test_seed_gold_meets_targets() -> None:
    report = evaluate(ROOT / "tests" / "gold", ROOT / "seeds", people=())
    sys.stdout.write("\n" + format_table(report) + "\n")  # shown with pytest -s
    overall = report.overall
    assert len(report.articles) == 5
    assert overall.quotes.f1 >= 0.97, overall.notes
    assert overall.speaker_accuracy >= 0.95, overall.notes
    assert overall.figures.f1 >= 0.95, overall.notes


# dev-real (tests/gold/devreal/README.md): the floors are the scores reached, raised as the
# extractors improve and never lowered. Before issue 11's work (honest figure scoring):
# quotes 34/34, speakers 22/34, figures tp 10 fp 4 fn 7 (F1 0.65), transcript labels 0/5.
# Reached: speakers 34/34, transcript labels 3/5, figures tp 17 fp 0 fn 0, dates 17/17.
DEVREAL_FLOOR = {
    "quotes_f1": 1.0,
    "speakers_right": 34,
    "figures_tp": 17,
    "figures_f1": 1.0,
    "figure_dates_right": 17,
    "transcript_labels_right": 5,
    # trip places and meetings: F1 0.50 and 0.20 before the rules of a news conference's
    # place, "While in", a host's welcome and "Blinken and X held talks"; 0.74 and 0.50
    # before meetings were compared through people's aliases and places without "the"
    "places_tp": 8,
    "places_f1": 0.84,
    "meetings_tp": 5,
    "meetings_f1": 0.83,
}
DEVREAL_CEILING = {"figures_fp": 0, "stray_transcripts": 0}


def test_devreal_gold_holds_what_was_reached() -> None:
    devreal = ROOT / "tests" / "gold" / "devreal"
    report = evaluate(devreal, devreal, people=load_people(ROOT / "data" / "people.yml"))
    sys.stdout.write("\ndev-real:\n" + format_table(report) + "\n")  # shown with pytest -s
    o = report.overall
    assert len(report.articles) == 12
    assert o.quotes.f1 >= DEVREAL_FLOOR["quotes_f1"], o.notes
    assert o.speakers_right >= DEVREAL_FLOOR["speakers_right"], o.notes
    assert o.figures.tp >= DEVREAL_FLOOR["figures_tp"], o.notes
    assert o.figures.f1 >= DEVREAL_FLOOR["figures_f1"], o.notes
    assert o.dates_right >= DEVREAL_FLOOR["figure_dates_right"], o.notes
    assert o.turns_right >= DEVREAL_FLOOR["transcript_labels_right"], o.notes
    assert o.places.tp >= DEVREAL_FLOOR["places_tp"], o.notes
    assert o.places.f1 >= DEVREAL_FLOOR["places_f1"], o.notes
    assert o.meetings.tp >= DEVREAL_FLOOR["meetings_tp"], o.notes
    assert o.meetings.f1 >= DEVREAL_FLOOR["meetings_f1"], o.notes
    assert o.figures.fp <= DEVREAL_CEILING["figures_fp"], o.notes
    assert o.stray_turns <= DEVREAL_CEILING["stray_transcripts"], o.notes


def test_heldout_gold_meets_its_thresholds() -> None:
    """The synthetic held-out set (tests/gold/heldout/README.md). The extractors were
    improved with general rules after its first evaluation, so it is a development set now,
    not a measure of unseen text. Its scores at the time of writing: quotes F1 1.00, speakers
    1.00, figures F1 1.00, ordinals 8/8, places and meetings F1 1.00; before the rules:
    0.98, 0.76, 0.83, 8/8, 0.75, 0.70. The thresholds are those scores less a small margin,
    so that a rule that breaks a reading fails here."""
    heldout = ROOT / "tests" / "gold" / "heldout"
    report = evaluate(heldout, heldout, people=())
    sys.stdout.write("\n" + format_table(report) + "\n")  # shown with pytest -s
    overall = report.overall
    assert len(report.articles) == 8
    assert overall.quotes.f1 >= 0.97, overall.notes
    assert overall.speaker_accuracy >= 0.95, overall.notes
    assert overall.kind_accuracy >= 0.95, overall.notes
    assert overall.figures.f1 >= 0.95, overall.notes
    assert overall.ordinals_right >= 7, overall.notes
    assert overall.places.f1 >= 0.9, overall.notes
    assert overall.meetings.f1 >= 0.9, overall.notes


def _quote(text: str, speaker: str | None, kind: str = "full") -> QuoteCandidate:
    return QuoteCandidate(text=text, start=0, end=len(text), speaker=speaker, kind=kind)  # type: ignore[arg-type]


def _figure(value: int, measure: str) -> FigureCandidate:
    return FigureCandidate(
        value=value, measure=measure, text=str(value), start=0, end=1,  # type: ignore[arg-type]
        sentence="", sentence_start=0, sentence_end=0,
    )  # fmt: skip


def test_metric_on_a_hand_made_case() -> None:
    gold = {
        "quotes": [
            {"text": "We will win,", "speaker": "A B", "kind": "full"},
            {"text": "never", "speaker": "C D", "kind": "fragment"},
            {"text": "not found anywhere", "speaker": "A B", "kind": "full"},
        ],
        "figures": [
            {"value": 12, "measure": "killed"},
            {"value": 4, "measure": "hostages_released"},
        ],
        "trip": {"ordinal": 3, "places": ["Israel", "Egypt"], "meetings": []},
    }
    found = ArticleCandidates(
        quotes=(
            _quote("“We will  win.”", "A B"),  # marks, spaces and end punctuation differ
            _quote("never", "A B", "fragment"),  # wrong speaker
            _quote("an extra quote", None),
        ),
        figures=(_figure(12, "killed"), _figure(4, "hostages_taken"), _figure(7, "killed")),
    )
    score = score_article("x", gold, found)
    assert score.quotes == Counts(tp=2, fp=1, fn=1)
    assert score.quotes.precision == pytest.approx(2 / 3)
    assert score.quotes.recall == pytest.approx(2 / 3)
    assert score.speaker_accuracy == pytest.approx(1 / 2)
    assert score.kind_accuracy == 1.0
    assert score.figures == Counts(tp=1, fp=2, fn=1)
    assert score.figures.precision == pytest.approx(1 / 3)
    assert score.figures.recall == 0.5
    assert score.figures.f1 == pytest.approx(0.4)  # the harmonic mean, not the average
    assert (score.ordinals_right, score.ordinals) == (0, 1)
    assert score.places == Counts(tp=0, fp=0, fn=2)


def test_normalise_quote() -> None:
    assert normalise_quote("  “It’s not ‘yes’ or\n‘no.’”  ") == "It's not 'yes' or 'no"
    assert normalise_quote("we would not support it.") == "we would not support it"


def test_counts_of_nothing() -> None:
    assert Counts().f1 == 1.0  # nothing to find and nothing found: vacuously perfect
    assert Counts(fp=1).precision == 0.0


def test_main_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--gold", str(ROOT / "tests" / "gold"), "--seeds", str(ROOT / "seeds")])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0].startswith("article")
    assert "overall" in out


def test_main_prints_seed_and_devreal_side_by_side(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert main([]) == 0
    out = capsys.readouterr().out
    seed, devreal = out.split("\n\ndev-real:\n")
    assert seed.startswith("seed gold:")
    assert "02_voa-2023-10-13-editor" in devreal  # article by article
    assert "figures by measure:" in devreal and "figure errors:" in devreal


def test_known_people_are_matched_through_their_aliases() -> None:
    people = (
        KnownPerson("state", "U.S. State Department", ("State Department",), kind="organisation"),
        KnownPerson("blinken", "Antony Blinken", ("Mr. Blinken", "Blinken")),
    )
    report = evaluate(ROOT / "tests" / "gold", ROOT / "seeds", people=people)
    assert report.overall.speaker_accuracy == 1.0, report.overall.notes
