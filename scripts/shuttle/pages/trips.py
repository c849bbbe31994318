"""The Timeline, the trips list, and a page per trip (canonical-list-only trips included);
the timeline and each trip's page in parts (pages.paging)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup

from shuttle.dates import long_day
from shuttle.pages import paging
from shuttle.pages import view as v
from shuttle.pages.context import contexts
from shuttle.pages.env import Links, macro, render
from shuttle.pages.paging import Paged, Unit, html_size
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


@dataclass(frozen=True)
class Line:
    """One unit of the timeline: a quote of a trip, the link to a trip's page, an event."""

    kind: str  # "quote", "more", "event"
    day: date
    item: Any
    entry: Entry | None = None


def render_trips(
    view: v.View, timeline_parts: Paged, trip_parts: dict[int, Paged]
) -> dict[str, str]:
    pages: dict[str, str] = {}
    rows = []
    for trip in view.trips:
        page = v.trip_page(trip.ordinal)
        quotes, _, _ = view.of_trip(trip)
        pages.update(
            paging.render_parts(
                "trip.md.j2", trip_parts[trip.ordinal], view.places, **_trip_context(view, trip),
                contexts=contexts(quotes, view),
            )
        )  # fmt: skip
        rows.append({"trip": trip, "page": page, "sources": len(view.sources_of_trip(trip))})
    pages[v.TRIPS] = render("trips_index.md.j2", v.TRIPS, view.places, trips=rows)
    ctx = contexts(view.quotes, view)
    pages.update(paging.render_parts("timeline.md.j2", timeline_parts, view.places, contexts=ctx))
    return pages


def _trip_context(view: v.View, trip: Trip) -> dict[str, object]:
    return {
        "trip": trip,
        "met": [view.people[p] for p in trip.meetings if p in view.people],
        "toll_start": view.report_on(trip.start),
        "toll_end": view.report_on(trip.end),
        "has_sources": bool(view.sources_of_trip(trip)),
    }


def plan_trip(view: v.View, trip: Trip, budget: int = paging.BUDGET) -> Paged:
    """A trip's page: its sources, events, quotes and figures, each a section, in parts."""
    page = v.trip_page(trip.ordinal)
    links = Links(page)
    sources = sorted(view.sources_of_trip(trip), key=lambda s: (s.published, s.id))
    quotes, figures, events = view.of_trip(trip)
    ctx = contexts(quotes, view)
    show = {name: macro("_trip.md.j2", name) for name in ("source", "event", "figure")}
    block = macro("_macros.md.j2", "quote_block")
    units: list[Unit] = []
    group = paging.group("sources", "Sources on this trip")
    units += [Unit(s, group, html_size(show["source"](links, s))) for s in sources]
    group = paging.group("events", "What happened")
    units += [Unit(e, group, html_size(show["event"](links, e))) for e in events]
    group = paging.group("quotes", "What was said")
    units += [Unit(q, group, html_size(block(links, q, ctx, show_trip=False)) + 2) for q in quotes]
    group = paging.group("figures", "Figures reported", head=FIGURE_HEAD)
    units += [Unit(f, group, html_size(show["figure"](links, f))) for f in figures]
    fixed = paging.fixed_size("trip.md.j2", page, **_trip_context(view, trip), contexts={})
    return paging.paginate(page, units, fixed=fixed, label=paging.titles, budget=budget)


FIGURE_HEAD = "| Date | Number | What | Source |\n|---|---|---|---|\n"


def plan_timeline(view: v.View, budget: int = paging.BUDGET) -> Paged:
    """Trips and key events in date order, each trip a group (its facts, quotes, a link
    to its page, then the events up to the next trip), in parts that say their dates."""
    links, ctx = Links(v.TIMELINE), contexts(view.quotes, view)
    facts, quote, more, event = (
        macro("_timeline.md.j2", name) for name in ("trip_facts", "quote_line", "more", "event")
    )
    units: list[Unit] = []
    group: paging.Group | None = None
    for entry in timeline(view):
        if entry.trip is not None:
            # a date and a number: nothing to escape (as the template's `day` filter)
            title = Markup(f"{long_day(entry.trip.start)}: Trip {entry.trip.ordinal}")
            anchor = f"trip-{entry.trip.ordinal}"
            group = paging.group(anchor, title, entry, head=facts(links, entry))
            units += [
                Unit(Line("quote", entry.day, q), group, html_size(quote(links, q, ctx)))
                for q in entry.quotes
            ]
            units.append(
                Unit(Line("more", entry.day, None, entry), group, html_size(more(links, entry)))
            )
        elif entry.event is not None:
            if group is None:
                group = paging.group("before-the-trips", "Before the first trip")
            e = entry.event
            line = Line("event", e.day, e)
            units.append(Unit(line, group, html_size(event(links, e)), (e.event.id,)))
    fixed = paging.fixed_size("timeline.md.j2", v.TIMELINE, contexts={})
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
