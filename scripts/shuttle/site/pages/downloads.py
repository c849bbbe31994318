"""The Data page: every published record for download as CSV and JSON, with citations.

A table's columns are its model's fields (records/schema.py), in their order, less those
marked NOT_DOWNLOADED; then where the record came from: the address of its paragraph.
CSV cells that a spreadsheet would run as a formula (=, +, -, @ first) are prefixed with
an apostrophe: article text is untrusted. The page carries schema.org Dataset markup.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel

from shuttle.records.fields import downloaded_fields
from shuttle.records.schema import Event, Figure, Quote, Source, Trip
from shuttle.records.schema_export import json_schemas
from shuttle.site.pages import reuse
from shuttle.site.pages import view as v
from shuttle.site.pages.env import render

DOWNLOADS = "downloads"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Table:
    """A download: its records (`items`) and how each gives its row (`cells`). Compared
    by its items, not by its rows: under serve a table whose records are the same is not
    written out again (pages/reuse.py)."""

    name: str
    title: str
    description: str
    columns: tuple[str, ...]
    items: Sequence[Any]
    cells: Sequence[Column] = field(compare=False)
    site_url: str = ""  # what the cells' links are made with

    @cached_property
    def rows(self) -> list[dict[str, Any]]:
        """Each record's cells by column (a build's CSV and JSON read them both)."""
        return [{column: cell(item) for column, cell in self.cells} for item in self.items]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, date) else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(table: Table) -> str:
    if not reuse.current().keeps:  # a build: the table at once (see _rows_text)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows([_cell(row.get(c)) for c in table.columns] for row in table.rows)
        return out.getvalue()
    return _csv_line(table.columns) + "".join(line for line, _ in _rows_text(table))


def to_json(table: Table) -> str:
    """The rows as json.dumps(rows, indent=1) writes them, one object after the other."""
    if not reuse.current().keeps:
        values = [{c: _json_value(row.get(c)) for c in table.columns} for row in table.rows]
        return json.dumps(values, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    objects = [one for _, one in _rows_text(table)]
    return "[\n" + ",\n".join(objects) + "\n]\n" if objects else "[]\n"


def _rows_text(table: Table) -> list[tuple[str, str]]:
    """Under serve, each row as a line of CSV and an object of the JSON array (indented
    as in it), so that a row whose record is the same is not written out again: a changed
    event rewrites one row, not the table (which is taken back whole when none changed).
    A build, which keeps nothing, writes the table at once: row by row takes twice as long."""
    memo = reuse.current()
    return [
        memo(("download row", table.name, n), (item, table.site_url, table.columns),
             functools.partial(_row_text, table, item))
        for n, item in enumerate(table.items)
    ]  # fmt: skip


def _row_text(table: Table, item: Any, _: object = None) -> tuple[str, str]:
    row = {column: cell(item) for column, cell in table.cells}
    line = _csv_line([_cell(row.get(c)) for c in table.columns])
    values = {c: _json_value(row.get(c)) for c in table.columns}
    one = json.dumps(values, indent=1, ensure_ascii=False, sort_keys=False)
    return line, " " + one.replace("\n", "\n ")  # a JSON string holds no raw newline


def _csv_line(cells: Sequence[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _citation(site_url: str, item: v.Cited) -> str:
    return site_url + v.url_of(item.page) + (f"#{item.anchor}" if item.anchor else "")


# A column: its name and how a row's item gives its cell.
Column = tuple[str, Callable[[Any], Any]]


def _cell_of(value: Any) -> Any:
    return "; ".join(str(part) for part in value) if isinstance(value, list) else value


def record_columns(
    model: type[BaseModel],
    record: Callable[[Any], BaseModel],
    instead: Mapping[str, Sequence[Column]] = {},
) -> list[Column]:
    """A column per field of `model` that the downloads show (records/schema.py marks the
    others NOT_DOWNLOADED), in the model's order: a field added to a model is a column of
    its table with nothing else to change. `instead`: a field's columns where its cell is
    not its value as stored (a speaker's id, and their name beside it)."""
    out: list[Column] = []
    for name in downloaded_fields(model):
        out.extend(instead[name] if name in instead else [(name, _field_cell(record, name))])
    return out


def _field_cell(record: Callable[[Any], BaseModel], name: str) -> Callable[[Any], Any]:
    return lambda item: _cell_of(getattr(record(item), name))


def cited_columns(
    model: type[BaseModel],
    record: Callable[[Any], BaseModel],
    site_url: str,
    instead: Mapping[str, Sequence[Column]] = {},
) -> list[Column]:
    """A record taken from an article: its fields, where it came from, then its status."""
    where: list[Column] = [
        ("trip", lambda item: item.trip.ordinal if item.trip else None),
        ("source_id", lambda item: item.source.id),
        ("outlet", lambda item: item.source.outlet),
        ("paragraph", lambda item: item.paragraph.number if item.paragraph else None),
        ("citation", lambda item: _citation(site_url, item)),
    ]
    own = record_columns(model, record, instead)
    named = {name for name, _ in where}  # the trip as the view places it wins over the field
    status = [c for c in own if c[0] == "status"]
    return [c for c in own if c[0] not in named and c[0] != "status"] + where + status


def table(
    name: str,
    title: str,
    description: str,
    columns: Sequence[Column],
    items: Iterable[Any],
    site_url: str = "",
) -> Table:
    names = tuple(column for column, _ in columns)
    return Table(name, title, description, names, list(items), list(columns), site_url)


def tables(view: v.View, site_url: str) -> list[Table]:
    quote_cols = cited_columns(
        Quote,
        lambda q: q.quote,
        site_url,
        {
            "speaker": [
                ("speaker_id", lambda q: q.quote.speaker),
                ("speaker", lambda q: q.speaker.name if q.speaker else None),
            ],
            "said_on": [("said_on", lambda q: q.day)],  # the day the site gives it
        },
    )
    figure_cols = cited_columns(
        Figure, lambda f: f.figure, site_url, {"as_of": [("as_of", lambda f: f.day)]}
    )
    event_cols = cited_columns(
        Event, lambda e: e.event, site_url, {"date": [("date", lambda e: e.day)]}
    )
    trip_cols = record_columns(
        Trip,
        lambda t: t,
        {"summary": [("summary", lambda t: " ".join(line.text for line in t.summary) or None)]},
    ) + [("page", lambda t: site_url + v.url_of(v.trip_page(t.ordinal)))]
    source_cols = record_columns(Source, lambda s: s) + [
        ("page", lambda s: site_url + v.url_of(v.source_page(s.id)))
    ]
    sources = sorted(view.sources.values(), key=lambda s: (s.published, s.id))
    return [
        table("quotes", "Quotes", "Every published quote with its speaker and citation.",
              quote_cols, view.quotes, site_url),
        table("figures", "Figures", "Every published figure with what it counts and its citation.",
              figure_cols, view.figures, site_url),
        table("events", "Key events", "Key events with their dates and citations.",
              event_cols, view.events, site_url),
        table("trips", "Trips", "The canonical list of trips.", trip_cols, view.trips, site_url),
        table("sources", "Sources", "The articles and what is known of them.",
              source_cols, sources, site_url),
    ]  # fmt: skip


def dataset_markup(site_url: str, files: Sequence[str], view: v.View) -> Markup:
    """schema.org Dataset as JSON-LD; every value is ours, and < > & are escaped anyway."""
    data = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": "Shuttle: Blinken's shuttle diplomacy during the Gaza war",
        "description": (
            "Quotes, casualty figures, trips and key events from news reports of U.S. "
            "Secretary of State Antony Blinken's trips to the Middle East during the Gaza "
            "war, each with a citation to the paragraph it came from."
        ),
        "url": site_url + v.url_of(v.DATA),
        "license": "https://opensource.org/licenses/MIT",
        "isAccessibleForFree": True,
        "temporalCoverage": "2023-10-07/2025-01-20",
        "spatialCoverage": "Israel, Gaza Strip, West Bank and the Middle East",
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": "text/csv" if f.endswith(".csv") else "application/json",
                "contentUrl": site_url + f,
            }
            for f in files
        ],
    }
    text = json.dumps(data, indent=1, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">\n{text}\n</script>')


def _written(table: Table) -> tuple[str, str]:
    return to_csv(table), to_json(table)


def render_downloads(view: v.View, site_url: str) -> tuple[dict[str, str], dict[str, str]]:
    files: dict[str, str] = {}
    listing = []
    for table in tables(view, site_url):
        csv_path = f"{DOWNLOADS}/{table.name}.csv"
        json_path = f"{DOWNLOADS}/{table.name}.json"
        # a table of the same records is taken back whole, with its rows (reuse.py)
        files[csv_path], files[json_path] = reuse.current().whole(
            ("download", table.name), table, functools.partial(_written, table)
        )  # fmt: skip
        listing.append({"table": table, "csv": csv_path, "json": json_path})
    schemas = sorted(json_schemas())
    markup = dataset_markup(site_url, sorted(files), view)
    page = render("data.md.j2", v.DATA, listing=listing, schemas=schemas, jsonld=markup)
    return {v.DATA: page}, files
