"""The public API: extract_article and to_json, and properties that hold on any text."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from shuttle.extract import extract_article, to_json
from shuttle.extract.candidates import MEASURES, ArticleCandidates

ARTICLE = (
    "TEL AVIV (AP) — Secretary of State Antony J. Blinken arrived in Israel on Tuesday, his "
    "fifth visit to the region.\n"
    "“We want a deal,” Mr. Blinken said late Monday. Hamas-led militants killed some 1,200 "
    "people on Oct. 7 and took about 250 hostages, according to Israeli officials.\n"
    "He met Prime Minister Benjamin Netanyahu."
)


def test_to_json_contract() -> None:
    found = extract_article(ARTICLE, published=date(2024, 2, 6))
    out = to_json("seeds/x.txt", found)
    assert list(out)[:4] == ["file", "quotes", "figures", "trip"]
    assert out["file"] == "seeds/x.txt"
    quotes = out["quotes"]
    assert isinstance(quotes, list)
    (quote,) = quotes
    assert list(quote)[:5] == ["text", "speaker", "kind", "start", "end"]
    assert quote["speaker"] == "Antony Blinken"
    assert quote["said_on"] == "2024-02-05"
    figures = out["figures"]
    assert isinstance(figures, list)
    assert [list(f)[:8] for f in figures][0] == [
        "value", "qualifier", "measure", "subject", "attribution", "sentence", "start", "end"
    ]  # fmt: skip
    assert [(f["value"], f["measure"]) for f in figures] == [
        (1200, "killed"),
        (250, "hostages_taken"),
    ]
    assert figures[0]["as_of"] == "2023-10-07"
    trip = out["trip"]
    assert isinstance(trip, dict)
    assert (trip["ordinal"], trip["places"], trip["meetings"]) == (
        5,
        ["Israel"],
        ["Benjamin Netanyahu"],
    )
    json.dumps(out)  # plain JSON data all the way down


def test_deterministic() -> None:
    a = to_json("f", extract_article(ARTICLE, published=date(2024, 2, 6)))
    b = to_json("f", extract_article(ARTICLE, published=date(2024, 2, 6)))
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def test_empty_text() -> None:
    assert extract_article("") == ArticleCandidates()


def check_spans(text: str, found: ArticleCandidates) -> None:
    for q in found.quotes:
        assert text[q.start : q.end] == q.text
        assert q.kind in ("full", "fragment", "transcript")  # transcript: a labelled turn
    for f in found.figures:
        assert text[f.start : f.end] == f.text
        assert text[f.sentence_start : f.sentence_end] == f.sentence
        assert f.measure in MEASURES
        assert isinstance(f.value, int)
    t = found.trip
    if t.ordinal_text is not None:
        assert t.ordinal_start is not None and t.ordinal_end is not None
        assert text[t.ordinal_start : t.ordinal_end] == t.ordinal_text
    for e in found.events:
        assert text[e.start : e.end] == e.sentence
    starts = [q.start for q in found.quotes]
    assert starts == sorted(starts)
    assert [f.start for f in found.figures] == sorted(f.start for f in found.figures)


NEWS_BITS = [
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    " said ",
    " he said",
    "Mr. ",
    "Blinken",
    "Antony Blinken",
    "Netanyahu",
    " killed ",
    " at least ",
    "27,840",
    "four",
    "a dozen",
    " hostages",
    ", ",
    ". ",
    "\n",
    " on Tuesday",
    "Oct. 7",
    " according to ",
    "the ministry",
    "Gaza",
    "Israel",
    " arrived in ",
    " met with ",
    "his fifth visit",
    " Palestinians",
    "—",
    "…",
    "10" * 20,
    "كانت",
    "שלום",
    "日本",
    "  ",
    ":",
    "(",
    ")",
    " and ",
    "Seventy-one",
    " people",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NEWS_BITS), max_size=60), st.sampled_from([None, date(2024, 1, 1)]))
def test_news_like_text_never_crashes_and_spans_hold(bits: list[str], pub: date | None) -> None:
    text = "".join(bits)
    check_spans(text, extract_article(text, published=pub))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes_and_spans_hold(text: str) -> None:
    check_spans(text, extract_article(text, published=date(2024, 6, 10)))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="“”‘’\"' \nab.", max_size=200))
def test_unbalanced_marks(text: str) -> None:
    check_spans(text, extract_article(text))
