"""Bad input gets a clear error, and nothing is lost.

Every case of tests/bad_inputs/manifest.yml breaks one file of a fresh copy of the
project; each command the case names must then exit 1, name the expected problems as
`file:line: CODE`, show no traceback, and leave every file of the copy as it was.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import (
    Run,
    copy_project,
    run_shuttle,
    run_shuttle_process,
    tree_digest,
    write_file,
)

HERE = Path(__file__).parent / "bad_inputs"
MANIFEST: dict[str, Any] = YAML(typ="safe", pure=True).load(HERE / "manifest.yml")
CASES: list[dict[str, Any]] = MANIFEST["cases"]
PROBLEM_LINE = re.compile(
    r"^(?P<file>.+?)(?::(?P<line>\d+))?: (?P<code>[EW]\d{3}) (?P<message>.*)$"
)


def _fifty_megabyte_article(target: Path) -> None:
    line = ("Blinken met officials in the region on Tuesday. " * 20).strip() + "\n"
    chunk = (line * 1000).encode("utf-8")
    with target.open("wb") as handle:
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)


def _sixty_megabyte_sparse_file(target: Path) -> None:
    with target.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)


GENERATORS = {
    "fifty-megabyte-article": _fifty_megabyte_article,
    "sixty-megabyte-sparse-file": _sixty_megabyte_sparse_file,
}


def apply_case(root: Path, case: dict[str, Any]) -> None:
    target = root / case["replaces"]
    if case.get("remove"):
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()
    elif "generate" in case:
        write_file(target, b"")
        GENERATORS[case["generate"]](target)
    else:
        write_file(target, (HERE / case["with"]).read_bytes())


def expected_prefix(expect: dict[str, Any]) -> str:
    place = expect["file"] if expect["line"] is None else f"{expect['file']}:{expect['line']}"
    return f"{place}: {expect['code']} "


def problems_in_text(output: str) -> set[tuple[str, int | None, str, str]]:
    found = set()
    for line in output.splitlines():
        match = PROBLEM_LINE.match(line)
        if match:
            number = int(match["line"]) if match["line"] else None
            found.add((match["file"], number, match["code"], match["message"]))
    return found


def extract_available() -> bool:
    import shuttle.extract

    return hasattr(shuttle.extract, "extract_article")


def assert_refused(result: Run, case: dict[str, Any], command: str) -> None:
    assert "Traceback" not in result.output, f"{command}: traceback\n{result.output}"
    assert result.status == 1, f"{command} exited {result.status}\n{result.output}"
    lines = result.output.splitlines()
    for expect in case["expect"]:
        prefix = expected_prefix(expect)
        assert any(line.startswith(prefix) for line in lines), (
            f"{command}: expected a line starting {prefix!r}, got:\n{result.output}"
        )


def test_the_corpus_is_big_and_every_file_in_it_is_used() -> None:
    assert len(CASES) >= 30
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names))
    used = {case["with"] for case in CASES if "with" in case}
    used |= {entry["with"] for entry in MANIFEST["valid"]}
    on_disk = {p.name for p in HERE.iterdir() if p.name != "manifest.yml"}
    assert used == on_disk
    for case in CASES:
        assert sum(k in case for k in ("with", "remove", "generate")) == 1, case["name"]
        assert case.get("generate", "fifty-megabyte-article") in GENERATORS
        assert case["expect"] and set(case["commands"]) <= {"check", "build", "extract"}


@pytest.mark.parametrize("entry", MANIFEST["valid"], ids=lambda e: e["with"])
def test_the_files_the_cases_are_built_on_pass_the_check(tmp_path: Path, entry: Any) -> None:
    root = copy_project(tmp_path / "project")
    apply_case(root, entry)
    result = run_shuttle(root, "check")
    assert result.status == 0, result.output


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input_is_refused_with_its_place_and_nothing_changes(
    tmp_path: Path, case: dict[str, Any]
) -> None:
    root = copy_project(tmp_path / "project")
    apply_case(root, case)
    before = tree_digest(root)

    text = run_shuttle(root, "check")
    assert_refused(text, case, "check")
    assert tree_digest(root) == before

    as_json = run_shuttle(root, "check", "--json")
    assert as_json.status == 1 and "Traceback" not in as_json.output
    reported = json.loads(as_json.stdout)
    assert {(p["file"], p["line"], p["code"], p["message"]) for p in reported} == (
        problems_in_text(text.stderr)
    )
    assert all(p["severity"] in ("error", "warning") for p in reported)
    assert tree_digest(root) == before

    for command in case["commands"]:
        if command == "check":
            continue
        if command == "extract" and not extract_available():
            continue  # the extractors are not there yet: nothing to run
        result = run_shuttle(root, command)
        assert_refused(result, case, command)
        assert tree_digest(root) == before, f"{command} changed files"


SUBPROCESS_CASES = ["python-object-tag", "data-folder-missing", "fifty-megabyte-article"]


@pytest.mark.slow
@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_the_installed_command_refuses_bad_input_the_same_way(tmp_path: Path, name: str) -> None:
    case = next(c for c in CASES if c["name"] == name)
    root = copy_project(tmp_path / "project")
    apply_case(root, case)
    before = tree_digest(root)
    result = run_shuttle_process(root, "check")
    assert_refused(result, case, "shuttle check (process)")
    assert tree_digest(root) == before
    assert not Path("/tmp/shuttle-pwned").exists()
