"""docs/ and the generated pages as build/docs holds them: each page's source where its
URL is (quotes.md -> quotes/index.md, as mkdocs' directory URLs place it), its Markdown
links moved with it."""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path

from shuttle.paths import Paths, editor_scratch
from shuttle.site.pages.reuse import current as current_reuse

# docs/ folders that are not pages: the theme's templates (mkdocs.yml's custom_dir)
NOT_SOURCE = ("overrides",)

# an inline Markdown link or image: ](target) or ](target#anchor)
MD_LINK = re.compile(r"\]\(([^()\s#]+)(#[^()\s]*)?\)")


def folder_page(name: str) -> str:
    """quotes.md -> quotes/index.md: each page's source where its URL is (directory URLs)."""
    if not name.endswith(".md") or posixpath.basename(name) == "index.md":
        return name
    return name[: -len(".md")] + "/index.md"


def folder_pages(files: dict[str, bytes]) -> dict[str, bytes]:
    """Every page moved to its folder's index.md, its Markdown links moved with it. The
    pages' raw HTML links are relative to the page's URL; with the source where the URL
    is they are also relative to the source file, which is how Zensical reads them
    (mkdocs leaves raw HTML alone), so both renderers make the same links."""
    # under serve the same pages come back after every saved edit: the same bytes object
    # back, which sync then finds unchanged at a glance
    keep = current_reuse().keep
    return dict(
        keep("in folder", (name, data), functools.partial(in_folder, name, data))
        for name, data in files.items()
    )


def in_folder(name: str, data: bytes) -> tuple[str, bytes]:
    """A file of the site source at its place in build/docs, a page's links moved."""
    new = folder_page(name)
    if name.endswith(".md"):
        data = _moved_links(data.decode("utf-8"), name, new).encode("utf-8")
    return new, data


def _moved_links(markdown: str, old: str, new: str) -> str:
    here, there = posixpath.dirname(old), posixpath.dirname(new)

    def move(match: re.Match[str]) -> str:
        target, anchor = match.group(1), match.group(2) or ""
        if ":" in target or target.startswith("/"):  # an address, a mail link
            return match.group(0)
        return f"]({_moved(here, there, target)}{anchor})"

    return MD_LINK.sub(move, markdown)


@functools.lru_cache(maxsize=65536)
def _moved(here: str, there: str, target: str) -> str:
    # the same few targets from the same folders, tens of thousands of times a site
    page = folder_page(posixpath.normpath(posixpath.join(here, target)))
    return posixpath.relpath(page, there or ".")


def read_docs(docs: Path) -> dict[str, bytes]:
    """The files of docs/ but the theme's templates and editors' scratch files."""
    found: dict[str, bytes] = {}
    if not docs.is_dir():
        return found
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs)
        if relative.parts[0] in NOT_SOURCE or not path.is_file() or editor_scratch(path.name):
            continue
        found[relative.as_posix()] = path.read_bytes()
    return found


def hand_written(paths: Paths) -> dict[str, bytes]:
    """The files of docs/ as they land in build/docs (pages moved to their folders)."""
    return folder_pages(read_docs(paths.docs))
