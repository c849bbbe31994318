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
