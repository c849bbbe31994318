"""Every page and file of the site, from the view: listings planned, then rendered."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from shuttle.aside import Aside
from shuttle.site.pages.chart_pages import render_chart_pages
from shuttle.site.pages.corrections import render_corrections
from shuttle.site.pages.disagreements import plan_disagreements, render_disagreements
from shuttle.site.pages.downloads import render_downloads
from shuttle.site.pages.figures import draw_aside, plan_figures, render_figures
from shuttle.site.pages.home import render_home
from shuttle.site.pages.paging import BUDGET
from shuttle.site.pages.quotes import plan_people, plan_quotes, render_people, render_quotes
from shuttle.site.pages.reuse import current
from shuttle.site.pages.sources import plan_sources, render_sources
from shuttle.site.pages.trips import plan_timeline, plan_trip, render_trips
from shuttle.site.pages.view import View


@dataclass
class Generated:
    pages: dict[str, str] = field(default_factory=dict)  # docs path -> Markdown
    files: dict[str, str | bytes] = field(default_factory=dict)  # site path -> content


def render_site(
    view: View,
    *,
    site_url: str = "",
    cache: Path | None = None,
    budget: int = BUDGET,
    aside: bool = False,
    draw: bool | None = None,
    script: bool = True,
) -> Generated:
    """Every generated page and file. Listing pages are laid out in parts first (within
    `budget` bytes of HTML each), so that a link from any page to an anchor on one of
    them can point to the part that holds it. `draw` (default: as `aside`): the charts
    are drawn while the pages are planned, with the charts' script unless `script` is
    False (it is being built elsewhere); `aside`: the sources, people and downloads
    rendered while the rest are; each in a forked process on the other core (aside.py;
    the pages are the same). Within a generation of reuse.py (`shuttle serve`), what the
    last generation made is taken back where nothing it was made from changed."""
    out = Generated()
    if draw is None:
        draw = aside
    drawing = draw_aside(view, cache, script=script) if draw else None  # the charts, meanwhile
    quotes, people = plan_quotes(view, budget), plan_people(view, budget)
    timeline = plan_timeline(view, budget)
    trips = {t.ordinal: plan_trip(view, t, budget) for t in view.trips}
    sources, disagreements = plan_sources(view, budget), plan_disagreements(view, budget)
    figures_paged = plan_figures(view, budget)
    view.places.clear()
    for paged in (quotes, people, timeline, *trips.values(), sources, disagreements, figures_paged):
        view.places.update(paged.places)
    current().places(view.places)  # final: what moved since the last generation

    def second_half() -> tuple[dict[str, str], ...]:
        return (
            render_people(view, people),
            render_sources(view, sources),
            *render_downloads(view, site_url),
        )

    later = Aside(second_half) if aside else None
    # the pages without charts first, while the charts are drawn aside
    corrections = render_corrections(view)
    trip_pages = render_trips(view, timeline, trips)
    quote_pages = render_quotes(view, quotes)
    disagreement_pages = render_disagreements(view, disagreements)
    if drawing is not None:
        drawing.result()  # every chart in the cache (drawn here if that process failed)
    figures, chart_files, drawn = render_figures(view, cache, figures_paged)
    out.pages.update(figures)
    out.files.update(chart_files)
    headline = next((c for c in drawn if c.name == "death-toll"), None)
    out.pages.update(render_home(view, headline))
    out.pages.update(render_chart_pages(drawn, site_url))
    out.pages.update(corrections)
    out.pages.update(trip_pages)
    out.pages.update(quote_pages)
    people_pages, source_pages, data_page, downloads = (
        later.result() if later is not None else second_half()
    )
    out.pages.update(people_pages)  # in the order they always had
    out.pages.update(source_pages)
    out.pages.update(disagreement_pages)
    out.pages.update(data_page)
    out.files.update(downloads)
    return out
