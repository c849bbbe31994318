"""proposals: what the extractors found, as the records written to data/, with stable ids."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path
from typing import Annotated

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap

from shuttle import yamlio
from shuttle.curation import merge
from shuttle.curation.proposals import (
    CANDIDATE_NAMES,
    PeopleIndex,
    article_records,
    known_people,
    name_key,
    proposal,
    record_id,
    slugify,
)
from shuttle.extract.candidates import (
    ArticleCandidates,
    EventCandidate,
    FigureCandidate,
    PersonCandidate,
    QuoteCandidate,
    TripCandidate,
    to_json,
)
from shuttle.records.fields import MACHINE, Record, Text, machine_fields
from shuttle.records.schema import ArticleFile, Event, Figure, Person, Quote, TripClaim

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PEOPLE = [
    Person(id="antony-blinken", name="Antony Blinken", aliases=["Mr. Blinken"]),
    Person(id="old-name", name="Someone Rejected", status="rejected"),
]


def test_slugify_makes_ids_editors_can_type() -> None:
    assert slugify("Abdel Fattah el-Sisi") == "abdel-fattah-el-sisi"
    assert slugify("Benjamin Netanyahu’s office") == "benjamin-netanyahus-office"
    assert slugify("Isaac Herzog, Président") == "isaac-herzog-president"
    assert slugify("“—”") == "unnamed"
    assert len(slugify("word " * 100)) <= 80


@given(st.text())
def test_any_name_slugs_to_a_valid_id(name: str) -> None:
    slug = slugify(name)
    assert SLUG.match(slug) and len(slug) <= 80


def test_record_ids_depend_on_the_source_and_the_start_only() -> None:
    a = record_id("q", "ap-1", 120)
    assert a == record_id("q", "ap-1", 120)
    assert re.fullmatch(r"q-[0-9a-f]{10}", a)
    assert len({a, record_id("q", "ap-1", 121), record_id("q", "ap-2", 120)}) == 3


def test_names_compare_without_case_accents_or_dots() -> None:
    assert name_key("Mr. Blinken") == name_key("mr blinken") == "mr blinken"
    assert name_key("Abdel Fattah el-Sisi") == name_key("ABDEL FATTAH EL SISI")
    assert name_key("Hervé") == name_key("Herve")


def test_rejected_people_are_not_known_to_the_extractors() -> None:
    assert [p.id for p in known_people(PEOPLE)] == ["antony-blinken"]


def test_speakers_resolve_by_name_alias_or_id_and_new_ones_are_proposed() -> None:
    index = PeopleIndex.of(PEOPLE)
    assert index.resolve("Antony Blinken") == "antony-blinken"
    assert index.resolve("MR. BLINKEN") == "antony-blinken"
    assert index.resolve("antony-blinken") == "antony-blinken"
    assert index.new == {}
    proposal = PersonCandidate(name="Antony Blinken Jr", role="aide", organisation="State")
    new = index.resolve("Antony Blinken Jr", proposal)
    assert new == "antony-blinken-jr"
    assert index.new[new] == {
        "id": new,
        "name": "Antony Blinken Jr",
        "kind": "person",
        "role": "aide",
        "organisation": "State",
    }
    assert index.resolve("antony blinken jr.") == new  # the same person once proposed


def test_a_new_person_whose_slug_is_taken_gets_a_number() -> None:
    index = PeopleIndex.of([Person(id="john-kirby", name="John Kirby")])
    assert index.resolve("John-Kirby Senior") == "john-kirby-senior"
    index2 = PeopleIndex.of([Person(id="a-b", name="Someone Else")])
    assert index2.resolve("A. B.") == "a-b-2"


def test_article_records_in_the_order_editors_read_them() -> None:
    found = ArticleCandidates(
        quotes=(
            QuoteCandidate(text="We are", start=10, end=16, speaker="Mr. Blinken", cue="he said"),
        ),
        figures=(
            FigureCandidate(
                value=27840,
                measure="killed",
                text="27,840",
                start=50,
                end=56,
                sentence="s",
                sentence_start=40,
                sentence_end=60,
                qualifier="at least",
            ),
        ),
        events=(
            EventCandidate(
                sentence="Talks in Cairo.", start=70, end=85, on=date(2024, 2, 8), kind="talks"
            ),
        ),
        trip=TripCandidate(ordinal=5, ordinal_text="his fifth", ordinal_start=1, ordinal_end=10),
    )
    records = article_records("ap-1", found, PeopleIndex.of(PEOPLE))
    quote = records["quotes"][0]
    assert list(quote) == ["id", "text", "start", "end", "speaker", "kind", "cue", "said_on"]
    # every field a model marks as the machine's is proposed, in the model's order
    for section, model in (("quotes", Quote), ("figures", Figure), ("events", Event)):
        assert list(records[section][0]) == ["id", *machine_fields(model)], section
    assert list(records["trip_claim"]) == list(machine_fields(TripClaim))
    assert quote["speaker"] == "antony-blinken" and quote["id"] == record_id("q", "ap-1", 10)
    assert records["figures"][0]["value"] == 27840
    assert records["events"][0]["summary"] == "Talks in Cairo."
    assert records["trip_claim"]["ordinal"] == 5
    assert article_records("ap-1", ArticleCandidates(), PeopleIndex())["trip_claim"] is None


texts = st.text(min_size=1, max_size=15).filter(lambda t: t.strip() != "")


@st.composite
def found_candidates(draw: st.DrawFn) -> ArticleCandidates:
    starts = draw(st.lists(st.integers(0, 10_000), unique=True, max_size=8))
    quotes, figures, events = [], [], []
    for i, start in enumerate(starts):
        text = draw(texts)
        if i % 3 == 0:
            speaker = draw(st.none() | st.sampled_from(["Mr. Blinken", "Gadi Eisenkot"]) | texts)
            quotes.append(
                QuoteCandidate(text=text, start=start, end=start + len(text), speaker=speaker)
            )
        elif i % 3 == 1:
            value = draw(st.integers(0, 10**7))
            figures.append(
                FigureCandidate(
                    value=value,
                    measure="other",
                    text=text,
                    start=start,
                    end=start + len(text),
                    sentence=text,
                    sentence_start=start,
                    sentence_end=start,
                )
            )
        else:
            events.append(
                EventCandidate(
                    sentence=text,
                    start=start,
                    end=start + len(text),
                    on=draw(st.none() | st.dates()),
                )
            )
    return ArticleCandidates(quotes=tuple(quotes), figures=tuple(figures), events=tuple(events))


# No deadline: a round trip through ruamel takes 200-700 ms on a loaded two-core machine,
# and what is checked here is the file's validity, not its speed.
@settings(deadline=None)
@given(found=found_candidates())
def test_whatever_the_extractors_find_makes_a_valid_article_file(found: ArticleCandidates) -> None:
    index = PeopleIndex.of(PEOPLE)
    records = article_records("ap-1", found, index)
    ids = [r["id"] for section in ("quotes", "figures", "events") for r in records[section]]
    assert len(ids) == len(set(ids))
    loaded = yamlio.Loaded(Path("x"), "x", CommentedMap(source="ap-1"), None)
    merge.merge_article(loaded, records)
    written = yamlio.plain(yamlio.loads(yamlio.dumps(loaded.data), "x"))
    ArticleFile.model_validate(written)
    for person in index.new.values():
        Person.model_validate(person)


def test_a_rejected_person_does_not_shadow_the_live_one_carrying_their_name() -> None:
    people = [
        Person(id="el-sissi", name="Abdel Fattah el-Sissi", status="rejected"),
        Person(id="al-sisi", name="Abdel Fattah al-Sisi", aliases=["Abdel Fattah el-Sissi"]),
    ]
    index = PeopleIndex.of(people)
    assert index.resolve("Abdel Fattah el-Sissi") == "al-sisi"
    assert index.new == {}
    assert index.resolve("El Sissi") == "el-sissi-2"  # the rejected id stays taken


def test_new_people_remember_the_source_that_first_proposed_them() -> None:
    index = PeopleIndex.of(PEOPLE)
    found = ArticleCandidates(people=(PersonCandidate(name="Gadi Eisenkot"),))
    article_records("first-source", found, index)
    article_records("second-source", found, index)
    assert index.proposed_by == {"gadi-eisenkot": "first-source"}


MODELS_AND_CANDIDATES = [
    (Quote, QuoteCandidate),
    (Figure, FigureCandidate),
    (Event, EventCandidate),
    (TripClaim, TripCandidate),
]


@pytest.mark.parametrize(("model", "candidate"), MODELS_AND_CANDIDATES)
def test_every_machine_field_of_a_model_is_a_field_of_its_candidate(
    model: type[Record], candidate: type[object]
) -> None:
    """What a model marks MACHINE, the extractors propose: its candidate carries the field,
    under the model's name or the one CANDIDATE_NAMES maps (and so `extract --json` has it)."""
    carried = {f.name for f in dataclasses.fields(candidate)}  # type: ignore[arg-type]
    names = CANDIDATE_NAMES.get(model, {})
    assert {names.get(n, n) for n in machine_fields(model)} <= carried


def test_a_field_added_to_a_model_and_its_candidate_needs_nothing_else() -> None:
    """The trial of issue 14: a quote field the machine proposes is declared on the model
    (MACHINE) and filled by the extractors on the candidate; the JSON of `extract --json`,
    the proposal merge folds in and merge's fingerprint take it from there."""

    class TrialQuote(Quote):
        said_in: Annotated[Text | None, MACHINE] = None

    @dataclasses.dataclass(frozen=True, kw_only=True)
    class TrialCandidate(QuoteCandidate):
        said_in: str | None = None

    found = TrialCandidate(text="We are", start=0, end=6, speaker=None, said_in="Cairo")
    record = proposal(TrialQuote, found)
    assert record["said_in"] == "Cairo" and list(record) == list(machine_fields(TrialQuote))
    (quote,) = to_json("x.txt", ArticleCandidates(quotes=(found,)))["quotes"]  # type: ignore[misc]
    assert quote["said_in"] == "Cairo"
