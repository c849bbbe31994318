"""Fragment links of the built site: every `page/#name` must name an element of its page.

lychee checks that files, images and scripts exist; with --include-fragments it also
reads and parses a link's target page again for every link that carries a fragment,
which grows with links times page size (a citation-heavy site of 1,000 articles took
minutes). Here every page is read once: the ids and names it defines, and the links
with a fragment it holds; then each link is looked up. Links to other sites, and to
files that are not HTML, are lychee's business.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

_HIDDEN = re.compile(r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->", re.S | re.I)
_TAG = re.compile(r"<[A-Za-z][A-Za-z0-9:-]*(\s[^<>]*)?/?>")
_ATTR = re.compile(
    r"""\s([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
)
_ALWAYS = {"", "top"}  # "#" and "#top" are the top of any page


def _anchors_and_links(text: str) -> tuple[set[str], list[str]]:
    ids: set[str] = set()
    links: list[str] = []
    for tag in _TAG.finditer(_HIDDEN.sub(" ", text)):
        attrs = tag.group(1)
        if not attrs or "=" not in attrs:
            continue
        for match in _ATTR.finditer(attrs):
            name = match.group(1).lower()
            if name in ("id", "name", "href"):
                value = next(g for g in match.groups()[1:] if g is not None)
                value = html.unescape(value) if "&" in value else value
                if name == "href":
                    if "#" in value:
                        links.append(value)
                else:
                    ids.add(value)
    return ids, links


def _target(page: Path, site: Path, href: str) -> tuple[Path, str] | None:
    """The HTML file and fragment a link from `page` points at, when it is ours."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        target = page
    elif path.startswith("/"):
        target = site / path.lstrip("/")
    else:
        target = page.parent / path
    if path.endswith("/") or target.suffix == "":
        target = target / "index.html"
    if target.suffix.lower() not in (".html", ".htm"):
        return None
    return target, unquote(parts.fragment)


def broken_fragments(site: Path) -> dict[Path, list[str]]:
    """Per page, the links whose fragment names nothing on the page they point at."""
    site = site.resolve()
    anchors: dict[Path, set[str]] = {}
    wanted: dict[Path, list[tuple[str, Path, str]]] = defaultdict(list)
    for page in sorted(site.rglob("*.html")):
        ids, links = _anchors_and_links(page.read_text(encoding="utf-8", errors="replace"))
        anchors[page] = ids
        for href in links:
            found = _target(page, site, href)
            if found is not None and found[1].lower() not in _ALWAYS:
                if not found[1].startswith(":~:"):  # text fragments: for the browser
                    wanted[page].append((href, *found))
    broken: dict[Path, list[str]] = {}
    for page, pointers in wanted.items():
        for _href, target, fragment in pointers:
            resolved = Path(_normalise(target))
            names = anchors.get(resolved)
            if names is None:
                continue  # a missing file: lychee reports it
            if fragment not in names:
                same = resolved == page
                shown = resolved.parent if resolved.name == "index.html" and not same else resolved
                broken.setdefault(page, []).append(f"file://{shown}#{fragment}")
    return broken


def _normalise(path: Path) -> str:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if len(parts) > 1:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return str(Path(*parts))
