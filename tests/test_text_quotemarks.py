"""Quote marks paired into quotation spans."""

from __future__ import annotations

from shuttle.text.quotemarks import find_quote_spans
from shuttle.text.segments import paragraphs


def spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quote_spans(text, paragraphs(text))]


def test_double_single_and_straight() -> None:
    assert spans('He said "yes." She said “no.” They said ‘maybe.’') == ["yes.", "no.", "maybe."]


def test_nested_and_apostrophes() -> None:
    assert spans("“It’s not ‘yes’ or ‘no.’ Gaza’s fine,” he said.") == [
        "It’s not ‘yes’ or ‘no.’ Gaza’s fine,"
    ]


def test_stray_closing_mark_is_ignored() -> None:
    assert spans("a “path to a state.” Palestinian”. Then “more.”") == [
        "path to a state.",
        "more.",
    ]


def test_second_opening_mark_restarts() -> None:
    assert spans("He said “we will “not stop” now.") == ["not stop"]


def test_multi_paragraph_quotation() -> None:
    text = "“First part.\n“Second part.\n“Last part,” he said."
    found = find_quote_spans(text, paragraphs(text))
    assert [text[q.start : q.end] for q in found] == ["First part.", "Second part.", "Last part,"]
    assert [q.continues for q in found] == [True, True, False]
    assert [q.continued for q in found] == [False, True, True]


def test_unclosed_single_mark_is_an_apostrophe() -> None:
    assert spans("Rock ‘n roll and ‘90s nostalgia.") == []


def test_guillemets_with_inner_spaces() -> None:
    text = "« We have a common interest », he added, « in a stable Syria »."
    assert spans(text) == ["We have a common interest", "in a stable Syria"]
    assert spans("«Iraq will not be a field», he said.") == ["Iraq will not be a field"]
