"""schema_export: the JSON Schemas editors' tools use are written from schema.py, and a
check fails when the files in docs/schema/ drifted from it."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO, run_shuttle
from shuttle import schema_export
from shuttle.paths import Paths
from shuttle.schema import json_schemas


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
