"""Statements and the groups that issue them: who "the statement said" and "the agencies
said" refer to.

- "the statement" (a document named without its owner: statement, readout, declaration,
  communique, ...) is the words of whoever issued the last such document the article
  mentions: the subject of "X issued/released/put out a (joint) statement", the owner in
  "a statement from/by X", or the speaker of "X said in a statement".
- "the agencies", "the groups", "the leaders" (a definite plural noun) refer to the issuer
  of that statement when its name has the same noun ("UN agencies and international
  charities ... the agencies said") or the noun is a generic one for a group of bodies
  ("the groups", "the signatories").
- The issuer is named as the article names it, without "the": a joint statement of
  several bodies is spoken by the group ("Jordanian, Egyptian and Palestinian leaders").
"""

from __future__ import annotations

import re

from .context import Ctx

_DOCS = r"(?:statement|readout|declaration|communiqu[eé]|appeal|letter|release)"
# "issued a rare joint statement", "put out a statement", "released a readout"
_ISSUED_RE = re.compile(
    rf"(?<![\w-])(?:issued|released|put[^\S\n]+out|published|signed|sent|made)[^\S\n]+"
    rf"(?:a|an|the|their|its)[^\S\n]+(?:[\w’'-]+[^\S\n]+){{0,3}}?{_DOCS}(?![\w-])"
)
# "a statement from the ministry", "a readout by the White House"
_FROM_RE = re.compile(
    rf"(?<![\w-])(?:a|an|the)[^\S\n]+(?:[\w’'-]+[^\S\n]+){{0,2}}?{_DOCS}[^\S\n]+"
    r"(?:from|by|of|issued[^\S\n]+by)[^\S\n]+(?:the[^\S\n]+)?(?P<who>[A-Z][\w’'.-]*"
    r"(?:[^\S\n]+(?:of|and|for|[A-Z][\w’'.-]*)){0,6})"
)
_AUX = frozenset("have has had also jointly on late early this last together".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_GENERIC = frozenset("groups organizations organisations bodies signatories parties".split())
_WINDOW = 4000


def issuer_before(ctx: Ctx, pos: int) -> tuple[int, int] | None:
    """Where the text names who issued the last statement it mentions before `pos`."""
    text = ctx.text
    lo = max(0, pos - _WINDOW)
    best: tuple[int, tuple[int, int]] | None = None
    for m in _ISSUED_RE.finditer(text, lo, pos):
        if ctx.quoted(m.start()):
            continue
        who = _subject_before(ctx, m.start())
        if who is not None:
            best = (m.start(), who)
    for m in _FROM_RE.finditer(text, lo, pos):
        if ctx.quoted(m.start()) or (best is not None and m.start() < best[0]):
            continue
        e = m.end("who")
        while e > m.start("who") and text[e - 1] in ".,":
            e -= 1
        best = (m.start(), (m.start("who"), e))
    for m in _DOC_RE.finditer(text, best[0] + 1 if best is not None else lo, pos):
        # "X said in a statement", "In a statement, X said": the sentence's speaker
        if ctx.quoted(m.start()):
            continue
        s0, s1 = ctx.segs.sentence_at(m.start())
        if s1 > pos:
            continue
        found = _speaker_span(ctx, s0, s1)
        if found is not None:
            best = (m.start(), found)
    return best[1] if best is not None else None


_DOC_RE = re.compile(rf"(?<![\w-])(?:a|an|its|their)[^\S\n]+(?:joint[^\S\n]+)?{_DOCS}")


def _speaker_span(ctx: Ctx, s0: int, s1: int) -> tuple[int, int] | None:
    """The phrase before the first speech verb of text[s0:s1] that names someone."""
    from .phrases import classify, np_before  # phrases imports this module

    for v in ctx.speech(s0, s1):
        if ctx.quoted(v.start("v")):
            continue
        span = np_before(ctx, v.start("v"), s0)
        if span is None:
            continue
        who = classify(ctx, *span)
        if who is not None and who.name is not None:
            return span
    return None


def _subject_before(ctx: Ctx, verb: int) -> tuple[int, int] | None:
    """The noun phrase that opens the clause of the verb at `verb`, when it is short and
    starts with a capital: "UN agencies and international charities have issued"."""
    text = ctx.text
    s0 = ctx.segs.sentence_at(verb)[0]
    cut = max(text.rfind(",", s0, verb), text.rfind(";", s0, verb))
    # a comma inside the subject's list ("The Jordanian, Egyptian and Palestinian leaders")
    # keeps the sentence start when the part after it has no verb of its own
    start = s0 if cut < 0 or _is_list_comma(text, s0, cut) else cut + 1
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[start:verb])]
    words = [text[start + a : start + b] for a, b in spans]
    while words and words[-1].lower() in _AUX | _WEEKDAYS:
        words.pop()
    first = 1 if words and words[0].lower() == "the" else 0
    if len(words) <= first or len(words) - first > 10 or not words[first][:1].isupper():
        return None
    if words[first].lower() in ("it", "he", "she", "they", "we"):
        return None
    s = start + spans[first][0]
    e = start + spans[len(words) - 1][1]
    while e > s and text[e - 1] == ",":
        e -= 1
    return s, e


def _is_list_comma(text: str, s0: int, cut: int) -> bool:
    """ "The Jordanian, Egyptian and …": a comma between capitalised adjectives or names."""
    before = text[s0:cut].split()
    return 0 < len(before) <= 3 and all(w[:1].isupper() for w in before)


def group_referent(ctx: Ctx, head: str, pos: int) -> tuple[int, int] | None:
    """Where the text names whom "the <head>" (a plural noun: agencies, groups, leaders)
    refers to: the issuer of the last statement, when its name has that noun or the noun is
    a generic one."""
    span = issuer_before(ctx, pos)
    if span is None:
        return None
    written = ctx.text[span[0] : span[1]]
    names = {w.lower().strip(",") for w in written.split()}
    if head in names or head in _GENERIC:
        return span
    if _LIST_RE.search(written):
        return span  # "Egypt, Qatar and the United States … the three countries said"
    return None


_LIST_RE = re.compile(r"[A-Za-z][^\S\n]+and[^\S\n]+(?:the[^\S\n]+)?[A-Z]")


def named_with_head(ctx: Ctx, head: str, pos: int) -> str | None:
    """ "the ministry", "the military": the last organisation before `pos` the text named
    with that head and words of its own ("Egypt’s Foreign Ministry", "The Israeli
    military", "Gaza’s health ministry"), as written without "the"."""
    pattern = _HEADED.get(head)
    if pattern is None:
        pattern = _HEADED[head] = re.compile(
            r"(?:(?<=[^\w’'.-])|^)(?P<name>(?:[A-Z][\w’'.-]*[^\S\n]+)(?:[A-Za-z][\w’'.-]*"
            rf"[^\S\n]+){{0,3}}?(?i:{re.escape(head)}))(?![\w-])"
        )
    found = None
    for m in pattern.finditer(ctx.text, max(0, pos - _WINDOW), pos):
        if not ctx.quoted(m.start()):
            found = m.group("name")
    if found is None:
        return None
    words = found.split()
    if words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if len(words) < 2:
        return None
    return " ".join(words)


_HEADED: dict[str, re.Pattern[str]] = {}
