"""The trip an article describes: the number it gives the trip, the places on it, the people
the traveller met.

The traveller is the secretary of state (lexicon.TRAVELLER_SURNAME, or a description such as
"the top U.S. diplomat"). A place counts when a travel phrase ties it to the traveller in the
same sentence ("arrived in Israel", "a stop in Egypt", "stops planned in Jordan and Qatar",
"said in Tel Aviv", "In Qatar on Tuesday, … Mr. Blinken said") and no other person stands
between the traveller and the phrase. Home ("returning to Washington") and regions ("left
the Middle East") are not stops. People met: the objects of "met (with)", "talks with",
"to meet", "attended by", "a news conference in Cairo with", and "X and Blinken discussed" or
"Blinken and X held talks"; in a transcript, a speaker who welcomes him (hosts).

This module reads the people met and puts the trip together; the number is read in
tripordinals.py, the places in tripplaces.py, the traveller's sentences in travellers.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from shuttle.text.segments import WORD_START, Segments

from .candidates import QuoteCandidate, TripCandidate
from .keywords import MEET, Keywords, matches
from .lexicon import TRAVELLER_SURNAME
from .names import ROLE_WORDS
from .people import Mention, People
from .travellers import (
    SP,
    TRAVELLER_RE,
    Sentence,
    is_traveller,
    starts_with_he,
    traveller_positions,
    traveller_sentences,
)
from .tripordinals import trip_ordinal
from .tripplaces import trip_places

# Run only where a word of lexicon.MEET_FIRST_WORDS stands (keywords.py).
_MEET_RE = re.compile(
    rf"""{WORD_START}(?:(?:meeting|meetings|talks)(?:{SP}[\w’'-]+){{1,5}}?{SP}with
        |met(?:{SP}(?:later|separately|again|also|privately|first|briefly))?
        (?:{SP}with)?|meet(?:s|ing)?(?:{SP}with)?|talks{SP}with|sat{SP}down{SP}with
        |hosted{SP}by|received{SP}by|attended{SP}by|conversation{SP}with|call{SP}with
        |spoke{SP}with|meetings{SP}with|discussions{SP}with
        |(?:co-)?chaired{SP}[^.;:\n]{{1,80}}?{SP}with
        |conference(?:{SP}in{SP}[A-Z][\w’'-]*(?:{SP}[A-Z][\w’'-]*)?)?{SP}with)(?=[^\S\n])""",
    re.X,
)


_NEXT_GAP_RE = re.compile(
    r"(?:[^\S\n]+of[^\S\n]+[A-Z][\w’'-]+)?(?:,[^\S\n]+(?:the|a|an)[^\S\n]+"
    r"(?:(?:[A-Z]\.)+|[^,.;:\n]){1,60}?)?(?:,[^\S\n]+and|,|[^\S\n]+and)[^\S\n]+"
)


_JOINT_VERB = r"(?:also[^\S\n]+)?(?:discussed|met|talked|spoke|held|agreed|reviewed)\b"
_JOINT_RE = re.compile(rf"{SP}and{SP}(?:Mr\.{SP})?{TRAVELLER_SURNAME}{SP}{_JOINT_VERB}")
# "Blinken and Safadi held talks": the traveller named first, then who he met
_TRAVELLER_AND_RE = re.compile(
    rf"(?<![\w’'-]){TRAVELLER_SURNAME}{SP}and{SP}(?:[A-Z][\w’'.-]*{SP}){{0,4}}\Z"
)
_JOINT_AFTER_RE = re.compile(rf"{SP}{_JOINT_VERB}")


def extract_trip(
    text: str, segs: Segments, people: People, kw: Keywords | None = None
) -> TripCandidate:
    if kw is None:
        kw = Keywords(text)
    positions = traveller_positions(text)
    ordinal = trip_ordinal(text, segs, positions)
    places: list[str] = []
    meetings: list[str] = []
    for s0, s1, he in traveller_sentences(text, segs, people, positions, kw):
        sentence = Sentence(text, s0, s1, people, kw, he)
        for place in trip_places(sentence):
            if place not in places:
                places.append(place)
        for name in _meetings(sentence):
            if name not in meetings and not is_traveller(name):
                meetings.append(name)
    if ordinal is None:
        return TripCandidate(places=tuple(places), meetings=tuple(meetings))
    value, ot, os, oe = ordinal
    return TripCandidate(
        ordinal=value, places=tuple(places), meetings=tuple(meetings),
        ordinal_text=ot, ordinal_start=os, ordinal_end=oe,
    )  # fmt: skip


def _titles_only(text: str, a: int, b: int, first: bool) -> bool:
    """Whether text[a:b] holds only what stands between a meeting word and the people met:
    titles and roles ("Prime Minister", "his Egyptian counterpart"), where and when ("in
    Baghdad", "on Tuesday"), and, between two names, "and", "as well as" or a comma with
    other guests unnamed ("and the top diplomats of Saudi Arabia, Qatar and the UAE")."""
    gap = text[a:b]
    if len(gap) > 160:
        return False
    words = _GAP_WORD_RE.findall(gap)
    if not first and not any(w in (",", "and") for w in words):
        return False
    return all(
        w == "," or w[:1].isupper() or w.lower() in ROLE_WORDS or w.lower() in _GAP_WORDS
        for w in words
    )


_GAP_WORD_RE = re.compile(r"[\w’'.-]+|,")


_GAP_WORDS = frozenset(
    """of including and as well the a an his her their its in at on with also both
    later separately again""".split()
)


def _mentions(people: People, lo: int, hi: int) -> Iterator[Mention]:
    """The mentions that start in [lo, hi), in order, one at a time."""
    first, last = bisect_left(people.starts, lo), bisect_left(people.starts, hi)
    return (people.mentions[index] for index in range(first, last))


def _meetings(sentence: Sentence) -> list[str]:
    text, s0, s1, people = sentence.text, sentence.s0, sentence.s1, sentence.people
    out: list[str] = []
    for m in matches(_MEET_RE, text, sentence.kw.starts(MEET, s0, s1), s0, s1):
        # the names after the verb, and before it backwards, taken one at a time: a long
        # sentence of many meetings must not cost meetings times names
        after = _mentions(people, m.end(), s1)
        first = next(iter(_mentions(people, m.end(), s1)), None)
        met_traveller = TRAVELLER_RE.match(text, m.end() + 1, s1) is not None or (
            first is not None
            and is_traveller(first.canonical)
            and _titles_only(text, m.end(), first.start, True)
        )
        if met_traveller:
            # "Netanyahu … after meeting Blinken": the subject is the one met
            subject = sentence.last_subject_before(m.start())
            if subject is not None and not is_traveller(subject.canonical):
                out.append(subject.canonical)
            continue
        if not sentence.subject_is_traveller(m.start()):
            continue
        if not (sentence.names_traveller() or sentence.he or starts_with_he(text, (s0, s1))):
            continue
        prev_end = m.end()
        for i, mt in enumerate(after):
            if mt.start - prev_end > 160 or not _titles_only(text, prev_end, mt.start, i == 0):
                break
            out.append(mt.canonical)
            prev_end = mt.end
    for mt in people.in_span(s0, s1):
        if mt.possessive or is_traveller(mt.canonical):
            continue
        if _JOINT_RE.match(text, mt.end) or (
            _JOINT_AFTER_RE.match(text, mt.end)
            and _TRAVELLER_AND_RE.search(text, max(s0, mt.start - 80), mt.start)
        ):
            out.append(mt.canonical)
    return out


# "I would like to welcome Secretary Blinken", "we welcome the Secretary": a host's words
_HOST_RE = re.compile(r"(?<![\w’'-])(?:I|[Ww]e)\b[^.;:\n]{0,40}?\bwelcome\b")


def hosts(text: str, quotes: Sequence[QuoteCandidate]) -> list[str]:
    """The speakers of a transcript who welcome the traveller in their own words: hosts he
    met ("PRIME MINISTER AL THANI: I would like to welcome … Antony Blinken … in Doha")."""
    out: list[str] = []
    for q in quotes:
        if q.kind != "transcript" or q.speaker is None:
            continue
        m = _HOST_RE.search(text, q.start, q.end)
        if m is not None and TRAVELLER_RE.search(text, m.end(), min(q.end, m.end() + 80)):
            if q.speaker not in out:
                out.append(q.speaker)
    return out
