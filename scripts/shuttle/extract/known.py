"""The curated people as the extractors look them up: every name, alias and surname.

A run extracts article after article against the same curated list (hundreds of people
and organisations), so the index is built once and kept while the same people come in
again; building it for each article cost more than reading the article.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass

from .candidates import KnownPerson
from .forms import clean_name, loose_key, surname_key


@dataclass(frozen=True)
class KnownIndex:
    """Read only: shared by every article extracted against the same people."""

    full: dict[str, str]  # lower-case name or alias, as written and cleaned -> name
    by_surname: dict[str, list[str]]  # surname key -> the persons who have it
    kinds: dict[str, str]  # name -> "person" / "organisation"
    names: frozenset[str]
    # What an article's surname table falls back on: a surname only one person has, and
    # every one-word name or alias ("Hamas", "netanyahu").
    defaults: dict[str, str]
    # The one-word forms, capitalised, that an article's text is searched for: those whose
    # key is among the defaults always, the others when the article gives their key.
    forms: frozenset[str]
    other_forms: tuple[tuple[str, str], ...]  # (form, its surname key)
    roles: dict[str, str]  # name -> role, for those that have one ("THE PRESIDENT" labels)
    loose: dict[str, list[str]]  # forms.loose_key of the surname -> the persons who have it


def _build(people: Sequence[KnownPerson]) -> KnownIndex:
    full: dict[str, str] = {}
    by_surname: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    roles: dict[str, str] = {}
    for p in people:
        kinds[p.name] = p.kind
        if p.role:
            roles[p.name] = p.role
        for form in (p.name, *p.aliases):
            # titles are stripped from people's names only: "State Department" keeps "State"
            cleaned = clean_name(form) if p.kind == "person" else form.strip()
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
    loose: dict[str, list[str]] = {}
    for names in by_surname.values():
        for name in names:
            held = loose.setdefault(loose_key(clean_name(name).split()[-1]), [])
            if name not in held:
                held.append(name)
    defaults: dict[str, str] = {}
    for key, names in by_surname.items():
        if len(names) == 1:
            defaults.setdefault(key, names[0])
    for form, name in full.items():
        if " " not in form:
            defaults.setdefault(form, name)
    capitalised = {f[:1].upper() + f[1:] for f in full if " " not in f}
    capitalised |= {key[:1].upper() + key[1:] for key in by_surname}
    forms: set[str] = set()
    other_forms: list[tuple[str, str]] = []
    for f in sorted(capitalised):
        if not (f[:1].isupper() or f[3:4].isupper()):
            continue
        key = surname_key(f)
        if key in defaults:
            forms.add(f)
        else:
            other_forms.append((f, key))
    return KnownIndex(
        full,
        by_surname,
        kinds,
        frozenset(kinds),
        defaults,
        frozenset(forms),
        tuple(other_forms),
        roles,
        loose,
    )


_last: tuple[tuple[KnownPerson, ...], KnownIndex] | None = None


def known_index(people: Sequence[KnownPerson]) -> KnownIndex:
    """The index of `people`, built again only when the people are not the ones (the same
    objects, in the same order) it was last built for."""
    global _last
    if _last is not None:
        kept, index = _last
        if len(kept) == len(people) and all(map(operator.is_, kept, people)):
            return index
    index = _build(people)
    _last = (tuple(people), index)
    return index
