"""What a figure carries beside its value and measure: who it counts (subject), whose
figure it is (attribution) and the date it refers to (as_of), for figures.py."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import replace
from datetime import date

from shuttle.text.segments import word_start

from .candidates import FigureCandidate
from .context import Ctx
from .dates import OCT7, DateMention, nearest
from .phrases import np_after, np_before

_ATTACK_RE = re.compile(
    r"(?=[aAoOrRmMiI])\b(?:attack|onslaught|assault|rampage|massacre|incursion)", re.I
)

_SOURCE_VERB_RE = re.compile(
    word_start(
        """says said reported reports estimates estimated announced stated counts counted
        recorded confirmed added""".split()
    )
    + r"(?![\w’'-])"
)
_ACCORDING_RE = re.compile(
    r"(?=[Aa])(?<![\w’'-])[Aa]ccording(?:[^\S\n]+to\b|(?=[^\S\n]+(?:two|three|several|a|an|the|some"
    r"|[A-Z]|\d)))"
)


def attribution_of(ctx: Ctx, s0: int, s1: int) -> str | None:
    text = ctx.text
    # the search only where the word stands (most sentences have none)
    m = _ACCORDING_RE.search(text, s0, s1) if text.find("ccording", s0, s1) != -1 else None
    if m is not None:
        span = np_after(ctx, m.end(), s1)
        if span is not None:
            return _strip_det(text[span[0] : span[1]])
    for v in _SOURCE_VERB_RE.finditer(text, s0, s1):
        if ctx.quoted(v.start()):
            continue
        span = np_before(ctx, v.start(), s0)
        if span is None:
            continue
        phrase = text[span[0] : span[1]]
        if phrase.lower() in ("he", "she", "it", "they", "we", "i") or phrase.lower() in (
            "a",
            "an",
            "the",
        ):
            continue
        return _strip_det(phrase)
    return None


_LOCATIVE_RE = re.compile(
    r"(?:,[^,.;\n]{1,30},)?[^\S\n]+(?P<loc>(?:in|from|inside|across)[^\S\n]+"
    r"(?:(?:the|southern|northern|central|eastern|western|occupied|south|north|east|west)"
    r"[^\S\n]+){0,2}(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)"
    r"[A-Z][\w-]*(?:[’']s)?(?:[^\S\n]+[A-Z][\w-]+)*)"
)


def subject_of(text: str, noun: str | None, mods: str, noun_end: int, s1: int) -> str | None:
    """Who a figure counts: its noun with the capitalised words before it, and the place
    after it ("Palestinians in Gaza"); None when the number has no noun."""
    if noun is None:
        return None
    caps = [w for w in mods.split() if w[:1].isupper()]
    subject = " ".join([*caps, noun])
    loc = _LOCATIVE_RE.match(text, noun_end, s1)
    if loc is not None:
        place = loc.group("loc")
        for suffix in ("’s", "'s"):
            place = place.removesuffix(suffix)
        subject = f"{subject} {place}"
    return subject


def _strip_det(phrase: str) -> str:
    for det in ("the ", "The "):
        if phrase.startswith(det):
            return phrase[len(det) :]
    return phrase


_SINCE_RE = re.compile(r"\b(?:since|from|starting)[^\S\n]+\Z", re.I)


def as_of_date(
    text: str,
    dates: list[DateMention],
    pos: int,
    pos_end: int,
    s0: int,
    s1: int,
    published: date | None,
    measure: str,
    toll: bool = False,
) -> date | None:
    """The date a figure refers to: a date in its own clause (no comma between them), the
    day of the attack for its dead and hostages (`toll`: the sentence ties the count to
    Hamas's attack, figrules.attack_toll), or the article's date."""
    # "since Oct. 7" starts the period a toll covers; the toll itself is as of today
    usable = [
        d
        for d in dates
        if d.on is not None
        and not _SINCE_RE.search(text, max(s0, d.start - 12), d.start)
        and not d.text.lower().startswith(("since", "from"))  # "since October" read whole
        and (
            not _CLAUSE_BREAK_RE.search(
                text, *((d.end, pos) if d.end <= pos else (pos_end, d.start))
            )
            # "the horrors of Oct. 7, when militants killed 1,400 people": that day's
            or (d.end <= pos and _WHEN_RE.match(text, d.end, pos) is not None)
        )
        # "died … since Israel launched its campaign … on Oct. 7": the period's start
        and not (d.start > pos_end and _SINCE_WORD_RE.search(text, pos_end, d.start))
        # "spoke on Sunday with … about the six hostages": the date of the talk
        and not (d.end <= pos and _TALK_BEFORE_RE.search(text, max(s0, d.start - 16), d.start))
    ]
    attack = measure in ("killed", "hostages_taken") and _speaks_of_attack(text, s0, s1)
    d = nearest(usable, pos)
    if d is None or d.on is None:
        # hostages were taken in the attack unless the text dates them otherwise
        toll = toll and measure in ("killed", "hostages_taken")
        return OCT7 if measure == "hostages_taken" or toll else published
    if d.on.year == 2023 and d.on.month == 10 and (attack or toll):
        return OCT7  # "the attack last October that killed …": the war's first day
    return d.on


_CLAUSE_BREAK_RE = re.compile(r"[,;:]")


@functools.lru_cache(maxsize=16)
def _speaks_of_attack(text: str, s0: int, s1: int) -> bool:
    """Whether the sentence speaks of the attack: asked once a sentence, not per figure (a
    sentence of thousands of figures would be read thousands of times)."""
    return _ATTACK_RE.search(text, s0, s1) is not None


class DatesNear:
    """The dates of one sentence, looked up by bisection, so that a sentence of thousands of
    figures and dates costs n log n rather than n squared."""

    def __init__(self, text: str, s0: int, s1: int, dates: list[DateMention]) -> None:
        self.dates = dates  # in text order
        self.starts = [d.start for d in dates]
        self.ends = list(itertools.accumulate((d.end for d in dates), max))  # sorted if nested
        self.breaks = [m.start() for m in _CLAUSE_BREAK_RE.finditer(text, s0, s1)]

    def covers(self, at: int) -> bool:
        """Whether `at` lies inside a date ("on 7 October": the 7 is not a count)."""
        k = bisect.bisect_right(self.starts, at) - 1
        return k >= 0 and at < self.ends[k]

    def around(self, pos: int, pos_end: int) -> list[DateMention]:
        """Every date as_of_date could use for the number at pos..pos_end: those of its
        clause, and of the clause before (", when": the one break it may look across)."""
        before = bisect.bisect_left(self.breaks, pos) - 2
        lo = self.breaks[before] if before >= 0 else -1
        after = bisect.bisect_left(self.breaks, pos_end)
        hi = self.breaks[after] if after < len(self.breaks) else 1 << 62
        return self.dates[bisect.bisect_left(self.ends, lo) : bisect.bisect_right(self.starts, hi)]


_SINCE_WORD_RE = re.compile(r"\bsince\b", re.I)
_WHEN_RE = re.compile(r",[^\S\n]*when\b[^,;:]*\Z")
_TALK_BEFORE_RE = re.compile(
    r"\b(?:spoke|speaks|met|meets|called|calls|talked|talks|phoned|visited|discussed)"
    r"(?:[^\S\n]+(?:on|late|early|last))?[^\S\n]+\Z"
)


def with_attack_dates(out: list[FigureCandidate], published: date | None) -> list[FigureCandidate]:
    """The dead counted beside the hostages taken on 7 October, with no date of their own,
    are that day's dead too: "1,400 people were killed in Israel and more than 200 were
    taken hostage"."""
    taken = next((f.start for f in out if f.measure == "hostages_taken" and f.as_of == OCT7), None)
    if taken is None:
        return out
    # only the dead counted before the hostages: a count after them is of the hostages'
    # fate ("251 hostages, … including 39 the military says are dead")
    return [
        replace(f, as_of=OCT7)
        if f.measure == "killed" and f.as_of == published and f.start < taken
        else f
        for f in out
    ]
