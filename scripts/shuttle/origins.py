"""Where each page of build/docs comes from, both ways: mkdocs.yml's nav as an editor writes
it (`docs/` file names, `methodology.md`) turned into the generated paths the renderers read
(`methodology/index.md`, generate.py), and the renderer's messages about a generated path
told as the file an editor edits (docs/methodology.md) or the data a page is made from.

mkdocs' warnings are matched by their wording (mkdocs 1.6); a message that matches none
keeps its words, its page's origin named in front.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from shuttle.paths import Paths
from shuttle.problems import Problem
from shuttle.site.folders import NOT_SOURCE, folder_page

# the data a generated page is made from, by the start of its path (the first that fits)
MADE_FROM = (
    ("sources/", "seeds/sources.yml", "the article's entry in seeds/sources.yml"),
    ("trips/", "data/trips.yml", "data/trips.yml"),
    ("people/", "data/people.yml", "data/people.yml"),
    ("corrections/", "data/corrections.yml", "data/corrections.yml"),
    ("quotes/", "data/articles/", "the quotes of data/articles/"),
    ("figures/", "data/articles/", "the figures of data/articles/ and data/casualties.yml"),
    ("timeline/", "data/articles/", "the events of data/articles/ and data/trips.yml"),
    ("disagreements/", "data/trips.yml", "the disagreements in data/trips.yml"),
    ("", "data/", "data/ and seeds/"),
)
HOW_PAGES_ARE_NAMED = "a page of docs/ is named by its file, as methodology.md"


def moved_nav(nav: Any) -> Any:
    """mkdocs.yml's nav with each page of docs/ named where generate.py puts it."""
    if isinstance(nav, list):
        return [moved_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {title: moved_nav(value) for title, value in nav.items()}
    if isinstance(nav, str) and ":" not in nav and not nav.startswith("/"):
        return folder_page(nav)
    return nav  # an address


def hand_written(paths: Paths) -> dict[str, str]:
    """Each page of docs/ by its path under build/docs: methodology/index.md -> methodology.md."""
    found: dict[str, str] = {}
    if paths.docs.is_dir():
        for path in sorted(paths.docs.rglob("*.md")):
            name = path.relative_to(paths.docs).as_posix()
            if name.split("/")[0] not in NOT_SOURCE:
                found[folder_page(name)] = name
    return found


@dataclasses.dataclass(frozen=True)
class Origin:
    file: str  # what an editor opens
    page: str | None  # the docs/ page, for a hand-written one
    words: str  # how a message names it


def origin(paths: Paths, generated: str, pages: dict[str, str]) -> Origin:
    if generated in pages:
        name = f"docs/{pages[generated]}"
        return Origin(name, pages[generated], name)
    address = generated.removesuffix("index.md")
    for start, file, words in MADE_FROM:
        if generated.startswith(start):
            if start == "sources/" and address.count("/") == 2:
                article = address.split("/")[1]
                file, words = f"data/articles/{article}.yml", f"data/articles/{article}.yml"
            return Origin(file, None, f"the page {address or 'home'} (made from {words})")
    raise AssertionError("MADE_FROM ends with a catch-all")  # pragma: no cover


def unmoved(target: str, pages: dict[str, str]) -> str:
    """A path under build/docs as the editor names it in docs/ ('x/index.md' -> 'x.md')."""
    if target in pages:
        return pages[target]
    return target[: -len("/index.md")] + ".md" if target.endswith("/index.md") else target


LINK = re.compile(
    r"^Doc file '(?P<src>[^']+)' contains (?:a link|an? (?P<kind>unrecognized relative|"
    r"absolute) link|a link to) '(?P<link>[^']+)'(?P<rest>.*)$",
    re.DOTALL,
)
ANCHOR = re.compile(r"does not contain an anchor '(?P<anchor>#[^']+)'")
TARGET = re.compile(r"the target '(?P<target>[^']+)' is not found")
NAV_MISSING = re.compile(r"^A reference to '(?P<name>[^']+)' is included in the 'nav'")
NOT_IN_NAV = re.compile(r"^The following pages exist in the docs directory, but are not")
ABORTED = re.compile(r"^Aborted with \d+ warnings? in strict mode!$")
# render/renderers.py's form of a Zensical diagnostic
ZENSICAL = re.compile(r"^zensical: (?P<what>.+) \[ (?P<src>[^\s\]]+):(?P<line>\d+) \]$")


def explain(problems: Iterable[Problem], paths: Paths) -> list[Problem]:
    """The renderer's problems (E501 on mkdocs.yml) in an editor's terms: the page named by
    the file to edit, each kind of mistake with its own code (E506-E508)."""
    pages = hand_written(paths)
    nav_text = _text(paths.mkdocs_file)
    out: list[Problem] = []
    for problem in problems:
        if problem.code != "E501" or problem.file != "mkdocs.yml":
            out.append(problem)
        else:
            out += _explained(problem.message, paths, pages, nav_text)
    if len(out) > 1:  # the count of the warnings listed above says nothing more
        out = [p for p in out if not ABORTED.match(p.message)]
    return out


def _explained(message: str, paths: Paths, pages: dict[str, str], nav: str) -> list[Problem]:
    if found := LINK.match(message):
        return [_link_problem(found, paths, pages)]
    if found := ZENSICAL.match(message):
        return [_zensical_problem(found, paths, pages)]
    if found := NAV_MISSING.match(message):
        name = unmoved(found["name"], pages)
        return [
            Problem.of(
                "E507",
                "mkdocs.yml",
                _nav_line(nav, name),
                f"the nav names {name}, which is not a page of docs/ or of the site "
                f"({HOW_PAGES_ARE_NAMED})",
            )  # fmt: skip
        ]
    if NOT_IN_NAV.match(message):
        # one page a line; Problem.of wrote the line breaks as \x0a
        lines = message.replace("\\x0a", "\n").splitlines()[1:]
        listed = [line.strip().removeprefix("- ") for line in lines if line.strip()]
        return [_not_in_nav(name, paths, pages) for name in listed]
    return [_named_page(message, paths, pages)]


def _link_problem(found: re.Match[str], paths: Paths, pages: dict[str, str]) -> Problem:
    where = origin(paths, found["src"], pages)
    link, rest = found["link"], found["rest"]
    if where.page is not None:  # the link as the editor wrote it, relative to their page
        here = posixpath.dirname(found["src"])
        path, hash_, anchor = link.partition("#")
        if path and ":" not in path and not path.startswith("/"):
            moved = posixpath.normpath(posixpath.join(here, path))
            path = posixpath.relpath(unmoved(moved, pages), posixpath.dirname(where.page) or ".")
        link = path + hash_ + anchor
    if anchor_found := ANCHOR.search(rest):
        anchor = anchor_found["anchor"]
        what = (
            f"names {anchor}, which that page has no heading or id for (a heading's "
            "anchor is its words in lower case, joined by hyphens)"
        )
    elif target := TARGET.search(rest):
        missing = unmoved(target["target"], pages)
        what = (
            f"leads to {missing}, which is not a page or file of the site ({HOW_PAGES_ARE_NAMED})"
        )
    elif found["kind"] == "absolute":
        what = (
            "starts at the site's root, which breaks once the site is published under a "
            f"path: link to the page's file instead ({HOW_PAGES_ARE_NAMED})"
        )
    elif "excluded" in rest:
        what = "leads to a file left out of the site (exclude_docs in mkdocs.yml)"
    else:
        what = f"is neither a page nor a file of the site ({HOW_PAGES_ARE_NAMED})"
    line = _line_of(_text(paths.root / where.file), f"({link}") if where.page else None
    whose = "the" if where.page else f"{where.words}: the"
    return Problem.of("E506", where.file, line, f"{whose} link {link!r} {what}")


def _zensical_problem(found: re.Match[str], paths: Paths, pages: dict[str, str]) -> Problem:
    """Zensical names the page and line (a hand-written page's lines are its file's)."""
    where = origin(paths, found["src"], pages)
    what = found["what"]
    if "does not exist" not in what:  # not a link: as Zensical says it, on the page
        line = int(found["line"]) if where.page else None
        return Problem.of("E501", where.file, line, f"{where.words}: zensical: {what}")
    hint = (
        "a heading's anchor is its words in lower case, joined by hyphens"
        if "anchor" in what
        else HOW_PAGES_ARE_NAMED
    )
    whose = "a" if where.page else f"{where.words}: a"
    return Problem.of(
        "E506", where.file, int(found["line"]) if where.page else None,
        f"{whose} link on this line leads nowhere: {what} ({hint})",
    )  # fmt: skip


def _not_in_nav(name: str, paths: Paths, pages: dict[str, str]) -> Problem:
    where = origin(paths, name, pages)
    if where.page is None:
        return Problem.of(
            "E501", where.file, None, f"{where.words} is in no menu (nav in mkdocs.yml)"
        )
    title = where.page.removesuffix(".md").replace("-", " ").replace("/", " ").capitalize()
    return Problem.of(
        "E508", where.file, None,
        f"this page is in no menu: add it to nav in mkdocs.yml, as `- {title}: {where.page}`",
    )  # fmt: skip


def _named_page(message: str, paths: Paths, pages: dict[str, str]) -> Problem:
    """Any other message: the first generated page it names, told as its origin."""
    docs = f"{paths.relative(paths.build)}/docs/"
    for quoted in re.findall(r"'([^']+\.md)'", message):
        page = quoted.removeprefix(docs)
        if page.endswith(".md") and not page.startswith("../"):
            where = origin(paths, page, pages)
            return Problem.of("E501", where.file, None, f"{where.words}: {message}")
    return Problem.of("E501", "mkdocs.yml", None, message)


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _nav_line(text: str, name: str) -> int | None:
    """The line of mkdocs.yml's nav entry `- Title: name` (or `- name`)."""
    quoted = f"['\"]?{re.escape(name)}['\"]?"
    entry = re.search(rf"^[ \t]*-[ \t]*(?:[^\n]*:[ \t]*)?{quoted}[ \t]*$", text, re.MULTILINE)
    return text.count("\n", 0, entry.start()) + 1 if entry else None


def _line_of(text: str, words: str) -> int | None:
    at = text.find(words)
    return text.count("\n", 0, at) + 1 if at != -1 else None
