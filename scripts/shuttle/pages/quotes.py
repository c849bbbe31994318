"""The Quotes page (by trip, then by speaker) and the People page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from shuttle.pages import view as v
from shuttle.pages.context import contexts
from shuttle.pages.env import render
from shuttle.schema import Person


@dataclass(frozen=True)
class Group:
    title: str
    anchor: str
    quotes: list[v.QuoteItem]


@dataclass(frozen=True)
class SpeakerRow:
    person: Person
    count: int
    quotes: list[v.QuoteItem]


def render_quotes(view: v.View) -> dict[str, str]:
    groups: dict[int | None, list[v.QuoteItem]] = {}
    for q in view.quotes:
        groups.setdefault(q.trip.ordinal if q.trip else None, []).append(q)
    ordered = []
    for ordinal in sorted(groups, key=lambda o: (o is None, o or 0)):
        title = f"Trip {ordinal}" if ordinal is not None else "Outside the trips"
        anchor = f"trip-{ordinal}" if ordinal is not None else "other"
        trip = next((t for t in view.trips if t.ordinal == ordinal), None)
        if trip is not None:
            title += f": {', '.join(trip.stops[:4])}{'…' if len(trip.stops) > 4 else ''}"
        ordered.append(Group(title, anchor, groups[ordinal]))
    counts = Counter(q.speaker.id for q in view.quotes if q.speaker)
    speakers = [
        SpeakerRow(view.people[pid], n, [])
        for pid, n in sorted(counts.items(), key=lambda kv: (-kv[1], view.people[kv[0]].name))
    ]
    return {
        v.QUOTES: render(
            "quotes.md.j2", v.QUOTES, groups=ordered, speakers=speakers,
            contexts=contexts(view.quotes, view),
        )
    }  # fmt: skip


def render_people(view: v.View) -> dict[str, str]:
    by_person: dict[str, list[v.QuoteItem]] = {}
    for q in view.quotes:
        if q.speaker:
            by_person.setdefault(q.speaker.id, []).append(q)
    shown = [
        p for p in view.people.values()
        if p.id in by_person or view.shown(p.status) or _met(view, p.id)
    ]  # fmt: skip
    rows = [
        SpeakerRow(p, len(by_person.get(p.id, [])), by_person.get(p.id, []))
        for p in sorted(shown, key=lambda p: (p.name.split()[-1].lower(), p.name))
    ]
    page = render("people.md.j2", v.PEOPLE, people=rows, contexts=contexts(view.quotes, view))
    return {v.PEOPLE: page}


def _met(view: v.View, person_id: str) -> bool:
    return any(person_id in t.meetings for t in view.trips)
