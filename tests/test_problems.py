"""problems: a code, a place and a message; text and JSON output; the catalog."""

from __future__ import annotations

import json
import re
from pathlib import Path

from shuttle.problems import CATALOG, Problem, ProblemError, as_json, as_text, has_errors, ordered


def test_a_problem_prints_as_file_line_code_message() -> None:
    problem = Problem.of("E203", "data/articles/x.yml", 41, "quote text not found")
    assert str(problem) == "data/articles/x.yml:41: E203 quote text not found"
    assert str(Problem.of("E005", "seeds", None, "folder is missing")) == (
        "seeds: E005 folder is missing"
    )


def test_severity_comes_from_the_catalog() -> None:
    assert Problem.of("W301", "f", 1, "m").severity == "warning"
    assert Problem.of("E001", "f", 1, "m").severity == "error"
    assert not has_errors([Problem.of("W302", "f", 1, "m")])
    assert has_errors([Problem.of("W302", "f", 1, "m"), Problem.of("E102", "f", 2, "m")])
    assert not has_errors([])


def test_every_code_is_letter_and_three_digits_with_a_matching_severity() -> None:
    for code, (severity, meaning) in CATALOG.items():
        assert re.fullmatch(r"[EW]\d{3}", code)
        assert severity == ("error" if code[0] == "E" else "warning")
        assert meaning.strip() == meaning and len(meaning) > 8


def test_every_code_the_package_uses_is_in_the_catalog() -> None:
    package = Path(__file__).resolve().parents[1] / "scripts" / "shuttle"
    used = set()
    for path in package.rglob("*.py"):
        used |= set(re.findall(r"""["']([EW]\d{3})["']""", path.read_text(encoding="utf-8")))
    assert used - set(CATALOG) == set()


def test_problems_are_ordered_by_file_line_code_and_deduplicated() -> None:
    a = Problem.of("E201", "b.yml", 3, "x")
    b = Problem.of("E102", "a.yml", 10, "x")
    c = Problem.of("E001", "a.yml", 2, "x")
    d = Problem.of("E005", "a.yml", None, "x")
    assert ordered([a, b, c, d, a]) == [d, c, b, a]
    assert list(as_text([a, b])) == [str(b), str(a)]


def test_json_output_holds_every_field() -> None:
    problems = [Problem.of("W303", "data/articles/x.yml", 4, "“27,000” and “27,840”")]
    assert json.loads(as_json(problems)) == [
        {
            "file": "data/articles/x.yml",
            "line": 4,
            "code": "W303",
            "message": "“27,000” and “27,840”",
            "severity": "warning",
        }
    ]
    assert "“27,000”" in as_json(problems)  # readable, not \\u-escaped


def test_problem_error_carries_every_problem() -> None:
    problems = [Problem.of("E001", "a", 1, "x"), Problem.of("E002", "a", 2, "y")]
    error = ProblemError(problems)
    assert error.problems == problems
    assert "a:1: E001 x" in str(error) and "a:2: E002 y" in str(error)
