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
    PLACES,
    ROLE_HEADS,
    ROYAL_TITLES,
    TITLE_CAPS,
)
from .text import Segments, is_headline

_SP = r"[^\S\n]+"
_CAP = r"(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-’'](?!s\b)[A-Z]?[a-z]+)*|[A-Z][’'][A-Z][a-z]+)"
_PART = r"(?:al|el|ad|as|ash|at|az|an|ar|ul)-[A-Z][a-z]+(?:-[A-Z][a-z]+)*"
_LOW = r"(?:bin|ibn|bint|de|da|di|du|van|von|der|den|del|della|le|la|dos|das)"
_INIT = r"[A-Z]\."
_TOK = rf"(?!(?:Mr|Mrs|Ms|Dr|Mx|Miss)\.)(?:{_CAP}|{_PART})"
NAME = rf"{_TOK}(?:{_SP}(?:{_INIT}{_SP})?(?:{_LOW}{_SP})?{_TOK})*"
RUN_RE = re.compile(rf"(?<![\w’'.-]){NAME}")
_RUN_TOKEN_RE = re.compile(rf"{_INIT}|{_LOW}(?={_SP})|{_TOK}")
_HON_RE = re.compile(rf"(?<![\w’'-])(?:Mr|Mrs|Ms|Dr|Mx|Miss)\.?{_SP}(?={_TOK})")
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
_POSSESSIVE_RE = re.compile(r"[’']s?(?![\w])")

# Lower-case words a role may contain before its head ("senior", "human rights").
_ROLE_WORDS = (
    NP_WORDS
    | ROLE_HEADS
    | frozenset(
        """deputy acting chief human rights war political spiritual supreme opposition
    justice finance interior economy energy trade education transport communications
    strategic affairs minister's general national special elder longtime veteran
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

    def resolve_name(self, name: str) -> str:
        """The canonical form of a name as written ("Mr. Netanyahu", "Blinken")."""
        words = clean_name(name).split()
        if not words:
            return name
        if len(words) == 1:
            key = surname_key(words[0])
            return self.surnames.get(key, words[0])
        return self.surnames.get(" ".join(words).lower(), " ".join(words))


def surname_key(word: str) -> str:
    w = word.lower().rstrip("’'s") if word.endswith(("’s", "'s")) else word.lower()
    for prefix in ("al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "an-", "ar-"):
        if w.startswith(prefix) and len(w) > len(prefix) + 2:
            return w[len(prefix) :]
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


def _glue_split(text: str, word: str) -> str:
    """ "Blinkencalled" -> "Blinken" when "Blinken" stands alone elsewhere in the text."""
    if len(word) < 7:
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
        elif lw == "of" and (titled if not out else out[-1][0].isupper()):
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
    honorific_at = {m.end() for m in _HON_RE.finditer(text)}
    headline_paras = {i for i, (s, e) in enumerate(segs.paragraphs) if is_headline(text, s, e)}
    mentions: list[Mention] = []
    singles: list[tuple[int, int, str]] = []  # bare one-word runs, resolved later
    para_starts = [p[0] for p in segs.paragraphs]
    for m in RUN_RE.finditer(text):
        s, e = m.span()
        run = m.group()
        honorific = s in honorific_at
        if " " not in run and "\t" not in run:
            lw = run.lower()
            if lw in NOT_NAME or lw in TITLE_CAPS:
                continue
            word = _glue_split(text, run) if len(run) >= 7 else run
            e = s + len(word)
            if honorific:
                mentions.append(_mention(text, s, e, word, False, None))
                continue
            is_person, role_text = _appositive(text, e)
            if is_person:
                mentions.append(_mention(text, s, e, word, False, role_text))
                continue
            role = _role_before(text, s, 0)
            if role and _has_role_head(role):
                mentions.append(_titled_single(text, s, e, word, role))
                continue
            singles.append((s, e, word))
            continue
        pi = bisect_right(para_starts, s) - 1
        if pi in headline_paras:
            continue
        mention = _analyse_run(text, m, honorific)
        if mention is not None:
            mentions.append(mention)
    mentions.sort(key=lambda x: x.start)
    return _register(text, mentions, singles, known_full, known_surname, known_kinds)


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
    last = role.split()[-1].lower().removesuffix("’s")
    return (True, role) if last in ROLE_HEADS else (False, None)


def _mention(text: str, s: int, e: int, name: str, full: bool, role: str | None) -> Mention:
    possessive = _POSSESSIVE_RE.match(text, e) is not None
    before = text[max(0, s - 4) : s].lower()
    return Mention(s, e, name, full, role, possessive, before.endswith("the "))


def _titled_single(text: str, s: int, e: int, word: str, role: list[str]) -> Mention:
    name = word
    if role[-1].lower() in ROYAL_TITLES:
        name = f"{role[-1]} {word}"  # "King Abdullah": the title is part of a royal name
    return _mention(text, s, e, name, name != word, " ".join(role) or None)


def _analyse_run(text: str, m: re.Match[str], honorific: bool) -> Mention | None:
    tokens = [(t.start(), t.end(), t.group()) for t in _RUN_TOKEN_RE.finditer(m.group())]
    base = m.start()
    titles: list[str] = []
    if tokens and tokens[0][2].lower() in HONORIFICS:
        honorific = True
        tokens = tokens[1:]
    while tokens:
        lw = tokens[0][2].lower()
        if lw in TITLE_CAPS or lw in NATIONALITIES:
            titles.append(tokens[0][2])
        elif lw not in NOT_NAME:
            break
        else:
            titles.clear()  # "But President Biden": "But" is no part of the title
        tokens = tokens[1:]
    kept: list[tuple[int, int, str]] = []
    for tok in tokens:
        lw = tok[2].lower()
        if kept and (lw in NOT_NAME or lw in TITLE_CAPS):
            break
        kept.append(tok)
    words = [w for _, _, w in kept if not re.fullmatch(r"[A-Z]\.", w)]
    if not words:
        return None
    s = base + kept[0][0]
    e = base + kept[-1][1]
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
    return mention


def _register(
    text: str,
    mentions: list[Mention],
    singles: list[tuple[int, int, str]],
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
    extra = [
        Mention(s, e, w, False, None, _POSSESSIVE_RE.match(text, e) is not None, False,
                surnames[surname_key(w)])
        for s, e, w in singles
        if surname_key(w) in surnames
    ]  # fmt: skip
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
        kinds=dict(known_kinds),
        by_end={mt.end: i for i, mt in enumerate(mentions)},
    )


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
