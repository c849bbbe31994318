"""The number an article gives a trip: "his fifth trip", "the 11th visit", "the seventh
time he has travelled to the region since October"."""

from __future__ import annotations

import re

from shuttle.text.segments import WORD_START, Segments, word_trie

from .travellers import SP

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}  # fmt: skip


_ORD_RE = re.compile(
    rf"{WORD_START}(?i:(?P<det>his|the|its|blinken[’']s){SP})?"
    rf"(?P<ord>(?i:{word_trie(sorted(_ORDINALS))})|\d{{1,2}}(?:st|nd|rd|th))"
    rf"(?:{SP}(?i:such|wartime|diplomatic|regional|crisis|official|overall|separate|emergency"
    rf"|whirlwind|middle{SP}east|mideast|post-oct\.{SP}7|war-time))*"
    rf"(?:{SP}(?P<noun>(?i:visit|trip|tour|journey|mission|swing)))?"
    rf"(?P<tail>{SP}(?i:to|in){SP}(?:the{SP})?(?:region|Middle{SP}East|Mideast|Israel)\b)?"
)


def trip_ordinal(
    text: str, segs: Segments, positions: list[int]
) -> tuple[int, str, int, int] | None:
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
