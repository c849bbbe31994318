"""What a listing page's parts carry besides their units, estimated by rendering the
page's template without any (paging.py cuts the parts to fit around it)."""

from __future__ import annotations

from dataclasses import dataclass

from shuttle.site.pages.addresses import part_page
from shuttle.site.pages.env import render
from shuttle.site.pages.paging import WORDS, Part, paginate
from shuttle.site.pages.sizes import html_size, word_count


@dataclass(frozen=True)
class Own:
    """What a listing page's parts carry besides their units: estimated bytes of HTML and
    words, on part 1 (the title, the introduction, a filter's choices) and on the later
    parts (the title)."""

    first: int
    later: int
    first_words: int = WORDS
    later_words: int = WORDS


def own(template: str, page: str, **context: object) -> Own:
    """Part 1's and a later part's own size and the words their units may hold: WORDS
    less the page's own words on that part, and never under a fifth of it."""
    one, later = (_without_units(template, page, n, **context) for n in (1, 2))
    return Own(
        html_size(one), html_size(later),
        max(WORDS - word_count(one), WORDS // 5), max(WORDS - word_count(later), WORDS // 5),
    )  # fmt: skip


def fixed_size(template: str, page: str, **context: object) -> int:
    """The estimated HTML of a listing page's part 1 without its units."""
    return html_size(_without_units(template, page, 1, **context))


def _without_units(template: str, page: str, number: int, **context: object) -> str:
    empty = paginate(page, [], fixed=0)
    part = empty.parts[0] if number == 1 else Part(number, part_page(page, number), [])
    return render(template, page, paged=empty, part=part, pager=None, **context)
