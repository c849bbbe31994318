"""The chart of people killed in Israel and the hostages, in words: a description
computed from the data, and a table.

The description becomes the chart's aria-label, so no article text goes into it: a
qualifier is used only when it is one of the words below (and then it is this
module's word that is used), and outlets and titles stay in the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from .israel_data import MEASURES, ROW_LABEL, Window
from .model import ReportedPoint
from .text import format_date, format_int, plural, trips_sentence

TITLE = "Killed in Israel and the hostages, as reported, and Blinken's trips"
TABLE_HEADER = (
    "Date",
    "What",
    "Qualifier",
    "As written",
    "Value",
    "Who was counted",
    "Outlet",
    "Article",
)
QUALIFIERS = frozenset(
    {
        "about",
        "almost",
        "an estimated",
        "approximately",
        "around",
        "at least",
        "at most",
        "fewer than",
        "less than",
        "more than",
        "nearly",
        "over",
        "roughly",
        "some",
        "up to",
    }
)
ASKED = {
    "killed": "how many people were killed in Israel",
    "hostages_taken": "how many hostages were taken",
    "hostages_released": "how many hostages were freed",
    "hostages_held": "how many hostages were still held",
    "prisoners_released": "how many prisoners were freed in exchanges",
}  # detainees released: not asked of every article (few report them)
NO_SERIES = (
    "There is no day-by-day reference series for these counts, as there is for Gaza's "
    "death toll, so each figure is a point on the date it refers to, not a line."
)


def known_qualifier(figure: ReportedPoint) -> str:
    """This module's copy of the figure's qualifier, or "" if it is not a known word."""
    wanted = " ".join((figure.qualifier or "").split()).lower()
    return next((q for q in sorted(QUALIFIERS) if q == wanted), "")


def _value(figure: ReportedPoint) -> str:
    qualifier = known_qualifier(figure)
    return f"{qualifier} {format_int(figure.value)}" if qualifier else format_int(figure.value)


def _row_sentence(measure: str, figures: Sequence[ReportedPoint]) -> str:
    parts = []
    for day, same_day in groupby(figures, key=lambda f: f.day):
        group = list(same_day)
        values = " or ".join(dict.fromkeys(_value(f) for f in group))
        count = f" ({plural(len(group), 'article')})" if len(group) > 1 else ""
        parts.append(f"{values} on {format_date(day)}{count}")
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    label = ROW_LABEL[measure]
    return f"{label[0].lower()}{label[1:]}: {listed}"


def _missing_sentence(present: Sequence[str]) -> str:
    missing = [ASKED[m] for m in MEASURES if m in ASKED and m not in present]
    if not missing:
        return ""
    listed = missing[0] if len(missing) == 1 else f"{', '.join(missing[:-1])} or {missing[-1]}"
    return f" None of them said {listed}."


def describe(window: Window) -> str:
    """A plain-text summary of what the chart shows, computed from its data."""
    reviewed = [f for f in window.reported if not f.candidate]
    candidates = [f for f in window.reported if f.candidate]
    if not reviewed:
        opening = "No article cited here reported a reviewed figure for this chart."
    else:
        days = sorted(f.day for f in reviewed)
        when = (
            f"on {format_date(days[0])}"
            if days[0] == days[-1]
            else f"between {format_date(days[0])} and {format_date(days[-1])}"
        )
        rows = [
            _row_sentence(m, [f for f in reviewed if f.measure == m])
            for m in MEASURES
            if any(f.measure == m for f in reviewed)
        ]
        opening = (
            f"Articles cited here reported {plural(len(reviewed), 'figure')} {when}: "
            f"{'; '.join(rows)}." + _missing_sentence(sorted({f.measure for f in reviewed}))
        )
    extra = ""
    if candidates:
        extra = (
            f" This preview also shows {plural(len(candidates), 'unreviewed candidate figure')} "
            f"as {'a hollow marker' if len(candidates) == 1 else 'hollow markers'}."
        )
    return f"{opening}{extra} {NO_SERIES} {trips_sentence([t.ordinal for t in window.trips])}"


def table(window: Window) -> tuple[tuple[str, ...], ...]:
    """One row per figure, in date order."""
    figures = sorted(window.reported, key=lambda f: (f.day, MEASURES.index(f.measure), f.figure_id))
    return tuple(
        (
            format_date(f.day),
            ROW_LABEL[f.measure] + (" (unreviewed candidate)" if f.candidate else ""),
            f.qualifier or "",
            f.text,
            format_int(f.value),
            f.subject or "",
            f.outlet,
            f.source_title,
        )
        for f in figures
    )
