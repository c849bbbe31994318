"""A run of capitalised words read as a person's name, or not: honorifics, titles, middle
initials and glued-on words taken off, and the role the words before it give.
"""

from __future__ import annotations

import re

from .lexicon import (
    HONORIFICS,
    NATIONALITIES,
    NOT_NAME,
    PLACES,
    ROLE_HEADS,
    ROYAL_TITLES,
    TITLE_CAPS,
)
from .names import (
    RANKS,
    SUFFIXES,
    Mention,
    appositive_after,
    glue_split,
    has_role_head,
    make_mention,
    role_before,
)

# Titles a name follows at once ("Press Secretary Pat Ryder", "Maj. Gen. Pat Ryder").
_HEAD_TITLES = ROLE_HEADS | frozenset(
    "maj gen lt col capt adm sgt brig sen rep gov admiral colonel captain major".split()
)

# Capitalised words that name the field of a title ("Special Envoy for Humanitarian Affairs").
_ROLE_FIELDS = frozenset(
    """affairs hostage hostages humanitarian issues relations security policy rights
    operations intelligence communications diplomacy cooperation development trade
    counterterrorism management planning strategy public""".split()
)

# Things a capitalised name may follow in apposition: ships, places, operations.
_THING_NOUNS = frozenset(
    """vessel ship tanker boat freighter carrier destroyer frigate warship submarine
    operation mosque church synagogue hospital camp school neighborhood neighbourhood
    village town district street road crossing plaza square kibbutz festival""".split()
)


def _word_before(text: str, pos: int) -> str:
    """The lower-case word right before `pos` on its line."""
    end = pos
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "’'-"):
        start -= 1
    return text[start:end].lower()


def _titled_single(text: str, s: int, e: int, word: str, role: list[str]) -> Mention:
    name = word
    if role[-1].lower() in ROYAL_TITLES:
        name = f"{role[-1]} {word}"  # "King Abdullah": the title is part of a royal name
    elif word.endswith((" II", " III", " IV")):
        name = word.rsplit(" ", 1)[0]  # a regnal number without a royal title: no name
    return make_mention(text, s, e, name, name != word, " ".join(role) or None)


_REGNAL_WORDS = frozenset(("II", "III", "IV"))

# What a capitalised word of a run is, as bit flags, read once per spelling: runs of
# capitalised words repeat (names, titles), and a set lookup per flag per word adds up.
_HON, _TITLE, _NAT, _NOTNAME, _PLACE = 1, 2, 4, 8, 16

_KINDS: dict[str, int] = {}


def _word_kind(word: str) -> int:
    kind = _KINDS.get(word)
    if kind is None:
        lw = word.lower()
        kind = (
            (_HON if lw in HONORIFICS else 0)
            | (_TITLE if lw in TITLE_CAPS or lw + "." in TITLE_CAPS else 0)  # "Maj. Gen."
            | (_NAT if lw in NATIONALITIES else 0)
            | (_NOTNAME if lw in NOT_NAME else 0)
            | (_PLACE if lw in PLACES else 0)
        )
        if len(_KINDS) > 50_000:
            _KINDS.clear()  # a bound on memory over a long corpus; the answers never change
        _KINDS[word] = kind
    return kind


def analyse_run(text: str, m: re.Match[str]) -> Mention | None:
    run = m.group()
    base = m.start()
    words = run.split()
    kinds = [_word_kind(w) for w in words]
    first = 0  # index of the first name word
    titles: list[str] = []
    honorific = False
    for k in range(1, len(words)):
        if kinds[k] & _HON:
            words = words[:k]  # "Compounding Mr. Blinken": the honorific starts a new name
            break
    n = len(words)
    if kinds[0] & _HON:
        honorific = True
        first = 1
    while first < n:
        kind = kinds[first]
        if kind & (_TITLE | _NAT):
            titles.append(words[first])
        elif not kind & _NOTNAME:
            break
        else:
            titles.clear()  # "But President Biden": "But" is no part of the title
        first += 1
    last = first
    while last + 1 < n and not kinds[last + 1] & (_NOTNAME | _TITLE):
        last += 1
    nxt = last + 1
    titled = False
    while nxt < n and kinds[nxt] & (_TITLE | _NAT | _NOTNAME) and not kinds[nxt] & _HON:
        titled = titled or bool(kinds[nxt] & _TITLE)
        nxt += 1
    if titled and nxt < n and first < n and words[nxt - 1].lower().rstrip(".") in _HEAD_TITLES:
        # "Pentagon Press Secretary Pat Ryder": the words before the last title were part
        # of the role, the name comes after it and ends the run
        end = nxt
        while end + 1 < n and not kinds[end + 1] & (_NOTNAME | _TITLE):
            end += 1
        if end == n - 1:
            titles += words[first:nxt]
            first, last = nxt, end
    if first >= n:
        return None
    if titled and nxt == n and text.startswith(".", m.end()) and kinds[-1] & _TITLE:
        # "Joint Chiefs Chairman Air Force Gen. CQ Brown": the run stops at the rank's
        # period; all of it is the role of the name after it
        return None
    # "… Representative for Hostage Affairs Steve Gillen": the field of a title is no name
    while last - first >= 2 and words[first].lower() in _ROLE_FIELDS:
        first += 1
    kept = words[first : last + 1]
    # offsets of the kept words in the text
    pos = 0
    for w in words[:first]:
        pos = run.find(w, pos) + len(w)
    s = base + run.find(kept[0], pos)
    joined = " ".join(kept)
    if text.startswith(joined, s):
        e = s + len(joined)
    else:
        e = base + run.rfind(kept[-1]) + len(kept[-1])
    words = [w for w in kept if not (len(w) == 2 and w[1] == ".")]
    if not words or all(w.lower().rstrip(".") in RANKS for w in words):
        return None  # "Press Secretary Brig. Gen. Pat Ryder": "Brig" is his rank, no name
    glued = glue_split(text, words[-1])
    if glued != words[-1]:
        e -= len(words[-1]) - len(glued)
        words[-1] = glued
    role_words = role_before(text, base, 0, bool(titles))
    if titles:
        role_words += titles
        if not role_words[: -len(titles)] and text[max(0, base - 2) : base] == ", ":
            # "his Qatari counterpart, Sheikh Mohammed …": the role before the comma
            before = role_before(text, base - 2, 0)
            if before and has_role_head(before):
                role_words = before + role_words
    role = " ".join(role_words) if role_words and has_role_head(role_words) else None
    if len(words) == 2 and words[1] in _REGNAL_WORDS and role is not None:
        return _titled_single(text, s, e, " ".join(words), role_words)  # "King Abdullah II"
    if len(words) == 1:
        if honorific:
            return make_mention(text, s, e, words[0], False, None)
        if role is not None:
            return _titled_single(text, s, e, words[0], role_words)
        is_person, role_text = appositive_after(text, e)
        if is_person:
            return make_mention(text, s, e, words[0], False, role_text)
        return None
    if len(words) >= 3 and words[-1].rstrip(".") in SUFFIXES:
        words = words[:-1]  # "Lloyd J. Austin III" is Lloyd Austin: one person, one id
    name = " ".join(words)
    if name.lower() in PLACES or any(_word_kind(w) & _PLACE for w in words):
        return None
    if role is None and _word_before(text, base) in _THING_NOUNS:
        return None  # "the motor vessel Blue Lagoon", "the tanker Sounion": no person
    mention = make_mention(text, s, e, name, True, role)
    if mention.preceded_by_the and role is None:
        return None  # "the Tel Al-Sultan neighbourhood": people rarely take "the"
    if role is None:
        mention.role = appositive_after(text, e)[1]
    if mention.role is None and text[max(0, s - 2) : s] == ", " and text[e : e + 1] in ",.;":
        # "Israel’s prime minister, Benjamin Netanyahu, said": the role comes first
        before = role_before(text, s - 2, 0)
        if before and has_role_head(before):
            mention.role = " ".join(before)
    return mention
