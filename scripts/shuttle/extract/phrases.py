"""Who a phrase refers to: the speaker phrase before or after a speech verb ("Matt Miller,
the State Department spokesman,"), and what it names: a person by name or surname, an
organisation ("the State Department"), a description that refers back to a role named
earlier ("the minister’s office", "the top U.S. diplomat"), a pronoun ("he": the last one
who spoke, or the last subject), or no one ("a senior official", "residents").
"""

from __future__ import annotations

import re

from .context import Ctx, Who
from .groups import group_referent, issuer_before, named_with_head
from .lexicon import (
    DETERMINERS,
    DOCUMENT_HEADS,
    GROUP_NOUNS,
    NATIONALITIES,
    NOT_NAME,
    NP_WORDS,
    ORG_HEADS,
    ORG_NAMES,
    PRONOUNS,
    ROLE_HEADS,
    SPEECH_DECLARATIVE,
    SPEECH_FILLERS,
    TRAVELLER_SURNAME,
)

_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St)\.|[\w’'-]+(?:\.(?=\w))?"
    r"|[^\w\s]"
)
_NP_AFTER_RE = re.compile(
    r"[^\S\n]*((?:(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|No)\.|[^,.;:!?“”\"()\n]){1,120}?)"
    r"(?=[^\S\n]*(?:[,.;:!?“”\"()\n]|\Z)|[^\S\n]+(?:who|which|adding|saying|as|during|after"
    r"|while|when|because|but|and\s+(?:said|added))\b)"
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
_SUBJECT_SPLIT_RE = re.compile(r"[,;]\s+|\s[—–-]\s+")


def np_before(ctx: Ctx, verb: int, lo: int) -> tuple[int, int] | None:
    """The speaker phrase that ends right before a verb: "Matt Miller, the … spokesman,"
    gives "Matt Miller"; "the minister’s office", "he", "Gaza’s health ministry"."""
    start = max(lo, verb - 120)
    key = (verb, start)
    if key in ctx.np_spans:
        return ctx.np_spans[key]
    found = _np_before(ctx.text, verb, start)
    ctx.np_spans[key] = found
    return found


class _NeedMore(Exception):
    """The phrase may begin before the window read: read a longer one."""


def _np_before(text: str, verb: int, start: int) -> tuple[int, int] | None:
    # Most speaker phrases are a few words long: read the last words first, from a space
    # (a whole token), and the whole window only when the phrase reaches back that far.
    near = text.find(" ", max(start, verb - 48), verb)
    if near > start:
        try:
            return _np_in_window(text, verb, near + 1, cut=True)
        except _NeedMore:
            pass
    return _np_in_window(text, verb, start, cut=False)


def _np_in_window(text: str, verb: int, start: int, cut: bool) -> tuple[int, int] | None:
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
    if i <= 0 and cut:
        raise _NeedMore
    if i < 0:
        return None
    if toks[i][2] in ("who", "which") and i > 0 and toks[i - 1][2] == ",":
        # "Yoav Gallant, who told him": the speaker is the name the clause hangs on
        i -= 1
        if i > 0 and toks[i - 1][2] == ",":
            return _name_before_appositives(toks, i - 1, cut) or _relative_head(toks, i, cut)
        return _relative_head(toks, i, cut)
    if toks[i][2] == ",":
        return _name_before_appositives(toks, i, cut)
    return _core_np(toks, i, cut)


def _relative_head(
    toks: list[tuple[int, int, str]], comma: int, cut: bool = False
) -> tuple[int, int] | None:
    """The noun phrase before ", who": a name, or a description ("the minister")."""
    if comma == 0:
        if cut:
            raise _NeedMore
        return None
    k = comma - 1
    j = k
    while j >= 0 and (toks[j][2][:1].isupper() or toks[j][2].lower() in ("al", "bin", "ibn")):
        j -= 1
    if j < 0 and cut:
        raise _NeedMore
    if j < k and _is_name(toks[j + 1 : k + 1]):
        return toks[j + 1][0], toks[k][1]
    return _core_np(toks, k, cut)


# Words an appositive may start with: "X, the spokesman, said", "X, who is on his eighth
# trip, said", "X, on his eighth trip to the region, spoke".
_APPOSITIVE_STARTS = frozenset(
    "the a an former now who whose which on in at during after before speaking standing "
    "writing for however meanwhile too also though".split()  # "X, for his part, said"
)
_STOP_PUNCT = frozenset(',;:“”"()[]—–')


def _name_before_appositives(
    toks: list[tuple[int, int, str]], comma: int, cut: bool = False
) -> tuple[int, int] | None:
    j = comma
    for n in range(3):
        k = j - 1
        while k >= 0 and toks[k][2] not in _STOP_PUNCT:
            k -= 1
        if k < 0 and cut:
            raise _NeedMore
        seg = toks[k + 1 : j]
        if not seg or len(seg) > 18:
            return None
        if _is_name(seg) and (n > 0 or (k >= 0 and toks[k][2] == ",")):
            # "Matt Miller, the spokesman, said"; "A Hamas official, Osama Hamdan, said"
            return seg[0][0], seg[-1][1]
        first = seg[0][2]
        appositive = (
            first.lower() in _APPOSITIVE_STARTS
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
            t[0].isupper()
            or t.lower() in ("al", "bin", "ibn", "de", "van", "von")
            or (t[:3].lower() in ("al-", "el-") and t[3:4].isupper())  # "Suhail al-Hindi"
            for _, _, t in seg
        )
        and seg[-1][2].lower() not in NOT_NAME
        and not seg[-1][2].isupper()
    )


def _core_np(
    toks: list[tuple[int, int, str]], end: int, cut: bool = False
) -> tuple[int, int] | None:
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
        elif tl in NP_WORDS or tl.removesuffix("’s").removesuffix("'s") in _NP_OR_ROLE:
            pass
        elif i == end and tl.endswith("s") and _after_the(toks, i):
            pass  # "the agencies said", "the three countries said": named before (groups.py)
        elif tl in _FEW and i == end - 1 and i > 0 and toks[i - 1][2].lower() == "the":
            pass
        elif tl in _NAME_PARTICLES and i < end and toks[i + 1][2][:1].isupper():
            pass  # "Mohammed bin Abdulrahman Al Thani", "Ursula von der Leyen"
        elif tl in ("of", "in", "for") and accepted and toks[i + 1][2][0].isupper():
            pass
        elif tl == "of" and accepted and i > 0 and toks[i - 1][2].lower() in ROLE_HEADS:
            pass  # "secretary of state", "head of diplomacy", "minister of defence"
        elif tl in DETERMINERS:
            accepted += 1
            i -= 1
            break
        else:
            break
        accepted += 1
        i -= 1
    else:
        if cut:
            raise _NeedMore  # every token read belongs to the phrase: it may go on
    if not accepted:
        return None
    return toks[i + 1][0], toks[end][1]


_NP_OR_ROLE = NP_WORDS | ROLE_HEADS
_NAME_PARTICLES = frozenset("bin ibn bint abu de da di van von der den du".split())
_FEW = frozenset("two three four five six seven eight nine ten both several".split())


def _after_the(toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether token i follows "the", or "the" and a small count ("the three countries")."""
    k = i - 1
    if k >= 0 and toks[k][2].lower() in _FEW:
        k -= 1
    return k >= 0 and toks[k][2].lower() == "the"


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
            and (len(core) == 1 or (len(core) == 2 and core[0].lower() in _FEW))
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
    if lowered[-3:] == ["secretary", "of", "state"]:
        lowered = [*lowered[:-3], "state", "secretary"]  # the role, its head last
    head = lowered[-1]
    modifiers = [w for w in lowered[:-1] if w in _ROLE_MODIFIERS]
    nations = {_NATION.get(w, w) for w in lowered[:-1] if w in NATIONALITIES}
    wanted = _ROLE_SYNONYMS.get(head, (head,))
    generic = head in _GENERIC_HEADS
    lo = max(0, pos - 6000)
    recent: str | None = None
    for mt in ctx.people.before(pos, lo):
        role = (ctx.people.roles.get(mt.canonical) or mt.role or "").lower()
        if recent is None:
            recent = mt.canonical
        if not role:
            continue
        if place is not None and not _place_fits(place, role):
            continue
        role_nations = _nations(role)
        if nations and role_nations and not role_nations & nations:
            continue  # "the Egyptian minister" is not Israel's prime minister
        fits = any(w in role for w in wanted) or (
            "counterpart" in role  # "his Egyptian counterpart": a minister of that country
            and head in _COUNTERPART
            and (not nations or bool(role_nations & nations))
        )
        if fits and all(m in role for m in modifiers):
            return Who(mt.canonical)
    if head in ("secretary", "diplomat") and (
        place in _US_PLACES or nations & {"american"} or "state" in lowered or "top" in lowered
    ):
        # the U.S. secretary of state, described before or without his name: the traveller
        traveller = _traveller(ctx)
        if traveller is not None:
            return Who(traveller)
    if generic and recent is not None and place is None:
        return Who(recent)
    return None


_COUNTERPART = frozenset("minister secretary diplomat premier".split())
_US_PLACES = frozenset({"washington", "america", "u.s", "us", "united states"})
_NATION = {"u.s.": "american", "us": "american", "usa": "american", "u.s": "american"}


def _nations(role: str) -> set[str]:
    return {
        _NATION.get(w, w)
        for w in role.replace("’s", " ").replace("'s", " ").split()
        if w in NATIONALITIES
    }


def _traveller(ctx: Ctx) -> str | None:
    for mt in ctx.people.mentions:
        if TRAVELLER_SURNAME in mt.canonical:
            return mt.canonical
    return None


def _place_fits(place: str, role: str) -> bool:
    if place in ("washington", "america", "u.s", "us", "united states"):
        return any(w in role + " " for w in _US_WORDS)
    return place[:5] in role


# ---------------------------------------------------------------------------- pronouns


def pronoun(ctx: Ctx, word: str, pos: int, depth: int = 0) -> Who | None:
    """ "he"/"she" in an attribution: the last speaker or subject before it. A paragraph
    whose only attribution is the same pronoun ("he told Reuters via a messaging app")
    names no one: the pronoun reaches back through it to whom that one refers to."""
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
        who = classify(ctx, *span)
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
            who = classify(ctx, *span)
            if who is not None and who.name is not None:
                best = who
    return best


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
            if m is None or m.group(1).lower() not in _CONJUNCTIONS:
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
    who = classify(ctx, p, end)
    return (who, end) if who is not None else None


# ---------------------------------------------------------------------------- quotations
