"""The Quotes page (by trip, then by speaker) and the People page, each in parts."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from shuttle.pages import paging
from shuttle.pages import view as v
from shuttle.pages.context import contexts
from shuttle.pages.env import Links, macro
from shuttle.pages.paging import Paged, Unit, html_size
from shuttle.schema import Person

SPEAKERS = "by-speaker"


@dataclass(frozen=True)
class SpeakerRow:
    person: Person
    count: int
    quotes: list[v.QuoteItem]


def plan_quotes(view: v.View, budget: int = paging.BUDGET) -> Paged:
    """The quotes grouped by trip, then the table of speakers, in parts."""
    links, ctx = Links(v.QUOTES), contexts(view.quotes, view)
    block, row = macro("_macros.md.j2", "quote_block"), macro("_macros.md.j2", "speaker_row")
    groups: dict[int | None, list[v.QuoteItem]] = {}
    for q in view.quotes:
        groups.setdefault(q.trip.ordinal if q.trip else None, []).append(q)
    units: list[Unit] = []
    for ordinal in sorted(groups, key=lambda o: (o is None, o or 0)):
        title = f"Trip {ordinal}" if ordinal is not None else "Outside the trips"
        anchor = f"trip-{ordinal}" if ordinal is not None else "other"
        trip = next((t for t in view.trips if t.ordinal == ordinal), None)
        if trip is not None:
            title += f": {', '.join(trip.stops[:4])}{'…' if len(trip.stops) > 4 else ''}"
        group = paging.group(anchor, title, ordinal)
        units += [
            Unit(q, group, html_size(block(links, q, ctx)) + 2, (q.quote.id,))
            for q in groups[ordinal]
        ]
    counts = Counter(q.speaker.id for q in view.quotes if q.speaker)
    table = paging.group(
        SPEAKERS, "By speaker", head="| Speaker | Role | Quotes |\n|---|---|---|\n"
    )
    for pid, n in sorted(counts.items(), key=lambda kv: (-kv[1], view.people[kv[0]].name)):
        speaker = SpeakerRow(view.people[pid], n, [])
        units.append(Unit(speaker, table, html_size(row(links, speaker))))
    fixed = paging.fixed_size("quotes.md.j2", v.QUOTES, contexts={})
    return paging.paginate(v.QUOTES, units, fixed=fixed, label=_trips, budget=budget)


def _trips(units: list[Unit]) -> str:
    def name(unit: Unit) -> str:
        ordinal = unit.group.data if unit.group else None
        return (
            "the speakers"
            if unit.group and unit.group.anchor == SPEAKERS
            else (f"Trip {ordinal}" if ordinal is not None else "outside the trips")
        )

    return paging.span_label(name(units[0]), name(units[-1]))


def render_quotes(view: v.View, paged: Paged) -> dict[str, str]:
    ctx = contexts(view.quotes, view)
    return paging.render_parts("quotes.md.j2", paged, view.places, contexts=ctx)


def plan_people(view: v.View, budget: int = paging.BUDGET) -> Paged:
    """Every person quoted or met, by surname, with what each said, in parts."""
    links, ctx = Links(v.PEOPLE), contexts(view.quotes, view)
    block, role = macro("_macros.md.j2", "quote_block"), macro("_macros.md.j2", "person_role")
    by_person: dict[str, list[v.QuoteItem]] = {}
    for q in view.quotes:
        if q.speaker:
            by_person.setdefault(q.speaker.id, []).append(q)
    shown = [
        p for p in view.people.values()
        if p.id in by_person or view.shown(p.status) or _met(view, p.id)
    ]  # fmt: skip
    units: list[Unit] = []
    for p in sorted(shown, key=lambda p: (sort_name(p).lower(), p.name)):
        said = by_person.get(p.id, [])
        row = SpeakerRow(p, len(said), said)
        group = paging.group(p.id, p.name, row, head=role(p), index=_initial(p))
        units += [
            Unit(q, group, html_size(block(links, q, ctx, show_speaker=False)) + 2) for q in said
        ]
        if not said:
            units.append(Unit(None, group, html_size("No published quotes.\n")))
    fixed = paging.fixed_size("people.md.j2", v.PEOPLE, contexts={})
    return paging.paginate(v.PEOPLE, units, fixed=fixed, label=_names, budget=budget)


def _initial(person: Person) -> str:
    """The letter part 1 of the people page lists a person under (their sort name's)."""
    first = sort_name(person)[:1].upper()
    return first if first.isalpha() else "#"


# Words after a surname that are not it: "Jr.", "Sr.", regnal and generational numbers.
_AFTER_SURNAME = re.compile(r"(?i:jr|sr)\.?|[IVX]{2,}")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def sort_name(person: Person) -> str:
    """What a person is alphabetised under: the surname ("Abdullah" for King Abdullah II);
    an organisation under its name without a leading article ("State Department")."""
    if person.kind == "organisation":
        return _ARTICLE.sub("", person.name)
    words = person.name.replace(",", " ").split()
    while len(words) > 1 and _AFTER_SURNAME.fullmatch(words[-1]):
        words.pop()
    return words[-1] if words else person.name


def _names(units: list[Unit]) -> str:
    def name(unit: Unit) -> str:
        return sort_name(unit.group.data.person) if unit.group else ""

    return paging.span_label(name(units[0]), name(units[-1]))


def render_people(view: v.View, paged: Paged) -> dict[str, str]:
    ctx = contexts(view.quotes, view)
    return paging.render_parts("people.md.j2", paged, view.places, contexts=ctx)


def _met(view: v.View, person_id: str) -> bool:
    return any(person_id in t.meetings for t in view.trips)
