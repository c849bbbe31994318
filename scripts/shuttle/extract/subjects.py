"""Whether a name stands as its sentence's subject ("Blinken told reporters", not "…
told Blinken"): the cue that the pronouns and verbs after it are his.
"""

from __future__ import annotations

import re

from .lexicon import (
    HONORIFICS,
    NATIONALITIES,
    NOT_NAME,
    ROLE_HEADS,
    TITLE_CAPS,
)
from .names import NAME, ROLE_WORDS

_AFTER_NAME_RE = re.compile(rf"{NAME}(?:[’']s?)?[^\S\n]*")

_CLAUSE_WORDS = frozenset("and but yet so then though although however while when as".split())


def subject_position(text: str, start: int, s0: int) -> bool:
    """Whether a name at `start` opens its clause: the sentence starts there, or a comma,
    a dash or a conjunction comes right before it and any title words it carries
    ("Israeli Prime Minister Benjamin Netanyahu said", "…, though, Mr. Netanyahu took"),
    and a verb or an appositive follows it ("…, Qatar's emir, Sheikh Tamim." is no subject)."""
    after = _AFTER_NAME_RE.match(text, start)
    if after is not None and text[after.end() : after.end() + 1] in (".", ";", ":", ")", ""):
        return False
    end = start
    in_role = False  # walking back through a role the name stands in apposition to
    for _ in range(12):
        while end > s0 and text[end - 1].isspace():
            end -= 1
        if end > s0 and text[end - 1] == "," and not in_role and _after_role(text, end - 1, s0):
            # "met the Israeli president, Isaac Herzog,": the name is where its role is
            end -= 1
            in_role = True
            continue
        if end <= s0 or text[end - 1] in ',;—–(”"':
            return True
        chunk = text[max(s0, end - 40) : end].split()
        if not chunk:
            return False
        word = chunk[-1]
        lw = word.lower()
        if lw in ("and", "or") and len(chunk) > 1 and chunk[-2][0].isupper():
            end -= len(word)  # "Sisi and Blinken": the pair stands where its first name does
            continue
        if lw in _CLAUSE_WORDS:
            return True
        if (
            word[0].isupper()
            and lw in NOT_NAME
            and lw not in ("the", "a", "an")
            and lw not in NATIONALITIES
            and lw not in TITLE_CAPS  # "Secretary of State Antony Blinken said"
            and (not in_role or lw in _SENTENCE_PREPOSITIONS)
        ):
            return False  # "In", "After", "With": the name sits in a phrase
        if lw in ("the", "a", "an", "of") or lw.rstrip(".") in HONORIFICS:
            pass
        elif not (word[0].isupper() or lw in ROLE_WORDS):
            return False
        end -= len(word)
    return False


_SENTENCE_PREPOSITIONS = frozenset(
    "in after with at on for from by during before since as while when if despite amid".split()
)


def _after_role(text: str, comma: int, s0: int) -> bool:
    """Whether the word before the comma at `comma` heads a role ("president", "minister")."""
    words = text[max(s0, comma - 30) : comma].split()
    return bool(words) and words[-1].lower().removesuffix("’s") in ROLE_HEADS
