"""Casualty and humanitarian figures: a number, what it counts and what happened to them.

A number is a figure when it counts PEOPLE to whom something happened (killed, injured,
taken hostage, released, held, displaced; or detained, missing, sheltering, evacuated, a
population cut off or placed somewhere: measure "other" with a label). Militants killed
are "killed" with subject "militants". figrules.py holds the rules issue 11 added for
real reporting (held hostages, evacuees, detainees, populations, the attack's date,
releases still to come).

Not figures: counts of things (missiles, aid trucks, aircraft, tonnage, targets, attacks,
countries), durations ("four months"), ages ("Emad, 55"), "a father of six", dates,
ordinals, trip sizes ("four-nation"), counts of houses, leaders or families with nothing
happening to them, and vague amounts ("dozens", "several hundred").

The verb decides the measure: the one right before the number ("killing at least 11
people"), else the first one after its noun in the same clause ("27,840 Palestinians have
been confirmed killed"); numbers joined by "and" share a verb ("100 hostages and 240
prisoners freed"), and so do the items of a list after one verb ("killed more than 1,300
Israelis, at least 27 American citizens"). A number with no noun takes a participle
("67,000 injured") and the subject of the figure before it; "death toll" makes a bare
number a count of the dead.

The steps: figfind.py finds the numbers that may count people and the verbs around them;
here each one's verb and measure are decided; figparts.py gives what a figure carries
besides (subject, attribution, date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from shuttle.records.fields import Measure
from shuttle.text.numbers import NumberMention, find_numbers
from shuttle.text.segments import Segments

from .candidates import FigureCandidate
from .context import Ctx
from .figfind import COORD_RE, INCLUDING_RE, TOLL_RE, Found, find_counts, link_verbs
from .fignouns import BODY_NOUNS, HOSTAGE_NOUNS, PRISONER_NOUNS, THING_SET
from .figparts import DatesNear, as_of_date, attribution_of, subject_of, with_attack_dates
from .figrules import (
    attack_toll,
    detainees_exchanged,
    evacuated_measure,
    hostage_context,
    population_label,
)
from .keywords import NUMBER
from .verbs import MEASURE_CLASSES, class_after, measure_of, verb_class

_HELD_WORD_RE = re.compile(r"\bheld\b")
# What joins a figure to the one before as the same event: ", and wounded", " and took".
_AND_VERB_RE = re.compile(
    r"[^\S\n]*(?:,[^\S\n]*)?(?:[^,;.]{0,60},[^\S\n]*)?and[^\S\n]+[a-z]+[^\S\n]+"
)


def extract_figures(
    text: str, segs: Segments, published: date | None, ctx: Ctx
) -> list[FigureCandidate]:
    """Every figure in the text, in order."""
    out: list[FigureCandidate] = []
    numbers = find_numbers(text, word_starts=ctx.kw.starts(NUMBER) if ctx.kw else None)
    by_sentence: dict[int, list[NumberMention]] = {}
    for n in numbers:
        by_sentence.setdefault(segs.sentence_index(n.start), []).append(n)
    seen: set[tuple[int, str]] = set()
    for si, group in by_sentence.items():
        s0, s1 = segs.sentences[si] if segs.sentences else (0, len(text))
        for f in _sentence_figures(text, s0, s1, group, published, ctx):
            if (f.value, f.measure) in seen and ctx.quoted(f.start):
                continue  # a count the article gave, restated in someone's quoted words
            seen.add((f.value, f.measure))
            out.append(f)
    return out


@dataclass(frozen=True, slots=True)
class _Sentence:
    """One sentence's text and what its figures share."""

    text: str
    s0: int
    s1: int
    published: date | None
    ctx: Ctx
    near: DatesNear
    found: list[Found]
    context_start: int  # the sentence before's start
    sentence: str  # one copy a sentence, shared by its figures (not one each)


@dataclass(slots=True)
class _Run:
    """What each figure of a sentence hands the next."""

    previous: Found | None = None
    prev_verb: str | None = None
    last_subject: str | None = None
    previous_as_of: date | None = None
    attribution: str | None = None
    attributed: bool = False


def _sentence_figures(
    text: str,
    s0: int,
    s1: int,
    numbers: list[NumberMention],
    published: date | None,
    ctx: Ctx,
) -> list[FigureCandidate]:
    found = find_counts(text, s0, s1, numbers)
    if not found:
        return []
    near = DatesNear(text, s0, s1, ctx.dates(s0, s1))  # by bisection: a long sentence stays linear
    found = [f for f in found if not near.covers(f.number.start)]
    link_verbs(text, found)
    si = ctx.segs.sentence_index(s0)
    context_start = ctx.segs.sentences[si - 1][0] if si > 0 else s0
    s = _Sentence(text, s0, s1, published, ctx, near, found, context_start, text[s0:s1])
    run = _Run()
    out: list[FigureCandidate] = []
    for f in found:
        verb, part, coordinated = _verb(s, f, run)
        run.previous, run.prev_verb = f, verb
        noun = f.noun.lower() if f.noun else None
        if noun is not None and noun in THING_SET:
            continue  # counts of things (trucks, missiles, targets) are not figures
        measure, label = _measure(s, f, verb, noun, out, run.last_subject)
        if measure is None:
            continue
        out.append(_candidate(s, f, measure, label, out, run, part=part, coordinated=coordinated))
    return with_attack_dates(out, published)


def _verb(s: _Sentence, f: Found, run: _Run) -> tuple[str | None, bool, bool]:
    """The verb class of `f`; whether it is part of the figure before ("including") and
    whether it is joined to it as one event."""
    text, previous = s.text, run.previous
    verb = f.before or f.after or _mods_verb(f.mods)  # "240 taken hostage"
    # "killed more than 1,300 Israelis, at least 27 American citizens, and …": every
    # item of a list takes the verb that stands before the first
    listed = (
        verb is None
        and previous is not None
        and run.prev_verb is not None
        and COORD_RE.fullmatch(text, previous.noun_end, f.q_start) is not None
    )
    if listed:
        verb = run.prev_verb
    part = previous is not None and (
        f.of_them or INCLUDING_RE.search(text, max(s.s0, f.q_start - 20), f.q_start) is not None
    )
    if previous is not None and part:
        # "killed 12 people, including two children, and wounded 2,800": part of the
        # last figure, unless its own words say otherwise ("including 39 … are dead")
        comma = text.find(",", f.noun_end, f.stop)
        own = class_after(text, f.noun_end, comma if comma != -1 else f.stop)
        verb = own or previous.before or previous.after or _mods_verb(previous.mods) or verb
    coordinated = previous is not None and (
        part or listed or _AND_VERB_RE.fullmatch(text, previous.noun_end, f.q_start) is not None
    )
    return verb, part, coordinated


def _measure(
    s: _Sentence,
    f: Found,
    verb: str | None,
    noun: str | None,
    out: list[FigureCandidate],
    last_subject: str | None,
) -> tuple[Measure | None, str | None]:
    """What `f` counts, and its label when the measure is "other"; (None, None): no figure."""
    text, s0, s1 = s.text, s.s0, s.s1
    if verb == "evacuated":
        verb = evacuated_measure(noun or _prev_noun(s.found, f), f.mods)
    elif verb == "released" and not detainees_exchanged(noun, text, s0, s1):
        verb = "other:released"  # detainees freed with no exchange: not a swap's prisoners
    if noun in BODY_NOUNS and (verb is None or not verb.startswith("other:")):
        return "killed", None  # "recovered 15 bodies": the dead
    if verb is not None and verb.startswith("other:"):
        if noun is None and last_subject is None:
            return None, None
        # "195 Palestinians were killed, with 120 still missing": the people counted before
        return "other", _label(f, verb, last_subject)
    if verb is not None:
        measure = measure_of(verb, noun or _prev_noun(s.found, f))
        if measure is None and verb == "held" and _held_captive(s, f, noun, out):
            # "Of the 251 people abducted, 96 remain held", "seven Americans who
            # remain in Gaza" where hostages are spoken of
            measure = "hostages_held"
        return measure, None
    if TOLL_RE.search(text, s0, f.q_start):
        return "killed", None
    if noun in HOSTAGE_NOUNS:
        return "hostages_held", None  # "the 100 or so hostages": held, until freed
    pop = population_label(text, f.noun, f.noun_end, f.number.value)
    if pop is not None:
        return "other", pop  # "around 1.4 million people in Rafah"
    return None, None


def _held_captive(s: _Sentence, f: Found, noun: str | None, out: list[FigureCandidate]) -> bool:
    return (
        any(o.measure.startswith("hostages") for o in out)
        or hostage_context(s.text, s.context_start, s.s1)
        # "eight Americans who are still being held": captives, unless prisoners
        or (
            _HELD_WORD_RE.search(s.text, f.noun_end, f.stop) is not None
            and noun not in PRISONER_NOUNS
        )
    )


def _candidate(
    s: _Sentence,
    f: Found,
    measure: Measure,
    label: str | None,
    out: list[FigureCandidate],
    run: _Run,
    *,
    part: bool,
    coordinated: bool,
) -> FigureCandidate:
    """`f` as a figure: its subject, attribution and date, after the figures in `out`."""
    text, s0, s1, published = s.text, s.s0, s.s1, s.published
    if not run.attributed:
        run.attribution, run.attributed = attribution_of(s.ctx, s0, s1), True
    subject = subject_of(text, f.noun, f.mods, f.noun_end, s1)
    if subject is None or subject.lower().startswith("others"):
        subject = run.last_subject if f.noun is None or subject is None else subject
    if not part:  # "two children" of "12 people, including two children": not the next's
        run.last_subject = subject or run.last_subject
    n = f.number
    toll = measure in ("killed", "hostages_taken") and attack_toll(
        text, s0, s1, f.q_start, f.noun_end, published
    )
    as_of = as_of_date(
        text, s.near.around(n.start, n.end), n.start, n.end, s0, s1, published, measure, toll
    )
    if (
        as_of == published
        and coordinated
        and run.previous_as_of is not None
        and not (part and out and out[-1].measure != measure)  # "250 hostages, including
    ):  # 33 who have died": their fate, later
        as_of = run.previous_as_of  # "killed 12 on Tuesday …, and wounded 2,800": one event
    run.previous_as_of = as_of
    return FigureCandidate(
        value=n.value,
        measure=measure,
        text=n.text,
        start=n.start,
        end=n.end,
        sentence=s.sentence,
        sentence_start=s0,
        sentence_end=s1,
        qualifier=f.qualifier,
        label=label,
        subject=subject,
        attribution=run.attribution,
        as_of=as_of,
    )


def _label(f: Found, verb: str | None, before: str | None = None) -> str:
    noun = " ".join([*f.mods.split(), f.noun or before or ""]).strip()
    if verb is not None and verb.startswith("other:"):
        return f"{noun} {verb[6:]}".strip()
    return noun


def _mods_verb(mods: str) -> str | None:
    for w in mods.split():
        cls = verb_class(w)
        if cls in MEASURE_CLASSES:
            return cls
    return None


def _prev_noun(found: list[Found], f: Found) -> str | None:
    prev = None
    for g in found:
        if g is f:
            return prev
        prev = g.noun or prev
    return None
