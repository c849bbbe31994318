"""Numbers as articles write them: "27,840", "1.2 million", "four", "seventy-one", "a dozen".

Decisions:
- vague amounts ("dozens", "hundreds", "scores", "thousands", "several hundred", "tens of
  thousands") are not numbers: there is no value an editor could check;
- "1 400" with a space, no-break or narrow no-break space between groups of three digits
  is 1,400 (a 1-3 digit head, then groups of exactly three; not after a month's name);
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

from .scan import positions
from .segments import WS, word_trie

# The words a number in words may start with (the scans look for these first).
NUMBER_FIRST_WORDS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million billion dozen
    """.split()
)

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
# A number in words, matched where a scan found one of its words ("a" and "half a" are
# looked for before the hit).
_WORDS_RE = re.compile(rf"(?i:{_WORDS})")
# The scans start with a character class, so the regex engine skips ahead fast.
# "1 400" and "1\u202f400" (a space, no-break or narrow no-break space between groups of
# three) are one number, as French and SI style write it: a 1-3 digit head, then groups of
# exactly three, so "in 2023 100 people" stays two numbers.
_GROUP_SPACES = " \u00a0\u202f\u2009"
_TAIL = r"(?:\.[0-9]+)?(?:[^\S\n]*(?P<scale>(?i:million|billion|thousand)))?"
_DIGITS_SCAN_RE = re.compile(
    r"[0-9](?:[0-9]{0,2}(?:,[0-9]{3})+"
    rf"|[0-9]{{0,2}}(?:[{_GROUP_SPACES}][0-9]{{3}})+(?![0-9])|[0-9]*)" + _TAIL
)
# The same without space-separated groups: what a day of the month, or a head whose
# spaced number is rejected, is read as ("March 5 100 people" is the 5th and 100).
_DIGITS_PLAIN_RE = re.compile(r"[0-9](?:[0-9]{0,2}(?:,[0-9]{3})+|[0-9]*)" + _TAIL)
_MONTH_BEFORE_RE = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[^\S\n]+\Z"
)
_FIRST_WORDS = sorted(NUMBER_FIRST_WORDS)
_WORD_SCAN_RE = re.compile(
    f'[{WS}("“‘—–]'
    + word_trie(sorted(set(_FIRST_WORDS + [w.capitalize() for w in _FIRST_WORDS])))
    + r"(?![\w’'])"
)
_WORD_AT_START_RE = re.compile(_WORD_SCAN_RE.pattern[_WORD_SCAN_RE.pattern.index("]") + 1 :])
_BEFORE_WORD_RE = re.compile(r"(?i:(?:half[^\S\n]+)?an?)[^\S\n]+\Z")
_NOT_BEFORE = frozenset("$£€¥#/:.,’'-_0123456789")
_NOT_AFTER_RE = re.compile(r"[\w%°]|[.,:]\d|-[A-Za-z\d]")
# After the number: the words that make it a vague or non-count expression.
_VAGUE_AFTER_RE = re.compile(r"\s+(?:of\s+thousands|of\s+millions|percent|per\s+cent|%)", re.I)

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


@dataclass(slots=True)  # built in the thousands: plain slots are cheaper than frozen
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
    if not scale and "." not in digits:
        plain = digits.replace(",", "")
        if plain.isdigit() and plain.isascii():
            return int(plain)  # the common case, without a Decimal
    try:
        value = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    if scale:
        value *= _SCALES[scale.lower()]
    if value != value.to_integral_value():
        return None  # "2.5" alone is not a count of anything
    return int(value)


def _digits_at(text: str, at: int, start: int, stop: int) -> re.Match[str]:
    """The number in digits at text[at]: space-separated groups read as one number unless
    what follows rejects it or a month stands before it (then the head alone)."""
    m = _DIGITS_SCAN_RE.match(text, at, stop)
    assert m is not None  # a digit stands at `at`
    number = m.group() if m.group("scale") is None else text[at : m.start("scale")].strip()
    if any(c in number for c in _GROUP_SPACES) and (
        _NOT_AFTER_RE.match(text, m.end(), stop)
        or _MONTH_BEFORE_RE.search(text, max(start, at - 12), at)
    ):
        plain = _DIGITS_PLAIN_RE.match(text, at, stop)
        assert plain is not None
        return plain
    return m


def _ungrouped(digits: str) -> str:
    return "".join(c for c in digits if c not in _GROUP_SPACES)


def find_numbers(
    text: str, start: int = 0, end: int | None = None, word_starts: list[int] | None = None
) -> list[NumberMention]:
    """Every number in text[start:end] that could be a count, in order. `word_starts`:
    where the words that may start a number in words stand in the whole text (keywords.py),
    when the caller has them."""
    stop = len(text) if end is None else end
    out: list[NumberMention] = []
    digits_at = positions(text, "0123456789", start, stop)
    covered = start
    for at in digits_at:
        if at < covered:
            continue  # inside the last number
        m = _digits_at(text, at, start, stop)
        s, e = m.span()
        covered = e
        if s > start and (text[s - 1] in _NOT_BEFORE or text[s - 1].isalpha()):
            continue
        if _NOT_AFTER_RE.match(text, e, stop) or _VAGUE_AFTER_RE.match(text, e, stop):
            continue
        scale = m.group("scale")
        digits = text[s : m.start("scale")].strip() if scale else m.group()
        value = digits_value(_ungrouped(digits), scale)
        if value is not None:
            out.append(NumberMention(s, e, m.group(), value, False))
    words: list[NumberMention] = []
    last_end = -1
    if word_starts is not None and start == 0 and stop == len(text):
        hits = word_starts
    else:
        hits = [m.start() + 1 for m in _WORD_SCAN_RE.finditer(text, max(0, start - 1), stop)]
        if start == 0 and _WORD_AT_START_RE.match(text, 0, stop):
            hits.insert(0, 0)  # the scan needs a character before the word
    for s in hits:
        if s < last_end or s < start:
            continue  # "hundred" inside "two hundred", already read
        before = _BEFORE_WORD_RE.search(text, max(start, s - 8), s)
        if before is not None:
            s = before.start()
        full = _WORDS_RE.match(text, s, stop)
        if full is None or full.group().lower() in ("a", "an"):
            continue
        e = full.end()
        if _NOT_AFTER_RE.match(text, e, stop) or _VAGUE_AFTER_RE.match(text, e, stop):
            continue
        value = words_value(full.group())
        if value is None:
            continue
        last_end = e
        words.append(NumberMention(s, e, full.group(), value, True))
    if words:
        out = sorted(out + words, key=lambda n: n.start)
    return out


_QUALIFIER_WORDS = {
    tuple(k.split()): v for k, v in _QUALIFIER_MAP.items() if k not in ("so", "more")
}


def qualifier_at(text: str, start: int, end: int, lo: int, hi: int) -> tuple[str | None, int]:
    """The normalised qualifier of the number at text[start:end], and where it starts."""
    # "“More than 30,000": a quote mark or bracket opening the words is not part of them
    words = [w.lstrip("“\"‘'([") for w in text[max(lo, start - 24) : start].split()]
    last = tuple(w.lower() for w in words[-3:])
    for n in (3, 2, 1):
        if len(words) >= n:
            key = last[-n:]
            if key in _QUALIFIER_WORDS:
                return _QUALIFIER_WORDS[key], text.rfind(words[-n], lo, start)
    after = _QUALIFIER_AFTER_RE.match(text, end, hi)
    if after is not None:
        return _QUALIFIER_MAP[after.group("q").lower()], start
    return None, start
