"""The fast read path agrees with the round-trip loader, or steps aside.

For any text, fastyaml.loads either returns None (the round-trip loader then reads the
file and reports its problems) or exactly the plain data yamlio.loads + yamlio.plain
give, with the same lines for top-level keys and the items of top-level lists.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shuttle import fastyaml, yamlio
from shuttle.problems import ProblemError

ROOT = Path(__file__).resolve().parent.parent


def _round_trip(text: str) -> Any:
    try:
        return yamlio.loads(text, "t.yml")
    except ProblemError:
        return ProblemError


def _paths(node: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, str(key))
            yield from _paths(value, (*prefix, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*prefix, index)
            yield from _paths(value, (*prefix, index))


def assert_agrees(text: str) -> fastyaml.Parsed | None:
    fast = fastyaml.loads(text)
    lines = fastyaml.line_map(text)
    assert (lines is None) == (fast is None), "line_map and loads differ on what they read"
    if fast is None or lines is None:
        return None
    slow = _round_trip(text)
    assert slow is not ProblemError, f"fast path read what the round-trip loader refuses: {text!r}"
    plain = yamlio.plain(slow)
    assert fast.data == plain
    assert repr(fast.data) == repr(plain)  # same types too (1 is not True, 1.0 is not 1)
    if isinstance(slow, dict):
        for key, value in slow.items():
            assert fast.lines.key(str(key)) == yamlio.line_of(slow, key)
            if isinstance(value, list):
                for index in range(len(value)):
                    assert fast.lines.item(str(key), index) == yamlio.line_of(value, index)
    # every key and item at any depth (and a path that leads nowhere) where the
    # round-trip loader puts it
    for path in [*_paths(slow), ("no such key",), (*next(_paths(slow), ()), 10**6)]:
        assert fastyaml.locate(lines, path) == yamlio.locate(slow, path), path
    return fast


def _data_files() -> list[Path]:
    found = [*ROOT.glob("data/**/*.yml"), ROOT / "seeds" / "sources.yml"]
    found += sorted((ROOT / "tests").rglob("*.yml"))
    return sorted(p for p in found if p.is_file())


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_file_of_the_repository(path: Path) -> None:
    assert_agrees(path.read_bytes().decode("utf-8", "replace"))


def test_the_curated_data_takes_the_fast_path() -> None:
    for path in [*ROOT.glob("data/**/*.yml"), ROOT / "seeds" / "sources.yml"]:
        assert fastyaml.loads(path.read_text(encoding="utf-8")) is not None, path


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: !custom x\n",
        "a: 1\na: 2\n",
        "%YAML 1.1\n---\na: no\n",
        "a: 1\n---\nb: 2\n",
        "a: 012345\n",
        "a: 0x1f\n",
        "a: 1_000\n",
        "a: +5\n",
        "a: .inf\n",
        "a: 2024-01-09T10:00:00\n",
        "? [a, b]\n: c\n",
        "a: [" * 40 + "]" * 40 + "\n",
        "a: 'unclosed\n",
        "<<: {a: 1}\n",
    ],
)
def test_what_the_fast_path_leaves_to_the_round_trip_loader(text: str) -> None:
    assert fastyaml.loads(text) is None


@pytest.mark.parametrize(
    "text, value",
    [
        ("a: NO\n", "NO"),
        ("a: yes\n", "yes"),
        ("a: true\n", True),
        ("a: ~\n", None),
        ("a:\n", None),
        ("a: 1.10\n", 1.1),
        ("a: 0\n", 0),
        ("a: -12\n", -12),
        ("a: 2024-02-30\n", "2024-02-30"),
        ("a: 2024-02-29\n", date(2024, 2, 29)),
        ("a: '2024-02-29'\n", "2024-02-29"),
        ("a: 1.2.3\n", "1.2.3"),
        ("a: 12:30\n", "12:30"),
    ],
)
def test_scalars_as_the_round_trip_loader_reads_them(text: str, value: Any) -> None:
    fast = assert_agrees(text)
    assert fast is not None
    assert fast.data == {"a": value}


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(),
    st.text(max_size=40),
    st.sampled_from(["NO", "on", "012", "1:30", "0o17", "1e3", "- x", "#", "a: b", "'", '"']),
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(min_size=1, max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text(min_size=1, max_size=12), _values, max_size=5))
def test_whatever_merge_writes_reads_back_the_same(data: dict[str, Any]) -> None:
    assert_agrees(yamlio.dumps(data))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_scalar_text(raw: str) -> None:
    assert_agrees(f"a: {raw}\nb:\n  - {raw}\n  - x\n")


_fragments = st.sampled_from(
    ["a: x", "- y", "b: 'q''s'", 'c: "e\\"s\\u00e9"', "d: [1, 2, x]", "e: {f: g, h: 3}",
     '"k": v', "l: |", "m: >-", "text line", "# comment", "n: x # c", "...", "---", "? k",
     ": v", "o:", "p: -1", "q: 1.5", "r: 2024-01-01", "s: null", "t: True", "u: 'multi",
     "  line'", "v: [a,", "  b]", "w: x:y", "x: -", "y: - z", "z: a#b", "aa: 'x' y", "bb: @x",
     "cc: `x`", "ee: x: y", "ff: [a]b", "gg: {a}", "hh: ,x", "jj: ? x", "kk: |2", "ll: >+",
     "mm: ''", "oo: '#'", "pp: x \\", "qq: |#", "rr: &a x", "ss: *a", "tt: !t x"]
)  # fmt: skip
_lines = st.tuples(st.sampled_from(["", " ", "  ", "    "]), _fragments).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(_lines, max_size=8))
def test_any_arrangement_of_yaml_syntax(lines: list[str]) -> None:
    assert_agrees("\n".join(lines) + "\n")


@pytest.mark.parametrize("path", _data_files()[:40], ids=lambda p: str(p.relative_to(ROOT)))
def test_windows_line_ends_take_the_fast_path_and_read_the_same(path: Path) -> None:
    """A data file saved with CRLF line ends reads as its LF twin, on the fast path (it
    took the round-trip loader: 540 s for 46 MB against 18 s)."""
    text = path.read_bytes().decode("utf-8", "replace")
    if "\r" in text:
        pytest.skip("already holds carriage returns")
    unix, windows = fastyaml.loads(text), fastyaml.loads(text.replace("\n", "\r\n"))
    assert (unix is None) == (windows is None)
    if unix is not None and windows is not None:
        assert repr(windows.data) == repr(unix.data)
        assert assert_agrees(text.replace("\n", "\r\n")) is not None
