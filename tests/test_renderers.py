"""The same build/docs rendered by Material for MkDocs and by Zensical: both link-checked
by the build, and every difference between the two sites listed and explained here."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import build_copy, copy_project
from shuttle.render.renderers import zensical_command

pytestmark = pytest.mark.skipif(zensical_command() is None, reason="zensical not installed")


class _Page(HTMLParser):
    """A page's <title> and the links of its article (the theme's chrome aside)."""

    def __init__(self) -> None:
        super().__init__()
        self.title, self.links = "", []  # type: str, list[str]
        self._in_title, self._in_article = False, 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag == "article":
            self._in_article += 1
        elif tag == "a" and self._in_article:
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "article":
            self._in_article -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _pages(site: Path) -> dict[str, tuple[str, list[str]]]:
    """Page path -> (title, the article's links resolved against the page's address)."""
    out = {}
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        here = "https://site.example/" + name.removesuffix("index.html")
        out[name] = (page.title, [urljoin(here, link) for link in page.links])
    return out


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory, chart_cache: Path) -> Path:
    """A copy of the project built with Zensical, its links checked by the build."""
    root = copy_project(tmp_path_factory.mktemp("zensical") / "project", chart_cache=chart_cache)
    result = build_copy(root, "--renderer", "zensical")
    assert result.status == 0, result.output
    return root / "build" / "site"


def test_both_renderers_make_the_same_pages_titles_and_links(
    built_site: Path, zensical_site: Path
) -> None:
    material, zensical = _pages(built_site / "build" / "site"), _pages(zensical_site)
    assert sorted(material) == sorted(zensical), "the same page paths"
    differences = []
    for name in sorted(material):
        (title_m, links_m), (title_z, links_z) = material[name], zensical[name]
        if title_m != title_z:
            differences.append(("title", name, title_m, title_z))
        if links_m != links_z:
            differences.append(("links", name, str(links_m), str(links_z)))
    site_name = material["index.html"][0]
    # Explained: Zensical puts the nav title before the site's name on the home page too
    # ("Home - ..."), Material titles the home page with the site's name alone.
    explained = [("title", "index.html", site_name, f"Home - {site_name}")]
    assert differences == explained


def test_each_renderer_writes_its_own_search_index(built_site: Path, zensical_site: Path) -> None:
    # Explained: the search indexes differ in place and format (each theme's script reads
    # its own); the pages link to neither.
    assert (built_site / "build" / "site" / "search" / "search_index.json").is_file()
    assert (zensical_site / "search.json").is_file()


def test_zensicals_diagnostics_are_read_from_its_coloured_output() -> None:
    from shuttle.render.renderers import ANSI, DIAGNOSTIC

    output = (
        "Build started\n\x1b[33mWarning:\x1b[0m page does not exist\n"
        "   \x1b[38;5;246m╭\x1b[0m\x1b[38;5;246m─[\x1b[0m about/index.md:3:9 "
        "\x1b[38;5;246m]\x1b[0m\n"
        "   │\n2 issues found\nTraceback (most recent call last):\n"
    )
    assert DIAGNOSTIC.findall(ANSI.sub("", output)) == [
        ("page does not exist", "about/index.md", "3")
    ]
