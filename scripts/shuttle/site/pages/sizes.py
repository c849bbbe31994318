"""How big a piece of generated Markdown is once rendered: the bytes of HTML mkdocs and
Material make of it (an upper estimate, calibrated to stay above what they make) and
the words a reader reads in it. paging.py cuts listing pages by these.
"""

from __future__ import annotations

import re

LINK = 24  # [a](b.md#x) -> <a href="../b/#x">a</a>, and a part's deeper folder
PIPE = 9  # a table's | a | b | -> <tr><td>a</td><td>b</td></tr>
ITEM = 8  # a list's "- " -> <li></li>
STRONG = 7  # half of **a** -> <strong>a</strong>
HEADING = 480  # a heading's permalink, and its two entries in Material's contents
HEADING_CHAR = 3  # its title, in the heading, twice in the contents, in an aria-label


def html_size(markdown: str) -> int:
    """An upper estimate of the bytes of HTML that mkdocs and Material make of a piece of
    generated Markdown (entities and raw HTML pass through; links, tables and headings grow)."""
    size = len(markdown.encode()) + LINK * markdown.count("](") + PIPE * markdown.count("|")
    size += ITEM * (markdown.count("\n- ") + markdown.startswith("- "))
    size += STRONG * markdown.count("**")
    if markdown.startswith("#") or "\n#" in markdown:
        for line in markdown.splitlines():
            if line.startswith("#"):
                size += HEADING + HEADING_CHAR * len(line.encode())
    return size


def heading_size(title: str, anchor: str, level: int = 2) -> int:
    """The estimated HTML of a heading (`## title { #anchor }`)."""
    return html_size(f"{'#' * level} {title} {{ #{anchor} }}\n\n")


_MARKUP = re.compile(r"<[^>]*>|\]\([^)]*\)|\{[^}]*\}|&#?\w+;")


def word_count(markdown: str) -> int:
    """The words a reader reads in a piece of generated Markdown: without tags, link
    targets, attribute lists and entities."""
    return len(_MARKUP.sub(" ", markdown).split())
