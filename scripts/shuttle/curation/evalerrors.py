"""A rough classifier of figure mistakes, so that `shuttle eval` can count them by kind
before and after a change. Rough on purpose: it reads the few words around the number,
not the sentence's grammar, and a mistake gets the first class that fits, in the order of
CLASSES.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

CLASSES = (
    "wrong measure",  # found in the right sentence with the right value, other measure
    "wrong as-of date",  # matched, but dated otherwise than the gold
    "counted in another sentence",  # right value and measure, but a restatement's number
    "missed: held/remaining hostages",
    "missed: count inside a quote or a population",
    "missed: list item sharing a verb",
    "missed: number word, verb far",
    "missed: other",
    "extra: not people (things counted)",
    "extra: other",
)

_HELD_RE = re.compile(r"\b(?:held|remain\w*|unaccounted|still|not yet free|captiv\w+)\b", re.I)
_THINGS_RE = re.compile(
    r"[^\S\n]+(?:[\w’'-]+[^\S\n]+){0,2}?(?:targets?|missiles?|rockets?|drones?|attacks?|"
    r"strikes?|airstrikes?|trucks?|lorries|aircraft|airplanes?|planes?|tons?|tonnes?|"
    r"countries|nations|dollars|paragraphs?|ships?|sorties|tunnels?|meals)\b",
    re.I,
)
_LIST_GAP_RE = re.compile(r"\A[^.;:\d]{0,60}(?:,|\band\b)[^\S\n]*(?:[a-z]+[^\S\n]+){0,2}\Z")
_NUMBER_RE = re.compile(r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b")


def _inside_quote(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    head = text[line_start:pos]
    opens = head.count("“") + head.count('"')
    closes = head.count("”")
    return (opens - closes) % 2 == 1 if "“" in head or '"' in head else False


def _at(text: str, g: dict[str, Any]) -> int:
    """Where a gold figure's number stands: in its sentence, else -1."""
    sentence = g.get("sentence")
    written = str(g.get("text") or "")
    if not isinstance(sentence, str) or not written:
        return -1
    s0 = text.find(sentence)
    at = sentence.find(written)
    return -1 if s0 < 0 or at < 0 else s0 + at


def _missed(text: str, g: dict[str, Any]) -> str:
    label = str(g.get("label") or "")
    pos = _at(text, g)
    if g["measure"] == "hostages_held" or _HELD_RE.search(label):
        return "missed: held/remaining hostages"
    if pos >= 0 and _inside_quote(text, pos) or "population" in label:
        return "missed: count inside a quote or a population"
    if pos >= 0:
        sentence = str(g["sentence"])
        head = text[text.find(sentence) : pos]
        numbers = list(_NUMBER_RE.finditer(head))
        if numbers and _LIST_GAP_RE.match(head[numbers[-1].end() :]):
            return "missed: list item sharing a verb"
    if str(g.get("text") or "")[:1].isalpha():
        return "missed: number word, verb far"
    return "missed: other"


def classify_figures(
    text: str,
    pairs: Sequence[tuple[dict[str, Any], Any]],
    missed: Sequence[dict[str, Any]],
    extra: Sequence[Any],
    published: date | None,
) -> list[str]:
    """One class name per figure mistake of an article."""
    out: list[str] = []
    for g, f in pairs:
        want = g.get("as_of") or published
        if isinstance(want, date) and want != f.as_of:
            out.append("wrong as-of date")
    extra = list(extra)
    for g in missed:
        pos = _at(text, g)
        value = int(g["value"])
        twin = next((f for f in extra if f.value == value and f.start == pos), None)
        elsewhere = next((f for f in extra if f.value == value and f.measure == g["measure"]), None)
        if twin is not None:
            extra.remove(twin)
            out.append("wrong measure")
        elif elsewhere is not None:
            extra.remove(elsewhere)
            out.append("counted in another sentence")
        else:
            out.append(_missed(text, g))
    for f in extra:
        if _THINGS_RE.match(text, f.end):
            out.append("extra: not people (things counted)")
        else:
            out.append("extra: other")
    return out
