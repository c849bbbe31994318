"""Where the traveller stands in an article: the secretary of state by surname
(lexicon.TRAVELLER_SURNAME) or by a description ("the top U.S. diplomat"), the sentences
whose subject he is, "he" and "his" when they are his."""

from __future__ import annotations

import re
from bisect import bisect_left

from shuttle.text.segments import Segments

from .keywords import HE, Keywords
from .lexicon import TRAVELLER_SURNAME
from .people import Mention, People
from .subjects import subject_position

SP = r"[^\S\n]+"


# The traveller by name or description. The lookahead on the first letters lets the scan
# skip most of the text; the alternatives are those of "\bBlinken\b|(?:\b[Tt]he\s+)?
# \bsecretary of state\b|\btop U.S. diplomat\b|Washington’s top diplomat", in that order.
_SOS = rf"(?i:secretary{SP}of{SP}state)\b"


TRAVELLER_RE = re.compile(
    rf"(?=[{TRAVELLER_SURNAME[0]}SsTtWA])\b(?:{TRAVELLER_SURNAME}\b|[Tt]he{SP}{_SOS}|{_SOS}"
    rf"|top{SP}(?:U\.S\.|US|American){SP}diplomat\b|(?:Washington|America)[’']s{SP}top{SP}"
    rf"diplomat\b)"
)


def is_traveller(name: str) -> bool:
    return TRAVELLER_SURNAME in name


class Sentence:
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
            self._names_traveller = TRAVELLER_RE.search(self.text, self.s0, self.s1) is not None
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
        (mt.start, mt.start, is_traveller(mt.canonical))
        for mt in people.in_span(s0, s1)
        if not mt.possessive and people.subject(text, mt.start, s0)
    ]
    out += [
        (m.start(), m.end(), True)
        for m in TRAVELLER_RE.finditer(text, s0, s1)
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


_DIPLOMAT_BEFORE_RE = re.compile(
    rf"(?:\b[Tt]he{SP})?(?:top{SP}(?:U\.S\.|US|American)|(?:Washington|America)[’']s{SP}top)"
    rf"{SP}\Z"
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


def traveller_sentences(
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
    if all(is_traveller(mt.canonical) for mt in others):
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
            first = (mt.start, is_traveller(mt.canonical))
        break
    j = bisect_left(positions, s0)
    if j < len(positions) and positions[j] < s1 and (first is None or positions[j] <= first[0]):
        first = (positions[j], True)
    if first is None or not _TITLES_ONLY_RE.fullmatch(text, s0, first[0]):
        return None
    return first[1]


# What may stand before a sentence's subject: "U.S. Secretary of State", "The top", "Mr.".
_TITLES_ONLY_RE = re.compile(r"(?:(?:[A-Z][\w’'.-]*|of|the|top|and)[^\S\n]+)*")


def starts_with_he(text: str, sentence: tuple[int, int]) -> bool:
    return text.startswith(("He ", "His "), sentence[0], sentence[1])
