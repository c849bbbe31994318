"""Citations of a paragraph, written "source-id#pN" in data/trips.yml.

N is the paragraph's number as the source's page shows it (sources.paragraphs): the
link `sources/<id>/#pN` lands on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from shuttle.records.schema import Trip

_CITE = re.compile(r"([a-z0-9]+(?:-[a-z0-9]+)*)#p([1-9][0-9]{0,5})")


@dataclass(frozen=True)
class Cite:
    source_id: str
    paragraph: int

    @property
    def anchor(self) -> str:
        return f"p{self.paragraph}"


def parse(text: str) -> Cite | None:
    """The citation, or None when it is not written "source-id#pN"."""
    match = _CITE.fullmatch(text)
    return Cite(match.group(1), int(match.group(2))) if match else None


@dataclass(frozen=True)
class Cited:
    """One citation of a trip and where it is written: ("summary", 1, "cite", 0)."""

    text: str
    path: tuple[str | int, ...]  # below the trip's own entry


def of_trip(trip: Trip) -> Iterator[Cited]:
    """Every citation a trip makes, in the order it is written."""
    if trip.cites is not None:
        for key in ("dates", "stops", "meetings"):
            for index, text in enumerate(getattr(trip.cites, key)):
                yield Cited(text, ("cites", key, index))
    for key in ("sought", "summary", "disagreements"):
        for line_index, line in enumerate(getattr(trip, key)):
            for index, text in enumerate(line.cite):
                yield Cited(text, (key, line_index, "cite", index))


def sources_of_trip(trip: Trip) -> list[str]:
    """The ids of the sources a trip's entry cites, each once, in order of first citation."""
    seen: dict[str, None] = {}
    for cited in of_trip(trip):
        cite = parse(cited.text)
        if cite is not None:
            seen.setdefault(cite.source_id, None)
    return list(seen)
