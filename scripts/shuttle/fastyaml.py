"""A fast read path for data files that load cleanly: libyaml parses, we build plain data.

`shuttle check`, `shuttle build` and `mkdocs serve` read every file of data/ on every
run; ruamel's round-trip parser (pure Python, comments kept) costs about a second per
megabyte. Here libyaml (PyYAML's C parser) produces the events and this module builds
plain Python values with ruamel's YAML 1.2 rules, plus the line of every top-level key
and of every item of a top-level list (what the store records as a record's place).

Only the plain subset is taken: mappings with scalar keys, lists, and scalars that are
strings, null, booleans, decimal integers, plain decimals and dates. Anything else (an
anchor, alias or tag, a duplicate key, a YAML directive, several documents, an unusual
number, a syntax error) returns None, and the caller reads the file with the round-trip
loader, which reports the problem with its line exactly as before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

import yaml  # type: ignore[import-untyped]

from shuttle.ruamel_adapter import yaml12_resolvers

_PARSER = getattr(yaml, "CSafeLoader", None)  # libyaml; without it there is no fast path

_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"

# ruamel's own YAML 1.2 implicit resolvers, by first character, in ruamel's order.
_RESOLVERS: dict[str, list[tuple[str, Any]]] = {}  # tag, compiled pattern
for _tag, _regexp, _first in yaml12_resolvers():
    for _char in _first:
        _RESOLVERS.setdefault(_char, []).append((_tag, _regexp))

_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
_POINT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+\Z")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
# Where libyaml and ruamel part ways, ruamel decides: libyaml counts NEL, LINE and
# PARAGRAPH SEPARATOR as line breaks (YAML 1.1); tabs, carriage returns and byte order
# marks inside the text are read differently by the two.
_DISPUTED = re.compile("[\t\r\x85\u2028\u2029\ufeff]")
_MARKERS = re.compile(r"^(?:---|\.\.\.)", re.MULTILINE)  # documents: rare in data files
_BLOCK_HEADER = re.compile(r"[|>](?:[1-9][-+]?|[-+][1-9]?)?(?: +#[^\n]*)? *\r?\n")
_MAX_DEPTH = 32  # data files nest four deep; deeper is for the round-trip loader to judge


class _Unsupported(Exception):
    """Outside the plain subset: the round-trip loader must read this file."""


@functools.lru_cache(maxsize=8192)  # statuses, kinds, cues, dates, numbers: a few values
def _plain_scalar(value: str) -> Any:
    """What ruamel's round-trip loader, then yamlio.plain, make of a plain scalar."""
    resolvers = _RESOLVERS.get(value[:1])
    if resolvers is None:  # most text: no resolver starts with its first character
        return value
    tag = next((t for t, regexp in resolvers if regexp.match(value)), None)
    if tag is None:
        return value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return value in ("true", "True", "TRUE")
    if tag == _INT and _DECIMAL.match(value):
        return int(value)
    if tag == _FLOAT and _POINT.match(value):
        return float(value)
    if tag == _TIMESTAMP and _DAY.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value  # an impossible date stays text; the schema reports it
    raise _Unsupported(value)


# keys and list indexes from the top of a file to one of its nodes
NodePath = tuple[str | int, ...]


@dataclass
class Lines:
    """1-based lines of top-level keys and of the items of top-level lists."""

    keys: dict[str, int] = field(default_factory=dict)
    items: dict[str, list[int]] = field(default_factory=dict)

    def key(self, key: str) -> int | None:
        return self.keys.get(key)

    def item(self, key: str, index: int) -> int | None:
        found = self.items.get(key)
        return found[index] if found is not None and 0 <= index < len(found) else None


@dataclass
class Parsed:
    data: Any
    lines: Lines


def loads(text: str) -> Parsed | None:
    """Plain data and lines, or None when the file needs the round-trip loader."""
    return _walked(text, _build)


R = TypeVar("R")


def _walked(text: str, walk: Callable[[Any, str], R]) -> R | None:
    """`walk` over libyaml's events of `text`; None where the round-trip loader must read it."""
    if "\r\n" in text:  # Windows line ends are line ends: the same lines, the same values
        text = text.replace("\r\n", "\n")
    if _PARSER is None or _DISPUTED.search(text) or _MARKERS.search(text):
        return None
    parser = _PARSER(text)
    try:
        return walk(parser, text)
    except (_Unsupported, yaml.YAMLError, RecursionError, ValueError, TypeError):
        return None
    finally:
        parser.dispose()


_SCALAR = yaml.ScalarEvent
_MAPPING = yaml.MappingStartEvent
_SEQUENCE = yaml.SequenceStartEvent
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_SKIPPED = (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)


def _build(parser: Any, text: str, every: dict[NodePath, int] | None = None) -> Parsed:
    """The data, with the lines the store keeps; `every`: filled with the line of every
    key and item by its path (line_map)."""
    lines = Lines()
    stack: list[Any] = []  # open containers: dict or list
    keys: list[Any] = []  # per open container: the pending key of a dict
    paths: list[NodePath] = []  # per open container, with `every`: its path
    here: NodePath = ()  # with `every`: the path of the node just read
    item_lines: list[int] | None = None  # lines of the items of the open top-level list
    root: Any = None
    documents = 0
    next_event = parser.get_event
    while (event := next_event()) is not None:
        kind = type(event)
        if kind is _SCALAR:
            if event.anchor is not None or event.tag is not None:
                raise _Unsupported("anchor or tag")
            style = event.style
            if not style:
                value = _plain_scalar(event.value)
            elif style in ("|", ">") and not _BLOCK_HEADER.match(text, event.start_mark.index):
                raise _Unsupported("block scalar header")  # libyaml is laxer here
            else:
                value = event.value
        elif kind is _MAPPING or kind is _SEQUENCE:
            if event.anchor is not None or event.tag is not None:
                raise _Unsupported("anchor or tag")
            value = {} if kind is _MAPPING else []
        elif kind in _ENDS:
            stack.pop()
            keys.pop()
            if every is not None:
                paths.pop()
            continue
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1 or event.version is not None or event.tags:
                raise _Unsupported("directive or second document")
            continue
        elif kind in _SKIPPED:
            continue
        else:  # an alias, or anything new
            raise _Unsupported(kind.__name__)
        depth = len(stack)
        if depth == 0:
            root = value
        else:
            parent = stack[-1]
            if type(parent) is dict:
                key = keys[-1]
                if key is _NO_KEY:
                    if type(value) is dict or type(value) is list:
                        raise _Unsupported("complex key")
                    shown = str(value)
                    if shown in parent:
                        raise _Unsupported("duplicate key")
                    keys[-1] = shown
                    if depth == 1:
                        lines.keys[shown] = event.start_mark.line + 1
                    if every is not None:
                        every[(*paths[-1], shown)] = event.start_mark.line + 1
                    continue
                parent[key] = value
                keys[-1] = _NO_KEY
                if every is not None:
                    here = (*paths[-1], key)
                if depth == 1 and type(value) is list:
                    item_lines = lines.items[key] = []
            else:
                parent.append(value)
                if depth == 2 and item_lines is not None and type(stack[0]) is dict:
                    item_lines.append(event.start_mark.line + 1)
                if every is not None:
                    here = (*paths[-1], len(parent) - 1)
                    every[here] = event.start_mark.line + 1
        if type(value) is dict or type(value) is list:
            if depth >= _MAX_DEPTH:
                raise _Unsupported("nested deeper than data files are")
            stack.append(value)
            keys.append(_NO_KEY if type(value) is dict else None)
            if every is not None:
                paths.append(here)
    return Parsed(root, lines)


class _NoKey:
    pass


_NO_KEY: Any = _NoKey()


def line_map(text: str) -> dict[NodePath, int] | None:
    """The 1-based line of every key (by the path of keys and list indexes that leads to
    it) and of every list item, as ruamel's round-trip loader reports them, read from
    libyaml's events as `loads` reads them; None when `loads` would be None. Messages
    that point at one field of a record (records/fieldlines.py) read a file this way: the
    round-trip loader takes about a second per megabyte."""
    found: dict[NodePath, int] = {}
    return found if _walked(text, functools.partial(_build, every=found)) is not None else None


def locate(lines: dict[NodePath, int], location: NodePath) -> int:
    """As yamlio.locate on the round-trip data: the line of the deepest node along
    `location` that exists (1 when none does)."""
    line = 1
    for depth in range(1, len(location) + 1):
        found = lines.get(location[:depth])
        if found is None:
            break
        line = found
    return line
