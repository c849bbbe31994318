"""A page of its own for each chart (charts/<name>/), to link to, share and embed: the
chart, what it shows, and the snippet a newsroom pastes to embed it (an iframe of the
page). Its share card's image is the chart's PNG."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from shuttle.site import charts
from shuttle.site.pages import view as v
from shuttle.site.pages.env import render
from shuttle.site.pages.figures import CHART_DIR, chart_markup

EMBED_HEIGHT = 640  # px: the chart, its caption and description at a desktop's width


def chart_page(name: str) -> str:
    return f"charts/{name}.md"


def embed_snippet(chart: charts.Chart, site_url: str) -> str:
    """The iframe a newsroom pastes: the chart's page at the site's address."""
    address = f"{site_url.rstrip('/')}/{v.url_of(chart_page(chart.name))}"
    title = escape(chart.title, quote=False).replace('"', "&quot;")
    return (
        f'<iframe src="{escape(address)}" title="{title}" width="100%" '
        f'height="{EMBED_HEIGHT}" style="border: 0" loading="lazy"></iframe>'
    )


def render_chart_pages(drawn: list[charts.Chart], site_url: str) -> dict[str, str]:
    pages = {}
    for chart in drawn:
        page = chart_page(chart.name)
        pages[page] = render(
            "chart.md.j2", page, chart=chart, markup=chart_markup(chart, page),
            # escaped once for the page to show it as text (never run as markup)
            snippet=Markup(escape(embed_snippet(chart, site_url))),
            image=f"{CHART_DIR}/{chart.name}.png",
        )  # fmt: skip
    return pages
