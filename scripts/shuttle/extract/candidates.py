"""What the extractors propose: plain frozen records with character spans into the text,
and `to_json`, their one serialisation (`shuttle extract --json`).

Offsets are Python string indices (code points) into the article text as read from disk
(UTF-8 decoded, nothing normalised), so `text[start:end]` gives back the span exactly.

The JSON is these records' fields, in their order (the contract's keys first, extras
after): a field added here is in the JSON, with nothing else to change. A candidate
carries every field its model marks MACHINE in records/schema.py, under the model's name
or the one curation/proposals.py maps it from (tests/test_proposals.py holds both).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import get_args

from shuttle.records.fields import Measure, PersonKind, QuoteKind

MEASURES: tuple[str, ...] = get_args(Measure)


@dataclass(frozen=True)
class KnownPerson:
    """A person or organisation the curated data already knows (input to speaker resolution)."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    organisation: str | None = None
    kind: PersonKind = "person"


@dataclass(frozen=True)
class PersonCandidate:
    """Someone quoted or met whom the article names; proposed for data/people.yml."""

    name: str
    role: str | None = None
    organisation: str | None = None
    kind: PersonKind = "person"


@dataclass(frozen=True, kw_only=True)
class QuoteCandidate:
    text: str  # the words between the quote marks, exactly as in the article
    speaker: str | None  # canonical name (a KnownPerson.name or a PersonCandidate.name)
    kind: QuoteKind = "full"
    start: int  # offsets of `text` (marks excluded)
    end: int
    cue: str | None = None  # the attribution as written: "said late Wednesday"
    said_on: date | None = None  # when the article says when it was said
    interpreted: bool = False  # a transcript turn given through an interpreter


@dataclass(frozen=True, kw_only=True)
class FigureCandidate:
    value: int
    qualifier: str | None = None  # normalised: "more than", "at least", "about", ...
    measure: Measure
    subject: str | None = None  # who was counted: "Palestinians in Gaza"
    attribution: str | None = None  # whose figure: "Health Ministry in Gaza"
    sentence: str  # the whole sentence the number stands in
    start: int  # offsets of `text`
    end: int
    text: str  # the number as written: "27,840", "four", "a dozen"
    label: str | None = None  # what is counted when measure is "other": "ballistic missiles"
    as_of: date | None = None  # the date the figure refers to
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True, kw_only=True)
class TripCandidate:
    ordinal: int | None = None  # the trip number the article claims ("his fifth" -> 5)
    places: tuple[str, ...] = ()
    meetings: tuple[str, ...] = ()  # canonical names of the people met
    ordinal_text: str | None = None  # as written: "his fifth to the region"
    ordinal_start: int | None = None
    ordinal_end: int | None = None


@dataclass(frozen=True, kw_only=True)
class EventCandidate:
    """A sentence stating an event with its date and actors, for an editor to summarise."""

    sentence: str
    start: int
    end: int
    on: date | None = None
    actors: tuple[str, ...] = ()
    kind: str | None = None  # "resignation", "rescue", "killing", "proposal", ...


@dataclass(frozen=True)
class ArticleCandidates:
    quotes: tuple[QuoteCandidate, ...] = ()
    figures: tuple[FigureCandidate, ...] = ()
    trip: TripCandidate = field(default_factory=TripCandidate)
    events: tuple[EventCandidate, ...] = ()
    people: tuple[PersonCandidate, ...] = ()


def to_json(file: str, found: ArticleCandidates) -> dict[str, object]:
    """The candidates as plain JSON data: each record's fields in their order, dates as
    YYYY-MM-DD, tuples as lists."""
    return {"file": file} | {f.name: _plain(getattr(found, f.name)) for f in fields(found)}


def _plain(value: object) -> object:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
