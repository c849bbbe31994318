"""Dates that fall outside the trip they are filed under (W304).

A source filed under a trip reports on a day of that trip (its `event_date`), and an event
an editor assigns to a trip happened during it. A date outside the canonical dates means
the filing is wrong, or the canonical list is: either way an editor should look. An
approximate trip (its dates are not established) allows a day either side.
"""

from __future__ import annotations

from datetime import date, timedelta

from shuttle.problems import Problem
from shuttle.records.fieldlines import field_line
from shuttle.records.schema import Trip
from shuttle.records.store import Store


def check(store: Store) -> list[Problem]:
    trips = {t.ordinal: t for t in store.trips}
    problems = []
    for source in store.sources:
        trip = trips.get(source.trip) if source.trip is not None else None
        if trip is not None and not _within(source.event_date, trip):
            place = field_line(store, source, "event_date")
            what = f"source {source.id!r} reports on {source.event_date.isoformat()}"
            problems.append(Problem.of("W304", place.file, place.line, what + _outside(trip)))
    for data in store.article_data.values():
        for event in data.events:
            trip = trips.get(event.trip) if event.trip is not None else None
            if trip is None or event.date is None or event.status == "rejected":
                continue
            if not _within(event.date, trip):
                place = field_line(store, event, "date")
                what = f"event {event.id} is dated {event.date.isoformat()}"
                problems.append(Problem.of("W304", place.file, place.line, what + _outside(trip)))
    return problems


def _within(day: date, trip: Trip) -> bool:
    slack = timedelta(days=1 if trip.approximate else 0)
    return trip.start - slack <= day <= trip.end + slack


def _outside(trip: Trip) -> str:
    return (
        f", outside trip {trip.ordinal} ({trip.start.isoformat()} to {trip.end.isoformat()}"
        f"{', approximate' if trip.approximate else ''}): is it filed under the right trip, "
        "or are the trip's dates in data/trips.yml wrong?"
    )
