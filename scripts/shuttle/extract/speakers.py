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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

from .dates import find_dates
from .lexicon import (
    DETERMINERS,
    GROUP_NOUNS,
    NOT_NAME,
    NP_WORDS,
    ORG_HEADS,
    ORG_NAMES,
    PRONOUNS,
    ROLE_HEADS,
    SPEECH_DECLARATIVE,
    SPEECH_FILLERS,
    SPEECH_VERBS,
)
from .marks import QuoteSpan
from .people import People, subject_position
from .text import Segments, word_trie

# A speech verb after a space: the scan starts with a character class and the verbs are
# factored by prefix, so the engine skips ahead fast. Group "v" is the verb's span.
SPEECH_RE = re.compile(
    rf"[\s(—–](?P<v>(?P<acc>[Aa]ccording(?:\s+to\b|(?=\s+(?:two|three|several|a|an|the"
    rf"|some|[A-Z]|\d))))|(?P<verb>{word_trie(sorted(SPEECH_VERBS))}))(?![\w’'-])"
)
_INVERTIBLE = frozenset("said says added adds asked wrote writes continued replied".split())
_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St)\.|[\w’'-]+(?:\.(?=\w))?"
    r"|[^\w\s]"
)
_NP_AFTER_RE = re.compile(
    r"[^\S\n]*((?:(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|No)\.|[^,.;:!?“”\"()\n]){1,120}?)"
    r"(?=[^\S\n]*(?:[,.;:!?“”\"()\n]|\Z)|[^\S\n]+(?:who|which|adding|saying|as|during|after"
    r"|while|when|because|but|and\s+(?:said|added))\b)"
)
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
_STATEMENT_FROM_RE = re.compile(
    r"(?:an?|the)\s+(?:joint\s+|brief\s+|written\s+)?(?:statement|report|post|readout|release"
    r"|announcement|message)\s+(?:from|by|of|issued\s+by|released\s+by|posted\s+by)\s+",
    re.I,
)
_POSSESSOR_HEADS = frozenset(
    "office spokesman spokeswoman spokesperson aide aides statement account team campaign "
    "spokespeople lawyer lawyers".split()
)
_GENERIC_HEADS = frozenset("official leader diplomat".split())
_ROLE_SYNONYMS = {
    "diplomat": ("secretary of state", "foreign minister", "diplomat", "secretary"),
    "spokesman": ("spokesman", "spokeswoman", "spokesperson"),
    "spokeswoman": ("spokesman", "spokeswoman", "spokesperson"),
    "spokesperson": ("spokesman", "spokeswoman", "spokesperson"),
    "secretary": ("secretary",),
    "premier": ("prime minister", "premier"),
}
_ROLE_MODIFIERS = frozenset("prime foreign defense defence interior deputy vice state".split())
_US_WORDS = ("u.s.", "us ", "united states", "american", "washington", "america")
_CONJUNCTIONS = frozenset("and but yet so then though although however while".split())
_SUBJECT_SPLIT_RE = re.compile(r"[,;]\s+")


@dataclass(frozen=True)
class Who:
    name: str | None  # None: attributed to someone the article does not name
    kind: str = "person"


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    found: bool  # an attribution exists (to a named speaker or an anonymous one)
    kind: str = "person"
    cue: str | None = None
    said_on: date | None = None


_NONE = Attribution(None, False)


@dataclass
class Ctx:
    text: str
    segs: Segments
    people: People
    published: date | None
    quotes: list[QuoteSpan]
    anchors: list[int] = field(default_factory=list)  # dates.anchor_positions(text)
    results: list[Attribution] = field(default_factory=list)
    full: list[bool] = field(default_factory=list)  # per attributed quotation: kind "full"
    _opens: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._opens = [q.open for q in self.quotes]

    def in_range(self, lo: int, hi: int) -> list[int]:
        """Indices of the quotations that open in [lo, hi)."""
        return list(range(bisect_left(self._opens, lo), bisect_left(self._opens, hi)))

    def quoted(self, pos: int) -> bool:
        """Whether `pos` lies inside a quotation (marks included)."""
        i = bisect_right(self._opens, pos) - 1
        if i < 0:
            return False
        q = self.quotes[i]
        end = q.close if q.close is not None else q.end
        return q.open <= pos <= end


# ---------------------------------------------------------------------------- phrases


def np_before(ctx: Ctx, verb: int, lo: int) -> tuple[int, int] | None:
    """The speaker phrase that ends right before a verb: "Matt Miller, the … spokesman,"
    gives "Matt Miller"; "the minister’s office", "he", "Gaza’s health ministry"."""
    text = ctx.text
    start = max(lo, verb - 120)
    words = _TOKEN_RE.findall(text, start, verb)
    # offsets right to left (cheaper than a match object per token)
    toks: list[tuple[int, int, str]] = [(0, 0, "")] * len(words)
    pos = verb
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        pos = text.rfind(w, start, pos)
        toks[k] = (pos, pos + len(w), w)
    i = len(toks) - 1
    while i >= 0 and (
        toks[i][2].lower() in SPEECH_FILLERS
        or (toks[i][2].endswith("ly") and toks[i][2].islower() and len(toks[i][2]) > 4)
    ):
        i -= 1
    if i < 0:
        return None
    if toks[i][2] == ",":
        return _name_before_appositives(toks, i)
    return _core_np(toks, i)


_STOP_PUNCT = frozenset(',;:“”"()[]—–')


def _name_before_appositives(
    toks: list[tuple[int, int, str]], comma: int
) -> tuple[int, int] | None:
    j = comma
    for n in range(3):
        k = j - 1
        while k >= 0 and toks[k][2] not in _STOP_PUNCT:
            k -= 1
        seg = toks[k + 1 : j]
        if not seg or len(seg) > 18:
            return None
        if _is_name(seg) and (n > 0 or (k >= 0 and toks[k][2] == ",")):
            # "Matt Miller, the spokesman, said"; "A Hamas official, Osama Hamdan, said"
            return seg[0][0], seg[-1][1]
        first = seg[0][2]
        appositive = (
            first.lower() in ("the", "a", "an", "former", "now")
            or first[0].isdigit()
            or first.lower() in ROLE_HEADS
            or (first.isupper() and len(seg) == 1)
        )
        if not appositive or k < 0 or toks[k][2] != ",":
            return None
        j = k
    return None


def _is_name(seg: list[tuple[int, int, str]]) -> bool:
    return (
        all(
            t[0].isupper() or t.lower() in ("al", "bin", "ibn", "de", "van", "von")
            for _, _, t in seg
        )
        and seg[-1][2].lower() not in NOT_NAME
        and not seg[-1][2].isupper()
    )


def _core_np(toks: list[tuple[int, int, str]], end: int) -> tuple[int, int] | None:
    i = end
    last = toks[end][2]
    if last.lower() in PRONOUNS:
        return toks[end][0], toks[end][1]
    accepted = 0
    while i >= 0:
        t = toks[i][2]
        tl = t.lower()
        if t[0].isupper() or (tl[:3] in ("al-", "el-") and t[3:4].isupper()):
            if tl in DETERMINERS:
                accepted += 1
                i -= 1
                break
            if tl in _CONJUNCTIONS or (tl in NOT_NAME and tl in _SENTENCE_WORDS):
                break
        elif tl in NP_WORDS or tl.removesuffix("’s").removesuffix("'s") in NP_WORDS | ROLE_HEADS:
            pass
        elif tl in ("of", "in", "for") and accepted and toks[i + 1][2][0].isupper():
            pass
        elif tl in DETERMINERS:
            accepted += 1
            i -= 1
            break
        else:
            break
        accepted += 1
        i -= 1
    if not accepted:
        return None
    return toks[i + 1][0], toks[end][1]


_SENTENCE_WORDS = frozenset(
    "but and or yet so still however meanwhile after before during while when if as in on "
    "at with for of to from by about".split()
)


def np_after(ctx: Ctx, pos: int, hi: int) -> tuple[int, int] | None:
    m = _NP_AFTER_RE.match(ctx.text, pos, hi)
    if m is None:
        return None
    return m.start(1), m.end(1)


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
    stmt = _STATEMENT_FROM_RE.match(phrase)
    if stmt is not None:
        return classify(ctx, start + stmt.end(), end)
    if lower in PRONOUNS:
        return pronoun(ctx, lower, start)
    for mt in ctx.people.in_span(start, end):
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
        return Who(ctx.people.resolve_org(" ".join(core).strip("’'")), "organisation")
    if head in ROLE_HEADS:
        if det in ("a", "an", "one", "some") or (det is None and core[0][:1].islower()):
            return Who(None)
        return describe(ctx, core, start, det) or Who(None)
    if head in GROUP_NOUNS or (head.endswith("s") and head[:-1] in ROLE_HEADS):
        return Who(None)
    if len(core) == 1 and (core[0][:1].isupper() or core[0][3:4].isupper()):
        w = core[0].removesuffix("’s").removesuffix("'s")
        if w.lower() in ORG_NAMES or (w.isupper() and len(w) > 1):
            return Who(ctx.people.resolve_org(w), "organisation")
        if w.lower() in NOT_NAME:
            return None
        return Who(ctx.people.resolve_name(w))
    return None


def _word_after(text: str, pos: int, end: int) -> str:
    m = re.compile(r"[’']s?\s+([\w-]+)").match(text, pos, end)
    return m.group(1).lower() if m else ""


def describe(ctx: Ctx, words: list[str], pos: int, det: str | None) -> Who | None:
    """A definite description ("the prime minister", "Washington’s top diplomat") refers to
    the most recent person whose role fits it."""
    place = None
    if words and words[0].endswith(("’s", "'s")) and words[0][:1].isupper():
        place = words[0][:-2].lower()
        words = words[1:]
    lowered = [w.lower().strip(",") for w in words]
    if not lowered:
        return None
    head = lowered[-1]
    modifiers = [w for w in lowered[:-1] if w in _ROLE_MODIFIERS]
    wanted = _ROLE_SYNONYMS.get(head, (head,))
    generic = head in _GENERIC_HEADS
    lo = max(0, pos - 6000)
    recent: str | None = None
    for mt in ctx.people.before(pos, lo):
        if mt.possessive and recent is None:
            pass
        role = (ctx.people.roles.get(mt.canonical) or mt.role or "").lower()
        if recent is None:
            recent = mt.canonical
        if not role:
            continue
        if place is not None and not _place_fits(place, role):
            continue
        if any(w in role for w in wanted) and all(m in role for m in modifiers):
            return Who(mt.canonical)
    if generic and recent is not None and place is None:
        return Who(recent)
    return None


def _place_fits(place: str, role: str) -> bool:
    if place in ("washington", "america", "u.s", "us", "united states"):
        return any(w in role + " " for w in _US_WORDS)
    return place[:5] in role


# ---------------------------------------------------------------------------- pronouns


def pronoun(ctx: Ctx, word: str, pos: int) -> Who | None:
    """ "he"/"she" in an attribution: the last speaker or subject before it."""
    if word == "it":
        return _it(ctx, pos)
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
    # 1. the last one who said something, in this or the previous paragraph
    best_pos = -1
    best: str | None = None
    for k in ctx.in_range(lo, s0):
        if k >= len(ctx.results):
            break
        r = ctx.results[k]
        if r.speaker is not None and r.kind == "person":
            best_pos, best = ctx.quotes[k].open, r.speaker
    for m in SPEECH_RE.finditer(ctx.text, lo, s0):
        if m.group("verb") not in SPEECH_DECLARATIVE or ctx.quoted(m.start("v")):
            continue
        span = np_before(ctx, m.start("v"), lo)
        if span is None:
            continue
        words = ctx.text[span[0] : span[1]]
        if words.lower() in PRONOUNS:
            continue
        who = classify(ctx, *span)
        if who is not None and who.name is not None and who.kind == "person":
            if m.start("v") > best_pos:
                best_pos, best = m.start("v"), who.name
    if best is not None:
        return Who(best)
    mentioned = [mt for mt in ctx.people.before(pos, lo)]
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
        if not mt.possessive and _subject_position(ctx.text, mt.start, segs):
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
    for m in SPEECH_RE.finditer(ctx.text, lo, segs.sentence_at(pos)[0]):
        if ctx.quoted(m.start("v")):
            continue
        span = np_before(ctx, m.start("v"), lo)
        if span is None:
            continue
        head = ctx.text[span[0] : span[1]].split()[-1].lower()
        if head in ORG_HEADS or head in ORG_NAMES:
            who = classify(ctx, *span)
            if who is not None and who.name is not None:
                best = who
    return best


def _subject_position(text: str, start: int, segs: Segments) -> bool:
    return subject_position(text, start, segs.sentence_at(start)[0])


def subject(ctx: Ctx, s0: int, limit: int) -> Who | None:
    """The subject of a sentence: the first person, pronoun or description that starts it
    or starts a clause after a comma ("Shortly before X spoke, though, Mr. Netanyahu …")."""
    text = ctx.text
    starts = [s0] + [m.end() for m in _SUBJECT_SPLIT_RE.finditer(text, s0, limit)]
    for p in starts:
        if ctx.quoted(p):
            continue
        while True:
            m = re.compile(r"([A-Za-z]+)[^\S\n]+").match(text, p, limit)
            if m is None or m.group(1).lower() not in _CONJUNCTIONS:
                break
            p = m.end()
        who = _subject_at(ctx, p, limit)
        if who is not None:
            return who
    return None


_FORWARD_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[\w’'-]+\.?")


def _subject_at(ctx: Ctx, p: int, limit: int) -> Who | None:
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
            return found if found is not None and found.name is not None else None
        if w[0].isupper() or wl in NP_WORDS or wl in ROLE_HEADS or (n == 0 and wl in DETERMINERS):
            end = m.end()
            n += 1
            continue
        break
    if n == 0:
        return None
    for mt in ctx.people.in_span(p, end):
        if not mt.possessive:
            return Who(mt.canonical)
        return None
    words = text[p:end].split()
    if not words or words[0].lower() not in DETERMINERS:
        return None  # "Shortly", "Compounding": no subject phrase
    return classify(ctx, p, end)


# ---------------------------------------------------------------------------- quotations


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
    if not gap.strip(" ,.;:—–-…\t") and m.group("verb") in _INVERTIBLE:
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


def _after(ctx: Ctx, a: int, b: int, immediate: bool) -> Attribution | None:
    for m in SPEECH_RE.finditer(ctx.text, a, min(b, a + 160) if immediate else b):
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
        nxt = next((ctx.quotes[j].open for j in in_sentence if j > k), s1)
        later.append((c + 1, nxt))
    if later and q.close is not None and later[0][0] == q.close + 1:
        got = _after(ctx, *later[0], immediate=True)
        if got is not None:
            return got
    for a, b in later:
        got = _after(ctx, a, b, immediate=False)
        if got is not None:
            return got
    got = _before(ctx, qi, s0, in_sentence)
    if got is not None:
        return got
    return _inherit(ctx, qi)


def _before(ctx: Ctx, qi: int, s0: int, in_sentence: list[int]) -> Attribution | None:
    text = ctx.text
    q = ctx.quotes[qi]
    verb: re.Match[str] | None = None
    for m in SPEECH_RE.finditer(text, s0, q.open):
        if not ctx.quoted(m.start("v")):
            verb = m
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
        who = subject(ctx, s0, verb.start("v"))
        if who is not None:
            cue, cs, ce = _cue(ctx, verb.start("v"), verb.end("v"), q.open)
            return Attribution(who.name, True, who.kind, cue, _said_on(ctx, cs, ce))
        return None
    if text[s0 : q.open].rstrip().endswith(":"):
        who = subject(ctx, s0, q.open)
        if who is not None:
            return Attribution(who.name, True, who.kind)
    return None


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
    return Attribution(prev.speaker, True, prev.kind, None, said_on)
