"""The shape of every data file, declared once.

Validation, the JSON Schemas that editors' tools use (`shuttle schema`), and the field
ownership that merge respects all come from these models. Strict: no silent coercion
("12" is not 12), no unknown fields; dates are written as YYYY-MM-DD.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

# The vocabularies the extractors propose are the ones the data holds: declared once.
from shuttle.extract.candidates import Measure, PersonKind, QuoteKind

Status = Literal["candidate", "verified", "rejected"]
ReportSource = Literal["mohtel", "gmotel", "unocha", "missing"]


def _iso_day(value: Any) -> Any:
    """Dates are read as text or as YAML dates; either way they must be real days."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value) if len(value) == 10 else value
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a real date ({exc})") from None
    return value


Day = Annotated[date, BeforeValidator(_iso_day)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=120)]


def _not_a_part(value: str) -> str:
    if _PART.fullmatch(value):
        raise ValueError(
            f"{value!r} is the address of a part of the sources list; choose another id"
        )
    return value


_PART = re.compile(r"page-[0-9]+")
# An article's page is sources/<id>/; the parts of the long sources list are sources/page-N/.
SourceId = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
        max_length=120,
        json_schema_extra={"not": {"pattern": "^page-[0-9]+$"}},
    ),
    AfterValidator(_not_a_part),
]
Text = Annotated[str, Field(min_length=1, max_length=20_000)]
Offset = Annotated[int, Field(ge=0)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Url = Annotated[str, Field(pattern=r"^https?://[^\s<>\"']+$", max_length=2000)]
FileName = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*\.txt$", max_length=200)]

STATUS_HELP = (
    "candidate: proposed by `shuttle extract`, not yet read by an editor; "
    "verified: an editor checked it against the article (published); "
    "rejected: an editor decided it is not a fact to publish (kept so it is never re-proposed)"
)
EXTRACTED_HELP = "fingerprint of what the machine last wrote; leave it alone (see README)"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- seeds/sources.yml -------------------------------------------------------------------


class Source(Record):
    """An article as published, and what an editor knows of it."""

    id: SourceId
    file: FileName = Field(description="the article's text file in seeds/")
    title: Text
    outlet: Text = Field(description="who wrote the report (AP, AFP, New York Times, ...)")
    published: Day
    event_date: Day = Field(description="the day the events described took place")
    url: Url | None = Field(default=None, description="where a reader can find this text")
    canonical_url: Url | None = Field(
        default=None,
        description="the original publication, where it can be established (url may be a copy)",
    )
    republished_by: Text | None = None
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$")] = "en"
    machine_translation: bool = False
    truncated: bool = False
    trip: Annotated[int, Field(ge=1)] | None = Field(
        default=None, description="the canonical trip (data/trips.yml ordinal) it covers"
    )
    notes: Text | None = None
    licence: Text | None = Field(
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

    id: Slug
    name: Text = Field(description="canonical name, as the explainer prints it")
    kind: PersonKind = "person"
    aliases: list[Text] = Field(default_factory=list, description="other names articles use")
    role: Text | None = None
    organisation: Text | None = None
    status: Status = Field(default="candidate", description=STATUS_HELP)
    note: Text | None = None
    extracted: str | None = Field(default=None, description=EXTRACTED_HELP)


class PeopleFile(Record):
    people: list[Person]


# --- data/trips.yml ----------------------------------------------------------------------


# A citation of a paragraph: "source-id#pN", N as numbered on the source's page. Checked
# by checks/citations.py (a located message per bad one), not here: one bad citation must
# not make the whole trips file unreadable.
CITE_HELP = 'a paragraph of a source, "source-id#pN" (N as numbered on its page)'
Cite = Annotated[
    str,
    Field(
        min_length=1,
        max_length=200,
        description=CITE_HELP,
        # for editors' tools only (VS Code flags it as they type): validation is lenient
        json_schema_extra={"pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*#p[1-9][0-9]*$"},
    ),
]


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

    ordinal: Annotated[int, Field(ge=1)]
    start: Day
    end: Day
    approximate: bool = False
    stops: list[Text]
    meetings: list[Slug] = Field(default_factory=list, description="people ids he met")
    cites: TripCites | None = Field(default=None, description="sources for dates, stops, meetings")
    sought: list[CitedLine] = Field(
        default_factory=list, description="what he sought, one cited sentence an item"
    )
    summary: list[CitedLine] = Field(
        default_factory=list, description="what came of it, one cited sentence an item"
    )
    disagreements: list[CitedLine] = Field(
        default_factory=list,
        description="where a source and this list disagree (shown on the disagreements page)",
    )
    note: Text | None = None
    reported_by: list[Text] = Field(default_factory=list)


class TripsFile(Record):
    trips: list[Trip]


# --- data/articles/<source>.yml ------------------------------------------------------------


class Quote(Record):
    """Words between quote marks, at characters start..end of the article's text."""

    id: Slug
    text: Text = Field(description="exactly the article's characters start..end")
    start: Offset
    end: Offset
    speaker: Slug | None = Field(default=None, description="people id of who said it")
    kind: QuoteKind = Field(
        default="full", description="fragment: a few words quoted in a sentence"
    )
    cue: Text | None = Field(default=None, description="the attribution as written")
    said_on: Day | None = None
    key: bool = Field(
        default=False, description="an editor's pick: one of the few quotes its trip's page shows"
    )
    status: Status = Field(default="candidate", description=STATUS_HELP)
    note: Text | None = None
    extracted: str | None = Field(default=None, description=EXTRACTED_HELP)


class Figure(Record):
    """A number the article reports, at characters start..end (the number as written)."""

    id: Slug
    text: Text = Field(description="the number as written: 27,840 or four")
    start: Offset
    end: Offset
    value: Annotated[int, Field(ge=0)]
    measure: Measure
    qualifier: Text | None = Field(default=None, description="more than, at least, about, ...")
    label: Text | None = Field(default=None, description="what is counted, when measure is other")
    subject: Text | None = Field(default=None, description="who was counted")
    attribution: Text | None = Field(default=None, description="whose figure it is")
    as_of: Day | None = Field(default=None, description="the day the figure refers to")
    status: Status = Field(default="candidate", description=STATUS_HELP)
    note: Text | None = None
    extracted: str | None = Field(default=None, description=EXTRACTED_HELP)


class Event(Record):
    """A key fact the article reports, cited by the sentence at start..end."""

    id: Slug
    date: Day | None = None
    summary: Text = Field(description="one line, as an editor would write it")
    sentence: Text = Field(description="exactly the article's characters start..end")
    start: Offset
    end: Offset
    kind: Text | None = None
    trip: Annotated[int, Field(ge=1)] | None = None
    status: Status = Field(default="candidate", description=STATUS_HELP)
    note: Text | None = None
    extracted: str | None = Field(default=None, description=EXTRACTED_HELP)


class TripClaim(Record):
    """The trip the article describes, as the article itself counts it."""

    ordinal: Annotated[int, Field(ge=1)] | None = None
    text: Text | None = Field(default=None, description="the claim as written: his fifth trip")
    start: Offset | None = None
    end: Offset | None = None
    places: list[Text] = Field(default_factory=list)
    meetings: list[Text] = Field(default_factory=list)
    status: Status = Field(default="candidate", description=STATUS_HELP)
    note: Text | None = None
    extracted: str | None = Field(default=None, description=EXTRACTED_HELP)


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
    killed: Annotated[int, Field(ge=0)] | None = Field(default=None, description="as reported")
    injured: Annotated[int, Field(ge=0)] | None = None
    killed_filled: Annotated[int, Field(ge=0)] = Field(description="gap-filled by the compiler")
    injured_filled: Annotated[int, Field(ge=0)]


class CasualtiesFile(Record):
    dataset: Dataset
    reports: list[DailyReport]


# The files editors edit, by the name their JSON Schema is exported under.
FILE_MODELS: dict[str, type[Record]] = {
    "sources": SourcesFile,
    "people": PeopleFile,
    "trips": TripsFile,
    "article": ArticleFile,
    "casualties": CasualtiesFile,
}


def json_schemas() -> dict[str, str]:
    """The JSON Schema text of each file model, deterministic, keyed by file name."""
    out: dict[str, str] = {}
    for name, model in FILE_MODELS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{name}.schema.json"
        out[f"{name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out
