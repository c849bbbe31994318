"""Who was counted, in a reader's words: "people killed in southern Israel", not the
data's field values ("killed, people")."""

from __future__ import annotations

import re

from shuttle.records.schema import Figure

# What happened to those counted, after who they were: "Palestinians killed".
_DONE = {
    "killed": "killed",
    "injured": "injured",
    "hostages_taken": "taken hostage",
    "hostages_released": "freed",
    "hostages_held": "still held hostage",
    "prisoners_released": "released by Israel",
    "displaced": "displaced",
}
# Who, when the data says nothing more telling than these words.
_WHO = {
    "killed": "people",
    "injured": "people",
    "hostages_taken": "people",
    "hostages_released": "hostages",
    "hostages_held": "hostages",
    "prisoners_released": "Palestinian prisoners and detainees",
    "displaced": "people",
}
_VAGUE = {"people", "others", "persons", "individuals", "(not given)"}
# "people in southern Israel": the place goes after what happened to them.
_PLACE = re.compile(r"\s+(?=(?:in|at|from|on|inside|across)\s)")


def counted(figure: Figure) -> str:
    """The figure's noun phrase: "people killed in southern Israel", "hostages freed",
    "detainees released by Israel"; for measure `other`, the editor's label."""
    if figure.measure == "other" or figure.measure not in _DONE:
        return figure.label or figure.subject or "other"
    subject = (figure.subject or "").strip()
    parts = _PLACE.split(subject, maxsplit=1)
    who, where = parts[0], (parts[1] if len(parts) > 1 else "")
    if not who or who.lower() in _VAGUE:
        who = _WHO[figure.measure]
    if figure.measure.startswith("hostages") and "hostage" in who.lower():
        who = "hostages" if figure.measure != "hostages_taken" else "people"
    phrase = f"{who} {_DONE[figure.measure]}"
    return f"{phrase} {where}" if where else phrase
