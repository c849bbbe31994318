"""Charts: Vega-Lite specs built with Altair, static SVG through vl-convert, and a text
description and data table for every chart.

The plugin writes, for each chart, assets/charts/<name>.vl.json (spec_json),
assets/charts/<name>.svg (chart.svg) and <name>.narrow.svg (chart.svg_narrow, for
phones), and once per site assets/javascripts/vega.js (chart_javascript) and
assets/javascripts/charts.js (loader_javascript, which loads vega.js only when the
reader first reaches for a chart); pages embed chart_html. The pieces live in
shuttle.site.charting, one job a module: for each chart a *_data (records -> rows), *_spec
(Altair) and *_text (description, table) module; trips (the trip rows and strip), frame
(what the specs share), style, text, render, html.

Charts: death_toll_chart (the Ministry's series, article figures, trips) and
israel_chart (people killed in Israel, hostages and prisoners freed, as articles
reported them: points, no line, since there is no reference series for them).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Sequence
from datetime import date
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from shuttle import cachefile
from shuttle.aside import Aside, cores

from .charting import death_toll_data as data
from .charting import death_toll_text as words
from .charting import israel_data, israel_text
from .charting.html import chart_html, spec_json
from .charting.model import Chart, ReportedPoint, SeriesPoint, TripSpan
from .charting.render import (
    bundle_path,
    inert_svg,
    javascript_bundle,
    keep_bundle,
    made_bundle,
    render_png,
    render_svg,
    static_spec,
    vl_convert_started,
)
from .charting.style import SVG_NARROW_WIDTH, SVG_WIDTH

__all__ = [
    "Chart",
    "ReportedPoint",
    "SeriesPoint",
    "TripSpan",
    "chart_html",
    "chart_javascript",
    "death_toll_chart",
    "israel_chart",
    "loader_javascript",
    "render_png",
    "render_svg",
    "spec_json",
]

DEATH_TOLL_TITLE = "Gaza's death toll, as reported, and Blinken's trips"


def death_toll_chart(
    series: Sequence[SeriesPoint],
    reported: Sequence[ReportedPoint],
    trips: Sequence[TripSpan],
    *,
    until: date | None = None,
    cache_dir: Path | None = None,
) -> Chart:
    """The Ministry's cumulative killed and injured, the figures articles reported, and
    Blinken's trips, up to and including `until`. Raises ValueError on a link that is
    not site-relative, an unknown measure or a day listed twice in the series.

    With a cache folder, a chart drawn before from the same records (and the same code)
    is read back whole: no Altair (slow to import), no spec building, no rendering."""
    window = data.cut(series, reported, trips, until)
    cache_file, cached = _cached("death-toll", window, cache_dir)
    if cached is not None:
        return cached
    from .charting.death_toll_spec import death_toll_spec  # imports Altair

    description = words.describe(window)
    spec = death_toll_spec(
        data.series_rows(window.series),
        data.point_rows(window.reported),
        data.trip_rows(window.trips, window.series),
        data.end_label_rows(window.series),
        description=description,
    )
    svg, narrow = _static_svgs(spec, cache_dir)
    chart = Chart(
        name="death-toll",
        title=DEATH_TOLL_TITLE,
        spec=spec,
        svg=svg,
        description=description,
        table_header=words.TABLE_HEADER,
        table_rows=words.table(window),
        svg_narrow=narrow,
    )
    if cache_file is not None:
        cachefile.write(cache_file, json.dumps(dataclasses.asdict(chart)).encode("utf-8"))
    return chart


def _static_svgs(spec: dict[str, Any], cache_dir: Path | None) -> tuple[str, str]:
    """The static SVG at the page's width, and at a phone's."""
    return (
        render_svg(static_spec(spec, SVG_WIDTH), cache_dir=cache_dir),
        render_svg(static_spec(spec, SVG_NARROW_WIDTH), cache_dir=cache_dir),
    )


def _chart_key(name: str, window: data.Window | israel_data.Window) -> str:
    """What a chart depends on: its records, the charting code, Altair and vl-convert."""
    sha = hashlib.sha256(name.encode() + b"\0")
    for name in ("altair", "vl-convert-python"):
        try:
            sha.update(metadata.version(name).encode())
        except metadata.PackageNotFoundError:
            sha.update(b"?")
    here = Path(__file__).parent
    for path in sorted([here / "charts.py", *(here / "charting").glob("*.py")]):
        sha.update(path.read_bytes())
    sha.update(json.dumps(dataclasses.asdict(window), default=str, sort_keys=True).encode())
    return sha.hexdigest()[:32]


def _cached(
    name: str, window: data.Window | israel_data.Window, cache_dir: Path | None
) -> tuple[Path | None, Chart | None]:
    """The chart's cache file (None without a cache folder), and the chart in it if drawn
    before from the same records and code."""
    if cache_dir is None:
        return None, None
    path = cache_dir / f"chart-{_chart_key(name, window)}.json"
    return path, _read_chart(path)


def _read_chart(path: Path) -> Chart | None:
    """The chart in a cache entry, or None (a miss) unless the entry is sealed, whole and
    its pictures are plain SVG (no script, no event handler: they are published)."""
    sealed = cachefile.read(path)
    if sealed is None:
        return None
    try:
        raw = json.loads(sealed)
        if not (inert_svg(raw["svg"]) and inert_svg(raw["svg_narrow"])):
            return None
        return Chart(
            name=raw["name"],
            title=raw["title"],
            spec=raw["spec"],
            svg=raw["svg"],
            description=raw["description"],
            table_header=tuple(raw["table_header"]),
            table_rows=tuple(tuple(row) for row in raw["table_rows"]),
            svg_narrow=raw["svg_narrow"],
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def israel_chart(
    reported: Sequence[ReportedPoint],
    trips: Sequence[TripSpan],
    *,
    start: date,
    until: date,
    cache_dir: Path | None = None,
) -> Chart | None:
    """People killed in Israel, hostages taken, freed and still held, and prisoners
    freed, as articles reported them (measures "killed", "hostages_taken",
    "hostages_released", "hostages_held", "prisoners_released"), one row a measure, on
    the time axis from `start` (earlier if a figure is) to `until`, with Blinken's
    trips. None when no figure falls in that time: no chart rather than an empty one.
    Raises ValueError on an unknown measure or a link that is not site-relative.

    Cached like death_toll_chart."""
    window = israel_data.cut(reported, trips, start, until)
    if not window.reported:
        return None
    cache_file, cached = _cached("israel-hostages", window, cache_dir)
    if cached is not None:
        return cached
    from .charting.israel_spec import israel_spec  # imports Altair

    description = israel_text.describe(window)
    spec = israel_spec(
        israel_data.point_rows(window),
        israel_data.label_rows(window),
        israel_data.title_rows(window),
        israel_data.trip_rows(window),
        measures=window.measures(),
        domain=(window.start, window.end),
        description=description,
    )
    svg, narrow = _static_svgs(spec, cache_dir)
    chart = Chart(
        name="israel-hostages",
        title=israel_text.TITLE,
        spec=spec,
        svg=svg,
        description=description,
        table_header=israel_text.TABLE_HEADER,
        table_rows=israel_text.table(window),
        svg_narrow=narrow,
    )
    if cache_file is not None:
        cachefile.write(cache_file, json.dumps(dataclasses.asdict(chart)).encode("utf-8"))
    return chart


def chart_javascript(cache_dir: Path) -> str:
    """vega, vega-lite and vega-embed as one script that sets window.vegaEmbed."""
    return javascript_bundle(cache_dir)


def can_draw_aside() -> bool:
    """Whether charts can be drawn in a forked process on another core: there is one, and
    vl-convert has not run in this process yet (a fork would not copy its threads)."""
    return not vl_convert_started() and cores() >= 2


def script_aside(cache_dir: Path) -> Aside[str] | None:
    """The charts' script built in a forked process on the other core (it reads no data:
    `shuttle build` starts it before the checks), when it is not cached and a fork can
    draw (can_draw_aside). Built there, not cached: `keep_javascript` caches it once the
    checks let the build go on (a build refused for bad input writes nothing)."""
    if bundle_path(cache_dir).is_file() or not can_draw_aside():
        return None
    return Aside(made_bundle)


def keep_javascript(cache_dir: Path, script: str) -> None:
    """The script that `script_aside` built, cached for chart_javascript."""
    keep_bundle(cache_dir, script)


def loader_javascript() -> str:
    """The small script that swaps each static chart for the interactive one."""
    return resources.files("shuttle.site").joinpath("assets/charts.js").read_text(encoding="utf-8")
