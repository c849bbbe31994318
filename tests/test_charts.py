"""Charts: the death toll chart and the chart of people killed in Israel and the
hostages (golden specs), their SVGs, descriptions, tables and HTML, the trip strip,
colours and hover readout, the caches, and that article text stays data everywhere.

Regenerate the golden files after an intended change with:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_charts.py -k golden

and review the diff under tests/golden/charts/ before committing it.
"""

from __future__ import annotations

import functools
import json
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from html import escape
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from unittest import mock
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shuttle import cachefile
from shuttle.site import charts
from shuttle.site.charting import israel_data, render, style
from shuttle.site.charting import trips as trips_module
from shuttle.site.charting.death_toll_data import check_href
from shuttle.site.charting.html import NARROW_MEDIA
from shuttle.site.charting.israel_text import known_qualifier
from shuttle.site.charting.text import format_date, format_int, format_span
from shuttle.site.charts import Chart, ReportedPoint, SeriesPoint, TripSpan

GOLDEN = Path(__file__).parent / "golden" / "charts"
UNTIL = date(2023, 10, 16)
HOSTILE = (
    "</script><script>alert(1)</script>",
    '"; alert(1); "',
    "datum.x",
    "{{7*7}}",
    "<img src=x onerror=alert(2)>",
    "&amp; \u2028 ${x} ' \"",
)

# --- a small fixed input ---------------------------------------------------------


def _series() -> list[SeriesPoint]:
    points = []
    killed, injured = 1000, 3000
    for n in range(12):  # 7 to 18 October 2023; `until` cuts it at the 16th
        day = date(2023, 10, 7) + timedelta(days=n)
        killed += 100 + 10 * n
        injured += 300 + 20 * n
        missing = n in (3, 4)
        points.append(
            SeriesPoint(
                day=day,
                killed=None if missing else killed,
                injured=None if missing or n == 7 else injured,
                killed_filled=killed,
                injured_filled=injured,
                report_source="missing" if missing else "mohtel",
            )
        )
    return points


def _reported() -> list[ReportedPoint]:
    return [
        ReportedPoint(
            day=date(2023, 10, 9),
            value=1500,
            measure="killed",
            qualifier="at least",
            text="at least 1,500",
            source_title="Blinken lands in Tel Aviv",
            outlet="AP",
            href="../sources/ap-1/#p4",
            figure_id="fig-ap-1-1",
        ),
        ReportedPoint(
            day=date(2023, 10, 10),
            value=5000,
            measure="injured",
            qualifier="about",
            text="about 5,000",
            source_title="Talks in Amman",
            outlet="Reuters",
            href="../sources/reuters-2/#p7",
            figure_id="fig-reuters-2-1",
        ),
        ReportedPoint(
            day=date(2023, 10, 14),
            value=2300,
            measure="killed",
            qualifier=None,
            text="2,300",
            source_title="Riyadh stop",
            outlet="AFP",
            href="../sources/afp-3/#p2",
            figure_id="fig-afp-3-1",
            candidate=True,
        ),
        ReportedPoint(  # after `until`: left out
            day=date(2023, 10, 18),
            value=2900,
            measure="killed",
            qualifier="more than",
            text="more than 2,900",
            source_title="Later",
            outlet="AP",
            href="../sources/ap-4/#p1",
            figure_id="fig-ap-4-1",
        ),
    ]


def _trips() -> list[TripSpan]:
    return [
        TripSpan(
            1, date(2023, 10, 12), date(2023, 10, 13), "Trip 1: Israel, Jordan", "../trips/1/"
        ),
        TripSpan(2, date(2023, 10, 15), date(2023, 10, 20), "Trip 2: Qatar, Egypt", "../trips/2/"),
        TripSpan(3, date(2023, 10, 25), date(2023, 10, 26), "Trip 3: Turkey", "../trips/3/"),
    ]


@pytest.fixture(scope="module")
def chart(tmp_path_factory: pytest.TempPathFactory) -> Chart:
    cache = tmp_path_factory.mktemp("svg-cache")
    return charts.death_toll_chart(_series(), _reported(), _trips(), until=UNTIL, cache_dir=cache)


def _rows(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every data row of every layer."""
    return [row for rows in spec["datasets"].values() for row in rows]


def _points(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows holding the article figures."""
    return [row for row in _rows(spec) if "as_written" in row]


# --- golden ----------------------------------------------------------------------


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def test_golden_spec(chart: Chart) -> None:
    pretty = json.dumps(json.loads(charts.spec_json(chart)), indent=2, sort_keys=True)
    _check_golden("death-toll.vl.json", pretty + "\n")


def test_golden_words(chart: Chart) -> None:
    words = {
        "description": chart.description,
        "table_header": list(chart.table_header),
        "table_rows": [list(row) for row in chart.table_rows],
        "title": chart.title,
    }
    _check_golden("death-toll.words.json", json.dumps(words, indent=2, ensure_ascii=False) + "\n")


# --- determinism -----------------------------------------------------------------


def test_same_input_same_bytes(chart: Chart) -> None:
    again = charts.death_toll_chart(_series(), _reported(), _trips(), until=UNTIL)
    assert charts.spec_json(again) == charts.spec_json(chart)
    assert again.svg == chart.svg
    assert again == chart


def test_input_order_does_not_matter(chart: Chart) -> None:
    shuffled = charts.death_toll_chart(
        list(reversed(_series())),
        list(reversed(_reported())),
        list(reversed(_trips())),
        until=UNTIL,
    )
    assert charts.spec_json(shuffled) == charts.spec_json(chart)


def test_svg_ids_are_renumbered_in_markup_only() -> None:
    def svg(name: str) -> str:
        return (
            f'<svg><clipPath id="{name}"><rect/></clipPath><g clip-path="url(#{name})">'
            f'<text>id="clip7" url(#clip7)</text><use xlink:href="#{name}"/></g></svg>'
        )

    assert render.normalise_svg(svg("clip7")) == svg("shuttle-1")
    assert render.normalise_svg(svg("clip99")) == render.normalise_svg(svg("clip7"))
    assert 'id="clip7" url(#clip7)</text>' in render.normalise_svg(svg("clip99"))


# --- the SVG ---------------------------------------------------------------------


def test_svg_draws_the_line_points_and_trips(chart: Chart) -> None:
    root = ElementTree.fromstring(chart.svg)
    ns = "{http://www.w3.org/2000/svg}"
    groups = {g.get("class", "") for g in root.iter(f"{ns}g")}
    assert any("mark-line role-mark" in c for c in groups)
    assert any("mark-rect role-mark" in c for c in groups)
    rects = [p for p in root.iter(f"{ns}path") if p.get("aria-roledescription") == "rect mark"]
    assert len(rects) == 2  # the two trips up to `until`
    points = [p for p in root.iter(f"{ns}path") if p.get("aria-roledescription") == "point"]
    assert len(points) == 3  # the three figures up to `until`
    segments = [p for p in root.iter(f"{ns}path") if p.get("aria-roledescription") == "line mark"]
    # killed: solid, dotted (the two missing days), solid; injured: also dotted on the 14th
    assert len(segments) == 3 + 5
    assert all(p.get("d", "").startswith("M") for p in segments)
    assert f'width="{style.SVG_WIDTH}"' in chart.svg.split(">", 1)[0]
    assert "<a " not in chart.svg  # links stay in the interactive chart only


def test_svg_cache_is_used(tmp_path: Path) -> None:
    spec = {"data": {"values": [{"a": 1}]}, "mark": "point", "encoding": {"x": {"field": "a"}}}
    first = render.render_svg(spec, cache_dir=tmp_path)
    cached = list(tmp_path.glob("svg-*.svg"))
    assert len(cached) == 1 and cachefile.read(cached[0]) == first.encode("utf-8")
    with mock.patch("vl_convert.vegalite_to_svg", side_effect=AssertionError):
        assert render.render_svg(spec, cache_dir=tmp_path) == first
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_crafted_or_truncated_svg_in_the_cache_is_never_used(tmp_path: Path) -> None:
    spec = {"data": {"values": [{"a": 1}]}, "mark": "point", "encoding": {"x": {"field": "a"}}}
    first = render.render_svg(spec, cache_dir=tmp_path)
    [path] = tmp_path.glob("svg-*.svg")
    crafted = first.replace("</svg>", "<script>alert(1)</script></svg>")
    for entry in (crafted.encode(), path.read_bytes()[:200]):  # unsealed: not ours
        path.write_bytes(entry)
        assert render.render_svg(spec, cache_dir=tmp_path) == first
    cachefile.write(path, crafted.encode())  # sealed, yet it holds a script
    assert render.render_svg(spec, cache_dir=tmp_path) == first
    assert "<script" not in cachefile.read(path).decode()  # replaced by the real one


def test_a_truncated_chart_bundle_in_the_cache_is_rebuilt(tmp_path: Path) -> None:
    whole = render.javascript_bundle(tmp_path)
    path = render.bundle_path(tmp_path)
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    assert render.javascript_bundle(tmp_path) == whole


# --- the description and the table -----------------------------------------------


def test_description_comes_from_the_data(chart: Chart) -> None:
    text = chart.description
    assert "rose from 1,100 on 7 October 2023 to 2,450 on 16 October 2023" in text
    assert "On 3 of the 10 days shown a Ministry figure is missing" in text
    assert "2 figures between 9 October 2023 and 10 October 2023" in text
    assert "1 unreviewed candidate figure as a hollow diamond" in text
    assert "2 trips" in text and "numbered 1 to 2" in text
    assert chart.spec["description"] == text

    series = _series()
    series[9] = replace(series[9], killed=4000, killed_filled=4000)
    changed = charts.death_toll_chart(series, _reported(), _trips(), until=UNTIL)
    assert "to 4,000 on 16 October 2023" in changed.description

    later = charts.death_toll_chart(_series(), _reported(), _trips(), until=date(2023, 10, 30))
    assert "on 18 October 2023" in later.description and "3 trips" in later.description
    assert later.description != text


def test_description_handles_empty_input() -> None:
    empty = charts.death_toll_chart([], [], [])
    assert "no Gaza Health Ministry figures" in empty.description
    assert "No article cited here" in empty.description
    assert "no trip" in empty.description
    assert empty.table_rows == ()


def test_table_has_every_figure(chart: Chart) -> None:
    assert chart.table_header[0] == "Date"
    assert [row[2] for row in chart.table_rows] == ["at least 1,500", "about 5,000", "2,300"]
    first, second, third = chart.table_rows
    assert first == (
        "9 October 2023",
        "Killed",
        "at least 1,500",
        "1,500",
        "1,330",
        "AP",
        "Blinken lands in Tel Aviv",
    )
    assert second[4] == "4,320 (gap-filled)"  # no Ministry report on 10 October
    assert third[1] == "Killed (unreviewed candidate)"
    assert all(len(row) == len(chart.table_header) for row in chart.table_rows)


def test_until_cuts_series_figures_and_trips(chart: Chart) -> None:
    days = {row["day"] for row in _rows(chart.spec) if "day" in row}
    assert max(days) == "2023-10-16"
    trips = [row for row in _rows(chart.spec) if "number" in row]
    assert [(t["number"], t["start"], t["end"]) for t in trips] == [
        ("1", "2023-10-12", "2023-10-14"),
        ("2", "2023-10-15", "2023-10-17"),  # clipped to `until`, drawn to the next day
    ]


def test_dates_and_numbers_read_the_same_everywhere() -> None:
    assert format_date(date(2024, 1, 9)) == "9 January 2024"
    assert format_int(45936) == "45,936" and format_int(7) == "7"
    assert format_span(date(2024, 1, 5), date(2024, 1, 9)) == "5\u20139 January 2024"
    assert format_span(date(2024, 1, 30), date(2024, 2, 2)) == "30 January \u2013 2 February 2024"
    assert format_span(date(2023, 12, 30), date(2024, 1, 2)) == (
        "30 December 2023 \u2013 2 January 2024"
    )


# --- untrusted text --------------------------------------------------------------


def _hostile_figures() -> list[ReportedPoint]:
    return [
        replace(
            figure,
            text=HOSTILE[n % 6],
            outlet=HOSTILE[(n + 1) % 6],
            source_title=HOSTILE[(n + 2) % 6],
        )
        for n, figure in enumerate(_reported())
    ]


def _strings(node: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every string in a spec with where it sits, keys included."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*path, "<key>"), key
            yield from _strings(value, (*path, key))
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value, (*path, "[]"))
    elif isinstance(node, str):
        yield path, node


def test_article_text_is_only_ever_a_data_value() -> None:
    figures = _hostile_figures()
    trips = [replace(t, label=HOSTILE[-t.ordinal]) for t in _trips()]
    chart = charts.death_toll_chart(_series(), figures, trips, until=UNTIL)
    seen = set()
    for path, value in _strings(chart.spec):
        for hostile in HOSTILE:
            if hostile in value:
                assert path[0] == "datasets" and path[2] == "[]", (path, value)
                assert path[-1] in {"as_written", "outlet", "title", "label", "aria"}, path
                seen.add(hostile)
    assert seen == set(HOSTILE)
    text = charts.spec_json(chart)
    assert json.loads(text) == chart.spec
    assert not re.search("[<>&\u2028\u2029]", text)
    assert "</script" not in text.lower()
    # the static SVG carries the text only as escaped attribute values
    root = ElementTree.fromstring(chart.svg)
    for element in root.iter():
        assert not element.tag.endswith("script") and not element.tag.endswith("foreignObject")
        assert not any(name.lower().startswith("on") for name in element.attrib)
    assert "<script" not in chart.svg and "<img" not in chart.svg


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "//evil.example/",
        "https://evil.example/",
        " ../x/",
        "..\\x",
        "data:text/html,x",
    ],
)
def test_links_must_be_site_relative(href: str) -> None:
    with pytest.raises(ValueError, match="site-relative"):
        check_href(href)
    figure = replace(_reported()[0], href=href)
    with pytest.raises(ValueError):
        charts.death_toll_chart(_series(), [figure], [], until=UNTIL)


def test_site_relative_links_pass() -> None:
    for href in ["../sources/ap-1/#p4", "sources/x/", "#p3", "/figures/"]:
        check_href(href)


# --- chart_html ------------------------------------------------------------------


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.cells: list[str] = []
        self.paragraphs: list[str] = []
        self._open: list[str] = []
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in {"td", "th", "p", "figcaption", "summary"}:
            self._open.append(tag)
            self._buffer = []

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()
            text = "".join(self._buffer)
            (self.paragraphs if tag == "p" else self.cells).append(text)

    def handle_data(self, data: str) -> None:
        self._buffer.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def _canvas(page: _Page) -> dict[str, str | None]:
    (canvas,) = [attrs for tag, attrs in page.tags if tag == "div" and "data-spec" in attrs]
    return canvas


def _check_html(chart: Chart, html: str) -> _Page:
    page = _parse(html)
    names = [tag for tag, _ in page.tags]
    assert "script" not in names and "iframe" not in names
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if "style" in attrs:
            assert tag == "div" and re.fullmatch(r"min-height: \d+px", attrs["style"] or "")
    if "picture" in names:  # phones' narrow SVG: <picture><source><img></picture>
        assert names[3:6] == ["picture", "source", "img"]
        names = names[:3] + names[5:]
    assert names[:4] == ["figure", "figcaption", "div", "img"]
    assert page.paragraphs == [chart.description]
    expected = [chart.title, f"The data: {chart.title}", *chart.table_header]
    expected += [cell for row in chart.table_rows for cell in row]
    assert page.cells == expected
    return page


def test_chart_html_shape(chart: Chart) -> None:
    html = charts.chart_html(
        chart,
        spec_url="../assets/charts/death-toll.vl.json",
        svg_url="../assets/charts/death-toll.svg",
    )
    page = _check_html(chart, html)
    attrs = dict(page.tags)
    canvas = _canvas(page)
    assert canvas["data-spec"] == "../assets/charts/death-toll.vl.json"
    img = attrs["img"]
    assert img["src"] == "../assets/charts/death-toll.svg"
    assert img["width"] == str(style.SVG_WIDTH) and img["height"] and img["alt"]
    assert f"min-height: {img['height']}px" == canvas["style"]
    (region,) = [a for t, a in page.tags if a.get("role") == "region"]
    assert region["tabindex"] == "0" and region["aria-label"] == f"The data: {chart.title}"
    assert [a.get("scope") for t, a in page.tags if t == "th"] == ["col"] * 7
    assert html.count("<tr>") == 1 + len(chart.table_rows)
    assert "\n\n" not in html  # a blank line would end Markdown's raw HTML block


def test_phones_get_the_narrow_svg_at_the_live_charts_height(chart: Chart) -> None:
    """The live chart fits the width and keeps (about) its height: on a phone, the SVG
    drawn narrow is (about) as tall as it, where the wide one would shrink to half."""
    width, height = render.svg_size(chart.svg_narrow)
    assert width == style.SVG_NARROW_WIDTH
    assert abs(height - render.svg_size(chart.svg)[1]) < 40  # a legend may wrap once more
    html = charts.chart_html(chart, spec_url="a.json", svg_url="a.svg", narrow_svg_url="n.svg")
    attrs = dict(_check_html(chart, html).tags)
    source, img = attrs["source"], attrs["img"]
    assert source["srcset"] == "n.svg" and source["media"] == NARROW_MEDIA
    assert (source["width"], source["height"]) == (str(width), str(height))
    assert img["src"] == "a.svg"  # wider windows, print, and browsers without <picture>
    assert "<picture>" not in charts.chart_html(chart, spec_url="a.json", svg_url="a.svg")
    assert "<picture>" not in charts.chart_html(
        replace(chart, svg_narrow=""), spec_url="a.json", svg_url="a.svg", narrow_svg_url="n"
    )


def test_chart_html_escapes_everything() -> None:
    chart = charts.death_toll_chart(_series(), _hostile_figures(), _trips(), until=UNTIL)
    chart = replace(chart, title=HOSTILE[0], name='x" onmouseover="alert(1)')
    html = charts.chart_html(chart, spec_url='a" onload="x', svg_url="<b>")
    page = _check_html(chart, html)
    assert _canvas(page)["data-spec"] == 'a" onload="x'
    for hostile in HOSTILE:
        if escape(hostile) != hostile:
            assert hostile not in html


def _shape(page: _Page) -> list[tuple[str, tuple[str, ...]]]:
    return [(tag, tuple(sorted(attrs))) for tag, attrs in page.tags]


@functools.cache
def _benign_shape() -> list[tuple[str, tuple[str, ...]]]:
    with mock.patch.object(charts, "render_svg", return_value='<svg width="720" height="400"/>'):
        chart = charts.death_toll_chart(_series(), _reported()[:1], _trips(), until=UNTIL)
    return _shape(_parse(charts.chart_html(chart, spec_url="a.json", svg_url="a.svg")))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(), outlet=st.text(), title=st.text())
def test_any_article_text_stays_text(text: str, outlet: str, title: str) -> None:
    figure = replace(_reported()[0], text=text, outlet=outlet, source_title=title)
    with mock.patch.object(charts, "render_svg", return_value='<svg width="720" height="400"/>'):
        chart = charts.death_toll_chart(_series(), [figure], _trips(), until=UNTIL)
    html = charts.chart_html(chart, spec_url="a.json", svg_url="a.svg")
    for value in (text, outlet, title):
        assert f"<td>{escape(value)}</td>" in html
    page = _check_html(chart, html)  # every cell parses back to exactly the text given
    assert _shape(page) == _benign_shape()  # and the text added no tag or attribute
    row = chart.table_rows[0]
    assert (row[2], row[5], row[6]) == (text, outlet, title)
    parsed = json.loads(charts.spec_json(chart))
    assert parsed == chart.spec
    (point,) = _points(parsed)
    assert (point["as_written"], point["outlet"], point["title"]) == (text, outlet, title)


# --- trips, colours and the hover readout (shared by both charts) ------------------


def test_trip_numbers_never_crowd_a_row() -> None:
    """Numbers closer than a phone can show apart go to another row of the strip."""
    start, end = date(2023, 10, 7), date(2025, 1, 20)
    min_gap = (end - start).days * trips_module.NUMBER_GAP_PX / trips_module.NARROW_PLOT_PX
    days = [date(2023, 10, 12), date(2023, 11, 3), date(2023, 11, 30), date(2024, 1, 5),
            date(2024, 1, 9), date(2024, 1, 12), date(2024, 6, 10)]  # fmt: skip
    spans = [
        TripSpan(n + 1, d, d, f"Trip {n + 1}", f"../trips/{n + 1}/") for n, d in enumerate(days)
    ]
    rows = trips_module.trip_rows(spans, start, end)
    staggers = [row["stagger"] for row in rows]
    assert staggers[0] == 0 and staggers[-1] == 0  # alone in its stretch: the first row
    assert len(set(staggers[3:6])) == 3  # three trips within a week: three rows
    for stagger in set(staggers):
        starts = [date.fromisoformat(r["start"]) for r in rows if r["stagger"] == stagger]
        assert all((b - a).days >= min_gap for a, b in zip(starts, starts[1:], strict=False))
    assert [r["row"] for r in rows] == [
        trips_module.NUMBER_BOTTOM - s * trips_module.NUMBER_ROW for s in staggers
    ]
    assert trips_module.strip_height(rows) == -trips_module.NUMBER_BOTTOM + 3 * 12
    assert trips_module.strip_height([]) == 0


def _contrast(colour: str, background: str = style.WHITE) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(colour), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_marks_meet_three_to_one_on_the_card() -> None:
    marks = [style.KILLED, style.INJURED, style.PRISONERS, style.TRIP_MARK, style.AXIS]
    assert all(_contrast(colour) >= 3 for colour in marks), [_contrast(c) for c in marks]
    assert _contrast(style.TEXT) >= 4.5 and _contrast(style.TRIP_TEXT) >= 4.5  # text
    assert _contrast(style.TRIP_FILL) < 1.5  # the band is decoration; the bar marks the trip


def _layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return list(spec["layer"])


def test_trips_are_marked_by_bar_and_number_not_by_the_pale_band(chart: Chart) -> None:
    trip_layers = [layer for layer in _layers(chart.spec) if layer["data"]["name"] == "trips"]
    band, bar, number = trip_layers
    assert band["mark"]["type"] == "rect" and "href" not in band["encoding"]
    assert bar["mark"]["type"] == "rule" and bar["encoding"]["href"]["field"] == "href"
    assert bar["encoding"]["stroke"]["scale"]["range"] == [style.TRIP_MARK]
    assert number["encoding"]["text"]["field"] == "number"
    # the strip sits above the plot, and the legends clear it
    assert bar["encoding"]["y"] == {"value": trips_module.BAR_Y} and trips_module.BAR_Y < 0
    trips = chart.spec["datasets"]["trips"]
    assert all(row["row"] < 0 for row in trips)
    assert chart.spec["config"]["legend"]["offset"] == trips_module.strip_height(trips) + 8


def _expressions(node: Any) -> Iterator[str]:
    """Every string Vega would evaluate: expressions, signals, calculate, filters."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in {"expr", "signal", "calculate", "test", "filter"} and isinstance(value, str):
                yield value
            yield from _expressions(value)
    elif isinstance(node, list):
        for value in node:
            yield from _expressions(value)


def test_readout_pivots_the_series_and_names_the_gaps(chart: Chart) -> None:
    (readout,) = [layer for layer in _layers(chart.spec) if layer.get("name") == "readout"]
    assert readout["data"] == {"name": "series"}
    pivot, calculate = readout["transform"]
    assert pivot["pivot"] == "measure" and pivot["groupby"] == ["day", "note"]
    titles = [t["title"] for t in readout["encoding"]["tooltip"]]
    assert titles == ["Date", "Killed (Ministry)", "Injured (Ministry)", "Figures"]
    # the only expressions in the spec are the package's own constants
    assert sorted(set(_expressions(chart.spec))) == sorted(
        {"width < 460 ? 2 : 0", 'isValid(datum.note) ? datum.note : "Both reported that day"'}
    )
    # notes ride only on the days with a missing figure, on every row of such a day
    noted = {row["day"]: row["note"] for row in chart.spec["datasets"]["series"] if "note" in row}
    assert noted == {
        "2023-10-10": "Both gap-filled (no report that day)",
        "2023-10-11": "Both gap-filled (no report that day)",
        "2023-10-14": "Injured gap-filled (no report that day)",
    }
    for row in chart.spec["datasets"]["series"]:
        assert ("note" in row) == (row["day"] in noted)
    # the static image leaves the readout out
    assert "readout" not in json.dumps(render.static_spec(chart.spec, 720)["layer"])
    assert "params" not in render.static_spec(chart.spec, 720)


# --- the chart of people killed in Israel and the hostages -------------------------

ISRAEL_START = date(2023, 10, 7)
ISRAEL_UNTIL = date(2024, 3, 1)


def _israel_figures() -> list[ReportedPoint]:
    def figure(
        n: int, day: date, measure: str, value: int, text: str, **more: Any
    ) -> ReportedPoint:
        return ReportedPoint(
            day=day, value=value, measure=measure, qualifier=more.get("qualifier"), text=text,
            source_title=f"Article {n}", outlet=more.get("outlet", "AP"),
            href=f"../sources/s-{n}/#p{n}", figure_id=f"fig-{n}",
            candidate=more.get("candidate", False), subject=more.get("subject"),
        )  # fmt: skip

    attack = date(2023, 10, 7)
    return [
        figure(1, attack, "killed", 1200, "1,200", qualifier="about", subject="people in Israel"),
        figure(2, attack, "killed", 1200, "1,200", qualifier="About", outlet="NYT"),
        figure(3, attack, "hostages_taken", 250, "250", qualifier="some"),
        figure(4, date(2023, 12, 1), "hostages_released", 105, "105", qualifier="more than"),
        figure(5, date(2023, 12, 1), "prisoners_released", 240, "240", subject="prisoners"),
        figure(6, date(2024, 2, 20), "hostages_released", 2, "two", candidate=True),
        figure(7, date(2024, 5, 1), "hostages_held", 128, "128"),  # after ISRAEL_UNTIL
    ]


def _israel(
    figures: list[ReportedPoint] | None = None, trips: list[TripSpan] | None = None
) -> Chart | None:
    return charts.israel_chart(
        _israel_figures() if figures is None else figures,
        _trips() if trips is None else trips,
        start=ISRAEL_START,
        until=ISRAEL_UNTIL,
    )


@pytest.fixture(scope="module")
def israel(tmp_path_factory: pytest.TempPathFactory) -> Chart:
    made = charts.israel_chart(
        _israel_figures(), _trips(), start=ISRAEL_START, until=ISRAEL_UNTIL,
        cache_dir=tmp_path_factory.mktemp("israel-cache"),
    )  # fmt: skip
    assert made is not None
    return made


def test_a_day_many_articles_report_stays_in_its_row(israel: Chart) -> None:
    """Forty articles giving the attack's toll: forty points, each with its link, stacked
    within the row's band, and the chart as tall as with two."""
    base = _israel_figures()
    many = [
        replace(base[0], source_title=f"Article {n}", href=f"../sources/s-{n}/#p1",
                            figure_id=f"fig-many-{n}")
        for n in range(100, 140)
    ]  # fmt: skip
    chart = _israel(base + many)
    assert chart is not None
    killed = [r for r in chart.spec["datasets"]["figures"] if r["measure"] == "Killed in Israel"]
    assert len(killed) == 42 and len({r["href"] for r in killed}) == 42
    ys = [r["y"] for r in killed]
    assert min(ys) >= israel_data.POINT_Y - israel_data.STACK_PX
    assert max(ys) <= israel_data.POINT_Y + israel_data.STACK_PX
    assert len(set(ys)) > 20  # spread over the band, not drawn on top of each other
    assert render.svg_size(chart.svg)[1] == render.svg_size(israel.svg)[1]


def test_a_label_that_would_print_over_the_one_before_it_is_left_out() -> None:
    """Hostages freed on 1 December and again the next day: one label, both points; the
    label of 20 February, far along the row, stays."""
    base = _israel_figures()
    next_day = replace(
        base[3], day=date(2023, 12, 2), value=110, text="110", qualifier=None,
        href="../sources/s-8/#p8", figure_id="fig-8",
    )  # fmt: skip
    chart = _israel([*base, next_day])
    assert chart is not None
    data = chart.spec["datasets"]
    freed = [r for r in data["figures"] if r["measure"] == "Hostages freed"]
    assert {r["day"] for r in freed} == {"2023-12-01", "2023-12-02", "2024-02-20"}
    labels = data["labels_right"] + data["labels_left"]
    shown = {r["day"]: r["label"] for r in labels if r["measure"] == "Hostages freed"}
    assert shown == {"2023-12-01": "more than 105", "2024-02-20": "2 (candidate)"}
    # the other rows keep theirs: the same day in another row is no overlap
    assert len([r for r in labels if r["day"] == "2023-12-01"]) == 2


def test_israel_golden_spec(israel: Chart) -> None:
    pretty = json.dumps(json.loads(charts.spec_json(israel)), indent=2, sort_keys=True)
    _check_golden("israel-hostages.vl.json", pretty + "\n")


def test_israel_golden_words(israel: Chart) -> None:
    words = {
        "description": israel.description,
        "table_header": list(israel.table_header),
        "table_rows": [list(row) for row in israel.table_rows],
        "title": israel.title,
    }
    _check_golden(
        "israel-hostages.words.json", json.dumps(words, indent=2, ensure_ascii=False) + "\n"
    )


def test_israel_chart_is_the_same_from_the_cache(israel: Chart, tmp_path: Path) -> None:
    first = charts.israel_chart(
        _israel_figures(), _trips(), start=ISRAEL_START, until=ISRAEL_UNTIL, cache_dir=tmp_path
    )
    assert list(tmp_path.glob("chart-*.json"))
    with mock.patch.object(charts, "render_svg", side_effect=AssertionError):
        again = charts.israel_chart(
            _israel_figures(), _trips(), start=ISRAEL_START, until=ISRAEL_UNTIL,
            cache_dir=tmp_path,
        )  # fmt: skip
    assert first == again == israel
    assert _israel(list(reversed(_israel_figures())), list(reversed(_trips()))) == israel


def test_israel_description_reflects_the_data(israel: Chart) -> None:
    text = israel.description
    assert text.startswith(
        "Articles cited here reported 5 figures between 7 October 2023 and 1 December 2023: "
        "killed in Israel: about 1,200 on 7 October 2023 (2 articles); hostages taken: some "
        "250 on 7 October 2023; hostages freed: more than 105 on 1 December 2023; prisoners "
        "freed in exchanges: 240 on 1 December 2023."
    )
    assert "None of them said how many hostages were still held." in text  # after `until`
    assert "1 unreviewed candidate figure as a hollow marker" in text
    assert "no day-by-day reference series" in text and "not a line" in text
    assert "3 trips" in text and "numbered 1 to 3" in text
    assert israel.spec["description"] == text

    figures = _israel_figures()
    figures[3] = replace(figures[3], value=110, qualifier="nearly")
    changed = _israel(figures)
    assert (
        changed is not None
        and "hostages freed: nearly 110 on 1 December 2023" in changed.description
    )

    later = charts.israel_chart(
        _israel_figures(), _trips(), start=ISRAEL_START, until=date(2024, 6, 1)
    )
    assert later is not None
    assert "hostages still held: 128 on 1 May 2024" in later.description
    assert "None of them said" not in later.description

    early = charts.israel_chart(_israel_figures(), _trips(), start=ISRAEL_START, until=UNTIL)
    assert early is not None and "reported 3 figures on 7 October 2023" in early.description
    assert "Blinken made 2 trips" in early.description


def test_israel_without_figures_there_is_no_chart() -> None:
    assert _israel([]) is None
    assert _israel([_israel_figures()[-1]]) is None  # its only figure is after `until`
    only_held = _israel([replace(_israel_figures()[-1], day=date(2024, 1, 1))])
    assert only_held is not None and only_held.spec["datasets"]["rows"] == [
        {"measure": "Hostages still held"}
    ]


def test_israel_table_has_every_point(israel: Chart) -> None:
    shown = [f for f in _israel_figures() if f.day <= ISRAEL_UNTIL]
    assert len(israel.table_rows) == len(shown) == len(israel.spec["datasets"]["figures"])
    assert {row["id"] for row in israel.spec["datasets"]["figures"]} == {f.figure_id for f in shown}
    assert sorted(row[3] for row in israel.table_rows) == sorted(f.text for f in shown)
    assert israel.table_rows[0] == (
        "7 October 2023", "Killed in Israel", "about", "1,200", "1,200", "people in Israel",
        "AP", "Article 1",
    )  # fmt: skip
    assert israel.table_rows[-1][1] == "Hostages freed (unreviewed candidate)"
    assert all(len(row) == len(israel.table_header) for row in israel.table_rows)
    html = charts.chart_html(israel, spec_url="a.json", svg_url="a.svg")
    _check_html(israel, html)


def test_israel_points_rows_and_labels(israel: Chart) -> None:
    data = israel.spec["datasets"]
    assert [row["measure"] for row in data["rows"]] == [
        "Killed in Israel", "Hostages taken", "Hostages freed", "Prisoners freed in exchanges",
    ]  # fmt: skip
    killed = [row for row in data["figures"] if row["measure"] == "Killed in Israel"]
    assert len({row["y"] for row in killed}) == 2  # the same day twice: stacked, not hidden
    assert len({row["href"] for row in killed}) == 2  # each to its own paragraph
    both = data["labels_right"] + data["labels_left"]
    labels = {(row["measure"], row["day"]): row["label"] for row in both}
    assert labels[("Killed in Israel", "2023-10-07")] == "about 1,200 / About 1,200 (2 articles)"
    assert labels[("Hostages freed", "2024-02-20")] == "2 (candidate)"
    assert [row["side"] for row in data["labels_left"]] == ["left"]  # late in the axis
    assert {row["side"] for row in data["labels_right"]} == {"right"}
    # no line: points and text only, over the trip marks
    marks = [layer["mark"]["type"] for layer in _layers(israel.spec)]
    assert "line" not in marks and marks.count("point") == 1
    (points,) = [layer for layer in _layers(israel.spec) if layer["mark"]["type"] == "point"]
    assert points["encoding"]["href"] == {"field": "href", "type": "nominal"}
    assert [t["title"] for t in points["encoding"]["tooltip"]] == [
        "As written", "Value", "Qualifier", "What", "Who was counted", "Date", "Outlet", "Article",
    ]  # fmt: skip
    root = ElementTree.fromstring(israel.svg)
    ns = "{http://www.w3.org/2000/svg}"
    drawn = [p for p in root.iter(f"{ns}path") if p.get("aria-roledescription") == "point"]
    assert len(drawn) == len(data["figures"])
    assert "<a " not in israel.svg


def test_israel_hostile_strings_stay_data() -> None:
    figures = [
        replace(
            f,
            text=HOSTILE[n % 6],
            outlet=HOSTILE[(n + 1) % 6],
            source_title=HOSTILE[(n + 2) % 6],
            subject=HOSTILE[(n + 3) % 6],
            qualifier=HOSTILE[(n + 4) % 6],
        )
        for n, f in enumerate(_israel_figures())
    ]
    trips = [replace(t, label=HOSTILE[-t.ordinal]) for t in _trips()]
    chart = _israel(figures, trips)
    assert chart is not None
    seen = set()
    for path, value in _strings(chart.spec):
        for hostile in HOSTILE:
            if hostile in value:
                assert path[0] == "datasets" and path[2] == "[]", (path, value)
                allowed = {"as_written", "outlet", "title", "who", "qualifier", "label", "aria"}
                assert path[-1] in allowed, path
                seen.add(hostile)
    assert seen == set(HOSTILE)
    assert not any(h in chart.description for h in HOSTILE)  # the aria-label: no article text
    assert not any(h in e for e in _expressions(chart.spec) for h in HOSTILE)
    text = charts.spec_json(chart)
    assert json.loads(text) == chart.spec and not re.search("[<>&\u2028\u2029]", text)
    root = ElementTree.fromstring(chart.svg)
    for element in root.iter():
        assert not element.tag.endswith("script") and not element.tag.endswith("foreignObject")
        assert not any(name.lower().startswith("on") for name in element.attrib)
    html = charts.chart_html(chart, spec_url="a.json", svg_url="a.svg")
    _check_html(chart, html)
    for hostile in HOSTILE:
        if escape(hostile) != hostile:
            assert hostile not in html


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(), qualifier=st.text(), subject=st.text())
def test_israel_any_text_stays_text(text: str, qualifier: str, subject: str) -> None:
    figure = replace(_israel_figures()[0], text=text, qualifier=qualifier, subject=subject)
    with mock.patch.object(charts, "render_svg", return_value='<svg width="720" height="300"/>'):
        chart = _israel([figure])
    assert chart is not None
    assert chart.table_rows[0][2:6] == (qualifier, text, "1,200", subject or "")
    _check_html(chart, charts.chart_html(chart, spec_url="a.json", svg_url="a.svg"))
    (point,) = json.loads(charts.spec_json(chart))["datasets"]["figures"]
    assert (point["as_written"], point["qualifier"], point["who"]) == (
        text, qualifier or "(none)", subject or "(not given)",
    )  # fmt: skip
    plain = replace(figure, text="1,200", qualifier=known_qualifier(figure), subject=None)
    with mock.patch.object(charts, "render_svg", return_value='<svg width="720" height="300"/>'):
        benign = _israel([plain])
    assert benign is not None and chart.description == benign.description


def test_israel_rejects_unknown_measures_and_off_site_links() -> None:
    with pytest.raises(ValueError, match="unknown measure"):
        _israel([replace(_israel_figures()[0], measure="injured")])
    with pytest.raises(ValueError, match="site-relative"):
        _israel([replace(_israel_figures()[0], href="javascript:alert(1)")])
    with pytest.raises(ValueError, match="site-relative"):
        _israel(trips=[replace(_trips()[0], href="//evil.example/")])


def test_figures_page_picks_israeli_counts_only() -> None:
    from shuttle.records.schema import Figure
    from shuttle.site.pages.figures import is_about_israel

    def figure(measure: str, value: int, **more: Any) -> Figure:
        return Figure(id="f", text=str(value), start=0, end=1, value=value, measure=measure, **more)

    attack = date(2023, 10, 7)
    assert is_about_israel(figure("killed", 1200, as_of=attack, subject="people"))
    assert is_about_israel(figure("killed", 1139, subject="people in southern Israel"))
    assert is_about_israel(figure("hostages_held", 101)) and is_about_israel(
        figure("prisoners_released", 240)
    )
    assert not is_about_israel(figure("killed", 27840, attribution="Gaza's health ministry"))
    assert not is_about_israel(figure("killed", 11, subject="people in Gaza", as_of=attack))
    assert not is_about_israel(figure("killed", 11, subject="people"))  # a strike, not 7 October
    assert not is_about_israel(figure("injured", 300, as_of=attack))


# --- JavaScript ------------------------------------------------------------------


def test_loader_is_packaged_and_safe() -> None:
    js = charts.loader_javascript()
    assert "actions: false" in js and "ast: true" in js
    assert ".shuttle-chart [data-spec]" in js and "vegaEmbed(" in js
    assert not re.search(r"\beval\(|new Function|innerHTML|document\.write", js)


def test_bundle_is_cached_by_version(tmp_path: Path) -> None:
    with mock.patch("vl_convert.javascript_bundle", return_value="/*b*/") as make:
        assert charts.chart_javascript(tmp_path) == "/*b*/"
        assert charts.chart_javascript(tmp_path) == "/*b*/"
        assert make.call_count == 1
        (cached,) = tmp_path.glob("vega-bundle-*.js")
        assert render.vl_convert_version() in cached.name
        with mock.patch.object(render, "vl_convert_version", return_value="0.0-other"):
            charts.chart_javascript(tmp_path)
        assert make.call_count == 2
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> str:
    return charts.chart_javascript(tmp_path_factory.mktemp("bundle-cache"))


def test_real_bundle_defines_vega_embed(bundle: str) -> None:
    assert len(bundle) > 500_000
    assert "vegaEmbed" in bundle and "expressionInterpreter" in bundle


CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _write_site(root: Path, shown: list[Chart], bundle: str) -> None:
    files = {
        "assets/javascripts/vega.js": bundle,
        "assets/javascripts/charts.js": charts.loader_javascript(),
        "figures/index.html": (
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Figures</title>'
            '<script src="../assets/javascripts/charts.js"'
            ' data-vega="../assets/javascripts/vega.js" defer></script></head><body>'
            + "".join(
                charts.chart_html(
                    chart,
                    spec_url=f"../assets/charts/{chart.name}.vl.json",
                    svg_url=f"../assets/charts/{chart.name}.svg",
                )
                for chart in shown
            )
            + "</body></html>"
        ),
        "sources/ap-1/index.html": "<!doctype html><title>AP</title><p id=p4>source</p>",
        "sources/s-3/index.html": "<!doctype html><title>S3</title><p id=p3>source</p>",
    }
    for chart in shown:
        files[f"assets/charts/{chart.name}.vl.json"] = charts.spec_json(chart)
        files[f"assets/charts/{chart.name}.svg"] = chart.svg
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def _reach_for_charts(page: Any) -> None:
    """The pointer over each chart: what makes the loader fetch the library and draw it."""
    for canvas in page.locator(".shuttle-chart [data-spec]").all():
        canvas.hover()


def _centre(locator: Any) -> tuple[float, float]:
    box = locator.bounding_box()
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


@pytest.mark.browser
def test_chart_renders_in_chromium_under_strict_csp(tmp_path: Path, bundle: str) -> None:
    """No unsafe-eval: the chart draws only because the loader asks for ast: true."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail("CI must run the browser tests, but there is no /usr/bin/chromium")
        pytest.skip("no Chromium at /usr/bin/chromium")
    figures = [replace(f, text=HOSTILE[0], outlet=HOSTILE[4]) for f in _reported()]
    chart = charts.death_toll_chart(_series(), figures, _trips(), until=UNTIL)
    hostile = [replace(f, text=HOSTILE[1], subject=HOSTILE[4]) for f in _israel_figures()]
    israel = _israel(hostile)
    assert israel is not None
    _write_site(tmp_path, [chart, israel], bundle)

    class Handler(SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            self.send_header("Content-Security-Policy", CSP)
            super().end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(tmp_path))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    problems: list[str] = []
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 900, "height": 900})

            def on_dialog(dialog: Any) -> None:
                problems.append(f"dialog: {dialog.message}")
                dialog.dismiss()

            def on_console(message: Any) -> None:
                if message.type == "error" and "404" not in message.text:
                    problems.append(message.text)

            page.on("dialog", on_dialog)
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.on("console", on_console)
            page.goto(f"{base}/figures/")
            page.wait_for_load_state("load")
            # the static images are the charts until the reader reaches for one
            assert page.eval_on_selector_all("script[src$='vega.js']", "es => es.length") == 0
            assert page.eval_on_selector_all(
                "[data-spec]", "es => es.every(e => !e.hasAttribute('data-shuttle-state'))"
            )
            _reach_for_charts(page)
            # a locator waits without evaluating a string in the page (the CSP forbids that)
            page.locator(".shuttle-chart__live svg").nth(1).wait_for(timeout=10_000)
            for state in page.eval_on_selector_all(
                "[data-spec]", "es => es.map(e => e.getAttribute('data-shuttle-state'))"
            ):
                assert state == "live"
            assert page.eval_on_selector_all(
                ".shuttle-chart__fallback", "es => es.every(e => e.hidden)"
            )
            labels = page.eval_on_selector_all(
                ".shuttle-chart__live", "es => es.map(e => e.getAttribute('aria-label'))"
            )
            assert labels == [chart.description, israel.description]

            def tooltip_after(x: float, y: float) -> str:
                page.mouse.move(x, y)
                tip = page.wait_for_selector("#vg-tooltip-element.visible", timeout=5_000)
                assert tip is not None and tip.query_selector("script") is None
                return tip.inner_text()

            # the Ministry readout: anywhere over the plot, the nearest day's figures
            toll = page.locator("#chart-death-toll .shuttle-chart__live svg")
            box = toll.bounding_box()
            assert box is not None
            readout = tooltip_after(box["x"] + box["width"] * 0.55, box["y"] + box["height"] * 0.6)
            for title in ("Date", "Killed (Ministry)", "Injured (Ministry)", "Figures"):
                assert title in readout
            assert re.search(r"\d{1,2} October 2023", readout)
            # the chart of Israel and the hostages: a point's tooltip, then its paragraph
            mark = '.shuttle-chart__live path[aria-roledescription="point"]'
            hostage = page.locator(f"#chart-israel-hostages {mark}").nth(2)
            hostage.scroll_into_view_if_needed()
            hostage.hover()
            text = page.wait_for_selector("#vg-tooltip-element.visible", timeout=5_000)
            assert text is not None and HOSTILE[1] in text.inner_text()
            assert HOSTILE[4] in text.inner_text()  # who was counted
            with page.expect_navigation():
                hostage.click()
            assert page.url == f"{base}/sources/s-3/#p3"
            page.goto(f"{base}/figures/")
            _reach_for_charts(page)
            page.wait_for_selector("#chart-death-toll .shuttle-chart__live svg", timeout=10_000)
            point = page.locator(f"#chart-death-toll {mark}").first
            point.hover()
            assert HOSTILE[0] in tooltip_after(*_centre(point))
            with page.expect_navigation():
                point.click()
            assert page.url == f"{base}/sources/ap-1/#p4"
            browser.close()
    finally:
        server.shutdown()
    assert problems == []
