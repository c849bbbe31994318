"""The Vega-Lite spec of the chart of people killed in Israel and the hostages.

One row per measure, titled inside the plot; a point per reported figure, labelled
with its value; no line, since nothing joins two reports but the reader's eye. As in
the death toll chart, the rows go into "datasets" as values and the layers name only
fixed fields: no value from the data is ever placed in an expression, a field name, a
format string or a title.
"""

from __future__ import annotations

import functools
import json
from datetime import date
from typing import Any, Literal

import altair as alt

from . import frame, style
from .israel_data import MEASURES, POINT_Y, ROW_LABEL, ROW_STEP, Row
from .trips import strip_height

COLOUR = {
    "killed": style.KILLED,
    "hostages_taken": style.INJURED,
    "hostages_released": style.INJURED,
    "hostages_held": style.INJURED,
    "prisoners_released": style.PRISONERS,
    "detainees_released": style.PRISONERS,
}
SHAPE = {
    "killed": "circle",
    "hostages_taken": "square",
    "hostages_released": "triangle-up",
    "hostages_held": "diamond",
    "prisoners_released": "triangle-down",
    "detainees_released": "cross",
}


def israel_spec(
    points: list[Row],
    labels: list[Row],
    titles: list[Row],
    trips: list[Row],
    *,
    measures: tuple[str, ...],
    domain: tuple[date, date],
    description: str,
) -> dict[str, Any]:
    """The interactive spec: width "container"; render.static_spec pins a width for SVG."""
    spec = json.loads(
        _layout(measures, strip_height(trips), domain[0].isoformat(), domain[1].isoformat())
    )
    spec["description"] = description
    # Labels left and right of their points are two datasets (not one filtered twice),
    # so each text layer draws exactly its rows.
    spec["datasets"] = {"figures": points, "rows": titles}
    for side in ("right", "left"):
        spec["datasets"][f"labels_{side}"] = [row for row in labels if row["side"] == side]
    if trips:
        spec["datasets"]["trips"] = trips
    result: dict[str, Any] = spec
    return result


@functools.lru_cache(maxsize=16)
def _layout(measures: tuple[str, ...], strip: int, start: str, end: str) -> str:
    """Everything but the data and description, as JSON, once per set of rows."""
    unknown = set(measures) - set(MEASURES)
    if unknown:
        raise ValueError(f"unknown measures {sorted(unknown)}")
    x_scale = alt.Scale(
        type="utc",
        padding=10,  # pixels: points on the first day clear the plot's edge
        domain=[frame.utc_day(date.fromisoformat(start)), frame.utc_day(date.fromisoformat(end))],
    )
    labels = [ROW_LABEL[m] for m in measures]
    y_scale = alt.Scale(type="band", domain=labels, paddingInner=0, paddingOuter=0)
    colour = alt.Scale(domain=labels, range=[COLOUR[m] for m in measures])
    shape = alt.Scale(domain=labels, range=[SHAPE[m] for m in measures])

    def row_y(position: float) -> alt.Y:
        return alt.Y("measure:N", scale=y_scale, axis=None, bandPosition=position)

    layers: list[Any] = frame.trip_layers(x_scale) if strip else []
    rows = alt.Chart(alt.NamedData(name="rows"))
    layers.append(rows.mark_rule(color=style.GRID, strokeWidth=1).encode(y=row_y(0)))
    layers.append(
        rows.mark_text(
            align="left", baseline="top", dy=5, fontSize=11, fontWeight="bold", color=style.TEXT
        ).encode(x=alt.value(0), y=row_y(0), text="measure:N")
    )
    hollow = alt.FieldEqualPredicate(field="candidate", equal=True)
    layers.append(
        alt.Chart(alt.NamedData(name="figures"))
        .mark_point(size=80, strokeWidth=1.5, opacity=1)
        .encode(
            x=alt.X("day:T", scale=x_scale),
            y=row_y(0),
            yOffset=alt.YOffset("y:Q", scale=None),  # pixels below the row's top edge
            shape=alt.Shape("measure:N", scale=shape, legend=None),
            stroke=alt.Stroke("measure:N", scale=colour, legend=None),
            fill=alt.condition(
                hollow,
                alt.value(style.WHITE),
                alt.Fill("measure:N", scale=colour, legend=None),
            ),
            description="aria:N",
            href="href:N",
            tooltip=[
                alt.Tooltip("as_written:N", title="As written"),
                alt.Tooltip("value:Q", title="Value", format=","),
                alt.Tooltip("qualifier:N", title="Qualifier"),
                alt.Tooltip("measure:N", title="What"),
                alt.Tooltip("who:N", title="Who was counted"),
                alt.Tooltip("date:N", title="Date"),
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("title:N", title="Article"),
            ],
        )
    )
    sides: tuple[tuple[str, Literal["left", "right"], int], ...] = (
        ("right", "left", 9),
        ("left", "right", -9),
    )
    for side, align, dx in sides:
        layers.append(
            alt.Chart(alt.NamedData(name=f"labels_{side}"))
            .mark_text(align=align, baseline="middle", dx=dx, fontSize=11, color=style.TEXT)
            .encode(
                x=alt.X("day:T", scale=x_scale),
                y=row_y(0),
                yOffset=alt.value(POINT_Y),
                text="label:N",
            )
        )

    chart = (
        alt.layer(*layers)
        .resolve_scale(stroke="independent")
        .properties(
            width="container",
            height=ROW_STEP * len(measures),
            autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        )
    )
    return json.dumps(frame.configure(chart, strip=strip, axis_y={}), sort_keys=True)
