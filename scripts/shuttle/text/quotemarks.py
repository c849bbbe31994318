"""Quotation marks: which marks open and close a quotation, paragraph by paragraph.

- Double marks (“ ” " „ « ») make quotations; single marks (‘ ’ ') inside them are nested
  and belong to the outer quotation. At the top level, single marks make quotations too
  (British style), but an apostrophe is never a mark: "Gaza’s", "they’d", "Hamas’ leader",
  "’90s".
- Direction comes from context (a mark after a space and before a word opens), falling back
  to the glyph; a straight mark toggles. Guillemets set with inner spaces (« … », French
  style) open and close by their glyph. A closing mark with nothing open is ignored, and an
  opening mark while one is open restarts the quotation there, so one stray mark in broken
  text derails at most one quotation.
- A quotation still open at a paragraph's end continues when the next paragraph starts with
  an opening mark (the convention for a quotation over several paragraphs): the part in
  each paragraph is its own span. Otherwise it is kept to the paragraph's end only when that
  end looks like the end of a quoted sentence.

`article_segments` cuts an article into sentences around its quotations, once, for the
extractors and for the pages that show a quote in the sentence it was found in.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from .scan import positions
from .segments import Segments, paragraphs, segment

_MARKS = "\"“”„‟«»'‘’‚‛"
_MARK_RE = re.compile(f"[{_MARKS}]")
_DOUBLE_OPEN = frozenset("“„‟«")
_OPENERS_BEFORE = frozenset("([{—–-/“‘\"'«")
_CLOSERS_AFTER = frozenset(".,;:!?)]}—–-…”’\"'»")


@dataclass(slots=True)  # built in the thousands: plain slots are cheaper than frozen
class QuoteSpan:
    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when it runs to the paragraph end
    start: int  # the quoted words, marks excluded, outer spaces trimmed
    end: int
    continues: bool = False  # the quotation goes on in the next paragraph
    continued: bool = False  # this span continues one from the previous paragraph
    single: bool = False  # made with single marks (top level)


def _flanks(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left = (prev.isspace() or prev in _OPENERS_BEFORE) and not nxt.isspace()
    right = not prev.isspace() and (nxt.isspace() or nxt in _CLOSERS_AFTER)
    return left, right


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _scan(
    text: str, lo: int, hi: int, marks: list[int], skip: frozenset[int]
) -> tuple[list[QuoteSpan], int | None, int | None]:
    """Quotations closed within text[lo:hi]; the open double and single marks left.
    `marks` are the offsets of the quote marks in text[lo:hi]."""
    out: list[QuoteSpan] = []
    dopen: int | None = None
    sopen: int | None = None
    for i in marks:
        if i in skip:
            continue
        ch = text[i]
        left, right = _flanks(text, i, lo, hi)
        if ch in '"“”„‟«»':
            if sopen is not None:
                continue  # a double mark nested in a single quotation
            if ch in "«»" and (text[i + 1 : i + 2] if ch == "«" else text[i - 1 : i]).isspace():
                opening = ch == "«"  # French spacing: « a word » opens and closes inside spaces
            elif left and not right:
                opening = True
            elif right and not left:
                opening = False
            elif ch == '"':
                opening = dopen is None
            else:
                opening = ch in _DOUBLE_OPEN
            if opening:
                dopen = i
            elif dopen is not None:
                s, e = _trim(text, dopen + 1, i)
                if e > s:
                    out.append(QuoteSpan(dopen, i, s, e))
                dopen = None
            continue
        if dopen is not None:
            continue  # single marks nested in a double quotation belong to it
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # apostrophe: they’d, Gaza’s
        if ch in "’'" and prev.isspace() and nxt.isdigit():
            continue  # ’90s
        if sopen is None:
            if left and not right and ch != "’" and (nxt.isalnum() or nxt in "…."):
                sopen = i
        elif right and ch != "‘":
            s, e = _trim(text, sopen + 1, i)
            if e > s:
                out.append(QuoteSpan(sopen, i, s, e, single=True))
            sopen = None
    return out, dopen, sopen


_OPENS_PARA_RE = re.compile(r"\s*[“\"„«]")
_ENDS_SENTENCE_RE = re.compile(r"[.!?…]\s*\Z")


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Every quotation in the text, in order."""
    out: list[QuoteSpan] = []
    carried = False
    every = positions(text, _MARKS)  # faster than a scan with _MARK_RE
    if not every:
        return out
    for n, (lo, hi) in enumerate(paragraphs):
        marks = every[bisect_left(every, lo) : bisect_left(every, hi)]
        if not marks:
            carried = False
            continue
        skip: frozenset[int] = frozenset()
        for _ in range(3):
            spans, dopen, sopen = _scan(text, lo, hi, marks, skip)
            if sopen is None:
                break
            skip = skip | {sopen}  # an unclosed single mark was an apostrophe after all
        first = _first_mark(text, lo, hi) if carried else -1
        if carried and spans and spans[0].open == first:
            spans[0] = replace(spans[0], continued=True)
        out.extend(spans)
        was_carried, carried = carried, False
        if dopen is not None:
            s, e = _trim(text, dopen + 1, hi)
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            continued = was_carried and dopen == first
            if e > s and nxt is not None and _OPENS_PARA_RE.match(text, nxt[0], nxt[1]):
                out.append(QuoteSpan(dopen, None, s, e, continues=True, continued=continued))
                carried = True
            elif e > s and _ENDS_SENTENCE_RE.search(text, s, e):
                out.append(QuoteSpan(dopen, None, s, e, continued=continued))
    return out


def _first_mark(text: str, lo: int, hi: int) -> int:
    m = _MARK_RE.search(text, lo, hi)
    return m.start() if m else -1


def article_segments(
    text: str, paras: list[tuple[int, int]] | None = None
) -> tuple[list[QuoteSpan], Segments]:
    """An article's quotations, and its paragraphs and sentences as the extractors cut
    them: a boundary between a quotation's marks does not end a sentence."""
    paras = paragraphs(text) if paras is None else paras
    spans = find_quote_spans(text, paras)
    marks = [(q.open, (q.close if q.close is not None else q.end) + 1) for q in spans]
    return spans, segment(text, marks, paras)
