"""What a field of a record may hold, and how it is marked.

The vocabularies (quote kinds, measures, statuses), the checked types with their limits
(days, counts, ids, text, addresses), and the marks on a model's fields that merge and the
downloads read (MACHINE, NOT_DOWNLOADED). The models themselves are in schema.py.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

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


STATUS_HELP = (
    "candidate: proposed by `shuttle extract`, not yet read by an editor; "
    "verified: an editor checked it against the article (published); "
    "rejected: an editor decided it is not a fact to publish (kept so it is never re-proposed)"
)
EXTRACTED_HELP = "fingerprint of what the machine last wrote; leave it alone (see README)"


class _Mark:
    """A mark on a field, `Annotated[..., MARK]`: read by what the model drives, invisible
    to validation and to the JSON Schemas."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


# A field the machine writes: `shuttle extract` proposes it, and merge updates it while an
# editor has not touched the record. Every other field is editors'.
MACHINE = _Mark("MACHINE")
# A field the downloads give no column (offsets, bookkeeping, editors' notes): every other
# field of a published record is a column of its table, in the model's order.
NOT_DOWNLOADED = _Mark("NOT_DOWNLOADED")


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def machine_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `model` marked `Annotated[..., MACHINE]`, in declaration order: what
    merge owns, declared once on the model."""
    return tuple(name for name, f in model.model_fields.items() if MACHINE in f.metadata)


def downloaded_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `model` the downloads show, in declaration order (all but those
    marked NOT_DOWNLOADED)."""
    return tuple(name for name, f in model.model_fields.items() if NOT_DOWNLOADED not in f.metadata)


# What every record of data/ carries beside its facts: where an editor stands on it, their
# note, the machine's fingerprint (the last two are no column of the downloads).
Review = Annotated[Status, Field(description=STATUS_HELP)]
Note = Annotated[Text | None, NOT_DOWNLOADED]
Fingerprint = Annotated[str | None, Field(description=EXTRACTED_HELP), NOT_DOWNLOADED]
