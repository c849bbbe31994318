"""The chart of people killed in Israel and the hostages: its records as plain rows.

There is no reference series for these counts, only what articles reported, so the
chart has one row per measure and a point per reported figure, labelled with its
value. As in the death toll chart, every string from an article or from curated data
lands only here, as a value in a row; the spec names rows by fixed fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import Any

from . import trips as trip_marks
from .death_toll_data import check_records
from .model import ReportedPoint, TripSpan
from .text import format_date, format_int

# A row means one thing: Palestinian prisoners freed in exchange deals, and detainees
# Israel released on its own (prisoners_released figures whose subject names detainees,
# pages.figures.chart_measure), are two rows, never one series.
MEASURES = (
    "killed", "hostages_taken", "hostages_released", "hostages_held", "prisoners_released",
    "detainees_released",
)  # fmt: skip
ROW_LABEL = {
    "killed": "Killed in Israel",
    "hostages_taken": "Hostages taken",
    "hostages_released": "Hostages freed",
    "hostages_held": "Hostages still held",
    "prisoners_released": "Prisoners freed in exchanges",
    "detainees_released": "Detainees released by Israel",
}
# The rows' layout in pixels: each row is ROW_STEP high, its title at the top and its
# points POINT_Y below the row's top edge. Points of the same row and day (two articles
# giving the same count) sit STACK_PX apart, one above the other, so each keeps its
# own tooltip and link; a stack of more than three is drawn closer together, within
# STACK_SPAN_PX, so that it stays in its row (a day that many articles report would
# otherwise run a column of points down through every row below it).
ROW_STEP = 46
POINT_Y = 30
STACK_PX = 12
STACK_SPAN_PX = 2 * STACK_PX
# A label goes to the left of its point in the last part of the time axis.
LABEL_LEFT_AFTER = 0.78
# A label that would print over the one before it in its row is left out (its points
# keep their tooltips; the summary and the table below the chart give every figure).
# Judged at the width of the chart's plot on a computer's screen (on a phone, labels
# still crowd), a label LABEL_DX from its point and LABEL_CHAR_PX a character wide (the
# 11 px labels average under 5 px a character), LABEL_GAP_PX clear of the one before.
LABEL_PLOT_PX = 590
LABEL_CHAR_PX = 5.5
LABEL_DX = 9
LABEL_GAP_PX = 6

Row = dict[str, Any]


@dataclass(frozen=True)
class Window:
    """The figures from start to until (sorted), the trips clipped to them."""

    reported: tuple[ReportedPoint, ...]
    trips: tuple[TripSpan, ...]
    start: date
    end: date

    def measures(self) -> tuple[str, ...]:
        """The rows drawn: the measures some figure reports, in a fixed order."""
        return tuple(m for m in MEASURES if any(f.measure == m for f in self.reported))


def cut(
    reported: Sequence[ReportedPoint], trips: Sequence[TripSpan], start: date, until: date
) -> Window:
    """Raises ValueError on an unknown measure or a link that is not site-relative."""
    check_records(reported, trips, MEASURES)
    figures = sorted(
        (f for f in reported if f.day <= until),
        key=lambda f: (MEASURES.index(f.measure), f.day, f.value, f.figure_id),
    )
    begin = min([start, *(f.day for f in figures)])
    clipped = tuple(
        TripSpan(t.ordinal, t.start, min(t.end, until), t.label, t.href)
        for t in sorted(trips, key=lambda t: (t.start, t.ordinal))
        if t.start <= until and t.end >= begin
    )
    return Window(tuple(figures), clipped, begin, max(until, begin))


def _groups(window: Window) -> list[list[ReportedPoint]]:
    """The figures of one row and one day, together."""
    return [list(g) for _, g in groupby(window.reported, key=lambda f: (f.measure, f.day))]


def value_text(figure: ReportedPoint) -> str:
    """The figure as a label: its qualifier and value ("about 1,200")."""
    qualifier = (figure.qualifier or "").strip()
    return f"{qualifier} {format_int(figure.value)}" if qualifier else format_int(figure.value)


def point_rows(window: Window) -> list[Row]:
    rows = []
    for group in _groups(window):
        step = min(STACK_PX, STACK_SPAN_PX / max(len(group) - 1, 1))
        for slot, figure in enumerate(group):
            label = ROW_LABEL[figure.measure]
            rows.append(
                {
                    "aria": (
                        f"{label}{' (candidate)' if figure.candidate else ''}, "
                        f"{format_date(figure.day)}: {value_text(figure)}, {figure.outlet}"
                    ),
                    "as_written": figure.text,
                    "candidate": figure.candidate,
                    "date": format_date(figure.day),
                    "day": figure.day.isoformat(),
                    "href": figure.href,
                    "id": figure.figure_id,
                    "measure": label,
                    "outlet": figure.outlet,
                    "qualifier": figure.qualifier or "(none)",
                    "y": POINT_Y + round((slot - (len(group) - 1) / 2) * step, 1),
                    "title": figure.source_title,
                    "value": figure.value,
                    "who": figure.subject or "(not given)",
                }
            )
    return rows


def label_rows(window: Window) -> list[Row]:
    """One label per row and day: the values as reported, and how many articles; none
    where it would overlap the label kept before it in its row."""
    span = max((window.end - window.start).days, 1)
    rows = []
    kept_until: dict[str, float] = {}  # per row: where its last kept label ends, in px
    for group in _groups(window):
        first = group[0]
        values = list(dict.fromkeys(value_text(f) for f in group))
        label = " / ".join(values)
        if len(group) > 1:
            label += f" ({len(group)} articles)"
        if all(f.candidate for f in group):
            label += " (candidate)"
        share = (first.day - window.start).days / span
        side = "left" if share > LABEL_LEFT_AFTER else "right"
        at, width = share * LABEL_PLOT_PX, len(label) * LABEL_CHAR_PX
        begin = at - LABEL_DX - width if side == "left" else at + LABEL_DX
        if begin < kept_until.get(first.measure, -LABEL_PLOT_PX) + LABEL_GAP_PX:
            continue
        kept_until[first.measure] = begin + width
        rows.append(
            {
                "day": first.day.isoformat(),
                "label": label,
                "measure": ROW_LABEL[first.measure],
                "side": side,
            }
        )
    return rows


def title_rows(window: Window) -> list[Row]:
    return [{"measure": ROW_LABEL[m]} for m in window.measures()]


def trip_rows(window: Window) -> list[Row]:
    return trip_marks.trip_rows(window.trips, window.start, window.end)
