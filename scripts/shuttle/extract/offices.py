"""Who a transcript label of a title alone names: "THE PRESIDENT", "THE SECRETARY" (for
transcripts.py). These are U.S. government transcripts: the office's U.S. holder, the one
the text names first; in the Pentagon's transcripts the secretary is the secretary of
defense, never the secretary of state the curated people know.
"""

from __future__ import annotations

import functools
import re

from .people import People

_NATION_WORDS = frozenset(("u.s.", "us", "american", "united"))
_US_MARKERS = ("united states", "u.s.", "us ", "american")


def office_holder(people: People, titles: list[str], text: str = "") -> str | None:
    """ "THE PRESIDENT", "THE SECRETARY": the known U.S. holder of that office (these are
    U.S. government transcripts) whom the text names, else a U.S. holder of it the text
    names ("Secretary of Defense Lloyd J. Austin III"), else the known holder, else the
    person the text names with that title. In the Pentagon's transcripts (pentagon_transcript
    of `text`) the secretary is the secretary of defense, never the known secretary of
    state."""
    if not titles:
        return None
    named = {mt.canonical for mt in people.mentions}
    holders = _known_holders(people, titles)
    if titles == ["secretary"] and pentagon_transcript(text):
        holders = [h for h in holders if "state" not in people.known_roles[h].lower().split()]
    for name in holders:
        if name in named:
            return name
    in_text = _named_holder(people, titles)
    if in_text is not None:
        return in_text
    if holders:
        return holders[0]
    for mt in people.mentions:
        held = (people.roles.get(mt.canonical) or mt.role or "").lower().split()
        # the title itself, with at most a nation before it ("U.S. President")
        if held[-len(titles) :] == titles and len(held) - len(titles) <= 1:
            if len(held) == len(titles) or held[0] in _NATION_WORDS:
                return mt.canonical
    return None


def _known_holders(people: People, titles: list[str]) -> list[str]:
    """The known people whose role is the title, U.S. holders first."""
    wanted = " ".join(titles)
    us: list[str] = []
    others: list[str] = []
    for name, role in people.known_roles.items():
        low = role.lower() + " "
        if not low.startswith(wanted + " ") and f" {wanted} " not in f" {low}":
            continue
        if "vice" in low and "vice" not in titles:
            continue
        (us if any(m in low for m in _US_MARKERS) else others).append(name)
    return us + others


def _named_holder(people: People, titles: list[str]) -> str | None:
    """A person the text names with a U.S. department's title that holds the label's
    ("Secretary of Defense Lloyd J. Austin III" for THE SECRETARY); none of another nation
    ("Egyptian President")."""
    for mt in people.mentions:
        words = (people.roles.get(mt.canonical) or mt.role or "").lower().split()
        k = len(titles)
        if words[:k] == titles and words[k : k + 1] == ["of"] and words[k + 1 : k + 2]:
            if words[k + 1] in _US_DEPARTMENTS:
                return mt.canonical
    return None


# What a U.S. secretary is secretary of ("Secretary of Defense", "Secretary of Homeland
# Security"); a foreign president "of Egypt" is none of them.
_US_DEPARTMENTS = frozenset(
    """defense state homeland treasury energy commerce labor health transportation
    agriculture education veterans interior justice housing war""".split()
)


# The first letters ahead of each pattern let the engine skip most of a long text.
_PENTAGON_RE = re.compile(
    r"(?=[PDS])\b(?:Pentagon\b|Department\s+of\s+Defense\b|Defense\s+Department\b"
    r"|Secretary\s+of\s+Defense\b|Defense\s+Secretary\b)"
)
_STATE_DEPT_RE = re.compile(
    r"(?=[SD])\b(?:State\s+Department|Department\s+of\s+State|Secretary\s+of\s+State)\b"
)


@functools.lru_cache(maxsize=4)
def pentagon_transcript(text: str) -> bool:
    """Whether the transcript is the Pentagon's: it names the Pentagon or the Defense
    Department before (or without) the State Department."""
    dod = _PENTAGON_RE.search(text)
    state = _STATE_DEPT_RE.search(text)
    return dod is not None and (state is None or dod.start() < state.start())
