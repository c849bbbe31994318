"""The Quotes page (by trip, then by speaker) and the People page, each in parts."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from shuttle.records.schema import Person
from shuttle.site.pages import ownsize, paging, reuse
from shuttle.site.pages import view as v
from shuttle.site.pages.context import contexts
from shuttle.site.pages.env import Links, macro
from shuttle.site.pages.paging import Paged, Unit

SPEAKERS = "by-speaker"
TRANSLATED = "translated"


@dataclass(frozen=True)
class SpeakerRow:
    person: Person
    count: int
    quotes: list[v.QuoteItem]


def plan_quotes(view: v.View, budget: int = paging.BUDGET) -> Paged:
    """The quotes grouped by trip, then the table of speakers, in parts. Under serve,
    the last generation's plan while the quotes, trips and people are the same (the
    sentences the quotes are shown in are their articles': QuoteItem holds them)."""
    handed = (view.quotes, view.trips, view.people, budget)
    return reuse.current().whole(("plan", v.QUOTES), handed, lambda: _plan_quotes(view, budget))


def _plan_quotes(view: v.View, budget: int) -> Paged:
    links, ctx = Links(v.QUOTES), contexts(view.quotes, view)
    block, row = macro("_macros.md.j2", "quote_block"), macro("_macros.md.j2", "speaker_row")
    groups: dict[int | None, list[v.QuoteItem]] = {}
    for q in view.quotes:
        if not q.translated:
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
            paging.unit(q, group, block(links, q, ctx[q.quote.id]), (q.quote.id,), 2)
            for q in groups[ordinal]
        ]
    # Back-translations apart from the speakers' own words, under a heading that says so.
    translated = paging.group(TRANSLATED, "Translated reports: not the speakers' exact words")
    units += [
        paging.unit(q, translated, block(links, q, ctx[q.quote.id]), (q.quote.id,), 2)
        for q in view.quotes
        if q.translated
    ]
    counts = Counter(q.speaker.id for q in view.quotes if q.speaker)
    table = paging.group(
        SPEAKERS, "By speaker", head="| Speaker | Role | Quotes |\n|---|---|---|\n"
    )
    for pid, n in sorted(counts.items(), key=lambda kv: (-kv[1], view.people[kv[0]].name)):
        speaker = SpeakerRow(view.people[pid], n, [])
        units.append(paging.unit(speaker, table, row(links, speaker), key=pid))
    # the introduction and the filter (every speaker and trip) are on part 1 alone
    own = ownsize.own("quotes.md.j2", v.QUOTES, contexts={}, **_filter(view))
    return paging.paginate(
        v.QUOTES, units, fixed=own.first, label=_trips, budget=budget, later=own
    )  # fmt: skip


def _trips(units: list[Unit]) -> str:
    def name(unit: Unit) -> str:
        ordinal = unit.group.data if unit.group else None
        anchor = unit.group.anchor if unit.group else ""
        if anchor in (SPEAKERS, TRANSLATED):
            return "the speakers" if anchor == SPEAKERS else "translated reports"
        return f"Trip {ordinal}" if ordinal is not None else "outside the trips"

    return paging.span_label(name(units[0]), name(units[-1]))


def render_quotes(view: v.View, paged: Paged) -> dict[str, str]:
    ctx = contexts(view.quotes, view)

    def own(part: paging.Part) -> dict[str, object]:
        # each part is handed its own quotes' sentences: what it shows (and, under serve,
        # what it is compared by: pages/reuse.py)
        shown = [u.item.quote.id for u in part.units if isinstance(u.item, v.QuoteItem)]
        return {"contexts": {quote_id: ctx[quote_id] for quote_id in shown}}

    return paging.render_parts("quotes.md.j2", paged, view.places, own, **_filter(view))


def _filter(view: v.View) -> dict[str, object]:
    """What the quotes can be narrowed by: each speaker (with a count), each trip."""
    counts = Counter(q.speaker.id for q in view.quotes if q.speaker)
    speakers = sorted(
        ((view.people[pid], n) for pid, n in counts.items()), key=lambda pn: _order(pn[0])
    )
    ordinals = {q.trip.ordinal for q in view.quotes if q.trip}
    return {"speakers": speakers, "trips": [t for t in view.trips if t.ordinal in ordinals]}


def plan_people(view: v.View, budget: int = paging.BUDGET) -> Paged:
    """Every person quoted, by surname, each quote in short with a link to it in full on
    the quotes page; then those named (met on a trip, or curated) but never quoted, in
    parts. Under serve, the last generation's plan while what it reads is the same."""
    handed = (view.quotes, view.people, view.trips, view.preview, budget)
    return reuse.current().whole(("plan", v.PEOPLE), handed, lambda: _plan_people(view, budget))


def _plan_people(view: v.View, budget: int) -> Paged:
    links = Links(v.PEOPLE)
    ref, role = macro("_macros.md.j2", "quote_ref"), macro("_macros.md.j2", "person_role")
    named = macro("_macros.md.j2", "person_named")
    by_person: dict[str, list[v.QuoteItem]] = {}
    for q in view.quotes:
        if q.speaker:
            by_person.setdefault(q.speaker.id, []).append(q)
    others = [
        p for p in view.people.values()
        if p.id not in by_person and (view.shown(p.status) or _met(view, p.id))
    ]  # fmt: skip
    units: list[Unit] = []
    quoted = sorted((view.people[pid] for pid in by_person), key=_order)
    for p in quoted:
        said = by_person[p.id]
        row = SpeakerRow(p, len(said), said)
        group = paging.group(p.id, p.name, row, head=role(p), index=_initial(p))
        units += [
            paging.unit(q, group, ref(links, q, show_speaker=False), (), 2, key=q.quote.id)
            for q in said
        ]
    if others:
        group = paging.group(NOT_QUOTED, "Named in the sources, not quoted")
        units += [paging.unit(p, group, named(p), (p.id,)) for p in sorted(others, key=_order)]
    fixed = ownsize.fixed_size("people.md.j2", v.PEOPLE)
    return paging.paginate(v.PEOPLE, units, fixed=fixed, label=_names, budget=budget)


NOT_QUOTED = "not-quoted"


def _order(person: Person) -> tuple[str, str]:
    return sort_name(person).lower(), person.name


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
        if isinstance(unit.item, Person):
            return sort_name(unit.item)
        return sort_name(unit.group.data.person) if unit.group else ""

    return paging.span_label(name(units[0]), name(units[-1]))


def render_people(view: v.View, paged: Paged) -> dict[str, str]:
    return paging.render_parts("people.md.j2", paged, view.places)


def _met(view: v.View, person_id: str) -> bool:
    return any(person_id in t.meetings for t in view.trips)
