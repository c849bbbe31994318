"""Speaker phrases: the noun phrase that ends right before a speech verb ("Matt Miller, the
State Department spokesman," gives "Matt Miller"; "the minister’s office", "he", "Gaza’s
health ministry") and the one right after it ("said Matt Miller, the spokesman")."""

from __future__ import annotations

import re

from .context import Ctx
from .lexicon import (
    DETERMINERS,
    NOT_NAME,
    NP_WORDS,
    PRONOUNS,
    ROLE_HEADS,
    SPEECH_FILLERS,
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
CONJUNCTIONS = frozenset("and but yet so then though although however while".split())


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
            if tl in CONJUNCTIONS or (tl in NOT_NAME and tl in _SENTENCE_WORDS):
                break
        elif tl in NP_WORDS or tl.removesuffix("’s").removesuffix("'s") in _NP_OR_ROLE:
            pass
        elif i == end and tl.endswith("s") and _after_the(toks, i):
            pass  # "the agencies said", "the three countries said": named before (groups.py)
        elif tl in FEW and i == end - 1 and i > 0 and toks[i - 1][2].lower() == "the":
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
FEW = frozenset("two three four five six seven eight nine ten both several".split())


def _after_the(toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether token i follows "the", or "the" and a small count ("the three countries")."""
    k = i - 1
    if k >= 0 and toks[k][2].lower() in FEW:
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
