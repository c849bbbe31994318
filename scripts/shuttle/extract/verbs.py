"""What happened to the people a number counts: the verbs that say it, by class ("killed",
"taken", "other:detained"), the measure a class gives a noun, and the verb read right
before a number or after its noun in the same clause."""

from __future__ import annotations

import re

from shuttle.records.fields import Measure

_WORD_RE = re.compile(r"[A-Za-z][\w’'-]*")

_KILLED = frozenset(
    "killed kill kills killing dead died die dies deaths death slain fatalities lives "
    "martyred perished murdered murdering murder executed slaughtered massacred".split()
)
_INJURED = frozenset("injured injuring injuries wounded wounding hurt injure wounds".split())
_TAKEN = frozenset(
    "kidnapped kidnapping kidnap abducted abducting abduct captured capturing seized "
    "seizing took taken taking".split()
)
_RELEASED = frozenset(
    "released releasing release freed freeing free rescued rescuing returned returning "
    "swapped exchanged reunited".split()
)
_HELD = frozenset("held holding holds remain remaining remains captivity still".split())
_DISPLACED = frozenset(
    "displaced displacing fled fleeing flee uprooted homeless displacement forced "
    "driven".split()  # "forced from their homes", "driven out"
)
# "evacuated" is its own class: patients or foreigners evacuated are not displaced (the
# figure decides by the noun, figures.py).
_EVACUATED = frozenset("evacuated evacuating".split())
# Words that say people are held captive whatever the noun ("held hostage", "in captivity").
_CAPTIVE = frozenset("captivity hostage captive".split())
# "as hostages" after the people counted: they were taken ("dragged 250 people back as
# hostages"), whatever the verb that moved them.
_TAKEN_AS = frozenset("hostage hostages captive captives".split())
_NEGATIONS = frozenset("not never".split())
_HOMECOMING = frozenset("come came coming comes bring brought bringing return returned go".split())
_HOMECOMING_PAST = frozenset("came brought returned".split())
_OTHER = {
    "detained": "detained", "detaining": "detained", "arrested": "detained",
    "arresting": "detained", "apprehended": "detained", "missing": "missing",
    "part": "took part", "participated": "took part", "sheltering": "sheltering",
    "home": "sheltering", "trapped": "trapped", "starving": "starving",
    "hunger": "facing hunger", "famine": "facing famine", "starvation": "facing starvation",
    "buried": "buried under rubble", "unaccounted": "unaccounted for",
}  # fmt: skip
_ORDERED_TO = frozenset("move leave evacuate".split())  # "told 1.1 million people to move south"
_PASSIVE = frozenset("was were been be being is are got".split())
# Verbs whose subject acts: the people a number counts before them are the actors, and a
# verb further on is what they did to others ("two gunmen opened fire, killing three").
_AGENT_VERBS = frozenset(
    """opened fired attacked stormed launched struck shot stabbed rammed detonated
    infiltrated raided crossed ambushed""".split()
)
# Nouns of an event that counts people: "resulted in the deaths of 1,199 people".
_EVENT_NOUNS = {
    "deaths": "killed", "death": "killed", "killing": "killed", "killings": "killed",
    "release": "released", "releases": "released", "abduction": "taken",
    "abductions": "taken", "kidnapping": "taken", "displacement": "displaced",
    "return": "returned", "rescue": "released", "bodies": "killed", "remains": "killed",
    "exchange": "released", "swap": "released",
}  # fmt: skip
_HOSTAGE_NOUNS = frozenset("hostages hostage captives captive".split())
_PRISONER_NOUNS = frozenset("prisoners prisoner detainees detainee palestinians".split())

# Each verb's class, the first list that holds it winning (one lookup per word).
_VERB_CLASS: dict[str, str] = {w: "other:" + what for w, what in _OTHER.items()}
for _cls, _verbs in (
    ("evacuated", _EVACUATED),
    ("held", _HELD),
    ("displaced", _DISPLACED),
    ("released", _RELEASED),
    ("taken", _TAKEN),
    ("injured", _INJURED),
    ("killed", _KILLED),
):
    _VERB_CLASS.update(dict.fromkeys(_verbs, _cls))


def verb_class(word: str) -> str | None:
    return _VERB_CLASS.get(word.lower())


# Every word `class_after` acts on: an agent's verb, "move" (after "to"), "take" (before
# "part"), or a verb with a class.
_AFTER_WORDS = (
    _AGENT_VERBS
    | _ORDERED_TO
    | frozenset(("took", "taking", "take", "takes"))
    | set(_VERB_CLASS)
    | _CAPTIVE
    | _TAKEN_AS
)
_AUX = frozenset("were was are is have has had been be".split())
# Participles that describe captives ("citizens held by Hamas", "hostages abducted on …")
_PARTICIPLES = frozenset("held taken abducted kidnapped seized captured".split())


def measure_of(verb: str, noun: str | None) -> Measure | None:
    """The measure a verb class gives the people a noun names ("released" prisoners)."""
    n = (noun or "").lower()
    if verb == "killed":
        return "killed"
    if verb == "injured":
        return "injured"
    if verb == "displaced":
        return "displaced"
    if verb == "taken":
        return "hostages_taken"
    if verb == "released":
        return "prisoners_released" if n in _PRISONER_NOUNS else "hostages_released"
    if verb == "held":
        return "hostages_held" if n in _HOSTAGE_NOUNS else None
    if verb == "captive":  # prisoners a state holds are not hostages
        return None if n in _PRISONER_NOUNS else "hostages_held"
    if verb == "returned":  # "the return of 17 hostages"; other people return home
        return "hostages_released" if n in _HOSTAGE_NOUNS else None
    if verb == "evacuated":
        return "displaced"
    return None


def class_after(text: str, start: int, stop: int) -> str | None:
    """The class of the first verb in text[start:stop] (after a number's noun, in its
    clause); None when the counted people act ("two gunmen opened fire, killing three")."""
    words = _WORD_RE.findall(text, start, stop)
    other: str | None = None
    for i, w in enumerate(words):
        wl = w.lower()
        if wl not in _AFTER_WORDS:
            continue  # most words: none of the rules below reads them
        if (
            wl in _AGENT_VERBS
            and other is None
            and (i == 0 or words[i - 1].lower() not in _PASSIVE)
        ):
            return None  # the counted people act: what follows happened to others
        if wl in _ORDERED_TO and i > 0 and words[i - 1].lower() == "to":
            other = other or "other:ordered to leave"
            continue
        if wl == "home" and i > 0 and words[i - 1].lower() in _HOMECOMING:
            # "have come home", "were brought home": freed; "must come home": not yet
            past = words[i - 1].lower() in _HOMECOMING_PAST or (
                i > 1 and words[i - 2].lower() in ("have", "has", "had")
            )
            if past:
                return "released"
            continue
        if wl in ("took", "taking", "take", "takes") and i + 1 < len(words):
            if words[i + 1].lower() == "part":
                other = other or "other:took part"
                continue
        if wl in _TAKEN_AS and i > 0 and words[i - 1].lower() == "as" and other is None:
            return "taken"
        if wl in _CAPTIVE:
            if wl == "captivity" or (i > 0 and words[i - 1].lower() in ("held", "being")):
                return "captive"  # "remain in captivity", "held hostage"
            continue
        cls = _VERB_CLASS.get(wl)
        if cls is None:
            continue
        if cls.startswith("other:"):
            other = other or cls
            continue
        if cls == "held" and wl in ("still", "remain", "remains") and i + 1 < len(words):
            if verb_class(words[i + 1]) not in (None, "held") or words[i + 1].lower() in (
                "not",
                "yet",
            ):
                continue  # "remain trapped", "still not free": the next words decide
        if cls == "held" and i + 1 < len(words) and words[i + 1].lower() in _CAPTIVE:
            return "captive"
        if cls == "released" and _negated(words, i):
            return "captive"  # "are not yet free", "have not been released": still held
        if wl in _PARTICIPLES and (i == 0 or words[i - 1].lower() not in _AUX):
            main = _main_verb(words, i + 1)
            if main is not None:
                return main
        return cls
    return other


def _negated(words: list[str], i: int) -> bool:
    """ "not yet free", "have not been released", "never freed"."""
    before = [w.lower() for w in words[max(0, i - 3) : i]]
    return any(w in _NEGATIONS for w in before)


def _main_verb(words: list[str], start: int) -> str | None:
    """After a participle that describes the people ("two citizens held by Hamas since
    October 7th were released", "hostages abducted in the attack have been freed"), the
    clause's own verb: an auxiliary then a release or a killing. None if there is none."""
    for j in range(start, len(words) - 1):
        if words[j].lower() not in _AUX:
            continue
        k = j + 1
        while k < len(words) and words[k].lower() in ("been", "also", "later", "finally", "now"):
            k += 1
        cls = _VERB_CLASS.get(words[k].lower()) if k < len(words) else None
        if cls in ("released", "killed"):
            return cls
    return None


def class_before(text: str, lo: int, q_start: int) -> str | None:
    """The class of the word right before a number ("killing at least 11 people")."""
    words = _WORD_RE.findall(text, max(lo, q_start - 40), q_start)
    if not words or "," in text[text.rfind(words[-1], lo, q_start) : q_start]:
        return None  # "Of the 120 people seized, 70 remain": the verb is another clause's
    last = words[-1].lower()
    if last in ("to",) and len(words) >= 2 and words[-2].lower() == "home":
        return "other:sheltering"
    if last == "of" and len(words) >= 2 and words[-2].lower() in _EVENT_NOUNS:
        return _EVENT_NOUNS[words[-2].lower()]  # "the deaths of 1,199 people"
    if last == "took" or last == "taking":
        return "taken"
    if last in ("holding", "holds", "held"):
        return "captive"  # "Hamas is holding eight Americans": its captives
    if last == "lost":
        return "killed"  # "the army has lost more than 300 soldiers"
    if last == "for" and len(words) >= 2 and words[-2].lower() in ("exchange", "return"):
        return "released"  # "in exchange for 10 hostages": the other side of a swap
    if last == "off" and len(words) >= 2 and words[-2].lower() in ("cut", "cutting", "cuts"):
        return "other:cut off"  # "cutting off 2.2 million Palestinians from food"
    cls = verb_class(last)
    if cls == "held" and last in ("still", "remain", "remaining", "remains"):
        return None
    return cls


# The classes that make a measure of their own (not "held", not "other:…").
MEASURE_CLASSES = ("killed", "injured", "taken", "released", "displaced", "evacuated")
