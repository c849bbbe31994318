"""Names in an article: runs of capitalised words that are people by their context (a title
before them, an honorific, an appositive after them, two or more name words that are no
place, organisation or title), with the role the text gives them, and the name cleaned of
honorifics, titles, middle initials and glued-on words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from shuttle.text.scan import matches_at, positions
from shuttle.text.segments import Segments, is_headline

from .lexicon import (
    HONORIFICS,
    NATIONALITIES,
    NOT_NAME,
    NP_WORDS,
    ORG_HEADS,
    PLACES,
    ROLE_HEADS,
    ROYAL_TITLES,
    TITLE_CAPS,
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
_MULTI_RE = re.compile(
    rf"{_CAP}(?:(?:{_NEXT})+{_REGNAL}|(?P<appos>(?=,{_SP}(?:the{_SP}|an?{_SP}|\d{{1,3}},|(?:head|chief"
    rf"|leader|director|spokesman|spokeswoman|spokesperson|commander|member|minister|president"
    rf"|secretary){_SP}of{_SP}))))"
)
_NAME_RE = re.compile(NAME)
# A nickname in quote marks between a first name and a surname: Kenneth “Frank” McKenzie.
_NICK = r"[A-Z][\w’'.-]{0,15}"
_NICKNAMED_RE = re.compile(
    rf"(?P<first>{_CAP}){_SP}[“\"‘'](?P<nick>{_NICK}(?:{_SP}{_NICK})?)[”\"’']{_SP}"
    rf"(?P<last>{NAME})"
)
_HON_RE = re.compile(rf"(?:M(?:rs?|s|x|iss)|Dr)\.?{_SP}(?={_TOK})")
_HONORIFIC_STARTS = ("Mr", "Ms", "Mx", "Miss", "Dr")  # where a match of _HON_RE may start
# One word followed by an appositive ("Gantz, a former army chief,", "Emad, 55,").
_NOT_BEFORE_NAME = frozenset("’'.-_") | frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
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
_NON_NAME_TAILS = ORG_HEADS | frozenset(
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


def _glue_split(text: str, word: str) -> str:
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


def _role_before(text: str, pos: int, lo: int, titled: bool = False) -> list[str]:
    """Title words right before a name ("Egyptian intelligence chief")."""
    window = text[max(lo, pos - 80) : pos]
    nl = window.rfind("\n")
    if nl >= 0:
        window = window[nl + 1 :]
    words = window.split()
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


def _has_role_head(words: Sequence[str]) -> bool:
    return any(w.lower().rstrip(".").removesuffix("’s") in ROLE_HEADS for w in words) or any(
        w.lower() in ("minister", "president", "secretary", "king", "queen", "emir") for w in words
    )


def scan(text: str, segs: Segments) -> list[Mention]:
    """Every person mention the text itself marks as one, sorted (canonical names unset)."""
    headline_paras = {i for i, (s, e) in enumerate(segs.paragraphs) if is_headline(text, s, e)}
    para_starts = [p[0] for p in segs.paragraphs]
    mentions: list[Mention] = []
    covered: list[tuple[int, int]] = []
    for m in matches_at(_HON_RE, text, positions(text, _HONORIFIC_STARTS), 0, len(text)):
        name = _NAME_RE.match(text, m.end())
        if name is None:
            continue
        words = name.group().split()
        if len(words) > 1:
            continue  # "Dr Marwan al-Hams": a full name, read with the other runs
        first = words[0]
        word = _glue_split(text, first)
        mentions.append(_mention(text, m.end(), m.end() + len(word), word, False, None))
        covered.append((m.start(), m.end() + len(first)))
    singles: list[re.Match[str]] = []
    for m in _MULTI_RE.finditer(text):
        s = m.start()
        if s > 0 and (text[s - 1] in _NOT_BEFORE_NAME or text[s - 1].isalpha()):
            continue
        if m.group("appos") is not None:
            singles.append(m)  # one word and an appositive: read once all runs are known
            continue
        if headline_paras and bisect_right(para_starts, s) - 1 in headline_paras:
            continue
        run = m.group()
        tail = run[run.rfind(" ") + 1 :].lower()
        if tail in _NON_NAME_TAILS or tail in TITLE_CAPS or run.lower() in PLACES:
            covered.append(m.span())  # "White House", "Prime Minister", "Tel Aviv"
            continue
        mention = _analyse_run(text, m)
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
        is_person, role_text = _appositive(text, e)
        if is_person:
            mentions.append(_mention(text, s, e, word, False, role_text))
    nicknamed = _nicknamed(text, covered)
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
        m = _NICKNAMED_RE.match(text, s)
        if m is None:
            continue
        if s > 0 and (text[s - 1] in _NOT_BEFORE_NAME or text[s - 1].isalpha()):
            continue
        last = [w for w in m.group("last").split() if not _INITIAL_WORD(w)]
        while len(last) > 1 and last[-1].rstrip(".") in _SUFFIXES:
            last.pop()  # "Jr.", "III"
        name = f"{m.group('first')} {' '.join(last)}"
        role_words = _role_before(text, s, 0, True)
        role = " ".join(role_words) if role_words and _has_role_head(role_words) else None
        if role is None:
            role = _appositive(text, m.end())[1]
        out.append(_mention(text, s, m.end(), name, True, role))
        covered.append((s, m.end()))
    return out


_SUFFIXES = frozenset(("Jr", "Sr", "II", "III", "IV"))
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


def _INITIAL_WORD(word: str) -> bool:
    return len(word) == 2 and word[1] == "."


def is_nickname(text: str, open_mark: int, close_mark: int | None) -> bool:
    """Whether the quotation at `open_mark` is a nickname between a first name and a
    surname (Kenneth “Frank” McKenzie): no one's words."""
    if close_mark is None or open_mark < 2:
        return False
    lo = text.rfind(" ", 0, open_mark - 1) + 1
    m = _NICKNAMED_RE.match(text, lo)
    return m is not None and m.start("nick") == open_mark + 1 and m.end("nick") == close_mark


def _appositive(text: str, end: int) -> tuple[bool, str | None]:
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


def _mention(text: str, s: int, e: int, name: str, full: bool, role: str | None) -> Mention:
    before = text[max(0, s - 4) : s].lower()
    return Mention(s, e, name, full, role, is_possessive(text, e), before.endswith("the "))


def _titled_single(text: str, s: int, e: int, word: str, role: list[str]) -> Mention:
    name = word
    if role[-1].lower() in ROYAL_TITLES:
        name = f"{role[-1]} {word}"  # "King Abdullah": the title is part of a royal name
    elif word.endswith((" II", " III", " IV")):
        name = word.rsplit(" ", 1)[0]  # a regnal number without a royal title: no name
    return _mention(text, s, e, name, name != word, " ".join(role) or None)


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


def _analyse_run(text: str, m: re.Match[str]) -> Mention | None:
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
    if not words:
        return None
    glued = _glue_split(text, words[-1])
    if glued != words[-1]:
        e -= len(words[-1]) - len(glued)
        words[-1] = glued
    role_words = _role_before(text, base, 0, bool(titles))
    if titles:
        role_words += titles
        if not role_words[: -len(titles)] and text[max(0, base - 2) : base] == ", ":
            # "his Qatari counterpart, Sheikh Mohammed …": the role before the comma
            before = _role_before(text, base - 2, 0)
            if before and _has_role_head(before):
                role_words = before + role_words
    role = " ".join(role_words) if role_words and _has_role_head(role_words) else None
    if len(words) == 2 and words[1] in _REGNAL_WORDS and role is not None:
        return _titled_single(text, s, e, " ".join(words), role_words)  # "King Abdullah II"
    if len(words) == 1:
        if honorific:
            return _mention(text, s, e, words[0], False, None)
        if role is not None:
            return _titled_single(text, s, e, words[0], role_words)
        is_person, role_text = _appositive(text, e)
        if is_person:
            return _mention(text, s, e, words[0], False, role_text)
        return None
    if len(words) >= 3 and words[-1].rstrip(".") in _SUFFIXES:
        words = words[:-1]  # "Lloyd J. Austin III" is Lloyd Austin: one person, one id
    name = " ".join(words)
    if name.lower() in PLACES or any(_word_kind(w) & _PLACE for w in words):
        return None
    if role is None and _word_before(text, base) in _THING_NOUNS:
        return None  # "the motor vessel Blue Lagoon", "the tanker Sounion": no person
    mention = _mention(text, s, e, name, True, role)
    if mention.preceded_by_the and role is None:
        return None  # "the Tel Al-Sultan neighbourhood": people rarely take "the"
    if role is None:
        mention.role = _appositive(text, e)[1]
    if mention.role is None and text[max(0, s - 2) : s] == ", " and text[e : e + 1] in ",.;":
        # "Israel’s prime minister, Benjamin Netanyahu, said": the role comes first
        before = _role_before(text, s - 2, 0)
        if before and _has_role_head(before):
            mention.role = " ".join(before)
    return mention
