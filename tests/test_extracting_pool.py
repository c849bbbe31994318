"""`shuttle extract` writes the same files whatever the number of worker processes."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from shuttle.curation.extracting import run_extract
from shuttle.curation.pool import POOL_MIN_ARTICLES, pool_size
from shuttle.paths import Paths

REPO = Path(__file__).resolve().parents[1]


def _corpus(dest: Path, count: int) -> Path:
    sys.path.insert(0, str(REPO))
    try:
        corpus = importlib.import_module("benchmarks.corpus")
        curated = importlib.import_module("benchmarks.curated")
    finally:
        sys.path.remove(str(REPO))
    curated.fresh_project(dest)
    curated.write_seeds(corpus.generate(count, corpus.reference()), dest / "seeds")
    return dest


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.yml"))}


@pytest.mark.slow
def test_one_worker_and_two_write_the_same_bytes(tmp_path: Path) -> None:
    one = _corpus(tmp_path / "one", 24)
    two = _corpus(tmp_path / "two", 24)
    written_one, problems_one = run_extract(Paths(one), jobs=1)
    written_two, problems_two = run_extract(Paths(two), jobs=2)
    assert problems_one == problems_two == []
    assert written_one == written_two and len(written_one) == 25  # 24 articles, people.yml
    assert _files(one / "data") == _files(two / "data")


def test_small_runs_stay_in_one_process() -> None:
    assert pool_size(POOL_MIN_ARTICLES - 1) == 1
    assert pool_size(1000, 3) == 3
    assert pool_size(2, 8) == 2
    assert pool_size(1000, 1) == 1


def test_an_editor_saving_people_yml_meanwhile_keeps_their_save_and_a_rerun_recovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor's save between extract's reading of people.yml and its write is kept
    (E401); the articles written before it may name people not added: a second run adds
    them, and then the data checks."""
    from shuttle.checks import run_checks
    from shuttle.curation import merge
    from shuttle.problems import has_errors

    root = _corpus(tmp_path / "project", 6)
    people = root / "data" / "people.yml"
    real_merge = merge.merge_people

    def editor_saves_meanwhile(loaded: object, new: object, proposed_by: object = None) -> bool:
        people.write_text(people.read_text(encoding="utf-8") + "# the editor's note\n")
        return real_merge(loaded, new, proposed_by)  # type: ignore[arg-type]

    monkeypatch.setattr(merge, "merge_people", editor_saves_meanwhile)
    written, problems = run_extract(Paths(root), jobs=1)
    assert [p.code for p in problems] == ["E401", "E401"], problems
    assert people.read_text(encoding="utf-8").endswith("# the editor's note\n")
    assert "data/people.yml" not in written and written
    monkeypatch.setattr(merge, "merge_people", real_merge)
    written, problems = run_extract(Paths(root), jobs=1)
    assert problems == [] and "data/people.yml" in written
    assert people.read_text(encoding="utf-8").count("# the editor's note\n") == 1
    _, found = run_checks(Paths(root))
    assert not has_errors(found), [str(p) for p in found if p.severity == "error"]
