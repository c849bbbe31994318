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
import posixpath
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

from shuttle.render.linkmemo import Parsed

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


def _target(page: str, site: str, href: str) -> tuple[str, str] | None:
    """The HTML file (a normalised absolute path) and fragment a link from `page` points
    at, when it is ours. Plain string paths: a big site has tens of thousands of links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        target = page
    elif path.startswith("/"):
        target = site + "/" + path.lstrip("/")
    else:
        target = posixpath.dirname(page) + "/" + path
    if path.endswith("/") or not posixpath.splitext(target)[1]:
        target = target.rstrip("/") + "/index.html"
    if posixpath.splitext(target)[1].lower() not in (".html", ".htm"):
        return None
    return posixpath.normpath(target), unquote(parts.fragment)


def broken_fragments(
    site: Path, parsed: Parsed | None = None, digests: dict[str, str] | None = None
) -> dict[Path, list[str]]:
    """Per page, the links whose fragment names nothing on the page they point at.

    `parsed` (linkmemo.py): each page's ids and links from an earlier check, reused for
    a page whose digest in `digests` is the one they were read from; updated in place."""
    root = str(site.resolve())
    anchors: dict[str, set[str]] = {}
    wanted: dict[str, list[tuple[str, str]]] = defaultdict(list)
    seen: set[str] = set()
    for file in sorted(site.resolve().rglob("*.html")):
        page = str(file)
        rel = page[len(root) + 1 :]
        seen.add(rel)
        digest = (digests or {}).get(rel)
        known = parsed.get(rel) if parsed is not None else None
        if known is not None and digest is not None and known[0] == digest:
            ids, links = set(known[1]), known[2]
        else:
            ids, links = _anchors_and_links(file.read_text(encoding="utf-8", errors="replace"))
            if parsed is not None and digest is not None:
                parsed[rel] = (digest, sorted(ids), links)
        anchors[page] = ids
        for href in links:
            found = _target(page, root, href)
            if found is not None and found[1].lower() not in _ALWAYS:
                if not found[1].startswith(":~:"):  # text fragments: for the browser
                    wanted[page].append(found)
    if parsed is not None:
        for gone in parsed.keys() - seen:
            del parsed[gone]
    broken: dict[Path, list[str]] = {}
    for page, pointers in wanted.items():
        for target, fragment in pointers:
            names = anchors.get(target)
            if names is None:
                continue  # a missing file: lychee reports it
            if fragment not in names:
                same = target == page
                index = posixpath.basename(target) == "index.html"
                shown = posixpath.dirname(target) if index and not same else target
                broken.setdefault(Path(page), []).append(f"file://{shown}#{fragment}")
    return broken
