"""People named in an article: where each is mentioned, with what role, under which name.

A mention is a run of capitalised name words that is a person by its context: a title
before it ("Prime Minister Benjamin Netanyahu", "spokesperson John Kirby"), an honorific
("Mr. Blinken"), an appositive after it ("Matt Miller, the State Department spokesman,"),
two or more name words that are no place, organisation or title ("Benny Gantz"), or a
single word that is the surname of someone already named ("Gantz").

Canonical names: a KnownPerson's name when the mention matches it (name, alias, or a
surname only one known person has); otherwise the fullest form the article gives, without
honorific or middle initial ("Antony J. Blinken" -> "Antony Blinken").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .candidates import KnownPerson, PersonCandidate, PersonKind
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
from .text import Segments, is_headline, word_trie

_SP = r"[^\S\n]+"
_CAP = r"(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-’'](?!s\b)[A-Z]?[a-z]+)*|[A-Z][’'][A-Z][a-z]+)"
_PART = r"(?:al|el|ad|as|ash|at|az|an|ar|ul)-[A-Z][a-z]+(?:-[A-Z][a-z]+)*"
_LOW = r"(?:bin|ibn|bint|de|da|di|du|van|von|der|den|del|della|le|la|dos|das)"
_INIT = r"[A-Z]\."
_TOK = rf"(?:{_CAP}|{_PART})"
_NEXT = rf"{_SP}(?:{_INIT}{_SP})?(?:{_LOW}{_SP})?{_TOK}"
NAME = rf"{_TOK}(?:{_NEXT})*"
# The scans start with a capital, so the regex engine skips ahead fast; what must not
# precede a name is checked by hand.
_MULTI_RE = re.compile(
    rf"{_CAP}(?:(?:{_NEXT})+|(?P<appos>(?=,{_SP}(?:the{_SP}|an?{_SP}|\d{{1,3}},|(?:head|chief"
    rf"|leader|director|spokesman|spokeswoman|spokesperson|commander|member|minister|president"
    rf"|secretary){_SP}of{_SP}))))"
)
_NAME_RE = re.compile(NAME)
_SPLIT_RE = re.compile(r"\S+")
_HON_RE = re.compile(rf"(?:M(?:rs?|s|x|iss)|Dr)\.?{_SP}(?={_TOK})")
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
_POSSESSIVE_RE = re.compile(r"[’']s?(?![\w])")

# Lower-case words a role may contain before its head ("senior", "human rights").
_ROLE_WORDS = (
    NP_WORDS
    | ROLE_HEADS
    | frozenset(
        """deputy acting chief human rights war political spiritual supreme opposition
    justice finance interior economy energy trade education transport communications
    strategic affairs minister's general national special elder longtime veteran state
    prominent outgoing incoming interim caretaker hardline far-right centrist""".split()
    )
)


@dataclass
class Mention:
    start: int  # span of the name as written (title and honorific excluded)
    end: int
    name: str  # cleaned: no honorific, no middle initial, glued verbs split off
    full: bool  # two or more name words
    role: str | None = None
    possessive: bool = False  # "Mr. Blinken’s dilemma": a possessor, not a subject
    preceded_by_the: bool = False
    canonical: str = ""


@dataclass
class People:
    """Every person mention of an article, sorted, with canonical names and roles."""

    mentions: list[Mention]
    starts: list[int]
    roles: dict[str, str]  # canonical -> the first role the article gives
    surnames: dict[str, str]  # lower-case surname -> canonical (article and known people)
    known_names: frozenset[str]
    kinds: dict[str, str] = field(default_factory=dict)  # canonical -> "person"/"organisation"
    known_forms: dict[str, str] = field(default_factory=dict)  # lower-case name/alias -> name
    by_end: dict[int, int] = field(default_factory=dict)  # name end offset -> mention index

    def in_span(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end)
        return self.mentions[i:j]

    def before(self, pos: int, lo: int = 0) -> list[Mention]:
        """Mentions that start in [lo, pos), most recent first."""
        i = bisect_left(self.starts, lo)
        j = bisect_left(self.starts, pos)
        return self.mentions[i:j][::-1]

    def starting_at(self, pos: int) -> Mention | None:
        i = bisect_left(self.starts, pos)
        if i < len(self.starts) and self.starts[i] == pos:
            return self.mentions[i]
        return None

    def resolve_org(self, name: str) -> str:
        """A KnownPerson's name for an organisation as written ("State Department")."""
        key = name.lower()
        for form in (key, key.removeprefix("the "), "the " + key):
            if form in self.known_forms:
                return self.known_forms[form]
        return name

    def resolve_name(self, name: str) -> str:
        """The canonical form of a name as written ("Mr. Netanyahu", "Blinken")."""
        words = clean_name(name).split()
        if not words:
            return name
        if len(words) == 1:
            key = surname_key(words[0])
            return self.surnames.get(key, words[0])
        return self.surnames.get(" ".join(words).lower(), " ".join(words))


_ARTICLE_PREFIXES = frozenset(("al", "el", "ad", "as", "ash", "at", "az", "an", "ar"))


def surname_key(word: str) -> str:
    """The form a surname is looked up by: lower case, no possessive, no Arabic article
    ("al-Sisi" and "Sisi" are one key)."""
    w = word.lower()
    if w.endswith(("’s", "'s")):
        w = w[:-2]
    dash = w.find("-", 1, 4)
    if dash != -1 and w[:dash] in _ARTICLE_PREFIXES and len(w) > dash + 3:
        return w[dash + 1 :]
    return w


_TITLE_PREFIX_RE = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Mx|Miss)\.?\s+|(?:(?:U\.S\.|US|Israeli|Egyptian|Prime|Foreign"
    r"|Defense|Minister|President|Secretary|of|State|Senator|Sen\.|General|Gen\.)\s+)+)"
)


def clean_name(name: str) -> str:
    """Strip honorific, leading titles and middle initials: "Antony J. Blinken" -> ..."""
    name = _TITLE_PREFIX_RE.sub("", name.strip())
    words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.", w)]
    return " ".join(words)


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
        if w[-1] in ',;:)”"—–' or (w.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", w)):
            break
        lw = w.lower()
        if w[0].isupper() or w[0].isdigit():
            if lw in ("the", "a", "an", "and", "but", "with", "by", "to", "from", "in", "of"):
                break
            out.append(w)
        elif lw == "of" and (
            titled if not out else out[-1][0].isupper() or out[-1].lower() in _ROLE_WORDS
        ):
            out.append(w)
        elif lw.rstrip("’s") in _ROLE_WORDS or lw in _ROLE_WORDS:
            out.append(w)
        else:
            break
        if len(out) >= 5:
            break
    while out and out[-1].lower() == "of":
        out.pop()
    out.reverse()
    return out


_CLAUSE_WORDS = frozenset("and but yet so then though although however while when as".split())


def subject_position(text: str, start: int, s0: int) -> bool:
    """Whether a name at `start` opens its clause: the sentence starts there, or a comma,
    a dash or a conjunction comes right before it and any title words it carries
    ("Israeli Prime Minister Benjamin Netanyahu said", "…, though, Mr. Netanyahu took")."""
    end = start
    for _ in range(10):
        while end > s0 and text[end - 1].isspace():
            end -= 1
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
        ):
            return False  # "In", "After", "With": the name sits in a phrase
        if lw in ("the", "a", "an", "of") or lw.rstrip(".") in HONORIFICS:
            pass
        elif not (word[0].isupper() or lw in _ROLE_WORDS):
            return False
        end -= len(word)
    return False


def _has_role_head(words: Sequence[str]) -> bool:
    return any(w.lower().rstrip(".").removesuffix("’s") in ROLE_HEADS for w in words) or any(
        w.lower() in ("minister", "president", "secretary", "king", "queen", "emir") for w in words
    )


def _known_index(
    people: Sequence[KnownPerson],
) -> tuple[dict[str, str], dict[str, list[str]], dict[str, str]]:
    full: dict[str, str] = {}
    by_surname: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for p in people:
        kinds[p.name] = p.kind
        for form in (p.name, *p.aliases):
            cleaned = clean_name(form)
            if not cleaned:
                continue
            full.setdefault(cleaned.lower(), p.name)
            full.setdefault(form.lower(), p.name)
        if p.kind == "person":
            last = clean_name(p.name).split()
            if last:
                names = by_surname.setdefault(surname_key(last[-1]), [])
                if p.name not in names:
                    names.append(p.name)
    return full, by_surname, kinds


def find_people(text: str, segs: Segments, known: Sequence[KnownPerson] = ()) -> People:
    """Every person mention in the text, with canonical names."""
    known_full, known_surname, known_kinds = _known_index(known)
    headline_paras = {i for i, (s, e) in enumerate(segs.paragraphs) if is_headline(text, s, e)}
    para_starts = [p[0] for p in segs.paragraphs]
    mentions: list[Mention] = []
    covered: list[tuple[int, int]] = []
    for m in _HON_RE.finditer(text):
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
    mentions.sort(key=lambda x: x.start)
    return _register(text, mentions, known_full, known_surname, known_kinds)


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


def _is_possessive(text: str, e: int) -> bool:
    nxt = text[e : e + 1]
    return nxt in ("’", "'") and (text[e + 1 : e + 2] in ("s", "") or not text[e + 1].isalpha())


def _mention(text: str, s: int, e: int, name: str, full: bool, role: str | None) -> Mention:
    before = text[max(0, s - 4) : s].lower()
    return Mention(s, e, name, full, role, _is_possessive(text, e), before.endswith("the "))


def _titled_single(text: str, s: int, e: int, word: str, role: list[str]) -> Mention:
    name = word
    if role[-1].lower() in ROYAL_TITLES:
        name = f"{role[-1]} {word}"  # "King Abdullah": the title is part of a royal name
    return _mention(text, s, e, name, name != word, " ".join(role) or None)


def _analyse_run(text: str, m: re.Match[str]) -> Mention | None:
    run = m.group()
    base = m.start()
    words = run.split()
    first = 0  # index of the first name word
    titles: list[str] = []
    honorific = False
    for k in range(1, len(words)):
        if words[k].lower() in HONORIFICS:
            words = words[:k]  # "Compounding Mr. Blinken": the honorific starts a new name
            break
    if words and words[0].lower() in HONORIFICS:
        honorific = True
        first = 1
    while first < len(words):
        lw = words[first].lower()
        if lw in TITLE_CAPS or lw in NATIONALITIES:
            titles.append(words[first])
        elif lw not in NOT_NAME:
            break
        else:
            titles.clear()  # "But President Biden": "But" is no part of the title
        first += 1
    last = first
    while last + 1 < len(words):
        lw = words[last + 1].lower()
        if lw in NOT_NAME or lw in TITLE_CAPS:
            break
        last += 1
    if first >= len(words):
        return None
    kept = words[first : last + 1]
    # offsets of the kept words in the text
    pos = 0
    for w in words[:first]:
        pos = run.find(w, pos) + len(w)
    s = base + run.find(kept[0], pos)
    e = (
        s + len(" ".join(kept))
        if " ".join(kept) == text[s : s + len(" ".join(kept))]
        else (base + run.rfind(kept[-1]) + len(kept[-1]))
    )
    words = [w for w in kept if not (len(w) == 2 and w[1] == ".")]
    if not words:
        return None
    glued = _glue_split(text, words[-1])
    if glued != words[-1]:
        e -= len(words[-1]) - len(glued)
        words[-1] = glued
    role_words = _role_before(text, base, 0, bool(titles)) + titles
    role = " ".join(role_words) if role_words and _has_role_head(role_words) else None
    if len(words) == 1:
        if honorific:
            return _mention(text, s, e, words[0], False, None)
        if role is not None:
            return _titled_single(text, s, e, words[0], role_words)
        is_person, role_text = _appositive(text, e)
        if is_person:
            return _mention(text, s, e, words[0], False, role_text)
        return None
    name = " ".join(words)
    if name.lower() in PLACES or any(w.lower() in PLACES for w in words):
        return None
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


def _register(
    text: str,
    mentions: list[Mention],
    known_full: dict[str, str],
    known_surname: dict[str, list[str]],
    known_kinds: dict[str, str],
) -> People:
    surnames: dict[str, str] = {}
    roles: dict[str, str] = {}

    def known_for(name: str) -> str | None:
        key = name.lower()
        if key in known_full:
            return known_full[key]
        words = name.split()
        cands = known_surname.get(surname_key(words[-1]), [])
        if len(cands) == 1:
            known_first = clean_name(cands[0]).split()[0].lower()
            if len(words) == 1 or words[0].lower() == known_first:
                return cands[0]
        return None

    mentions = _drop_surname_first(mentions, known_for)
    for mt in mentions:
        if not mt.full:
            continue
        canonical = known_for(mt.name) or mt.name
        mt.canonical = canonical
        key = surname_key(mt.name.split()[-1])
        surnames.setdefault(key, canonical)
        surnames.setdefault(mt.name.lower(), canonical)
    for mt in mentions:
        if mt.full:
            continue
        key = surname_key(mt.name)
        mt.canonical = surnames.get(key) or known_for(mt.name) or mt.name
        surnames.setdefault(key, mt.canonical)
    for surname_word, names in known_surname.items():
        if len(names) == 1:
            surnames.setdefault(surname_word, names[0])
    for form, name in known_full.items():
        if " " not in form:
            surnames.setdefault(form, name)
    extra = _bare_surnames(text, mentions, surnames, known_full, known_surname)
    if extra:
        mentions = sorted(mentions + extra, key=lambda x: x.start)
    for mt in mentions:
        if mt.role and mt.canonical not in roles:
            roles[mt.canonical] = mt.role
    return People(
        mentions=mentions,
        starts=[mt.start for mt in mentions],
        roles=roles,
        surnames=surnames,
        known_names=frozenset(known_kinds),
        known_forms=known_full,
        kinds=dict(known_kinds),
        by_end={mt.end: i for i, mt in enumerate(mentions)},
    )


def _bare_surnames(
    text: str,
    mentions: list[Mention],
    surnames: dict[str, str],
    known_full: dict[str, str],
    known_surname: dict[str, list[str]],
) -> list[Mention]:
    """Mentions by surname alone ("Gantz said"), found in one scan for all the surnames."""
    forms: set[str] = set()
    for mt in mentions:
        last = mt.name.split()[-1]
        forms.add(last)
        if "-" in last and last[:3].lower() in ("al-", "el-"):
            forms.add(last.split("-", 1)[1])
    for form in known_full:
        if " " not in form:
            forms.add(form[:1].upper() + form[1:])
    for key in known_surname:
        forms.add(key[:1].upper() + key[1:])
    forms = {
        f for f in forms if (f[:1].isupper() or f[3:4].isupper()) and surname_key(f) in surnames
    }
    if not forms:
        return []
    spans = sorted((mt.start, mt.end) for mt in mentions)
    span_starts = [sp[0] for sp in spans]
    out: list[Mention] = []
    for s, word in _occurrences(text, forms):
        e = s + len(word)
        if s > 0 and (text[s - 1] in _NOT_BEFORE_NAME or text[s - 1].isalpha()):
            continue
        if e < len(text) and (text[e].isalnum() or text[e] in "-_"):
            continue
        i = bisect_right(span_starts, s) - 1
        if i >= 0 and spans[i][1] >= e:
            continue  # part of a name already read
        possessive = _is_possessive(text, e)
        out.append(Mention(s, e, word, False, None, possessive, False, surnames[surname_key(word)]))
    out.sort(key=lambda mt: mt.start)
    return out


def _occurrences(text: str, words: set[str]) -> list[tuple[int, str]]:
    """Where each word occurs: plain string search for a few words (compiling a regex per
    article costs more), one scan with a prefix-factored regex for many."""
    out: list[tuple[int, str]] = []
    if len(words) <= 40:
        for word in words:
            i = text.find(word)
            while i != -1:
                out.append((i, word))
                i = text.find(word, i + 1)
        return out
    scan = re.compile(word_trie(sorted(words)))
    return [(m.start(), m.group()) for m in scan.finditer(text)]


def _drop_surname_first(
    mentions: list[Mention], known_for: Callable[[str], str | None]
) -> list[Mention]:
    """Drop "Blinken Meets" (a title-case headline in prose): a run whose first word is
    someone else's surname and whose last word is nobody's."""
    names_by_last: dict[str, set[str]] = {}
    for mt in mentions:
        if mt.full:
            names_by_last.setdefault(surname_key(mt.name.split()[-1]), set()).add(mt.name)
    out: list[Mention] = []
    for mt in mentions:
        if mt.full and mt.role is None and not known_for(mt.name):
            words = mt.name.split()
            first, last = surname_key(words[0]), surname_key(words[-1])
            others = names_by_last.get(first, set()) - {mt.name}
            if others and names_by_last.get(last, set()) == {mt.name}:
                continue
        out.append(mt)
    return out


def candidates(people: People, extra: Sequence[tuple[str, str]] = ()) -> list[PersonCandidate]:
    """People to propose, first mention first: named in full, or quoted, or met.

    `extra` are (canonical, kind) pairs of speakers and people met that must be proposed
    even when the article names them only once by one word ("Emad", "State Department").
    """
    seen: set[str] = set()
    out: list[PersonCandidate] = []
    wanted = {name for name, _ in extra}
    kinds = dict(extra)
    for mt in people.mentions:
        name = mt.canonical
        if name in seen or name in people.known_names:
            continue
        if not (mt.full or name in wanted or mt.role):
            continue
        seen.add(name)
        out.append(PersonCandidate(name=name, role=people.roles.get(name)))
    for name, _ in extra:
        if name in seen or name in people.known_names:
            continue
        seen.add(name)
        out.append(PersonCandidate(name=name, role=people.roles.get(name), kind=_kind(kinds[name])))
    return out


def _kind(kind: str) -> PersonKind:
    return "organisation" if kind == "organisation" else "person"
