"""Dates as the site prints them, independent of the machine's locale."""

from __future__ import annotations

from datetime import date

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_day(day: date) -> str:
    """9 January 2024"""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def day_span(start: date, end: date) -> str:
    """12-17 October 2023, 30 November - 1 December 2023, or one day."""
    if start == end:
        return long_day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} – {long_day(end)}"
    return f"{long_day(start)} – {long_day(end)}"
