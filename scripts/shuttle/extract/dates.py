"""Date expressions ("on Tuesday", "late Wednesday", "Oct. 7", "last November") resolved
against the article's date.

Rules (documented because an editor relies on them):
- a weekday is the most recent such day on or before the article's date ("last Tuesday":
  strictly before), or the next one on or after it when the clause speaks of the future
  ("will", "due to", "expected to", "next Monday");
- a day and month without a year is the most recent such date on or before the article's
  date (the same future rule applies);
- a month alone ("in October", "last November") is the first day of that month: "last
  October" is the most recent October before the article's month, "in October" the most
  recent one up to and including it;
- "last week" is seven days before; "last month" / "this month" the first day of that
  month; "last year" the first of January; "yesterday" / "last night" the day before.
Without an article date only expressions with a year resolve.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from shuttle.text.scan import positions

Precision = Literal["day", "week", "month", "year"]

# The day of the Hamas-led attack: the war's reference date in every article.
OCT7 = date(2023, 10, 7)

_WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

_MON = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
# The alternatives of "rel" share their first words (factored: the engine tries fewer); the
# lookahead on the first characters any date can start with turns most words away at once.
_DATE_RE = re.compile(
    rf"""(?<![\w’'-])(?=[lLtTeEyYnNoOmMiIsSuUbBJFAWD0-9])(?:
      (?P<rel>(?i:earlier\s+this\s+(?:week|month|year)|last\s+(?:week|month|year|night)
        |t(?:his\s+(?:week|month|year)|oday|onight)|yesterday))
     |(?:(?P<wmod>(?i:last|next|this|late|early|on))\s+)?
        (?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:[’']s)?
        (?:\s+(?:morning|afternoon|evening|night))?
     |(?P<mon>{_MON})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d,]\d)
        (?:,?\s+(?P<year>(?:19|20)\d\d))?
     |(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mon2>{_MONTH_FULL}|{_MON}\.)
        (?:,?\s+(?P<year2>(?:19|20)\d\d))?
     |(?:(?P<mmod>(?i:last|early|late|mid|in|since|this|next|until|by|of))[\s-]+)?
        (?P<mon3>{_MONTH_FULL})(?:\s+(?P<year3>(?:19|20)\d\d)|(?!\.?\s*[0-3]?\d(?:st|nd|rd|th)?\b))
    )(?![\w-])""",
    re.X,
)
_FUTURE_RE = re.compile(
    r"\b(?:will|due\s+to|expected\s+to|scheduled|plans?\s+to|planned|set\s+to|is\s+to|are\s+to"
    r"|next|upcoming)\b",
    re.I,
)


# Every date expression contains one of these ("Wednesday", "yesterday" and "today" end in
# "day"; "October" contains "Oct"): the slow date regex runs only around them.
_WORD_ANCHORS = ("day", "night", "week", "month", "year")
# The months' first three letters, capitalised: none is a prefix of another or of a word.
_ANCHORS = (*"Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), *_WORD_ANCHORS)


@dataclass(slots=True)  # built in the thousands: plain slots are cheaper than frozen
class DateMention:
    start: int
    end: int
    text: str
    on: date | None
    precision: Precision


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday(pub: date, weekday: int, mod: str, future: bool) -> date:
    back = (pub.weekday() - weekday) % 7
    if mod == "next" or (future and mod not in ("last",)):
        ahead = (weekday - pub.weekday()) % 7
        if mod == "next" and ahead == 0:
            ahead = 7
        return pub + timedelta(days=ahead)
    if mod == "last" and back == 0:
        back = 7
    return pub - timedelta(days=back)


def _month_day(pub: date, month: int, day: int, future: bool) -> date | None:
    this_year = _safe_date(pub.year, month, day)
    if this_year is None:
        return _safe_date(pub.year - 1, month, day)
    if future:
        return this_year if this_year >= pub else _safe_date(pub.year + 1, month, day)
    return this_year if this_year <= pub else _safe_date(pub.year - 1, month, day)


def _relative(pub: date, rel: str) -> tuple[date, Precision]:
    rel = " ".join(rel.lower().split())
    if rel in ("yesterday", "last night"):
        return pub - timedelta(days=1), "day"
    if rel in ("today", "tonight"):
        return pub, "day"
    if rel == "last week":
        return pub - timedelta(days=7), "week"
    if rel.endswith("this week"):
        return pub, "week"
    if rel == "last month":
        y, m = _shift_month(pub.year, pub.month, -1)
        return date(y, m, 1), "month"
    if rel.endswith("this month"):
        return date(pub.year, pub.month, 1), "month"
    if rel == "last year":
        return date(pub.year - 1, 1, 1), "year"
    return date(pub.year, 1, 1), "year"


def _future(text: str, start: int, lo: int) -> bool:
    return _FUTURE_RE.search(text, max(lo, start - 40), start) is not None


def anchor_positions(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Sorted positions of the words every date expression contains (plain string search)."""
    return positions(text, _ANCHORS, start, end)


def _candidates(
    text: str, start: int, end: int, anchors: Sequence[int] | None
) -> list[re.Match[str]]:
    near: Sequence[int]
    if anchors is None:
        near = anchor_positions(text, start, end)
    else:
        near = anchors[bisect_left(anchors, start) : bisect_left(anchors, end)]
    out: list[re.Match[str]] = []
    lo = hi = -1
    for a in near:
        if a - 24 > hi:
            if hi > lo:
                out.extend(_DATE_RE.finditer(text, lo, hi))
            lo = max(start, a - 24)
        hi = min(end, a + 30)
    if hi > lo:
        out.extend(_DATE_RE.finditer(text, lo, hi))
    return out


_CALENDAR = (date(2, 1, 1), date(9998, 12, 31))  # what relative dates can be counted from


def find_dates(
    text: str,
    start: int,
    end: int,
    published: date | None,
    anchors: Sequence[int] | None = None,
) -> list[DateMention]:
    """Every date expression in text[start:end], in order, resolved where possible.
    `anchors` (from anchor_positions over the whole text) saves searching again."""
    return resolve(text, _candidates(text, start, end, anchors), start, published)


def resolve(
    text: str, matches: Sequence[re.Match[str]], start: int, published: date | None
) -> list[DateMention]:
    """Date expressions found in a span that starts at `start` (the lookback for "will",
    "expected to" stops there), resolved against the article's date."""
    if published is not None and not _CALENDAR[0] <= published <= _CALENDAR[1]:
        published = None  # a year from the calendar's ends: "last week" would overflow
    out: list[DateMention] = []
    for m in matches:
        on: date | None = None
        precision: Precision = "day"
        if m.group("rel"):
            if published is not None:
                on, precision = _relative(published, m.group("rel"))
            else:
                precision = "week"
        elif m.group("wd"):
            mod = (m.group("wmod") or "").lower()
            if published is not None:
                fut = _future(text, m.start(), start)
                on = _weekday(published, _WEEKDAYS[m.group("wd").lower()], mod, fut)
        elif m.group("mon") or m.group("mon2"):
            month = _MONTHS[(m.group("mon") or m.group("mon2")).rstrip(".").lower()]
            day = int(m.group("day") or m.group("day2"))
            year = m.group("year") or m.group("year2")
            if year:
                on = _safe_date(int(year), month, day)
            elif published is not None:
                on = _month_day(published, month, day, _future(text, m.start(), start))
        else:
            month = _MONTHS[m.group("mon3").lower()]
            mod = (m.group("mmod") or "").lower()
            year = m.group("year3")
            precision = "month"
            if not year and not mod:
                continue  # a bare month name is too often something else ("May")
            if year:
                on = date(int(year), month, 1)
            elif published is not None:
                y = published.year
                if month > published.month or (mod == "last" and month == published.month):
                    y -= 1
                if mod == "next" and month <= published.month:
                    y = published.year + 1
                on = date(y, month, 1)
        out.append(DateMention(m.start(), m.end(), m.group(), on, precision))
    return out


def nearest(mentions: list[DateMention], pos: int) -> DateMention | None:
    """The resolved mention closest to `pos` (ties go to the earlier one)."""
    best: DateMention | None = None
    best_d = 1 << 62
    for d in mentions:
        if d.on is None:
            continue
        dist = d.start - pos if d.start >= pos else pos - d.end
        if dist < best_d:
            best, best_d = d, dist
    return best
