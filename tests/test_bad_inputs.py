"""Bad input gets a clear error, and nothing is lost.

Every case of tests/bad_inputs/manifest.yml breaks one file of a fresh copy of the
project; each command the case names must then exit 1, name the expected problems as
`file:line: CODE`, show no traceback, and leave every file of the copy as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import (
    REPO,
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


def _replaced_by(make: Callable[[Path], None]) -> Callable[[Path], None]:
    def generate(target: Path) -> None:
        target.unlink()
        make(target)

    return generate


def _outside_copy(target: Path) -> None:
    """A link to a copy of the file outside the project (valid, but not ours to read)."""
    outside = target.parents[2] / "outside" / target.name
    outside.parent.mkdir(exist_ok=True)
    outside.write_bytes((REPO / target.relative_to(target.parents[1])).read_bytes())
    target.symlink_to(outside)


def _one_megabyte_title(target: Path) -> None:
    text = (REPO / "seeds" / "sources.yml").read_text(encoding="utf-8")
    long = "    title: " + "Blinken " * 131_072
    write_file(target, re.sub(r"(?m)^    title: Blinken ends.*$", long, text, count=1))


GENERATORS: dict[str, Callable[[Path], None]] = {
    "fifty-megabyte-article": _fifty_megabyte_article,
    "sixty-megabyte-sparse-file": _sixty_megabyte_sparse_file,
    "link-to-dev-zero": _replaced_by(lambda t: t.symlink_to("/dev/zero")),
    "link-to-dev-urandom": _replaced_by(lambda t: t.symlink_to("/dev/urandom")),
    "fifo": _replaced_by(os.mkfifo),
    "link-to-a-copy-outside": _replaced_by(_outside_copy),
    "folder": _replaced_by(lambda t: t.mkdir()),
    "one-megabyte-title": _one_megabyte_title,
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


MAX_LINE = 2000  # characters: a message is cut, never a megabyte long


def assert_refused(result: Run, case: dict[str, Any], command: str) -> None:
    assert "Traceback" not in result.output, f"{command}: traceback\n{result.output}"
    assert result.status == 1, f"{command} exited {result.status}\n{result.output}"
    assert_printable(result.output, command)
    lines = result.output.splitlines()
    for expect in case["expect"]:
        prefix = expected_prefix(expect)
        says = expect.get("says", "")
        assert any(line.startswith(prefix) and says in line for line in lines), (
            f"{command}: expected a line starting {prefix!r} saying {says!r}, got:\n"
            f"{result.output[:5000]}"
        )
    if command == "check":
        assert lines[-1].startswith("check failed: "), lines[-1]


def assert_printable(output: str, command: str) -> None:
    """Nothing that would drive the terminal, no line too long to read."""
    raw = [c for c in output if not c.isprintable() and c not in "\n"]
    assert not raw, f"{command}: control characters reach the terminal: {raw[:5]!r}"
    longest = max((len(line) for line in output.splitlines()), default=0)
    assert longest <= MAX_LINE, f"{command}: a line of {longest:,} characters"


@contextlib.contextmanager
def case_environment(case: dict[str, Any]) -> Iterator[None]:
    """The environment a case runs in (CI=true: a build for publishing)."""
    saved = {name: os.environ.get(name) for name in case.get("env", {})}
    os.environ.update(case.get("env", {}))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


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
        assert set(case.get("env", {})) <= {"CI"}, case["name"]


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
    with case_environment(case):
        _refused_by_every_command(root, case, before)


def _refused_by_every_command(root: Path, case: dict[str, Any], before: dict[str, str]) -> None:
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


def test_a_deleted_curated_file_is_a_warning_while_an_editor_works(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    (root / "data/articles/ap-reuters-2024-02-08-blinken-leaves-mideast.yml").unlink()
    with case_environment({"env": {"CI": ""}}):
        result = run_shuttle(root, "check")
    assert result.status == 0, result.output
    assert any(
        line.startswith("seeds/sources.yml:19: W306 ") for line in result.stderr.splitlines()
    ), result.stderr


@pytest.mark.parametrize("escape", ["\\e[2J\\e[H", "\\x9b2J", "\\u202e", "\\n\\nfake.yml:1: E000 "])
def test_control_characters_in_the_data_never_reach_the_terminal(
    tmp_path: Path, escape: str
) -> None:
    """An outlet printed in a warning (W301) cannot clear the screen, reverse the text
    or forge a line of its own."""
    root = copy_project(tmp_path / "project")
    sources = root / "seeds" / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    outlet = f'    outlet: "The New York Times{escape}"'
    write_file(sources, re.sub(r"(?m)^    outlet: The New York Times$", lambda _: outlet, text))
    for args in (("check",), ("check", "--json")):
        result = run_shuttle(root, *args)
        assert result.status == 0 and "W301" in result.output, result.output
        assert_printable(result.output, " ".join(args))
        assert "fake.yml:1" not in "".join(
            line for line in result.output.splitlines() if line.startswith("fake")
        )


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-02", "9999-12-31", "9998-12-31"])
def test_extract_takes_a_date_at_either_end_of_the_calendar(tmp_path: Path, published: str) -> None:
    root = copy_project(tmp_path / "project")
    before = tree_digest(root)
    seeds = sorted((root / "seeds").glob("*.txt"))
    result = run_shuttle(root, "extract", "--json", "--published", published, *map(str, seeds))
    assert result.status == 0 and "Traceback" not in result.output, result.output[-3000:]
    assert json.loads(result.stdout)
    assert tree_digest(root) == before


# One sentence of a megabyte, in the shapes that made extraction quadratic (a figure's
# date looked for among every date of the sentence, every name before each "met" judged
# again, the sentence copied into each figure). Linear takes seconds; quadratic, hours.
LONG_SENTENCE_UNITS = {
    "figures": "Blinken met officials and said 27,840 people were killed on Tuesday, ",
    "names-met": "Netanyahu met Blinken and Herzog and Gallant on Tuesday and ",
    "bare-numbers": "5, 17 and 2,300 and ",
}


@pytest.mark.slow
@pytest.mark.parametrize("unit", LONG_SENTENCE_UNITS.values(), ids=LONG_SENTENCE_UNITS.keys())
def test_extract_is_linear_in_the_length_of_one_sentence(unit: str) -> None:
    import time
    from datetime import date

    from shuttle.curation.extracting import people_for_extraction
    from shuttle.extract import extract_article
    from shuttle.paths import Paths

    people, _ = people_for_extraction(Paths(REPO))
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000] + "and then he left.\n"
    started = time.perf_counter()
    found = extract_article(text, published=date(2024, 2, 8), people=people)
    seconds = time.perf_counter() - started
    assert found is not None
    assert seconds < 90, f"{seconds:.0f} s for one sentence of 1 MB (about 5 s when linear)"
