"""`shuttle schema`: the JSON Schemas of the data files, written from schema.py."""

from __future__ import annotations

from shuttle.paths import Paths
from shuttle.problems import Problem
from shuttle.records.schema import json_schemas
from shuttle.textio import current_digest, sha256_hex, write_atomic


def export(paths: Paths) -> list[str]:
    written = []
    for name, text in json_schemas().items():
        target = paths.schemas / name
        # the digest of the file as read here is the one the write insists on: a save in
        # between (an editor's, another run's) is refused (E401), never overwritten
        before = current_digest(target)
        if before == sha256_hex(text.encode("utf-8")):
            continue
        shown = paths.relative(target)
        write_atomic(target, text, shown, expected=before)
        written.append(shown)
    return written


def drift(paths: Paths) -> list[Problem]:
    """A Problem for every exported schema that no longer matches schema.py."""
    problems = []
    for name, text in json_schemas().items():
        target = paths.schemas / name
        if current_digest(target) != sha256_hex(text.encode("utf-8")):
            problems.append(
                Problem.of(
                    "E102",
                    paths.relative(target),
                    None,
                    "out of date with schema.py; run `shuttle schema`",
                )
            )
    return problems
