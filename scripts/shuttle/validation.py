"""Pydantic's validation errors as Problems: a code, the line of the field, a plain
message (a value cut and escaped, a mistyped choice with the closest ones suggested)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from pydantic import ValidationError

from shuttle import yamlio
from shuttle.problems import Problem, did_you_mean
from shuttle.problems import shown as shown_value
from shuttle.schema import OUT_OF_RANGE

_OPTION = re.compile(r"'([^']*)'")  # the choices in pydantic's "Input should be 'a' or 'b'"


def validation_problems(
    error: ValidationError, data: Any, shown: str, prefix: Sequence[str | int] = ()
) -> list[Problem]:
    """Pydantic's errors as Problems: a code, the line of the field, a plain message."""
    problems = []
    for err in error.errors():
        loc = (*prefix, *err["loc"])
        where = ".".join(str(x) for x in loc) or "file"
        line = yamlio.locate(data, loc)
        kind = err["type"]
        if kind == "extra_forbidden":
            problems.append(Problem.of("E101", shown, line, f"unknown field {where!r}"))
        elif kind == "missing":
            problems.append(Problem.of("E103", shown, line, f"missing field {where!r}"))
        elif "not a real date" in err["msg"] or kind.startswith("date"):
            got = err.get("input")
            what = f"{shown_value(got)} is not a real date"
            problems.append(Problem.of("E104", shown, line, f"{where}: {what}"))
        elif OUT_OF_RANGE in err["msg"]:
            value = err.get("input")
            got = str(value) if isinstance(value, date) else shown_value(value)
            msg = err["msg"].removeprefix("Value error, ").removeprefix(OUT_OF_RANGE)
            problems.append(Problem.of("E105", shown, line, f"{where}: {got} {msg}"))
        else:
            got = err.get("input")
            plain_input = not isinstance(got, dict | list)
            shown_input = shown_value(got) if plain_input else type(got).__name__
            msg = err["msg"].removeprefix("Value error, ")
            hint = ""
            if kind == "literal_error" and isinstance(got, str):
                hint = did_you_mean(got, _OPTION.findall(str(err.get("ctx", {}).get("expected"))))
            what = f"{where}: {msg} (got {shown_input}){hint}"
            problems.append(Problem.of("E102", shown, line, what))
    return problems
