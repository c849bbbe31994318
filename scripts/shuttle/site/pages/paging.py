"""Listing pages in parts, each part's HTML under a byte budget.

A listing page is a run of units (units.py: a quote, a table row, a timeline event) in
groups (a trip, a speaker, a section), each group under its heading. The units are kept
in order and cut into parts (where: cuts.py) so that each part's HTML, Material's chrome
included, stays within the budget: part 1 keeps the page's address, a later part is
`<page>/page-<name>/`, named after the first record it holds (`quotes/page-q-1a2b3c4d5e/`,
partnames.py), or `<page>/page-N/` where its units carry no id (the sources list, a trip
page's tables). Named, a part that comes or goes before them leaves the later parts, and
the pages linking into them, as they were (numbered, every later part moved: the role
edit at 1,000 articles changed 1,388 pages, named 878). Each part still says "part 12 of
80", so a listing's parts all change when their count does.

A group cut in two is headed again, "(continued)", on the next part. Every anchor a unit
carries is placed on the part that holds it, so links to it from any page can point there.

Sizes are estimated from the Markdown a unit renders to (sizes.py), before mkdocs turns
it into HTML; each part's pager is pager.py's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from shuttle.material_adapter import PAGE_CHROME
from shuttle.site.pages import partnames
from shuttle.site.pages.addresses import part_page
from shuttle.site.pages.cuts import FILL as FILL
from shuttle.site.pages.cuts import WORDS as WORDS
from shuttle.site.pages.cuts import split as split
from shuttle.site.pages.env import Links, render
from shuttle.site.pages.pager import Pager, pager_of
from shuttle.site.pages.sizes import html_size as html_size
from shuttle.site.pages.sizes import word_count as word_count
from shuttle.site.pages.units import Group as Group
from shuttle.site.pages.units import Section as Section
from shuttle.site.pages.units import Unit as Unit
from shuttle.site.pages.units import group as group
from shuttle.site.pages.units import unit as unit

if TYPE_CHECKING:
    from shuttle.site.pages.ownsize import Own

BUDGET = 60 * 1024  # a page's own HTML, without charts
CHROME = PAGE_CHROME  # Material's header, navigation, footer and scripts (its adapter's)
PAGER = 3 * 1024  # the pager, twice, and the line that says what a part covers
LABEL_CHARS = 60  # a part's label is cut to this length in the pager
CONTENTS = 30  # part 1 lists where each group begins, for pages of 2 to this many groups


@dataclass(frozen=True)
class Part:
    number: int
    page: str
    sections: list[Section]
    label: str = ""  # what it covers: "7 October 2023 to 12 November 2023"

    @property
    def units(self) -> list[Unit]:
        return [u for s in self.sections for u in s.units]


@dataclass(frozen=True)
class Entry:
    """A line of part 1's contents: a group (the first of those under one index), and
    the parts it spans with the others."""

    title: str
    group: Group
    first: int
    last: int


@dataclass(frozen=True)
class Paged:
    page: str
    parts: list[Part]
    places: dict[tuple[str, str], str] = field(default_factory=dict)
    contents: list[Entry] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.parts)

    @property
    def empty(self) -> bool:
        return not any(p.sections for p in self.parts)

    @cached_property
    def pages(self) -> list[str]:
        """Each part's page, in order (listed once: a pager per part reads it)."""
        return [p.page for p in self.parts]

    def pager(self, part: Part, url: Callable[[str], str]) -> Pager | None:
        """The pager of `part` (pager.py), None when the page has one part."""
        return pager_of(part.number, self.pages, part.label, url)


def render_parts(
    template: str,
    paged: Paged,
    places: Mapping[tuple[str, str], str],
    each: Callable[[Part], dict[str, object]] | None = None,
    /,
    **context: object,
) -> dict[str, str]:
    """Each part of a listing page through the page's template (which shows `part`'s
    sections and `pager`, twice), its links sent to the parts that hold their anchors.
    `each`: what a part is handed besides `context`. A part is handed the listing's
    outline, not every part's units (under serve a part is made again only when what it
    shows changed: pages/reuse.py)."""
    outline = Outline(paged.page, paged.pages, paged.empty)
    return {
        part.page: render(
            template, part.page, places,
            paged=outline if part.number > 1 else replace(outline, contents=paged.contents),
            part=part, pager=paged.pager(part, Links(part.page).url),
            **context, **(each(part) if each is not None else {}),
        )
        for part in paged.parts
    }  # fmt: skip


@dataclass(frozen=True)
class Outline:
    """What a part's template reads of its listing: the page, every part's page, whether
    the listing is empty, and (for part 1) the contents."""

    page: str
    pages: list[str]
    empty: bool
    contents: list[Entry] = field(default_factory=list)


def paginate(
    page: str,
    units: Sequence[Unit],
    *,
    fixed: int,
    label: Callable[[list[Unit]], str] | None = None,
    budget: int = BUDGET,
    words: int = WORDS,
    later: Own | None = None,
    named: bool = True,
) -> Paged:
    """`page`'s units in parts, each within `budget` with the page's `fixed` part (its
    title and introduction, as estimated) and Material's chrome, and within `words`;
    `later`: what part 1 and the later parts each carry, where they differ (then
    `fixed` and `words` are part 1's). `named`: later parts are named after the first
    record they hold (partnames.py), else numbered."""
    sizes = (later.first, later.later) if later else (fixed, fixed)
    first_words, later_words = (later.first_words, later.later_words) if later else (words, words)
    room, rest = budget - CHROME - sizes[0], budget - CHROME - sizes[1]
    cut = split(units, rest, later_words, first=(room, first_words))
    if len(cut) > 1:  # parts carry a pager, and part 1 may list where each group begins
        first = (max(room - PAGER - _contents_size(page, units), 1), first_words)
        cut = split(units, max(rest - PAGER, 1), later_words, first=first)
    parts = []
    names = partnames.names(cut) if named else [None] * len(cut)
    for number, (sections, called) in enumerate(zip(cut, names, strict=True), start=1):
        here = [u for s in sections for u in s.units]
        name = _cut(label(here)) if label is not None and here and len(cut) > 1 else ""
        parts.append(Part(number, part_page(page, number, called), sections, name))
    places = {
        (page, anchor): part.page
        for part in parts[1:]
        for section in part.sections
        for anchor in _anchors(section)
    }
    return Paged(page, parts, places, _contents(parts))


def _groups(units: Sequence[Unit]) -> list[Group]:
    seen: dict[int, Group] = {}
    for each in units:
        if each.group is not None:
            seen.setdefault(id(each.group), each.group)
    return list(seen.values())


def _contents_size(page: str, units: Sequence[Unit]) -> int:
    first: dict[object, Group] = {}
    for g in _groups(units):
        first.setdefault(g.index or id(g), g)
    if not 2 <= len(first) <= CONTENTS:
        return 0
    lines = [
        f"- [{g.index or g.title}]({page}/page-q-0123456789.md#{g.anchor}), parts 100 to 100\n"
        for g in first.values()
    ]
    return html_size("".join(lines)) + 200


def _contents(parts: list[Part]) -> list[Entry]:
    spans: dict[object, Entry] = {}
    for part in parts:
        for section in part.sections:
            if section.group is not None:
                g = section.group
                key = g.index or id(g)
                was = spans.get(key)
                title = g.index or g.title
                spans[key] = Entry(
                    title, was.group if was else g, was.first if was else part.number, part.number
                )
    entries = list(spans.values())
    return entries if len(parts) > 1 and 2 <= len(entries) <= CONTENTS else []


def _anchors(section: Section) -> list[str]:
    heading = [section.group.anchor] if section.group is not None and not section.continued else []
    return heading + [a for u in section.units for a in u.anchors]


def _cut(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def span_label(first: str, last: str) -> str:
    return first if first == last else f"{first} to {last}"


def titles(units: list[Unit]) -> str:
    """A part's label: the titles of its first and last units' groups."""
    first, last = units[0].group, units[-1].group
    return span_label(first.title if first else "", last.title if last else "")
