"""The trip an article describes: the number it gives the trip, the places on it, the people
the traveller met.

The traveller is the secretary of state (lexicon.TRAVELLER_SURNAME, or a description such as
"the top U.S. diplomat"). A place counts when a travel phrase ties it to the traveller in the
same sentence ("arrived in Israel", "a stop in Egypt", "stops planned in Jordan and Qatar",
"said in Tel Aviv", "In Qatar on Tuesday, … Mr. Blinken said") and no other person stands
between the traveller and the phrase. Home ("returning to Washington") and regions ("left
the Middle East") are not stops. People met: the objects of "met (with)", "talks with",
"to meet", "attended by", and "X and Blinken discussed".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from shuttle.text.segments import WORD_START, Segments, word_trie

from .candidates import TripCandidate
from .keywords import HE, MEET, TRAVEL, Keywords, matches
from .lexicon import HOME_PLACES, NOT_NAME, PLACES, REGIONS, TRAVELLER_SURNAME
from .names import ROLE_WORDS
from .subjects import subject_position
from .people import Mention, People

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
_SP = r"[^\S\n]+"
_ORD_RE = re.compile(
    rf"{WORD_START}(?i:(?P<det>his|the|its|blinken[’']s){_SP})?"
    rf"(?P<ord>(?i:{word_trie(sorted(_ORDINALS))})|\d{{1,2}}(?:st|nd|rd|th))"
    rf"(?:{_SP}(?i:such|wartime|diplomatic|regional|crisis|official|overall|separate|emergency"
    rf"|whirlwind|middle{_SP}east|mideast|post-oct\.{_SP}7|war-time))*"
    rf"(?:{_SP}(?P<noun>(?i:visit|trip|tour|journey|mission|swing)))?"
    rf"(?P<tail>{_SP}(?i:to|in){_SP}(?:the{_SP})?(?:region|Middle{_SP}East|Mideast|Israel)\b)?"
)
# The traveller by name or description. The lookahead on the first letters lets the scan
# skip most of the text; the alternatives are those of "\bBlinken\b|(?:\b[Tt]he\s+)?
# \bsecretary of state\b|\btop U.S. diplomat\b|Washington’s top diplomat", in that order.
_SOS = rf"(?i:secretary{_SP}of{_SP}state)\b"
_TRAVELLER_RE = re.compile(
    rf"(?=[{TRAVELLER_SURNAME[0]}SsTtWA])\b(?:{TRAVELLER_SURNAME}\b|[Tt]he{_SP}{_SOS}|{_SOS}"
    rf"|top{_SP}(?:U\.S\.|US|American){_SP}diplomat\b|(?:Washington|America)[’']s{_SP}top{_SP}"
    rf"diplomat\b)"
)
# A place as written; "the Saudi city of Jeddah", "the southern port of Ashdod" name it last.
_PLACE = (
    r"(?:the[^\S\n]+(?:[A-Za-z]+[^\S\n]+)?(?:city|town|port|capital|resort|village)"
    r"[^\S\n]+of[^\S\n]+)?"
    r"(?:the[^\S\n]+)?[A-Z][\w’'-]*(?:[^\S\n]+(?:[A-Z][\w’'-]*|al-[A-Z][\w-]*|el-[A-Z][\w-]*)){0,3}"
)
_PLACE_SEP = rf"(?:,{_SP}and{_SP}|,{_SP}in{_SP}|,{_SP}|{_SP}and{_SP}|{_SP}then{_SP})"
_PLACE_LIST = rf"{_PLACE}(?:{_PLACE_SEP}{_PLACE})*"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# When, between a travel word and where: "tour on Thursday in Aqaba", "travelled earlier in
# the day to Ashdod".
_WHEN = (
    rf"(?:{_SP}(?:(?:earlier|later)(?:{_SP}(?:in{_SP}the{_SP}(?:day|week)|that{_SP}day|on))?"
    rf"|(?:on|last|this|next){_SP}{_WEEKDAY}(?:{_SP}(?:morning|afternoon|evening|night))?))?"
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
        (?:{_STRONG})(?:{_SP}(?:on(?!{_SP}{_WEEKDAY})|onward|onwards|back))?{_WHEN}
          (?:{_SP}(?:in|to|at))?
       |stops?{_SP}(?:[a-z]+{_SP}){{0,2}}in
       |(?P<weak>(?:expected|due)(?:{_SP}back)?{_SP}in|spent{_SP}(?:[A-Za-z]+{_SP}){{1,3}}?in
         |(?:held|holds|holding){_SP}talks{_SP}in|talks{_SP}in|met{_SP}in|meeting{_SP}in
         |meetings{_SP}in|said{_SP}in|says{_SP}in|spoke{_SP}in|speaking{_SP}in
         |told{_SP}reporters{_SP}in|was{_SP}in|is{_SP}in|left|leaves|leaving|departed|departs
         |(?:return|returned|returning|back){_SP}(?:to|in)|then{_SP}to|on{_SP}to)
    ){_SP}(?P<places>{_PLACE_LIST})""",
    re.X,
)
_IN_AT_START_RE = re.compile(
    rf"(?:In|From|At|(?:(?:After|Before|Upon|On){_SP})?(?:Speaking|Arriving|Landing|arriving"
    rf"|landing|speaking){_SP}(?:in|at)){_SP}(?P<places>{_PLACE_LIST})(?:{_SP}on\b|,)"
)
# "met with Herzog and Lapid in Jerusalem": where a meeting took place
_MET_IN_RE = re.compile(
    rf"{WORD_START}(?:met|meeting|meetings|talks)\b[^.;:\n]{{0,90}}?{_SP}in{_SP}(?P<places>{_PLACE})"
)
_PLACE_SPLIT_RE = re.compile(_PLACE_SEP)
# "flew to the Jordanian capital from Tel Aviv": where the traveller came from was a stop
_FROM_RE = re.compile(
    rf"{WORD_START}(?:flew|flying|flies|traveled|travelled|traveling|travelling|arrived|arriving"
    rf"|arrives|came|comes|headed|heading|returned|departed)\b[^.;:\n]{{0,60}}?{_SP}from{_SP}"
    rf"(?P<places>{_PLACE})"
)
_NOT_BEFORE_RE = re.compile(rf"(?:\bnot|n[’']t|\bnever|\bno{_SP}longer){_SP}\Z")
# What a meeting's place phrase hangs on when it is not the meeting's: "a meeting with
# relatives of Americans held in Gaza".
_HELD_IN_RE = re.compile(
    r"\b(?:with|of)\b.*\b(?:[a-z]+ed|held|taken|kept|born)[^\S\n]+in[^\S\n]*\Z"
)
# Run only where a word of lexicon.MEET_FIRST_WORDS stands (keywords.py).
_MEET_RE = re.compile(
    rf"""{WORD_START}(?:(?:meeting|meetings|talks)(?:{_SP}[\w’'-]+){{1,5}}?{_SP}with
        |met(?:{_SP}(?:later|separately|again|also|privately|first|briefly))?
        (?:{_SP}with)?|meet(?:s|ing)?(?:{_SP}with)?|talks{_SP}with|sat{_SP}down{_SP}with
        |hosted{_SP}by|received{_SP}by|attended{_SP}by|conversation{_SP}with|call{_SP}with
        |spoke{_SP}with|meetings{_SP}with|discussions{_SP}with
        |(?:co-)?chaired{_SP}[^.;:\n]{{1,80}}?{_SP}with|conference{_SP}with)(?=[^\S\n])""",
    re.X,
)
_NEXT_GAP_RE = re.compile(
    r"(?:[^\S\n]+of[^\S\n]+[A-Z][\w’'-]+)?(?:,[^\S\n]+(?:the|a|an)[^\S\n]+"
    r"(?:(?:[A-Z]\.)+|[^,.;:\n]){1,60}?)?(?:,[^\S\n]+and|,|[^\S\n]+and)[^\S\n]+"
)
_JOINT_RE = re.compile(
    rf"{_SP}and{_SP}(?:Mr\.{_SP})?{TRAVELLER_SURNAME}{_SP}(?:also{_SP})?(?:discussed|met|talked"
    rf"|spoke|held|agreed|reviewed)\b"
)


_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december jan feb mar apr jun jul aug "
    "sep sept oct nov dec today tonight".split()
)


def _is_traveller(name: str) -> bool:
    return TRAVELLER_SURNAME in name


class _Sentence:
    """One sentence that speaks of the traveller, with its clause subjects found once."""

    __slots__ = (
        "text", "s0", "s1", "people", "kw", "he", "_subjects", "_starts", "_names_traveller",
        "_last_subjects",
    )  # fmt: skip

    def __init__(
        self, text: str, s0: int, s1: int, people: People, kw: Keywords, he: bool = False
    ) -> None:
        self.text, self.s0, self.s1, self.people, self.kw = text, s0, s1, people, kw
        self.he = he  # chosen because its "he" is the traveller
        self._subjects: list[tuple[int, int, bool]] | None = None
        self._starts: list[int] = []
        self._last_subjects: list[Mention | None] | None = None
        self._names_traveller: bool | None = None

    def names_traveller(self) -> bool:
        if self._names_traveller is None:
            self._names_traveller = _TRAVELLER_RE.search(self.text, self.s0, self.s1) is not None
        return self._names_traveller

    def last_subject_before(self, pos: int) -> Mention | None:
        """The last mention before `pos` that opens its clause (not a possessive); each
        mention is judged once a sentence, however many meetings it holds."""
        people = self.people
        first = bisect_left(people.starts, self.s0)
        if self._last_subjects is None:
            best: Mention | None = None
            table: list[Mention | None] = []
            for index in range(first, bisect_left(people.starts, self.s1)):
                mention = people.mentions[index]
                if not mention.possessive and subject_position(self.text, mention.start, self.s0):
                    best = mention
                table.append(best)
            self._last_subjects = table
        k = bisect_left(people.starts, pos) - 1 - first
        return self._last_subjects[k] if 0 <= k < len(self._last_subjects) else None

    def subject_is_traveller(self, cue: int) -> bool:
        """The last clause subject before `cue` is the traveller (or there is none:
        "After a stop in Egypt …, Blinken arrived")."""
        if self._subjects is None:
            self._subjects = _subjects(self.text, self.s0, self.s1, self.people, self.he)
            self._starts = [pos for pos, _, _ in self._subjects]
        last: tuple[int, bool] | None = None
        # from the last subject before the cue backwards (bisection: a sentence with
        # thousands of subjects and cues must not cost their product)
        for index in range(bisect_left(self._starts, cue) - 1, -1, -1):
            pos, end, traveller = self._subjects[index]
            if last is not None and pos < last[0]:
                break
            if end <= cue and (last is None or (pos, traveller) > last):
                last = (pos, traveller)
        return last is None or last[1]


def _subjects(
    text: str, s0: int, s1: int, people: People, he: bool = False
) -> list[tuple[int, int, bool]]:
    """(start, end, is the traveller) of every clause subject of the sentence, in order."""
    out = [
        (mt.start, mt.start, _is_traveller(mt.canonical))
        for mt in people.in_span(s0, s1)
        if not mt.possessive and people.subject(text, mt.start, s0)
    ]
    out += [
        (m.start(), m.end(), True)
        for m in _TRAVELLER_RE.finditer(text, s0, s1)
        if people.subject(text, m.start(), s0)
    ]
    if text.startswith("He ", s0, s1):
        out.append((s0, s0 + 3, True))  # the sentence after one about the traveller
    elif text.startswith("His ", s0, s1):
        out.append((s0, s0 + 4, True))
    elif he:
        # "The talks came a day after he met in Tel Aviv …": he is the traveller
        out += [(m.start(), m.end(), True) for m in _HE_SUBJECT_RE.finditer(text, s0, s1)]
    out.sort()
    return out


def extract_trip(
    text: str, segs: Segments, people: People, kw: Keywords | None = None
) -> TripCandidate:
    if kw is None:
        kw = Keywords(text)
    positions = traveller_positions(text)
    ordinal = _ordinal(text, segs, positions)
    places: list[str] = []
    meetings: list[str] = []
    for s0, s1, he in _traveller_sentences(text, segs, people, positions, kw):
        sentence = _Sentence(text, s0, s1, people, kw, he)
        for place in _places(sentence):
            if place not in places:
                places.append(place)
        for name in _meetings(sentence):
            if name not in meetings and not _is_traveller(name):
                meetings.append(name)
    if ordinal is None:
        return TripCandidate(places=tuple(places), meetings=tuple(meetings))
    value, ot, os, oe = ordinal
    return TripCandidate(value, ot, os, oe, tuple(places), tuple(meetings))


_DIPLOMAT_BEFORE_RE = re.compile(
    rf"(?:\b[Tt]he{_SP})?(?:top{_SP}(?:U\.S\.|US|American)|(?:Washington|America)[’']s{_SP}top)"
    rf"{_SP}\Z"
)


def traveller_positions(text: str) -> list[int]:
    """Where the traveller is named or described, found by plain string search (fast)."""
    out: list[int] = []
    i = text.find(TRAVELLER_SURNAME)
    while i != -1:
        if i == 0 or not text[i - 1].isalpha():
            out.append(i)
        i = text.find(TRAVELLER_SURNAME, i + 1)
    i = text.find("diplomat")
    while i != -1:
        m = _DIPLOMAT_BEFORE_RE.search(text, max(0, i - 30), i)
        if m is not None:
            out.append(m.start())
        i = text.find("diplomat", i + 1)
    i = text.find("ecretary of ")
    while i != -1:
        if i > 0 and text[i - 1] in "Ss" and text[i + 12 : i + 17].lower() == "state":
            out.append(i - 1)
        i = text.find("ecretary of ", i + 1)
    out.sort()
    return out


def _traveller_sentences(
    text: str, segs: Segments, people: People, positions: list[int], kw: Keywords
) -> list[tuple[int, int, bool]]:
    """Sentences that name the traveller, and those whose "he" is the traveller (no one else
    named since him, or he opened the sentence before): (start, end, chosen for "he")."""
    if not segs.sentences:
        return []
    named = {segs.sentence_index(pos) for pos in positions}
    chosen = {si: False for si in named}
    with_he = {segs.sentence_index(p) for p in kw.starts(HE)}
    for si in sorted(with_he - named):
        if _he_is_traveller(text, segs, people, positions, segs.sentences[si][0]):
            chosen[si] = True
    return [(*segs.sentences[si], chosen[si]) for si in sorted(chosen)]


_HE_SUBJECT_RE = re.compile(r"(?<![\w’'-])he(?![\w’'-])")


def _he_is_traveller(
    text: str, segs: Segments, people: People, positions: list[int], s0: int
) -> bool:
    """Whether "he" at the start of a sentence is the traveller: no one else is named since
    the traveller was, or the last subject named before (two sentences back at most) is he
    ("Blinken arrived from Jeddah, where he met the crown prince. He is due …")."""
    i = bisect_left(positions, s0) - 1
    if i < 0:
        return False
    others = [mt for mt in people.in_span(positions[i], s0) if not mt.possessive]
    if all(_is_traveller(mt.canonical) for mt in others):
        return True
    si = segs.sentence_index(s0)
    for sj in range(si - 1, max(-1, si - 3), -1):
        p0, p1 = segs.sentences[sj]
        opener = _opener(text, p0, p1, people, positions)
        if opener is not None:
            return opener
    return False


def _opener(text: str, s0: int, s1: int, people: People, positions: list[int]) -> bool | None:
    """Whether the sentence opens with the traveller (True), with someone else (False), or
    with no one named (None): "U.S. Secretary of State Antony Blinken arrived …"."""
    first: tuple[int, bool] | None = None
    for mt in people.in_span(s0, s1):
        if not mt.possessive:
            first = (mt.start, _is_traveller(mt.canonical))
        break
    j = bisect_left(positions, s0)
    if j < len(positions) and positions[j] < s1 and (first is None or positions[j] <= first[0]):
        first = (positions[j], True)
    if first is None or not _TITLES_ONLY_RE.fullmatch(text, s0, first[0]):
        return None
    return first[1]


# What may stand before a sentence's subject: "U.S. Secretary of State", "The top", "Mr.".
_TITLES_ONLY_RE = re.compile(r"(?:(?:[A-Z][\w’'.-]*|of|the|top|and)[^\S\n]+)*")


def _starts_with_he(text: str, sentence: tuple[int, int]) -> bool:
    return text.startswith(("He ", "His "), sentence[0], sentence[1])


def _ordinal(text: str, segs: Segments, positions: list[int]) -> tuple[int, str, int, int] | None:
    seen: set[int] = set()
    for pos in positions:
        si = segs.sentence_index(pos)
        for sj in (si, si + 1):  # "Blinken arrived. It is his eighth visit …"
            if sj in seen or sj >= len(segs.sentences):
                continue
            seen.add(sj)
            found = _ordinal_in(text, *segs.sentences[sj])
            if found is not None:
                return found
    return None


_COUNT_AFTER_RE = re.compile(r"[^\S\n]+(?:four|five|six|seven|eight|nine|ten|\d)")
_ORD_ANCHORS = ("visit", "trip", "tour", "journey", "mission", "swing", " to the ", " in the ")


def _ordinal_in(text: str, s0: int, s1: int) -> tuple[int, str, int, int] | None:
    anchors = [i for w in _ORD_ANCHORS if (i := text.find(w, s0, s1)) != -1]
    if not anchors:
        return None  # every trip ordinal stands before one of these words
    for m in _ORD_RE.finditer(text, max(s0, min(anchors) - 60), s1):
        if not (m.group("noun") or m.group("tail")):
            continue
        if _COUNT_AFTER_RE.match(text, m.end(), s1):
            continue  # "his first four trips": a count, not an ordinal
        word = m.group("ord").lower()
        value = _ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        det = (m.group("det") or "").lower()
        start = m.start() if det == "his" and not m.group("noun") else m.start("ord")
        return value, text[start : m.end()], start, m.end()
    return None


_PLACE_OF_RE = re.compile(
    r"the\s+(?:[A-Za-z]+\s+)?(?:city|town|port|capital|resort|village)\s+of\s+", re.I
)


def _clean_place(raw: str) -> str:
    place = _PLACE_OF_RE.sub("", raw.strip(), count=1)
    if place.lower().startswith("the "):
        place = place[4:]
    return place


def _places(sentence: _Sentence) -> list[str]:
    text, s0, s1, people = sentence.text, sentence.s0, sentence.s1, sentence.people
    found: list[tuple[int, int, str]] = []
    lead = max(0, s0 - 1)  # the space before the sentence: "Speaking in Tel Aviv, Blinken …"
    travel = sentence.kw.starts(TRAVEL, s0, s1)
    for m in matches(_TRAVEL_RE, text, travel, lead, s1):
        if not sentence.subject_is_traveller(m.start()):
            continue
        if _NOT_BEFORE_RE.search(text, max(s0, m.start() - 16), m.start() + 1):
            continue  # "the first in which he will not stop in Israel"
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


def _meetings(sentence: _Sentence) -> list[str]:
    text, s0, s1, people = sentence.text, sentence.s0, sentence.s1, sentence.people
    out: list[str] = []
    for m in matches(_MEET_RE, text, sentence.kw.starts(MEET, s0, s1), s0, s1):
        # the names after the verb, and before it backwards, taken one at a time: a long
        # sentence of many meetings must not cost meetings times names
        after = _mentions(people, m.end(), s1)
        first = next(iter(_mentions(people, m.end(), s1)), None)
        met_traveller = _TRAVELLER_RE.match(text, m.end() + 1, s1) is not None or (
            first is not None
            and _is_traveller(first.canonical)
            and _titles_only(text, m.end(), first.start, True)
        )
        if met_traveller:
            # "Netanyahu … after meeting Blinken": the subject is the one met
            subject = sentence.last_subject_before(m.start())
            if subject is not None and not _is_traveller(subject.canonical):
                out.append(subject.canonical)
            continue
        if not sentence.subject_is_traveller(m.start()):
            continue
        if not (sentence.names_traveller() or sentence.he or _starts_with_he(text, (s0, s1))):
            continue
        prev_end = m.end()
        for i, mt in enumerate(after):
            if mt.start - prev_end > 160 or not _titles_only(text, prev_end, mt.start, i == 0):
                break
            out.append(mt.canonical)
            prev_end = mt.end
    for mt in people.in_span(s0, s1):
        if _JOINT_RE.match(text, mt.end) and not mt.possessive:
            out.append(mt.canonical)
    return out
