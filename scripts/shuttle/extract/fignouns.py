"""The words around a number, for figures.py: the nouns a count may count (people; things,
which are read so as to be set aside), what after a number makes it no count (a duration,
an age, a date's day), where a clause ends, and a modal that makes a count a plan."""

from __future__ import annotations

import re

from shuttle.text.numbers import NumberMention
from shuttle.text.segments import WS, word_start, word_trie

PEOPLE = (
    "people persons person individuals palestinians palestinian israelis israeli civilians "
    "civilian children child kids minors babies infants women men girls boys residents "
    "hostages hostage captives captive prisoners prisoner detainees detainee militants "
    "militant fighters fighter gunmen terrorists soldiers soldier troops reservists officers "
    "journalists journalist reporters photographers workers staff employees staffers "
    "doctors medics paramedics nurses patients refugees americans citizens nationals "
    "foreigners others victims gazans lebanese syrians families students teachers "
    "worshippers members volunteers protesters demonstrators settlers suspects pilgrims "
    "mourners relatives babies toddlers teenagers elderly operatives combatants insurgents "
    "attackers assailants bodies corpses britons thais germans canadians nepalese filipinos "
    "russians ukrainians egyptians jordanians iranians yemenis iraqis lebanese personnel "
    "servicemembers sailors marines airmen peacekeepers policemen guards colleagues crew"
).split()

# The dead counted by their bodies: "rescuers recovered 15 bodies".
BODY_NOUNS = frozenset("bodies corpses".split())

THINGS = (
    "trucks truck lorries missiles missile rockets rocket drones drone projectiles mortars "
    "shells bombs munitions airstrikes strikes tons tonnes meals parcels pallets airdrops "
    "targets tunnels sorties interceptors launchers aircraft warplanes airplanes airplane "
    "planes vessels tankers ships boats countries nations attacks"
).split()

# Factored by prefix (and in both cases) so that a failed match fails fast.
_NOUN_ALT = word_trie(sorted({w for n in PEOPLE + THINGS for w in (n, n.capitalize())}))

NOUN_RE = re.compile(
    rf"""(?:[^\S\n]+or[^\S\n]+(?:so|more)(?=[^\S\n]))?  # "the 100 or so hostages"
        (?:[^\S\n]+of[^\S\n]+(?:its|their|the|his|her|those|our)[^\S\n]+
          |(?P<mods>(?:[^\S\n]+(?!(?:and|or|of|in|on|at|to|for|from|with|by|were|was|are
            |is|have|has|had|who|which|that|a|an|the)\b)[A-Za-z][\w’'.-]*){{0,3}}?)[^\S\n]+)
        (?P<noun>{_NOUN_ALT})(?![\w’'-])""",
    re.X,
)

NEXT_NOUN_RE = re.compile(rf"[^\S\n]+(?P<noun>{_NOUN_ALT})(?![\w’'-])")

ELIDED_RE = re.compile(
    r"[^\S\n]+(?:(?:more|others?)[^\S\n]+)?(?:(?:have|has|had|were|was|are|is)[^\S\n]+)?"
    r"(?:(?:been|also|reportedly|still)"
    r"[^\S\n]+)*(?P<verb>killed|injured|wounded|dead|displaced|released|freed|detained|arrested"
    r"|missing|kidnapped|abducted)\b"
)

# "killing 1,200 people and abducting 253, according to …": a bare count after its verb
BARE_AFTER_VERB_RE = re.compile(r"[^\S\n]*(?:[,.;:)]|\Z|[^\S\n]+(?:others?|more|in|on|at|and)\b)")

NOT_COUNT_AFTER_RE = re.compile(
    r"(?:[^\S\n]+and[^\S\n]+a[^\S\n]+(?:half|quarter))?[^\S\n]+(?:[\w-]+[^\S\n]+)?"
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|nights?"
    r"|times|percent|per[^\S\n]?cent|km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|acres"
    r"|dollars|euros|pounds|shekels|points?|am|pm|a\.m\.|p\.m\.|GMT)\b",
    re.I,
)

_AGE_AFTER_RE = re.compile(r"[^\S\n]*-?years?-old|[^\S\n]+years?[^\S\n]+old")

# A clause ends at a stop or at a dash after a space (the match starts at that space):
# "[;.!?]|[^\S\n][—–]", written to start with one class (of the stops and the spaces but
# the newline), so that a search skips the text between fast.
_CLAUSE_END_RE = re.compile(f"[;.!?{WS.replace(chr(92) + 'n', '')}](?:(?<=[;.!?])|[—–])")

THING_SET = frozenset(THINGS)

HOSTAGE_NOUNS = frozenset("hostages hostage captives captive".split())

PRISONER_NOUNS = frozenset("prisoners prisoner detainees detainee palestinians".split())

_MONTH_BEFORE_RE = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[^\S\n]+\Z"
)


def not_a_count(text: str, n: NumberMention, s0: int) -> bool:
    """An age ("Emad, 55,"), "a father of six", "No. 1", or the day of a date ("Oct. 7")."""
    head = text[max(s0, n.start - 12) : n.start]
    if head.endswith((", ", ",")) and text[n.end : n.end + 1] == ",":
        return True
    words = head.split()
    last = words[-1].lower() if words else ""
    if last in ("aged", "age", "no.", "no", "#"):
        return True
    if last == "of" and len(words) > 1 and words[-2].lower() in ("father", "mother", "parent"):
        return True
    if _AGE_AFTER_RE.match(text, n.end) and text[n.end : n.end + 1] != ",":
        return True
    return _MONTH_BEFORE_RE.search(head) is not None


def clause_end(text: str, pos: int, hi: int) -> int:
    """Where the clause at `pos` ends; a dash aside ("– half the population –") is skipped."""
    while True:
        m = _CLAUSE_END_RE.search(text, pos, hi)
        if m is None:
            return hi
        if text[m.end() - 1] in "—–":
            close = _CLAUSE_END_RE.search(text, m.end(), min(hi, m.end() + 60))
            if close is not None and text[close.end() - 1] == text[m.end() - 1]:
                pos = close.end()
                continue
        return m.start()


# A modal before a number in its clause: the number is of a plan or a hypothesis.
MODAL_RE = re.compile(
    word_start("would could will shall should may might ’d 'd".split())
    + r"(?![\w’'-])(?![^\S\n]+(?:not[^\S\n]+)?have\b)"
)

# Where a clause starts: a mark, or a word that opens a clause of its own ("will not give
# in after troops rescued four hostages": the modal is another clause's).
_CLAUSE_MARK_RE = re.compile(r"[,;:—–(]|\b(?:after|when|because|since|while|following)\b")


def hypothetical(text: str, lo: int, q_start: int) -> bool:
    """A modal ("would", "will", "could") rules the number's clause: "would see Hamas release
    33 hostages". "may have been killed" is a figure (an uncertain count, not a plan)."""
    start = lo
    for m in _CLAUSE_MARK_RE.finditer(text, lo, q_start):
        start = m.end()
    return MODAL_RE.search(text, start, q_start) is not None
