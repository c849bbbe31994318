"""Locale-free formatting of numbers and dates for chart text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_int(value: int) -> str:
    """45936 -> "45,936", whatever the process locale."""
    return f"{value:,d}"


def format_date(day: date) -> str:
    """date(2024, 1, 9) -> "9 January 2024"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_span(start: date, end: date) -> str:
    """A date range as words: "5-9 January 2024", "30 January - 2 February 2024"."""
    if start == end:
        return format_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}\u2013{format_date(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} \u2013 {format_date(end)}"
    return f"{format_date(start)} \u2013 {format_date(end)}"


def plural(count: int, one: str, many: str | None = None) -> str:
    """plural(1, "trip") -> "1 trip"; plural(12, "trip") -> "12 trips"."""
    word = one if count == 1 else (many if many is not None else one + "s")
    return f"{format_int(count)} {word}"


def trips_sentence(ordinals: Sequence[int]) -> str:
    """The description's sentence on the trips a chart marks."""
    numbers = sorted(ordinals)
    if not numbers:
        return "Blinken made no trip to the region in this period."
    if len(numbers) == 1:
        return (
            f"Blinken's trip {numbers[0]} to the region is marked as a shaded band, "
            "numbered above the chart."
        )
    return (
        f"Blinken made {plural(len(numbers), 'trip')} to the region in this period, marked "
        f"as shaded bands numbered {numbers[0]} to {numbers[-1]} above the chart."
    )
