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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from shuttle.records.fields import Measure
from shuttle.text.numbers import NumberMention, find_numbers, qualifier_at
from shuttle.text.segments import Segments

from .candidates import FigureCandidate
from .context import Ctx
from .fignouns import (
    BARE_AFTER_VERB_RE,
    BODY_NOUNS,
    ELIDED_RE,
    HOSTAGE_NOUNS,
    MODAL_RE,
    NEXT_NOUN_RE,
    NOT_COUNT_AFTER_RE,
    NOUN_RE,
    PRISONER_NOUNS,
    THING_SET,
    clause_end,
    hypothetical,
    not_a_count,
)
from .figparts import DatesNear, as_of_date, attribution_of, with_attack_dates
from .figrules import (
    attack_toll,
    detainees_exchanged,
    evacuated_measure,
    hostage_context,
    population_label,
    share_of,
    unrealised,
)
from .keywords import NUMBER
from .verbs import MEASURE_CLASSES, class_after, class_before, measure_of, verb_class

_COORD_RE = re.compile(
    r"[^\S\n]*(?:,[^\S\n]*)?(?:and|as[^\S\n]+well[^\S\n]+as|,)[^\S\n]+(?:(?:at[^\S\n]+least|more[^\S\n]+than|over|some|about|nearly|almost|around|roughly)[^\S\n]+)?\Z"
)
_TOLL_RE = re.compile(r"(?=[dDtTfF])\b(?:death[^\S\n]+toll|toll|fatalities|dead)\b", re.I)
_HELD_WORD_RE = re.compile(r"\bheld\b")


_LOCATIVE_RE = re.compile(
    r"(?:,[^,.;\n]{1,30},)?[^\S\n]+(?P<loc>(?:in|from|inside|across)[^\S\n]+"
    r"(?:(?:the|southern|northern|central|eastern|western|occupied|south|north|east|west)"
    r"[^\S\n]+){0,2}(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)"
    r"[A-Z][\w-]*(?:[’']s)?(?:[^\S\n]+[A-Z][\w-]+)*)"
)


@dataclass(slots=True)
class _Found:
    number: NumberMention
    noun: str | None
    mods: str
    noun_end: int
    before: str | None  # verb class right before the number
    qualifier: str | None
    q_start: int
    stop: int  # end of the clause after the noun
    after: str | None = None  # verb class after the noun, in the clause


_INCLUDING_RE = re.compile(r"\b(?:including|among\s+them|of\s+whom|among\s+whom)\s+\Z", re.I)


def _subject(text: str, f: _Found, s1: int) -> str | None:
    if f.noun is None:
        return None
    mods = [w for w in f.mods.split() if w[:1].isupper()]
    subject = " ".join([*mods, f.noun])
    loc = _LOCATIVE_RE.match(text, f.noun_end, s1)
    if loc is not None:
        place = loc.group("loc")
        for suffix in ("’s", "'s"):
            place = place.removesuffix(suffix)
        subject = f"{subject} {place}"
    return subject


def _label(f: _Found, verb: str | None, before: str | None = None) -> str:
    noun = " ".join([*f.mods.split(), f.noun or before or ""]).strip()
    if verb is not None and verb.startswith("other:"):
        return f"{noun} {verb[6:]}".strip()
    return noun


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


def _sentence_figures(
    text: str,
    s0: int,
    s1: int,
    numbers: list[NumberMention],
    published: date | None,
    ctx: Ctx,
) -> list[FigureCandidate]:
    found: list[_Found] = []
    prev_end = s0
    modal = MODAL_RE.search(text, s0, s1) is not None  # most sentences have none
    nouned = False  # whether a figure found so far has its noun (not any() each time)
    for n in numbers:
        noun_m = NOUN_RE.match(text, n.end, s1)
        bare = el = False
        per_day: _Found | None = None
        if noun_m is None:
            if not n.words and len(n.text) == 4 and 1900 <= n.value <= 2100:
                prev_end = n.end
                continue  # a year ("since 2011"), not a count
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
            if not (el or bare or shared or per_day or verb_before) and not _TOLL_RE.search(
                text, prev_end, n.start
            ):
                prev_end = n.end
                continue
        if per_day is None and (
            NOT_COUNT_AFTER_RE.match(text, n.end, s1) or not_a_count(text, n, s0)
        ):
            prev_end = n.end
            continue
        qualifier, q_start = qualifier_at(text, n.start, n.end, s0, s1)
        # "the remaining 115 hostages" counts those held now, whatever the clause plans
        remaining = text[max(s0, q_start - 11) : q_start].rstrip().lower().endswith("remaining")
        planned = modal and hypothetical(text, max(s0, prev_end), q_start)
        if (
            (planned and not remaining)
            or unrealised(text, max(s0, prev_end), q_start, n.end, s1)
            or share_of(text, s0, q_start)
        ):
            prev_end = n.end
            continue  # "the deal would see Hamas release 33 hostages": nothing has happened
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
            including = found and _INCLUDING_RE.search(text, max(s0, q_start - 20), q_start)
            if not including and not _TOLL_RE.search(text, prev_end, n.start):
                prev_end = n.end
                continue
        # the clause end is wanted within 90 characters; a dash 90 on is closed within 60
        stop = min(clause_end(text, noun_end, min(s1, noun_end + 151)), noun_end + 90)
        found.append(_Found(n, noun, mods or "", noun_end, before, qualifier, q_start, stop))
        nouned = nouned or noun is not None
        prev_end = n.end
    if not found:
        return []
    dates = ctx.dates(s0, s1)
    near = DatesNear(text, s0, s1, dates)  # by bisection: a long sentence stays linear
    found = [f for f in found if not near.covers(f.number.start)]
    # the verb after each noun, up to the next number; "and"-joined numbers share one
    for i, f in enumerate(found):
        stop = f.stop
        if i + 1 < len(found) and found[i + 1].q_start < stop:
            stop = found[i + 1].q_start
        f.after = class_after(text, f.noun_end, stop)
    for i in range(len(found) - 2, -1, -1):
        f, g = found[i], found[i + 1]
        if f.after is None and _COORD_RE.search(text, f.noun_end, g.q_start) is not None:
            f.after = g.after
    out: list[FigureCandidate] = []
    attribution: str | None = None
    attributed = False
    last_subject: str | None = None
    previous: _Found | None = None
    previous_as_of: date | None = None
    prev_verb: str | None = None
    si = ctx.segs.sentence_index(s0)
    context_start = ctx.segs.sentences[si - 1][0] if si > 0 else s0  # the sentence before
    sentence = text[s0:s1]  # one copy a sentence, shared by its figures (not one each)
    for f in found:
        verb = f.before or f.after or _mods_verb(f.mods)  # "240 taken hostage"
        # "killed more than 1,300 Israelis, at least 27 American citizens, and …": every
        # item of a list takes the verb that stands before the first
        listed = (
            verb is None
            and previous is not None
            and prev_verb is not None
            and _COORD_RE.fullmatch(text, previous.noun_end, f.q_start) is not None
        )
        if listed:
            verb = prev_verb
        part = previous is not None and _INCLUDING_RE.search(
            text, max(s0, f.q_start - 20), f.q_start
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
        previous, prev_verb = f, verb
        noun = f.noun.lower() if f.noun else None
        if noun is not None and noun in THING_SET:
            continue  # counts of things (trucks, missiles, targets) are not figures
        if verb == "evacuated":
            verb = evacuated_measure(noun or _prev_noun(found, f), f.mods)
        elif verb == "released" and not detainees_exchanged(noun, text, s0, s1):
            verb = "other:released"  # detainees freed with no exchange: not a swap's prisoners
        measure: Measure | None
        label: str | None = None
        if noun in BODY_NOUNS and (verb is None or not verb.startswith("other:")):
            measure = "killed"  # "recovered 15 bodies": the dead
        elif verb is not None and verb.startswith("other:"):
            if noun is None and last_subject is None:
                continue
            # "195 Palestinians were killed, with 120 still missing": the people counted before
            measure, label = "other", _label(f, verb, last_subject)
        elif verb is not None:
            measure = measure_of(verb, noun or _prev_noun(found, f))
            if (
                measure is None
                and verb == "held"
                and (
                    any(o.measure.startswith("hostages") for o in out)
                    or hostage_context(text, context_start, s1)
                    # "eight Americans who are still being held": captives, unless prisoners
                    or (
                        _HELD_WORD_RE.search(text, f.noun_end, f.stop) is not None
                        and noun not in PRISONER_NOUNS
                    )
                )
            ):
                # "Of the 251 people abducted, 96 remain held", "seven Americans who
                # remain in Gaza" where hostages are spoken of
                measure = "hostages_held"
        elif _TOLL_RE.search(text, s0, f.q_start):
            measure = "killed"
        elif noun in HOSTAGE_NOUNS:
            measure = "hostages_held"  # "the 100 or so hostages": held, until freed
        elif (pop := population_label(text, f.noun, f.noun_end, f.number.value)) is not None:
            measure, label = "other", pop  # "around 1.4 million people in Rafah"
        else:
            measure = None
        if measure is None:
            continue
        if not attributed:
            attribution, attributed = attribution_of(ctx, s0, s1), True
        subject = _subject(text, f, s1)
        if subject is None or subject.lower().startswith("others"):
            subject = last_subject if f.noun is None or subject is None else subject
        last_subject = subject or last_subject
        n = f.number
        toll = measure in ("killed", "hostages_taken") and attack_toll(
            text, s0, s1, f.q_start, f.noun_end, published
        )
        as_of = as_of_date(
            text, near.around(n.start, n.end), n.start, n.end, s0, s1, published, measure, toll
        )
        if (
            as_of == published
            and coordinated
            and previous_as_of is not None
            and not (part and out and out[-1].measure != measure)  # "250 hostages, including
        ):  # 33 who have died": their fate, later
            as_of = previous_as_of  # "killed 12 on Tuesday …, and wounded 2,800": one event
        out.append(
            FigureCandidate(
                value=n.value,
                measure=measure,
                text=n.text,
                start=n.start,
                end=n.end,
                sentence=sentence,
                sentence_start=s0,
                sentence_end=s1,
                qualifier=f.qualifier,
                label=label,
                subject=subject,
                attribution=attribution,
                as_of=as_of,
            )
        )
        previous_as_of = as_of
    return with_attack_dates(out, published)


def _mods_verb(mods: str) -> str | None:
    for w in mods.split():
        cls = verb_class(w)
        if cls in MEASURE_CLASSES:
            return cls
    return None


# What joins a figure to the one before as the same event: ", and wounded", " and took".
_AND_VERB_RE = re.compile(
    r"[^\S\n]*(?:,[^\S\n]*)?(?:[^,;.]{0,60},[^\S\n]*)?and[^\S\n]+[a-z]+[^\S\n]+"
)
_PER_DAY_RE = re.compile(r"[^\S\n]+(?:a|per|each)[^\S\n]+day\b|[^\S\n]+daily\b")


def _prev_noun(found: list[_Found], f: _Found) -> str | None:
    prev = None
    for g in found:
        if g is f:
            return prev
        prev = g.noun or prev
    return None
