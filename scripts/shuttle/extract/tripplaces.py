"""The places on the trip: a travel phrase ties a place to the traveller in the same
sentence ("arrived in Israel", "a stop in Egypt", "stops planned in Jordan and Qatar",
"said in Tel Aviv", "In Qatar on Tuesday, … Mr. Blinken said", "a news conference in Cairo",
"While in Amman, Blinken", a host's "welcome Blinken to Doha") and no other person stands
between them. Home ("returning to Washington") and regions ("left the Middle East") are
not stops."""

from __future__ import annotations

import re

from shuttle.text.segments import WORD_START

from .keywords import MEET, TRAVEL, matches
from .lexicon import HOME_PLACES, HONORIFICS, NOT_NAME, PLACES, REGIONS, TITLE_CAPS
from .people import People
from .travellers import SP, TRAVELLER_RE, Sentence

# A place as written; "the Saudi city of Jeddah", "the southern port of Ashdod" name it last.
_PLACE = (
    r"(?:the[^\S\n]+(?:[A-Za-z]+[^\S\n]+)?(?:city|town|port|capital|resort|village)"
    r"[^\S\n]+of[^\S\n]+)?"
    r"(?:the[^\S\n]+)?[A-Z][\w’'-]*(?:[^\S\n]+(?:[A-Z][\w’'-]*|al-[A-Z][\w-]*|el-[A-Z][\w-]*)){0,3}"
)


_PLACE_SEP = rf"(?:,{SP}and{SP}|,{SP}in{SP}|,{SP}|{SP}and{SP}|{SP}then{SP})"


_PLACE_LIST = rf"{_PLACE}(?:{_PLACE_SEP}{_PLACE})*"


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


# When, between a travel word and where: "tour on Thursday in Aqaba", "travelled earlier in
# the day to Ashdod".
_WHEN = (
    rf"(?:{SP}(?:(?:earlier|later)(?:{SP}(?:in{SP}the{SP}(?:day|week)|that{SP}day|on))?"
    rf"|(?:on|last|this|next){SP}{_WEEKDAY}(?:{SP}(?:morning|afternoon|evening|night))?))?"
)


_STRONG = (
    r"arrived|arrives|arriving|landed|lands|landing|touched\s+down|flew|flies|flying|traveled"
    r"|travelled|travels|traveling|travelling|travel|fly|head|headed|heads|heading|went|came"
    r"|comes|visited"
    r"|visiting|visits|visit|trip|tour|stop|stops|stopover|stopped|arrival|moved\s+on|going"
    r"|(?:taken|took|takes|take|brought|brings|bring)\s+him"
)


# Run only where a word of lexicon.TRAVEL_FIRST_WORDS stands (keywords.py).
_TRAVEL_RE = re.compile(
    rf"""{WORD_START}(?P<cue>
        (?:{_STRONG})(?:{SP}(?:on(?!{SP}{_WEEKDAY})|onward|onwards|back))?{_WHEN}
          (?:{SP}(?:in|to|at))?
       |stops?{SP}(?:[a-z]+{SP}){{0,2}}in
       |(?P<weak>(?:expected|due)(?:{SP}back)?{SP}in|spent{SP}(?:[A-Za-z]+{SP}){{1,3}}?in
         |(?:held|holds|holding){SP}talks{SP}in|talks{SP}in|met{SP}in|meeting{SP}in
         |meetings{SP}in|said{SP}in|says{SP}in|spoke{SP}in|speaking{SP}in
         |told{SP}reporters{SP}in|was{SP}in|is{SP}in|left|leaves|leaving|departed|departs
         |(?:press|news){SP}(?:conference|briefing|availability){SP}in
         |(?:return|returned|returning|back){SP}(?:to|in)|then{SP}to|on{SP}to)
    ){SP}(?P<places>{_PLACE_LIST})""",
    re.X,
)


_IN_AT_START_RE = re.compile(
    rf"(?:In|From|At|While{SP}in|(?:(?:After|Before|Upon|On){SP})?(?:Speaking|Arriving|Landing"
    rf"|arriving|landing|speaking){SP}(?:in|at)){SP}(?P<places>{_PLACE_LIST})(?:{SP}on\b|,)"
)


# "met with Herzog and Lapid in Jerusalem": where a meeting took place
_MET_IN_RE = re.compile(
    rf"{WORD_START}(?:met|meeting|meetings|talks)\b[^.;:\n]{{0,90}}?{SP}in{SP}(?P<places>{_PLACE})"
)


_PLACE_SPLIT_RE = re.compile(_PLACE_SEP)


# "I would like to welcome Secretary Blinken to Doha": a host welcomes the traveller there
_WELCOME_RE = re.compile(
    rf"{WORD_START}welcom(?:e|ed|es|ing){SP}(?P<guest>[^;:\n]{{1,80}}?){SP}(?:to|in){SP}"
    rf"(?P<places>{_PLACE})"
)


# "flew to the Jordanian capital from Tel Aviv": where the traveller came from was a stop
_FROM_RE = re.compile(
    rf"{WORD_START}(?:flew|flying|flies|traveled|travelled|traveling|travelling|arrived|arriving"
    rf"|arrives|came|comes|headed|heading|returned|departed)\b[^.;:\n]{{0,60}}?{SP}from{SP}"
    rf"(?P<places>{_PLACE})"
)


_NOT_BEFORE_RE = re.compile(rf"(?:\bnot|n[’']t|\bnever|\bno{SP}longer){SP}\Z")


# What a meeting's place phrase hangs on when it is not the meeting's: "a meeting with
# relatives of Americans held in Gaza".
_HELD_IN_RE = re.compile(
    r"\b(?:with|of)\b.*\b(?:[a-z]+ed|held|taken|kept|born)[^\S\n]+in[^\S\n]*\Z"
)


_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec today tonight".split()
)


# The capitalised words (and "and") right before a travel cue: its subject when a name.
_NAMES_BEFORE_RE = re.compile(r"(?:[A-Z][\w’'.-]*[^\S\n]+(?:and[^\S\n]+)?)+\Z")


def _other_named_before(text: str, s0: int, cue: int) -> bool:
    """Whether a name that is not the traveller's stands right before the cue: "Netanyahu
    said in Jerusalem" is Netanyahu's place, known to the people list or not."""
    m = _NAMES_BEFORE_RE.search(text, max(s0, cue - 60), cue)
    if m is None or TRAVELLER_RE.search(text, m.start(), cue) is not None:
        return False
    last = text[m.start() : cue].split()[-1].rstrip(".").lower()
    return not (
        last in NOT_NAME
        or last in TITLE_CAPS
        or last + "." in TITLE_CAPS
        or last in HONORIFICS
        or last in _TIME_WORDS
    )


_PLACE_OF_RE = re.compile(
    r"the\s+(?:[A-Za-z]+\s+)?(?:city|town|port|capital|resort|village)\s+of\s+", re.I
)


def _clean_place(raw: str) -> str:
    place = _PLACE_OF_RE.sub("", raw.strip(), count=1)
    if place.lower().startswith("the "):
        place = place[4:]
    return place


def trip_places(sentence: Sentence) -> list[str]:
    text, s0, s1, people = sentence.text, sentence.s0, sentence.s1, sentence.people
    found: list[tuple[int, int, str]] = []
    lead = max(0, s0 - 1)  # the space before the sentence: "Speaking in Tel Aviv, Blinken …"
    travel = sentence.kw.starts(TRAVEL, s0, s1)
    for m in matches(_TRAVEL_RE, text, travel, lead, s1):
        if not sentence.subject_is_traveller(m.start()):
            continue
        if _NOT_BEFORE_RE.search(text, max(s0, m.start() - 16), m.start() + 1):
            continue  # "the first in which he will not stop in Israel"
        if _other_named_before(text, s0, m.start("cue")):
            continue
        weak = m.group("weak") is not None
        for raw in _PLACE_SPLIT_RE.split(m.group("places")):
            place = _place_ok(raw, weak, people, m.start("places"))
            if place:
                found.append((m.start("places"), len(found), place))
    for m4 in matches(_FROM_RE, text, travel, lead, s1):
        if sentence.subject_is_traveller(m4.start()):
            place = _place_ok(m4.group("places"), True, people, m4.start("places"))
            if place:
                found.append((m4.start("places"), len(found), place))
    for m3 in matches(_MET_IN_RE, text, sentence.kw.starts(MEET, s0, s1), lead, s1):
        if _HELD_IN_RE.search(text, m3.start(), m3.start("places")):
            continue
        if sentence.subject_is_traveller(m3.start()):
            for raw in _PLACE_SPLIT_RE.split(m3.group("places")):
                place = _place_ok(raw, True, people, m3.start("places"))
                if place:
                    found.append((m3.start("places"), len(found), place))
    for m5 in matches(_WELCOME_RE, text, travel, lead, s1):
        if TRAVELLER_RE.search(text, m5.start("guest"), m5.end("guest")) is not None:
            place = _place_ok(m5.group("places"), True, people, m5.start("places"))
            if place:
                found.append((m5.start("places"), len(found), place))
    m2 = _IN_AT_START_RE.match(text, s0, s1)
    if m2 is not None:
        for raw in _PLACE_SPLIT_RE.split(m2.group("places")):
            place = _place_ok(raw, True, people, m2.start("places"))
            if place:
                found.append((m2.start("places"), len(found), place))
    found.sort()
    return [p for _, _, p in found]


def _place_ok(raw: str, weak: bool, people: People, pos: int) -> str | None:
    place = _clean_place(raw)
    if place.lower() in REGIONS:
        return None
    # trailing capitalised words that are no part of a place: "Israel Tuesday"
    words = place.split()
    while words and words[-1].lower() in _TIME_WORDS:
        words.pop()
    place = " ".join(words)
    low = place.lower()
    if not place or low in HOME_PLACES or low in REGIONS:
        return None
    if low in PLACES:
        return place
    if weak:
        return None
    if low in NOT_NAME or any(mt.canonical for mt in people.in_span(pos, pos + len(raw) + 8)):
        return None
    return place
