"""Each chart has a page of its own with an embed snippet (an iframe of that page), and
every page of the built site carries a share card (Open Graph, Twitter) whose image is a
chart drawn as a PNG from the same spec."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from shuttle.site import charts
from shuttle.site.pages.chart_pages import chart_page, embed_snippet

SITE_URL = "https://example.org/"
CARD = ("og:title", "og:description", "og:image", "og:url", "twitter:card", "twitter:image")


def _meta(html: str) -> dict[str, str]:
    found = re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html)
    return {name: unescape(content) for name, content in found}


def test_the_snippet_is_an_iframe_of_the_charts_page() -> None:
    chart = charts.Chart("death-toll", 'A "title" <b>', {}, "<svg/>", "", (), ())
    snippet = embed_snippet(chart, "https://example.org/shuttle/")
    assert snippet.startswith('<iframe src="https://example.org/shuttle/charts/death-toll/"')
    assert 'title="A &quot;title&quot; &lt;b&gt;"' in snippet  # markup in a title stays text
    assert chart_page("death-toll") == "charts/death-toll.md"


def test_every_chart_has_a_page_with_its_snippet(built_site: Path) -> None:
    site = built_site / "build" / "site"
    names = sorted(
        p.name.removesuffix(".vl.json") for p in (site / "assets/charts").glob("*.vl.json")
    )
    assert names, "no charts"
    for name in names:
        html = (site / "charts" / name / "index.html").read_text(encoding="utf-8")
        assert 'class="shuttle-chart"' in html
        code = re.search(r'<pre class="shuttle-embed"><code>(.*?)</code></pre>', html, re.S)
        assert code is not None
        assert unescape(code.group(1)).startswith(f'<iframe src="{SITE_URL}charts/{name}/"')
        assert _meta(html)["og:image"] == f"{SITE_URL}assets/charts/{name}.png"
        assert (site / "assets/charts" / f"{name}.png").read_bytes().startswith(b"\x89PNG")


def test_every_page_has_a_share_card_with_an_image(built_site: Path) -> None:
    site = built_site / "build" / "site"
    for page in sorted(site.rglob("*.html")):
        meta = _meta(page.read_text(encoding="utf-8"))
        missing = [name for name in CARD if not meta.get(name)]
        if page.name == "404.html":
            missing = [m for m in missing if m != "og:url"]  # it has no address of its own
        assert not missing, (page.relative_to(site), missing)
        image = meta["og:image"].removeprefix(SITE_URL)
        assert (site / image).is_file(), (page, image)
        assert meta["twitter:card"] == "summary_large_image"


@pytest.mark.slow
def test_a_charts_data_table_is_read_on_its_page_not_searched(built_site: Path) -> None:
    # thousands of numbers would crowd the results and pass a search index's page limit
    page = (built_site / "build/site/charts/death-toll/index.html").read_text("utf-8")
    assert "The data: " in page
    index = (built_site / "build/site/search/search_index.json").read_text("utf-8")
    assert "The data: " not in index and "charts/death-toll/" in index
