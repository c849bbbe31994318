"""Every page of the built site, in the light and the dark scheme: it loads with no console
error and no request leaving the site, and axe-core finds no violation.

One crawl visits every page and the tests below read its record. Each page is loaded
once and checked in both schemes, switched with the header's palette toggle (so the
next page opens in the scheme Material stored). Two pages, in two contexts, are crawled
side by side: axe runs in both renderer processes at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pytest

from .browsing import Site, watched_context

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
# Material's name for each scheme (body[data-md-color-scheme]); pages first open in light.
SCHEMES = {"light": "default", "dark": "slate"}

SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"
TOGGLE = "label.md-header__button[for^='__palette']:visible"
# Every chart the pointer reached for is drawn, or back to its static image.
CHARTS_SETTLED = """() => [...document.querySelectorAll(".shuttle-chart [data-spec]")].every(
    (c) => ["live", "static"].includes(c.getAttribute("data-shuttle-state")))"""
CHART = ".shuttle-chart [data-spec]"
# Colours must not be caught half-way through a transition when the scheme switches.
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"
# Started from a timer, so that evaluate returns at once and two pages run together.
START_AXE = """(options) => { window.__shuttleAxe = new Promise((done, fail) =>
  setTimeout(() => axe.run(document, options).then(done, fail), 0)); }"""
WORKERS = 2


@dataclass
class Visit:
    path: str
    scheme: str
    offsite: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)


class Crawler:
    """One context and page, visiting pages: load, axe, toggle the scheme, axe again."""

    def __init__(self, browser: Any, site: Site, axe_source: str) -> None:
        self.site, self.axe_source = site, axe_source
        self.context, self.watch = watched_context(browser, site, color_scheme="light")
        self.page = self.context.new_page()
        self.visit: Visit | None = None

    def _scheme(self) -> str:
        shown = self.page.evaluate(SCHEME)
        names = {value: name for name, value in SCHEMES.items()}
        return names.get(shown, repr(shown))

    def _start_axe(self, path: str, visits: dict[tuple[str, str], Visit]) -> None:
        self.visit = visits[path, self._scheme()] = Visit(path, self._scheme())
        self.page.evaluate(START_AXE, AXE_OPTIONS)

    def load(self, path: str, visits: dict[tuple[str, str], Visit]) -> None:
        self.page.goto(self.site.url(path))
        charts = self.page.locator(CHART).all()
        if charts:
            # The loader draws a chart when the reader reaches for it: axe checks the
            # live charts, then the pointer leaves them (no tooltip left open).
            for chart in charts:
                chart.hover()
            self.page.wait_for_function(CHARTS_SETTLED)
            self.page.mouse.move(0, 0)
        self.page.add_style_tag(content=NO_MOTION)
        self.page.evaluate(self.axe_source)
        self._start_axe(path, visits)

    def toggle(self, path: str, visits: dict[tuple[str, str], Visit]) -> None:
        before = self.page.evaluate(SCHEME)
        self.page.locator(TOGGLE).click()
        self.page.wait_for_function(f"(before) => ({SCHEME})() !== before", arg=before)
        self._start_axe(path, visits)

    def finish(self) -> None:
        assert self.visit is not None
        self.visit.violations = self.page.evaluate("() => window.__shuttleAxe")["violations"]
        offsite, errors = self.watch.clear()
        self.visit.offsite += offsite
        self.visit.errors += errors


def _axe_source() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return str(Axe().axe_script)


@pytest.fixture(scope="module")
def crawl(browser: Any, site: Site) -> dict[tuple[str, str], Visit]:
    axe_source = _axe_source()
    crawlers = [Crawler(browser, site, axe_source) for _ in range(WORKERS)]
    visits: dict[tuple[str, str], Visit] = {}
    pages = site.pages
    try:
        for first in range(0, len(pages), WORKERS):
            batch = list(zip(crawlers, pages[first : first + WORKERS], strict=False))
            for crawler, path in batch:
                crawler.load(path, visits)
            for crawler, path in batch:
                crawler.finish()
                crawler.toggle(path, visits)
            for crawler, _ in batch:
                crawler.finish()
    finally:
        for crawler in crawlers:
            crawler.context.close()
    return visits


def test_the_site_has_its_pages(site: Site) -> None:
    """The crawl covers every page the sitemap lists (and the 404 page, which it omits)."""
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    listed = {
        re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)
    }
    assert listed, "sitemap.xml lists no page"
    assert listed <= set(site.pages), f"in the sitemap but not built: {listed - set(site.pages)}"
    assert "/404.html" in site.pages and "/" in site.pages


def test_every_page_is_checked_in_both_schemes(
    site: Site, crawl: dict[tuple[str, str], Visit]
) -> None:
    expected = {(path, scheme) for path in site.pages for scheme in SCHEMES}
    assert set(crawl) == expected, f"missed: {expected - set(crawl)}, odd: {set(crawl) - expected}"


def test_no_request_leaves_the_site(crawl: dict[tuple[str, str], Visit]) -> None:
    offsite = [f"{v.path} [{v.scheme}]: {url}" for v in crawl.values() for url in v.offsite]
    assert not offsite, "requests to outside 127.0.0.1 (aborted):\n" + "\n".join(offsite)


def test_no_console_errors(crawl: dict[tuple[str, str], Visit]) -> None:
    errors = [f"{v.path} [{v.scheme}]: {e}" for v in crawl.values() for e in v.errors]
    assert not errors, "errors while loading pages:\n" + "\n".join(errors)


def _describe(visit: Visit) -> list[str]:
    lines = []
    for violation in visit.violations:
        nodes = violation["nodes"]
        targets = ", ".join(str(n["target"]) for n in nodes[:3])
        summary = (nodes[0].get("failureSummary") or "").replace("\n", " ")[:300] if nodes else ""
        lines.append(
            f"{visit.path} [{visit.scheme}] {violation['id']} ({violation['impact']}): "
            f"{violation['help']}; {len(nodes)} element(s): {targets}; {summary}"
        )
    return lines


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_axe_finds_no_violation(crawl: dict[tuple[str, str], Visit], scheme: str) -> None:
    found = [line for v in crawl.values() if v.scheme == scheme for line in _describe(v)]
    assert not found, f"axe-core ({', '.join(AXE_TAGS)}):\n" + "\n".join(found)


def test_the_palette_toggle_switches_and_remembers(new_context: Any, site: Site) -> None:
    """The header's toggle switches light <-> dark, and the choice holds on the next page."""
    context, watch = new_context(color_scheme="light")
    page = context.new_page()
    page.goto(site.url("/"))
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    assert page.evaluate(scheme) == "slate"
    page.goto(site.url("/methodology/"))
    assert page.evaluate(scheme) == "slate"
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    assert page.evaluate(scheme) == "default"
    assert watch.clear() == ([], [])
