"""The death toll chart's records as plain rows of data.

Every string that came from an article (text, outlet, title) or from curated data
(trip labels, hrefs) only ever lands here, as a value in a row: the spec refers to
the rows by the fixed field names below and never to their contents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from . import trips as trip_marks
from .model import ReportedPoint, SeriesPoint, TripSpan
from .text import format_date, format_int

MEASURES = ("killed", "injured")
MEASURE_LABEL = {"killed": "Killed", "injured": "Injured"}
REPORTED = "Reported that day"
GAP = "No report (gap-filled)"
KIND_LABEL = {
    "killed": "Article: killed",
    "injured": "Article: injured",
    "candidate": "Candidate (preview)",
}
# The hover readout on the Ministry's lines: what the figures of the day are.
BOTH_REPORTED = "Both reported that day"
NOTE = {
    (False, True): "Killed gap-filled (no report that day)",
    (True, False): "Injured gap-filled (no report that day)",
    (False, False): "Both gap-filled (no report that day)",
}

Row = dict[str, Any]


@dataclass(frozen=True)
class Window:
    """The records that fall on or before `until`, sorted; trips clipped to it."""

    series: tuple[SeriesPoint, ...]
    reported: tuple[ReportedPoint, ...]
    trips: tuple[TripSpan, ...]


def cut(
    series: Sequence[SeriesPoint],
    reported: Sequence[ReportedPoint],
    trips: Sequence[TripSpan],
    until: date | None,
) -> Window:
    def keep(day: date) -> bool:
        return until is None or day <= until

    days = sorted((p for p in series if keep(p.day)), key=lambda p: p.day)
    for earlier, later in zip(days, days[1:], strict=False):
        if earlier.day == later.day:
            raise ValueError(f"two series points for {earlier.day.isoformat()}")
    check_records(reported, trips, MEASURES)
    clipped = []
    for trip in sorted(trips, key=lambda t: (t.start, t.ordinal)):
        if keep(trip.start):
            end = trip.end if until is None else min(trip.end, until)
            clipped.append(TripSpan(trip.ordinal, trip.start, end, trip.label, trip.href))
    figures = sorted(
        (f for f in reported if keep(f.day)),
        key=lambda f: (f.day, f.measure, f.value, f.figure_id),
    )
    return Window(tuple(days), tuple(figures), tuple(clipped))


def check_records(
    reported: Sequence[ReportedPoint], trips: Sequence[TripSpan], measures: Sequence[str]
) -> None:
    """What goes into a chart: known measures, and links that stay on the site."""
    for figure in reported:
        if figure.measure not in measures:
            raise ValueError(f"figure {figure.figure_id}: unknown measure {figure.measure!r}")
        check_href(figure.href)
    for trip in trips:
        check_href(trip.href)


def check_href(href: str) -> None:
    """Chart links must stay on the site: no scheme, no host (javascript:, //evil)."""
    parts = urlsplit(href.strip())
    unsafe = "\\" in href or any(ord(c) < 0x20 or ord(c) == 0x7F for c in href)
    if parts.scheme or parts.netloc or unsafe or href.strip() != href:
        raise ValueError(f"chart link is not site-relative: {href!r}")


def reported_that_day(point: SeriesPoint, measure: str) -> bool:
    value = point.killed if measure == "killed" else point.injured
    return value is not None and point.report_source != "missing"


def filled(point: SeriesPoint, measure: str) -> int:
    return point.killed_filled if measure == "killed" else point.injured_filled


def series_rows(series: Sequence[SeriesPoint]) -> list[Row]:
    """The two lines, split into runs drawn solid (reported) or dotted (gap-filled).

    The stretch between two days is dotted when either day had no report; each run
    repeats its end points so the runs join up.
    """
    rows: list[Row] = []
    for measure in MEASURES:
        label = MEASURE_LABEL[measure]
        if len(series) == 1:
            only = series[0]
            status = REPORTED if reported_that_day(only, measure) else GAP
            rows.append(_series_row(only, measure, label, status, f"{measure}-0"))
            continue
        runs: list[tuple[str, list[SeriesPoint]]] = []
        for before, after in zip(series, series[1:], strict=False):
            both = reported_that_day(before, measure) and reported_that_day(after, measure)
            status = REPORTED if both else GAP
            if runs and runs[-1][0] == status:
                runs[-1][1].append(after)
            else:
                runs.append((status, [before, after]))
        for number, (status, points) in enumerate(runs):
            for point in points:
                rows.append(_series_row(point, measure, label, status, f"{measure}-{number}"))
    return rows


def _series_row(point: SeriesPoint, measure: str, label: str, status: str, run: str) -> Row:
    row: Row = {
        "day": point.day.isoformat(),
        "measure": label,
        "run": run,
        "status": status,
        "value": filled(point, measure),
    }
    # The hover readout's note, on the few days a figure is missing (BOTH_REPORTED
    # elsewhere): on every row of that day, so that the day's rows group together.
    key = (reported_that_day(point, "killed"), reported_that_day(point, "injured"))
    if key in NOTE:
        row["note"] = NOTE[key]
    return row


def end_label_rows(series: Sequence[SeriesPoint]) -> list[Row]:
    """Direct labels at the end of each line, so the lines need no colour legend."""
    if not series:
        return []
    last = series[-1]
    return [
        {
            "day": last.day.isoformat(),
            "label": f"{MEASURE_LABEL[m]}: {format_int(filled(last, m))}",
            "measure": MEASURE_LABEL[m],
            "value": filled(last, m),
        }
        for m in MEASURES
    ]


def point_kind(figure: ReportedPoint) -> str:
    return KIND_LABEL["candidate" if figure.candidate else figure.measure]


def point_rows(reported: Sequence[ReportedPoint]) -> list[Row]:
    return [
        {
            "aria": (
                f"{point_kind(figure)}, {format_date(figure.day)}: {figure.text} "
                f"({format_int(figure.value)}), {figure.outlet}"
            ),
            "as_written": figure.text,
            "date": format_date(figure.day),
            "day": figure.day.isoformat(),
            "href": figure.href,
            "id": figure.figure_id,
            "kind": point_kind(figure),
            "measure": MEASURE_LABEL[figure.measure],
            "outlet": figure.outlet,
            "qualifier": figure.qualifier or "(none)",
            "title": figure.source_title,
            "value": figure.value,
        }
        for figure in reported
    ]


def trip_rows(trips: Sequence[TripSpan], series: Sequence[SeriesPoint]) -> list[Row]:
    """The trips, numbered in the strip above the plot (see trips.trip_rows)."""
    days = [p.day for p in (*series[:1], *series[-1:])]
    days += [d for t in trips for d in (t.start, t.end)]
    return trip_marks.trip_rows(trips, min(days, default=None), max(days, default=None))
