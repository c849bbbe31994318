"""The rough classes of figure mistakes that `shuttle eval` counts."""

from __future__ import annotations

from datetime import date

from shuttle.curation.evalerrors import CLASSES, classify_figures
from shuttle.extract.candidates import FigureCandidate


def _found(text: str, value: int, measure: str, at: str) -> FigureCandidate:
    s = text.index(at)
    return FigureCandidate(
        value=value, measure=measure, text=at, start=s, end=s + len(at),  # type: ignore[arg-type]
        sentence="", sentence_start=0, sentence_end=0,
    )  # fmt: skip


def _gold(text: str, value: int, measure: str, written: str, **more: object) -> dict[str, object]:
    sentence = next(s + "." for s in text.split(".") if written in s).strip()
    return {"value": value, "measure": measure, "text": written, "sentence": sentence, **more}


def test_each_missed_figure_gets_its_class() -> None:
    text = (
        "The raid killed 300 soldiers, 12 medics and people from 9 countries. "
        "Some 50 hostages remain in Gaza. "
        "“There are 2 million people in the city,” she said. "
        "Three nurses working at the clinic on the edge of town were later found dead."
    )
    gold = [
        _gold(text, 12, "killed", "12"),
        _gold(text, 50, "hostages_held", "50"),
        _gold(text, 2_000_000, "other", "2 million"),
        _gold(text, 3, "killed", "Three"),
    ]
    out = classify_figures(text, [], gold, [_found(text, 9, "killed", "9")], None)
    assert out == [
        "missed: list item sharing a verb",
        "missed: held/remaining hostages",
        "missed: count inside a quote or a population",
        "missed: number word, verb far",
        "extra: not people (things counted)",
    ]
    assert set(out) <= set(CLASSES)


def test_a_matched_figure_with_another_date_is_a_date_error() -> None:
    text = "The attack killed 1,200 people."
    g = _gold(text, 1200, "killed", "1,200", as_of=date(2023, 10, 7))
    f = _found(text, 1200, "killed", "1,200")
    assert classify_figures(text, [(g, f)], [], [], date(2024, 1, 1)) == ["wrong as-of date"]
    f = FigureCandidate(
        value=1200, measure="killed", text="1,200", start=18, end=23,
        sentence="", sentence_start=0, sentence_end=0, as_of=date(2023, 10, 7),
    )  # fmt: skip
    assert classify_figures(text, [(g, f)], [], [], date(2024, 1, 1)) == []
