"""The words of a name and what stands around it: the patterns of a run of capitalised
words, the role the text gives a name (a title before it, an appositive after it), the
name cleaned of glued-on words. mentions.py finds the mentions with these; nameruns.py
reads a run of capitalised words; subjects.py tells a name that is a sentence's subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon import (
    NP_WORDS,
    ORG_HEADS,
    ROLE_HEADS,
)

_SP = r"[^\S\n]+"

# Possessive quantifiers (++, *+) where giving characters back could never let the rest
# match: the engine fails fast on the many capitalised words that start no name.
_SPP = r"[^\S\n]++"

# Letters of names beyond ASCII ("António Guterres", "Volker Türk", "Erdoğan"): Latin-1
# capitals and small letters, and Latin Extended-A (its cases interleave: both classes).
_U = "A-ZÀ-ÖØ-ÞĀ-ſ"

_L = "a-zß-öø-ÿĀ-ſ"

_CAP = (
    rf"(?:[{_U}][{_L}]++(?:[{_U}][{_L}]++)?(?:[-’'](?!s\b)[{_U}]?[{_L}]++)*+"
    rf"|[{_U}][’'][{_U}][{_L}]+)"
)

_PART = rf"(?:al|el|ad|as|ash|at|az|an|ar|ul)-[{_U}][{_L}]++(?:-[{_U}][{_L}]++)*+"

_LOW = r"(?:bin|ibn|bint|de|da|di|du|van|von|der|den|del|della|le|la|dos|das)"

_INIT = r"[A-Z]\."

_TOK = rf"(?:{_CAP}|{_PART})"

_NEXT = rf"{_SPP}(?:{_INIT}{_SPP})?(?:{_LOW}{_SPP})?{_TOK}"

NAME = rf"{_TOK}(?:{_NEXT})*"

# The scans start with a capital, so the regex engine skips ahead fast; what must not
# precede a name is checked by hand.
_REGNAL = rf"(?:{_SPP}(?:II|III|IV)(?![\w’'-]))?"  # "King Abdullah II"

MULTI_RE = re.compile(
    rf"{_CAP}(?:(?:{_NEXT})+{_REGNAL}|(?P<appos>(?=,{_SP}(?:the{_SP}|an?{_SP}|\d{{1,3}},|(?:head|chief"
    rf"|leader|director|spokesman|spokeswoman|spokesperson|commander|member|minister|president"
    rf"|secretary){_SP}of{_SP}))))"
)

NAME_RE = re.compile(NAME)

# A nickname in quote marks between a first name and a surname: Kenneth “Frank” McKenzie.
_NICK = r"[A-Z][\w’'.-]{0,15}"

NICKNAMED_RE = re.compile(
    rf"(?P<first>{_CAP}){_SP}[“\"‘'](?P<nick>{_NICK}(?:{_SP}{_NICK})?)[”\"’']{_SP}"
    rf"(?P<last>{NAME})"
)

HON_RE = re.compile(rf"(?:M(?:rs?|s|x|iss)|Dr)\.?{_SP}(?={_TOK})")

HONORIFIC_STARTS = ("Mr", "Ms", "Mx", "Miss", "Dr")  # where a match of HON_RE may start

# One word followed by an appositive ("Gantz, a former army chief,", "Emad, 55,").
NOT_BEFORE_NAME = frozenset("’'.-_") | frozenset("abcdefghijklmnopqrstuvwxyz0123456789")

_APPOS_RE = re.compile(
    rf""",{_SP}(?:
        (?P<age>\d{{1,3}}),
       |(?P<det>the|a|an){_SP}(?P<role>(?:(?:[A-Z]\.)+|[^,.;:!?“”"()\n]){{2,80}}?)
          (?=[^\S\n]*[,.;:]|{_SP}(?:said|says|told|who|added)\b)
       |(?P<role2>(?:head|chief|leader|director|spokesman|spokeswoman|spokesperson|commander
          |member|minister|president|secretary){_SP}of{_SP}(?:(?:[A-Z]\.)+|[^,.;:!?“”"()\n]){{2,80}}?)
          (?=[^\S\n]*[,.;:])
    )""",
    re.X,
)

_GLUE_RE = re.compile(
    r"([A-Z][a-z]{2,}?)(called|said|says|stated|which|who|whose|added|told|urged|warned|noted)\Z"
)

# Last words that end an organisation or a place, never a person's name.
NON_NAME_TAILS = ORG_HEADS | frozenset(
    "city bank strip states nations east kingdom emirates arabia union heights camp "
    "crossing hospital school street square".split()
)

_ROLE_PREPS = frozenset("for of at with in to".split())

# Lower-case words a role may contain before its head ("senior", "human rights").
ROLE_WORDS = (
    NP_WORDS
    | ROLE_HEADS
    | frozenset(
        """deputy acting chief human rights war political spiritual supreme opposition
    justice finance interior economy energy trade education transport communications
    strategic affairs minister's general national special elder longtime veteran state
    prominent outgoing incoming interim caretaker hardline far-right centrist""".split()
    )
)


@dataclass(slots=True)
class Mention:
    start: int  # span of the name as written (title and honorific excluded)
    end: int
    name: str  # cleaned: no honorific, no middle initial, glued verbs split off
    full: bool  # two or more name words
    role: str | None = None
    possessive: bool = False  # "Mr. Blinken’s dilemma": a possessor, not a subject
    preceded_by_the: bool = False
    canonical: str = ""


_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+")

_GLUE_ENDS = ("called", "said", "says", "stated", "which", "who", "whose", "added", "told",
              "urged", "warned", "noted")  # fmt: skip


def glue_split(text: str, word: str) -> str:
    """ "Blinkencalled" -> "Blinken" when "Blinken" stands alone elsewhere in the text."""
    if len(word) < 7 or not word.endswith(_GLUE_ENDS):
        return word
    m = _GLUE_RE.match(word)
    if m is None:
        return word
    prefix = m.group(1)
    if re.search(rf"(?<![\w’'-]){re.escape(prefix)}(?![a-z])", text) is None:
        return word
    return prefix


# Military ranks and services, as written before a name ("Brig. Gen.", "Air Force Maj.").
RANKS = frozenset(
    """gen general maj major brig lt col colonel capt captain adm admiral rear vice sgt cmdr
    commander air force army navy marine corps""".split()
)


def role_before(text: str, pos: int, lo: int, titled: bool = False) -> list[str]:
    """Title words right before a name ("Egyptian intelligence chief")."""
    window = text[max(lo, pos - 80) : pos]
    nl = window.rfind("\n")
    if nl >= 0:
        window = window[nl + 1 :]
    words = window.split()
    # "Pentagon Press Secretary Air Force Maj. Gen. Pat Ryder": a rank and a service stand
    # between the role and the name; the role is the title before them ("Retired General"
    # is a role of its own)
    k = len(words)
    while k > 0 and words[k - 1].lower().rstrip(".") in RANKS:
        k -= 1
    if 0 < k < len(words) and words[k - 1][-1:] not in ',;:)”"—–.':
        out = _role_words(words[:k], titled)
        if out and has_role_head(out):
            return out
    return _role_words(words, titled)


def _role_words(words: list[str], titled: bool) -> list[str]:
    out: list[str] = []
    for w in reversed(words[-6:]):
        if w[-1] in ',;:)”"—–' or (w.endswith(".") and not _INITIALS_RE.fullmatch(w)):
            break
        lw = w.lower()
        if w[0].isupper() or w[0].isdigit():
            if lw in ("the", "a", "an", "and", "but", "with", "by", "to", "from", "in", "of"):
                break
            out.append(w)
        elif lw == "of" and (
            titled if not out else out[-1][0].isupper() or out[-1].lower() in ROLE_WORDS
        ):
            out.append(w)
        elif lw.rstrip("’s") in ROLE_WORDS or lw in ROLE_WORDS:
            out.append(w)
        else:
            break
        if len(out) >= 5:
            break
    while out and out[-1].lower() == "of":
        out.pop()
    out.reverse()
    return out


def has_role_head(words: Sequence[str]) -> bool:
    return any(w.lower().rstrip(".").removesuffix("’s") in ROLE_HEADS for w in words) or any(
        w.lower() in ("minister", "president", "secretary", "king", "queen", "emir") for w in words
    )


SUFFIXES = frozenset(("Jr", "Sr", "II", "III", "IV"))


def initial_word(word: str) -> bool:
    return len(word) == 2 and word[1] == "."


def is_nickname(text: str, open_mark: int, close_mark: int | None) -> bool:
    """Whether the quotation at `open_mark` is a nickname between a first name and a
    surname (Kenneth “Frank” McKenzie): no one's words."""
    if close_mark is None or open_mark < 2:
        return False
    lo = text.rfind(" ", 0, open_mark - 1) + 1
    m = NICKNAMED_RE.match(text, lo)
    return m is not None and m.start("nick") == open_mark + 1 and m.end("nick") == close_mark


def appositive_after(text: str, end: int) -> tuple[bool, str | None]:
    """Whether an appositive that marks a person follows, and the role it gives
    ("Matt Miller, the State Department spokesman," -> role; "Emad, 55," -> no role)."""
    appos = _APPOS_RE.match(text, end)
    if appos is None:
        return False, None
    if appos.group("age"):
        return True, None
    role = appos.group("role") or appos.group("role2")
    if role is None:
        return False, None
    role = role.strip()
    if appos.group("role2"):
        return True, role
    words = [w.lower().removesuffix("’s") for w in role.split()]
    if words[-1] in ROLE_HEADS:
        return True, role
    # "a spokesman for the U.N. humanitarian office", "a senior official with Hamas"
    for i, w in enumerate(words[:3]):
        if w in ROLE_HEADS and i + 1 < len(words) and words[i + 1] in _ROLE_PREPS:
            return True, role
    return False, None


def is_possessive(text: str, e: int) -> bool:
    nxt = text[e : e + 1]
    return nxt in ("’", "'") and (text[e + 1 : e + 2] in ("s", "") or not text[e + 1].isalpha())


def make_mention(text: str, s: int, e: int, name: str, full: bool, role: str | None) -> Mention:
    before = text[max(0, s - 4) : s].lower()
    return Mention(s, e, name, full, role, is_possessive(text, e), before.endswith("the "))
