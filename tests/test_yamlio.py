"""yamlio: YAML that humans edit, read and written back without losing a byte of theirs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from conftest import REPO
from shuttle import yamlio
from shuttle.problems import ProblemError


def problems(text: str) -> list[tuple[str, int | None]]:
    with pytest.raises(ProblemError) as exc:
        yamlio.loads(text, "f.yml")
    assert all(p.file == "f.yml" for p in exc.value.problems)
    return [(p.code, p.line) for p in exc.value.problems]


@pytest.mark.parametrize(
    "path",
    sorted(
        p.relative_to(REPO).as_posix()
        for p in [*REPO.glob("data/**/*.yml"), *REPO.glob("seeds/*.yml")]
    ),
)
def test_an_unedited_file_is_written_back_byte_for_byte(path: str) -> None:
    text = (REPO / path).read_text(encoding="utf-8")
    assert yamlio.dumps(yamlio.loads(text, path)) == text


def test_comments_quoting_and_order_survive_a_change() -> None:
    text = (
        "# header\n"
        "people:\n"
        "  - id: b  # second\n"
        "    name: 'Quoted'\n"
        '    role: "double"\n'
        "  # between\n"
        "  - id: a\n"
        "    name: Plain\n"
    )
    data = yamlio.loads(text, "f")
    data["people"][1]["name"] = "Changed"
    assert yamlio.dumps(data) == text.replace("name: Plain", "name: Changed")


def test_yaml_12_not_11_no_is_a_string_and_times_are_not_numbers() -> None:
    data = yamlio.plain(yamlio.loads("a: NO\nb: 12:30\nc: yes\nd: 1.10\ne: 012345\n", "f"))
    assert data == {"a": "NO", "b": "12:30", "c": "yes", "d": 1.1, "e": 12345}


def test_dates_are_dates_and_an_impossible_one_stays_text_for_the_schema() -> None:
    data = yamlio.plain(yamlio.loads("a: 2024-02-29\nb: 2024-02-30\n", "f"))
    assert data == {"a": date(2024, 2, 29), "b": "2024-02-30"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a:\n\t- b\n", [("E001", 2)]),
        ('a: "open\nb: c\n\n', [("E001", 1)]),  # where the quote opens
        ("a: [1, 2\nb: c\n", [("E001", 2)]),
        ("a: 1\na: 2\n", [("E002", 2)]),
        ("a: &x [1]\nb: *x\n", [("E003", 1)]),
        ("a: 1\nb: *nowhere\n", [("E003", 2)]),
        ("a: !!python/object/apply:os.system [ls]\n", [("E004", 1)]),
        ("a:\n  - !include x.yml\n", [("E004", 2)]),
        ("a: 1\n---\nb: 2\n", [("E001", 2)]),
        ("a: " + "[" * 400 + "]" * 400 + "\n", [("E001", None)]),
    ],
    ids=[
        "tab",
        "unclosed-quote",
        "unclosed-bracket",
        "duplicate",
        "anchor",
        "alias",
        "python-tag",
        "custom-tag",
        "two-documents",
        "too-deep",
    ],
)
def test_what_a_data_file_may_not_hold_is_a_problem_with_its_line(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert problems(text) == expected


def test_a_duplicate_key_names_both_lines() -> None:
    with pytest.raises(ProblemError) as exc:
        yamlio.loads("people:\n  - id: x\n    name: a\n    name: b\n", "f")
    assert str(exc.value.problems[0]) == 'f:4: E002 key "name" is also on line 3'


def test_a_shared_value_is_written_twice_never_as_an_alias() -> None:
    day = date(2024, 1, 9)
    places = ["Doha"]
    text = yamlio.dumps({"a": day, "b": day, "c": places, "d": places})
    assert "&" not in text and "*" not in text
    assert yamlio.plain(yamlio.loads(text, "f")) == {"a": day, "b": day, "c": places, "d": places}


def test_load_keeps_the_digest_of_the_bytes_and_save_refuses_a_changed_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "people.yml"
    path.write_text("people: []\n")
    loaded = yamlio.load(path, "data/people.yml")
    loaded.data["people"].append(CommentedMap(id="x", name="X"))
    path.write_text("people: []  # the editor saved this meanwhile\n")
    with pytest.raises(ProblemError) as exc:
        yamlio.save(loaded)
    assert [(p.code, p.file) for p in exc.value.problems] == [("E401", "data/people.yml")]
    assert path.read_text() == "people: []  # the editor saved this meanwhile\n"


def test_save_writes_and_then_knows_its_own_write(tmp_path: Path) -> None:
    path = tmp_path / "people.yml"
    path.write_text("people: []\n")
    loaded = yamlio.load(path, "p")
    loaded.data["people"].append("x")
    yamlio.save(loaded)
    loaded.data["people"].append("y")
    yamlio.save(loaded)  # a second save of the same document is not "changed meanwhile"
    assert path.read_text() == "people:\n  - x\n  - y\n"


def test_line_of_and_locate_point_at_the_place_of_a_value() -> None:
    data = yamlio.loads("# c\nsources:\n  - id: a\n    file: a.txt\n  - id: b\n", "f")
    assert yamlio.line_of(data, "sources") == 2
    assert yamlio.line_of(data["sources"], 1) == 5
    assert yamlio.line_of(data["sources"][0], "file") == 4
    assert yamlio.line_of(data, "missing") is None
    assert yamlio.locate(data, ("sources", 0, "file")) == 4
    assert yamlio.locate(data, ("sources", 1, "title")) == 5  # the deepest place that exists
    assert yamlio.locate(data, ()) == 1


def test_plain_gives_plain_python() -> None:
    data = yamlio.plain(yamlio.loads("a: 'x'\nb: [1, 2.5, true, null]\nc: {d: 2024-01-09}\n", "f"))
    assert data == {"a": "x", "b": [1, 2.5, True, None], "c": {"d": date(2024, 1, 9)}}
    assert type(data["a"]) is str and type(data["b"]) is list and type(data["c"]) is dict


# found before: ruamel wrote these plain in a flow list, or folded the line separators
@example(value="? x")
@example(value=": x")
@example(value="?")
@example(value="a\x85b\u2028c")
@settings(max_examples=300, deadline=None)
@given(value=st.text(st.characters(codec="utf-8", exclude_categories=("Cs",))))
def test_any_string_reads_back_as_written(value: str) -> None:
    flow = CommentedSeq([value, "x"])
    flow.fa.set_flow_style()
    document = {"block": value, "list": [value], "flow": flow, "nested": {"k": value}}
    back = yamlio.plain(yamlio.loads(yamlio.dumps(document), "f"))
    assert back == {"block": value, "list": [value], "flow": [value, "x"], "nested": {"k": value}}
