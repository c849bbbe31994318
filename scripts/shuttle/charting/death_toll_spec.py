"""The death toll chart's Vega-Lite spec, built with Altair from plain rows.

The rows go into the spec's top-level "datasets", as values; the layers name only
those datasets and the rows' fixed fields. No value from the data is ever placed in
an expression, a field name, a format string or a title.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import altair as alt

from . import style
from .death_toll_data import GAP, KIND_LABEL, MEASURE_LABEL, REPORTED, TRIP_KIND, Row

HEIGHT = 320
# On a narrow chart, legend entries wrap into two columns. The expression is a constant
# of this module; it reads only Vega's own width signal.
NARROW_COLUMNS = alt.ExprRef("width < 460 ? 2 : 0")
LEGEND_LAYOUT = {"top": {"anchor": "start", "direction": "vertical", "margin": 4}}


def death_toll_spec(
    series: list[Row],
    points: list[Row],
    trips: list[Row],
    end_labels: list[Row],
    *,
    description: str,
) -> dict[str, Any]:
    """The interactive spec: width "container"; static_spec() pins a width for SVG."""
    kinds = tuple(k for k in KIND_LABEL.values() if any(p["kind"] == k for p in points))
    spec = json.loads(_layout(kinds, bool(trips)))
    spec["description"] = description
    # The rows join after Altair's schema check, which would otherwise walk every row
    # (over a second for the full war); they are plain JSON values either way.
    spec["datasets"] = {"series": series, "line_ends": end_labels}
    if trips:
        spec["datasets"]["trips"] = trips
    if points:
        spec["datasets"]["figures"] = points
    result: dict[str, Any] = spec
    return result


@functools.lru_cache(maxsize=16)
def _layout(kinds: tuple[str, ...], trips: bool) -> str:
    """Everything but the data and description, as JSON: built and checked by Altair
    once for each combination of marks present (mkdocs serve rebuilds often)."""
    x_scale = alt.Scale(type="utc")
    measures = [MEASURE_LABEL["killed"], MEASURE_LABEL["injured"]]
    colour = alt.Scale(domain=measures, range=[style.KILLED, style.INJURED])
    layers: list[Any] = []

    if trips:
        trip_base = alt.Chart(alt.NamedData(name="trips"))
        trip_tooltip = [
            alt.Tooltip("label:N", title="Trip"),
            alt.Tooltip("dates:N", title="Dates"),
        ]
        layers.append(
            trip_base.mark_rect(opacity=1).encode(
                x=alt.X("start:T", scale=x_scale),
                x2="end:T",
                fill=alt.Fill(
                    "kind:N",
                    scale=alt.Scale(domain=[TRIP_KIND], range=[style.TRIP_FILL]),
                    legend=_legend(symbolType="square"),
                ),
                href="href:N",
                tooltip=trip_tooltip,
                description="aria:N",
            )
        )
        layers.append(
            trip_base.mark_text(
                baseline="middle",
                fontSize=10,
                fontWeight="bold",
                color=style.TRIP_TEXT,
            ).encode(
                x=alt.X("start:T", scale=x_scale),
                y=alt.Y("row:Q", scale=None),
                text="number:N",
                href="href:N",
                tooltip=trip_tooltip,
                description="aria:N",
            )
        )

    statuses = [REPORTED, GAP]
    layers.append(
        alt.Chart(alt.NamedData(name="series"))
        .mark_line(strokeWidth=2, interpolate="linear")
        .encode(
            x=alt.X("day:T", scale=x_scale),
            y=alt.Y("value:Q"),
            color=alt.Color("measure:N", scale=colour, legend=None),
            strokeDash=alt.StrokeDash(
                "status:N",
                scale=alt.Scale(domain=statuses, range=[[1, 0], [2, 3]]),
                legend=_legend(symbolStrokeColor=style.TEXT),
            ),
            detail="run:N",
            description="measure:N",
        )
    )
    layers.append(
        alt.Chart(alt.NamedData(name="line_ends"))
        .mark_text(align="right", baseline="bottom", dy=-6, fontSize=12, fontWeight="bold")
        .encode(
            x=alt.X("day:T", scale=x_scale),
            y=alt.Y("value:Q"),
            text="label:N",
            color=alt.Color("measure:N", scale=colour, legend=None),
        )
    )
    if kinds:
        shapes = {
            KIND_LABEL["killed"]: "circle",
            KIND_LABEL["injured"]: "triangle-up",
            KIND_LABEL["candidate"]: "diamond",
        }
        fills = {
            KIND_LABEL["killed"]: style.KILLED,
            KIND_LABEL["injured"]: style.INJURED,
            KIND_LABEL["candidate"]: style.WHITE,
        }
        point_legend = _legend(symbolStrokeColor=style.TEXT, symbolStrokeWidth=1.5)
        layers.append(
            alt.Chart(alt.NamedData(name="figures"))
            .mark_point(size=70, strokeWidth=1.5, opacity=1, filled=True)
            .encode(
                x=alt.X("day:T", scale=x_scale),
                y=alt.Y("value:Q"),
                shape=alt.Shape(
                    "kind:N",
                    scale=alt.Scale(domain=list(kinds), range=[shapes[k] for k in kinds]),
                    legend=point_legend,
                ),
                color=alt.Color(
                    "kind:N",
                    scale=alt.Scale(domain=list(kinds), range=[fills[k] for k in kinds]),
                    legend=point_legend,
                ),
                stroke=alt.Stroke("measure:N", scale=colour, legend=None),
                description="aria:N",
                href="href:N",
                tooltip=[
                    alt.Tooltip("as_written:N", title="As written"),
                    alt.Tooltip("value:Q", title="Value", format=","),
                    alt.Tooltip("qualifier:N", title="Qualifier"),
                    alt.Tooltip("measure:N", title="Measure"),
                    alt.Tooltip("date:N", title="Date"),
                    alt.Tooltip("outlet:N", title="Outlet"),
                    alt.Tooltip("title:N", title="Article"),
                ],
            )
        )

    chart = (
        alt.layer(*layers)
        .resolve_scale(color="independent", shape="independent")
        .properties(
            width="container",
            height=HEIGHT,
            autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        )
        .configure(background=style.WHITE, font=style.FONT, padding=style.PADDING)
        .configure_axis(
            labelColor=style.TEXT,
            titleColor=style.TEXT,
            domainColor=style.AXIS,
            tickColor=style.AXIS,
            gridColor=style.GRID,
            labelFontSize=11,
            titleFontSize=12,
        )
        .configure_axisX(format="%b %Y", formatType="utc", title=None, grid=False)
        .configure_axisY(format=",d", title="Cumulative total (people)")
        .configure_legend(
            labelColor=style.TEXT,
            labelFontSize=11,
            labelLimit=0,
        )
        .configure_view(stroke=None)
    )
    spec: dict[str, Any] = chart.to_dict()
    # Stack the legends in rows, so each fits a phone's width. Vega reads this from the
    # config; Vega-Lite's schema only types it as an expression, so it is set here.
    spec["config"]["legend"]["layout"] = LEGEND_LAYOUT
    return json.dumps(spec, sort_keys=True)


def _legend(**properties: Any) -> alt.Legend:
    return alt.Legend(title=None, orient="top", columns=NARROW_COLUMNS, **properties)


def static_spec(spec: dict[str, Any], width: int) -> dict[str, Any]:
    """The same spec with a fixed width and no links, for rendering to SVG.

    Links in an SVG shown through <img> are inert, and vl-convert would resolve the
    relative ones against its own base URL, so the static copy drops them.
    """
    layers = [
        {**layer, "encoding": {k: v for k, v in layer["encoding"].items() if k != "href"}}
        for layer in spec["layer"]
    ]
    return {**spec, "layer": layers, "width": width}
