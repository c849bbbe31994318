"""Candidate key facts: sentences that state an event with a date and the people in it.

A sentence qualifies when it has an event verb outside quotation marks (a resignation, a
rescue, a killing, a proposal, an arrival, a meeting, a release, an attack, an agreement)
and a date expression that resolves to a day or a week. The event's date is the one
nearest the verb; its actors the people the sentence names. An editor writes the summary.
"""

from __future__ import annotations

import re
from datetime import date

from .candidates import EventCandidate
from .dates import find_dates
from .people import People
from .text import Segments

_KINDS: tuple[tuple[str, str], ...] = (
    ("resignation", r"resign(?:ed|s|ing|ation)?|quit|quits|stepped\s+down|steps\s+down"),
    ("rescue", r"rescue[sd]?|rescuing"),
    ("killing", r"assassinat(?:ed|ion)|was\s+killed|were\s+killed|killing\s+of|killed"),
    ("proposal", r"propos(?:ed|al|es)|put\s+forward|unveiled|offered"),
    ("arrival", r"arrived|arrives|landed|lands|touched\s+down"),
    ("departure", r"left|departed|leaves"),
    ("meeting", r"met\s+with|met|meets|held\s+talks|talks\s+with"),
    ("release", r"released|freed|freeing"),
    ("attack", r"attacked|launched|fired|bombed|struck|shelled|stormed|invaded"),
    ("agreement", r"agreed|accepted|rejected|endorsed|signed|approved"),
)
_EVENT_RE = re.compile(
    "|".join(rf"(?P<{kind}>(?<![\w’'-])(?:{alt})(?![\w’'-]))" for kind, alt in _KINDS)
)


def extract_events(
    text: str, segs: Segments, published: date | None, people: People
) -> list[EventCandidate]:
    out: list[EventCandidate] = []
    last_sentence = -1
    for m in _EVENT_RE.finditer(text):
        si = segs.sentence_index(m.start())
        if si == last_sentence or not segs.sentences:
            continue
        s0, s1 = segs.sentences[si]
        dates = [
            d
            for d in find_dates(text, s0, s1, published)
            if d.on is not None and d.precision in ("day", "week")
        ]
        if not dates:
            continue
        last_sentence = si
        kind = m.lastgroup
        nearest = min(dates, key=lambda d: abs(d.start - m.start()))
        actors: list[str] = []
        for mt in people.in_span(s0, s1):
            if mt.canonical not in actors:
                actors.append(mt.canonical)
        out.append(
            EventCandidate(
                sentence=text[s0:s1],
                start=s0,
                end=s1,
                on=nearest.on,
                actors=tuple(actors[:6]),
                kind=kind,
            )
        )
    return out
