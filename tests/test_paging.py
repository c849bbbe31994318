"""Listing pages in parts (pages/paging.py): the budget, the order, every unit once, the
pager, and links sent to the part that holds their anchor."""

from __future__ import annotations

import posixpath
import random
import re
import sys
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import TEST_SITE_URL, pinned_epoch, run_shuttle
from shuttle.checks import consistency, run_checks
from shuttle.paths import Paths
from shuttle.site.pages import view as v
from shuttle.site.pages.assemble import render_site
from shuttle.site.pages.env import Links, macro
from shuttle.site.pages.paging import (
    CHROME,
    FILL,
    LABEL_CHARS,
    PAGER,
    Group,
    Unit,
    html_size,
    paginate,
    split,
    word_count,
)
from shuttle.site.pages.paging import (
    unit as make_unit,
)
from shuttle.site.pages.view import View

FIXTURE = Path(__file__).parent / "fixtures" / "project"


def units_of(spec: list[tuple[int, int]]) -> list[Unit]:
    """Units from (group number, size) pairs; groups by number, heading 100 bytes."""
    groups: dict[int, Group] = {}
    out = []
    for n, (g, size) in enumerate(spec):
        group = groups.setdefault(g, Group(f"g{g}", f"Group {g}", size=100, again=40))
        out.append(Unit(n, group, size, (f"u{n}",)))
    return out


def cost(sections: list) -> int:  # type: ignore[type-arg]
    return sum((s.group.again if s.continued else s.group.size) for s in sections) + sum(
        u.size for s in sections for u in s.units
    )


@given(
    st.lists(st.tuples(st.integers(0, 5), st.integers(1, 3000)), min_size=0, max_size=60).map(
        lambda spec: sorted(spec, key=lambda t: t[0])
    ),
    st.integers(200, 8000),
)
def test_split_keeps_order_every_unit_once_and_the_budget(
    spec: list[tuple[int, int]], room: int
) -> None:
    units = units_of(spec)
    parts = split(units, room)
    assert parts, "at least one part"
    flat = [u for p in parts for s in p for u in s.units]
    assert [u.item for u in flat] == list(range(len(units)))  # in order, each once
    for p in parts:
        alone = len([u for s in p for u in s.units]) == 1
        assert cost(p) <= room or alone, "over the budget with more than one unit"
    seen: set[str] = set()
    for p in parts:
        for s in p:
            assert s.continued == (s.group.anchor in seen)  # "(continued)" when begun
            seen.add(s.group.anchor)


@given(
    st.lists(
        st.tuples(st.integers(1, 3000), st.integers(0, 80), st.floats(0, 1, exclude_max=True)),
        max_size=80,
    ),
    st.integers(200, 8000),
)
def test_a_part_ends_early_only_when_it_is_full_enough(
    spec: list[tuple[int, int, float]], room: int
) -> None:
    """Every part but the last is FILL full, or the next unit would not have fitted."""
    units = [Unit(n, None, size, (), words, mark) for n, (size, words, mark) in enumerate(spec)]
    parts = split(units, room, 500)
    flat = [u for p in parts for s in p for u in s.units]
    assert [u.item for u in flat] == list(range(len(units)))
    for part, after in zip(parts, parts[1:], strict=False):
        held = [u for s in part for u in s.units]
        used, read = sum(u.size for u in held), sum(u.words for u in held)
        following = after[0].units[0]
        fits = used + following.size <= room and read + following.words <= 500
        assert not fits or max(used / room, read / 500) >= FILL


def _starts(units: list[Unit], room: int) -> list[int]:
    starts, at = [], 0
    for part in split(units, room, 10**9):
        starts.append(at)
        at += sum(len(s.units) for s in part)
    return starts


def test_a_lengthened_unit_leaves_the_later_parts_where_they_were() -> None:
    """A listing of 2,000 units marked by their ids, as make_unit marks them: lengthen a
    unit by 40 bytes, and no part or one begins elsewhere; cut only where the budget runs
    out (units without marks), some such edits move where every later part begins."""
    rng = random.Random(5)
    sizes = [rng.randint(500, 1500) for _ in range(2000)]
    marked = [make_unit(n, None, "x" * size, (f"e-{n}",)) for n, size in enumerate(sizes)]
    plain = [Unit(n, None, u.size, u.anchors, u.words) for n, u in enumerate(marked)]
    room = 40_000
    changed: dict[str, list[int]] = {"marked": [], "plain": []}
    for _ in range(60):
        at = rng.randrange(1500)
        for name, units in (("marked", marked), ("plain", plain)):
            before = _starts(units, room)
            edited = list(units)
            edited[at] = replace(units[at], size=units[at].size + 40)
            after = set(_starts(edited, room))
            changed[name].append(sum(1 for start in before if start not in after))
    assert sum(changed["marked"]) < sum(changed["plain"]) / 5, changed
    assert sorted(changed["marked"])[-3] <= 1, changed["marked"]  # all but a couple: one


def test_a_part_that_comes_leaves_the_later_parts_addresses_as_they_were() -> None:
    """Units grown past their part's room add parts: the parts after where the cut
    falls back into step keep their addresses, and the records on them their links (a
    numbered part 30 became part 31, and every page linking into it changed)."""
    rng = random.Random(5)
    units = [make_unit(n, None, "x" * rng.randint(300, 1500), (f"q-{n:04x}",)) for n in range(800)]
    budget = CHROME + PAGER + 20_000
    before = paginate("quotes.md", units, fixed=0, budget=budget)
    for at in (30, 100, 300):
        grown = list(units)
        grown[at] = replace(units[at], size=19_000)
        after = paginate("quotes.md", grown, fixed=0, budget=budget)
        assert after.count > before.count
        for unit in units[600:]:
            key = ("quotes.md", unit.anchors[0])
            assert before.places[key] == after.places[key], (at, unit.anchors)
        assert after.pages[-5:] == before.pages[-5:]


@given(st.lists(st.integers(0, 400), max_size=40), st.integers(1, 1500))
def test_split_keeps_every_part_within_its_words(words: list[int], limit: int) -> None:
    units = [Unit(n, None, 10, (), w) for n, w in enumerate(words)]
    parts = split(units, 10**9, limit)
    assert [u.item for p in parts for s in p for u in s.units] == list(range(len(units)))
    for p in parts:
        read = [u.words for s in p for u in s.units]
        assert sum(read) <= limit or len(read) == 1


def test_a_unit_is_sized_by_what_it_renders_to() -> None:
    markdown = '<p class="x">Two words</p> [a link](../people.md#x) { #anchor } &#8220;and&#8221;'
    assert make_unit("q", None, markdown).words == word_count(markdown)
    assert make_unit("q", None, markdown, extra=2).size == html_size(markdown) + 2


def test_paginate_places_anchors_on_their_part() -> None:
    units = units_of([(1, 900)] * 10 + [(2, 900)] * 10)
    budget = CHROME + PAGER + 3000
    paged = paginate("quotes.md", units, fixed=0, budget=budget, label=lambda us: "x")
    assert paged.count > 2
    # a later part is named after the first anchor it holds
    first_anchors = [p.sections[0].units[0].anchors[0] for p in paged.parts[1:3]]
    assert [p.page for p in paged.parts[:3]] == [
        "quotes.md",
        *(f"quotes/page-{a}.md" for a in first_anchors),
    ]
    for part in paged.parts:
        for unit in part.units:
            where = paged.places.get(("quotes.md", unit.anchors[0]), "quotes.md")
            assert where == part.page
    # a group's own anchor goes where it begins, never to its continuation
    assert ("quotes.md", "g1") not in paged.places
    first_of_2 = next(p for p in paged.parts if any(s.group.anchor == "g2" for s in p.sections))
    assert paged.places.get(("quotes.md", "g2"), "quotes.md") == first_of_2.page


def test_one_part_when_everything_fits_and_no_pager() -> None:
    paged = paginate("people.md", units_of([(1, 100)] * 5), fixed=0)
    assert paged.count == 1 and paged.places == {}
    assert paged.pager(paged.parts[0], str) is None


def test_the_pager_shows_a_window_and_marks_the_current_part() -> None:
    paged = paginate(
        "timeline.md", units_of([(1, 2000)] * 40), fixed=0, budget=CHROME + PAGER + 2100
    )
    assert paged.count == 40
    part = paged.parts[19]
    pager = paged.pager(part, lambda page: Links(part.page).url(page))
    assert pager is not None
    numbers = [link.number for link in pager.links]
    assert numbers == [1, None, 18, 19, 20, 21, 22, None, 40]
    assert [link.number for link in pager.links if link.current] == [20]
    assert pager.previous == "../page-u18/" and pager.next == "../page-u20/"
    first = paged.pager(paged.parts[0], lambda page: Links(paged.parts[0].page).url(page))
    assert first is not None and first.previous is None and first.links[1].url == "page-u1/"


def test_the_pager_fits_its_reserve() -> None:
    """Twice on a part, with the longest label, in the middle of many parts."""
    paged = paginate(
        "people.md", units_of([(1, 2000)] * 200), fixed=0, budget=CHROME + PAGER + 2100
    )
    part = replace(paged.parts[100], label="W" * LABEL_CHARS)
    pager = paged.pager(part, Links(part.page).url)
    show = macro("_paging.md.j2", "pager")
    pager_html = str(show(pager)) + str(show(pager, " (end)"))
    assert pager_html.count('aria-current="page"') == 2
    assert 'aria-label="Parts of this page"' in pager_html
    assert 'aria-label="Parts of this page (end)"' in pager_html
    assert html_size(pager_html) + 200 <= PAGER


# --- the fixture's pages, laid out with a tiny budget so that every listing is in parts ---

TINY = CHROME + 1000  # a part for every unit


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    store, _ = run_checks(Paths(FIXTURE))
    view = View.of(store, preview=True, disagreements=consistency.find(store))
    cache = tmp_path_factory.mktemp("cache")
    return render_site(view, cache=cache, budget=TINY).pages


LINK = re.compile(r"\]\(([^)#\s]*)(?:#([^)\s]+))?\)")
ANCHOR = re.compile(r'\{ #([^ }]+) \}|\bid="([^"]+)"')


def _later_parts(pages: dict[str, str], page: str) -> list[str]:
    """A listing's parts after part 1 (named after their first record, or numbered)."""
    folder = page[: -len(".md")] + "/page-"
    return sorted(
        name for name in pages if name.startswith(folder) and name.count("/") == 1 + page.count("/")
    )


def test_with_a_tiny_budget_every_listing_is_in_parts(tiny: dict[str, str]) -> None:
    for page in ("quotes.md", "people.md", "timeline.md", "trips/trip-03.md", "figures.md"):
        later = _later_parts(tiny, page)
        assert later, f"{page} is not in parts"
        assert all('aria-current="page"' in tiny[name] for name in later)
    # the figures' charts are on part 1 alone
    assert "charts: true" in tiny["figures.md"]
    assert "charts: true" not in tiny[_later_parts(tiny, "figures.md")[0]]
    assert "(continued)" in "".join(tiny.values())
    # part 1 says where each trip's quotes begin (the links are checked below)
    assert "In this listing:" in tiny["quotes.md"]
    assert "In this listing:" not in tiny[_later_parts(tiny, "quotes.md")[0]]
    # the people page lists the first letters of surnames (hundreds of names at scale)
    assert re.search(r"^- \[M\]\(people\.md#a-mediator\), part 1$", tiny["people.md"], re.M)
    assert re.search(
        r"^- \[S\]\(people/page-[a-z0-9-]+\.md#the-secretary\)", tiny["people.md"], re.M
    )


def test_the_quotes_filter_is_on_part_1_alone(tiny: dict[str, str]) -> None:
    """The filter lists every speaker and every part: on each part it would grow with the
    square of the quotes (minutes of generation at 1,000 articles). Part 1 carries it."""
    parts = [page for page in tiny if page == "quotes.md" or page.startswith("quotes/page-")]
    assert len(parts) > 2
    carrying = [page for page in parts if 'class="shuttle-filter"' in tiny[page]]
    assert carrying == ["quotes.md"]


def test_every_link_to_an_anchor_finds_it_on_the_part_it_names(tiny: dict[str, str]) -> None:
    """Links from every page (articles' 'on the quotes page', people from quotes and the
    timeline, events from the articles) reach the part that holds their anchor."""
    anchors = {
        page: {a or b for a, b in ANCHOR.findall(markdown)} for page, markdown in tiny.items()
    }
    checked = 0
    for page, markdown in tiny.items():
        folder = page.rsplit("/", 1)[0] if "/" in page else ""
        for target, anchor in LINK.findall(markdown):
            if not anchor or not target.endswith(".md"):
                continue
            resolved = posixpath.normpath(posixpath.join(folder, target))
            if resolved not in anchors:
                continue  # a hand-written page (methodology.md)
            assert anchor in anchors[resolved], f"{page}: {target}#{anchor} is not there"
            checked += 1
    assert checked > 50


# --- a built site of generated articles, its listings in parts under a 40 KB budget ---

BUILT_BUDGET = 40 * 1024
REPO = Path(__file__).resolve().parents[1]


class _Pager(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.navs = 0
        self.current: list[str] = []
        self.next: list[str] = []
        self._in_nav = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "nav" and attr.get("class") == "shuttle-pager":
            self.navs += 1
            self._in_nav = True
        if tag == "a" and self._in_nav:
            if attr.get("aria-current") == "page":
                self.current.append(attr.get("href") or "")
            if attr.get("rel") == "next":
                self.next.append(attr.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_nav = False


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(REPO))
    try:
        from benchmarks.curated import build_corpus
    finally:
        sys.path.remove(str(REPO))
    project = build_corpus(12, tmp_path_factory.mktemp("corpora"), log=lambda _: None)
    (project / "pyproject.toml").write_text(
        f'[tool.shuttle]\nsite_url = "{TEST_SITE_URL}"\npage_budget = {BUILT_BUDGET}\n',
        encoding="utf-8",
    )
    with pinned_epoch():
        run = run_shuttle(project, "build")  # the link check reads every #fragment too
    assert run.status == 0, run.stderr[-3000:]
    return project / "build" / "site"


@pytest.mark.slow
def test_a_built_site_keeps_every_listing_part_within_the_budget(built: Path) -> None:
    sizes = {}
    for page in sorted(built.rglob("*.html")):
        rel = page.relative_to(built).as_posix()
        html = page.read_text(encoding="utf-8")
        article = re.fullmatch(r"sources/(?!page-\d+/)[^/]+/index\.html", rel)
        if "shuttle-chart__canvas" in html or article:
            continue  # charts are exempt; an article is shown whole (not a listing)
        sizes[rel] = len(html.encode())
    over = {rel: size for rel, size in sizes.items() if size > BUILT_BUDGET}
    assert over == {}
    parts = [rel for rel in sizes if "/page-" in rel]
    for listing in ("quotes", "people", "timeline"):
        assert any(rel.startswith(f"{listing}/page-") for rel in parts), f"{listing} is whole"


@pytest.mark.slow
def test_the_pager_walks_every_part_once(built: Path) -> None:
    for listing in ("quotes", "people", "timeline"):
        here, seen = built / listing / "index.html", []
        while True:
            pager = _Pager()
            pager.feed(here.read_text(encoding="utf-8"))
            assert pager.navs == 2, f"{here}: a pager above and below"
            assert pager.current == ["./", "./"], f"{here}: aria-current on its own number"
            seen.append(here)
            if not pager.next:
                break
            here = (here.parent / pager.next[0] / "index.html").resolve()
        expected = 1 + len(list((built / listing).glob("page-*/index.html")))
        assert len(seen) == len(set(seen)) == expected


def test_what_part_1_alone_carries_does_not_shrink_the_later_parts() -> None:
    """A filter listing every speaker sits on part 1 alone: at 1,000 articles its words
    once left each part a fifth of a reader's sitting (two quotes a part, 9,755 parts)."""
    from shuttle.site.pages.ownsize import Own
    from shuttle.site.pages.paging import WORDS

    units = [Unit(n, None, 100, (), 50) for n in range(200)]  # 50 words each
    plain = paginate("quotes.md", units, fixed=0)
    crowded = paginate(
        "quotes.md", units, fixed=0, later=Own(0, 0, WORDS // 5, WORDS)
    )  # part 1: a big filter's words
    first, second = (len(crowded.parts[i].units) for i in (0, 1))
    assert first * 50 <= WORDS // 5 < (first + 1) * 50
    assert second == len(plain.parts[1].units) > first
    assert all(len(p.units) * 50 <= WORDS for p in crowded.parts)


def test_each_parts_own_size_is_its_own() -> None:
    from shuttle.site.pages import ownsize

    own = ownsize.own("quotes.md.j2", v.QUOTES, contexts={}, speakers=[], trips=[])
    # part 1 has the introduction; a later part only its title
    assert own.first > own.later and own.first_words < own.later_words
