"""Where a listing's parts end (paging.py's parts are cut here).

Where a part ends is chosen by its units, not only by where the budget runs out. Cut only
there, a unit an editor lengthens by a word moves where every later part begins, and with
it every page that links into them: at 1,000 articles, one event's summary edited by a
word changed all 71 parts of the timeline and the 226 source pages that link into them,
ten seconds of rebuilding in the preview. So a part that is FILL full may end before any
unit until the budget runs out, and ends before the one of the lowest mark, a number
drawn from the unit's id (units.py; a unit without an id has none): wherever the part
began, the same unit wins, and the parts after it are as they were (content-defined
chunking, as backup tools cut files into blocks).

Measured on the 1,000-article benchmark's listings, 800 edits of a word or a few each:
the timeline's parts an edit changes, 1.24 on average before and 0.36 now, the 99th
percentile 27 before and 3 now (the figures' 3.2 and 0.66, the people's 4.7 and 0.25);
the parts are a tenth more numerous (the timeline's 71 to 79), each at least FILL full.
When an edit adds or removes a part (fewer than one edit in a hundred, or an edit that
lengthens thousands of units: a role shown on every quote of the Secretary's), the cut
falls back into step some parts later; the parts after that keep their names
(partnames.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from shuttle.site.pages.units import Group, Section, Unit

# Words of body text a part's units may hold: a page stays within 1,500 words (a reader's
# sitting) with its title, introduction and pager.
WORDS = 1_100
FILL = 0.75  # a part may end early once it holds this share of its room or its words


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


def _heading(group: Group | None, begun: set[int]) -> int:
    if group is None:
        return 0
    return group.again if id(group) in begun else group.size
