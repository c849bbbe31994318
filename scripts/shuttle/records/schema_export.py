"""`shuttle schema`: the JSON Schemas of the data files, written from schema.py."""

from __future__ import annotations

import functools
import json

from shuttle.paths import Paths
from shuttle.problems import Problem
from shuttle.records.fields import Record
from shuttle.records.schema import (
    ArticleFile,
    CasualtiesFile,
    PeopleFile,
    SourcesFile,
    TripsFile,
)
from shuttle.textio import current_digest, sha256_hex, write_atomic

# The files editors edit, by the name their JSON Schema is exported under.
FILE_MODELS: dict[str, type[Record]] = {
    "sources": SourcesFile,
    "people": PeopleFile,
    "trips": TripsFile,
    "article": ArticleFile,
    "casualties": CasualtiesFile,
}


def json_schemas() -> dict[str, str]:
    """The JSON Schema text of each file model, deterministic, keyed by file name."""
    return dict(_json_schemas())


@functools.cache  # the models are the code's: the same text for the life of the process
def _json_schemas() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, model in FILE_MODELS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{name}.schema.json"
        out[f"{name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out


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
