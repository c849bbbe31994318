"""The Timeline, the trips list, and a page per trip (canonical-list-only trips included)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from shuttle.pages import view as v
from shuttle.pages.context import contexts
from shuttle.pages.env import render
from shuttle.schema import DailyReport, Person, Source, Trip


@dataclass(frozen=True)
class Entry:
    day: date
    trip: Trip | None = None
    trip_page: str = ""
    toll: DailyReport | None = None
    quotes: tuple[v.QuoteItem, ...] = ()
    sources: tuple[Source, ...] = ()
    met: tuple[Person, ...] = ()
    event: v.EventItem | None = None


def render_trips(view: v.View) -> dict[str, str]:
    pages: dict[str, str] = {}
    rows = []
    for trip in view.trips:
        page = v.trip_page(trip.ordinal)
        sources = sorted(view.sources_of_trip(trip), key=lambda s: (s.published, s.id))
        quotes, figures, events = view.of_trip(trip)
        pages[page] = render(
            "trip.md.j2",
            page,
            trip=trip,
            sources=sources,
            met=[view.people[p] for p in trip.meetings if p in view.people],
            quotes=quotes,
            figures=figures,
            events=events,
            toll_start=view.report_on(trip.start),
            toll_end=view.report_on(trip.end),
            contexts=contexts(quotes, view),
        )
        rows.append({"trip": trip, "page": page, "sources": len(sources)})
    pages[v.TRIPS] = render("trips_index.md.j2", v.TRIPS, trips=rows)
    pages[v.TIMELINE] = render(
        "timeline.md.j2",
        v.TIMELINE,
        entries=timeline(view),
        contexts=contexts(view.quotes, view),
    )
    return pages


def timeline(view: v.View) -> list[Entry]:
    entries = []
    for trip in view.trips:
        entries.append(
            Entry(
                day=trip.start,
                trip=trip,
                trip_page=v.trip_page(trip.ordinal),
                toll=view.report_on(trip.start),
                quotes=tuple(view.of_trip(trip)[0]),
                sources=tuple(sorted(view.sources_of_trip(trip), key=lambda s: s.published)),
                met=tuple(view.people[p] for p in trip.meetings if p in view.people),
            )
        )
    entries += [Entry(day=e.day, event=e) for e in view.events]
    # trips before events of the same day; events in source order
    return sorted(entries, key=lambda e: (e.day, e.trip is None))
