"""The Figures page: the death toll chart, the chart of people killed in Israel and the
hostages, and every figure with its citation, the table in parts (pages.paging): at
1,000 articles it held 4,500 rows, more than a reader or a search index takes in."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from markupsafe import Markup

from shuttle.aside import Aside
from shuttle.checks.consistency import is_ministry_count
from shuttle.dates import day_span, long_day
from shuttle.records.schema import Figure
from shuttle.site import charts
from shuttle.site.pages import ownsize, paging, reuse
from shuttle.site.pages import view as v
from shuttle.site.pages.env import Links, macro
from shuttle.site.pages.paging import Paged

# The explainer's window: from the attack to the end of Blinken's term.
WINDOW_START = date(2023, 10, 7)
WINDOW_END = date(2025, 1, 20)
HOSTAGE_MEASURES = ("hostages_taken", "hostages_released", "hostages_held", "prisoners_released")
CHART_DIR = "assets/charts"
EVERY = "every-figure"
TABLE_HEAD = "| Date | Number | Who was counted | According to | Source |\n|---|---|---|---|---|\n"


@dataclass(frozen=True)
class ChartFiles:
    chart: charts.Chart
    files: dict[str, str]  # site path -> content


def death_toll(view: v.View, page: str, cache: Path | None) -> charts.Chart:
    series = [
        charts.SeriesPoint(
            day=r.date, killed=r.killed, injured=r.injured, killed_filled=r.killed_filled,
            injured_filled=r.injured_filled, report_source=r.source,
        )
        for r in view.series
    ]  # fmt: skip
    reported = [reported_point(f, page) for f in view.figures if is_ministry_count(f.figure)]
    spans = trip_spans(view, page)

    def draw(_: object) -> charts.Chart:
        return charts.death_toll_chart(series, reported, spans, until=WINDOW_END, cache_dir=cache)

    return reuse.current()(("chart", "death-toll", page), (series, reported, spans, cache), draw)


def reported_point(item: v.FigureItem, page: str) -> charts.ReportedPoint:
    """A published figure as a chart point, linked to its paragraph from `page`."""
    return charts.ReportedPoint(
        day=item.day,
        value=item.figure.value,
        measure=chart_measure(item.figure),
        qualifier=item.figure.qualifier,
        text=item.figure.text,
        source_title=item.source.title,
        outlet=item.source.outlet,
        href=v.relative_url(page, item.page, item.anchor),
        figure_id=item.figure.id,
        candidate=item.candidate,
        subject=item.figure.subject,
    )


def chart_measure(figure: Figure) -> str:
    """The chart row a figure belongs on: detainees Israel released are not prisoners
    freed in an exchange for hostages (charting.israel_data.MEASURES)."""
    if figure.measure == "prisoners_released" and "detainee" in (figure.subject or "").lower():
        return "detainees_released"
    return figure.measure


def trip_spans(view: v.View, page: str) -> list[charts.TripSpan]:
    return [
        charts.TripSpan(
            ordinal=t.ordinal, start=t.start, end=t.end,
            label=f"Trip {t.ordinal} ({day_span(t.start, t.end)}): {', '.join(t.stops)}",
            href=v.relative_url(page, v.trip_page(t.ordinal)),
        )
        for t in view.trips
    ]  # fmt: skip


def is_about_israel(figure: Figure) -> bool:
    """A count of the hostages or prisoners freed, or of people killed in Israel (on 7
    October 2023, or said to be in Israel), never a count from Gaza."""
    if figure.measure in HOSTAGE_MEASURES:
        return True
    if figure.measure != "killed" or is_ministry_count(figure):
        return False
    subject = (figure.subject or "").lower()
    if "gaza" in subject or "palestin" in subject:
        return False
    return figure.as_of == WINDOW_START or "israel" in subject


def israel(view: v.View, page: str, cache: Path | None) -> charts.Chart | None:
    """On the death toll chart's time axis: from its first day to its last."""
    days = [r.date for r in view.series if r.date <= WINDOW_END]
    start = days[0] if days else WINDOW_START
    until = days[-1] if days else WINDOW_END
    reported = [reported_point(f, page) for f in view.figures if is_about_israel(f.figure)]
    spans = trip_spans(view, page)
    return reuse.current()(
        ("chart", "israel", page), (reported, spans, start, until, cache),
        lambda _: charts.israel_chart(reported, spans, start=start, until=until, cache_dir=cache),
    )  # fmt: skip


def chart_files(chart: charts.Chart, cache: Path | None = None) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        f"{CHART_DIR}/{chart.name}.vl.json": charts.spec_json(chart),
        f"{CHART_DIR}/{chart.name}.svg": chart.svg,
        # the share card's image (Open Graph, Twitter): the same chart as a PNG
        f"{CHART_DIR}/{chart.name}.png": charts.render_png(chart.svg, cache_dir=cache),
    }
    if chart.svg_narrow:
        files[f"{CHART_DIR}/{chart.name}.narrow.svg"] = chart.svg_narrow
    return files


def _files(chart: charts.Chart, cache: Path | None) -> dict[str, str | bytes]:
    # the PNG is read from the chart cache and checked: under serve, once per chart drawn
    key, handed = ("chart files", chart.name), (chart, cache)
    return reuse.current()(key, handed, lambda _: chart_files(chart, cache))


def chart_markup(chart: charts.Chart, page: str) -> Markup:
    """A chart as `page` shows it (its table of data written out: thousands of cells);
    under serve, made again only when the chart is not the same."""
    key = ("chart markup", chart.name, page)
    return reuse.current()(key, chart, lambda _: _markup(chart, page))


def _markup(chart: charts.Chart, page: str) -> Markup:
    base = v.relative_url(page, "index.md")
    base = "" if base == "./" else base
    html = charts.chart_html(
        chart,
        spec_url=f"{base}{CHART_DIR}/{chart.name}.vl.json",
        svg_url=f"{base}{CHART_DIR}/{chart.name}.svg",
        narrow_svg_url=f"{base}{CHART_DIR}/{chart.name}.narrow.svg",
    )
    return Markup(html)


def plan_figures(view: v.View, budget: int = paging.BUDGET) -> Paged:
    """The table of every figure in parts; its charts, on part 1, are not counted (the
    budget is of a page's own HTML). Under serve, the last generation's plan while the
    figures and the Ministry's dataset are the same."""
    handed = (view.figures, _dataset(view), budget)
    return reuse.current().whole(("plan", v.FIGURES), handed, lambda: _plan_figures(view, budget))


def _plan_figures(view: v.View, budget: int) -> Paged:
    links, row = Links(v.FIGURES), macro("_macros.md.j2", "every_figure_row")
    table = paging.group(EVERY, "Every figure reported in the sources", head=TABLE_HEAD)
    units = [paging.unit(f, table, row(links, f), (f.figure.id,)) for f in view.figures]
    own = ownsize.own(
        "figures.md.j2", v.FIGURES, chart=None, israel_chart=None, dataset=_dataset(view)
    )
    return paging.paginate(
        v.FIGURES, units, fixed=own.first, label=_days, budget=budget, later=own
    )  # fmt: skip


def _days(units: list[paging.Unit]) -> str:
    return paging.span_label(long_day(units[0].item.day), long_day(units[-1].item.day))


def _dataset(view: v.View) -> object:
    return view.store.casualties.dataset if view.store.casualties else None


def draw_aside(view: v.View, cache: Path | None, *, script: bool = True) -> Aside[None] | None:
    """The site's charts (their SVG and PNG) and the charts' script (`script` False: it is
    being built elsewhere, charts.script_aside) drawn into the chart cache in a forked
    process on the other core, while this one plans the pages; then `render_figures`
    finds them there (a cache entry is checked as always, so the pages are the same).
    None when there is no cache or second core, or vl-convert has run in this process
    already (a fork would not copy its threads)."""
    if cache is None or not charts.can_draw_aside():
        return None
    return Aside(functools.partial(_draw, view, cache, script))


def _draw(view: v.View, cache: Path, script: bool) -> None:
    for chart in _charts(view, cache):
        if chart is not None:
            chart_files(chart, cache)
    if script:
        charts.chart_javascript(cache)


def _charts(view: v.View, cache: Path | None) -> tuple[charts.Chart | None, charts.Chart | None]:
    """The page's two charts: the death toll (when there is a series) and Israel's."""
    toll = death_toll(view, v.FIGURES, cache) if view.series else None
    return toll, israel(view, v.FIGURES, cache)


def render_figures(
    view: v.View, cache: Path | None, paged: Paged | None = None
) -> tuple[dict[str, str], dict[str, str | bytes], list[charts.Chart]]:
    """The page's parts, the chart files it needs (site path -> content), and its charts
    (the headline chart first)."""
    files: dict[str, str | bytes] = {}
    markup = israel_markup = None
    chart, israel_chart = _charts(view, cache)
    if chart is not None:
        files.update(_files(chart, cache))
        markup = chart_markup(chart, v.FIGURES)
    if israel_chart is not None:
        files.update(_files(israel_chart, cache))
        israel_markup = chart_markup(israel_chart, v.FIGURES)
    pages = paging.render_parts(
        "figures.md.j2", paged or plan_figures(view), view.places, chart=markup,
        israel_chart=israel_markup, dataset=_dataset(view),
    )  # fmt: skip
    drawn = [c for c in (chart, israel_chart) if c is not None]
    return pages, files, drawn
