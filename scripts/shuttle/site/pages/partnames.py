"""What a listing's later parts are named: `quotes/page-q-1a2b3c4d5e/`, after the first
record a part holds, so that its address stays when parts before it come or go.

Numbered parts renumber when a part comes before them, and every page linking into them
changes with them: at 1,000 articles an edit of the Secretary's role added a part to the
quotes listing and changed 1,388 pages of build/docs, 689 of them (articles' pages) only
for their links; with named parts, 878.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shuttle.site.pages.units import Section

# A name is a folder of the site: a slug, with a letter (page-12 is part 12's)
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_CHARS = 100


def names(cut: list[list[Section]]) -> list[str | None]:
    """Each part's name: the first anchor or key it holds (a record's id, or a group's
    where the group begins); None (named by its number) for part 1, which keeps the
    listing's address, and for a part holding no usable one or one taken already."""
    found: list[str | None] = [None]
    used: set[str] = set()
    for sections in cut[1:]:
        name = next((n for s in sections for n in _candidates(s) if _nameable(n)), None)
        if name is not None and name not in used:
            used.add(name)
            found.append(name)
        else:
            found.append(None)
    return found


def _candidates(section: Section) -> list[str]:
    heading = [section.group.anchor] if section.group is not None and not section.continued else []
    return heading + [a for u in section.units for a in (u.anchors or (u.key,))]


def _nameable(name: str) -> bool:
    return len(name) <= MAX_CHARS and bool(_SLUG.fullmatch(name)) and any(c.isalpha() for c in name)
