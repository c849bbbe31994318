"""ruamel_adapter.py against the installed ruamel.yaml: each inside it uses is still there
(a failure names ruamel's version), and does what the adapter takes it to do when a file
is read or written through the YAML object it makes."""

from __future__ import annotations

import io
import re
from datetime import date
from importlib.metadata import version

import pytest
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.emitter import RoundTripEmitter, ScalarAnalysis

from shuttle import ruamel_adapter

RUAMEL = f"ruamel.yaml {version('ruamel.yaml')}"


def _load(text: str) -> object:
    return ruamel_adapter.make_yaml().load(text)


def _dump(data: object) -> str:
    out = io.StringIO()
    ruamel_adapter.make_yaml().dump(data, out)
    return out.getvalue()


def test_the_methods_overridden_are_there() -> None:
    for cls, name in (
        (RoundTripConstructor, "construct_yaml_timestamp"),
        (RoundTripConstructor, "construct_yaml_int"),
        (Composer, "compose_node"),
        (RoundTripEmitter, "analyze_scalar"),
    ):
        assert callable(getattr(cls, name, None)), f"{RUAMEL}: {cls.__name__}.{name} is gone"
    analysis = RoundTripEmitter(io.StringIO()).analyze_scalar("plain")
    assert isinstance(analysis, ScalarAnalysis)
    for flag in ("allow_flow_plain", "allow_block_plain", "allow_single_quoted", "allow_block"):
        assert isinstance(getattr(analysis, flag, None), bool), (
            f"{RUAMEL}: ScalarAnalysis.{flag} is gone"
        )


def test_an_impossible_date_and_a_huge_integer_are_read_as_text() -> None:
    assert _load("day: 2024-02-30\n") == {"day": "2024-02-30"}, (
        f"{RUAMEL}: construct_yaml_timestamp no longer raises ValueError for a bad date"
    )
    assert _load("day: 2024-02-28\n") == {"day": date(2024, 2, 28)}
    huge = "9" * 5000
    assert _load(f"n: {huge}\n") == {"n": huge}, f"{RUAMEL}: construct_yaml_int changed"


@pytest.mark.parametrize(
    ("text", "code"),
    [("a: &x 1\nb: 2\n", "E003"), ("a: 1\nb: *x\n", "E003"), ("a: !!python/name:os 1\n", "E004")],
)
def test_anchors_aliases_and_tags_are_refused_while_composing(text: str, code: str) -> None:
    with pytest.raises(ruamel_adapter.Refused) as raised:
        _load(text)
    assert raised.value.code == code, f"{RUAMEL}: compose_node is no longer where nodes start"
    assert raised.value.problem_mark is not None


def test_strings_that_plain_style_would_change_are_quoted() -> None:
    for value in ("line\u2028separator", "next\x85line"):
        dumped = _dump({"said": value})
        assert dumped.startswith('said: "'), f"{RUAMEL}: analyze_scalar's flags are ignored"
        assert _load(dumped) == {"said": value}
    dumped = _dump({"kinds": [":colon", "?query"]})
    assert _load(dumped) == {"kinds": [":colon", "?query"]}, f"{RUAMEL}: flow plain changed"


def test_a_value_used_twice_is_written_twice_not_as_an_alias() -> None:
    day = date(2024, 1, 2)
    dumped = _dump({"start": day, "end": day, "list": [[1], [1]]})
    assert "&" not in dumped and "*" not in dumped, f"{RUAMEL}: ignore_aliases is not asked"


def test_the_yaml_1_2_resolvers_are_ruamels() -> None:
    resolvers = ruamel_adapter.yaml12_resolvers()
    tags = {tag for tag, _, _ in resolvers}
    for kind in ("bool", "int", "float", "null", "timestamp"):
        assert f"tag:yaml.org,2002:{kind}" in tags, f"{RUAMEL}: no YAML 1.2 {kind} resolver"
    for tag, regexp, first in resolvers:
        assert isinstance(tag, str) and callable(regexp.match) and len(first) > 0
    # the meaning: the resolver that matches a plain scalar gives the tag ruamel loads it as
    samples = {"true": bool, "12": int, "1.5": float, "~": type(None), "2024-01-02": date}
    for text, kind in samples.items():
        tag = next(t for t, rx, chars in resolvers if text[0] in chars and rx.match(text))
        assert re.search(kind.__name__.replace("NoneType", "null").replace("date", "time"), tag)
        assert isinstance(_load(f"v: {text}\n")["v"], kind)  # type: ignore[index]
