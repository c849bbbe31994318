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

from . import frame, style
from .death_toll_data import BOTH_REPORTED, GAP, KIND_LABEL, MEASURE_LABEL, REPORTED, Row
from .render import READOUT
from .trips import strip_height

HEIGHT = 320
HOVER = "day_hover"  # the readout's selection: a constant, like every name in the spec


# The axis's unit, on every layer's y encoding: Vega-Lite takes the layers' own titles
# (their field names, which differ) over the config's, and then shows none.
Y_TITLE = "People, cumulative total"


def death_toll_spec(
    series: list[Row],
    points: list[Row],
    trips: list[Row],
    end_labels: list[Row],
    *,
    description: str,
) -> dict[str, Any]:
    """The interactive spec: width "container"; render.static_spec pins a width for SVG."""
    kinds = tuple(k for k in KIND_LABEL.values() if any(p["kind"] == k for p in points))
    spec = json.loads(_layout(kinds, strip_height(trips)))
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
def _layout(kinds: tuple[str, ...], strip: int) -> str:
    """Everything but the data and description, as JSON: built and checked by Altair
    once for each combination of marks present (mkdocs serve rebuilds often)."""
    x_scale = alt.Scale(type="utc")
    measures = [MEASURE_LABEL["killed"], MEASURE_LABEL["injured"]]
    colour = alt.Scale(domain=measures, range=[style.KILLED, style.INJURED])
    layers: list[Any] = frame.trip_layers(x_scale) if strip else []

    statuses = [REPORTED, GAP]
    layers.append(
        alt.Chart(alt.NamedData(name="series"))
        .mark_line(strokeWidth=2, interpolate="linear")
        .encode(
            x=alt.X("day:T", scale=x_scale),
            y=alt.Y("value:Q", title=Y_TITLE),
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
            y=alt.Y("value:Q", title=Y_TITLE),
            text="label:N",
            color=alt.Color("measure:N", scale=colour, legend=None),
        )
    )
    layers.append(_readout(x_scale))
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
                y=alt.Y("value:Q", title=Y_TITLE),
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
        .resolve_scale(color="independent", shape="independent", stroke="independent")
        .properties(
            width="container",
            height=HEIGHT,
            autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        )
    )
    axis_y = {"format": ",d", "title": Y_TITLE}
    return json.dumps(frame.configure(chart, strip=strip, axis_y=axis_y), sort_keys=True)


def _readout(x_scale: alt.Scale) -> Any:
    """A hover readout on the Ministry's lines: the day under the pointer, its killed
    and injured, and whether each was reported or gap-filled.

    One transparent day-wide rect per day fills the plot, so the pointer is always over
    a day (no Voronoi, whose tooltips Vega-Lite 6 builds wrongly for text fields); the
    hovered day darkens into a thin rule. The series rows are pivoted into one row per
    day, keeping the note that rows of a day with a missing figure carry; the one
    expression fills in the note of every other day, from constants only. Every field
    name and format here is a constant, never a value from the data."""
    killed, injured = MEASURE_LABEL["killed"], MEASURE_LABEL["injured"]
    hover = alt.selection_point(
        name=HOVER, fields=["day"], on="pointerover", clear="pointerout", empty=False
    )
    default = json.dumps(BOTH_REPORTED)  # a constant of this package: a JSON string
    return (
        alt.Chart(alt.NamedData(name="series"))
        .transform_pivot("measure", value="value", groupby=["day", "note"], op="max")
        .transform_calculate(note=f"isValid(datum.note) ? datum.note : {default}")
        .mark_rect(color=style.TEXT)
        .encode(
            x=alt.X("utcyearmonthdate(day):T", scale=x_scale),
            opacity=alt.condition(hover, alt.value(0.5), alt.value(0)),
            tooltip=[
                alt.Tooltip("utcyearmonthdate(day):T", title="Date", format="%-d %B %Y"),
                alt.Tooltip(f"{killed}:Q", title="Killed (Ministry)", format=","),
                alt.Tooltip(f"{injured}:Q", title="Injured (Ministry)", format=","),
                alt.Tooltip("note:N", title="Figures"),
            ],
        )
        .add_params(hover)
        .properties(name=READOUT)
    )


def _legend(**properties: Any) -> alt.Legend:
    return frame.legend_of(**properties)
