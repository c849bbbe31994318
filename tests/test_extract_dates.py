"""Date expressions resolved against the article's date."""

from __future__ import annotations

from datetime import date

import pytest

from shuttle.extract.dates import find_dates

PUB = date(2024, 2, 8)  # a Thursday


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Tuesday", date(2024, 2, 6)),
        ("late Wednesday", date(2024, 2, 7)),
        ("Thursday morning", date(2024, 2, 8)),
        ("last Thursday", date(2024, 2, 1)),
        ("Oct. 7", date(2023, 10, 7)),
        ("7 October", date(2023, 10, 7)),
        ("Oct. 7, 2023", date(2023, 10, 7)),
        ("last November", date(2023, 11, 1)),
        ("in early February", date(2024, 2, 1)),
        ("last week", date(2024, 2, 1)),
        ("last month", date(2024, 1, 1)),
        ("yesterday", date(2024, 2, 7)),
    ],
)
def test_resolution(phrase: str, expected: date) -> None:
    text = f"It happened {phrase}, officials said."
    (d,) = find_dates(text, 0, len(text), PUB)
    assert d.on == expected


def test_future_weekday() -> None:
    text = "He is due to meet Biden on Monday."
    (d,) = find_dates(text, 0, len(text), PUB)
    assert d.on == date(2024, 2, 12)


def test_without_a_published_date_only_years_resolve() -> None:
    text = "on Tuesday, and on Oct. 7, 2023"
    assert [d.on for d in find_dates(text, 0, len(text), None)] == [None, date(2023, 10, 7)]


def test_bare_may_is_not_a_date() -> None:
    text = "Talks may resume."
    assert find_dates(text, 0, len(text), PUB) == []
