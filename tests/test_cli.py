"""cli: thin verbs; exit 0 (warnings allowed), 1 for problems to fix, 2 for a wrong command
line; problems as `file:line: CODE message` on stderr, or as JSON on stdout."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, run_shuttle, run_shuttle_process, tree_digest
from shuttle import cli
from shuttle.problems import CATALOG

VERBS = {
    "extract", "check", "build", "serve", "linkcheck", "schema", "import", "eval", "add", "people",
    "effort",
}  # fmt: skip


def test_help_lists_the_verbs_the_readme_names() -> None:
    result = run_shuttle(REPO, "--help")
    assert result.status == 0
    assert all(verb in result.stdout for verb in VERBS)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert all(f"`{verb}" in readme for verb in VERBS - {"serve"})


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["check", "--no-such-flag"]])
def test_a_wrong_command_line_exits_2(args: list[str]) -> None:
    result = run_shuttle(REPO, *args)
    assert result.status == 2 and "usage:" in result.stderr


def test_check_passes_on_the_project_with_its_warnings(project: Path) -> None:
    result = run_shuttle(project, "check")
    assert result.status == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if re.search(r": W\d{3} ", line)]
    assert result.stderr.splitlines()[-1] == (
        f"check passed ({len(warnings)} warning{'s' if len(warnings) != 1 else ''})"
    )
    assert result.stdout == ""


def test_check_json_is_the_problems_on_stdout(project: Path) -> None:
    result = run_shuttle(project, "check", "--json")
    assert result.status == 0
    problems = json.loads(result.stdout)
    assert all(p["severity"] == "warning" for p in problems)
    assert result.stderr == ""


def test_check_codes_lists_the_catalog() -> None:
    result = run_shuttle(REPO, "check", "--codes")
    assert result.status == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == list(CATALOG)


def test_a_root_that_is_not_a_project_is_e005(tmp_path: Path) -> None:
    result = run_shuttle(tmp_path / "nowhere", "check")
    assert result.status == 1 and "Traceback" not in result.output
    assert "seeds: E005 folder is missing" in result.stderr


def test_extract_names_files_only_with_json(project: Path) -> None:
    result = run_shuttle(project, "extract", "seeds/x.txt")
    assert result.status == 2 and "--json" in result.stderr


def test_extract_json_prints_what_it_finds_and_writes_nothing(project: Path) -> None:
    before = tree_digest(project)
    article = next((project / "seeds").glob("001_*.txt"))
    result = run_shuttle(project, "extract", "--json", str(article), "--published", "2024-02-08")
    assert result.status == 0, result.output
    found = json.loads(result.stdout)
    assert len(found) == 1 and found[0]["quotes"]
    text = article.read_text(encoding="utf-8")
    for quote in found[0]["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
    assert tree_digest(project) == before


def test_extract_json_of_a_missing_or_binary_file_is_a_problem(project: Path) -> None:
    binary = project.parent / "binary.txt"
    binary.write_bytes(b"\x00\x01")
    result = run_shuttle(project, "extract", "--json", str(project / "nope.txt"), str(binary))
    assert result.status == 1 and "Traceback" not in result.output
    assert " E005 " in result.stderr and " E009 " in result.stderr
    assert json.loads(result.stdout) == []


def test_extract_of_an_unknown_source_is_e201(project: Path) -> None:
    before = tree_digest(project)
    result = run_shuttle(project, "extract", "--source", "no-such-source")
    assert result.status == 1
    assert "seeds/sources.yml: E201 no source with id 'no-such-source'" in result.stderr
    assert tree_digest(project) == before


def test_a_wrong_date_is_a_usage_error(project: Path) -> None:
    result = run_shuttle(project, "extract", "--json", "x.txt", "--published", "2024-02-30")
    assert result.status == 2 and "is not a date" in result.stderr


def test_an_interrupt_exits_130_without_a_traceback(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "cmd_check", interrupted)
    result = run_shuttle(project, "check")
    assert result.status == 130 and "Traceback" not in result.output


@pytest.mark.slow
def test_the_installed_command_runs(project: Path) -> None:
    result = run_shuttle_process(project, "check")
    assert result.status == 0, result.output
    assert "check passed" in result.stderr


@pytest.mark.parametrize(
    "breaks",
    ["no-gold-folder", "no-seeds-folder", "empty-gold-folder", "gold-names-a-missing-article"],
)
def test_eval_with_missing_inputs_fails_with_a_coded_message(tmp_path: Path, breaks: str) -> None:
    gold, seeds = tmp_path / "gold", tmp_path / "seeds"
    shutil.copytree(REPO / "tests" / "gold", gold)
    shutil.copytree(REPO / "seeds", seeds)
    if breaks == "no-gold-folder":
        shutil.rmtree(gold)
    elif breaks == "no-seeds-folder":
        shutil.rmtree(seeds)
    elif breaks == "empty-gold-folder":
        for path in gold.glob("*.yml"):
            path.unlink()
    else:
        named = sorted(gold.glob("*.yml"))[0].stem  # an article the gold names
        (seeds / f"{named}.txt").unlink()
    result = run_shuttle(tmp_path, "eval", "--gold", str(gold), "--seeds", str(seeds))
    assert result.status == 1 and "Traceback" not in result.output, result.output
    assert " E005 " in result.stderr, result.stderr


def test_extract_of_a_mistyped_source_suggests_the_closest(project: Path) -> None:
    before = tree_digest(project)
    result = run_shuttle(project, "extract", "--source", "ap-reuters-2024-02-08-blinken-leave")
    assert result.status == 1 and "Traceback" not in result.output, result.output
    assert "E201" in result.stderr
    assert "did you mean 'ap-reuters-2024-02-08-blinken-leaves-mideast'" in result.stderr
    assert tree_digest(project) == before


def _add_empty_source(project: Path) -> str:
    """A transcript the extractors find nothing in (no quote marks, no numbers)."""
    seeds = project / "seeds"
    data = b"Thank you, Mr. President.\nWe stand with our partners.\n"
    (seeds / "empty.txt").write_bytes(data)
    with (seeds / "sources.yml").open("a", encoding="utf-8") as out:
        out.write(
            "  - id: un-2024-06-10-empty\n    file: empty.txt\n    title: Remarks\n"
            "    outlet: Test Mission\n    published: 2024-06-10\n    event_date: 2024-06-10\n"
            "    licence: public domain (invented for the tests)\n"
            f"    sha256: {hashlib.sha256(data).hexdigest()}\n"
        )
    return "un-2024-06-10-empty"


def test_extract_says_why_it_proposed_nothing_and_writes_a_file_to_add_to(project: Path) -> None:
    # A transcript without quote marks often yields nothing: the editor is told so, and
    # why, and gets the file their own records go in (not "nothing new", and not silence).
    source = _add_empty_source(project)
    result = run_shuttle(project, "extract", "--source", source)
    assert result.status == 0, result.output
    written = project / "data" / "articles" / f"{source}.yml"
    assert "source: un-2024-06-10-empty\nquotes: []\nfigures: []\nevents: []\n" in (
        written.read_text(encoding="utf-8")
    )
    assert (
        f"nothing proposed from {source} (2 paragraphs read): no quote marks found - a "
        f"transcript? add its words with `shuttle add quote --source {source}"
    ) in result.stderr
    assert "nothing new" not in result.stderr
    again = run_shuttle(project, "extract", "--source", source)  # the file stays as it is
    assert written.read_text(encoding="utf-8").endswith("events: []\n")
    assert "updated" not in again.stderr and "nothing proposed" in again.stderr
    added = run_shuttle(project, "add", "quote", "--source", source, "--speaker",
                        "antony-blinken", "We stand with our partners.")  # fmt: skip
    assert added.status == 0, added.output
    assert run_shuttle(project, "check").status == 0
    quiet = run_shuttle(project, "extract", "--source", source)  # it holds a record now
    assert "nothing proposed" not in quiet.stderr and "nothing new" in quiet.stderr


def test_extract_json_of_a_source_is_json_alone_on_stdout(project: Path) -> None:
    source = _add_empty_source(project)
    before = tree_digest(project)
    result = run_shuttle(project, "extract", "--json", "--source", source)
    assert result.status == 0, result.output
    (found,) = json.loads(result.stdout)
    assert found["file"] == "seeds/empty.txt" and found["quotes"] == []
    assert "nothing new" not in result.output
    assert tree_digest(project) == before
    seeded = run_shuttle(
        project, "extract", "--json", "--source", "ap-2024-01-09-blinken-in-israel"
    )
    assert json.loads(seeded.stdout)[0]["figures"] and seeded.stderr == ""
    wrong = run_shuttle(project, "extract", "--json", "--source", "no-such-source")
    assert wrong.status == 1 and json.loads(wrong.stdout) == [] and "E201" in wrong.stderr


@pytest.mark.parametrize("verb", ["build", "linkcheck"])
def test_a_site_url_option_that_does_not_fit_is_a_usage_error(project: Path, verb: str) -> None:
    before = tree_digest(project)
    result = run_shuttle(project, verb, "--site-url", "example.org/shuttle")
    assert result.status == 2 and "https://example.org/path/" in result.stderr
    assert tree_digest(project) == before


def test_build_passes_its_options_to_the_build(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from shuttle import building

    asked: dict[str, object] = {}

    def build(paths: object, **options: object) -> list[object]:
        asked.update(options)
        return []

    monkeypatch.setattr(building, "build", build)
    result = run_shuttle(project, "build", "--site-url", "https://news.example/s/", "--publish")
    assert result.status == 0 and "site built in build/site/" in result.stderr
    assert asked["site_url"] == "https://news.example/s/" and asked["publish"] is True
    run_shuttle(project, "build")
    assert asked["site_url"] is None  # the file's, read by the build
