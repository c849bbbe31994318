"""Data -> Markdown pages (through templates), one module per page family."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from shuttle.pages.disagreements import render_disagreements
from shuttle.pages.downloads import render_downloads
from shuttle.pages.figures import render_figures
from shuttle.pages.home import render_home
from shuttle.pages.quotes import render_people, render_quotes
from shuttle.pages.sources import render_sources
from shuttle.pages.trips import render_trips
from shuttle.pages.view import View


@dataclass
class Generated:
    pages: dict[str, str] = field(default_factory=dict)  # docs path -> Markdown
    files: dict[str, str] = field(default_factory=dict)  # site path -> content


def render_site(view: View, *, site_url: str = "", cache: Path | None = None) -> Generated:
    out = Generated()
    figures, chart_files, headline = render_figures(view, cache)
    out.pages.update(figures)
    out.files.update(chart_files)
    out.pages.update(render_home(view, headline))
    out.pages.update(render_trips(view))
    out.pages.update(render_quotes(view))
    out.pages.update(render_people(view))
    out.pages.update(render_sources(view))
    out.pages.update(render_disagreements(view))
    data_page, downloads = render_downloads(view, site_url)
    out.pages.update(data_page)
    out.files.update(downloads)
    return out
