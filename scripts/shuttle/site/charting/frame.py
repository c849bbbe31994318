"""What every chart's spec shares: Blinken's trips on the time axis, legends, the look.

Trips are drawn twice: a pale band across the plot (quiet, decorative) and, in a strip
above the plot, a dark bar over the trip's days with the trip's number above it. The
bar and the number meet 3:1 against the card and carry the link, tooltip and label;
their rows come from trips.trip_rows, staggered so that numbers never overlap.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import altair as alt

from . import style
from .trips import BAR_Y, TRIP_KIND

# On a narrow chart, legend entries wrap into two columns. The expression is a constant
# of this module; it reads only Vega's own width signal.
NARROW_COLUMNS = alt.ExprRef("width < 460 ? 2 : 0")
LEGEND_LAYOUT = {"top": {"anchor": "start", "direction": "vertical", "margin": 4}}


def trip_layers(x_scale: alt.Scale, *, legend: bool = True) -> list[Any]:
    """The band in the plot, and the bar and number in the strip above it."""
    base = alt.Chart(alt.NamedData(name="trips"))
    tooltip = [alt.Tooltip("label:N", title="Trip"), alt.Tooltip("dates:N", title="Dates")]
    band = base.mark_rect(opacity=1, fill=style.TRIP_FILL).encode(
        x=alt.X("start:T", scale=x_scale), x2="end:T"
    )
    bar = base.mark_rule(strokeWidth=4, strokeCap="square").encode(
        x=alt.X("start:T", scale=x_scale),
        x2="end:T",
        y=alt.value(BAR_Y),
        stroke=alt.Stroke(
            "kind:N",
            scale=alt.Scale(domain=[TRIP_KIND], range=[style.TRIP_MARK]),
            legend=(
                legend_of(symbolType="stroke", symbolStrokeWidth=4, symbolSize=120)
                if legend
                else None
            ),
        ),
        href="href:N",
        tooltip=tooltip,
        description="aria:N",
    )
    number = base.mark_text(
        align="center", baseline="bottom", fontSize=11, fontWeight="bold", color=style.TRIP_TEXT
    ).encode(
        x=alt.X("start:T", scale=x_scale),
        y=alt.Y("row:Q", scale=None),
        text="number:N",
        href="href:N",
        tooltip=tooltip,
        description="aria:N",
    )
    return [band, bar, number]


def legend_of(**properties: Any) -> alt.Legend:
    return alt.Legend(title=None, orient="top", columns=NARROW_COLUMNS, **properties)


def configure(chart: Any, *, strip: int, axis_y: dict[str, Any]) -> dict[str, Any]:
    """The shared look, as a spec dict: white card, axes, legends clear of the strip."""
    configured = (
        chart.configure(background=style.WHITE, font=style.FONT, padding=style.PADDING)
        .configure_axis(
            labelColor=style.TEXT,
            titleColor=style.TEXT,
            domainColor=style.AXIS,
            tickColor=style.AXIS,
            gridColor=style.GRID,
            labelFontSize=11,
            titleFontSize=12,
        )
        .configure_axisX(
            format="%b %Y", formatType="utc", title=None, grid=False, labelSeparation=8
        )
        .configure_axisY(**axis_y)
        .configure_legend(labelColor=style.TEXT, labelFontSize=11, labelLimit=0, offset=strip + 8)
        .configure_view(stroke=None)
    )
    spec: dict[str, Any] = configured.to_dict()
    # Stack the legends in rows, so each fits a phone's width. Vega reads this from the
    # config; Vega-Lite's schema only types it as an expression, so it is set here.
    spec["config"]["legend"]["layout"] = LEGEND_LAYOUT
    return spec


def utc_day(day: date) -> alt.DateTime:
    """A day as a Vega-Lite DateTime (a scale domain bound), in UTC like the axis."""
    return alt.DateTime(year=day.year, month=day.month, date=day.day, utc=True)
