"""Every use of ruamel.yaml's insides, in one place (written against ruamel.yaml 0.18-0.19).

ruamel documents the `YAML` object, its settings and its round-trip types (CommentedMap,
CommentedSeq, their `lc` line numbers); what is used here is not documented, and
tests/test_ruamel_adapter.py holds each piece to the installed ruamel, naming its version
when one changes:

- subclasses of its round-trip constructor (`construct_yaml_timestamp`,
  `construct_yaml_int`), composer (`compose_node`, reading the parser's next event) and
  emitter (`analyze_scalar` and the `ScalarAnalysis` flags), put in place through the
  `YAML` object's `Constructor`, `Composer` and `Emitter` attributes;
- the representer's `ignore_aliases`, replaced so a value used twice is written twice;
- `ruamel.yaml.resolver.implicit_resolvers`, the YAML 1.2 rules that read a plain scalar
  as a null, bool, number or date, which fastyaml.py applies to libyaml's events.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.emitter import RoundTripEmitter, ScalarAnalysis
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.resolver import implicit_resolvers


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that keeps an impossible date (2024-02-30) as its text."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return str(node.value)

    def construct_yaml_int(self, node: Any) -> Any:
        # Python refuses to read an integer of more than 4,300 digits: kept as its text,
        # which the schema refuses with its line (a number cannot be that long)
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            return str(node.value)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)
_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)


class Refused(MarkedYAMLError):
    """An anchor, alias or tag: refused while composing, before anything is built."""

    def __init__(self, code: str, what: str, mark: Any) -> None:
        super().__init__(problem=what, problem_mark=mark)
        self.code = code


class _Composer(Composer):
    """Refuses aliases (a tiny file can explode on traversal), anchors and explicit tags
    (they can smuggle in objects): data files are plain mappings, lists and scalars."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.parser.check_event(AliasEvent):
            event = self.parser.peek_event()
            raise Refused("E003", f"alias *{event.anchor} is not allowed", event.start_mark)
        event = self.parser.peek_event()
        if getattr(event, "anchor", None) is not None:
            raise Refused("E003", f"anchor &{event.anchor} is not allowed", event.start_mark)
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        implicit = implicit[0] if isinstance(implicit, tuple) else implicit
        if tag is not None and not implicit:
            name = tag if isinstance(tag, str) else getattr(tag, "value", str(tag))
            raise Refused("E004", f"tag {name} is not allowed", event.start_mark)
        return super().compose_node(parent, index)


class _Emitter(RoundTripEmitter):
    """Writes a string holding NEL, LINE or PARAGRAPH SEPARATOR double-quoted (as \\N, \\L,
    \\P): in any other style YAML reads them as line breaks and folds them into spaces.
    And quotes a string that starts with ? or : in a [flow, list], which ruamel would write
    plain, so that it reads back as a key, or not at all."""

    def analyze_scalar(self, scalar: Any) -> ScalarAnalysis:
        analysis: ScalarAnalysis = super().analyze_scalar(scalar)
        if scalar[:1] in ("?", ":"):
            analysis.allow_flow_plain = False
        if any(char in scalar for char in "\x85\u2028\u2029"):
            analysis.allow_flow_plain = analysis.allow_block_plain = False
            analysis.allow_single_quoted = analysis.allow_block = False
        return analysis


def make_yaml() -> YAML:
    """The round-trip YAML of data files: the subclasses above, quotes kept, the
    project's indentation, long lines never wrapped, duplicate keys refused."""
    yaml = YAML(typ="rt")
    yaml.Composer = _Composer
    yaml.Emitter = _Emitter
    yaml.Constructor = _Constructor
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never re-wrap an editor's long lines
    yaml.allow_duplicate_keys = False
    # A value used twice (the same date object) must be written twice, not as an alias.
    yaml.representer.ignore_aliases = lambda data: True
    return yaml


def yaml12_resolvers() -> list[tuple[str, Any, Any]]:
    """ruamel's YAML 1.2 implicit resolvers, in its order: (tag, compiled pattern (or a
    lazy one: anything with `match`), the characters a scalar it reads may start with)."""
    return [
        (tag, regexp, first)
        for versions, tag, regexp, first in implicit_resolvers
        if (1, 2) in versions
    ]
