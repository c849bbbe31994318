"""What the quotation extractors share: the article in hand, and their answers so far."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

from shuttle.text.quotemarks import QuoteSpan
from shuttle.text.segments import WORD_START, Segments, word_trie

from .dates import DateMention, find_dates
from .keywords import SPEECH, Keywords, matches
from .lexicon import SPEECH_VERBS
from .people import People

# A speech verb after a space, the verbs factored by prefix. Group "v" is the verb's span.
# Run only where a speech verb stands (keywords.py).
SPEECH_RE = re.compile(
    rf"{WORD_START}(?P<v>(?P<acc>[Aa]ccording(?:\s+to\b|(?=\s+(?:two|three|several|a|an|the"
    rf"|some|[A-Z]|\d))))|(?P<verb>{word_trie(sorted(SPEECH_VERBS))}))(?![\w’'-])"
)


@dataclass(slots=True)  # built in the thousands: plain slots are cheaper than frozen
class Who:
    name: str | None  # None: attributed to someone the article does not name
    kind: str = "person"


@dataclass(slots=True)  # built in the thousands: plain slots are cheaper than frozen
class Attribution:
    speaker: str | None
    found: bool  # an attribution exists (to a named speaker or an anonymous one)
    kind: str = "person"
    cue: str | None = None
    said_on: date | None = None
    inherited: bool = False  # continues the quotation before it: no attribution of its own


@dataclass
class Ctx:
    text: str
    segs: Segments
    people: People
    published: date | None
    quotes: list[QuoteSpan]
    anchors: list[int] = field(default_factory=list)  # dates.anchor_positions(text)
    kw: Keywords | None = None  # keywords.Keywords(text), when the caller has it
    results: list[Attribution] = field(default_factory=list)
    full: list[bool] = field(default_factory=list)  # per attributed quotation: kind "full"
    _opens: list[int] = field(default_factory=list)
    _dates: dict[tuple[int, int], list[DateMention]] = field(default_factory=dict)
    _verbs: list[re.Match[str]] | None = None
    _verb_starts: list[int] = field(default_factory=list)
    _verb_ends: list[int] = field(default_factory=list)
    # Speaker phrases are read once: the pronoun resolver asks again for every "he said".
    np_spans: dict[tuple[int, int], tuple[int, int] | None] = field(default_factory=dict)
    phrases: dict[tuple[int, int], Who | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._opens = [q.open for q in self.quotes]

    def speech(self, a: int, b: int) -> list[re.Match[str]]:
        """The speech verbs (SPEECH_RE matches) that lie wholly in text[a:b], in order.

        The text is scanned once; a window that ends inside a word (its last word cut short)
        is read again at its end, as a scan of text[a:b] alone would read it."""
        text = self.text
        if self._verbs is None:
            if self.kw is None:
                self.kw = Keywords(text)
            self._verbs = matches(SPEECH_RE, text, self.kw.starts(SPEECH), 0, len(text))
            self._verb_starts = [m.start() for m in self._verbs]
            self._verb_ends = [m.end() for m in self._verbs]
        cut = b
        if 0 < b < len(text) and _WORDISH(text[b - 1]) and _WORDISH(text[b]):
            while cut > a and _WORDISH(text[cut - 1]):
                cut -= 1
            cut = max(a, cut - 1)  # the verb's leading space belongs to the reread part
        # the verbs do not overlap: their ends rise with their starts
        i = bisect_left(self._verb_starts, a)
        j = bisect_right(self._verb_ends, cut)
        out = self._verbs[i:j] if j > i else []
        if cut < b:
            out.extend(SPEECH_RE.finditer(text, cut, b))
        return out

    def dates(self, start: int, end: int) -> list[DateMention]:
        """The date expressions in text[start:end] (a sentence), found once per span."""
        key = (start, end)
        found = self._dates.get(key)
        if found is None:
            found = find_dates(self.text, start, end, self.published, self.anchors)
            self._dates[key] = found
        return found

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


def _WORDISH(ch: str) -> bool:
    return ch.isalnum() or ch in "_’'-"


# ---------------------------------------------------------------------------- phrases
