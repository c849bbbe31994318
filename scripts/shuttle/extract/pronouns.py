"""Pronouns and subjects: whom "he said" refers to (the last one who spoke, or the last
subject), "it said" (the last organisation that spoke), and the subject of a sentence."""

from __future__ import annotations

import re

from .context import Ctx, Who
from .lexicon import (
    DETERMINERS,
    NP_WORDS,
    ORG_HEADS,
    ORG_NAMES,
    PRONOUNS,
    ROLE_HEADS,
    SPEECH_DECLARATIVE,
)
from .nounphrases import CONJUNCTIONS, np_before

_SUBJECT_SPLIT_RE = re.compile(r"[,;]\s+|\s[—–-]\s+")


def _phrase(ctx: Ctx, start: int, end: int) -> Who | None:
    from .phrases import classify  # phrases resolves the pronouns it meets through here

    return classify(ctx, start, end)


def pronoun(ctx: Ctx, word: str, pos: int, depth: int = 0) -> Who | None:
    """ "he"/"she" in an attribution: the last speaker or subject before it. A paragraph
    whose only attribution is the same pronoun ("he told Reuters via a messaging app")
    names no one: the pronoun reaches back through it to whom that one refers to."""
    if word == "it":
        return _it(ctx, pos)
    if word == "they":
        return _they(ctx, pos)
    if word not in ("he", "she"):
        return Who(None)
    segs = ctx.segs
    pi = segs.paragraph_index(pos)
    lo = segs.paragraphs[pi - 1][0] if pi > 0 else segs.paragraph_at(pos)[0]
    back = pi - 1
    while back > 0 and back > pi - 4 and ctx.text[lo : lo + 1] in '“"‘':
        back -= 1  # a paragraph of quotation: who speaks is named before it
        lo = segs.paragraphs[back][0]
    s0 = segs.sentence_at(pos)[0]
    # 0. the last subject of an earlier sentence of this paragraph: "Blinken later met
    #    Herzog. “…,” he told Herzog" (a speaker of the paragraph before does not come first)
    p0 = segs.paragraphs[pi][0] if segs.paragraphs else 0
    if p0 < s0:
        for mt in ctx.people.before(s0, p0):
            if not mt.possessive and not ctx.quoted(mt.start) and _subject_position(ctx, mt.start):
                return Who(mt.canonical)
    # 1. the last one who said something, in this or the previous paragraph
    best_pos = -1
    best: str | None = None
    same_pronoun = -1  # a verb of the same pronoun in the window: "he told Reuters"
    for k in ctx.in_range(lo, s0):
        if k >= len(ctx.results):
            break
        r = ctx.results[k]
        if r.speaker is not None and r.kind == "person":
            best_pos, best = ctx.quotes[k].open, r.speaker
    for m in ctx.speech(lo, s0):
        if m.group("verb") not in SPEECH_DECLARATIVE or ctx.quoted(m.start("v")):
            continue
        span = np_before(ctx, m.start("v"), lo)
        if span is None:
            continue
        words = ctx.text[span[0] : span[1]]
        if words.lower() in PRONOUNS:
            if words.lower() == word and same_pronoun < 0:
                same_pronoun = span[0]
            continue
        who = _phrase(ctx, *span)
        if who is not None and who.name is not None and who.kind == "person":
            if m.start("v") > best_pos:
                best_pos, best = m.start("v"), who.name
    if best is not None:
        return Who(best)
    mentioned = [mt for mt in ctx.people.before(pos, lo)]
    if 0 <= same_pronoun < p0 and depth < 3 and not any(not mt.possessive for mt in mentioned):
        return pronoun(ctx, word, same_pronoun, depth + 1)
    # 2. the last quoted speaker, if the previous paragraph still speaks of them
    for k in range(len(ctx.results) - 1, max(-1, len(ctx.results) - 12), -1):
        r = ctx.results[k]
        if ctx.quotes[k].open >= pos:
            continue
        if not ctx.full[k]:
            continue  # a fragment woven into narration does not hold the floor
        if r.speaker is not None and r.kind == "person" and r.found:
            surname = r.speaker.split()[-1]
            named = ctx.text.find(surname, lo, pos) != -1
            if named or any(mt.canonical == r.speaker for mt in mentioned):
                return Who(r.speaker)
            break
    # 3. the last subject, then the last person named
    for mt in mentioned:
        if not mt.possessive and _subject_position(ctx, mt.start):
            return Who(mt.canonical)
    for mt in mentioned:
        if not mt.possessive:
            return Who(mt.canonical)
    return None


def _it(ctx: Ctx, pos: int) -> Who:
    """ "it said": the last office or organisation that said something nearby."""
    segs = ctx.segs
    pi = segs.paragraph_index(pos)
    lo = segs.paragraphs[pi - 1][0] if pi > 0 else segs.paragraph_at(pos)[0]
    best: Who = Who(None, "organisation")
    for m in ctx.speech(lo, segs.sentence_at(pos)[0]):
        if ctx.quoted(m.start("v")):
            continue
        span = np_before(ctx, m.start("v"), lo)
        if span is None:
            continue
        head = ctx.text[span[0] : span[1]].split()[-1].lower()
        if head in ORG_HEADS or head in ORG_NAMES:
            who = _phrase(ctx, *span)
            if who is not None and who.name is not None:
                best = who
    return best


def _they(ctx: Ctx, pos: int) -> Who:
    """ "they said": the group that spoke last, in this or the previous paragraph, when it
    is several ("UN agencies and international charities", "the three countries");
    otherwise no one in particular."""
    segs = ctx.segs
    pi = segs.paragraph_index(pos)
    lo = segs.paragraphs[pi - 1][0] if pi > 0 else segs.paragraph_at(pos)[0]
    for k in reversed(ctx.in_range(lo, segs.sentence_at(pos)[0])):
        if k >= len(ctx.results):
            continue
        r = ctx.results[k]
        if r.speaker is not None and r.kind == "organisation" and _several(r.speaker):
            return Who(r.speaker, "organisation")
        if r.found:
            break  # "residents said … they said": the last ones who spoke, unnamed
    return Who(None)


def _several(name: str) -> bool:
    words = name.lower().replace(",", " ").split()
    return "and" in words or words[-1].endswith("s") and words[-1] not in ("hamas", "news")


def _subject_position(ctx: Ctx, start: int) -> bool:
    return ctx.people.subject(ctx.text, start, ctx.segs.sentence_at(start)[0])


def subject(ctx: Ctx, s0: int, limit: int) -> Who | None:
    """The subject of a sentence: the first person, pronoun or description that starts it
    or starts a clause after a comma ("Shortly before X spoke, though, Mr. Netanyahu …")."""
    found = subject_span(ctx, s0, limit)
    return found[0] if found is not None else None


_LEAD_WORD_RE = re.compile(r"([A-Za-z]+)[^\S\n]+")


def subject_span(ctx: Ctx, s0: int, limit: int) -> tuple[Who, int] | None:
    """`subject`, and where its phrase ends."""
    text = ctx.text
    starts = [s0] + [m.end() for m in _SUBJECT_SPLIT_RE.finditer(text, s0, limit)]
    for p in starts:
        if ctx.quoted(p):
            continue
        while True:
            m = _LEAD_WORD_RE.match(text, p, limit)
            if m is None or m.group(1).lower() not in CONJUNCTIONS:
                break
            p = m.end()
        found = _subject_at(ctx, p, limit)
        if found is not None:
            return found
    return None


_FORWARD_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[\w’'-]+\.?")


def _subject_at(ctx: Ctx, p: int, limit: int) -> tuple[Who, int] | None:
    text = ctx.text
    end = p
    n = 0
    for m in _FORWARD_TOKEN_RE.finditer(text, p, min(limit, p + 120)):
        if m.start() != end and text[end : m.start()].strip():
            break
        w = m.group()
        wl = w.lower().rstrip(".")
        if n == 0 and wl in PRONOUNS:
            found = pronoun(ctx, wl, m.start())
            return (found, m.end()) if found is not None and found.name is not None else None
        title_of = wl == "of" and n > 0 and text[m.end() + 1 : m.end() + 2].isupper()
        if (
            w[0].isupper()
            or wl in NP_WORDS
            or wl in ROLE_HEADS
            or title_of  # "Secretary of State Antony Blinken"
            or (n == 0 and wl in DETERMINERS)
        ):
            end = m.end()
            n += 1
            continue
        break
    if n == 0:
        return None
    for mt in ctx.people.in_span(p, end):
        if not mt.possessive:
            return Who(mt.canonical), end
        return None
    words = text[p:end].split()
    if not words or words[0].lower() not in DETERMINERS:
        return None  # "Shortly", "Compounding": no subject phrase
    who = _phrase(ctx, p, end)
    return (who, end) if who is not None else None
