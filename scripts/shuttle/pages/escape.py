"""Article text is data, never markup: one escape for every place it lands in a page.

The same escaped string is safe in Markdown text, in raw HTML text and in a double-quoted
HTML attribute: HTML's specials become entities, and so does every character that
Python-Markdown or an enabled extension could read as syntax (emphasis, links, code,
attribute lists, tables, HTML). Newlines become spaces, so text can never open a block,
and control characters (Python-Markdown's own placeholders use them) are replaced.
"""

from __future__ import annotations

import re

from markupsafe import Markup

_SYNTAX = '&<>"\\`*_{}[]#|~^='
_TABLE: dict[int, str] = {ord(c): f"&#{ord(c)};" for c in _SYNTAX}
_TABLE.update({c: " " for c in (0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029)})
_TABLE.update({c: "\ufffd" for c in range(0x20) if c not in (0x09, 0x0A, 0x0D, 0x0B, 0x0C)})
_TABLE[0x7F] = "\ufffd"
_LEADING = re.compile(r"^[^\w\s&]")  # a first character that could start a block: - + 1. >


def text(value: object) -> Markup:
    """Escape untrusted text for a Markdown page (text and attribute contexts alike)."""
    escaped = str(value).translate(_TABLE)
    match = _LEADING.match(escaped)
    if match:
        escaped = f"&#{ord(match.group())};{escaped[1:]}"
    elif escaped[:1].isdigit():
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"  # "1." would start a list
    return Markup(escaped)


def finalize(value: object) -> object:
    """Jinja's finalize: everything printed is escaped unless it is already Markup."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return Markup(str(value))
    return text(value)
