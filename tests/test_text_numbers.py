"""Numbers in digits and words, and qualifiers."""

from __future__ import annotations

import pytest

from shuttle.text.numbers import QUALIFIERS, find_numbers, qualifier_at, words_value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("27,840", 27840),
        ("1.7 million", 1_700_000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("seventy-one", 71),
        ("Seventy-one", 71),
        ("a million", 1_000_000),
        ("half a million", 500_000),
        ("two hundred thousand", 200_000),
        ("one hundred and twenty", 120),
        ("4", 4),
        ("1 400", 1400),
        ("12\u202f500", 12500),
        ("2\u00a0345\u00a0678", 2345678),
        ("1 250 million", 1_250_000_000),
    ],
)
def test_values(text: str, value: int) -> None:
    (n,) = find_numbers(f"Yes, {text} people.")
    assert (n.text, n.value) == (text, value)


@pytest.mark.parametrize(
    "text",
    [
        "dozens of",
        "hundreds of",
        "scores of",
        "11th",
        "eighth",
        "10:30",
        "$5",
        "20%",
        "four-nation",
        "2.5",
        "tens of thousands",
    ],
)
def test_not_numbers(text: str) -> None:
    assert find_numbers(f"Then {text} things.") == []


@pytest.mark.parametrize(
    ("before", "qualifier"),
    [
        ("more than", "more than"), ("over", "more than"), ("upwards of", "more than"),
        ("at least", "at least"), ("no fewer than", "at least"), ("some", "about"),
        ("roughly", "about"), ("an estimated", "about"), ("nearly", "nearly"),
        ("almost", "nearly"), ("fewer than", "fewer than"), ("up to", "up to"),
        ("as many as", "up to"), ("", None),
    ],
)  # fmt: skip
def test_qualifiers(before: str, qualifier: str | None) -> None:
    text = f"They said {before} 300 people"
    start = text.index("300")
    assert qualifier_at(text, start, start + 3, 0, len(text))[0] == qualifier
    assert qualifier is None or qualifier in QUALIFIERS


def test_postposed_qualifier() -> None:
    text = "300 or so people"
    assert qualifier_at(text, 0, 3, 0, len(text))[0] == "about"


def test_words_value_rejects_nonsense() -> None:
    assert words_value("seventy banana") is None


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("in 2023 100 people", [2023, 100]),  # a four-digit head is a year, not thousands
        ("on May 9 250 people", [9, 250]),  # a day of the month, then a count
        ("aged 7 4000 times", [7, 4000]),  # a group of four digits is no thousands group
        ("some 3 600-strong units", [3]),  # "600-strong" is no count; the 3 still is
        ("the 40 1 500 000 people", [40, 1_500_000]),
    ],
)
def test_spaced_groups_only_where_they_are_thousands(text: str, values: list[int]) -> None:
    assert [n.value for n in find_numbers(text)] == values
