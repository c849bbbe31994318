"""Who a phrase refers to: the speaker phrase before or after a speech verb ("Matt Miller,
the State Department spokesman,"), and what it names: a person by name or surname, an
organisation ("the State Department"), a description that refers back to a role named
earlier ("the minister’s office", "the top U.S. diplomat": descriptions.py), a pronoun
("he": the last one who spoke, or the last subject), or no one ("a senior official",
"residents").
"""

from __future__ import annotations

import re

from .context import Ctx, Who
from .descriptions import describe
from .groups import group_referent, issuer_before, named_with_head
from .lexicon import (
    DETERMINERS,
    DOCUMENT_HEADS,
    GROUP_NOUNS,
    NOT_NAME,
    ORG_HEADS,
    ORG_NAMES,
    PRONOUNS,
    ROLE_HEADS,
)
from .nounphrases import FEW, np_after, np_before
from .pronouns import pronoun, subject, subject_span

__all__ = ["classify", "describe", "np_after", "np_before", "pronoun", "subject", "subject_span"]

_STATEMENT_FROM_RE = re.compile(
    r"(?:an?|the)\s+(?:joint\s+|brief\s+|written\s+)?(?:statement|report|post|readout|release"
    r"|announcement|message)\s+(?:from|by|of|issued\s+by|released\s+by|posted\s+by)\s+",
    re.I,
)
_ISSUED_BY_RE = re.compile(r"\b(?:released|issued|published|provided|put\s+out)\s+by\s+")
_POSSESSOR_HEADS = frozenset(
    "office spokesman spokeswoman spokesperson aide aides statement account team campaign "
    "spokespeople lawyer lawyers".split()
)


def classify(ctx: Ctx, start: int, end: int) -> Who | None:
    """What a speaker phrase refers to; None when it is not a speaker phrase at all."""
    text = ctx.text
    while start < end and text[start] in " ,;:—–-\t":
        start += 1
    while end > start and text[end - 1] in " ,;:—–-\t":
        end -= 1
    if start >= end:
        return None
    phrase = text[start:end]
    lower = phrase.lower()
    by = _ISSUED_BY_RE.search(phrase)
    if by is not None and phrase[:1].islower():
        # "a readout of the call released by the State Department": its issuer
        return classify(ctx, start + by.end(), end)
    stmt = _STATEMENT_FROM_RE.match(phrase)
    if stmt is not None:
        return classify(ctx, start + stmt.end(), end)
    if lower in PRONOUNS:
        return pronoun(ctx, lower, start)  # depends on who has spoken so far: not kept
    key = (start, end)
    if key in ctx.phrases:
        return ctx.phrases[key]
    who = _classify(ctx, phrase, lower, start, end)
    ctx.phrases[key] = who
    return who


def _classify(ctx: Ctx, phrase: str, lower: str, start: int, end: int) -> Who | None:
    text = ctx.text
    inside = ctx.people.in_span(start, end)
    if len(inside) > 1 and inside[-1].end == end and not inside[-1].possessive:
        # the name a phrase ends with is its head: "State Department spokesman Matthew
        # Miller", "Hamas official Osama Hamdan"
        return Who(inside[-1].canonical)
    for mt in inside:
        if mt.possessive:
            head = _word_after(text, mt.end, end)
            if head in _POSSESSOR_HEADS:
                return Who(mt.canonical)
            continue
        return Who(mt.canonical)
    words = phrase.split()
    det = words[0].lower() if words[0].lower() in DETERMINERS else None
    core = words[1:] if det else words
    if not core:
        return None
    head = core[-1].lower().strip("’'")
    if det in ("the", "this", "that", "these") and (
        (head in DOCUMENT_HEADS and all(w.islower() for w in core))
        or (
            head.endswith("s")
            and head not in _NOT_GROUPS
            and (len(core) == 1 or (len(core) == 2 and core[0].lower() in FEW))
        )
    ):
        # "the statement said", "the agencies said": whoever issued the statement
        who = _issuer(ctx, head, start)
        if who is not None:
            return who
    if head in DOCUMENT_HEADS and len(core) > 1:
        # "a State Department readout", "a Hamas statement": whose document it is
        inner_start = start + phrase.find(core[0], len(words[0]) if det else 0)
        inner_end = start + phrase.rfind(core[-1])
        who = classify(ctx, inner_start, inner_end)
        if who is not None:
            return who
    if det in ("a", "an") and head in DOCUMENT_HEADS and len(core) == 1:
        # "He “underscored U.S. support,” according to a readout": the subject's readout
        s0 = ctx.segs.sentence_at(start)[0]
        sub = subject(ctx, s0, start) if s0 < start else None
        if sub is not None and sub.name is not None:
            return sub
    if det in ("his", "her") and head in _POSSESSOR_HEADS:
        # "according to a statement from his office": the man the sentence is about
        s0 = ctx.segs.sentence_at(start)[0]
        sub = subject(ctx, s0, start) if s0 < start else None
        if sub is None or sub.name is None or sub.kind != "person":
            sub = pronoun(ctx, "he" if det == "his" else "she", start)
        if sub is not None and sub.name is not None:
            return sub
    if head == "state" and lower.endswith("secretary of state"):
        return describe(ctx, core, start, det) or Who(None)  # "US secretary of state says"
    diplomacy = _DIPLOMACY_RE.fullmatch(" ".join(core))
    if diplomacy is not None:
        # "the head of American diplomacy": the country's top diplomat
        nation = diplomacy.group("n1") or diplomacy.group("n2") or ""
        return describe(ctx, [w for w in (nation, "diplomat") if w], start, det)
    poss = next((k for k, w in enumerate(core[:-1]) if w.endswith(("’s", "'s"))), None)
    if poss is not None and head in _POSSESSOR_HEADS:
        owner = [w.removesuffix("’s").removesuffix("'s") for w in core[: poss + 1]]
        if owner[-1].lower() in ROLE_HEADS:
            found = describe(ctx, owner, start, det)
            if found is not None:
                return found
        elif len(owner) == 1 and owner[0][:1].isupper():
            return Who(ctx.people.resolve_name(owner[0]))
    if head in ORG_HEADS or lower in ORG_NAMES or head in ORG_NAMES:
        if det in ("a", "an", "one", "some"):
            return Who(None, "organisation")
        if det == "the" and head in _GENERIC_ORGS:
            named = _last_named_org(ctx.text, start)  # "the group": the last one named
            return Who(ctx.people.resolve_org(named) if named else None, "organisation")
        if det == "the" and len(core) == 1:
            named = named_with_head(ctx, head, start)  # "the ministry": "Egypt’s … Ministry"
            if named is not None:
                if _possessed(named):
                    # "Netanyahu’s office … the office said": an office's words are its head's
                    owned = named.split()[-2].removesuffix("’s").removesuffix("'s")
                    return Who(ctx.people.resolve_name(owned))
                return Who(ctx.people.resolve_org(named), "organisation")
        return Who(ctx.people.resolve_org(" ".join(core).strip("’'")), "organisation")
    if head in ROLE_HEADS:
        if det in ("a", "an", "one", "some") or (det is None and core[0][:1].islower()):
            return Who(None)
        return describe(ctx, core, start, det) or Who(None)
    if head in GROUP_NOUNS or (head.endswith("s") and head[:-1] in ROLE_HEADS):
        return Who(None)
    if det == "the" and all(w[:1].isupper() for w in core):
        return Who(ctx.people.resolve_org(" ".join(core)), "organisation")  # "the United Nations"
    if len(core) == 1 and (core[0][:1].isupper() or core[0][3:4].isupper()):
        w = core[0].removesuffix("’s").removesuffix("'s")
        if w.lower() in ORG_NAMES or (w.isupper() and len(w) > 1):
            return Who(ctx.people.resolve_org(w), "organisation")
        if w.lower() in NOT_NAME:
            return None
        return Who(ctx.people.resolve_name(w))
    return None


_NOT_GROUPS = GROUP_NOUNS | frozenset(("us", "his", "its", "has", "was", "is"))


def _issuer(ctx: Ctx, head: str, pos: int) -> Who | None:
    """groups.py: the issuer of the statement "the statement" or "the agencies" refers to,
    by its own name when the text names someone it knows, else as the text names it."""
    span = issuer_before(ctx, pos) if head in DOCUMENT_HEADS else group_referent(ctx, head, pos)
    if span is None:
        return None
    if span[0] <= pos < span[1]:
        return None
    who = classify(ctx, *span)
    if who is not None and who.name is not None:
        return who
    return Who(ctx.text[span[0] : span[1]], "organisation")


def _possessed(name: str) -> bool:
    """ "Netanyahu’s office": a person's office (an owner with a capital, then the head)."""
    words = name.split()
    return (
        len(words) >= 2
        and words[-2].endswith(("’s", "'s"))
        and words[-2][:1].isupper()
        and words[-1].lower() in _POSSESSOR_HEADS
    )


_GENERIC_ORGS = frozenset("group movement organization organisation militia faction".split())
_DIPLOMACY_RE = re.compile(
    r"(?:head|chief)[^\S\n]+of[^\S\n]+(?:(?P<n1>[A-Z][\w.]*)[^\S\n]+)?diplomacy"
    r"|(?:(?P<n2>[A-Z][\w.]*)[^\S\n]+)?diplomacy[^\S\n]+(?:chief|head)"
)
_NAMED_ORG_RE = re.compile(
    r"(?<![\w-])(?:Hamas|Hezbollah|Houthis|Fatah|Islamic Jihad|UNRWA|IDF|Pentagon|Kremlin"
    r"|NATO)(?![\w-])"
)


def _last_named_org(text: str, pos: int) -> str | None:
    found = None
    for m in _NAMED_ORG_RE.finditer(text, max(0, pos - 800), pos):
        found = m.group()
    return found


_WORD_AFTER_RE = re.compile(r"[’']s?\s+([\w-]+)")


def _word_after(text: str, pos: int, end: int) -> str:
    m = _WORD_AFTER_RE.match(text, pos, end)
    return m.group(1).lower() if m else ""
