"""Every interactive chart renders in the browser and shows the same data as its static
fallback: marks in the live SVG = marks in the static SVG = rows of the spec's data, and
the points drawn are the rows of the table under the chart.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urljoin

import pytest

from .browsing import Site

# Vega's name for each Vega-Lite mark, and the marks drawn as one item per series.
VEGA_MARK = {"point": "symbol", "circle": "symbol", "square": "symbol", "bar": "rect"}
VEGA_MARK |= {"tick": "rect"}
SERIES_MARKS = {"line", "area", "trail"}
SERIES_CHANNELS = ("color", "fill", "stroke", "strokeDash", "detail", "opacity", "size")

# Items per mark layer in an SVG drawn by Vega: {"symbol layer_4_marks": 3, ...}.
COUNT_MARKS = """(svg) => {
  const counts = {};
  for (const group of svg.querySelectorAll("g.role-mark")) {
    const names = (group.getAttribute("class") || "").split(/\\s+/);
    const mark = (names.find((n) => n.startsWith("mark-")) || "mark-?").slice(5);
    const layer = names.find((n) => n && !n.startsWith("mark-") && !n.startsWith("role-"));
    const key = mark + " " + (layer || "?");
    counts[key] = (counts[key] || 0) + group.children.length;
  }
  return counts;
}"""
LIVE_MARKS = f"""(figure) => ({COUNT_MARKS})(figure.querySelector(".shuttle-chart__live svg"))"""
STATIC_MARKS = f"""async (figure) => {{
  const img = figure.querySelector("img.shuttle-chart__fallback");
  const text = await (await fetch(img.src)).text();
  const svg = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
  return ({COUNT_MARKS})(svg);
}}"""
# The loader has finished with the chart (which the pointer over it asked for): drawn, or
# fallen back to the static image; or it never started (no state once the page has loaded).
SETTLED = """(canvas) => ["live", "static"].includes(canvas.getAttribute("data-shuttle-state"))
  || (document.readyState === "complete" && !canvas.hasAttribute("data-shuttle-state"))"""
# The page loads the chart library (hundreds of KB, a second of a phone's main thread)
# only when the reader reaches for a chart: until then the static SVG is the chart.
LIBRARY_LOADED = """() => typeof window.vegaEmbed !== "undefined"
  || document.querySelector('script[src*="vega"]') !== null"""
TABLE = """(figure) => {
  const table = figure.querySelector("table");
  const head = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
  const rows = [...table.querySelectorAll("tbody tr")]
    .filter((tr) => !tr.querySelector("td[colspan]"))
    .map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent.trim()));
  return { head, rows };
}"""


def chart_pages(site: Site) -> list[str]:
    return [path for path in site.pages if "data-spec=" in site.text(path)]


def _rows(layer: dict[str, Any], spec: dict[str, Any]) -> list[dict[str, Any]]:
    """A layer's inline data: its own or the top level's, as values or a named dataset."""
    data = layer.get("data") or spec.get("data") or {}
    if "name" in data:
        return list(spec.get("datasets", {}).get(data["name"], []))
    return list(data.get("values", []))


# A layer drawn only in the live chart (the hover readout): the static copy leaves it out.
LIVE_ONLY = "readout"


def live_only_layers(spec: dict[str, Any]) -> set[int]:
    return {i for i, layer in enumerate(spec.get("layer", [])) if layer.get("name") == LIVE_ONLY}


def in_order(counts: dict[str, int], skip: set[int] = frozenset()) -> list[tuple[str, int]]:
    """Counts by layer, in layer order, without the skipped layers: static and live SVGs
    number their layers differently once a live-only layer is left out."""
    found = []
    for key, count in counts.items():
        mark, _, name = key.partition(" ")
        if name.startswith(LIVE_ONLY):
            continue  # Vega names a named layer's marks after it
        index = int(m.group(1)) if (m := re.fullmatch(r"layer_(\d+)_marks", name)) else 0
        if index not in skip:
            found.append((index, mark, count))
    return [(mark, count) for _, mark, count in sorted(found)]


def expected_marks(spec: dict[str, Any]) -> dict[str, int]:
    """Items per mark layer that Vega draws for the spec's inline data."""
    layers = spec.get("layer", [spec])
    expected: dict[str, int] = {}
    for index, layer in enumerate(layers):
        mark = layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
        rows = _rows(layer, spec)
        encoding = {**spec.get("encoding", {}), **layer.get("encoding", {})}
        if mark in SERIES_MARKS:
            fields = [
                encoding[c]["field"]
                for c in SERIES_CHANNELS
                if c in encoding and encoding[c].get("type") in ("nominal", "ordinal")
            ]
            count = len({tuple(row.get(f) for f in fields) for row in rows})
        else:
            count = len(rows)
        name = f"layer_{index}_marks" if "layer" in spec else "marks"
        expected[f"{VEGA_MARK.get(mark, mark)} {name}"] = count
    return expected


def point_values(spec: dict[str, Any]) -> list[float]:
    """The values the spec draws as points: the figures the table under the chart lists."""
    values: list[float] = []
    for layer in spec.get("layer", [spec]):
        mark = layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
        if VEGA_MARK.get(mark) == "symbol":
            # a point's value is its y, unless y places it in a row by what it counts
            y = layer["encoding"]["y"]["field"]
            values += [
                float(row["value"] if "value" in row else row[y]) for row in _rows(layer, spec)
            ]
    return sorted(values)


def test_the_site_has_a_chart(site: Site) -> None:
    assert chart_pages(site), "no page holds an interactive chart ([data-spec])"


def test_every_chart_renders_the_data_of_its_fallback(new_context: Any, site: Site) -> None:
    problems: list[str] = []
    context, watch = new_context()
    page = context.new_page()
    for path in chart_pages(site):
        page.goto(site.url(path))
        page.wait_for_load_state("load")
        if page.evaluate(LIBRARY_LOADED):
            problems.append(f"{path}: the chart library loaded before a chart was reached for")
        figures = page.locator("figure.shuttle-chart:has([data-spec])")
        for n in range(figures.count()):
            figure = figures.nth(n)
            where = f"{path} chart {n + 1}"
            canvas = figure.locator("[data-spec]")
            canvas.hover()  # the loader draws a chart when the reader reaches for it
            page.wait_for_function(SETTLED, arg=canvas.element_handle())
            state = canvas.get_attribute("data-shuttle-state")
            if state != "live":
                loaded = page.evaluate("() => typeof window.vegaEmbed === 'function'")
                problems.append(
                    f"{where}: not drawn after the pointer reached it (data-shuttle-state="
                    f"{state!r}, vega-embed loaded: {loaded})"
                )
                continue
            spec_url = urljoin(site.url(path), canvas.get_attribute("data-spec") or "")
            spec = json.loads(page.request.get(spec_url).text())
            problems += _compare(where, figure, spec)
    offsite, errors = watch.clear()
    assert not problems and not offsite and not errors, "\n".join(problems + offsite + errors)


def _compare(where: str, figure: Any, spec: dict[str, Any]) -> list[str]:
    problems = []
    skip = live_only_layers(spec)
    live_counts = figure.evaluate(LIVE_MARKS)
    live = in_order(live_counts, skip)
    static = in_order(figure.evaluate(STATIC_MARKS))
    expected = in_order(expected_marks(spec), skip)
    if not any(live_counts.values()):
        problems.append(f"{where}: the live SVG has no marks")
    if live != expected:
        problems.append(f"{where}: live marks {live} != the spec's data {expected}")
    if static != expected:
        problems.append(f"{where}: static SVG marks {static} != the spec's data {expected}")
    if not figure.locator(".shuttle-chart__live svg").is_visible():
        problems.append(f"{where}: the live chart is not visible")
    if figure.locator("img.shuttle-chart__fallback").is_visible():
        problems.append(f"{where}: the static image still shows beside the live chart")
    described = figure.locator(".shuttle-chart__description").inner_text().strip()
    if described != spec.get("description"):
        problems.append(f"{where}: the description under the chart is not the spec's")
    table = figure.evaluate(TABLE)
    if "Value" not in table["head"]:
        problems.append(f"{where}: the table under the chart has no Value column")
        return problems
    column = table["head"].index("Value")
    shown = sorted(float(re.sub(r"[^\d.]", "", row[column])) for row in table["rows"])
    if shown != point_values(spec):
        problems.append(f"{where}: table values {shown} != points drawn {point_values(spec)}")
    return problems


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (
            {"mark": "point", "data": {"values": [{"v": 1}, {"v": 2}]}},
            {"symbol marks": 2},
        ),
        (
            {
                "layer": [
                    {
                        "mark": {"type": "line"},
                        "data": {"values": [{"m": "a", "d": 1}, {"m": "a", "d": 2}, {"m": "b"}]},
                        "encoding": {"color": {"field": "m", "type": "nominal"}},
                    },
                    {"mark": "rect", "data": {"values": [{}, {}, {}]}},
                ]
            },
            {"line layer_0_marks": 2, "rect layer_1_marks": 3},
        ),
        (
            {"mark": "text", "data": {"name": "d"}, "datasets": {"d": [{}, {}]}},
            {"text marks": 2},
        ),
    ],
)
def test_expected_marks_counts_rows_and_series(
    spec: dict[str, Any], expected: dict[str, int]
) -> None:
    assert expected_marks(spec) == expected
