"""The Data page: every published record for download as CSV and JSON, with citations.

Each row carries the address of the paragraph it came from. CSV cells that a
spreadsheet would run as a formula (=, +, -, @ first) are prefixed with an apostrophe:
article text is untrusted. The page carries schema.org Dataset markup.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup

from shuttle.records.schema_export import json_schemas
from shuttle.site.pages import view as v
from shuttle.site.pages.env import render

DOWNLOADS = "downloads"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[str, ...]
    rows: list[dict[str, Any]]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, date) else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_cell(row.get(c)) for c in table.columns])
    return out.getvalue()


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def to_json(table: Table) -> str:
    rows = [{c: _json_value(row.get(c)) for c in table.columns} for row in table.rows]
    return json.dumps(rows, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


def _citation(site_url: str, item: v.Cited) -> str:
    return site_url + v.url_of(item.page) + (f"#{item.anchor}" if item.anchor else "")


def tables(view: v.View, site_url: str) -> list[Table]:
    quote_cols = (
        "id",
        "text",
        "kind",
        "speaker_id",
        "speaker",
        "said_on",
        "cue",
        "trip",
        "source_id",
        "outlet",
        "paragraph",
        "citation",
        "status",
    )
    quotes = [
        {
            "id": q.quote.id,
            "text": q.quote.text,
            "kind": q.quote.kind,
            "speaker_id": q.quote.speaker,
            "speaker": q.speaker.name if q.speaker else None,
            "said_on": q.day,
            "cue": q.quote.cue,
            "trip": q.trip.ordinal if q.trip else None,
            "source_id": q.source.id,
            "outlet": q.source.outlet,
            "paragraph": q.paragraph.number if q.paragraph else None,
            "citation": _citation(site_url, q),
            "status": q.quote.status,
        }
        for q in view.quotes
    ]
    figure_cols = (
        "id",
        "value",
        "qualifier",
        "text",
        "measure",
        "label",
        "subject",
        "attribution",
        "as_of",
        "trip",
        "source_id",
        "outlet",
        "paragraph",
        "citation",
        "status",
    )
    figures = [
        {
            "id": f.figure.id,
            "value": f.figure.value,
            "qualifier": f.figure.qualifier,
            "text": f.figure.text,
            "measure": f.figure.measure,
            "label": f.figure.label,
            "subject": f.figure.subject,
            "attribution": f.figure.attribution,
            "as_of": f.day,
            "trip": f.trip.ordinal if f.trip else None,
            "source_id": f.source.id,
            "outlet": f.source.outlet,
            "paragraph": f.paragraph.number if f.paragraph else None,
            "citation": _citation(site_url, f),
            "status": f.figure.status,
        }
        for f in view.figures
    ]
    event_cols = (
        "id",
        "date",
        "summary",
        "kind",
        "trip",
        "source_id",
        "outlet",
        "paragraph",
        "citation",
        "status",
    )
    events = [
        {
            "id": e.event.id,
            "date": e.day,
            "summary": e.event.summary,
            "kind": e.event.kind,
            "trip": e.trip.ordinal if e.trip else None,
            "source_id": e.source.id,
            "outlet": e.source.outlet,
            "paragraph": e.paragraph.number if e.paragraph else None,
            "citation": _citation(site_url, e),
            "status": e.event.status,
        }
        for e in view.events
    ]
    trip_cols = (
        "ordinal",
        "start",
        "end",
        "approximate",
        "stops",
        "summary",
        "reported_by",
        "page",
    )
    trips = [
        {
            "ordinal": t.ordinal,
            "start": t.start,
            "end": t.end,
            "approximate": t.approximate,
            "stops": "; ".join(t.stops),
            "summary": " ".join(line.text for line in t.summary) or None,
            "reported_by": "; ".join(t.reported_by),
            "page": site_url + v.url_of(v.trip_page(t.ordinal)),
        }
        for t in view.trips
    ]
    source_cols = (
        "id",
        "title",
        "outlet",
        "published",
        "event_date",
        "url",
        "republished_by",
        "machine_translation",
        "trip",
        "sha256",
        "page",
    )
    sources = [
        {
            "id": s.id, "title": s.title, "outlet": s.outlet, "published": s.published,
            "event_date": s.event_date, "url": s.url, "republished_by": s.republished_by,
            "machine_translation": s.machine_translation, "trip": s.trip, "sha256": s.sha256,
            "page": site_url + v.url_of(v.source_page(s.id)),
        }
        for s in sorted(view.sources.values(), key=lambda s: (s.published, s.id))
    ]  # fmt: skip
    return [
        Table("quotes", "Quotes", "Every published quote with its speaker and citation.",
              quote_cols, quotes),
        Table("figures", "Figures", "Every published figure with what it counts and its citation.",
              figure_cols, figures),
        Table("events", "Key events", "Key events with their dates and citations.",
              event_cols, events),
        Table("trips", "Trips", "The canonical list of trips.", trip_cols, trips),
        Table("sources", "Sources", "The articles and what is known of them.",
              source_cols, sources),
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


def render_downloads(view: v.View, site_url: str) -> tuple[dict[str, str], dict[str, str]]:
    files: dict[str, str] = {}
    listing = []
    for table in tables(view, site_url):
        csv_path = f"{DOWNLOADS}/{table.name}.csv"
        json_path = f"{DOWNLOADS}/{table.name}.json"
        files[csv_path] = to_csv(table)
        files[json_path] = to_json(table)
        listing.append({"table": table, "csv": csv_path, "json": json_path})
    schemas = sorted(json_schemas())
    markup = dataset_markup(site_url, sorted(files), view)
    page = render("data.md.j2", v.DATA, listing=listing, schemas=schemas, jsonld=markup)
    return {v.DATA: page}, files
