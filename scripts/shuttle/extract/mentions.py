"""Names in an article: runs of capitalised words that are people by their context (a title
before them, an honorific, an appositive after them, two or more name words that are no
place, organisation or title), with the role the text gives them, and the name cleaned of
honorifics, titles, middle initials and glued-on words.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from shuttle.text.scan import matches_at, positions
from shuttle.text.segments import Segments, is_headline

from .lexicon import (
    NOT_NAME,
    PLACES,
    ROLE_HEADS,
    TITLE_CAPS,
)
from .nameruns import analyse_run
from .names import (
    HON_RE,
    HONORIFIC_STARTS,
    MULTI_RE,
    NAME_RE,
    NICKNAMED_RE,
    NON_NAME_TAILS,
    NOT_BEFORE_NAME,
    RANKS,
    SUFFIXES,
    Mention,
    appositive_after,
    glue_split,
    has_role_head,
    initial_word,
    make_mention,
    role_before,
)

# Titles an honorific turns into a form of address ("Mr. President", "Mr. Secretary"):
# after "Mr." they name an office, not a person. Titles that are also surnames (King,
# Major, Prince) are left out.
_ADDRESS_TITLES = frozenset(
    """president secretary minister ambassador speaker chairman chairwoman chair
    secretary-general envoy commissioner governor senator mayor director""".split()
)


def scan(text: str, segs: Segments) -> list[Mention]:
    """Every person mention the text itself marks as one, sorted (canonical names unset)."""
    headline_paras = {i for i, (s, e) in enumerate(segs.paragraphs) if is_headline(text, s, e)}
    para_starts = [p[0] for p in segs.paragraphs]
    mentions: list[Mention] = []
    covered: list[tuple[int, int]] = []
    for m in matches_at(HON_RE, text, positions(text, HONORIFIC_STARTS), 0, len(text)):
        name = NAME_RE.match(text, m.end())
        if name is None:
            continue
        words = name.group().split()
        if len(words) > 1:
            continue  # "Dr Marwan al-Hams": a full name, read with the other runs
        first = words[0]
        if first.lower() in _ADDRESS_TITLES:
            continue  # "received by Mr. President": a form of address, no name
        word = glue_split(text, first)
        mentions.append(make_mention(text, m.end(), m.end() + len(word), word, False, None))
        covered.append((m.start(), m.end() + len(first)))
    singles: list[re.Match[str]] = []
    for m in MULTI_RE.finditer(text):
        s = m.start()
        if s > 0 and (text[s - 1] in NOT_BEFORE_NAME or text[s - 1].isalpha()):
            continue
        if m.group("appos") is not None:
            singles.append(m)  # one word and an appositive: read once all runs are known
            continue
        if headline_paras and bisect_right(para_starts, s) - 1 in headline_paras:
            continue
        run = m.group()
        tail = run[run.rfind(" ") + 1 :].lower()
        if tail in NON_NAME_TAILS or tail in TITLE_CAPS or run.lower() in PLACES:
            covered.append(m.span())  # "White House", "Prime Minister", "Tel Aviv"
            continue
        mention = analyse_run(text, m)
        if mention is not None:
            mentions.append(mention)
        covered.append(m.span())
    covered.sort()
    starts = [c[0] for c in covered]
    for m in singles:
        s, e = m.span()
        i = bisect_right(starts, s) - 1
        if i >= 0 and covered[i][1] >= e:
            continue  # the last word of a longer name, already read
        word = m.group()
        if word.lower() in NOT_NAME or word.lower() in TITLE_CAPS:
            continue
        is_person, role_text = appositive_after(text, e)
        if is_person:
            mentions.append(make_mention(text, s, e, word, False, role_text))
    nicknamed = _nicknamed(text, covered) + _initialled(text)
    if nicknamed:
        # the runs that read only a part of such a name ("Retired General Kenneth")
        mentions = [
            mt
            for mt in mentions
            if not any(nk.start <= mt.start < nk.end for nk in nicknamed)
            and not any(mt.start <= nk.start < mt.end for nk in nicknamed)
        ]
        mentions.extend(nicknamed)
    mentions.sort(key=lambda x: x.start)
    return mentions


def _nicknamed(text: str, covered: list[tuple[int, int]]) -> list[Mention]:
    """People introduced with a nickname in quote marks ("Retired General Kenneth “Frank”
    McKenzie"): one mention of the full name without the nickname, the span from the first
    name to the surname, the role from the title words before it."""
    out: list[Mention] = []
    for i in positions(text, "“\"‘'"):
        # from the opening mark of a capitalised word after a space back to the first name
        if i < 3 or text[i - 1] != " " or not text[i + 1 : i + 2].isupper():
            continue
        s = i - 1
        while s > 0 and text[s - 1].isalpha():
            s -= 1
        m = NICKNAMED_RE.match(text, s)
        if m is None:
            continue
        if s > 0 and (text[s - 1] in NOT_BEFORE_NAME or text[s - 1].isalpha()):
            continue
        last = [w for w in m.group("last").split() if not initial_word(w)]
        while len(last) > 1 and last[-1].rstrip(".") in SUFFIXES:
            last.pop()  # "Jr.", "III"
        name = f"{m.group('first')} {' '.join(last)}"
        role_words = role_before(text, s, 0, True)
        role = " ".join(role_words) if role_words and has_role_head(role_words) else None
        if role is None:
            role = appositive_after(text, m.end())[1]
        out.append(make_mention(text, s, m.end(), name, True, role))
        covered.append((s, m.end()))
    return out


# A first name written as initials, "CQ" or "C.Q.", before a surname: read only after a
# title or rank ("Gen. CQ Brown", "Sen. JD Vance"), where "UN" or "IDF" could not stand.
# (It starts with a character class, so the engine skips ahead fast; what may stand
# before it is checked apart.)
_INITIALLED_RE = re.compile(r"[A-Z](?:[A-Z]{1,2}|\.[A-Z]\.(?:[A-Z]\.)?)[^\S\n]+(?=[A-Z][a-z])")
_TITLE_WORDS = RANKS | TITLE_CAPS | ROLE_HEADS


def _initialled(text: str) -> list[Mention]:
    """People whose first name is initials, after a title or rank: "Gen. CQ Brown"."""
    out: list[Mention] = []
    for m in _INITIALLED_RE.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in ".’'-"):
            continue
        before = text[max(0, m.start() - 30) : m.start()].split()
        title = before[-1].rstrip(".").lower() if before else ""
        if title not in _TITLE_WORDS and title + "." not in _TITLE_WORDS:
            continue
        surname = NAME_RE.match(text, m.end())
        if surname is None:
            continue
        last = surname.group().split()
        while len(last) > 1 and last[-1].rstrip(".") in SUFFIXES:
            last.pop()
        name = f"{m.group().strip()} {' '.join(last)}"
        e = (
            m.end() + len(" ".join(last))
            if text.startswith(" ".join(last), m.end())
            else surname.end()
        )
        role_words = role_before(text, m.start(), 0, True)
        role = " ".join(role_words) if role_words and has_role_head(role_words) else None
        out.append(make_mention(text, m.start(), e, name, True, role))
    return out
