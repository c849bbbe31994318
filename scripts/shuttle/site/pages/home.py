"""The home page: the story in one screen, its key numbers each with a citation.

The headline count and the chart agree: both stop on the day Blinken left office
(figures.WINDOW_END). The Ministry's latest count is shown apart, dated, with why both.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from shuttle.dates import long_day
from shuttle.site.charting.render import svg_size
from shuttle.site.charts import Chart
from shuttle.site.pages import view as v
from shuttle.site.pages.corrections import last_updated
from shuttle.site.pages.env import Links, render
from shuttle.site.pages.figures import CHART_DIR, WINDOW_END


@dataclass(frozen=True)
class Key:
    number: str
    label: str
    cite: Markup


@dataclass(frozen=True)
class Toll:
    """The Ministry's count when Blinken left office, and its latest count."""

    at_exit: int
    exit_day: str
    latest: int | None
    latest_day: str


def toll(view: v.View) -> Toll | None:
    at_exit = view.report_on(WINDOW_END)
    if at_exit is None:
        return None
    last = view.series[-1]
    later = last.date > at_exit.date
    return Toll(
        at_exit.killed_filled, long_day(at_exit.date),
        last.killed_filled if later else None, long_day(last.date),
    )  # fmt: skip


def keys(view: v.View) -> list[Key]:
    links = Links(v.HOME)
    found: list[Key] = []

    def latest(measure: str, label: str, day_filter: str | None = None) -> None:
        items = [
            f
            for f in view.figures
            if f.figure.measure == measure
            and (day_filter is None or f.day.isoformat() == day_filter)
        ]
        if not items:
            return
        item = max(items, key=lambda f: (f.day, f.figure.value))
        qualifier = f"{item.figure.qualifier} " if item.figure.qualifier else ""
        found.append(Key(f"{qualifier}{item.figure.value:,}", label, links.cite(item)))

    latest("killed", "killed in Israel in the attack of 7 October 2023", "2023-10-07")
    latest("hostages_taken", "taken hostage into Gaza on 7 October 2023")
    if view.trips:
        found.append(
            Key(str(len(view.trips)), "trips by Blinken to the region",
                links.md("(the list)", v.TRIPS))
        )  # fmt: skip
    return found


def render_home(view: v.View, chart: Chart | None) -> dict[str, str]:
    """The headline chart is the static SVG (no chart JavaScript on the home page: it
    would cost the first screen its speed), the narrow one on a phone; it links to the
    interactive version."""
    sizes = {}
    if chart is not None:
        sizes["wide"] = svg_size(chart.svg)
        if chart.svg_narrow:
            sizes["narrow"] = svg_size(chart.svg_narrow)
    updated = last_updated(view)
    page = render(
        "home.md.j2", v.HOME, view.places, keys=keys(view), chart=chart, chart_dir=CHART_DIR,
        toll=toll(view), sizes=sizes, updated=long_day(updated) if updated else "",
        sources=len(view.sources),
    )  # fmt: skip
    return {v.HOME: page}
