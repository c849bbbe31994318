"""The Timeline, the trips list, and a page per trip (canonical-list-only trips included);
the timeline and each trip's page in parts (pages.paging)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from shuttle.dates import long_day
from shuttle.records import cites
from shuttle.records.schema import DailyReport, Person, Source, Trip
from shuttle.site.pages import ownsize, paging
from shuttle.site.pages import view as v
from shuttle.site.pages.env import Links, macro, render
from shuttle.site.pages.paging import Paged, Unit


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


@dataclass(frozen=True)
class Line:
    """One card of the timeline: a trip, or an event."""

    kind: str  # "trip", "event"
    day: date
    item: Any
    entry: Entry | None = None


BLINKEN = "antony-blinken"  # data/people.yml
KEY_QUOTES = 3  # quotes a trip's page shows in short when no editor marked any `key`


@dataclass(frozen=True)
class Chapter:
    trip: Trip
    page: str


def render_trips(
    view: v.View, timeline_parts: Paged, trip_parts: dict[int, Paged]
) -> dict[str, str]:
    pages: dict[str, str] = {}
    rows = []
    for trip in view.trips:
        page = v.trip_page(trip.ordinal)
        pages.update(
            paging.render_parts(
                "trip.md.j2", trip_parts[trip.ordinal], view.places, **_trip_context(view, trip)
            )
        )
        rows.append({"trip": trip, "page": page, "sources": len(sources_counted(view, trip))})
    pages[v.TRIPS] = render("trips_index.md.j2", v.TRIPS, view.places, trips=rows)
    pages.update(paging.render_parts("timeline.md.j2", timeline_parts, view.places))
    return pages


def key_quotes(quotes: list[v.QuoteItem]) -> list[v.QuoteItem]:
    """The few quotes a trip's page shows: those an editor marked `key`; else the first
    few verbatim ones (never a back-translation), Blinken's first."""
    marked = [q for q in quotes if q.quote.key]
    if marked:
        return marked
    verbatim = [q for q in quotes if not q.translated and q.quote.kind == "full"]
    # Blinken's own words first: the chapter is his trip
    verbatim.sort(key=lambda q: not (q.speaker and q.speaker.id == BLINKEN))
    return verbatim[:KEY_QUOTES]


def sources_counted(view: v.View, trip: Trip) -> set[str]:
    """The sources of a trip: those about it, and those its entry in data/trips.yml cites."""
    cited = {s for s in cites.sources_of_trip(trip) if s in view.sources}
    return {s.id for s in view.sources_of_trip(trip)} | cited


def _trip_context(view: v.View, trip: Trip) -> dict[str, object]:
    index = view.trips.index(trip)
    before = view.trips[index - 1] if index > 0 else None
    after = view.trips[index + 1] if index + 1 < len(view.trips) else None
    quotes, _, _ = view.of_trip(trip)
    return {
        "trip": trip,
        "met": [view.people[p] for p in trip.meetings if p in view.people],
        "toll_start": view.report_on(trip.start),
        "toll_end": view.report_on(trip.end),
        "has_sources": bool(view.sources_of_trip(trip)),
        "previous": Chapter(before, v.trip_page(before.ordinal)) if before else None,
        "following": Chapter(after, v.trip_page(after.ordinal)) if after else None,
        "key_quotes": key_quotes(quotes),
        "quote_count": len(quotes),
        "names": view.citation_names,
    }


def plan_trip(view: v.View, trip: Trip, budget: int = paging.BUDGET) -> Paged:
    """A trip's page: the chapter (what he sought, key quotes, what came of it), then its
    events, sources and figures, each a section, in parts. Its quotes are in full on the
    quotes page only."""
    page = v.trip_page(trip.ordinal)
    links = Links(page)
    sources = sorted(view.sources_of_trip(trip), key=lambda s: (s.published, s.id))
    _, figures, events = view.of_trip(trip)
    show = {name: macro("_trip.md.j2", name) for name in ("source", "event", "figure")}
    units: list[Unit] = []
    group = paging.group("events", "What happened")
    units += [paging.unit(e, group, show["event"](links, e)) for e in events]
    group = paging.group("sources", "Sources on this trip")
    units += [paging.unit(s, group, show["source"](links, s)) for s in sources]
    group = paging.group("figures", "Figures reported", head=FIGURE_HEAD)
    units += [paging.unit(f, group, show["figure"](links, f)) for f in figures]
    own = ownsize.own("trip.md.j2", page, **_trip_context(view, trip))
    return paging.paginate(
        page, units, fixed=own.first, label=paging.titles, budget=budget, later=own
    )


FIGURE_HEAD = "| Date | Number | Who was counted | Source |\n|---|---|---|---|\n"


def plan_timeline(view: v.View, budget: int = paging.BUDGET) -> Paged:
    """Trips and key events in date order, one card each (dated, a line, a link), in
    parts that say their dates."""
    links = Links(v.TIMELINE)
    trip_card, event_card = (macro("_timeline.md.j2", name) for name in ("trip", "event"))
    units: list[Unit] = []
    for entry in timeline(view):
        if entry.trip is not None:
            anchor = f"trip-{entry.trip.ordinal}"
            line = Line("trip", entry.day, entry.trip, entry)
            units.append(paging.unit(line, None, trip_card(links, entry), (anchor,)))
        elif entry.event is not None:
            e = entry.event
            line = Line("event", e.day, e)
            units.append(paging.unit(line, None, event_card(links, e), (e.event.id,)))
    fixed = ownsize.fixed_size("timeline.md.j2", v.TIMELINE)
    return paging.paginate(v.TIMELINE, units, fixed=fixed, label=_days, budget=budget)


def _days(units: list[Unit]) -> str:
    return paging.span_label(long_day(units[0].item.day), long_day(units[-1].item.day))


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
