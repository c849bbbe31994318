"""Whose figure and as of when (figparts.py), through the extractor's own context."""

from __future__ import annotations

from datetime import date

from shuttle.extract import extract_article
from shuttle.extract.dates import OCT7

PUB = date(2024, 3, 5)


def _one(text: str) -> tuple[str | None, date | None]:
    (f,) = extract_article(text, published=PUB).figures
    return f.attribution, f.as_of


def test_attribution() -> None:
    assert _one("Over 30,000 people have been killed, according to the Health Ministry.")[0] == (
        "Health Ministry"
    )
    assert _one("The U.N. says 1.7 million people have been displaced.")[0] == "U.N."


def test_as_of() -> None:
    assert _one("At least 12 people were killed on Sunday.")[1] == date(2024, 3, 3)
    assert _one("The toll has reached 30,000 dead since Oct. 7.")[1] == PUB
    assert _one("The attack last October killed 1,200 people.")[1] == OCT7
    assert _one("Officials met on Friday to discuss the 40 hostages still held.")[1] == PUB
