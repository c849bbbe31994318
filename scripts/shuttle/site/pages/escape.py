"""Article text is data, never markup: one escape for every place it lands in a page.

The same escaped string is safe in Markdown text, in raw HTML text and in a double-quoted
HTML attribute: HTML's specials become entities, and so does every character that
Python-Markdown or an enabled extension could read as syntax (emphasis, links, code,
attribute lists, tables, HTML). Newlines become spaces, so text can never open a block,
and control characters (Python-Markdown's own placeholders use them) are replaced.
"""

from __future__ import annotations

import functools
import re

from markupsafe import Markup

_SYNTAX = '&<>"\\`*_{}[]#|~^='
_TABLE: dict[int, str] = {ord(c): f"&#{ord(c)};" for c in _SYNTAX}
_TABLE.update({c: " " for c in (0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029)})
_TABLE.update({c: "\ufffd" for c in range(0x20) if c not in (0x09, 0x0A, 0x0D, 0x0B, 0x0C)})
_TABLE.update({c: "\ufffd" for c in range(0x7F, 0xA0) if c != 0x85})  # C1: &#128; reads €
_LEADING = re.compile(r"^[^\w\s&]")  # a first character that could start a block: - + 1. >
_INDENTED = re.compile(r"^\s[\s\d+>-]")  # indentation: a code block, an indented - + 1. >


def text(value: object) -> Markup:
    """Escape untrusted text for a Markdown page (text and attribute contexts alike)."""
    return Markup(_text(str(value)))


def _text(value: str) -> str:
    escaped = value.translate(_TABLE)
    match = _LEADING.match(escaped)
    if match:
        escaped = f"&#{ord(match.group())};{escaped[1:]}"
    elif escaped[:1].isdigit():
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"  # "1." would start a list
    return escaped


def standalone(value: object) -> Markup:
    """Escape a whole value, which a template may print at the start or end of a line.

    (`text` alone suits a piece of a line, as in text(" " + piece)[1:].) Indentation would
    make a code block or a list, two spaces before a line break a <br>, and Markdown strips
    other whitespace that ends a line: the first and last of these become entities.
    """
    return _standalone(str(value))


# Pages print the same names, outlets, roles and dates thousands of times: escape each once.
@functools.lru_cache(maxsize=65536)
def _standalone(value: str) -> Markup:
    escaped = _text(value)
    if _INDENTED.match(escaped):
        escaped = f"{escaped[0]}&#{ord(escaped[1])};{escaped[2:]}"
    before = escaped[-2:-1]
    if escaped[-1:].isspace() and (escaped[-1] != " " or not before or before.isspace()):
        escaped = f"{escaped[:-1]}&#{ord(escaped[-1])};"
    return Markup(escaped)


def finalize(value: object) -> object:
    """Jinja's finalize: everything printed is escaped unless it is already Markup."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return Markup(str(value))
    return standalone(value)
