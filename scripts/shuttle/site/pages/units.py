"""What a listing page is made of: units (a quote, a table row, a timeline event), each
sized by what it renders to and marked by the record it shows, in groups under headings
(a trip, a speaker, a section); a part holds them as sections, a group's units on it.
paging.py cuts them into parts (cuts.py chooses where)."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from typing import Any

from shuttle.site.pages import reuse
from shuttle.site.pages.sizes import heading_size, html_size, word_count


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
    # in [0, 1): where a part may end, the unit of the lowest mark begins the next (cuts.py)
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
