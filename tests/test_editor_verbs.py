"""editor_verbs: `shuttle add` and `shuttle people merge` on the command line."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO, run_shuttle
from test_adding import SOURCE, data_file, small  # noqa: F401 (the fixture)


def test_help_names_each_kind_of_record_and_the_merge() -> None:
    added = run_shuttle(REPO, "add", "--help")
    assert added.status == 0 and all(w in added.stdout for w in ("quote", "figure", "event"))
    assert "merge" in run_shuttle(REPO, "people", "--help").stdout
    assert run_shuttle(REPO, "add", "quote", "--source", "x", "words").status == 2  # no speaker


def test_the_line_printed_is_the_line_the_record_starts_on(small: Path) -> None:  # noqa: F811
    for words in ("Good afternoon", "The ceasefire is within reach."):
        result = run_shuttle(small, "add", "quote", "--source", SOURCE, "--speaker", "Blinken",
                             "--status", "candidate", words)  # fmt: skip
        assert result.status == 0, result.output
        place = result.stderr.split(" to ", 1)[1].split(":")[:2]
        assert place[0] == f"data/articles/{SOURCE}.yml"
        lines = data_file(small).read_text(encoding="utf-8").splitlines()
        record_id = result.stderr.split()[2]
        assert lines[int(place[1]) - 1] == f"  - id: {record_id}"
        assert "(candidate)" in result.stderr
