"""schema_export: the JSON Schemas editors' tools use are written from schema.py, and a
check fails when the files in docs/schema/ drifted from it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

from conftest import REPO, run_shuttle
from shuttle import yamlio
from shuttle.paths import Paths
from shuttle.problems import ProblemError
from shuttle.records import schema_export
from shuttle.records.schema import ArticleFile
from shuttle.records.schema_export import FILE_MODELS, json_schemas


def test_the_committed_schemas_are_those_of_schema_py() -> None:
    assert schema_export.drift(Paths(REPO)) == []


def test_export_writes_every_schema_once(project: Path) -> None:
    paths = Paths(project)
    for path in paths.schemas.glob("*.json"):
        path.unlink()
    written = schema_export.export(paths)
    assert sorted(written) == sorted(f"docs/schema/{name}" for name in json_schemas())
    for name, text in json_schemas().items():
        assert (paths.schemas / name).read_text(encoding="utf-8") == text
        json.loads(text)
    assert schema_export.export(paths) == []  # nothing changed: nothing written


def test_a_save_between_the_read_and_the_write_is_kept(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The digest the write insists on is the one of the file as export read it: a save
    after that read (an editor's, another run's) is E401 and stays."""
    paths = Paths(project)
    target = paths.schemas / "people.schema.json"
    target.write_text("{}\n", encoding="utf-8")
    real = schema_export.sha256_hex
    people = json_schemas()["people.schema.json"].encode("utf-8")

    def compared_while_an_editor_saves(data: bytes) -> str:
        if data == people:  # export has read people.schema.json, and compares
            target.write_text('{"saved": true}\n', encoding="utf-8")
        return real(data)

    monkeypatch.setattr(schema_export, "sha256_hex", compared_while_an_editor_saves)
    with pytest.raises(ProblemError) as raised:
        schema_export.export(paths)
    assert [(p.code, p.file) for p in raised.value.problems] == [
        ("E401", "docs/schema/people.schema.json")
    ]
    assert target.read_text(encoding="utf-8") == '{"saved": true}\n'


def test_a_hand_edited_or_missing_schema_is_drift(project: Path) -> None:
    paths = Paths(project)
    people = paths.schemas / "people.schema.json"
    people.write_text(people.read_text(encoding="utf-8").replace('"id"', '"ident"', 1))
    (paths.schemas / "trips.schema.json").unlink()
    assert sorted((p.code, p.file) for p in schema_export.drift(paths)) == [
        ("E102", "docs/schema/people.schema.json"),
        ("E102", "docs/schema/trips.schema.json"),
    ]
    result = run_shuttle(project, "schema", "--check")
    assert result.status == 1 and "docs/schema/people.schema.json: E102" in result.stderr
    assert run_shuttle(project, "schema").status == 0
    assert run_shuttle(project, "schema", "--check").status == 0


def test_vscode_maps_every_data_file_to_its_schema() -> None:
    settings = (REPO / ".vscode" / "settings.json").read_text(encoding="utf-8")
    for name in json_schemas():
        assert f"docs/schema/{name}" in settings, name


def test_json_schemas_are_deterministic_and_named_after_their_file() -> None:
    first, second = json_schemas(), json_schemas()
    assert first == second
    assert set(first) == {f"{name}.schema.json" for name in FILE_MODELS}
    for name, text in first.items():
        schema = json.loads(text)
        assert schema["$id"] == name and schema["$schema"].endswith("2020-12/schema")
        assert text.endswith("\n")


def _as_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("sources", "seeds/sources.yml"),
        ("people", "data/people.yml"),
        ("trips", "data/trips.yml"),
        ("casualties", "data/casualties.yml"),
        *[("article", p.relative_to(REPO).as_posix()) for p in REPO.glob("data/articles/*.yml")],
    ],
)
def test_the_projects_files_pass_both_the_models_and_the_json_schemas(name: str, path: str) -> None:
    data = yamlio.plain(yamlio.loads((REPO / path).read_text(encoding="utf-8"), path))
    FILE_MODELS[name].model_validate(data)
    schema = json.loads(json_schemas()[f"{name}.schema.json"])
    jsonschema.validate(_as_json(data), schema)


def test_the_json_schema_refuses_what_the_model_refuses() -> None:
    schema = json.loads(json_schemas()["article.schema.json"])
    good = {
        "source": "s",
        "quotes": [{"id": "q", "text": "t", "start": 0, "end": 1, "speaker": None}],
    }
    ArticleFile.model_validate(good)
    jsonschema.validate(good, schema)
    bad = {**good, "quotes": [{**good["quotes"][0], "stauts": "verified"}]}
    with pytest.raises(ValidationError):
        ArticleFile.model_validate(bad)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
