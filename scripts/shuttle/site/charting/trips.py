"""Blinken's trips as chart rows, and the strip above the plot that numbers them.

No Altair here: the rows are plain data, built before (and without) the spec.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from .model import TripSpan
from .text import format_span

TRIP_KIND = "Blinken trip"
Row = dict[str, Any]

# The trip strip above the plot, in pixels: the bar, then rows of numbers above it.
BAR_Y = -5
NUMBER_BOTTOM = -10
NUMBER_ROW = 12
MAX_NUMBER_ROWS = 3
# Numbers sit at least this far apart in a row on the narrowest plot drawn (a phone).
NARROW_PLOT_PX = 250
NUMBER_GAP_PX = 20


def strip_height(trips: Sequence[Row]) -> int:
    """Pixels the trip strip takes above the plot (0 without trips)."""
    if not trips:
        return 0
    rows = 1 + max(int(t["stagger"]) for t in trips)
    return -NUMBER_BOTTOM + rows * NUMBER_ROW


def trip_rows(trips: Sequence[TripSpan], start: date | None, end: date | None) -> list[Row]:
    """One row per trip. Bands and bars run from the first day to the day after the
    last, so a one-day trip shows. Numbers go into the first row where the previous
    number is far enough away on a phone-width plot of start..end."""
    days = max(((end - start).days if start and end else 0), 1)
    min_gap = days * NUMBER_GAP_PX / NARROW_PLOT_PX
    last_in_row: list[date] = []
    rows: list[Row] = []
    for trip in trips:
        stagger = next(
            (n for n, last in enumerate(last_in_row) if (trip.start - last).days >= min_gap),
            None,
        )
        if stagger is None and len(last_in_row) < MAX_NUMBER_ROWS:
            stagger = len(last_in_row)
            last_in_row.append(trip.start)
        elif stagger is None:  # crowded beyond three rows: the row free the longest
            stagger = min(range(len(last_in_row)), key=lambda n: last_in_row[n])
        last_in_row[stagger] = trip.start
        rows.append(
            {
                "aria": f"{trip.label}, {format_span(trip.start, trip.end)}",
                "dates": format_span(trip.start, trip.end),
                "end": (trip.end + timedelta(days=1)).isoformat(),
                "href": trip.href,
                "kind": TRIP_KIND,
                "label": trip.label,
                "number": str(trip.ordinal),
                "row": NUMBER_BOTTOM - stagger * NUMBER_ROW,
                "stagger": stagger,
                "start": trip.start.isoformat(),
            }
        )
    return rows
