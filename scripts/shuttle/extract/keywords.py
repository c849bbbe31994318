"""Where the words the extractors look for stand: one scan of the text, shared.

Speech verbs, number words, travel and meeting cues and event verbs all start a word after
a space, a bracket, a dash or an opening mark. Scanning for each list separately costs a
regex attempt at every word of the text per list; this module scans once for all of them
and hands each extractor the positions of its own words. An extractor then runs its own
pattern only at those positions (`matches`), which finds exactly what a scan of the text
with that pattern would find: every match of it starts at one of its words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from shuttle.text.numbers import NUMBER_FIRST_WORDS
from shuttle.text.scan import matches_at
from shuttle.text.segments import WS, word_trie

from .lexicon import (
    EVENT_FIRST_WORDS,
    HE_WORDS,
    MEET_FIRST_WORDS,
    SPEECH_VERBS,
    TRAVEL_FIRST_WORDS,
)

SPEECH, NUMBER, TRAVEL, MEET, EVENT, HE = 1, 2, 4, 8, 16, 32

_KIND: dict[str, int] = {}
for _kind, _words in (
    (SPEECH, [*SPEECH_VERBS, "according", "According"]),
    (NUMBER, [*NUMBER_FIRST_WORDS, *(w.capitalize() for w in NUMBER_FIRST_WORDS)]),
    (TRAVEL, TRAVEL_FIRST_WORDS),
    (MEET, MEET_FIRST_WORDS),
    (EVENT, EVENT_FIRST_WORDS),
    (HE, HE_WORDS),
):
    for _w in _words:
        _KIND[_w] = _KIND.get(_w, 0) | _kind

# The widest lead and the loosest end any consumer accepts: a consumer's own pattern decides.
_SCAN_RE = re.compile(f'[{WS}("“‘—–]({word_trie(sorted(_KIND))})' + r"(?![\w’'])")
_AT_START_RE = re.compile(f"({word_trie(sorted(_KIND))})" + r"(?![\w’'])")


class Keywords:
    """The start of every listed word in a text, by kind, in order."""

    __slots__ = ("_starts", "_all")

    def __init__(self, text: str) -> None:
        kinds = _KIND
        hits = [(m.start(1), kinds[m.group(1)]) for m in _SCAN_RE.finditer(text)]
        first = _AT_START_RE.match(text)
        if first is not None:
            hits.insert(0, (0, kinds[first.group(1)]))
        self._starts = {
            k: [pos for pos, kind in hits if kind & k]
            for k in (SPEECH, NUMBER, TRAVEL, MEET, EVENT, HE)
        }
        self._all = hits

    def starts(self, kind: int, lo: int = 0, hi: int | None = None) -> list[int]:
        """Where words of `kind` start, in [lo, hi)."""
        positions = self._starts[kind]
        i = bisect_left(positions, lo)
        j = len(positions) if hi is None else bisect_left(positions, hi)
        return positions[i:j]


def matches(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], lo: int, hi: int
) -> list[re.Match[str]]:
    """What `pattern.finditer(text, lo, hi)` yields, for a pattern whose every match starts
    one character before a word at one of `starts` (the lead: a space, a bracket ...)."""
    return matches_at(pattern, text, starts, lo, hi, lead=1)
