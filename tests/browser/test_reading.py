"""What a reader sees, measured in the browser: quote text in the page's text colour, a
hash shown as written, and every page readable at a phone's width and a desktop's."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from typing import Any

import pytest

from .browsing import Site, Watch

WIDTHS = (390, 1280)
MIN_CHART_TEXT_PX = 11
# The size an <img> SVG's text is drawn at: its font sizes times the image's scale.
IMG_SCALES = """() => [...document.querySelectorAll('.shuttle-chart img')]
  .filter((img) => img.getBoundingClientRect().width > 0)
  .map((img) => [img.currentSrc, img.getBoundingClientRect().width])"""


def _colour(page: Any, selector: str) -> str:
    return str(page.eval_on_selector(selector, "el => getComputedStyle(el).color"))


def test_quote_text_is_in_the_pages_text_colour(
    site: Site, new_context: Callable[..., tuple[Any, Watch]]
) -> None:
    context, _ = new_context()
    page = context.new_page()
    page.goto(site.url("/quotes/"))
    assert page.locator("figure.shuttle-quote blockquote p").count() > 0
    body = _colour(page, ".md-typeset > p")
    assert _colour(page, "figure.shuttle-quote blockquote p") == body


def test_a_hash_is_shown_as_written(site: Site) -> None:
    """A sha256 that starts with a digit reads as that digit, not as `&#57;`."""
    for path in site.pages:
        if not path.startswith("/sources/") or "page-" in path:
            continue
        html = site.text(path)
        match = re.search(r"sha256:</strong> (.*?)</li>", html)
        if match:
            shown = unescape(match.group(1))  # what the browser shows
            assert re.fullmatch(r"<code>[0-9a-f]{16}…</code>", shown), (path, shown)


@pytest.mark.parametrize("width", WIDTHS)
def test_chart_text_is_readable_at_every_width(
    site: Site, new_context: Callable[..., tuple[Any, Watch]], width: int
) -> None:
    """A chart's static image (the first thing drawn) is scaled no smaller than the
    size its text was drawn for would allow: 11 px at least, phones included."""
    context, _ = new_context()
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    for path in site.pages:
        html = site.text(path)
        if "shuttle-chart" not in html:
            continue
        page.goto(site.url(path))
        for src, shown in page.evaluate(IMG_SCALES):
            svg = page.request.get(src).text()
            drawn = re.search(r'<svg[^>]*width="([\d.]+)"', svg)
            assert drawn is not None, src
            sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)(?:px)?"', svg)]
            sizes += [float(s) for s in re.findall(r"font-size:\s*([\d.]+)px", svg)]
            scale = shown / float(drawn.group(1))
            smallest = min(sizes) * scale if sizes else MIN_CHART_TEXT_PX
            assert smallest >= MIN_CHART_TEXT_PX - 0.05, (path, width, src, round(smallest, 1))


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_the_width(
    site: Site, new_context: Callable[..., tuple[Any, Watch]], width: int
) -> None:
    """At a phone's width and a desktop's, no page scrolls sideways: what is wider (a
    table, a chart's data) scrolls in a box of its own."""
    context, _ = new_context()
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    wide = []
    for path in site.pages:
        page.goto(site.url(path))
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide.append((path, scroll))
    assert not wide, f"pages wider than {width} px"


def _axe_source() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return str(Axe().axe_script)


AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
CHART = ".shuttle-chart [data-spec]"
LIVE = "(el) => el.getAttribute('data-shuttle-state') === 'live'"


def test_axe_passes_while_a_live_chart_shows_its_tooltip(
    site: Site, new_context: Callable[..., tuple[Any, Watch]]
) -> None:
    """With the pointer over each chart, drawn live and showing a tooltip, axe finds
    nothing (the tooltip Vega adds to the page stays inside its landmarks)."""
    context, _ = new_context()
    page = context.new_page()
    checked = 0
    for path in site.pages:
        if 'class="shuttle-chart"' not in site.text(path):
            continue
        page.goto(site.url(path))
        for chart in page.locator(CHART).all():
            chart.hover()
            chart.evaluate_handle(LIVE)
            page.wait_for_function(
                "(el) => el.getAttribute('data-shuttle-state') === 'live'",
                arg=chart.element_handle(),
            )
            box = chart.bounding_box()
            assert box is not None
            for dx in (0.3, 0.5, 0.7):  # over the plot: the line, a point, a readout
                page.mouse.move(box["x"] + box["width"] * dx, box["y"] + box["height"] * 0.6)
            page.evaluate(_axe_source())
            found = page.evaluate("(o) => axe.run(document, o)", AXE_OPTIONS)["violations"]
            assert not [(path, v["id"], [n["target"] for n in v["nodes"]]) for v in found]
            checked += 1
    assert checked, "no chart was checked"


def _quotes_in_parts(site: Site) -> list[tuple[str, str]]:
    """(speaker, trip) of every quote on every part of the quotes page, from the HTML."""
    found = []
    for path in site.pages:
        if path == "/quotes/" or path.startswith("/quotes/page-"):
            for tag in re.findall(r'<figure class="shuttle-quote[^>]*>', site.text(path)):
                speaker = re.search(r'data-speaker="([^"]*)"', tag)
                trip = re.search(r'data-trip="([^"]*)"', tag)
                assert speaker and trip, tag
                found.append((speaker.group(1), trip.group(1)))
    return found


def test_the_quotes_page_narrows_by_speaker_and_trip(
    site: Site, new_context: Callable[..., tuple[Any, Watch]]
) -> None:
    every = _quotes_in_parts(site)
    speaker, trip = max(every, key=lambda st: sum(1 for q in every if q == st))
    context, watch = new_context()
    page = context.new_page()
    page.goto(site.url("/quotes/"))
    page.select_option("select[name=speaker]", speaker)
    page.select_option("select[name=trip]", trip)
    # the count, once every part is gathered (not "Gathering the quotes…")
    page.wait_for_function(
        "/^\\d+ quotes?$/.test(document.querySelector('.shuttle-filter-status').textContent)"
    )
    shown = page.locator(".shuttle-filter-results figure.shuttle-quote")
    assert shown.count() == every.count((speaker, trip))  # gathered from every part
    for i in range(shown.count()):
        assert shown.nth(i).get_attribute("data-speaker") == speaker
        assert shown.nth(i).get_attribute("data-trip") == trip
    assert not page.locator(".shuttle-listing").is_visible()
    page.select_option("select[name=speaker]", "")
    page.select_option("select[name=trip]", "")
    assert page.locator(".shuttle-listing").is_visible()
    assert watch.clear() == ([], [])


def test_without_javascript_the_quotes_page_is_the_full_list(
    site: Site, new_context: Callable[..., tuple[Any, Watch]]
) -> None:
    context, _ = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url("/quotes/"))
    assert not page.locator("form.shuttle-filter").is_visible()
    assert page.locator(".shuttle-listing figure.shuttle-quote").count() > 0
