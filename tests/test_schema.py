"""schema: the shape of every data file, strict; and the JSON Schemas exported from it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from shuttle.curation import merge
from shuttle.records.fields import machine_fields
from shuttle.records.schema import (
    Event,
    Figure,
    Person,
    Quote,
    Source,
    TripClaim,
)

SOURCE: dict[str, Any] = {
    "id": "ap-2024-01-09-x",
    "file": "000_abc.txt",
    "title": "Blinken in Israel",
    "outlet": "Associated Press",
    "published": "2024-01-09",
    "event_date": date(2024, 1, 9),
    "sha256": "a" * 64,
}


def error_types(model: type[Any], data: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    with pytest.raises(ValidationError) as exc:
        model.model_validate(data)
    return [(e["loc"], e["type"]) for e in exc.value.errors()]


def test_a_source_takes_dates_as_text_or_dates_with_defaults() -> None:
    source = Source.model_validate(SOURCE)
    assert source.published == date(2024, 1, 9) == source.event_date
    assert source.language == "en" and source.trip is None and not source.truncated


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("published", "2024-02-30"),
        ("published", "12:30"),
        ("published", "2024-1-9"),
        ("trip", "4"),  # strict: text is not a number
        ("trip", 0),
        ("truncated", "NO"),
        ("truncated", 0),
        ("title", 1.1),
        ("title", ""),
        ("id", "AP 2024"),
        ("file", "../../etc/passwd"),
        ("file", "notes.md"),
        ("file", ".hidden.txt"),
        ("url", "javascript:alert(1)"),
        ("url", 'https://example.org/"onmouseover="x'),
        ("sha256", "A" * 64),
        ("language", "EN"),
    ],
)
def test_a_source_refuses_wrong_values(field: str, value: Any) -> None:
    errors = error_types(Source, {**SOURCE, field: value})
    assert [loc for loc, _ in errors] == [(field,)]


def test_impossible_dates_say_so() -> None:
    with pytest.raises(ValidationError) as exc:
        Source.model_validate({**SOURCE, "published": "2024-02-30"})
    assert "not a real date" in str(exc.value)


def test_unknown_fields_are_refused() -> None:
    assert error_types(Source, {**SOURCE, "author": "x"}) == [(("author",), "extra_forbidden")]
    assert error_types(Person, {"id": "x", "name": "X", "nmae": "X"}) == [
        (("nmae",), "extra_forbidden")
    ]


def test_records_are_frozen() -> None:
    person = Person(id="x", name="X")
    with pytest.raises(ValidationError):
        person.name = "Y"  # type: ignore[misc]


def test_defaults_editors_rely_on() -> None:
    person = Person(id="x", name="X")
    assert person.status == "candidate" and person.kind == "person" and person.aliases == []
    quote = Quote(id="q", text="t", start=0, end=1, speaker=None)
    assert quote.kind == "full" and quote.status == "candidate"


def test_a_figure_counts_from_zero_up() -> None:
    figure = {"id": "f", "text": "4", "start": 0, "end": 1, "value": 4, "measure": "killed"}
    assert Figure.model_validate(figure).value == 4
    assert error_types(Figure, {**figure, "value": -1}) == [(("value",), "greater_than_equal")]
    assert [loc for loc, _ in error_types(Figure, {**figure, "measure": "dead"})] == [("measure",)]


def test_the_machines_fields_are_the_ones_the_models_mark() -> None:
    models = {"quotes": Quote, "figures": Figure, "people": Person}
    for section, model in models.items():
        assert set(merge.MACHINE_FIELDS[section]) <= set(model.model_fields), section
        assert merge.MACHINE_FIELDS[section] == machine_fields(model), section
    assert "extracted" in Quote.model_fields and "status" in Quote.model_fields
    # an editor's field is never the machine's: merge would overwrite an editor's choice
    editors = ("id", "status", "note", "extracted", "key", "interpreted", "aliases", "trip")
    for model in (Quote, Figure, Event, TripClaim, Person):
        assert set(machine_fields(model)).isdisjoint(editors), model.__name__
    assert "said_on" in machine_fields(Quote) and "as_of" in machine_fields(Figure)
