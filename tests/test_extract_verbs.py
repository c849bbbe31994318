"""What happened to the people a number counts: verb classes and measures."""

from __future__ import annotations

from shuttle.extract.verbs import class_after, class_before, measure_of, verb_class


def test_verb_classes() -> None:
    assert verb_class("Killed") == "killed"
    assert verb_class("arrested") == "other:detained"
    assert verb_class("remain") == "held"
    assert verb_class("said") is None


def test_the_verb_after_a_noun_and_before_a_number() -> None:
    text = "27,840 Palestinians have been confirmed killed, officials said"
    assert class_after(text, text.index(" have"), len(text)) == "killed"
    text = "two gunmen opened fire, killing three"
    assert class_after(text, text.index(" opened"), len(text)) is None
    text = "Of the 120 people seized, 70 remain held"
    assert class_before(text, 0, text.index("70")) is None
    text = "the deaths of 1,199 people"
    assert class_before(text, 0, text.index("1,199")) == "killed"


def test_measures() -> None:
    assert measure_of("released", "prisoners") == "prisoners_released"
    assert measure_of("released", "hostages") == "hostages_released"
    assert measure_of("held", "people") is None
