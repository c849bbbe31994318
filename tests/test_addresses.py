"""Where pages are and how they link (pages/addresses.py)."""

from __future__ import annotations

import itertools
import posixpath

from shuttle.site.pages.addresses import _relpath, part_page, relative, relative_url, url_of


def test_links_between_pages_are_those_of_posixpath_relpath() -> None:
    names = [".", "a", "a/b", "a/b/c", "x", "x/y", "a/x", "index.md", "a/b.md", "a/b/page-2.md"]
    for to, here in itertools.product(names, names):
        assert _relpath(to, here) == posixpath.relpath(to, here), (to, here)


def test_part_pages() -> None:
    assert part_page("quotes.md", 1) == "quotes.md"
    assert part_page("quotes.md", 3) == "quotes/page-3.md"
    assert part_page("sources/index.md", 2) == "sources/page-2.md"
    assert part_page("trips/trip-04.md", 2) == "trips/trip-04/page-2.md"
    assert url_of(part_page("timeline.md", 12)) == "timeline/page-12/"
    assert part_page("quotes.md", 3, "q-1a2b") == "quotes/page-q-1a2b.md"
    assert part_page("quotes.md", 1, "q-1a2b") == "quotes.md"


def test_links_from_page_sources_and_from_page_addresses() -> None:
    assert relative("trips/trip-04.md", "sources/x.md", "p3") == "../sources/x.md#p3"
    assert relative("index.md", "quotes.md") == "quotes.md"
    # an address is a folder: trips/trip-04/ is one level deeper than its source
    assert relative_url("trips/trip-04.md", "sources/x.md", "p3") == "../../sources/x/#p3"
    assert relative_url("quotes.md", "quotes.md") == "./"
    assert relative_url("index.md", "trips/index.md") == "trips/"
