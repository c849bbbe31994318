"""Where each page of the site is, and how one page links to another: the page sources'
paths (relative to the docs folder), a listing page's parts, Markdown link targets
between page sources and URLs between pages' addresses.
"""

from __future__ import annotations

import functools
import posixpath

# Page paths (Markdown sources, relative to the docs folder).
HOME = "index.md"
TIMELINE = "timeline.md"
TRIPS = "trips/index.md"
FIGURES = "figures.md"
QUOTES = "quotes.md"
PEOPLE = "people.md"
SOURCES = "sources/index.md"
DISAGREEMENTS = "disagreements.md"
DATA = "data.md"


def trip_page(ordinal: int) -> str:
    return f"trips/trip-{ordinal:02d}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def part_page(page: str, number: int, name: str | None = None) -> str:
    """Part `number` of a listing page: part 1 is the page itself, a later part a page
    below it, named after `name` (the first record it holds: quotes.md ->
    quotes/page-q-1a2b3c.md), else after its number (sources/index.md -> sources/page-2.md).
    A name stays when parts before it come or go; a number does not."""
    if number == 1:
        return page
    folder = posixpath.dirname(page) if posixpath.basename(page) == "index.md" else page[:-3]
    return posixpath.join(folder, f"page-{name or number}.md")


def relative(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A Markdown link target from one page source to another (mkdocs resolves .md)."""
    target = _relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


@functools.lru_cache(maxsize=65536)
def _relpath(to_page: str, from_dir: str) -> str:
    # A site links the same few folders to each other over and over: compute each once.
    # Both are relative to the site's root: posixpath.relpath would make them absolute
    # with os.getcwd() on every call (most of page generation's time at 1,000 articles).
    to_parts = [p for p in posixpath.normpath(to_page).split("/") if p not in ("", ".")]
    from_parts = [p for p in posixpath.normpath(from_dir).split("/") if p not in ("", ".")]
    common = 0
    for a, b in zip(to_parts, from_parts, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(from_parts) - common) + to_parts[common:]
    return "/".join(parts) or "."


def url_of(page: str) -> str:
    """The site URL of a page source (directory URLs), relative to the site root."""
    if page == "index.md":
        return ""
    if page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"


def relative_url(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A URL usable in raw HTML or a chart, from one page's URL to another's."""
    here = url_of(from_page)
    there = url_of(to_page)
    rel = _relpath(there.rstrip("/") or ".", here.rstrip("/") or ".")
    rel = "./" if rel == "." else rel + "/"
    return f"{rel}#{anchor}" if anchor else rel
