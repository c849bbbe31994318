"""What the site publishes: the records a page may show, each with where it came from.

A record is published when an editor verified it; a preview build also shows candidates
(marked). Every quote, figure and event carries the paragraph it came from, so a page
can link to `sources/<id>.md#p<n>` and the source page can highlight it there. Where each
page is and how one links to another is addresses.py's; its names are here too, as every
page module reaches them through this view (`v.trip_page`, `v.relative`).
"""

from __future__ import annotations

import bisect
import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from shuttle.checks.consistency import Disagreement, canonical_trip
from shuttle.dates import long_day
from shuttle.records.schema import DailyReport, Event, Figure, Person, Quote, Source, Trip
from shuttle.records.sources import Article, Paragraph
from shuttle.records.store import Store
from shuttle.site.pages.addresses import (
    DATA,
    DISAGREEMENTS,
    FIGURES,
    HOME,
    PEOPLE,
    QUOTES,
    SOURCES,
    TIMELINE,
    TRIPS,
    part_page,
    relative,
    relative_url,
    source_page,
    trip_page,
    url_of,
)

__all__ = [
    "DATA", "DISAGREEMENTS", "FIGURES", "HOME", "PEOPLE", "QUOTES", "SOURCES", "TIMELINE",
    "TRIPS", "Cited", "EventItem", "FigureItem", "QuoteItem", "View", "part_page", "relative",
    "relative_url", "source_page", "trip_page", "url_of",
]  # fmt: skip


@dataclass(frozen=True)
class Cited:
    """A published record with where it came from."""

    source: Source
    article: Article
    paragraph: Paragraph | None
    candidate: bool

    @property
    def anchor(self) -> str | None:
        return self.paragraph.anchor if self.paragraph else None

    @property
    def page(self) -> str:
        return source_page(self.source.id)

    def paragraph_text(self) -> str:
        if self.paragraph is None:
            return ""
        return self.article.text[self.paragraph.start : self.paragraph.end]


@dataclass(frozen=True)
class QuoteItem(Cited):
    quote: Quote = field(kw_only=True)
    speaker: Person | None = field(kw_only=True)
    trip: Trip | None = field(kw_only=True)

    @property
    def day(self) -> date:
        return self.quote.said_on or self.source.event_date

    @property
    def translated(self) -> bool:
        """From a machine translation: a back-translation, not the speaker's own words."""
        return self.source.machine_translation

    @property
    def when(self) -> str:
        """The date a reader is shown: the day said when the data knows it, else labelled
        as the day the article reported it."""
        if self.quote.said_on is not None:
            return f"said {long_day(self.quote.said_on)}"
        return f"reported {long_day(self.source.published)}"


@dataclass(frozen=True)
class FigureItem(Cited):
    figure: Figure = field(kw_only=True)
    trip: Trip | None = field(kw_only=True)

    @property
    def day(self) -> date:
        return self.figure.as_of or self.source.event_date


@dataclass(frozen=True)
class EventItem(Cited):
    event: Event = field(kw_only=True)
    trip: Trip | None = field(kw_only=True)

    @property
    def day(self) -> date:
        return self.event.date or self.source.event_date


@dataclass
class View:
    store: Store
    preview: bool
    disagreements: Sequence[Disagreement] = ()
    people: dict[str, Person] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    trips: list[Trip] = field(default_factory=list)
    quotes: list[QuoteItem] = field(default_factory=list)
    figures: list[FigureItem] = field(default_factory=list)
    events: list[EventItem] = field(default_factory=list)
    series: list[DailyReport] = field(default_factory=list)
    _series_days: list[date] = field(default_factory=list)
    _trips_by_key: dict[tuple[int | None, date], Trip | None] = field(default_factory=dict)
    # the quotes in their sentences (pages.context), worked out once for every page
    contexts: dict[str, Any] = field(default_factory=dict)
    # (listing page, anchor) -> the part of it that holds the anchor, when not part 1
    places: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def of(cls, store: Store, *, preview: bool, disagreements: Sequence[Disagreement] = ()) -> View:
        view = cls(store=store, preview=preview, disagreements=disagreements)
        view.people = {p.id: p for p in store.people if p.status != "rejected"}
        view.sources = {s.id: s for s in store.sources if s.id in store.articles}
        view.trips = sorted(store.trips, key=lambda t: t.ordinal)
        if store.casualties is not None:
            view.series = sorted(store.casualties.reports, key=lambda r: r.date)
            view._series_days = [r.date for r in view.series]
        view._collect()
        return view

    def shown(self, status: str) -> bool:
        return status == "verified" or (self.preview and status == "candidate")

    def trip_of(self, source: Source) -> Trip | None:
        # The canonical trip depends on these two fields only: look each pair up once.
        key = (source.trip, source.event_date)
        if key not in self._trips_by_key:
            self._trips_by_key[key] = canonical_trip(source, self.trips)
        return self._trips_by_key[key]

    def _cited(self, source_id: str, start: int) -> tuple[Source, Article, Paragraph | None] | None:
        source = self.sources.get(source_id)
        article = self.store.articles.get(source_id)
        if source is None or article is None:
            return None
        return source, article, article.paragraph_at(start)

    def _collect(self) -> None:
        for source_id, data in sorted(self.store.article_data.items()):
            for quote in data.quotes:
                where = self._cited(source_id, quote.start)
                if where and self.shown(quote.status):
                    src, art, para = where
                    self.quotes.append(
                        QuoteItem(
                            src, art, para, quote.status == "candidate",
                            quote=quote,
                            speaker=self.people.get(quote.speaker or ""),
                            trip=self.trip_of(src),
                        )
                    )  # fmt: skip
            for figure in data.figures:
                where = self._cited(source_id, figure.start)
                if where and self.shown(figure.status):
                    src, art, para = where
                    self.figures.append(
                        FigureItem(src, art, para, figure.status == "candidate",
                                   figure=figure, trip=self.trip_of(src))
                    )  # fmt: skip
            for event in data.events:
                where = self._cited(source_id, event.start)
                if where and self.shown(event.status):
                    src, art, para = where
                    trip = next((t for t in self.trips if t.ordinal == event.trip), None)
                    self.events.append(
                        EventItem(src, art, para, event.status == "candidate",
                                  event=event, trip=trip or self.trip_of(src))
                    )  # fmt: skip
        self.quotes.sort(key=lambda q: (q.day, q.source.id, q.quote.start))
        self.figures.sort(key=lambda f: (f.day, f.source.id, f.figure.start))
        self.events.sort(key=lambda e: (e.day, e.source.id, e.event.start))

    def report_on(self, day: date) -> DailyReport | None:
        """The Ministry's report for `day`, or the latest before it."""
        index = bisect.bisect_right(self._series_days, day) - 1
        return self.series[index] if index >= 0 else None

    def sources_of_trip(self, trip: Trip) -> list[Source]:
        if self._only(trip):
            return list(self._index.sources.get(id(trip), ()))
        return [s for s in self.sources.values() if self.trip_of(s) == trip]

    def of_source(
        self, source_id: str
    ) -> tuple[list[QuoteItem], list[FigureItem], list[EventItem]]:
        """The published quotes, figures and events of one source, in view order."""
        index = self._index
        return (
            list(index.quotes.get(source_id, ())),
            list(index.figures.get(source_id, ())),
            list(index.events.get(source_id, ())),
        )

    def of_trip(self, trip: Trip) -> tuple[list[QuoteItem], list[FigureItem], list[EventItem]]:
        """The published quotes, figures and events whose trip is `trip`, in view order."""
        if self._only(trip):
            index = self._index
            return (
                list(index.trip_quotes.get(id(trip), ())),
                list(index.trip_figures.get(id(trip), ())),
                list(index.trip_events.get(id(trip), ())),
            )
        return (
            [q for q in self.quotes if q.trip == trip],
            [f for f in self.figures if f.trip == trip],
            [e for e in self.events if e.trip == trip],
        )

    def _only(self, trip: Trip) -> bool:
        """True when `trip` is one of the view's trips and equals no other (as is usual):
        records can then be found by the trip object itself."""
        same = [t for t in self.trips if t == trip]
        return len(same) == 1 and same[0] is trip

    @functools.cached_property
    def _index(self) -> _Index:
        return _Index.of(self)

    @functools.cached_property
    def citation_names(self) -> dict[str, str]:
        """What a citation of a source's paragraph is labelled with: its outlet and date
        (made once: every trip's page and chapter reads all of them)."""
        return {s.id: f"{s.outlet}, {long_day(s.published)}" for s in self.sources.values()}


@dataclass
class _Index:
    """The view's records grouped once (by source id, and by trip object), in view order."""

    quotes: dict[str, list[QuoteItem]]
    figures: dict[str, list[FigureItem]]
    events: dict[str, list[EventItem]]
    trip_quotes: dict[int, list[QuoteItem]]
    trip_figures: dict[int, list[FigureItem]]
    trip_events: dict[int, list[EventItem]]
    sources: dict[int, list[Source]]

    @classmethod
    def of(cls, view: View) -> _Index:
        index = cls(
            defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list),
            defaultdict(list), defaultdict(list), defaultdict(list),
        )  # fmt: skip
        for q in view.quotes:
            index.quotes[q.source.id].append(q)
            index.trip_quotes[id(q.trip)].append(q)
        for f in view.figures:
            index.figures[f.source.id].append(f)
            index.trip_figures[id(f.trip)].append(f)
        for e in view.events:
            index.events[e.source.id].append(e)
            index.trip_events[id(e.trip)].append(e)
        for s in view.sources.values():
            index.sources[id(view.trip_of(s))].append(s)
        return index
