"""The words around a number: what it may count, what makes it no count, clauses, plans."""

from __future__ import annotations

from shuttle.extract.fignouns import NOUN_RE, THING_SET, clause_end, hypothetical, not_a_count
from shuttle.text.numbers import find_numbers


def _number(text: str, at: str) -> object:
    return next(n for n in find_numbers(text) if n.text == at)


def test_the_noun_a_number_counts() -> None:
    text = "the 100 or so hostages"
    m = NOUN_RE.match(text, text.index("100") + 3)
    assert m is not None and m.group("noun") == "hostages"
    text = "34 U.S. personnel"
    m = NOUN_RE.match(text, 2)
    assert m is not None and (m.group("noun"), m.group("mods").strip()) == ("personnel", "U.S.")
    assert {"trucks", "countries", "airplane"} <= THING_SET


def test_no_count() -> None:
    text = "Emad, 55, said a father of six had fled."
    assert not_a_count(text, _number(text, "55"), 0)  # type: ignore[arg-type]
    assert not_a_count(text, _number(text, "six"), 0)  # type: ignore[arg-type]
    text = "It killed 55 people."
    assert not not_a_count(text, _number(text, "55"), 0)  # type: ignore[arg-type]


def test_clauses_and_plans() -> None:
    text = "About 85,000 people – a third of the town – face starvation; aid is short."
    assert text[clause_end(text, 0, len(text))] == ";"
    text = "The deal would see Hamas release 33 hostages."
    assert hypothetical(text, 0, text.index("33"))
    text = "Israel will not stop after troops rescued three hostages."
    assert not hypothetical(text, 0, text.index("three"))
