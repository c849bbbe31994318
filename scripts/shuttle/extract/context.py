"""What the quotation extractors share: the article in hand, and their answers so far."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

from .lexicon import SPEECH_VERBS
from .marks import QuoteSpan
from .people import People
from .text import Segments, word_trie

# A speech verb after a space: the scan starts with a character class and the verbs are
# factored by prefix, so the engine skips ahead fast. Group "v" is the verb's span.
SPEECH_RE = re.compile(
    rf"[\s(—–](?P<v>(?P<acc>[Aa]ccording(?:\s+to\b|(?=\s+(?:two|three|several|a|an|the"
    rf"|some|[A-Z]|\d))))|(?P<verb>{word_trie(sorted(SPEECH_VERBS))}))(?![\w’'-])"
)


@dataclass(frozen=True)
class Who:
    name: str | None  # None: attributed to someone the article does not name
    kind: str = "person"


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    found: bool  # an attribution exists (to a named speaker or an anonymous one)
    kind: str = "person"
    cue: str | None = None
    said_on: date | None = None


@dataclass
class Ctx:
    text: str
    segs: Segments
    people: People
    published: date | None
    quotes: list[QuoteSpan]
    anchors: list[int] = field(default_factory=list)  # dates.anchor_positions(text)
    results: list[Attribution] = field(default_factory=list)
    full: list[bool] = field(default_factory=list)  # per attributed quotation: kind "full"
    _opens: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._opens = [q.open for q in self.quotes]

    def in_range(self, lo: int, hi: int) -> list[int]:
        """Indices of the quotations that open in [lo, hi)."""
        return list(range(bisect_left(self._opens, lo), bisect_left(self._opens, hi)))

    def quoted(self, pos: int) -> bool:
        """Whether `pos` lies inside a quotation (marks included)."""
        i = bisect_right(self._opens, pos) - 1
        if i < 0:
            return False
        q = self.quotes[i]
        end = q.close if q.close is not None else q.end
        return q.open <= pos <= end


# ---------------------------------------------------------------------------- phrases
