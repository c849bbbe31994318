"""The numbers of one sentence that may be figures: each with its noun, its qualifier, the
verb class right before it and the one after its noun in the clause (figures.py then
decides what each counts).

A number is kept when a noun follows it ("27,840 Palestinians", "33 of them children"),
or, with no noun, when something still says it counts people: an elided noun ("67,000
injured"), a verb before it ("wounded 74,096"), a death toll, the count of a noun named
before ("Of the 251 hostages, 116 remain"), or the things counted just before ("500 a
day"). Years, counts that are not counts, and numbers in a plan or a hypothetical ("would
release 33") are dropped here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shuttle.text.numbers import NumberMention, qualifier_at

from .fignouns import (
    BARE_AFTER_VERB_RE,
    ELIDED_RE,
    MODAL_RE,
    NEXT_NOUN_RE,
    NOT_COUNT_AFTER_RE,
    NOUN_RE,
    THING_SET,
    clause_end,
    hypothetical,
    not_a_count,
)
from .figrules import share_of, unrealised
from .verbs import MEASURE_CLASSES, class_after, class_before

# What joins two figures into a list: ", and", " as well as", "," (and a qualifier).
COORD_RE = re.compile(
    r"[^\S\n]*(?:,[^\S\n]*)?(?:and|as[^\S\n]+well[^\S\n]+as|,)[^\S\n]+(?:(?:at[^\S\n]+least|more[^\S\n]+than|over|some|about|nearly|almost|around|roughly)[^\S\n]+)?\Z"
)
TOLL_RE = re.compile(r"(?=[dDtTfF])\b(?:death[^\S\n]+toll|toll|fatalities|dead)\b", re.I)
INCLUDING_RE = re.compile(r"\b(?:including|among\s+them|of\s+whom|among\s+whom)\s+\Z", re.I)
_OF_THEM_RE = re.compile(r"[^\S\n]+of[^\S\n]+(?:them|whom)(?=[^\S\n])")
_PER_DAY_RE = re.compile(r"[^\S\n]+(?:a|per|each)[^\S\n]+day\b|[^\S\n]+daily\b")


@dataclass(slots=True)
class Found:
    number: NumberMention
    noun: str | None
    mods: str
    noun_end: int
    before: str | None  # verb class right before the number
    qualifier: str | None
    q_start: int
    stop: int  # end of the clause after the noun
    after: str | None = None  # verb class after the noun, in the clause
    of_them: bool = False  # "33 of them children": part of the figure before


def find_counts(text: str, s0: int, s1: int, numbers: list[NumberMention]) -> list[Found]:
    """The numbers of the sentence `s0:s1` that may count people, in order."""
    found: list[Found] = []
    prev_end = s0
    modal = MODAL_RE.search(text, s0, s1) is not None  # most sentences have none
    nouned = False  # whether a figure found so far has its noun (not any() each time)
    for n in numbers:
        f = _count(text, s0, s1, n, prev_end, found, modal=modal, nouned=nouned)
        if f is not None:
            found.append(f)
            nouned = nouned or f.noun is not None
        prev_end = n.end
    return found


def _count(
    text: str,
    s0: int,
    s1: int,
    n: NumberMention,
    prev_end: int,
    found: list[Found],
    *,
    modal: bool,
    nouned: bool,
) -> Found | None:
    """`n` as a possible figure, or None; `prev_end` is where the number before it ends."""
    of_them = _OF_THEM_RE.match(text, n.end, s1)
    noun_m = NOUN_RE.match(text, of_them.end() if of_them else n.end, s1)
    if noun_m is None and of_them is not None:
        noun_m = NOUN_RE.match(text, n.end, s1)  # "15 of them are agreed": no noun there
    part = of_them is not None and noun_m is not None and noun_m.start() == of_them.end()
    bare = el = False
    per_day: Found | None = None
    if noun_m is None:
        if not n.words and len(n.text) == 4 and 1900 <= n.value <= 2100:
            return None  # a year ("since 2011"), not a count
        # no noun: "67,000 injured", "abducting 253,", "the death toll … 35,386"
        el = ELIDED_RE.match(text, n.end, s1) is not None
        bare = BARE_AFTER_VERB_RE.match(text, n.end, s1) is not None
        # "Of the 251 hostages, 116 remain": the count of a noun named before
        shared = nouned and (class_after(text, n.end, clause_end(text, n.end, s1)) is not None)
        # "far below the 500 a day that entered": the things counted just before
        if _PER_DAY_RE.match(text, n.end, s1):
            per_day = next((g for g in reversed(found) if g.noun in THING_SET), None)
        verb_before = not (el or bare or shared or per_day) and (
            class_before(text, prev_end, n.start) in MEASURE_CLASSES  # "wounded 74,096"
        )
        if not (el or bare or shared or per_day or verb_before) and not TOLL_RE.search(
            text, prev_end, n.start
        ):
            return None
    if per_day is None and (NOT_COUNT_AFTER_RE.match(text, n.end, s1) or not_a_count(text, n, s0)):
        return None
    qualifier, q_start = qualifier_at(text, n.start, n.end, s0, s1)
    if _not_happened(text, s0, s1, n, prev_end, q_start, modal=modal):
        return None  # "the deal would see Hamas release 33 hostages": nothing has happened
    noun = mods = None
    noun_end = n.end
    before = class_before(text, prev_end, q_start)
    if per_day is not None:
        noun, mods = per_day.noun, per_day.mods
    elif noun_m is not None:
        noun, mods, noun_end = noun_m.group("noun"), noun_m.group("mods") or "", noun_m.end()
        while (more := NEXT_NOUN_RE.match(text, noun_end, s1)) is not None:
            # "240 Palestinian prisoners": the last noun of the phrase is the head
            mods = f"{mods} {noun}"
            noun, noun_end = more.group("noun"), more.end()
    elif not el and bare and before not in MEASURE_CLASSES:
        including = found and INCLUDING_RE.search(text, max(s0, q_start - 20), q_start)
        if not including and not TOLL_RE.search(text, prev_end, n.start):
            return None
    # the clause end is wanted within 90 characters; a dash 90 on is closed within 60
    stop = min(clause_end(text, noun_end, min(s1, noun_end + 151)), noun_end + 90)
    return Found(n, noun, mods or "", noun_end, before, qualifier, q_start, stop, of_them=part)


def _not_happened(
    text: str, s0: int, s1: int, n: NumberMention, prev_end: int, q_start: int, *, modal: bool
) -> bool:
    """A count in a plan, a hypothetical or a share of something ("would release 33")."""
    # "the remaining 115 hostages" counts those held now, whatever the clause plans
    remaining = text[max(s0, q_start - 11) : q_start].rstrip().lower().endswith("remaining")
    planned = modal and hypothetical(text, max(s0, prev_end), q_start)
    return bool(
        (planned and not remaining)
        or unrealised(text, max(s0, prev_end), q_start, n.end, s1)
        or share_of(text, s0, q_start)
    )


def link_verbs(text: str, found: list[Found]) -> None:
    """Each figure's verb after its noun, up to the next number; "and"-joined numbers
    share one ("100 hostages and 240 prisoners freed")."""
    for i, f in enumerate(found):
        stop = f.stop
        if i + 1 < len(found) and found[i + 1].q_start < stop:
            stop = found[i + 1].q_start
        f.after = class_after(text, f.noun_end, stop)
    for i in range(len(found) - 2, -1, -1):
        f, g = found[i], found[i + 1]
        if f.after is None and COORD_RE.search(text, f.noun_end, g.q_start) is not None:
            f.after = g.after
