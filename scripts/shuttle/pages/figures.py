"""The Figures page: the death toll chart and every figure with its citation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from markupsafe import Markup

from shuttle import charts
from shuttle.checks.consistency import is_ministry_count
from shuttle.dates import day_span
from shuttle.pages import view as v
from shuttle.pages.env import render

# The explainer's window: from the attack to the end of Blinken's term.
WINDOW_END = date(2025, 1, 20)
CHART_DIR = "assets/charts"


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
    reported = [
        charts.ReportedPoint(
            day=f.day,
            value=f.figure.value,
            measure=f.figure.measure,
            qualifier=f.figure.qualifier,
            text=f.figure.text,
            source_title=f.source.title,
            outlet=f.source.outlet,
            href=v.relative_url(page, f.page, f.anchor),
            figure_id=f.figure.id,
            candidate=f.candidate,
        )
        for f in view.figures
        if is_ministry_count(f.figure)
    ]
    trips = [
        charts.TripSpan(
            ordinal=t.ordinal, start=t.start, end=t.end,
            label=f"Trip {t.ordinal} ({day_span(t.start, t.end)}): {', '.join(t.stops)}",
            href=v.relative_url(page, v.trip_page(t.ordinal)),
        )
        for t in view.trips
    ]  # fmt: skip
    return charts.death_toll_chart(series, reported, trips, until=WINDOW_END, cache_dir=cache)


def chart_files(chart: charts.Chart) -> dict[str, str]:
    return {
        f"{CHART_DIR}/{chart.name}.vl.json": charts.spec_json(chart),
        f"{CHART_DIR}/{chart.name}.svg": chart.svg,
    }


def chart_markup(chart: charts.Chart, page: str) -> Markup:
    base = v.relative_url(page, "index.md")
    base = "" if base == "./" else base
    html = charts.chart_html(
        chart,
        spec_url=f"{base}{CHART_DIR}/{chart.name}.vl.json",
        svg_url=f"{base}{CHART_DIR}/{chart.name}.svg",
    )
    return Markup(html)


def render_figures(
    view: v.View, cache: Path | None
) -> tuple[dict[str, str], dict[str, str], charts.Chart | None]:
    """The page, the chart files it needs (site path -> content), and the headline chart."""
    files: dict[str, str] = {}
    markup = None
    chart = None
    if view.series:
        chart = death_toll(view, v.FIGURES, cache)
        files.update(chart_files(chart))
        markup = chart_markup(chart, v.FIGURES)
    dataset = view.store.casualties.dataset if view.store.casualties else None
    page = render("figures.md.j2", v.FIGURES, chart=markup, figures=view.figures, dataset=dataset)
    return {v.FIGURES: page}, files, chart
