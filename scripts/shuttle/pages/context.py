"""A quoted fragment is shown inside the sentence that quotes it."""

from __future__ import annotations

import re

from markupsafe import Markup

from shuttle.pages.escape import text
from shuttle.pages.view import QuoteItem

_SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"’']?\s+(?=[“\"‘'A-Z0-9])")


def sentence_bounds(paragraph: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of `paragraph` around [start, end) (offsets within the paragraph)."""
    left, right = 0, len(paragraph)
    for match in _SENTENCE_END.finditer(paragraph):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


def fragment_in_sentence(item: QuoteItem) -> Markup:
    if item.paragraph is None:
        return Markup(f"“{text(item.quote.text)}”")
    para = item.paragraph_text()
    start = item.quote.start - item.paragraph.start
    end = item.quote.end - item.paragraph.start
    left, right = sentence_bounds(para, start, end)
    before, inside, after = para[left:start], para[start:end], para[end:right]
    return Markup(
        f'{text(before)}<mark class="shuttle-quote">{text(" " + inside)[1:]}</mark>'
        f"{text(' ' + after)[1:] if after else ''}"
    )


def contexts(quotes: list[QuoteItem]) -> dict[str, Markup]:
    return {q.quote.id: fragment_in_sentence(q) for q in quotes if q.quote.kind == "fragment"}
