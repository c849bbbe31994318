"""Direct quotations with their speakers.

A quotation is "full" when it is introduced as speech: it starts its sentence, or follows a
colon, a comma or a speech verb ("adding “we would not support it.”"), and it starts with a
capital or ends a sentence. Otherwise it is a "fragment" woven into the reporter's sentence
("calling it “delusional”"). A fragment that nothing attributes to anyone is a scare quote
or a title, not a quotation, and is dropped; a full quotation with no speaker is kept.
"""

from __future__ import annotations

from shuttle.text.quotemarks import QuoteSpan

from .candidates import QuoteCandidate
from .context import Attribution, Ctx
from .lexicon import SPEECH_DECLARATIVE
from .names import is_nickname
from .speakers import attribute
from .transcripts import extract_transcript

_INTRO_PUNCT = (":", ",", "—", "–", "-")


def _kind(text: str, s0: int, q: QuoteSpan, split: bool) -> str:
    """`split`: the quotation before it in the sentence is a full one ("“A,” he said, “b.”")."""
    if q.continued:
        return "full"
    pre = text[s0 : q.open].rstrip()
    words = text[q.start : q.end].lstrip("…. ([")
    starts_upper = bool(words) and words[0].isupper()
    ends_sentence = text[q.start : q.end].rstrip().endswith((".", "?", "!", "…", ".,", "?,", "!,"))
    if not pre or pre.endswith(_INTRO_PUNCT):
        if split and pre.endswith(","):
            return "full"  # the second half of a quotation split by its attribution
        intro = True
    else:
        intro = _last_word(pre).lower() in SPEECH_DECLARATIVE
        if intro and starts_upper and not ends_sentence and _continues(text, q):
            return "fragment"  # "reiterated “Israel’s commitment” to the proposal"
    if intro and (starts_upper or ends_sentence):
        return "full"
    quoted = text[q.start : q.end].rstrip()
    if quoted.endswith(",") and quoted.split(None, 1)[0].lower() in _SUBJECTS:
        # "…, and “he expressed outrage at …,” Ryder said": a clause with its own subject,
        # cut off by its attribution, is a sentence of the speaker's
        return "full"
    return "fragment"


_SUBJECTS = frozenset("i we he she they it you this that there these those".split())


def _last_word(pre: str) -> str:
    r"""The last word of `pre` within its last 30 characters, with the ’ ' - that cling to it:
    what `([\w’'-]+)\W*\Z` finds there, read backwards instead of tried at each place."""
    lo = max(0, len(pre) - 30)
    r = len(pre) - 1
    while r >= lo and not (pre[r].isalnum() or pre[r] == "_"):
        r -= 1
    if r < lo:
        return ""  # no word character: no speech verb
    e = r + 1
    while e < len(pre) and pre[e] in "’'-":
        e += 1
    p = r
    while p > lo and (pre[p - 1].isalnum() or pre[p - 1] in "_’'-"):
        p -= 1
    return pre[p:e]


def _continues(text: str, q: QuoteSpan) -> bool:
    """Whether the reporter's sentence goes on in lower case after the closing mark."""
    if q.close is None:
        return False
    rest = text[q.close + 1 : q.close + 3].lstrip()
    return bool(rest) and rest[0].islower()


_SMALL = frozenset("a an the of and or in on at to for with by from as is".split())


def _is_title(text: str, q: QuoteSpan) -> bool:
    """Title Case words with no speech verb of their own: a name of a work or operation."""
    words = text[q.start : q.end].strip(" .,!?").split()
    return 0 < len(words) <= 8 and all(w[:1].isupper() for w in words if w.lower() not in _SMALL)


def extract_quotes(ctx: Ctx) -> list[QuoteCandidate]:
    text = ctx.text
    kinds: list[str] = []
    for qi, q in enumerate(ctx.quotes):
        s0 = ctx.segs.sentence_at(q.open)[0]
        split = qi > 0 and ctx.quotes[qi - 1].open >= s0 and kinds[-1] == "full"
        kinds.append(_kind(text, s0, q, split))
        ctx.full.append(kinds[-1] == "full")
        ctx.results.append(attribute(ctx, qi))
    # a quotation over several paragraphs is often attributed only in a later one
    for qi in range(len(ctx.quotes) - 2, -1, -1):
        got = ctx.results[qi]
        nxt = ctx.results[qi + 1]
        own = got.found and not got.inherited
        if ctx.quotes[qi].continues and not own and nxt.found and not nxt.inherited:
            ctx.results[qi] = Attribution(nxt.speaker, nxt.found, nxt.kind)
    out: list[QuoteCandidate] = []
    for q, kind, got in zip(ctx.quotes, kinds, ctx.results, strict=True):
        if kind == "fragment" and (not got.found or (got.cue is None and _is_title(text, q))):
            continue  # a scare quote, or a title ("the film “No Other Land”"), not speech
        if is_nickname(text, q.open, q.close):
            continue  # Kenneth “Frank” McKenzie
        out.append(
            QuoteCandidate(
                text=text[q.start : q.end],
                start=q.start,
                end=q.end,
                speaker=got.speaker,
                kind="full" if kind == "full" else "fragment",
                cue=got.cue,
                said_on=got.said_on,
            )
        )
    spoken = extract_transcript(text, ctx.segs, ctx.people)
    if spoken:
        out = sorted(out + spoken, key=lambda c: (c.start, c.kind == "transcript"))
    return out
