"""Listing pages in parts, each part's HTML under a byte budget.

A listing page is a run of units (a quote, a table row, a timeline event) in groups (a
trip, a speaker, a section), each group under its heading. The units are kept in order
and cut into parts so that each part's HTML, Material's chrome included, stays within the
budget: part 1 keeps the page's address, a later part is `<page>/page-<name>/`, named
after the first record it holds (`quotes/page-q-1a2b3c4d5e/`), or `<page>/page-N/` where
its units carry no id (the sources list, a trip page's tables).

Where a part ends is chosen by its units, not only by where the budget runs out. Cut only
there, a unit an editor lengthens by a word moves where every later part begins, and with
it every page that links into them: at 1,000 articles, one event's summary edited by a
word changed all 71 parts of the timeline and the 226 source pages that link into them,
ten seconds of rebuilding in the preview. So a part that is FILL full may end before any
unit until the budget runs out, and ends before the one of the lowest mark, a number
drawn from the unit's id (a unit without an id has none): wherever the part began, the
same unit wins, and the parts after it are as they were (content-defined chunking, as
backup tools cut files into blocks).

Measured on the 1,000-article benchmark's listings, 800 edits of a word or a few each:
the timeline's parts an edit changes, 1.24 on average before and 0.36 now, the 99th
percentile 27 before and 3 now (the figures' 3.2 and 0.66, the people's 4.7 and 0.25);
the parts are a tenth more numerous (the timeline's 71 to 79), each at least FILL full.
When an edit adds or removes a part (fewer than one edit in a hundred, or an edit that
lengthens thousands of units: a role shown on every quote of the Secretary's), the cut
falls back into step some parts later, and the parts after that keep their names, so the
pages linking into them do not change (numbered, every later part moved: the role edit at
1,000 articles changed 1,388 pages, named 878). Each part still says "part 12 of 80", so
a listing's parts all change when their count does.

A group cut in two is headed again, "(continued)", on the next part. Every anchor a unit
carries is placed on the part that holds it, so links to it from any page can point there.

Sizes are estimated from the Markdown a unit renders to (sizes.py), before mkdocs turns
it into HTML; each part's pager is pager.py's.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from shuttle.material_adapter import PAGE_CHROME
from shuttle.site.pages import partnames, reuse
from shuttle.site.pages.addresses import part_page
from shuttle.site.pages.env import Links, render
from shuttle.site.pages.pager import Pager, pager_of
from shuttle.site.pages.sizes import heading_size, html_size, word_count

if TYPE_CHECKING:
    from shuttle.site.pages.ownsize import Own

BUDGET = 60 * 1024  # a page's own HTML, without charts
# Words of body text a part's units may hold: a page stays within 1,500 words (a reader's
# sitting) with its title, introduction and pager.
WORDS = 1_100
CHROME = PAGE_CHROME  # Material's header, navigation, footer and scripts (its adapter's)
PAGER = 3 * 1024  # the pager, twice, and the line that says what a part covers
LABEL_CHARS = 60  # a part's label is cut to this length in the pager
CONTENTS = 30  # part 1 lists where each group begins, for pages of 2 to this many groups
FILL = 0.75  # a part may end early once it holds this share of its room or its words


@dataclass(frozen=True)
class Group:
    """A heading over units; `data` is what the page shows under it (a table's header,
    a person's role)."""

    anchor: str
    title: str
    data: Any = None
    size: int = 0  # the estimated HTML of its heading and what is under it
    again: int = 0  # of its heading alone, "(continued)", on a later part
    index: str | None = None  # part 1's contents list it under this (a letter), not its title


@dataclass(frozen=True)
class Unit:
    item: Any
    # not compared: a unit is compared within its Section, which holds the same group
    # (a group of 300 quotes compared once per unit would be compared 300 times)
    group: Group | None = field(compare=False)
    size: int
    anchors: tuple[str, ...] = ()
    words: int = 0  # of body text (word_count), for the WORDS limit
    # in [0, 1): where a part may end, the unit of the lowest mark begins the next (_end)
    mark: float = 1.0
    # the record it shows, where it carries no anchor of its own (a person's quote on the
    # people page): it marks the unit and may name its part
    key: str = ""


def unit(
    item: Any,
    group: Group | None,
    markdown: str,
    anchors: tuple[str, ...] = (),
    extra: int = 0,
    *,
    key: str = "",
) -> Unit:
    """A unit of what it renders to: its estimated HTML (plus `extra` bytes) and words;
    marked by its first anchor, else by `key`: a record's id, which an edit of the record
    keeps. A unit without either is not marked (its parts fill up): a mark drawn from
    what it shows would be drawn again by every edit of it, and move its part's end."""
    # under serve the same units' Markdown comes back after every saved edit
    size, words = reuse.current().keep("measured", markdown, functools.partial(_measured, markdown))
    named = anchors[0] if anchors else key
    mark = _mark(named) if named else 1.0
    return Unit(item, group, size + extra, anchors, words, mark, key)


def _measured(markdown: str) -> tuple[int, int]:
    return html_size(markdown), word_count(markdown)


def _mark(text: str) -> float:
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


@dataclass(frozen=True)
class Section:
    """A group's units on one part; `continued` when the group began on an earlier part."""

    group: Group | None
    continued: bool
    units: list[Unit]

    @property
    def anchor(self) -> str:
        assert self.group is not None
        return f"{self.group.anchor}-continued" if self.continued else self.group.anchor

    @property
    def items(self) -> list[Any]:
        return [u.item for u in self.units]


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


def split(
    units: Sequence[Unit],
    room: int,
    words: int = WORDS,
    *,
    first: tuple[int, int] | None = None,
) -> list[list[Section]]:
    """Units in order, cut into parts of at most `room` estimated bytes and `words` words
    each (a unit larger than that alone gets a part of its own); `first`: part 1's room
    and words, where they differ (part 1 alone carries the introduction, a filter, the
    contents). Where each part ends is _end's choice. A group's heading counts on every
    part it appears on. Every unit lands on exactly one part; there is at least one part."""
    parts: list[list[Section]] = []
    begun: set[int] = set()  # the groups (by id) already headed on some part
    start, limit = 0, first or (room, words)
    while True:
        end = _end(units, start, limit, begun)
        sections: list[Section] = []
        for unit in units[start:end]:
            if sections and sections[-1].group is unit.group:
                sections[-1].units.append(unit)
                continue
            sections.append(Section(unit.group, id(unit.group) in begun, [unit]))
            if unit.group is not None:
                begun.add(id(unit.group))
        parts.append(sections)
        if end >= len(units):
            return parts
        start, limit = end, (room, words)


def _end(units: Sequence[Unit], start: int, limit: tuple[int, int], begun: set[int]) -> int:
    """Where the part that begins at `start` ends: of the units it could end before once
    it is FILL full, up to the first that would take it over `limit`, before the one of
    the lowest mark (the last of equal marks: units without marks fill every part); or at
    the end of the units."""
    room, words = max(limit[0], 1), max(limit[1], 1)
    used = read = 0
    headed = set(begun)
    best: tuple[float, int] | None = None  # the lowest (mark, -index) where it may end
    for index in range(start, len(units)):
        unit = units[index]
        same = index > start and units[index - 1].group is unit.group
        cost = unit.size + (0 if same else _heading(unit.group, headed))
        if index > start:
            if max(used / room, read / words) >= FILL:
                best = min(best or (2.0, 0), (unit.mark, -index))
            if used + cost > room or read + unit.words > words:
                return index if best is None else -best[1]
        if unit.group is not None:
            headed.add(id(unit.group))
        used += cost
        read += unit.words
    return len(units)


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


def _heading(group: Group | None, begun: set[int]) -> int:
    if group is None:
        return 0
    return group.again if id(group) in begun else group.size


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
    for unit in units:
        if unit.group is not None:
            seen.setdefault(id(unit.group), unit.group)
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


def group(
    anchor: str,
    title: str,
    data: Any = None,
    *,
    head: str = "",
    level: int = 2,
    index: str | None = None,
) -> Group:
    """A group whose heading is `title` and under which the page shows `head` (Markdown,
    as rendered; only its size is kept) before its units; headed "(continued)" again."""
    first = heading_size(title, anchor, level) + html_size(head)
    again = heading_size(f"{title} (continued)", f"{anchor}-continued", level)
    return Group(anchor, title, data, first, again, index)
