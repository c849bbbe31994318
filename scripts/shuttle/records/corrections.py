"""data/corrections.yml: the corrections editors keep, published on the corrections page.

Each entry says what changed, when, why, and the record it concerns (a source id, and
a quote, figure or event id of it when the correction is about one record), so that a
reader can see what the site once said and why it no longer does.
"""

from __future__ import annotations

from pydantic import Field

from shuttle.records.fields import Day, Record, Slug, SourceId, Text


class Correction(Record):
    """One correction, as an editor writes it."""

    date: Day = Field(description="the day the correction was published")
    source: SourceId | None = Field(default=None, description="the source it concerns")
    record: Slug | None = Field(
        default=None, description="the quote, figure or event id it concerns, in that source"
    )
    what: Text = Field(description="what changed, in a sentence a reader understands")
    why: Text = Field(description="why it changed")


class CorrectionsFile(Record):
    corrections: list[Correction] = Field(default_factory=list)
