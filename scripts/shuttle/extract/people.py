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

from shuttle.records.fields import PersonKind
from shuttle.text.segments import Segments, word_trie

from .candidates import KnownPerson, PersonCandidate
from .forms import clean_name, loose_key, same_first_name, surname_key
from .known import KnownIndex, known_index
from .lexicon import ROYAL_TITLES
from .mentions import scan
from .names import Mention, is_possessive
from .subjects import subject_position

__all__ = ["Mention", "People", "candidates", "clean_name", "find_people", "subject_position"]

_NOT_BEFORE_NAME = frozenset("’'.-_") | frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


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
    known_roles: dict[str, str] = field(default_factory=dict)  # known name -> its role
    # surname key -> the known persons who have it (several: "Al Thani")
    known_surnames: dict[str, list[str]] = field(default_factory=dict)
    _subjects: dict[tuple[int, int], bool] = field(default_factory=dict)

    def subject(self, text: str, start: int, s0: int) -> bool:
        """subjects.subject_position, asked once per place (trips and pronouns ask again)."""
        key = (start, s0)
        found = self._subjects.get(key)
        if found is None:
            found = self._subjects[key] = subject_position(text, start, s0)
        return found

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


def find_people(text: str, segs: Segments, known: Sequence[KnownPerson] = ()) -> People:
    """Every person mention in the text, with canonical names."""
    return _register(text, scan(text, segs), known_index(known))


def _register(text: str, mentions: list[Mention], index: KnownIndex) -> People:
    known_full, known_surname, known_kinds = index.full, index.by_surname, index.kinds
    surnames: dict[str, str] = {}
    roles: dict[str, str] = {}

    def known_for(name: str) -> str | None:
        key = name.lower()
        if key in known_full:
            return known_full[key]
        words = name.split()
        cands = known_surname.get(surname_key(words[-1])) or index.loose.get(
            loose_key(words[-1]), []
        )
        if len(cands) == 1:
            # one person, one id: "Matthew Miller" is the known "Matt Miller"
            known_first = clean_name(cands[0]).split()[0]
            if len(words) == 1 or same_first_name(words[0], known_first):
                return cands[0]
        return None

    mentions = _drop_surname_first(mentions, known_for)
    titled: dict[tuple[str, str], str] = {}  # (royal title, first name) -> full name
    named: dict[str, list[str]] = {}  # loose surname key -> full names the article gave
    for mt in mentions:
        if not mt.full:
            continue
        words = mt.name.split()
        title = words[0].lower()
        if len(words) == 2 and title in ROYAL_TITLES and (title, words[1]) in titled:
            canonical = titled[(title, words[1])]  # "Sheikh Mohammed" after his full name
        else:
            canonical = known_for(mt.name) or _named_before(mt.name, named) or mt.name
            if len(words) > 1 and mt.role:
                for t in mt.role.lower().split():
                    if t in ROYAL_TITLES:
                        titled.setdefault((t, words[0]), canonical)
        mt.canonical = canonical
        key = surname_key(mt.name.split()[-1])
        named.setdefault(loose_key(words[-1]), []).append(canonical)
        surnames.setdefault(key, canonical)
        surnames.setdefault(mt.name.lower(), canonical)
    for mt in mentions:
        if mt.full:
            continue
        key = surname_key(mt.name)
        mt.canonical = surnames.get(key) or known_for(mt.name) or mt.name
        surnames.setdefault(key, mt.canonical)
    # the known surnames and one-word names where the article gives none
    surnames = {**index.defaults, **surnames}
    extra = _bare_surnames(text, mentions, surnames, index)
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
        known_names=index.names,
        known_forms=known_full,
        kinds=dict(known_kinds),
        by_end={mt.end: i for i, mt in enumerate(mentions)},
        known_roles=index.roles,
        known_surnames=index.by_surname,
    )


def _named_before(name: str, named: dict[str, list[str]]) -> str | None:
    """The full name the article gave before to the same person under another form of the
    first name or another spelling ("Matt Miller" after "Matthew Miller")."""
    words = name.split()
    if len(words) < 2:
        return None
    for earlier in named.get(loose_key(words[-1]), ()):
        first = earlier.split()[0]
        if earlier != name and same_first_name(first, words[0]):
            return earlier
    return None


def _bare_surnames(
    text: str, mentions: list[Mention], surnames: dict[str, str], index: KnownIndex
) -> list[Mention]:
    """Mentions by surname alone ("Gantz said"), found in one scan for all the surnames."""
    forms: set[str] = set()
    for mt in mentions:
        last = mt.name.split()[-1]
        forms.add(last)
        if "-" in last and last[:3].lower() in ("al-", "el-"):
            forms.add(last.split("-", 1)[1])
    forms = {
        f for f in forms if (f[:1].isupper() or f[3:4].isupper()) and surname_key(f) in surnames
    }
    forms |= index.forms  # their keys are among the defaults: in `surnames`
    forms.update(f for f, key in index.other_forms if key in surnames)
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
        possessive = is_possessive(text, e)
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
    key = frozenset(words)
    pattern = _SCANS.get(key)
    if pattern is None:
        if len(_SCANS) > 256:
            _SCANS.clear()  # a bound on memory over a long corpus
        # the same curated surnames come with every article: compiled once
        pattern = _SCANS[key] = re.compile(word_trie(sorted(words)))
    return [(m.start(), m.group()) for m in pattern.finditer(text)]


_SCANS: dict[frozenset[str], re.Pattern[str]] = {}


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
