"""What a definite description refers to: "the prime minister", "Washington’s top
diplomat", "his Egyptian counterpart" name the most recent person whose role fits (by the
role's head word, its modifiers, its country); the U.S. secretary of state, described
before his name, is the traveller. For phrases.py.
"""

from __future__ import annotations

from .context import Ctx, Who
from .lexicon import NATIONALITIES, TRAVELLER_SURNAME

_GENERIC_HEADS = frozenset("official leader diplomat".split())
_ROLE_SYNONYMS = {
    "diplomat": ("secretary of state", "foreign minister", "diplomat", "secretary"),
    "spokesman": ("spokesman", "spokeswoman", "spokesperson"),
    "spokeswoman": ("spokesman", "spokeswoman", "spokesperson"),
    "spokesperson": ("spokesman", "spokeswoman", "spokesperson"),
    "secretary": ("secretary",),
    "premier": ("prime minister", "premier"),
}
_ROLE_MODIFIERS = frozenset("prime foreign defense defence interior deputy vice state".split())
_US_WORDS = ("u.s.", "us ", "united states", "american", "washington", "america")


def describe(ctx: Ctx, words: list[str], pos: int, det: str | None) -> Who | None:
    """A definite description ("the prime minister", "Washington’s top diplomat") refers to
    the most recent person whose role fits it."""
    place = None
    if words and words[0].endswith(("’s", "'s")) and words[0][:1].isupper():
        place = words[0][:-2].lower()
        words = words[1:]
    lowered = [w.lower().strip(",") for w in words]
    if not lowered:
        return None
    if lowered[-3:] == ["secretary", "of", "state"]:
        lowered = [*lowered[:-3], "state", "secretary"]  # the role, its head last
    head = lowered[-1]
    modifiers = [w for w in lowered[:-1] if w in _ROLE_MODIFIERS]
    nations = {_NATION.get(w, w) for w in lowered[:-1] if w in NATIONALITIES}
    wanted = _ROLE_SYNONYMS.get(head, (head,))
    generic = head in _GENERIC_HEADS
    lo = max(0, pos - 6000)
    recent: str | None = None
    for mt in ctx.people.before(pos, lo):
        # the curated role, when the text gives none ("Netanyahu" is the prime minister)
        known = ctx.people.known_roles.get(mt.canonical)
        role = (ctx.people.roles.get(mt.canonical) or mt.role or known or "").lower()
        if recent is None:
            recent = mt.canonical
        if not role:
            continue
        if place is not None and not _place_fits(place, role):
            continue
        role_nations = _nations(role)
        if nations and role_nations and not role_nations & nations:
            continue  # "the Egyptian minister" is not Israel's prime minister
        fits = any(w in role for w in wanted) or (
            "counterpart" in role  # "his Egyptian counterpart": a minister of that country
            and head in _COUNTERPART
            and (not nations or bool(role_nations & nations))
        )
        if fits and all(m in role for m in modifiers):
            return Who(mt.canonical)
    if head in ("secretary", "diplomat") and (
        place in _US_PLACES or nations & {"american"} or "state" in lowered or "top" in lowered
    ):
        # the U.S. secretary of state, described before or without his name: the traveller
        traveller = _traveller(ctx)
        if traveller is not None:
            return Who(traveller)
    if generic and recent is not None and place is None:
        return Who(recent)
    return None


_COUNTERPART = frozenset("minister secretary diplomat premier".split())
_US_PLACES = frozenset({"washington", "america", "u.s", "us", "united states"})
_NATION = {"u.s.": "american", "us": "american", "usa": "american", "u.s": "american"}


def _nations(role: str) -> set[str]:
    return {
        _NATION.get(w, w)
        for w in role.replace("’s", " ").replace("'s", " ").split()
        if w in NATIONALITIES
    }


def _traveller(ctx: Ctx) -> str | None:
    for mt in ctx.people.mentions:
        if TRAVELLER_SURNAME in mt.canonical:
            return mt.canonical
    return None


def _place_fits(place: str, role: str) -> bool:
    if place in ("washington", "america", "u.s", "us", "united states"):
        return any(w in role + " " for w in _US_WORDS)
    return place[:5] in role
