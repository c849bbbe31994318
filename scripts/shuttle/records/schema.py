"""The shape of every data file, declared once.

Validation, the JSON Schemas that editors' tools use (`shuttle schema`), the field
ownership that merge respects, the extractors' proposals and the downloads' columns all
come from these models. Strict: no silent coercion ("12" is not 12), no unknown fields;
dates are written as YYYY-MM-DD. What a field may hold is in fields.py.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator

from shuttle.records.fields import (
    CITE_HELP,
    MACHINE,
    NOT_DOWNLOADED,
    Cite,
    Count,
    Day,
    FileName,
    Fingerprint,
    Measure,
    Note,
    Offset,
    Ordinal,
    PersonKind,
    QuoteKind,
    Record,
    RecordId,
    ReportSource,
    Review,
    Sha256,
    Slug,
    SourceId,
    Text,
    Url,
)

# --- seeds/sources.yml -------------------------------------------------------------------


class Source(Record):
    """An article as published, and what an editor knows of it."""

    id: SourceId
    file: Annotated[FileName, NOT_DOWNLOADED] = Field(
        description="the article's text file in seeds/"
    )
    title: Text
    outlet: Text = Field(description="who wrote the report (AP, AFP, New York Times, ...)")
    published: Day
    event_date: Day = Field(description="the day the events described took place")
    url: Url | None = Field(default=None, description="where a reader can find this text")
    canonical_url: Annotated[Url | None, NOT_DOWNLOADED] = Field(
        default=None,
        description="the original publication, where it can be established (url may be a copy)",
    )
    republished_by: Text | None = None
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$"), NOT_DOWNLOADED] = "en"
    machine_translation: bool = False
    truncated: Annotated[bool, NOT_DOWNLOADED] = False
    trip: Ordinal | None = Field(
        default=None, description="the canonical trip (data/trips.yml ordinal) it covers"
    )
    notes: Note = None
    licence: Annotated[Text | None, NOT_DOWNLOADED] = Field(
        default=None,
        description=(
            "the terms the text is published under, e.g. 'public domain (U.S. government "
            "work)' or 'copyright Associated Press'; the site publishes the full text only "
            "when it is public domain or named in full_text_licences"
        ),
    )
    sha256: Sha256 = Field(description="sha256 of the article file; a changed text is caught")


class SourcesFile(Record):
    full_text_licences: list[Text] = Field(
        default_factory=list,
        description=(
            "licences besides public domain under which the site publishes an article's "
            "full text (e.g. 'CC BY 4.0'); matched against a source's licence up to ' ('"
        ),
    )
    sources: list[Source]


# --- data/people.yml ---------------------------------------------------------------------


class Person(Record):
    """A person or organisation quoted or met; quotes name them by id."""

    id: RecordId
    name: Annotated[Text, MACHINE] = Field(description="canonical name, as the explainer prints it")
    kind: Annotated[PersonKind, MACHINE] = "person"
    aliases: list[Text] = Field(default_factory=list, description="other names articles use")
    role: Annotated[Text | None, MACHINE] = None
    organisation: Annotated[Text | None, MACHINE] = None
    status: Review = "candidate"
    note: Note = None
    extracted: Fingerprint = None


class PeopleFile(Record):
    people: list[Person]


# --- data/trips.yml ----------------------------------------------------------------------


class TripCites(Record):
    """Where the sources say what the canonical list says of a trip."""

    dates: list[Cite] = Field(default_factory=list, description="for start and end")
    stops: list[Cite] = Field(default_factory=list)
    meetings: list[Cite] = Field(default_factory=list)


class CitedLine(Record):
    """One sentence an editor wrote, and the paragraphs that support it."""

    text: Text = Field(description="one sentence")
    cite: list[Cite] = Field(default_factory=list, description="at least one; " + CITE_HELP)


class Trip(Record):
    """A trip of the canonical list: what the articles' "Nth trip" is checked against."""

    ordinal: Ordinal
    start: Day
    end: Day
    approximate: bool = False
    stops: list[Text]
    meetings: Annotated[list[Slug], NOT_DOWNLOADED] = Field(
        default_factory=list, description="people ids he met"
    )
    cites: Annotated[TripCites | None, NOT_DOWNLOADED] = Field(
        default=None, description="sources for dates, stops, meetings"
    )
    sought: Annotated[list[CitedLine], NOT_DOWNLOADED] = Field(
        default_factory=list, description="what he sought, one cited sentence an item"
    )
    summary: list[CitedLine] = Field(
        default_factory=list, description="what came of it, one cited sentence an item"
    )
    disagreements: Annotated[list[CitedLine], NOT_DOWNLOADED] = Field(
        default_factory=list,
        description="where a source and this list disagree (shown on the disagreements page)",
    )
    note: Note = None
    reported_by: list[Text] = Field(default_factory=list)

    @field_validator("end")
    @classmethod
    def _ends_after_start(cls, end: date, info: ValidationInfo) -> date:
        start = info.data.get("start")
        if isinstance(start, date) and end < start:
            raise ValueError(f"{end} is before the trip's start, {start}; swap them or fix one")
        return end


class TripsFile(Record):
    trips: list[Trip]


# --- data/articles/<source>.yml ------------------------------------------------------------


class Quote(Record):
    """Words between quote marks, at characters start..end of the article's text."""

    id: RecordId
    text: Annotated[Text, MACHINE] = Field(
        description="exactly the article's characters start..end"
    )
    start: Annotated[Offset, MACHINE, NOT_DOWNLOADED]
    end: Annotated[Offset, MACHINE, NOT_DOWNLOADED]
    speaker: Annotated[Slug | None, MACHINE] = Field(
        default=None, description="people id of who said it"
    )
    kind: Annotated[QuoteKind, MACHINE] = Field(
        default="full",
        description="fragment: a few words quoted in a sentence; transcript: a sentence of a "
        "speaker's turn in a transcript (no quote marks)",
    )
    interpreted: Annotated[bool, NOT_DOWNLOADED] = Field(
        default=False, description="spoken through an interpreter"
    )
    cue: Annotated[Text | None, MACHINE] = Field(
        default=None, description="the attribution as written"
    )
    said_on: Annotated[Day | None, MACHINE] = None
    key: Annotated[bool, NOT_DOWNLOADED] = Field(
        default=False, description="an editor's pick: one of the few quotes its trip's page shows"
    )
    status: Review = "candidate"
    note: Note = None
    extracted: Fingerprint = None


class Figure(Record):
    """A number the article reports, at characters start..end (the number as written)."""

    id: RecordId
    text: Annotated[Text, MACHINE] = Field(description="the number as written: 27,840 or four")
    start: Annotated[Offset, MACHINE, NOT_DOWNLOADED]
    end: Annotated[Offset, MACHINE, NOT_DOWNLOADED]
    value: Annotated[Count, MACHINE]
    measure: Annotated[Measure, MACHINE]
    qualifier: Annotated[Text | None, MACHINE] = Field(
        default=None, description="more than, at least, about, ..."
    )
    label: Annotated[Text | None, MACHINE] = Field(
        default=None, description="what is counted, when measure is other"
    )
    subject: Annotated[Text | None, MACHINE] = Field(default=None, description="who was counted")
    attribution: Annotated[Text | None, MACHINE] = Field(
        default=None, description="whose figure it is"
    )
    as_of: Annotated[Day | None, MACHINE] = Field(
        default=None, description="the day the figure refers to"
    )
    status: Review = "candidate"
    note: Note = None
    extracted: Fingerprint = None


class Event(Record):
    """A key fact the article reports, cited by the sentence at start..end."""

    id: RecordId
    date: Annotated[Day | None, MACHINE] = None
    summary: Annotated[Text, MACHINE] = Field(description="one line, as an editor would write it")
    sentence: Annotated[Text, MACHINE, NOT_DOWNLOADED] = Field(
        description="exactly the article's characters start..end"
    )
    start: Annotated[Offset, MACHINE, NOT_DOWNLOADED]
    end: Annotated[Offset, MACHINE, NOT_DOWNLOADED]
    kind: Annotated[Text | None, MACHINE] = None
    trip: Ordinal | None = None
    status: Review = "candidate"
    note: Note = None
    extracted: Fingerprint = None


class TripClaim(Record):
    """The trip the article describes, as the article itself counts it."""

    ordinal: Annotated[Ordinal | None, MACHINE] = None
    text: Annotated[Text | None, MACHINE] = Field(
        default=None, description="the claim as written: his fifth trip"
    )
    start: Annotated[Offset | None, MACHINE] = None
    end: Annotated[Offset | None, MACHINE] = None
    places: Annotated[list[Text], MACHINE] = Field(default_factory=list)
    meetings: Annotated[list[Text], MACHINE] = Field(default_factory=list)
    status: Review = "candidate"
    note: Note = None
    extracted: Fingerprint = None


class ArticleFile(Record):
    """Everything taken from one article; the file is named after the source id."""

    source: Slug
    trip_claim: TripClaim | None = None
    quotes: list[Quote] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)


# --- data/casualties.yml -----------------------------------------------------------------


class Dataset(Record):
    title: Text
    publisher: Text
    compiled_by: Text
    url: Url
    license: Text
    caveats: list[Text] = Field(default_factory=list)


class DailyReport(Record):
    date: Day
    source: ReportSource
    killed: Count | None = Field(default=None, description="as reported")
    injured: Count | None = None
    killed_filled: Count = Field(description="gap-filled by the compiler")
    injured_filled: Count


class CasualtiesFile(Record):
    dataset: Dataset
    reports: list[DailyReport]
