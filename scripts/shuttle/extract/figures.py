"""Casualty and humanitarian figures: a number, what it counts and what happened to them.

A number is a figure when it counts people to whom something happened (killed, injured,
taken hostage, released, held, displaced; or detained, missing, sheltering: measure
"other") or counts things that matter to a war's toll (missiles, rockets, aid trucks:
measure "other" with a label). Militants killed are "killed" with subject "militants".

Not figures: durations ("four months"), ages ("Emad, 55"), "a father of six", dates,
ordinals, trip sizes ("four-nation"), counts of nations, houses, leaders or families with
nothing happening to them, and vague amounts ("dozens", "several hundred").

The verb decides the measure: the one right before the number ("killing at least 11
people"), else the first one after its noun in the same clause ("27,840 Palestinians have
been confirmed killed"); numbers joined by "and" share a verb ("100 hostages and 240
prisoners freed"). A number with no noun takes a participle ("67,000 injured") and the
subject of the figure before it; "death toll" makes a bare number a count of the dead.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass
from datetime import date

from .candidates import FigureCandidate, Measure
from .context import Ctx
from .dates import OCT7, DateMention, nearest
from .keywords import NUMBER
from .numbers import NumberMention, find_numbers, qualifier_at
from .phrases import np_after, np_before
from .text import WS, Segments, word_start, word_trie
from .verbs import MEASURE_CLASSES, class_after, class_before, measure_of, verb_class

_PEOPLE = (
    "people persons person individuals palestinians palestinian israelis israeli civilians "
    "civilian children child kids minors babies infants women men girls boys residents "
    "hostages hostage captives captive prisoners prisoner detainees detainee militants "
    "militant fighters fighter gunmen terrorists soldiers soldier troops reservists officers "
    "journalists journalist reporters photographers workers staff employees staffers "
    "doctors medics paramedics nurses patients refugees americans citizens nationals "
    "foreigners others victims gazans lebanese syrians families students teachers "
    "worshippers members volunteers protesters demonstrators settlers suspects pilgrims "
    "mourners relatives babies toddlers teenagers elderly operatives combatants insurgents "
    "attackers assailants bodies corpses"
).split()
# The dead counted by their bodies: "rescuers recovered 15 bodies".
_BODY_NOUNS = frozenset("bodies corpses".split())
_THINGS = (
    "trucks truck lorries missiles missile rockets rocket drones drone projectiles mortars "
    "shells bombs munitions airstrikes strikes tons tonnes meals parcels pallets airdrops "
    "targets tunnels sorties interceptors launchers aircraft warplanes"
).split()
# Factored by prefix (and in both cases) so that a failed match fails fast.
_NOUN_ALT = word_trie(sorted({w for n in _PEOPLE + _THINGS for w in (n, n.capitalize())}))
_NOUN_RE = re.compile(
    rf"""(?:[^\S\n]+of[^\S\n]+(?:its|their|the|his|her|those|our)[^\S\n]+
          |(?P<mods>(?:[^\S\n]+(?!(?:and|or|of|in|on|at|to|for|from|with|by|were|was|are
            |is|have|has|had|who|which|that|a|an|the)\b)[A-Za-z][\w’'-]*){{0,3}}?)[^\S\n]+)
        (?P<noun>{_NOUN_ALT})(?![\w’'-])""",
    re.X,
)
_NEXT_NOUN_RE = re.compile(rf"[^\S\n]+(?P<noun>{_NOUN_ALT})(?![\w’'-])")
_ELIDED_RE = re.compile(
    r"[^\S\n]+(?:(?:have|has|had|were|was|are|is)[^\S\n]+)?(?:(?:been|also|reportedly)"
    r"[^\S\n]+)*(?P<verb>killed|injured|wounded|dead|displaced|released|freed|detained|arrested"
    r"|missing|kidnapped|abducted)\b"
)
# "killing 1,200 people and abducting 253, according to …": a bare count after its verb
_BARE_AFTER_VERB_RE = re.compile(r"[^\S\n]*(?:[,.;:)]|\Z|[^\S\n]+(?:others?|more|in|on|at|and)\b)")
_NOT_COUNT_AFTER_RE = re.compile(
    r"(?:[^\S\n]+and[^\S\n]+a[^\S\n]+(?:half|quarter))?[^\S\n]+(?:[\w-]+[^\S\n]+)?"
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|nights?"
    r"|times|percent|per[^\S\n]?cent|km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|acres"
    r"|dollars|euros|pounds|shekels|points?|am|pm|a\.m\.|p\.m\.|GMT)\b",
    re.I,
)
_AGE_AFTER_RE = re.compile(r"[^\S\n]*-?years?-old|[^\S\n]+years?[^\S\n]+old")
_COORD_RE = re.compile(
    r"[^\S\n]*(?:,[^\S\n]*)?(?:and|as[^\S\n]+well[^\S\n]+as|,)[^\S\n]+(?:(?:at[^\S\n]+least|more[^\S\n]+than|over|some|about|nearly|almost|around|roughly)[^\S\n]+)?\Z"
)
# A clause ends at a stop or at a dash after a space (the match starts at that space):
# "[;.!?]|[^\S\n][—–]", written to start with one class (of the stops and the spaces but
# the newline), so that a search skips the text between fast.
_CLAUSE_END_RE = re.compile(f"[;.!?{WS.replace(chr(92) + 'n', '')}](?:(?<=[;.!?])|[—–])")
_TOLL_RE = re.compile(r"(?=[dDtTfF])\b(?:death[^\S\n]+toll|toll|fatalities|dead)\b", re.I)
_ATTACK_RE = re.compile(
    r"(?=[aAoOrRmMiI])\b(?:attack|onslaught|assault|rampage|massacre|incursion)", re.I
)
_THING_SET = frozenset(_THINGS)


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


_MONTH_BEFORE_RE = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[^\S\n]+\Z"
)


def _not_a_count(text: str, n: NumberMention, s0: int) -> bool:
    """An age ("Emad, 55,"), "a father of six", "No. 1", or the day of a date ("Oct. 7")."""
    head = text[max(s0, n.start - 12) : n.start]
    if head.endswith((", ", ",")) and text[n.end : n.end + 1] == ",":
        return True
    words = head.split()
    last = words[-1].lower() if words else ""
    if last in ("aged", "age", "no.", "no", "#"):
        return True
    if last == "of" and len(words) > 1 and words[-2].lower() in ("father", "mother", "parent"):
        return True
    if _AGE_AFTER_RE.match(text, n.end) and text[n.end : n.end + 1] != ",":
        return True
    return _MONTH_BEFORE_RE.search(head) is not None


_INCLUDING_RE = re.compile(r"\b(?:including|among\s+them|of\s+whom|among\s+whom)\s+\Z", re.I)


def _clause_end(text: str, pos: int, hi: int) -> int:
    """Where the clause at `pos` ends; a dash aside ("– half the population –") is skipped."""
    while True:
        m = _CLAUSE_END_RE.search(text, pos, hi)
        if m is None:
            return hi
        if text[m.end() - 1] in "—–":
            close = _CLAUSE_END_RE.search(text, m.end(), min(hi, m.end() + 60))
            if close is not None and text[close.end() - 1] == text[m.end() - 1]:
                pos = close.end()
                continue
        return m.start()


def _attribution(ctx: Ctx, s0: int, s1: int) -> str | None:
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


def _strip_det(phrase: str) -> str:
    for det in ("the ", "The "):
        if phrase.startswith(det):
            return phrase[len(det) :]
    return phrase


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


def _label(f: _Found, verb: str | None) -> str:
    noun = " ".join([*f.mods.split(), f.noun or ""]).strip()
    if verb is not None and verb.startswith("other:"):
        return f"{noun} {verb[6:]}".strip()
    return noun


_SINCE_RE = re.compile(r"\b(?:since|from|starting)[^\S\n]+\Z", re.I)


def _as_of(
    text: str,
    dates: list[DateMention],
    pos: int,
    pos_end: int,
    s0: int,
    s1: int,
    published: date | None,
    measure: str,
    attack_day: bool | None = None,
) -> date | None:
    """The date a figure refers to: a date in its own clause (no comma between them), the
    day of the attack for its dead and hostages, or the article's date. `dates`: those of
    the sentence, or of the figure's clause (_in_clause) with `attack_day` given for the
    sentence."""
    # "since Oct. 7" starts the period a toll covers; the toll itself is as of today
    usable = [
        d
        for d in dates
        if d.on is not None
        and not _SINCE_RE.search(text, max(s0, d.start - 12), d.start)
        and not _CLAUSE_BREAK_RE.search(
            text, *((d.end, pos) if d.end <= pos else (pos_end, d.start))
        )
    ]
    attack = (_attack_day(dates) if attack_day is None else attack_day) and _attack(text, s0, s1)
    if attack and measure in ("killed", "hostages_taken"):
        return OCT7  # "the attack last October that killed …": the war's first day
    d = nearest(usable, pos)
    if d is None or d.on is None:
        # hostages were taken in the attack unless the text dates them otherwise
        return OCT7 if measure == "hostages_taken" else published
    if d.on.year == 2023 and d.on.month == 10 and attack:
        return OCT7
    return d.on


_CLAUSE_BREAK_RE = re.compile(r"[,;:]")


@functools.lru_cache(maxsize=64)
def _attack(text: str, s0: int, s1: int) -> bool:
    """Whether the sentence speaks of the attack (asked once a sentence, not per figure)."""
    return _ATTACK_RE.search(text, s0, s1) is not None


def _attack_day(dates: list[DateMention]) -> bool:
    return any(d.on is not None and d.on.year == 2023 and d.on.month == 10 for d in dates)


def _in_clause(
    dates: list[DateMention],
    starts: list[int],
    ends: list[int],
    breaks: list[int],
    n: NumberMention,
) -> list[DateMention]:
    """The dates (in text order) with no clause break between them and number `n`: the
    only ones _as_of can use. Found by bisection, so that a sentence of thousands of
    figures and dates costs n log n, not n squared."""
    before = bisect.bisect_left(breaks, n.start) - 1
    last_break = breaks[before] if before >= 0 else -1
    after = bisect.bisect_left(breaks, n.end)
    next_break = breaks[after] if after < len(breaks) else 1 << 62
    return dates[bisect.bisect_right(ends, last_break) : bisect.bisect_right(starts, next_break)]


def extract_figures(
    text: str, segs: Segments, published: date | None, ctx: Ctx
) -> list[FigureCandidate]:
    """Every figure in the text, in order."""
    out: list[FigureCandidate] = []
    numbers = find_numbers(text, word_starts=ctx.kw.starts(NUMBER) if ctx.kw else None)
    by_sentence: dict[int, list[NumberMention]] = {}
    for n in numbers:
        by_sentence.setdefault(segs.sentence_index(n.start), []).append(n)
    for si, group in by_sentence.items():
        s0, s1 = segs.sentences[si] if segs.sentences else (0, len(text))
        out.extend(_sentence_figures(text, s0, s1, group, published, ctx))
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
    modal = _MODAL_RE.search(text, s0, s1) is not None  # most sentences have none
    nouned = False  # whether a figure found so far has its noun
    for n in numbers:
        noun_m = _NOUN_RE.match(text, n.end, s1)
        bare = el = False
        per_day: _Found | None = None
        if noun_m is None:
            if not n.words and len(n.text) == 4 and 1900 <= n.value <= 2100:
                prev_end = n.end
                continue  # a year ("since 2011"), not a count
            # no noun: "67,000 injured", "abducting 253,", "the death toll … 35,386"
            el = _ELIDED_RE.match(text, n.end, s1) is not None
            bare = _BARE_AFTER_VERB_RE.match(text, n.end, s1) is not None
            # "Of the 251 hostages, 116 remain": the count of a noun named before
            shared = nouned and (class_after(text, n.end, _clause_end(text, n.end, s1)) is not None)
            # "far below the 500 a day that entered": the things counted just before
            if _PER_DAY_RE.match(text, n.end, s1):
                per_day = next((g for g in reversed(found) if g.noun in _THING_SET), None)
            verb_before = not (el or bare or shared or per_day) and (
                class_before(text, prev_end, n.start) in MEASURE_CLASSES  # "wounded 74,096"
            )
            if not (el or bare or shared or per_day or verb_before) and not _TOLL_RE.search(
                text, prev_end, n.start
            ):
                prev_end = n.end
                continue
        if per_day is None and (
            _NOT_COUNT_AFTER_RE.match(text, n.end, s1) or _not_a_count(text, n, s0)
        ):
            prev_end = n.end
            continue
        qualifier, q_start = qualifier_at(text, n.start, n.end, s0, s1)
        if modal and _hypothetical(text, max(s0, prev_end), q_start):
            prev_end = n.end
            continue  # "the deal would see Hamas release 33 hostages": nothing has happened
        noun = mods = None
        noun_end = n.end
        before = class_before(text, prev_end, q_start)
        if per_day is not None:
            noun, mods = per_day.noun, per_day.mods
        elif noun_m is not None:
            noun, mods, noun_end = noun_m.group("noun"), noun_m.group("mods") or "", noun_m.end()
            while (more := _NEXT_NOUN_RE.match(text, noun_end, s1)) is not None:
                # "240 Palestinian prisoners": the last noun of the phrase is the head
                mods = f"{mods} {noun}"
                noun, noun_end = more.group("noun"), more.end()
        elif not el and bare and before not in MEASURE_CLASSES:
            including = found and _INCLUDING_RE.search(text, max(s0, q_start - 20), q_start)
            if not including and not _TOLL_RE.search(text, prev_end, n.start):
                prev_end = n.end
                continue
        # the clause end is wanted within 90 characters; a dash 90 on is closed within 60
        stop = min(_clause_end(text, noun_end, min(s1, noun_end + 151)), noun_end + 90)
        found.append(_Found(n, noun, mods or "", noun_end, before, qualifier, q_start, stop))
        nouned = nouned or noun is not None
        prev_end = n.end
    if not found:
        return []
    dates = ctx.dates(s0, s1)
    starts = [d.start for d in dates]  # in text order
    ends = list(itertools.accumulate((d.end for d in dates), max))  # sorted, even if nested
    breaks = [m.start() for m in _CLAUSE_BREAK_RE.finditer(text, s0, s1)]
    attack_day = _attack_day(dates)

    def in_a_date(at: int) -> bool:  # "on 7 October": the 7 is not a count
        k = bisect.bisect_right(starts, at) - 1
        return k >= 0 and at < ends[k]

    found = [f for f in found if not in_a_date(f.number.start)]
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
    sentence = text[s0:s1]  # one copy a sentence, shared by its figures (not one each)
    attribution: str | None = None
    attributed = False
    last_subject: str | None = None
    previous: _Found | None = None
    previous_as_of: date | None = None
    for f in found:
        verb = f.before or f.after or _mods_verb(f.mods)  # "240 taken hostage"
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
            part or _AND_VERB_RE.fullmatch(text, previous.noun_end, f.q_start) is not None
        )
        previous = f
        noun = f.noun.lower() if f.noun else None
        measure: Measure | None
        label: str | None = None
        if noun is not None and noun in _THING_SET:
            measure, label = "other", _label(f, None)
        elif noun in _BODY_NOUNS and (verb is None or not verb.startswith("other:")):
            measure = "killed"  # "recovered 15 bodies": the dead
        elif verb is not None and verb.startswith("other:"):
            if noun is None:
                continue
            measure, label = "other", _label(f, verb)
        elif verb is not None:
            measure = measure_of(verb, noun or _prev_noun(found, f))
            if (
                measure is None
                and verb == "held"
                and any(o.measure.startswith("hostages") for o in out)
            ):
                measure = "hostages_held"  # "Of the 251 people abducted, 96 remain held"
        elif _TOLL_RE.search(text, s0, f.q_start):
            measure = "killed"
        else:
            measure = None
        if measure is None:
            continue
        if not attributed:
            attribution, attributed = _attribution(ctx, s0, s1), True
        subject = _subject(text, f, s1)
        if subject is None or subject.lower().startswith("others"):
            subject = last_subject if f.noun is None or subject is None else subject
        last_subject = subject or last_subject
        n = f.number
        near = _in_clause(dates, starts, ends, breaks, n)
        as_of = _as_of(text, near, n.start, n.end, s0, s1, published, measure, attack_day)
        if as_of == published and coordinated and previous_as_of is not None:
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
    return out


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
# A modal before a number in its clause: the number is of a plan or a hypothesis.
_MODAL_RE = re.compile(
    word_start("would could will shall should may might ’d 'd".split())
    + r"(?![\w’'-])(?![^\S\n]+(?:not[^\S\n]+)?have\b)"
)
_CLAUSE_MARK_RE = re.compile(r"[,;:—–(]")


def _hypothetical(text: str, lo: int, q_start: int) -> bool:
    """A modal ("would", "will", "could") rules the number's clause: "would see Hamas release
    33 hostages". "may have been killed" is a figure (an uncertain count, not a plan)."""
    start = lo
    for m in _CLAUSE_MARK_RE.finditer(text, lo, q_start):
        start = m.end()
    return _MODAL_RE.search(text, start, q_start) is not None


def _prev_noun(found: list[_Found], f: _Found) -> str | None:
    prev = None
    for g in found:
        if g is f:
            return prev
        prev = g.noun or prev
    return None
