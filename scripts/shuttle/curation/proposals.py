"""Turns what the extractors found into records as they would be written in data/.

Ids are stable across runs: they hash the source id and the start offset of the span,
which does not move when the extractors improve (the article text itself is fixed by
its hash). Speakers become people ids by name or alias; unknown ones get a new id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from shuttle.extract.candidates import (
    ArticleCandidates,
    KnownPerson,
    PersonCandidate,
)
from shuttle.records.fields import (
    MAX_COUNT,
    MAX_ORDINAL,
    Record,
    is_plausible_day,
    is_visible,
    machine_fields,
)
from shuttle.records.schema import Event, Figure, Person, Quote, TripClaim


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:80].strip("-") or "unnamed"


def record_id(prefix: str, source_id: str, start: int) -> str:
    digest = hashlib.sha1(f"{source_id}\0{start}".encode()).hexdigest()[:10]
    return f"{prefix}-{digest}"


def name_key(name: str) -> str:
    """How names are compared: case, accents, dots and spacing do not matter."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).strip()


def known_people(people: Iterable[Person]) -> list[KnownPerson]:
    return [
        KnownPerson(
            id=p.id,
            name=p.name,
            aliases=tuple(p.aliases),
            role=p.role,
            organisation=p.organisation,
            kind=p.kind,
        )
        for p in people
        if p.status != "rejected"
    ]


@dataclass
class PeopleIndex:
    """Resolves a canonical name to a people id, growing as new people are proposed."""

    by_key: dict[str, str] = field(default_factory=dict)
    new: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> record to add
    proposed_by: dict[str, str] = field(default_factory=dict)  # new id -> first source
    source: str | None = None  # the source being read, set by article_records

    @classmethod
    def of(cls, people: Iterable[Person]) -> PeopleIndex:
        index = cls()
        # A rejected person (say, one merged into another) keeps their id taken, but
        # their names resolve to whoever else carries them: the live people go first.
        for person in sorted(people, key=lambda p: p.status == "rejected"):
            for name in (person.name, *person.aliases):
                index.by_key.setdefault(name_key(name), person.id)
            index.by_key.setdefault(person.id, person.id)
        return index

    def resolve(self, name: str, proposal: PersonCandidate | None = None) -> str:
        key = name_key(name)
        if key in self.by_key:
            return self.by_key[key]
        person_id = slugify(name)
        taken = set(self.by_key.values())
        base, n = person_id, 2
        while person_id in taken:
            person_id, n = f"{base}-{n}", n + 1
        self.by_key[key] = person_id
        record: dict[str, Any] = {"id": person_id, "name": name}
        if proposal is not None:
            record["kind"] = proposal.kind
            if proposal.role:
                record["role"] = proposal.role
            if proposal.organisation:
                record["organisation"] = proposal.organisation
        self.new[person_id] = record
        if self.source is not None:
            self.proposed_by[person_id] = self.source
        return person_id


# A model's field the candidate calls otherwise (its JSON keys are a contract): the
# candidate's name for it. Every other MACHINE field is the candidate's field of its name.
CANDIDATE_NAMES: dict[type[Record], dict[str, str]] = {
    Event: {"date": "on", "summary": "sentence"},
    TripClaim: {"text": "ordinal_text", "start": "ordinal_start", "end": "ordinal_end"},
}


def _proposed(value: Any) -> Any:
    """Only what the schema accepts is proposed (a file extract writes must check): text
    that shows nothing, or a date outside the project's years, is left out (an article
    may well mention 1948)."""
    if isinstance(value, str):
        return value if is_visible(value) else None
    if isinstance(value, date):
        return value if is_plausible_day(value) else None
    if isinstance(value, tuple | list):
        return [item for item in value if not isinstance(item, str) or is_visible(item)]
    return value


def proposal(model: type[Record], found: object, **given: Any) -> dict[str, Any]:
    """The record `model` would hold for a candidate: the fields the model marks MACHINE,
    in its order, each the candidate's field of that name (or of CANDIDATE_NAMES) unless
    `given`; then any other field of the model the candidate carries, when it is not the
    model's default (a quote's `interpreted`: proposed, then the editors')."""
    names = CANDIDATE_NAMES.get(model, {})
    record = {
        name: _proposed(given[name] if name in given else getattr(found, names.get(name, name)))
        for name in machine_fields(model)
    }
    carried = {f.name for f in fields(found)}  # type: ignore[arg-type]
    for name, info in model.model_fields.items():
        if name not in record and name in carried:
            value = getattr(found, name)
            if value != info.default:
                record[name] = _proposed(value)
    return record


def article_records(
    source_id: str, found: ArticleCandidates, people: PeopleIndex
) -> dict[str, Any]:
    """Records for data/articles/<source_id>.yml, fields in the order of their models."""
    # A candidate whose words show nothing, or a count past the plausible, is no record.
    people.source = source_id
    proposed_people = {name_key(p.name): p for p in found.people if is_visible(p.name)}
    for person in found.people:
        if is_visible(person.name):
            people.resolve(person.name, person)

    quotes = []
    for q in found.quotes:
        if not is_visible(q.text):
            continue
        speaker = (
            people.resolve(q.speaker, proposed_people.get(name_key(q.speaker)))
            if q.speaker and is_visible(q.speaker)
            else None
        )
        quotes.append(
            {"id": record_id("q", source_id, q.start), **proposal(Quote, q, speaker=speaker)}
        )
    figures = [
        {"id": record_id("f", source_id, f.start), **proposal(Figure, f)}
        for f in found.figures
        if is_visible(f.text) and 0 <= f.value <= MAX_COUNT
    ]
    events = [
        {"id": record_id("e", source_id, e.start), **proposal(Event, e)}
        for e in found.events
        if is_visible(e.sentence)
    ]
    trip = found.trip
    claim = None
    counted = trip.ordinal is None or trip.ordinal <= MAX_ORDINAL  # else: no claim to keep
    if counted:
        claim = proposal(TripClaim, trip)
    else:  # a count past the plausible: only the places and the people met are kept
        claim = proposal(TripClaim, trip, ordinal=None, text=None, start=None, end=None)
    if claim["ordinal"] is None and not claim["places"] and not claim["meetings"]:
        claim = None
    return {"trip_claim": claim, "quotes": quotes, "figures": figures, "events": events}
