"""A chart as page material: the spec as inline-safe JSON, and the HTML figure."""

from __future__ import annotations

import json
from html import escape

from .model import Chart
from .render import svg_size

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def spec_json(chart: Chart) -> str:
    """The spec as JSON: sorted keys, compact, and safe to inline in HTML or a script.

    <, >, & and the JavaScript line separators only ever occur inside JSON strings, so
    writing them as \\u escapes changes no value and leaves no "</script>" to find.
    """
    text = json.dumps(
        chart.spec,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    )
    for raw, escaped in _JSON_ESCAPES.items():
        text = text.replace(raw, escaped)
    return text + "\n"


def _attr(value: str) -> str:
    return escape(value, quote=True)


# Up to this width of the window, a phone's, the static SVG drawn narrow is shown: at the
# live chart's height, with text at its size (the wide one would shrink to half).
NARROW_MEDIA = "(max-width: 540px)"


def chart_html(
    chart: Chart, *, spec_url: str, svg_url: str, narrow_svg_url: str | None = None
) -> str:
    """A <figure>: caption, static SVG inside the container charts.js fills, the
    description, and the data as a table in a scrolling region. No script, no inline
    event handler. With narrow_svg_url (and a narrow SVG), phones get that one."""
    width, height = svg_size(chart.svg)
    alt = f"{chart.title} (chart; described below)"
    img = (
        f'<img class="shuttle-chart__fallback" src="{_attr(svg_url)}" alt="{_attr(alt)}"'
        f' width="{width}" height="{height}" decoding="async">'
    )
    if narrow_svg_url is not None and chart.svg_narrow:
        narrow_width, narrow_height = svg_size(chart.svg_narrow)
        img = (
            f'<picture><source media="{NARROW_MEDIA}" srcset="{_attr(narrow_svg_url)}"'
            f' width="{narrow_width}" height="{narrow_height}">{img}</picture>'
        )
    head = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in chart.table_header)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
        for row in chart.table_rows
    )
    if not chart.table_rows:
        body = f'<tr><td colspan="{len(chart.table_header)}">No figures in this period.</td></tr>'
    return "\n".join(
        [
            f'<figure class="shuttle-chart" id="chart-{_attr(chart.name)}">',
            f"<figcaption>{escape(chart.title)}</figcaption>",
            f'<div class="shuttle-chart__canvas" data-spec="{_attr(spec_url)}"'
            f' style="min-height: {height}px">',
            img,
            "</div>",
            f'<p class="shuttle-chart__description">{escape(chart.description)}</p>',
            # the data is read on the page, not searched: thousands of numbers would
            # crowd the results, and pass the search index's limit of a page (Zensical's)
            '<details class="shuttle-chart__data" data-search-exclude>',
            f"<summary>The data: {escape(chart.title)}</summary>",
            # A region of its own that scrolls sideways on a phone, reachable by keyboard;
            # the table's class keeps Material from wrapping it in an unfocusable scroller.
            f'<div class="shuttle-chart__scroll" tabindex="0" role="region"'
            f' aria-label="{_attr(f"The data: {chart.title}")}">',
            '<table class="shuttle-chart__table">',
            f"<thead><tr>{head}</tr></thead>",
            f"<tbody>\n{body}\n</tbody>",
            "</table>",
            "</div>",
            "</details>",
            "</figure>",
        ]
    )
