"""The generate memo (shuttle/site/memo.py): build/docs made from the same inputs is
checked and kept, not generated again; any change to the inputs, the settings or the
files of build/docs is a miss, and the files are what a generate from scratch writes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import tree_digest, write_file
from shuttle import building
from shuttle.paths import Paths
from shuttle.site import generate, memo

pytestmark = pytest.mark.slow


class Generated:
    """`shuttle generate` through the build, its writes counted."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.written: list[str] = []

    def __call__(self, **kwargs: object) -> list[str]:
        self.written = []

        def record(path: Path, data: bytes) -> None:
            self.written.append(path.relative_to(self.root / "build" / "docs").as_posix())
            generate.write_file(path, data)

        problems = building.build(Paths(self.root), renderer=None, write=record, **kwargs)  # type: ignore[arg-type]
        assert not [p for p in problems if p.severity == "error"], problems
        return self.written

    @property
    def docs(self) -> dict[str, str]:
        return tree_digest(self.root / "build" / "docs")


@pytest.fixture
def generated(make_project: Callable[..., Path], chart_cache: Path) -> Generated:
    run = Generated(make_project(chart_cache=chart_cache))
    assert run(), "the first generate writes every file"
    return run


def test_the_same_inputs_again_write_nothing_and_compute_no_page(
    generated: Generated, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = generated.docs

    def no_pages(*args: object, **kwargs: object) -> dict[str, bytes]:
        raise AssertionError("pages computed again")

    monkeypatch.setattr(generate, "site_source", no_pages)
    with caplog.at_level(logging.INFO, logger="shuttle"):
        assert generated() == []
    assert "made from the same data, seeds, docs and code" in caplog.text
    assert generated.docs == before


def test_an_edit_to_the_data_is_a_miss(generated: Generated) -> None:
    path = generated.root / "docs" / "methodology.md"
    write_file(path, path.read_text(encoding="utf-8") + "\nA sentence added.\n")
    assert generated() == ["methodology/index.md"]
    page = generated.root / "build" / "docs" / "methodology" / "index.md"
    assert "A sentence added." in page.read_text(encoding="utf-8")

    people = generated.root / "data" / "people.yml"
    write_file(people, people.read_text(encoding="utf-8") + "\n# an editor's comment\n")
    assert generated() == [], "a new input; the same pages, checked byte by byte"
    assert generated() == []


def test_a_changed_setting_is_a_miss(generated: Generated) -> None:
    written = generated(site_url="https://elsewhere.example/")
    assert written, "pages that carry the site's address are written again"
    assert generated(site_url="https://elsewhere.example/") == []


@pytest.mark.parametrize("damage", ["edited", "removed", "added"])
def test_build_docs_changed_by_hand_is_generated_again(generated: Generated, damage: str) -> None:
    before = generated.docs
    docs = generated.root / "build" / "docs"
    if damage == "edited":
        write_file(docs / "index.md", "# Not what generate wrote\n")
    elif damage == "removed":
        (docs / "index.md").unlink()
    else:
        write_file(docs / "stray.md", "# A page generate never wrote\n")
    generated()
    assert generated.docs == before


def test_a_damaged_or_foreign_memo_is_a_miss(generated: Generated) -> None:
    path = memo.memo_path(Paths(generated.root))
    write_file(generated.root / "build" / "docs" / "index.md", "# Edited by hand\n")
    sealed = path.read_bytes()
    for bad in (sealed[: len(sealed) // 2], sealed.split(b"\n", 1)[1]):  # cut; unsealed
        write_file(path, bad)
        assert "index.md" in generated()
        write_file(generated.root / "build" / "docs" / "index.md", "# Edited by hand\n")


def test_the_inputs_include_the_files_the_settings_and_the_libraries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = Paths(tmp_path)
    settings = {"site_url": "https://example.org/"}
    first = memo.inputs_digest(paths, settings)
    assert memo.inputs_digest(paths, settings) == first
    write_file(tmp_path / "seeds" / "a.txt", "An article.\n")
    assert memo.inputs_digest(paths, settings) != first
    second = memo.inputs_digest(paths, settings)
    assert memo.inputs_digest(paths, {"site_url": "https://other.example/"}) != second
    memo.code_digest.cache_clear()
    monkeypatch.setattr(memo, "LIBRARIES", (*memo.LIBRARIES, "a-library-not-installed"))
    try:
        assert memo.inputs_digest(paths, settings) != second
    finally:
        memo.code_digest.cache_clear()


def test_the_inputs_include_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = tmp_path / "code"
    write_file(code / "templates" / "page.md.j2", "{{ title }}\n")
    monkeypatch.setattr(memo, "PACKAGE", code)
    paths, settings = Paths(tmp_path / "project"), {"site_url": "https://example.org/"}
    memo.code_digest.cache_clear()
    try:
        first = memo.inputs_digest(paths, settings)
        write_file(code / "templates" / "page.md.j2", "# {{ title }}\n")
        memo.code_digest.cache_clear()  # once per process: a new process reads it again
        assert memo.inputs_digest(paths, settings) != first
    finally:
        memo.code_digest.cache_clear()


def checks_counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The build's runs of the checks, one entry each."""
    calls: list[int] = []
    checks = building.run_checks

    def counted(where: Paths) -> object:
        calls.append(1)
        return checks(where)

    monkeypatch.setattr(building, "run_checks", counted)
    return calls


def test_the_same_inputs_again_are_not_checked_again_and_say_the_same(
    generated: Generated, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = Paths(generated.root)
    first = [str(p) for p in building.build(paths, renderer=None)]
    assert any(" W" in line for line in first), "the seed data has warnings to repeat"
    calls = checks_counted(monkeypatch)
    assert [str(p) for p in building.build(paths, renderer=None)] == first
    assert calls == []
    # build/docs changed by hand: generated again, from a store the checks read now
    write_file(generated.root / "build" / "docs" / "index.md", "# Edited by hand\n")
    assert [str(p) for p in building.build(paths, renderer=None)] == first
    assert calls == [1]


def test_a_build_under_the_other_ci_strictness_checks_again(
    generated: Generated, monkeypatch: pytest.MonkeyPatch
) -> None:
    from shuttle import config

    calls = checks_counted(monkeypatch)
    # the other strictness than the one build/docs was made under (CI or not)
    made_under = config.in_ci()
    monkeypatch.setattr(config, "in_ci", lambda: not made_under)
    building.build(Paths(generated.root), renderer=None)
    assert calls == [1]
