"""Every quote is shown with the sentence that carries it (a fragment, inside it).

Sentences come from the extractors' own segmentation (shuttle.text.quotemarks, run once
per article and build), so the context a reader sees is the sentence the speaker was
found in, whichever quotes of the article are published.
"""

from __future__ import annotations

import functools

from markupsafe import Markup

from shuttle.site.pages import reuse
from shuttle.site.pages.escape import text
from shuttle.site.pages.view import QuoteItem, View
from shuttle.text.quotemarks import article_segments
from shuttle.text.segments import Segments


def _inline(piece: str) -> str:
    # escape() protects a leading character; mid-sentence only the specials matter
    return str(text(" " + piece))[1:] if piece else ""


def in_sentence(whole: str, start: int, end: int, segments: Segments) -> Markup:
    """The sentence of `whole` around the quote at `start`-`end`, escaped, with the
    quote's words marked."""
    s_start, _ = segments.sentence_at(start)
    _, s_end = segments.sentence_at(max(start, end - 1))
    s_start, s_end = min(s_start, start), max(s_end, end)
    s_end = whole_sentence_end(whole, segments, s_end)
    return Markup(
        f"{text(whole[s_start:start]) if s_start < start else ''}"
        f'<mark class="shuttle-quote">{_inline(whole[start:end])}</mark>'
        f"{_inline(whole[end:s_end])}"
    )


_OPENING, _CLOSING = "“", "”"


def whole_sentence_end(whole: str, segments: Segments, end: int) -> int:
    """Where the sentence ending at `end` really ends: a piece after it that closes a
    quotation it never opened, or that begins in lower case, belongs to it (“a path to a
    state.” Palestinian”. is one sentence), so the context is never cut inside one."""
    _, para_end = segments.paragraph_at(max(end - 1, 0))
    while end < para_end:
        nxt = end + len(whole[end:para_end]) - len(whole[end:para_end].lstrip())
        if nxt >= para_end:
            break
        _, n_end = segments.sentence_at(nxt)
        piece = whole[nxt : max(n_end, nxt + 1)]
        closes = piece.find(_CLOSING)
        opens = piece.find(_OPENING)
        unopened = closes != -1 and (opens == -1 or closes < opens)
        if not (unopened or piece[:1].islower()) or n_end <= end:
            break
        end = n_end
    return end


def contexts(quotes: list[QuoteItem], view: View | None = None) -> dict[str, Markup]:
    """Quote id -> its sentence with the quote marked, for every quote given (of `view`,
    when given: worked out once for all its quotes, as the listing is planned, then
    rendered). Under serve, once for as long as the article's text is the same (reuse.py)."""
    if view is None:
        return _worked_out(quotes)
    if not view.contexts:
        view.contexts.update(_worked_out(view.quotes))
    return {item.quote.id: view.contexts[item.quote.id] for item in quotes}


def _worked_out(quotes: list[QuoteItem]) -> dict[str, Markup]:
    keep = reuse.current().keep
    out: dict[str, Markup] = {}
    for item in quotes:
        whole, start, end = item.article.text, item.quote.start, item.quote.end
        out[item.quote.id] = keep(
            "in sentence", (whole, start, end), functools.partial(marked, whole, start, end)
        )  # fmt: skip
    return out


def marked(whole: str, start: int, end: int) -> Markup:
    """The quote at `start`-`end` of the article `whole` in its sentence (in_sentence)."""
    return in_sentence(whole, start, end, segments_of(whole))


@functools.lru_cache(maxsize=8192)
def segments_of(whole: str) -> Segments:
    """An article's sentences, worked out once for as long as its text is the same."""
    return article_segments(whole)[1]
