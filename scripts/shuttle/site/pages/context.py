"""Every quote is shown with the sentence that carries it (a fragment, inside it).

Sentences come from the extractors' own segmentation (shuttle.text.quotemarks, run once
per article and build), so the context a reader sees is the sentence the speaker was
found in, whichever quotes of the article are published.
"""

from __future__ import annotations

from markupsafe import Markup

from shuttle.site.pages.escape import text
from shuttle.site.pages.view import QuoteItem, View
from shuttle.text.quotemarks import article_segments
from shuttle.text.segments import Segments


def _inline(piece: str) -> str:
    # escape() protects a leading character; mid-sentence only the specials matter
    return str(text(" " + piece))[1:] if piece else ""


def in_sentence(item: QuoteItem, segments: Segments) -> Markup:
    """The sentence around the quote, escaped, with the quote's words marked."""
    start, end = item.quote.start, item.quote.end
    s_start, _ = segments.sentence_at(start)
    _, s_end = segments.sentence_at(max(start, end - 1))
    s_start, s_end = min(s_start, start), max(s_end, end)
    whole = item.article.text
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
    """Quote id -> its sentence with the quote marked, for every quote given.

    With a view, each article's sentences are worked out once for every page.
    """
    memo = view.contexts if view is not None else {}
    out: dict[str, Markup] = {}
    for item in quotes:
        segments = memo.get(item.source.id)
        if segments is None:
            segments = memo[item.source.id] = article_segments(item.article.text)[1]
        out[item.quote.id] = in_sentence(item, segments)
    return out
