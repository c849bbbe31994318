"""The home page: the story in one screen, its key numbers each with a citation."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from shuttle.charts import Chart
from shuttle.dates import long_day
from shuttle.pages import view as v
from shuttle.pages.env import Links, render
from shuttle.pages.figures import CHART_DIR


@dataclass(frozen=True)
class Key:
    number: str
    label: str
    cite: Markup


def keys(view: v.View) -> list[Key]:
    links = Links(v.HOME)
    found: list[Key] = []
    if view.series:
        last = view.series[-1]
        found.append(
            Key(f"{last.killed_filled:,}",
                f"killed in Gaza, by the Ministry of Health's count of {long_day(last.date)}",
                links.md("(Ministry of Health)", v.FIGURES, "about-the-numbers"))
        )  # fmt: skip

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
    latest("hostages_held", "hostages still held in Gaza, as last reported here")
    if view.trips:
        found.append(
            Key(str(len(view.trips)), "trips by Blinken to the region",
                links.md("(canonical list)", v.TRIPS))
        )  # fmt: skip
    return found


def render_home(view: v.View, chart: Chart | None) -> dict[str, str]:
    """The headline chart is the static SVG (no chart JavaScript on the home page: it
    would cost the first screen its speed); it links to the interactive version."""
    page = render(
        "home.md.j2", v.HOME, view.places, keys=keys(view), chart=chart, chart_dir=CHART_DIR
    )
    return {v.HOME: page}
