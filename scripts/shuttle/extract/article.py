"""One article in, every candidate out: `extract_article`, and `to_json`, the one
serialisation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from shuttle.text.segments import paragraphs, segment

from .candidates import (
    ArticleCandidates,
    EventCandidate,
    FigureCandidate,
    KnownPerson,
    QuoteCandidate,
    TripCandidate,
)
from .context import Ctx
from .dates import anchor_positions
from .events import extract_events
from .figures import extract_figures
from .keywords import Keywords
from .marks import find_quote_spans
from .people import candidates as people_candidates
from .people import find_people
from .quotes import extract_quotes
from .trips import extract_trip, hosts

__all__ = ["extract_article", "to_json"]


def extract_article(
    text: str, *, published: date | None = None, people: Sequence[KnownPerson] = ()
) -> ArticleCandidates:
    """Everything the extractors propose for one article, in text order."""
    paras = paragraphs(text)
    spans = find_quote_spans(text, paras)
    marks = [(q.open, (q.close if q.close is not None else q.end) + 1) for q in spans]
    segs = segment(text, marks, paras)
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


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _quote(q: QuoteCandidate) -> dict[str, object]:
    return {
        "text": q.text,
        "speaker": q.speaker,
        "kind": q.kind,
        "start": q.start,
        "end": q.end,
        "cue": q.cue,
        "said_on": _iso(q.said_on),
        "interpreted": q.interpreted,
    }


def _figure(f: FigureCandidate) -> dict[str, object]:
    return {
        "value": f.value,
        "qualifier": f.qualifier,
        "measure": f.measure,
        "subject": f.subject,
        "attribution": f.attribution,
        "sentence": f.sentence,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "label": f.label,
        "as_of": _iso(f.as_of),
        "sentence_start": f.sentence_start,
        "sentence_end": f.sentence_end,
    }


def _trip(t: TripCandidate) -> dict[str, object]:
    return {
        "ordinal": t.ordinal,
        "places": list(t.places),
        "meetings": list(t.meetings),
        "ordinal_text": t.ordinal_text,
        "ordinal_start": t.ordinal_start,
        "ordinal_end": t.ordinal_end,
    }


def _event(e: EventCandidate) -> dict[str, object]:
    return {
        "sentence": e.sentence,
        "start": e.start,
        "end": e.end,
        "on": _iso(e.on),
        "actors": list(e.actors),
        "kind": e.kind,
    }


def to_json(file: str, found: ArticleCandidates) -> dict[str, object]:
    """The candidates as plain JSON data: the contract's keys first, extras after."""
    return {
        "file": file,
        "quotes": [_quote(q) for q in found.quotes],
        "figures": [_figure(f) for f in found.figures],
        "trip": _trip(found.trip),
        "events": [_event(e) for e in found.events],
        "people": [
            {"name": p.name, "role": p.role, "organisation": p.organisation, "kind": p.kind}
            for p in found.people
        ],
    }
