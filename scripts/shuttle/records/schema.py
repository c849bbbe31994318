"""The shape of every data file, declared once.

Validation, the JSON Schemas that editors' tools use (`shuttle schema`), and the field
ownership that merge respects all come from these models. Strict: no silent coercion
("12" is not 12), no unknown fields; dates are written as YYYY-MM-DD.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, datetime
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)

# The vocabularies the data holds, declared here once: the extractors propose these.
QuoteKind = Literal["full", "fragment", "transcript"]
Measure = Literal[
    "killed",
    "injured",
    "hostages_taken",
    "hostages_released",
    "hostages_held",
    "prisoners_released",
    "displaced",
    "other",
]
PersonKind = Literal["person", "organisation"]
Status = Literal["candidate", "verified", "rejected"]
ReportSource = Literal["mohtel", "gmotel", "unocha", "missing"]


# A value outside the plausible range is refused with this prefix (E105, not E102).
OUT_OF_RANGE = "out of range: "
# Every date of the project lies in the war and its diplomacy (the war began 2023-10-07;
# a background article may be older): a year 1 or 9999 is a typing slip, never data.
FIRST_DAY = date(2023, 1, 1)
LAST_DAY = date(2030, 12, 31)
# Counts: more than ten billion of anything is not a report but a slip (and a number
# that large would overflow the float arithmetic of the consistency checks).
MAX_COUNT = 10_000_000_000
MAX_OFFSET = 2_000_000  # characters: the longest article textio reads
MAX_ORDINAL = 1000  # trips


def _iso_day(value: Any) -> Any:
    """Dates are read as text or as YAML dates; either way they must be real days."""
    if isinstance(value, datetime):  # a timestamp would be cut to its day silently
        zone = " and a time zone" if value.tzinfo is not None else ""
        raise ValueError(f"{value.isoformat()} has a time{zone}; write the day alone (YYYY-MM-DD)")
    if isinstance(value, str):
        try:
            return date.fromisoformat(value) if len(value) == 10 else value
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a real date ({exc})") from None
    return value


def _plausible_day(value: date) -> date:
    if not is_plausible_day(value):
        raise ValueError(
            f"{OUT_OF_RANGE}is not between {FIRST_DAY} and {LAST_DAY}, the years this "
            "project covers; check the year"
        )
    return value


def _at_most(limit: int, what: str) -> AfterValidator:
    def check(value: int) -> int:
        if value > limit:
            raise ValueError(f"{OUT_OF_RANGE}is more than {limit:,}, {what}; check the digits")
        return value

    return AfterValidator(check)


Day = Annotated[date, BeforeValidator(_iso_day), AfterValidator(_plausible_day)]
# (the maximum is also stated in the JSON Schemas, for editors' tools)
Count = Annotated[
    int,
    Field(ge=0, json_schema_extra={"maximum": MAX_COUNT}),
    _at_most(MAX_COUNT, "more than anything reported"),
]
Ordinal = Annotated[
    int,
    Field(ge=1, json_schema_extra={"maximum": MAX_ORDINAL}),
    _at_most(MAX_ORDINAL, "more trips than there can be"),
]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=120)]

# Headings of the generated pages get these ids (explicit or made from their words, a
# listing's later parts with -part-N): a record or person with one of them as its id
# would give the page two elements with one id, and its citations would land on the
# heading. tests/test_schema.py checks the list against the templates.
HEADING_IDS = frozenset(
    {
        "explore", "about-the-numbers", "israel-and-hostages", "every-figure", "text",
        "taken", "quotes", "figures", "key-events", "reference", "schemas", "timeline",
        "the-numbers-over-time", "where-the-sources-disagree", "what-was-said",
        "who-is-who", "the-trips", "sources", "the-data", "came-of-it", "corrections",
        "disagreements", "embed", "key-quotes", "sought",
        "shuttle-diplomacy-blinkens-trips-during-the-gaza-war",
    }
)  # fmt: skip
_PART_SUFFIX = re.compile(r"-part-[0-9]+$")


def _not_a_heading(value: str) -> str:
    if value in HEADING_IDS or _PART_SUFFIX.sub("", value) in HEADING_IDS:
        raise ValueError(
            f"{value!r} is the id of a heading on the pages (two elements would share it); "
            "choose another id"
        )
    return value


RecordId = Annotated[Slug, AfterValidator(_not_a_heading)]


def _not_a_part(value: str) -> str:
    if _PART.fullmatch(value):
        raise ValueError(
            f"{value!r} is the address of a part of the sources list; choose another id"
        )
    if value in _SOURCE_PAGES:
        raise ValueError(f"{value!r} is the address of the sources list itself; choose another id")
    return value


_SOURCE_PAGES = frozenset({"index"})  # sources/index.md is the list of sources


_PART = re.compile(r"page-[0-9]+")
# An article's page is sources/<id>/; the parts of the long sources list are sources/page-N/.
SourceId = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
        max_length=120,
        json_schema_extra={"not": {"pattern": "^(page-[0-9]+|index)$"}},
    ),
    AfterValidator(_not_a_part),
]


def is_visible(value: str) -> bool:
    """Whether text shows something: not only spaces, line breaks or invisible characters
    (a zero-width space, a direction mark, a lone accent), which would print as nothing."""
    return any(
        not char.isspace() and unicodedata.category(char) not in _INVISIBLE for char in value
    )


def is_plausible_day(value: date) -> bool:
    return FIRST_DAY <= value <= LAST_DAY


def _visible(value: str) -> str:
    if not is_visible(value):
        raise ValueError("is blank: only spaces or invisible characters; write the words")
    return value


_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp", "Zs", "Mn", "Me"})


def _no_credentials(value: str) -> str:
    parts = urlsplit(value)
    if "@" in parts.netloc:
        raise ValueError("holds a user name or password; give the address without them")
    if not parts.hostname:
        raise ValueError("has no host name")
    return value


Text = Annotated[str, Field(min_length=1, max_length=20_000), AfterValidator(_visible)]
Offset = Annotated[
    int,
    Field(ge=0, json_schema_extra={"maximum": MAX_OFFSET}),
    _at_most(MAX_OFFSET, "beyond the longest article"),
]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Url = Annotated[
    str,
    Field(pattern=r"^https?://[^\s<>\"']+$", max_length=2000),
    AfterValidator(_no_credentials),
]
FileName = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*\.txt$", max_length=200)]

STATUS_HELP = (
    "candidate: proposed by `shuttle extract`, not yet read by an editor; "
    "verified: an editor checked it against the article (published); "
    "rejected: an editor decided it is not a fact to publish (kept so it is never re-proposed)"
)
EXTRACTED_HELP = "fingerprint of what the machine last wrote; leave it alone (see README)"


class _Machine:
    """The mark of a field the machine writes: `shuttle extract` proposes it, and merge
    updates it while an editor has not touched the record. Every other field is editors'."""

    def __repr__(self) -> str:
        return "MACHINE"


MACHINE = _Machine()


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def machine_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `model` marked `Annotated[..., MACHINE]`, in declaration order: what
    merge owns, declared once on the model."""
    return tuple(name for name, f in model.model_fields.items() if MACHINE in f.metadata)


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
    trip: Ordinal | None = Field(
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

    id: RecordId
    name: Annotated[Text, MACHINE] = Field(description="canonical name, as the explainer prints it")
    kind: Annotated[PersonKind, MACHINE] = "person"
    aliases: list[Text] = Field(default_factory=list, description="other names articles use")
    role: Annotated[Text | None, MACHINE] = None
    organisation: Annotated[Text | None, MACHINE] = None
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

    ordinal: Ordinal
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
    start: Annotated[Offset, MACHINE]
    end: Annotated[Offset, MACHINE]
    speaker: Annotated[Slug | None, MACHINE] = Field(
        default=None, description="people id of who said it"
    )
    kind: Annotated[QuoteKind, MACHINE] = Field(
        default="full",
        description="fragment: a few words quoted in a sentence; transcript: a sentence of a "
        "speaker's turn in a transcript (no quote marks)",
    )
    interpreted: bool = Field(default=False, description="spoken through an interpreter")
    cue: Annotated[Text | None, MACHINE] = Field(
        default=None, description="the attribution as written"
    )
    said_on: Annotated[Day | None, MACHINE] = None
    key: bool = Field(
        default=False, description="an editor's pick: one of the few quotes its trip's page shows"
    )
    status: Status = Field(default="candidate", description=STATUS_HELP)
    note: Text | None = None
    extracted: str | None = Field(default=None, description=EXTRACTED_HELP)


class Figure(Record):
    """A number the article reports, at characters start..end (the number as written)."""

    id: RecordId
    text: Annotated[Text, MACHINE] = Field(description="the number as written: 27,840 or four")
    start: Annotated[Offset, MACHINE]
    end: Annotated[Offset, MACHINE]
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
    status: Status = Field(default="candidate", description=STATUS_HELP)
    note: Text | None = None
    extracted: str | None = Field(default=None, description=EXTRACTED_HELP)


class Event(Record):
    """A key fact the article reports, cited by the sentence at start..end."""

    id: RecordId
    date: Annotated[Day | None, MACHINE] = None
    summary: Annotated[Text, MACHINE] = Field(description="one line, as an editor would write it")
    sentence: Annotated[Text, MACHINE] = Field(
        description="exactly the article's characters start..end"
    )
    start: Annotated[Offset, MACHINE]
    end: Annotated[Offset, MACHINE]
    kind: Annotated[Text | None, MACHINE] = None
    trip: Ordinal | None = None
    status: Status = Field(default="candidate", description=STATUS_HELP)
    note: Text | None = None
    extracted: str | None = Field(default=None, description=EXTRACTED_HELP)


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
    killed: Count | None = Field(default=None, description="as reported")
    injured: Count | None = None
    killed_filled: Count = Field(description="gap-filled by the compiler")
    injured_filled: Count


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
