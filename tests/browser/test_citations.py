"""Every citation link (a link into /sources/<id>/#p<n>, from any page) lands on a paragraph
of the article that exists, is highlighted as the target, shows under the fixed header,
and, when the link comes from another page, holds the highlighted words it cites.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

import pytest

from .browsing import Site, watched_context

CITATION = re.compile(r"^/sources/[^/#?]+/#p\d+$")

# The paragraph's look when targeted, when not, and where it sits in the viewport.
PARAGRAPH = """(id) => {
  const el = document.getElementById(id);
  if (!el) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const header = document.querySelector(".md-header");
  return {
    tag: el.tagName,
    targeted: el.matches(":target"),
    look: [style.borderLeftColor, style.borderLeftWidth, style.backgroundColor,
           style.boxShadow, style.outlineStyle, style.outlineColor].join(" | "),
    marks: el.querySelectorAll("mark").length,
    top: box.top,
    bottom: box.bottom,
    headerBottom: header ? header.getBoundingClientRect().bottom : 0,
    viewport: window.innerHeight,
  };
}"""
# Each of the anchors in turn: followed as a fragment (the target and the scroll change at
# once), then left for an anchor that does not exist, which targets nothing.
FOLLOW = """(anchors) => anchors.map((id) => {
  const paragraph = PARAGRAPH;
  location.hash = "#" + id;
  const targeted = paragraph(id);
  location.hash = "#shuttle-no-such-anchor";
  return [targeted, paragraph(id)];
})""".replace("PARAGRAPH", PARAGRAPH)


# A link that cites a whole paragraph in support of an editor's sentence (a trip's "what
# he sought"), not words of it: the paragraph is its target, with nothing to <mark>.
WHOLE_PARAGRAPH = "shuttle-cite-paragraph"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.whole: set[str] = set()  # hrefs of links citing a whole paragraph

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        href = attr.get("href")
        if tag == "a" and href:
            self.hrefs.append(href)
            if WHOLE_PARAGRAPH in (attr.get("class") or "").split():
                self.whole.add(href)


def citations(site: Site, *, words_only: bool = False) -> dict[str, dict[str, set[str]]]:
    """{source page: {paragraph id: {pages linking to it}}}, from every built page;
    `words_only`: only the links that cite words of the paragraph."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path in site.pages:
        parser = _Links()
        parser.feed(site.text(path))
        for href in parser.hrefs:
            if words_only and href in parser.whole:
                continue
            target = urljoin(site.url(path), href).removeprefix(site.base)
            if CITATION.match(target):
                page, anchor = target.split("#")
                found[page][anchor].add(path)
    return found


def test_pages_cite_the_articles(site: Site) -> None:
    """The site cites its sources from pages other than the articles themselves."""
    cited = citations(site)
    assert any(path != page for page in cited for paths in cited[page].values() for path in paths)


@dataclass(frozen=True)
class Landing:
    where: str  # the address, and some of the pages that link to it
    targeted: dict[str, Any] | None  # the paragraph as targeted; None if there is none
    plain: dict[str, Any] | None  # the same paragraph, untargeted
    from_elsewhere: bool  # linked from a page other than the article itself
    words_elsewhere: bool  # and there cites words of it (not the whole paragraph)


@pytest.fixture(scope="module")
def landings(browser: Any, site: Site) -> tuple[list[Landing], list[str]]:
    """Every citation address followed in the browser; and any error or off-site request."""
    context, watch = watched_context(browser, site)
    page = context.new_page()
    found: list[Landing] = []
    words = citations(site, words_only=True)
    try:
        for source, anchors in sorted(citations(site).items()):
            ordered = sorted(anchors)
            # The first by a real navigation to the address, as a click from another page.
            page.goto(site.url(f"{source}#{ordered[0]}"))
            first = page.evaluate(PARAGRAPH, ordered[0])
            followed = page.evaluate(FOLLOW, ordered)
            followed[0] = (first, followed[0][1])
            for anchor, (targeted, plain) in zip(ordered, followed, strict=True):
                cited_from = anchors[anchor]
                where = f"{source}#{anchor} (linked from {', '.join(sorted(cited_from)[:3])})"
                by_words = words.get(source, {}).get(anchor, set())
                found.append(
                    Landing(
                        where, targeted, plain, cited_from != {source}, by_words - {source} != set()
                    )
                )
    finally:
        offsite, errors = watch.clear()
        context.close()
    return found, offsite + errors


def test_every_citation_lands_on_a_highlighted_paragraph(
    landings: tuple[list[Landing], list[str]],
) -> None:
    found, trouble = landings
    problems = [problem for landing in found for problem in _judge(landing)]
    assert found, "no citation to follow"
    assert not problems and not trouble, "\n".join(problems + trouble)


def test_every_cited_paragraph_highlights_what_it_cites(
    landings: tuple[list[Landing], list[str]],
) -> None:
    """A citation of words from another page lands on a paragraph with the cited words in
    <mark> (a whole paragraph cited in support of a sentence has none to mark)."""
    found, _ = landings
    bare = [
        f"{landing.where}: the cited paragraph highlights nothing (no <mark>)"
        for landing in found
        if landing.words_elsewhere and landing.targeted and landing.targeted["marks"] == 0
    ]
    assert not bare, "\n".join(bare)


def _judge(landing: Landing) -> list[str]:
    where, targeted, plain = landing.where, landing.targeted, landing.plain
    if targeted is None or plain is None:
        return [f"{where}: no element with that id"]
    problems = []
    if targeted["tag"] != "P":
        problems.append(f"{where}: lands on a <{targeted['tag'].lower()}>, not a paragraph")
    if not targeted["targeted"]:
        problems.append(f"{where}: the paragraph is not the :target")
    if targeted["look"] == plain["look"]:
        problems.append(f"{where}: not highlighted (looks the same untargeted: {plain['look']})")
    if not targeted["headerBottom"] - 1 <= targeted["top"] < targeted["viewport"]:
        problems.append(
            f"{where}: not in view below the header (top {targeted['top']:.0f}, header ends "
            f"{targeted['headerBottom']:.0f}, viewport {targeted['viewport']})"
        )
    return problems


def test_a_citation_link_followed_by_a_click(new_context: Any, site: Site) -> None:
    """One click on a citation, from the first page that has one: the browser follows it."""
    cited = citations(site)
    source, anchors = sorted(cited.items())[0]
    anchor, cited_from = sorted(anchors.items())[0]
    origin = sorted(p for p in cited_from if p != source)[0]
    context, watch = new_context()
    page = context.new_page()
    page.goto(site.url(origin))
    target = site.url(f"{source}#{anchor}")
    hrefs = page.locator("a[href]").evaluate_all("(links) => links.map((a) => a.href)")
    visible = [n for n, href in enumerate(hrefs) if href == target]
    visible = [n for n in visible if page.locator("a[href]").nth(n).is_visible()]
    assert visible, f"{origin}: no visible link to {target}"
    page.locator("a[href]").nth(visible[0]).click()
    page.wait_for_url(target)
    assert page.evaluate(PARAGRAPH, anchor)["targeted"]
    assert watch.clear() == ([], [])
