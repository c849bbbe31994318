"""Scans of the text by plain string search.

A regex scan tests every character against the class its pattern starts with, and tries
the whole pattern wherever one fits; `str.find` skips ahead far faster. Where every match
of a pattern starts with one of a few literal strings (a stop, a digit, "Mr"), `positions`
finds where those stand and `matches_at` runs the pattern there alone: the same matches
as `pattern.finditer(text, lo, hi)`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def positions(text: str, needles: Iterable[str], lo: int = 0, hi: int | None = None) -> list[int]:
    """Where each of `needles` stands in text[lo:hi], every occurrence, sorted. No needle may
    be a prefix of another (a place would be listed twice)."""
    stop = len(text) if hi is None else hi
    out: list[int] = []
    for needle in needles:
        i = text.find(needle, lo, stop)
        while i != -1:
            out.append(i)
            i = text.find(needle, i + 1, stop)
    out.sort()
    return out


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], lo: int, hi: int, lead: int = 0
) -> list[re.Match[str]]:
    """What `pattern.finditer(text, lo, hi)` yields, for a pattern whose every match starts
    `lead` characters before one of `starts` (sorted): a space before a word, say."""
    out: list[re.Match[str]] = []
    end = lo
    for s in starts:
        s -= lead
        if s < end:
            continue  # inside the last match, or before lo
        m = pattern.match(text, s, hi)
        if m is not None:
            out.append(m)
            e = m.end()
            end = e if e > s else e + 1
    return out
