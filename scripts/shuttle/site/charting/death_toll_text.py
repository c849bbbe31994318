"""The death toll chart in words: a description computed from the data, and a table.

No article text is used in the description (it becomes the chart's aria-label);
the table carries the figures as written, and chart_html escapes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from .death_toll_data import MEASURE_LABEL, Window, filled, reported_that_day
from .model import ReportedPoint, SeriesPoint
from .text import format_date, format_int, plural, trips_sentence

TABLE_HEADER = (
    "Date",
    "Measure",
    "As written",
    "Value",
    "Ministry figure that day",
    "Outlet",
    "Article",
)


def _reported(series: Sequence[SeriesPoint], measure: str) -> list[SeriesPoint]:
    return [p for p in series if reported_that_day(p, measure)]


def _series_sentence(series: Sequence[SeriesPoint]) -> str:
    killed = _reported(series, "killed")
    injured = _reported(series, "injured")
    if not killed:
        return "The Gaza Health Ministry published no death toll in this period."
    first, last = killed[0], killed[-1]
    if first.day == last.day:
        sentence = (
            "The Gaza Health Ministry's cumulative death toll stood at "
            f"{format_int(filled(first, 'killed'))} on {format_date(first.day)}"
        )
    else:
        sentence = (
            "The Gaza Health Ministry's cumulative death toll rose from "
            f"{format_int(filled(first, 'killed'))} on {format_date(first.day)} to "
            f"{format_int(filled(last, 'killed'))} on {format_date(last.day)}"
        )
    if injured:
        same_days = (injured[0].day, injured[-1].day) == (first.day, last.day)
        low, high = injured[0], injured[-1]
        low_text = format_int(filled(low, "injured"))
        high_text = format_int(filled(high, "injured"))
        if not same_days:
            low_text += f" on {format_date(low.day)}"
            high_text += f" on {format_date(high.day)}"
        if low.day == high.day:
            sentence += f", and the number injured stood at {high_text}"
        else:
            sentence += f", and the number injured rose from {low_text} to {high_text}"
    return sentence + "."


def _gap_sentence(series: Sequence[SeriesPoint]) -> str:
    gaps = sum(
        1
        for p in series
        if not (reported_that_day(p, "killed") and reported_that_day(p, "injured"))
    )
    if not gaps:
        return "The Ministry reported both figures on every day shown."
    return (
        f"On {format_int(gaps)} of the {plural(len(series), 'day')} shown a Ministry figure "
        "is missing; the lines are dotted across those days, where values are gap-filled."
    )


def _figures_sentence(figures: Sequence[ReportedPoint]) -> str:
    if not figures:
        return "No article cited here reported a figure in this period."
    parts = []
    for measure, noun in (("killed", "death toll"), ("injured", "count of injured")):
        values = [f.value for f in figures if f.measure == measure]
        if not values:
            continue
        lowest, highest = format_int(min(values)), format_int(max(values))
        span = lowest if lowest == highest else f"from {lowest} to {highest}"
        nouns = "counts of injured" if noun.startswith("count") else "death tolls"
        parts.append(f"{plural(len(values), noun, nouns)} ({span})")
    first, last = figures[0].day, figures[-1].day
    when = (
        f"on {format_date(first)}"
        if first == last
        else f"between {format_date(first)} and {format_date(last)}"
    )
    return (
        f"Articles cited here reported {plural(len(figures), 'figure')} {when}: "
        f"{' and '.join(parts)}, shown as points."
    )


def _candidate_sentence(candidates: Sequence[ReportedPoint]) -> str:
    if not candidates:
        return ""
    return (
        f" This preview also shows {plural(len(candidates), 'unreviewed candidate figure')} "
        f"as {'a hollow diamond' if len(candidates) == 1 else 'hollow diamonds'}."
    )


def describe(window: Window) -> str:
    """A plain-text summary of what the chart shows, computed from its data."""
    reviewed = [f for f in window.reported if not f.candidate]
    candidates = [f for f in window.reported if f.candidate]
    if not window.series:
        opening = "The chart has no Gaza Health Ministry figures for this period."
    else:
        opening = f"{_series_sentence(window.series)} {_gap_sentence(window.series)}"
    return (
        f"{opening} {_figures_sentence(reviewed)}{_candidate_sentence(candidates)} "
        f"{trips_sentence([t.ordinal for t in window.trips])}"
    )


def _ministry_that_day(figure: ReportedPoint, by_day: dict[str, SeriesPoint]) -> str:
    point = by_day.get(figure.day.isoformat())
    if point is None:
        return "\u2013"
    value = format_int(filled(point, figure.measure))
    return value if reported_that_day(point, figure.measure) else f"{value} (gap-filled)"


def table(window: Window) -> tuple[tuple[str, ...], ...]:
    """One row per article figure, next to the Ministry's figure for the same day."""
    by_day = {p.day.isoformat(): p for p in window.series}
    return tuple(
        (
            format_date(f.day),
            MEASURE_LABEL[f.measure] + (" (unreviewed candidate)" if f.candidate else ""),
            f.text,
            format_int(f.value),
            _ministry_that_day(f, by_day),
            f.outlet,
            f.source_title,
        )
        for f in window.reported
    )
