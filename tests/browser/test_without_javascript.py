"""The site is usable with JavaScript turned off: every page shows its content; from every
page, each section of the site's navigation is one visible link away (in the sidebar, or
in the text where a page hides the sidebar) and leads to a built page; every image (the
charts' static SVGs included) is shown and loaded.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urldefrag, urljoin

from .browsing import Site

NAV_LINKS = ".md-sidebar--primary .md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link"
IMAGES = """() => [...document.querySelectorAll(".md-content img")].map((img) => ({
  src: img.getAttribute("src"),
  loaded: img.complete && img.naturalWidth > 0,
}))"""

FIT = """(canvas) => [canvas.getBoundingClientRect().height,
  canvas.querySelector("img").getBoundingClientRect().height]"""


def test_every_page_reads_without_javascript(new_context: Any, site: Site) -> None:
    problems: list[str] = []
    context, watch = new_context(java_script_enabled=False)
    page = context.new_page()
    pages = set(site.pages)
    for path in site.pages:
        page.goto(site.url(path))
        if page.evaluate("() => typeof window.document$") != "undefined":
            problems.append(f"{path}: JavaScript ran; the test means nothing")
        content = page.locator("article.md-content__inner")
        if not content.locator("h1").first.is_visible():
            problems.append(f"{path}: no visible heading")
        sections = {
            _target(site, path, href)
            for href in page.locator(NAV_LINKS).evaluate_all(
                "(links) => links.map((a) => a.getAttribute('href'))"
            )
        }
        if len(sections) < 2:
            problems.append(f"{path}: no site navigation in the page")
        visible = {
            _target(site, path, href)
            for href in page.locator("a[href]:visible").evaluate_all(
                "(links) => links.map((a) => a.getAttribute('href'))"
            )
        }
        for section in sorted(sections - visible - {path}):
            problems.append(f"{path}: no visible link to {section}")
        for section in sorted(sections - pages):
            problems.append(f"{path}: the navigation links {section}, which was not built")
        for image in page.evaluate(IMAGES):
            if not image["loaded"]:
                problems.append(f"{path}: image {image['src']} did not load")
        for chart in page.locator(".shuttle-chart [data-spec]").all():
            fallback = chart.locator("img")
            if fallback.count() != 1 or not fallback.is_visible():
                problems.append(f"{path}: a chart has no visible static image")
                continue
            # no room kept for a live chart that cannot come: the canvas fits the image
            heights = chart.evaluate(FIT)
            if abs(heights[0] - heights[1]) > 1:
                problems.append(f"{path}: chart canvas {heights[0]}px, its image {heights[1]}px")
    offsite, errors = watch.clear()
    assert not problems and not offsite and not errors, "\n".join(problems + offsite + errors)


def _target(site: Site, path: str, href: str) -> str:
    return urldefrag(urljoin(site.url(path), href)).url.removeprefix(site.base)


def test_a_chart_page_has_its_static_chart(new_context: Any, site: Site) -> None:
    """At least one page shows a chart as a static image when JavaScript is off."""
    context, _ = new_context(java_script_enabled=False)
    page = context.new_page()
    shown = 0
    for path in site.pages:
        if "data-spec=" in site.text(path):
            page.goto(site.url(path))
            shown += page.locator(".shuttle-chart [data-spec] img:visible").count()
    assert shown > 0
