"""What a figure's words say happened, where the verb alone would mislead (figures.py asks).

Each rule is stated for reporting in general, not for one sentence:
- hostage_context: a count of people "who remain in Gaza" or "still held" is of hostages
  only where the sentence or the one before speaks of hostages or captivity.
- evacuated_measure: patients, the wounded and foreign nationals who are evacuated are
  evacuees (measure other), not displaced; a population evacuated from its homes is.
- detainees_exchanged: detainees that Israel releases are prisoners exchanged for
  hostages only where the sentence speaks of an exchange, a deal, a truce or hostages.
- population_label: a large count of people with no verb, placed somewhere ("around 1.4
  million people in Rafah"), is the population affected: measure other.
- unrealised: a release still to come is no figure: the count is the object of an
  infinitive ("agreed to release 33 hostages", "wants Hamas to free 40"), of a release
  sought ("calls for the release of 33"), or is "to be freed" (nothing has happened yet).
- share_of: a count that a share is taken of ("85 percent of Gaza's 2.3 million people
  have been forced from their homes") is the whole, not those it happened to: no figure.
- attack_toll: the dead and the abducted of Hamas's attack on Israel are counted as of
  7 October 2023 whatever the article's date, when the sentence ties the count to that
  attack ("the attack that killed", "killed in Hamas's attack", "killed by Hamas terrorist
  attacks ..., including").
"""

from __future__ import annotations

import functools
import re
from datetime import date

from .dates import OCT7

_HOSTAGE_WORD_RE = re.compile(r"(?i:hostage|captiv|abduct|kidnap)")


def hostage_context(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] (a sentence and the one before) speaks of hostages."""
    return _HOSTAGE_WORD_RE.search(text, lo, hi) is not None


# People evacuated for treatment or as foreigners leaving, not fleeing their homes.
_EVACUEES = frozenset(
    """patients patient wounded injured sick babies infants americans citizens nationals
    foreigners staff workers children""".split()
)


def evacuated_measure(noun: str | None, mods: str = "") -> str:
    """The verb class an evacuation gives the people a noun (and its modifiers) names:
    "280 patients", "600 wounded people", "400 Americans" evacuated are evacuees."""
    words = {w.lower() for w in (*mods.split(), noun or "")}
    return "other:evacuated" if words & _EVACUEES else "displaced"


_DETAINEES = frozenset("detainees detainee".split())
_EXCHANGE_RE = re.compile(
    r"(?i:exchange|swap|in\s+return|hostage|captive|truce|deal|cease-?fire|pause)"
)


def detainees_exchanged(noun: str | None, text: str, s0: int, s1: int) -> bool:
    """False for detainees released with no exchange in the sentence (measure other)."""
    if (noun or "").lower() not in _DETAINEES:
        return True
    return _EXCHANGE_RE.search(text, s0, s1) is not None


_POPULATION = frozenset(
    """people palestinians gazans residents civilians children israelis lebanese syrians
    refugees""".split()
)
_PLACE_RE = re.compile(
    r"[^\S\n]+(?:in|inside|across|of)[^\S\n]+(?:the[^\S\n]+)?"
    r"(?:(?:northern|southern|central|eastern|western|north|south)[^\S\n]+)?"
    r"(?P<place>[A-Z][\w-]*(?:[^\S\n]+[A-Z][\w-]+)*)"
)


def population_label(text: str, noun: str | None, noun_end: int, value: int) -> str | None:
    """ "people in Rafah" for a count of a population (a thousand or more) with no verb."""
    if value < 1000 or (noun or "").lower() not in _POPULATION:
        return None
    m = _PLACE_RE.match(text, noun_end)
    return None if m is None else f"{noun} in {m.group('place')}"


_ATTACK_WORD = r"(?:attacks?|assault|onslaught|rampage|massacre|incursion|raid)"
_TOLL_VERB = (
    r"(?:killed|killing|kills|murdered|slaughtered|massacred|died|dead|took|taken|seized"
    r"|abducted|kidnapped)"
)
# the attack, then its toll: "attack that killed more than", "attack, killing at least"
_ATTACK_THEN_RE = re.compile(
    rf"(?i:{_ATTACK_WORD}\b(?!,[^\S\n]*(?:has|have|had|is|are|was|were)\b)[^.;:!?]{{0,50}}?(?:\b{_TOLL_VERB}\b|\bincluding\b)[^.;:!?]{{0,40}})\Z"
)
# the toll, then its attack: "killed in Hamas's attack", "killed by Hamas terrorist attacks"
_THEN_ATTACK_RE = re.compile(
    rf"(?i:[^.;:!?]{{0,40}}?\b{_TOLL_VERB}\b[^\S\n]+(?:in|during|by|on)\b[^.;:!?,]{{0,40}}?"
    rf"\b{_ATTACK_WORD}\b)"
)
_HAMAS_RE = re.compile(r"Hamas|October[^\S\n]+7|Oct\.[^\S\n]+7|7[^\S\n]+October")


@functools.lru_cache(maxsize=16)
def _speaks_of_hamas(text: str, s0: int, s1: int) -> bool:
    """Asked once a sentence, not per figure: a long sentence stays linear."""
    return _HAMAS_RE.search(text, s0, s1) is not None


def attack_toll(
    text: str, s0: int, s1: int, q_start: int, noun_end: int, published: date | None
) -> bool:
    """Whether the count at text[q_start:noun_end] is the toll of the 7 October attack."""
    if published is not None and published < OCT7:
        return False
    if not _speaks_of_hamas(text, s0, s1):
        return False
    return (
        _ATTACK_THEN_RE.search(text, max(s0, q_start - 120), q_start) is not None
        or _THEN_ATTACK_RE.match(text, noun_end, s1) is not None
    )


_RELEASE = r"(?:release|free|rescue|return|exchange|swap|bring|evacuate)"
# "to release 33", "to help free 40", not "managed to free four" (that happened)
_TO_RELEASE_RE = re.compile(
    rf"(?<!managed )(?<!able )(?<!helped )(?<!succeeded )\bto[^\S\n]+(?:help[^\S\n]+)?"
    rf"{_RELEASE}\b[^\S\n]+(?:(?!of\b)[\w’'-]+[^\S\n]+){{0,2}}\Z",
    re.I,
)
# "calls for the release of 33", "to secure the release of": the release sought
_RELEASE_SOUGHT_RE = re.compile(
    r"\b(?:for|secure|seek|seeking|demand|demanding|negotiate|negotiating|win)[^\S\n]+"
    r"the[^\S\n]+(?:release|return|freedom|exchange|swap)[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?\Z",
    re.I,
)
_ENABLED_RE = re.compile(r"\b(?:allowed|enabled|permitted|managed|able|helped|succeeded)\b", re.I)
_TO_BE_FREED_RE = re.compile(
    r"[^.;:!?]{0,40}?\b(?:to|will|would|could|should|shall|may|might)[^\S\n]+be[^\S\n]+"
    r"(?:released|freed|exchanged|returned|swapped|evacuated)\b",
    re.I,
)


def unrealised(text: str, lo: int, q_start: int, end: int, hi: int) -> bool:
    """Whether the count at text[q_start:end] is of a release still to come."""
    head = max(lo, q_start - 60)
    to = _TO_RELEASE_RE.search(text, head, q_start)
    if to is not None and _ENABLED_RE.search(text, max(lo, to.start() - 40), to.start()):
        to = None  # "the truce allowed Hamas to release 105 hostages": it happened
    return (
        to is not None
        or _RELEASE_SOUGHT_RE.search(text, head, q_start) is not None
        or _TO_BE_FREED_RE.match(text, end, hi) is not None
    )


_SHARE_OF_RE = re.compile(
    r"(?i:percent|per[^\S\n]+cent|%|half|third|thirds|quarter|quarters|most|majority|much)"
    r"[^\S\n]+of[^\S\n]+(?:the[^\S\n]+|[A-Z][\w’'.-]*[^\S\n]+)?\Z"
)


def share_of(text: str, lo: int, q_start: int) -> bool:
    """Whether the count at q_start is the whole a share is taken of."""
    return _SHARE_OF_RE.search(text, max(lo, q_start - 40), q_start) is not None
