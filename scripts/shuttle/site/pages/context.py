"""Every quote is shown with the sentence that carries it (a fragment, inside it).

Sentences come from the extractors' own segmentation, so the context a reader sees is
the sentence the speaker was found in.
"""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup

from shuttle.site.pages.escape import text
from shuttle.site.pages.view import QuoteItem, View
from shuttle.text.segments import Segments, segment


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

    With a view, what was worked out for one page is kept for the others (an article's
    sentences depend on the quotes given from it: reused only for the same ones).
    """
    by_article: dict[str, list[QuoteItem]] = defaultdict(list)
    for item in quotes:
        by_article[item.source.id].append(item)
    out: dict[str, Markup] = {}
    memo = view.contexts if view is not None else {}
    for source_id, items in by_article.items():
        key = (source_id, tuple(id(q) for q in items))
        if key not in memo:
            memo[key] = _article_contexts(items)
        out.update(memo[key])
    return out


def _article_contexts(items: list[QuoteItem]) -> dict[str, Markup]:
    out: dict[str, Markup] = {}
    if items:
        article = items[0].article
        # quotation spans with their marks, so a "." inside a quote does not end a sentence
        spans = sorted({(max(0, q.quote.start - 1), q.quote.end + 1) for q in items})
        segments = segment(article.text, spans)
        for item in items:
            out[item.quote.id] = in_sentence(item, segments)
    return out
