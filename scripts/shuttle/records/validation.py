"""Pydantic's validation errors as Problems: a code, the line of the field, a plain
message (a value cut and escaped, a mistyped choice with the closest ones suggested)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from shuttle import yamlio
from shuttle.problems import Problem, did_you_mean
from shuttle.problems import shown as shown_value
from shuttle.records.fields import OUT_OF_RANGE

_OPTION = re.compile(r"'([^']*)'")  # the choices in pydantic's "Input should be 'a' or 'b'"


def validation_problems(
    error: ValidationError,
    data: Any,
    shown: str,
    prefix: Sequence[str | int] = (),
    model: type[BaseModel] | None = None,
) -> list[Problem]:
    """Pydantic's errors as Problems: a code, the line of the field, a plain message.
    `model`: the model validated, whose field names are suggested for a misspelt one."""
    problems = []
    for err in error.errors():
        loc = (*prefix, *err["loc"])
        where = ".".join(str(x) for x in loc) or "file"
        line = yamlio.locate(data, loc)
        kind = err["type"]
        if kind == "extra_forbidden":
            hint = ""
            if model is not None and err["loc"] and isinstance(err["loc"][-1], str):
                hint = did_you_mean(err["loc"][-1], _field_names(model, err["loc"][:-1]))
            problems.append(Problem.of("E101", shown, line, f"unknown field {where!r}{hint}"))
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


def _field_names(model: type[BaseModel], path: Sequence[str | int]) -> list[str]:
    """The fields of the record at `path` (list indexes skipped) inside `model`."""
    current: type[BaseModel] | None = model
    for step in path:
        if current is None:
            return []
        if isinstance(step, str):
            field = current.model_fields.get(step)
            current = _model_in(field.annotation) if field is not None else None
    return list(current.model_fields) if current is not None else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, itself or in a list or an optional."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for inner in get_args(annotation):
        found = _model_in(inner)
        if found is not None:
            return found
    return None
