"""The pager of a listing page's part (pages/_paging.md.j2): the first and last part
numbers, a few either side of the current one, gaps between, and the part before and
after, each as a link from the part (paging.py makes the parts)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from shuttle.site.pages.escape import text

WINDOW = 2  # part numbers shown either side of the current one


@dataclass(frozen=True)
class PagerLink:
    number: int | None  # None: the gap between shown numbers
    url: str = ""
    current: bool = False


@dataclass(frozen=True)
class Pager:
    """What the pager of one part shows (pages/_paging.md.j2)."""

    number: int
    count: int
    label: str
    previous: str | None
    next: str | None
    links: list[PagerLink]


def pager_of(n: int, pages: Sequence[str], label: str, url: Callable[[str], str]) -> Pager | None:
    """The pager of part `n` of the parts whose pages are `pages` (None when there is one
    part); `url` makes the link from the part to another's page, `label` says what it
    covers."""
    count = len(pages)
    if count == 1:
        return None
    # only the shown numbers are visited: a listing of thousands of parts stays linear
    shown = sorted({1, count} | set(range(max(1, n - WINDOW), min(count, n + WINDOW) + 1)))
    links: list[PagerLink] = []
    for k in shown:
        if links and links[-1].number is not None and links[-1].number < k - 1:
            links.append(PagerLink(None))
        links.append(PagerLink(k, url(pages[k - 1]), k == n))
    previous = url(pages[n - 2]) if n > 1 else None
    after = url(pages[n]) if n < count else None
    # the label follows "Part 2 of 9: ", mid-line: only the specials need escaping
    shown_label = text(" " + label)[1:] if label else ""
    return Pager(n, count, shown_label, previous, after, links)
