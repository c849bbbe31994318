"""Every quote, figure and event is checked against the characters of its article."""

from __future__ import annotations

import difflib
import functools

from shuttle.problems import Problem, shown
from shuttle.records.schema import Event, Figure, Quote
from shuttle.records.sources import Article
from shuttle.records.store import Store
from shuttle.text.numbers import find_numbers


def check(store: Store) -> list[Problem]:
    problems: list[Problem] = []
    for source_id, data in store.article_data.items():
        article = store.articles.get(source_id)
        if article is None:
            continue  # unknown or unreadable source: reported elsewhere
        for quote in data.quotes:
            problems += _span(store, article, quote, quote.text, "quote")
        for figure in data.figures:
            found = _span(store, article, figure, figure.text, "figure")
            problems += found or _figure_value(store, figure)
        for event in data.events:
            problems += _span(store, article, event, event.sentence, "event")
        claim = data.trip_claim
        if claim is not None and claim.text is not None:
            if claim.start is None or claim.end is None:
                place = store.place(claim)
                problems.append(
                    Problem.of("E103", place.file, place.line, "trip_claim has text but no offsets")
                )
            else:
                problems += _span(
                    store, article, claim, claim.text, "trip claim", claim.start, claim.end
                )
    return problems


def _span(
    store: Store,
    article: Article,
    record: Quote | Figure | Event | object,
    text: str,
    what: str,
    start: int | None = None,
    end: int | None = None,
) -> list[Problem]:
    start = getattr(record, "start", 0) if start is None else start
    end = getattr(record, "end", 0) if end is None else end
    place = store.place(record)
    name = f"seeds/{article.source.file}"
    if not 0 <= start <= end <= len(article.text):
        return [
            Problem.of(
                "E204",
                place.file,
                place.line,
                f"{what} offsets {start}-{end} are outside {name} ({len(article.text)} characters)",
            )
        ]
    if article.text[start:end] == text:
        return []
    code = "E205" if what == "figure" else "E203"
    there = article.text[start:end]
    return [
        Problem.of(
            code,
            place.file,
            place.line,
            f"{what} text not found in {name} at {start}-{end}: {_difference(text, there)}; "
            + _nearest(article.text, text, start),
        )
    ]


def _difference(recorded: str, there: str) -> str:
    """Where the recorded text and the article's characters part, both shown there."""
    at = next(
        (i for i, (a, b) in enumerate(zip(recorded, there, strict=False)) if a != b),
        min(len(recorded), len(there)),
    )
    begin = max(0, at - 20)
    return (
        f"from character {at + 1} the data says {shown(recorded[begin : at + 40])}, "
        f"the article {shown(there[begin : at + 40])}"
    )


def _nearest(article: str, text: str, start: int) -> str:
    """Where the recorded text does occur, or the passage most like it."""
    elsewhere = article.find(text)
    if elsewhere >= 0:
        return f"the text is at {elsewhere}-{elsewhere + len(text)}"
    probe = text[:500]  # the longest run the two share places the passage
    match = difflib.SequenceMatcher(None, article, probe, autojunk=False).find_longest_match(
        0, len(article), 0, len(probe)
    )
    if match.size < min(8, len(probe)):
        return "the text does not occur in the article"
    begin = max(0, match.a - match.b)
    finish = min(len(article), begin + len(text))
    if begin == start:
        return "the text does not occur in the article: it was changed there, or the data was"
    return (
        f"it does not occur in the article; the closest passage is at {begin}-{finish}: "
        f"{shown(article[begin:finish], 120)}"
    )


@functools.lru_cache(maxsize=65536)
def reads_as(text: str) -> int | None:
    """The first number of a figure's text as the extractors read it; a figure's text
    is a few words, and the same ones come back on every check."""
    found = find_numbers(text)
    return found[0].value if found else None


def _figure_value(store: Store, figure: Figure) -> list[Problem]:
    """The number as written must read as the value recorded, by the extractors' reading of
    numbers ("27,840", "four", "a dozen", "1.2 million")."""
    value = reads_as(figure.text)
    if value == figure.value:
        return []
    place = store.place(figure)
    reads = f"reads as {value:,}" if value is not None else "does not read as a number"
    return [
        Problem.of(
            "E205",
            place.file,
            place.line,
            f"figure value {figure.value:,} is not what its text says: {figure.text!r} {reads}",
        )
    ]
