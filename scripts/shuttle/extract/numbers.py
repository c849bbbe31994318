"""Numbers as articles write them: "27,840", "1.2 million", "four", "seventy-one", "a dozen".

Decisions:
- vague amounts ("dozens", "hundreds", "scores", "thousands", "several hundred", "tens of
  thousands") are not numbers: there is no value an editor could check;
- "a dozen" is 12, "half a million" 500,000, "a million" 1,000,000;
- decimals with a scale are exact ("1.2 million" -> 1,200,000); a bare decimal is not a count;
- ordinals ("11th", "fifth"), times ("10:30"), money ("$5"), percentages and numbers glued to
  a hyphen ("four-nation", "24-hour") are not matched.

Qualifiers are normalised to a small vocabulary (QUALIFIERS):
  "more than"  more than, over, above, upwards of, in excess of, just over, ... or more is
               "at least"
  "at least"   at least, no fewer than, no less than, a minimum of, ... or more
  "about"      about, around, some, roughly, approximately, an estimated, estimated, ... or so
  "nearly"     nearly, almost, close to, just under, just shy of
  "fewer than" fewer than, less than, under, below
  "up to"      up to, as many as
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

QUALIFIERS = ("more than", "at least", "about", "nearly", "fewer than", "up to")

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "dozen": 12,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_SMALL = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)"
)
_SCALE = r"(?:hundred|thousand|million|billion)"
_WORDS = (
    rf"(?:half\s+a\s+(?:million|billion)"
    rf"|(?:a|{_SMALL})\s+dozen"
    rf"|(?:a|an|{_SMALL})(?:\s+{_SCALE})+(?:\s+(?:and\s+)?{_SMALL}(?:\s+{_SCALE})*)*"
    rf"|{_SMALL})"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_NUMBER_RE = re.compile(
    rf"""(?<![\w$£€¥#/:.,’'-])(?:
        (?P<digits>{_DIGITS})(?:\s*(?P<scale>(?i:million|billion|thousand)))?
       |(?P<words>(?i:{_WORDS}))
    )(?![\w%°]|[.,:]\d|-[A-Za-z\d])""",
    re.X,
)
# After the number: the words that make it a vague or non-count expression.
_VAGUE_AFTER_RE = re.compile(r"\s+(?:of\s+thousands|of\s+millions|percent|per\s+cent|%)", re.I)

_QUALIFIER_RE = re.compile(
    r"""(?<![\w-])(?i:(?P<q>more\s+than|over|above|upwards\s+of|in\s+excess\s+of|just\s+over
      |at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of
      |about|around|some|roughly|approximately|an\s+estimated|estimated|an\s+approximate
      |nearly|almost|close\s+to|just\s+under|just\s+shy\s+of
      |fewer\s+than|less\s+than|under|below
      |up\s+to|as\s+many\s+as))\s+\Z""",
    re.X,
)
_QUALIFIER_AFTER_RE = re.compile(r"\s+or\s+(?P<q>so|more)\b", re.I)
_QUALIFIER_MAP = {
    "more than": "more than", "over": "more than", "above": "more than",
    "upwards of": "more than", "in excess of": "more than", "just over": "more than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "a minimum of": "at least", "about": "about", "around": "about", "some": "about",
    "roughly": "about", "approximately": "about", "an estimated": "about",
    "estimated": "about", "an approximate": "about", "nearly": "nearly",
    "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "just shy of": "nearly", "fewer than": "fewer than", "less than": "fewer than",
    "under": "fewer than", "below": "fewer than", "up to": "up to", "as many as": "up to",
    "so": "about", "more": "at least",
}  # fmt: skip


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: int
    words: bool  # written in words ("four", "a dozen")


def words_value(text: str) -> int | None:
    """The value of a number written in words, or None."""
    tokens = re.split(r"[\s-]+", text.lower())
    if tokens[:3] == ["half", "a", "million"]:
        return 500_000
    if tokens[:3] == ["half", "a", "billion"]:
        return 500_000_000
    total = 0
    current = 0
    seen = False
    for tok in tokens:
        if tok == "and":
            continue
        if tok in _UNITS:
            if tok == "dozen":
                current = (current or 1) * 12
            else:
                current += _UNITS[tok]
            seen = True
        elif tok in _SCALES:
            scale = _SCALES[tok]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def digits_value(digits: str, scale: str | None) -> int | None:
    try:
        value = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    if scale:
        value *= _SCALES[scale.lower()]
    if value != value.to_integral_value():
        return None  # "2.5" alone is not a count of anything
    return int(value)


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Every number in text[start:end] that could be a count, in order."""
    stop = len(text) if end is None else end
    out: list[NumberMention] = []
    for m in _NUMBER_RE.finditer(text, start, stop):
        if _VAGUE_AFTER_RE.match(text, m.end(), stop):
            continue
        if m.group("digits") is not None:
            value = digits_value(m.group("digits"), m.group("scale"))
            words = False
        else:
            if m.group("words").lower() in ("a", "an"):
                continue
            value = words_value(m.group("words"))
            words = True
        if value is None:
            continue
        out.append(NumberMention(m.start(), m.end(), m.group(), value, words))
    return out


def qualifier_at(text: str, start: int, end: int, lo: int, hi: int) -> tuple[str | None, int]:
    """The normalised qualifier of the number at text[start:end], and where it starts."""
    m = _QUALIFIER_RE.search(text, max(lo, start - 24), start)
    if m is not None:
        return _QUALIFIER_MAP[" ".join(m.group("q").lower().split())], m.start()
    after = _QUALIFIER_AFTER_RE.match(text, end, hi)
    if after is not None:
        return _QUALIFIER_MAP[after.group("q").lower()], start
    return None, start
