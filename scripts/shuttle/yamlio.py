"""YAML that humans edit: round-trip load and dump with ruamel, and line numbers for any place.

Loading keeps comments, order and quoting (so a machine write changes only what it
meant to), rejects what has no place in data files (anchors, aliases, tags), and reads an
impossible date as text so that the schema reports it with its line instead of crashing.
How (subclasses of ruamel's composer, constructor and emitter) is in ruamel_adapter.py.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from shuttle.problems import Problem, ProblemError
from shuttle.ruamel_adapter import Refused, make_yaml
from shuttle.textio import MAX_DATA_BYTES, read_text, sha256_hex, write_atomic

Location = tuple[str | int, ...]


@dataclass
class Loaded:
    """A YAML file as read: its round-trip data, its text and the digest of its bytes."""

    path: Path
    shown: str  # the path as messages show it
    data: Any
    digest: str | None  # None: the file did not exist when read (it must not exist on save)


def loads(text: str, shown: str) -> Any:
    """Parse YAML text; every failure becomes a Problem with the file and line."""
    try:
        data = make_yaml().load(text)
    except Refused as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise ProblemError([Problem.of(exc.code, shown, line, exc.problem or "")]) from None
    except DuplicateKeyError as exc:
        raise ProblemError([_duplicate_problem(exc, text, shown)]) from None
    except MarkedYAMLError as exc:
        raise ProblemError([_syntax_problem(exc, shown)]) from None
    except YAMLError as exc:
        raise ProblemError([Problem.of("E001", shown, None, str(exc).splitlines()[0])]) from None
    except RecursionError:
        raise ProblemError([Problem.of("E001", shown, None, "nested too deeply")]) from None
    return data


def _duplicate_problem(exc: DuplicateKeyError, text: str, shown: str) -> Problem:
    """E002 on the second key, naming the line of the first (ruamel only knows where the
    mapping starts): the first line after that start with the same key in the same column."""
    key = (exc.problem or "").replace("found duplicate key ", "").split(" with value")[0]
    if exc.problem_mark is None:
        return Problem.of("E002", shown, None, f"key {key} appears twice")
    line, column = exc.problem_mark.line, exc.problem_mark.column
    lines = text.splitlines()
    start = exc.context_mark.line if exc.context_mark else 0
    first = start
    for number in range(start, line):
        before, after = lines[number][:column], lines[number][column:]
        name = after.split(":", 1)[0].strip().strip("\"'")
        if not before.strip(" -") and ":" in after and f'"{name}"' == key:
            first = number
            break
    return Problem.of("E002", shown, line + 1, f"key {key} is also on line {first + 1}")


def _syntax_problem(exc: MarkedYAMLError, shown: str) -> Problem:
    """E001 on the line an editor must look at: where the unclosed thing was opened, when
    the parser only noticed at the end of the file; otherwise where it gave up."""
    problem_line = exc.problem_mark.line + 1 if exc.problem_mark else None
    context_line = exc.context_mark.line + 1 if exc.context_mark else None
    what = " ".join(x for x in (exc.context, exc.problem) if x) or "cannot parse"
    what = in_editors_words(what)
    line = problem_line or context_line
    if context_line and any(e in (exc.problem or "") for e in ("end of stream", "stream end")):
        line = context_line
    elif context_line and problem_line and context_line != problem_line:
        what += f" (it starts on line {context_line})"
    return Problem.of("E001", shown, line, what)


# The parser's words -> what an editor must do; its own words follow, for the expert.
_PLAIN_WORDS: tuple[tuple[str, str], ...] = (
    ("'\\t'", "this line is indented with a tab; indent with spaces"),
    ("tab character", "this line is indented with a tab; indent with spaces"),
    ("mapping values are not allowed", "a colon and a space inside a value; quote the value"),
    ("could not find expected ':'", "a line without a colon after its field name; or a value "
     "broken over lines: put it in quotes"),
    ("while scanning a quoted scalar", "a quote opened here is never closed"),
    ("expected ',' or ']'", "a [list] that is not closed with ]"),
    ("expected ',' or '}'", "a {group} that is not closed with }"),
    ("while parsing a flow", "a [list] or {group} that is not closed"),
    ("expected a single document", "the file holds two documents (a line of ---); keep one"),
    ("but found another document", "the file holds two documents (a line of ---); keep one"),
    ("did not find expected key", "this line is not indented like the lines of its record"),
    ("expected <block end>", "this line is not indented like the lines above it"),
    ("did not find expected '-'", "this line is not indented like the items of its list"),
    ("that cannot start any token", "a value starts with a character YAML reserves (@ ` %); "
     "put it in quotes"),
    ("while scanning a simple key", "a line without a colon after its field name"),
    ("while scanning a block scalar", "the text after | or > is not indented"),
)  # fmt: skip


def in_editors_words(said: str) -> str:
    for found, meaning in _PLAIN_WORDS:
        if found in said:
            return f"{meaning} (YAML: {said})"
    return said


def load(path: Path, shown: str) -> Loaded:
    raw_text = read_text(path, shown, max_bytes=MAX_DATA_BYTES, allow_empty=True)
    digest = sha256_hex(raw_text.encode("utf-8"))
    return Loaded(path=path, shown=shown, data=loads(raw_text, shown), digest=digest)


def dumps(data: Any) -> str:
    out = io.StringIO()
    make_yaml().dump(data, out)
    return out.getvalue()


def save(loaded: Loaded) -> None:
    """Write back `loaded.data`, refusing if the file changed since it was read."""
    text = dumps(loaded.data)
    write_atomic(loaded.path, text, loaded.shown, expected=loaded.digest)
    loaded.digest = sha256_hex(text.encode("utf-8"))


def line_of(container: Any, key: str | int) -> int | None:
    """1-based line of `key` in a round-trip mapping (or of item `key` in a sequence)."""
    try:
        if isinstance(container, CommentedMap):
            return int(container.lc.key(key)[0]) + 1
        if isinstance(container, CommentedSeq):
            return int(container.lc.item(key)[0]) + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return None


def locate(data: Any, location: Sequence[str | int]) -> int | None:
    """The line of the deepest node along `location` that exists (for schema errors)."""
    line: int | None = 1
    node = data
    for step in location:
        found = line_of(node, step)
        if found is None:
            break
        line = found
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    return line


def plain(node: Any) -> Any:
    """Round-trip data as plain Python: dicts, lists, str, int, float, bool, None, date."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, str):
        return str(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, datetime):  # kept whole: the schema refuses a time, never cuts it
        return datetime.fromisoformat(node.isoformat())
    if isinstance(node, date):
        return date(node.year, node.month, node.day)
    return str(node)
