"""The plain records charts are drawn from, and the Chart they become."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class SeriesPoint:
    """One day of the Gaza Ministry of Health's cumulative series."""

    day: date
    killed: int | None  # as reported; None when there was no report that day
    injured: int | None
    killed_filled: int  # gap-filled, always present
    injured_filled: int
    report_source: str  # "mohtel", "gmotel", "unocha", "missing"


@dataclass(frozen=True)
class ReportedPoint:
    """A figure an article reported. text, qualifier, subject, source_title and outlet
    are untrusted."""

    day: date
    value: int
    measure: str  # "killed" or "injured"
    qualifier: str | None
    text: str
    source_title: str
    outlet: str
    href: str
    figure_id: str
    candidate: bool = False
    subject: str | None = None  # who was counted, as the editor wrote it


@dataclass(frozen=True)
class TripSpan:
    """One of Blinken's trips to the region."""

    ordinal: int
    start: date
    end: date
    label: str
    href: str


@dataclass(frozen=True)
class Chart:
    """A chart: its interactive spec, static SVG (and the same drawn for a phone's
    width; empty when there is none), and the text that stands in for it."""

    name: str
    title: str
    spec: dict[str, Any]
    svg: str
    description: str
    table_header: tuple[str, ...]
    table_rows: tuple[tuple[str, ...], ...]
    svg_narrow: str = ""
