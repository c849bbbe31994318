"""Paragraphs and sentences with offsets: the one segmentation extractors, citations and
pages share.

A paragraph is a non-blank line. A sentence ends at . ! ? or … (plus closing quote marks
and brackets) before a capital, a digit or an opening mark, except after an abbreviation
("Mr.", "Oct.", "U.S.", an initial). Boundaries inside a quotation are ignored when the
quotation spans are given, so "“A. B.” he said." is one sentence: attribution works on it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from .scan import matches_at, positions

# The characters `\s` matches, spelled out for a character class: a class of literals is a
# table lookup, `\s` a category test per character (slow at the head of a scan).
WS = r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# What may stand before a word a scan looks for: a space, an opening bracket, a dash.
WORD_START = rf"[{WS}(—–]"

_PARA_RE = re.compile(r"\S(?:[^\n]*\S)?")
# "[.!?…][.!?…]*", not "[.!?…]+": a pattern that starts with a class lets the engine skip
# to the next stop fast; one that starts with a repeat is tried at every character.
_BOUNDARY_RE = re.compile(r"([.!?…][.!?…]*)[”\"’')\]]*(?=\s+[“\"‘'(\[]?[A-Z0-9])")

ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Dr St Jr Sr Gen Lt Col Sgt Capt Maj Adm Gov Sen Rep Rev Prof No Nos
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec vs etc Ft Mt Inc Corp Co Ltd Bros
    Fig approx est""".split()
)


@dataclass(frozen=True)
class Segments:
    """Sorted, non-overlapping (start, end) spans of paragraphs and sentences."""

    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    _para_starts: tuple[int, ...]
    _sent_starts: tuple[int, ...]

    def paragraph_index(self, pos: int) -> int:
        i = bisect_right(self._para_starts, pos) - 1
        return i if i > 0 else 0

    def sentence_index(self, pos: int) -> int:
        i = bisect_right(self._sent_starts, pos) - 1
        return i if i > 0 else 0

    def sentence_at(self, pos: int) -> tuple[int, int]:
        if not self.sentences:
            return (pos, pos)
        return self.sentences[self.sentence_index(pos)]

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        if not self.paragraphs:
            return (pos, pos)
        return self.paragraphs[self.paragraph_index(pos)]


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PARA_RE.finditer(text)]


def _is_abbreviation(text: str, dot: int, lo: int) -> bool:
    """Whether the period at `dot` closes an abbreviation rather than a sentence."""
    start = max(lo, dot - 24)
    space = max(text.rfind(" ", start, dot), text.rfind("\n", start, dot))
    token = text[(space + 1 if space != -1 else start) : dot].lstrip("“\"‘'(’-")
    if not token:
        return False
    if token in ABBREVIATIONS or (len(token) == 1 and token.isupper()):
        return True
    # "U.S", "U.N", "a.m": dotted abbreviations; a sentence ending with one is rare enough
    return "." in token and len(token) <= 6


def segment(
    text: str,
    quotes: Sequence[tuple[int, int]] = (),
    paras: list[tuple[int, int]] | None = None,
) -> Segments:
    """Paragraphs and sentences; `quotes` are (open mark, close mark + 1) spans, sorted."""
    if paras is None:
        paras = paragraphs(text)
    qstarts = [q[0] for q in quotes]
    # one scan of the whole text (cheaper than one per paragraph), shared out below
    stops = positions(text, ".!?…")
    spans = [m.span() for m in matches_at(_BOUNDARY_RE, text, stops, 0, len(text))]
    found = [(s, e, e - s == 1 and text[s] == ".") for s, e in spans]  # a bare period
    bounds = [f[0] for f in found]
    sents: list[tuple[int, int]] = []
    for p_start, p_end in paras:
        start = p_start
        for k in range(bisect_left(bounds, p_start), bisect_left(bounds, p_end)):
            dot, end, bare_period = found[k]
            if end > p_end:
                break
            if bare_period and _is_abbreviation(text, dot, p_start):
                continue
            if qstarts:
                i = bisect_right(qstarts, dot) - 1
                if i >= 0 and quotes[i][0] < dot and end < quotes[i][1]:
                    continue  # a boundary inside a quotation
            sents.append((start, end))
            start = end
            while start < p_end and text[start].isspace():
                start += 1
        if start < p_end:
            sents.append((start, p_end))
    return Segments(
        paragraphs=tuple(paras),
        sentences=tuple(sents),
        _para_starts=tuple([p[0] for p in paras]),
        _sent_starts=tuple([s[0] for s in sents]),
    )


_HEADLINE_WORD_RE = re.compile(r"[A-Za-z][\w’'-]*")
_SMALL_WORDS = frozenset("a an the of in on at to for and or but with by as is from vs".split())


def is_headline(text: str, start: int, end: int) -> bool:
    """A Title Case line with no final period: a headline or page furniture, not prose."""
    if end - start > 200 or text[end - 1 : end] in (".", "”", '"'):
        return False
    words = _HEADLINE_WORD_RE.findall(text, start, end)
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(content) < 3:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    return caps >= 0.6 * len(content)


def word_start(words: Sequence[str]) -> str:
    r"""A regex for any of `words` where no letter, digit, ’ ' or - stands right before it:
    what `(?<![\w’'-])(?:` + word_trie(words) + `)` finds. It starts with a class of the
    words' first characters (the lookbehind comes after it, over two characters), so that
    a search skips to the next of them fast; a pattern that starts with a lookbehind is
    tried at every character."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    firsts = "".join(re.escape(ch) for ch in sorted(groups))
    alts = [f"(?<={re.escape(ch)}){word_trie(sub)}" for ch, sub in sorted(groups.items())]
    return f"[{firsts}](?<![\\w’'-].)(?:{'|'.join(alts)})"


def word_trie(words: Sequence[str]) -> str:
    """A regex for any of `words`, factored by prefix so that it fails fast."""
    if "" in words:
        rest = [w for w in words if w]
        return f"(?:{word_trie(rest)})?" if rest else ""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    alts = [re.escape(ch) + word_trie(sub) for ch, sub in sorted(groups.items())]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
