"""Candidate key facts: sentences that state an event with a date and the people in it.

A sentence qualifies when it has an event verb outside quotation marks (a resignation, a
rescue, a killing, a proposal, an arrival, a meeting, a release, an attack, an agreement)
and a date expression that resolves to a day or a week. The event's date is the one
nearest the verb; its actors the people the sentence names. An editor writes the summary.

A sentence that only reports a casualty count is a figure, not an event: a killing that
counts the dead within a few words of the verb and names no one near it ("the attack that
killed more than 1,300 Israelis", "Blinken said Friday … after strikes have killed around
9,000 people"); "forces killed commander X and five others" stays an event.
"""

from __future__ import annotations

import re

from shuttle.text.numbers import find_numbers
from shuttle.text.segments import WORD_START

from .candidates import EventCandidate
from .context import Ctx
from .dates import DateMention
from .keywords import EVENT, Keywords, matches

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
# Run only where a word of lexicon.EVENT_FIRST_WORDS stands (keywords.py).
_EVENT_RE = re.compile(
    WORD_START
    + "(?:"
    + "|".join(rf"(?P<{kind}>(?:{alt}))" for kind, alt in _KINDS)
    + r")(?![\w’'-])"
)


def extract_events(ctx: Ctx) -> list[EventCandidate]:
    text, segs, people, anchors = ctx.text, ctx.segs, ctx.people, ctx.anchors
    kw = ctx.kw if ctx.kw is not None else Keywords(text)
    out: list[EventCandidate] = []
    if not segs.sentences:
        return out
    sentences = sorted({segs.sentence_index(p) for p in anchors if _day_anchor(text, p)})
    for si in sentences:
        s0, s1 = segs.sentences[si]
        found = matches(_EVENT_RE, text, kw.starts(EVENT, s0, s1), s0, s1)
        m = next((m for m in found if not _quoted(text, s0, m)), None)
        if m is None:
            continue
        dates = [
            d for d in ctx.dates(s0, s1) if d.on is not None and d.precision in ("day", "week")
        ]
        if not dates:
            continue
        nearest = min(dates, key=lambda d: abs(d.start - m.start()))
        actors: list[str] = []
        for mt in people.in_span(s0, s1):
            if mt.canonical not in actors:
                actors.append(mt.canonical)
        if m.lastgroup == "killing" and _counted(text, m, s0, s1, dates):
            lo, hi = max(s0, m.start() - 80), min(s1, m.end() + 60)
            if not people.in_span(lo, hi):
                continue  # a casualty count only (no one named by it): figures.py has it
        out.append(
            EventCandidate(
                sentence=text[s0:s1],
                start=s0,
                end=s1,
                on=nearest.on,
                actors=tuple(actors[:6]),
                kind=m.lastgroup,
            )
        )
    return out


def _counted(text: str, m: re.Match[str], s0: int, s1: int, dates: list[DateMention]) -> bool:
    """Whether a number (not a date's) stands within a few words of the verb."""
    lo, hi = max(s0, m.start() - 80), min(s1, m.end() + 60)
    return any(
        not any(d.start <= n.start < d.end for d in dates) for n in find_numbers(text, lo, hi)
    )


_WEEKDAY_ENDS = ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun", "yester", "to")
_MONTHS = frozenset("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())


def _day_anchor(text: str, p: int) -> bool:
    """Whether the anchor at `p` belongs to a day-precise date: a weekday, "yesterday",
    "today", "last week", or a month followed by a day."""
    word = text[p : p + 3]
    if word == "day":
        return text[max(0, p - 6) : p].endswith(_WEEKDAY_ENDS)
    if word == "wee":
        return text[max(0, p - 5) : p] in ("last ", "this ")
    if word in _MONTHS:
        return _MONTH_DAY_RE.match(text, p) is not None
    return False


_MONTH_DAY_RE = re.compile(r"[A-Z][a-z]{2,8}\.?[^\S\n]+[0-3]?\d\b|[A-Z][a-z]{2,8}[^\S\n]")


def _quoted(text: str, s0: int, m: re.Match[str]) -> bool:
    """Whether the verb stands inside a quotation (an odd number of marks before it)."""
    before = text[s0 : m.start()]
    return (before.count("“") - before.count("”")) > 0 or before.count('"') % 2 == 1
