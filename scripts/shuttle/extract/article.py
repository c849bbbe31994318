"""One article in, every candidate out: `extract_article` (`to_json`, the one
serialisation, is in candidates.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from shuttle.text.quotemarks import article_segments

from .candidates import ArticleCandidates, KnownPerson, to_json
from .context import Ctx
from .dates import anchor_positions
from .events import extract_events
from .figures import extract_figures
from .keywords import Keywords
from .people import candidates as people_candidates
from .people import find_people
from .quotes import extract_quotes
from .trips import extract_trip, hosts

__all__ = ["extract_article", "to_json"]


def extract_article(
    text: str, *, published: date | None = None, people: Sequence[KnownPerson] = ()
) -> ArticleCandidates:
    """Everything the extractors propose for one article, in text order."""
    spans, segs = article_segments(text)
    found = find_people(text, segs, people)
    kw = Keywords(text)
    ctx = Ctx(text, segs, found, published, spans, anchor_positions(text), kw)
    quotes = extract_quotes(ctx)
    figures = extract_figures(text, segs, published, ctx)
    trip = extract_trip(text, segs, found, kw)
    met = [n for n in hosts(text, quotes) if n not in trip.meetings]
    if met:
        trip = replace(trip, meetings=(*trip.meetings, *met))
    events = extract_events(ctx)
    extra: dict[str, str] = {}
    for q, r in zip(spans, ctx.results, strict=True):
        if r.speaker is not None and r.found and q is not None:
            extra.setdefault(r.speaker, r.kind)
    for said in quotes:
        if said.kind == "transcript" and said.speaker is not None:
            extra.setdefault(said.speaker, "person")  # a transcript's speaker by the label
    for name in trip.meetings:
        extra.setdefault(name, "person")
    return ArticleCandidates(
        quotes=tuple(quotes),
        figures=tuple(figures),
        trip=trip,
        events=tuple(events),
        people=tuple(people_candidates(found, list(extra.items()))),
    )
