"""downloads: each table's columns are its model's fields, declared once in records/schema.py.

(The files themselves are held byte for byte by tests/test_pages.py's golden copies.)
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import json
from pathlib import Path
from typing import Annotated

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from shuttle.checks import consistency, run_checks
from shuttle.paths import Paths
from shuttle.records.fields import NOT_DOWNLOADED, Text, downloaded_fields
from shuttle.records.schema import Event, Figure, Quote, Source, Trip
from shuttle.site.pages import downloads, reuse
from shuttle.site.pages.view import View

FIXTURE = Path(__file__).parent / "fixtures" / "project"
SITE_URL = "https://example.org/shuttle/"
# A field whose cells the table gives under another name: a speaker's id beside their name.
COLUMN_OF = {"speaker": "speaker_id"}


def fixture_view() -> View:
    store, problems = run_checks(Paths(FIXTURE))
    assert not [p for p in problems if p.severity == "error"], problems
    return View.of(store, preview=False, disagreements=consistency.find(store))


@pytest.mark.parametrize(
    ("name", "model"),
    [("quotes", Quote), ("figures", Figure), ("events", Event), ("trips", Trip),
     ("sources", Source)],
)  # fmt: skip
def test_every_field_a_model_does_not_mark_is_a_column(name: str, model: type[BaseModel]) -> None:
    """A field added to a model is in its download unless the model marks it
    NOT_DOWNLOADED; a field marked so is not."""
    (table,) = [t for t in downloads.tables(fixture_view(), SITE_URL) if t.name == name]
    shown = downloaded_fields(model)
    assert shown and {COLUMN_OF.get(f, f) for f in shown} <= set(table.columns)
    hidden = set(model.model_fields) - set(shown)
    assert not hidden & set(table.columns) - {"trip"}  # an event's trip: the view's, below
    assert len(set(table.columns)) == len(table.columns)


def test_a_field_added_to_a_quote_is_a_column_of_its_csv_and_json(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The trial of issue 14: a field added to Quote is downloaded with nothing else
    changed; marked NOT_DOWNLOADED, it is not."""

    class TrialQuote(Quote):
        said_in: Text | None = None
        kept: Annotated[Text | None, NOT_DOWNLOADED] = None

    view = fixture_view()
    view.quotes = [
        dataclasses.replace(
            item,
            quote=TrialQuote.model_validate(
                {**dict(item.quote), "said_in": "Cairo", "kept": "not shown"}
            ),
        )
        for item in view.quotes
    ]
    assert view.quotes
    monkeypatch.setattr(downloads, "Quote", TrialQuote, raising=False)
    (table,) = [t for t in downloads.tables(view, SITE_URL) if t.name == "quotes"]
    rows = list(csv.DictReader(io.StringIO(downloads.to_csv(table))))
    assert {row["said_in"] for row in rows} == {"Cairo"}
    assert {row["said_in"] for row in json.loads(downloads.to_json(table))} == {"Cairo"}
    assert "kept" not in table.columns


def test_a_record_s_columns_are_its_fields_then_where_it_came_from_then_its_status() -> None:
    (table,) = [t for t in downloads.tables(fixture_view(), SITE_URL) if t.name == "events"]
    assert table.columns[-6:] == ("trip", "source_id", "outlet", "paragraph", "citation", "status")
    assert table.columns[0] == "id"


_cells = st.one_of(
    st.none(), st.integers(), st.text(max_size=30), st.dates(), st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
)  # fmt: skip


@given(st.lists(st.tuples(_cells, _cells), max_size=6))
def test_a_table_written_row_by_row_is_what_csv_and_json_write_of_it_whole(
    records: list[tuple[object, object]],
) -> None:
    """Each row is written on its own (under serve, only a changed one again): the files
    are still byte for byte what the csv module and json.dumps(indent=1) write of the
    whole table (newlines, quotes, formulas, dates and nothing at all included)."""
    columns = [("a", lambda r: r[0]), ("b", lambda r: r[1])]
    table = downloads.table("t", "T", "d", columns, records)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["a", "b"])
    for a, b in records:
        writer.writerow([downloads._cell(a), downloads._cell(b)])
    whole = [{"a": downloads._json_value(a), "b": downloads._json_value(b)} for a, b in records]
    expected = json.dumps(whole, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    # as a build writes it (the table at once), and as serve does (row by row)
    for memo in (reuse.NEVER, reuse.Reuse()):
        with memo.generation() if memo.keeps else contextlib.nullcontext():
            assert downloads.to_csv(table) == out.getvalue()
            assert downloads.to_json(table) == expected
