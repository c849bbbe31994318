"""data/corrections.yml: read into the store when present, each mistake a located problem."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_project
from shuttle.paths import Paths
from shuttle.records.store import load_store


def test_corrections_are_read(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    (root / "data" / "corrections.yml").write_text(
        "corrections:\n"
        '  - date: "2026-12-01"\n'
        "    what: A figure was misread.\n"
        "    why: The article says 240, not 204.\n",
        encoding="utf-8",
    )
    store, problems = load_store(Paths(root))
    assert [c.what for c in store.corrections] == ["A figure was misread."]
    assert not [p for p in problems if "corrections" in p.file]


def test_a_bad_correction_is_a_problem_with_its_line(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    (root / "data" / "corrections.yml").write_text(
        'corrections:\n  - date: "2026-02-30"\n    what: A figure was misread.\n',
        encoding="utf-8",
    )
    store, problems = load_store(Paths(root))
    found = [p for p in problems if p.file.endswith("corrections.yml")]
    assert found and all(p.line is not None and p.severity == "error" for p in found)
    assert any("why" in p.message for p in found) and any("2026-02-30" in p.message for p in found)
    assert store.corrections == []


def test_no_corrections_file_is_no_corrections(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    (root / "data" / "corrections.yml").unlink(missing_ok=True)
    store, problems = load_store(Paths(root))
    assert store.corrections == [] and not [p for p in problems if "corrections" in p.file]
