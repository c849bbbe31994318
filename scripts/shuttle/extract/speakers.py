"""Who said a quotation: attribution patterns, and the pronouns and descriptions that
refer back to someone named earlier.

For one quotation, in this order (the first that names a speaker wins):
A. the attribution right after it: "…,” Mr. Blinken said", "…,” said John Kirby",
   "…,” the minister’s office said", "…,” according to X";
B. an attribution later in the same sentence ("“a” on X “b,” Matt Miller said");
C. the last speech verb before it in the sentence: "X said: “…”", "calling it “…”",
   "He added: “…”"; a verb without its own subject ("…, calling it") takes the sentence's
   subject or the speaker of the sentence's previous quotation;
D. a quotation with no attribution continues the previous one, when that one is in the same
   or the previous paragraph.
An indefinite speaker ("a senior official", "residents") is an attribution to no one: the
quotation keeps speaker None.
"""

from __future__ import annotations

import re
from datetime import date

from shuttle.text.quotemarks import QuoteSpan

from .context import Attribution, Ctx, Who
from .dates import find_dates
from .lexicon import MEDIA_HEADS, ORG_HEADS, ORG_NAMES, PLACES, SPEECH_INVERTIBLE
from .phrases import classify, np_after, np_before, subject, subject_span

_S = r"[^\S\n]+"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# What may follow a speech verb in its cue: "told reporters", "in a statement", "at a
# press conference", then a day ("late Wednesday", "on Tuesday morning").
_CUE_TAIL_RE = re.compile(
    rf"(?:{_S}(?:reporters|journalists|lawmakers|senators|parliament|the\s+BBC|CNN))?"
    rf"(?:{_S}(?:in|at|during|on|via){_S}(?:a|an|the|his|her|their|its){_S}"
    rf"(?:[a-z][\w’'-]*{_S}){{0,2}}(?:statement|conference|interview|briefing|meeting|post"
    rf"|speech|address|call|event|hearing|session|video|message|summit|forum|remarks|appearance"
    rf"|broadcast|podcast|op-ed|letter|tweet|visit|trip|stop|sidelines))?"
    rf"(?:{_S}(?:(?:late|early|on|last|this){_S})?{_WEEKDAY}"
    rf"(?:{_S}(?:morning|afternoon|evening|night))?)?"
)

_NONE = Attribution(None, False)
# A reporting verb whose "that" clause holds the later verbs and the quotation.
_THAT_AFTER_RE = re.compile(r"(?:[^\S\n]+[\w’'.-]+){0,3}?[^\S\n]+that\b")


def _cue(ctx: Ctx, vs: int, ve: int, hi: int) -> tuple[str, int, int]:
    m = _CUE_TAIL_RE.match(ctx.text, ve, hi)
    end = m.end() if m else ve
    return ctx.text[vs:end], vs, end


def _said_on(ctx: Ctx, start: int, end: int) -> date | None:
    for d in find_dates(ctx.text, start, end, ctx.published, ctx.anchors):
        if d.on is not None and d.precision == "day":
            return d.on
    return None


def _from_verb(ctx: Ctx, m: re.Match[str], a: int, b: int, immediate: bool) -> Attribution | None:
    text = ctx.text
    if m.group("acc"):
        span = np_after(ctx, m.end("v"), b)
        if span is None:
            return None
        who = classify(ctx, *span)
        if who is None:
            return None
        return Attribution(who.name, True, who.kind, text[m.start("v") : span[1]])
    gap = text[a : m.start("v")]
    if not gap.strip(" ,.;:—–-…\t") and m.group("verb") in SPEECH_INVERTIBLE:
        span = np_after(ctx, m.end("v"), b)
        if span is not None:
            who = classify(ctx, *span)
            if who is not None:
                return Attribution(who.name, True, who.kind, m.group("v"))
    span = np_before(ctx, m.start("v"), a)
    if span is None:
        return None
    if immediate and text[a : span[0]].strip(" ,.;:—–-…\t"):
        return None
    who = classify(ctx, *span)
    if who is None:
        return None
    cue, cs, ce = _cue(ctx, m.start("v"), m.end("v"), b)
    return Attribution(who.name, True, who.kind, cue, _said_on(ctx, cs, ce))


# A clause of its own between a quotation and a later verb: "… ‘generous’ offer as Netanyahu
# vows …" gives Netanyahu's verb, not the speaker of the quotation.
_SUBORDINATE_RE = re.compile(
    r"(?<![\w’'-])(?:as|while|when|whereas|after|before|because|since|although|though|if"
    r"|until|unless)(?![\w’'-])"
)


def _in_clause(text: str, a: int, verb: int) -> bool:
    """Whether the verb at `verb` stands in a clause of its own opened after `a` ("… offer
    as Netanyahu vows"); a clause closed by a comma before the verb's subject ("… as talks
    resume in Doha, Blinken said") leaves the verb to the sentence; commas around an
    appositive ("as the prime minister, Benjamin Netanyahu, vowed") do not close it."""
    ends = [m.end() for m in _SUBORDINATE_RE.finditer(text, a, verb)]
    return bool(ends) and text.count(",", ends[-1], verb) != 1


def _after(ctx: Ctx, a: int, b: int, immediate: bool) -> Attribution | None:
    for m in ctx.speech(a, min(b, a + 160) if immediate else b):
        if not immediate and _in_clause(ctx.text, a, m.start("v")):
            return None
        got = _from_verb(ctx, m, a, b, immediate)
        if got is not None or immediate:
            return got
    return None


def attribute(ctx: Ctx, qi: int) -> Attribution:
    """The attribution of quotation `qi`; quotations are attributed in order."""
    q = ctx.quotes[qi]
    s0, s1 = ctx.segs.sentence_at(q.open)
    in_sentence = ctx.in_range(s0, s1)
    # the unquoted stretches after each quotation of the sentence
    later: list[tuple[int, int]] = []
    for k in in_sentence:
        if k < qi:
            continue
        c = ctx.quotes[k].close
        if c is None:
            continue
        # the quotations of the sentence are consecutive: the next one is k + 1
        nxt = ctx.quotes[k + 1].open if k < in_sentence[-1] else s1
        later.append((c + 1, nxt))
    if later and q.close is not None and later[0][0] == q.close + 1:
        got = _after(ctx, *later[0], immediate=True)
        if got is not None:
            if got.kind == "organisation" and _is_medium(got.speaker):
                # "He also rejected “…”, the agency said": the words are the subject's
                own = _own_subject(ctx, s0, q.open)
                if own is not None:
                    return Attribution(own.name, True, own.kind, got.cue, got.said_on)
            return got
    for a, b in later:
        got = _after(ctx, a, b, immediate=False)
        if got is not None:
            return got
    got = _before(ctx, qi, s0, in_sentence)
    if got is not None:
        return got
    got = _tag_inside(ctx, q)
    if got is not None:
        return got
    return _inherit(ctx, qi)


# A speech tag the source put inside the closing mark: "… their loved ones, he said.”"
_TAG_INSIDE_RE = re.compile(
    r",[^\S\n]+(?P<who>[Hh]e|[Ss]he|(?:[A-Z][\w’'.-]*[^\S\n]+){0,4}[A-Z][\w’'-]*)"
    r"[^\S\n]+(?P<v>said|says|added|told[^\S\n]+[\w.]+(?:[^\S\n]+[\w.]+)?)[.,]?\Z"
)


def _tag_inside(ctx: Ctx, q: QuoteSpan) -> Attribution | None:
    """A quotation whose last words are its own attribution (", he said." before the
    closing mark): a source's slip of punctuation; the words are that speaker's."""
    m = _TAG_INSIDE_RE.search(ctx.text, max(q.start, q.end - 80), q.end)
    if m is None:
        return None
    who = classify(ctx, m.start("who"), m.end("who"))
    if who is None:
        return None
    return Attribution(who.name, True, who.kind, ctx.text[m.start("who") : m.end("v")])


def _is_medium(name: str | None) -> bool:
    """A news agency or broadcaster that passes words on ("the agency", "news agency WAFA")."""
    return name is not None and any(w in MEDIA_HEADS for w in name.lower().split())


def _own_subject(ctx: Ctx, s0: int, q_open: int) -> Who | None:
    """A person who is the subject of the sentence's own verb before the quotation
    ("He also rejected “…”"), when the quotation does not follow the subject at once
    ("Mr. Blinken “emphasized …”, the State Department said" is the department's)."""
    found = subject_span(ctx, s0, q_open)
    if found is None:
        return None
    who, end = found
    if who.name is None or who.kind != "person" or not ctx.text[end:q_open].strip(" ,"):
        return None
    between = ctx.text[end:q_open]
    return who if any(ch.isalpha() for ch in between) else None


def _before(ctx: Ctx, qi: int, s0: int, in_sentence: list[int]) -> Attribution | None:
    text = ctx.text
    q = ctx.quotes[qi]
    verbs = [m for m in ctx.speech(s0, q.open) if not ctx.quoted(m.start("v"))]
    verb = verbs[-1] if verbs else None
    for m in verbs[:-1]:
        if _THAT_AFTER_RE.match(text, m.end("v"), q.open):
            verb = m  # "Hamdan told reporters that the group had responded “positively”"
            break
    earlier = [k for k in in_sentence if k < qi]
    prev = ctx.results[earlier[-1]] if earlier else None
    if verb is not None:
        lo = s0
        for k in earlier:
            c = ctx.quotes[k].close
            if c is not None and c < verb.start("v"):
                lo = c + 1
        got = _from_verb(ctx, verb, lo, q.open, immediate=False)
        if got is not None:
            return got
        if prev is not None and prev.found:
            return Attribution(prev.speaker, True, prev.kind, None, prev.said_on)
        who = subject(ctx, s0, verb.start("v")) or _body_before(ctx, verb.start("v"), lo)
        if who is not None:
            cue, cs, ce = _cue(ctx, verb.start("v"), verb.end("v"), q.open)
            return Attribution(who.name, True, who.kind, cue, _said_on(ctx, cs, ce))
        if q.open - verb.end("v") < 40 and not _inheritable(ctx, qi):
            # the sentence's own verb, its subject no one we can name ("Some called it
            # “a farce”"): not the words of whoever spoke in the paragraph before
            return Attribution(None, False)
        return None
    if text[s0 : q.open].rstrip().endswith(":"):
        who = subject(ctx, s0, q.open)
        if who is not None:
            return Attribution(who.name, True, who.kind)
    return None


_AUX_RE = re.compile(r"(?:[^\S\n]+(?:has|have|had|also|again|repeatedly|previously|already))*\Z")
_PROPER_RE = re.compile(r"(?<![\w’'-])(?:[A-Z][\w’'.-]*[^\S\n]+)?[A-Z][\w’'.-]*\Z")


_NOT_BODIES = frozenset(
    "the a an and but or so yet it this that these those he she they we i you there".split()
)


def _body_before(ctx: Ctx, verb: int, lo: int) -> Who | None:
    """A country or body named right before its own speech verb ("Israel has called the
    proposal “delusional”", "Egypt denounced …"): the words are that body's, not those of
    whoever spoke in the paragraph before."""
    text = ctx.text
    head = text[max(lo, verb - 60) : verb].rstrip()
    aux = _AUX_RE.search(head)
    if aux is not None:
        head = head[: aux.start()]
    m = _PROPER_RE.search(head)
    if m is None or ctx.quoted(max(lo, verb - 60) + m.start()):
        return None
    name = m.group().strip()
    low = name.lower()
    if name.split()[0].lower() in _NOT_BODIES:
        return None
    body = (
        low in PLACES
        or low in ORG_NAMES
        or low in ctx.people.known_forms
        or low.split()[-1] in ORG_HEADS
        or (name.isupper() and len(name) > 1)
    )
    if not body:
        return None  # "Critics called it “a farce”": no one in particular
    return Who(ctx.people.resolve_org(name), "organisation")


def _inheritable(ctx: Ctx, qi: int) -> bool:
    """Whether the quotation before `qi` is in the same paragraph and found a speaker."""
    if qi == 0:
        return False
    pi = ctx.segs.paragraph_index(ctx.quotes[qi].open)
    return pi == ctx.segs.paragraph_index(ctx.quotes[qi - 1].open) and ctx.results[qi - 1].found


def _inherit(ctx: Ctx, qi: int) -> Attribution:
    if qi == 0:
        return _NONE
    prev = ctx.results[qi - 1]
    q = ctx.quotes[qi]
    pq = ctx.quotes[qi - 1]
    pi = ctx.segs.paragraph_index(q.open)
    ppi = ctx.segs.paragraph_index(pq.open)
    if not prev.found or pi - ppi > 1:
        return _NONE
    said_on = prev.said_on if pi == ppi or q.continued else None
    return Attribution(prev.speaker, True, prev.kind, None, said_on, inherited=True)
