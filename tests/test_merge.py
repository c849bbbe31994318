"""merge: proposals are folded in without undoing an editor's work."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from shuttle import yamlio
from shuttle.curation import merge
from shuttle.problems import ProblemError

QUOTE = {
    "id": "q-1",
    "text": "We are working every day",
    "start": 10,
    "end": 34,
    "speaker": "antony-blinken",
    "kind": "full",
    "cue": "he said",
    "said_on": date(2024, 1, 9),
}


def loaded_from(text: str) -> yamlio.Loaded:
    return yamlio.Loaded(Path("x.yml"), "data/articles/x.yml", yamlio.loads(text, "x"), None)


def fresh_file(*quotes: dict[str, Any]) -> yamlio.Loaded:
    """A file as `shuttle extract` first writes it, read back from its text."""
    loaded = yamlio.Loaded(Path("x.yml"), "x.yml", CommentedMap(source="s"), None)
    merge.merge_article(loaded, {"quotes": list(quotes)})
    return loaded_from(yamlio.dumps(loaded.data))


def quote_in(loaded: yamlio.Loaded, index: int = 0) -> dict[str, Any]:
    return dict(yamlio.plain(loaded.data)["quotes"][index])


def test_a_new_proposal_is_written_as_a_candidate_with_its_fingerprint() -> None:
    loaded = fresh_file({**QUOTE, "cue": None})
    record = quote_in(loaded)
    assert record["status"] == "candidate"
    assert record["extracted"] == merge.fingerprint("quotes", {**QUOTE, "cue": None})
    assert "cue" not in record  # nothing is written for what was not found
    assert record["said_on"] == date(2024, 1, 9)
    assert not merge.editor_owned("quotes", loaded.data["quotes"][0])


def test_the_fingerprint_covers_the_machines_fields_only() -> None:
    base = merge.fingerprint("quotes", QUOTE)
    assert merge.fingerprint("quotes", {**QUOTE, "status": "verified", "note": "x"}) == base
    assert merge.fingerprint("quotes", {**QUOTE, "said_on": "2024-01-09"}) == base
    assert merge.fingerprint("quotes", {**QUOTE, "speaker": "benjamin-netanyahu"}) != base
    assert merge.fingerprint("quotes", {**QUOTE, "start": 11}) != base


@pytest.mark.parametrize(
    ("edit", "owned"),
    [
        ({"status": "verified"}, True),
        ({"status": "rejected"}, True),
        ({"speaker": "benjamin-netanyahu"}, True),
        ({"text": "We are working"}, True),
        ({"note": "checked against ¶4"}, False),
        ({}, False),
    ],
)
def test_a_record_is_the_editors_once_decided_or_corrected(
    edit: dict[str, Any], owned: bool
) -> None:
    loaded = fresh_file(QUOTE)
    loaded.data["quotes"][0].update(edit)
    assert merge.editor_owned("quotes", loaded.data["quotes"][0]) is owned


def test_an_untouched_candidate_is_refreshed_and_keeps_its_note() -> None:
    loaded = fresh_file(QUOTE)
    loaded.data["quotes"][0]["note"] = "ask the desk"
    changed = merge.merge_article(loaded, {"quotes": [{**QUOTE, "cue": "said late Tuesday"}]})
    assert changed
    record = quote_in(loaded)
    assert record["cue"] == "said late Tuesday"
    assert record["note"] == "ask the desk"
    assert record["extracted"] == merge.fingerprint("quotes", {**QUOTE, "cue": "said late Tuesday"})


@pytest.mark.parametrize("edit", [{"status": "verified"}, {"speaker": "benjamin-netanyahu"}])
def test_an_editors_record_is_never_touched(edit: dict[str, Any]) -> None:
    loaded = fresh_file(QUOTE)
    loaded.data["quotes"][0].update(edit)
    before = yamlio.dumps(loaded.data)
    assert not merge.merge_article(loaded, {"quotes": [{**QUOTE, "cue": "other", "start": 10}]})
    assert yamlio.dumps(loaded.data) == before


def test_nothing_is_deleted_and_new_records_come_last() -> None:
    loaded = fresh_file(QUOTE, {**QUOTE, "id": "q-2", "start": 50, "end": 60})
    merge.merge_article(loaded, {"quotes": [{**QUOTE, "id": "q-3", "start": 70, "end": 80}]})
    assert [q["id"] for q in yamlio.plain(loaded.data)["quotes"]] == ["q-1", "q-2", "q-3"]


def test_the_editors_order_is_kept() -> None:
    loaded = fresh_file(QUOTE, {**QUOTE, "id": "q-2", "start": 50, "end": 60})
    items = loaded.data["quotes"]
    items[:] = [items[1], items[0]]
    merge.merge_article(
        loaded, {"quotes": [QUOTE, {**QUOTE, "id": "q-2", "start": 50, "end": 60, "cue": "x"}]}
    )
    assert [q["id"] for q in yamlio.plain(loaded.data)["quotes"]] == ["q-2", "q-1"]


def test_merging_the_same_proposals_again_changes_nothing() -> None:
    loaded = fresh_file(QUOTE)
    text = yamlio.dumps(loaded.data)
    again = loaded_from(text)
    assert merge.merge_article(again, {"quotes": [QUOTE]}) is False
    assert yamlio.dumps(again.data) == text


def test_a_comment_on_a_field_the_machine_no_longer_finds_is_kept() -> None:
    loaded = fresh_file(QUOTE)
    text = yamlio.dumps(loaded.data).replace(
        "    cue: he said\n", "    cue: he said  # checked against ¶4\n    # and below it\n"
    )
    loaded = loaded_from(text)
    assert merge.merge_article(loaded, {"quotes": [{**QUOTE, "cue": None}]})
    out = yamlio.dumps(loaded.data)
    assert "# checked against ¶4" in out and "# and below it" in out
    assert quote_in(loaded_from(out)).get("cue") is None
    again = loaded_from(out)
    assert merge.merge_article(again, {"quotes": [{**QUOTE, "cue": None}]}) is False


def test_comments_and_quoting_survive_a_refresh() -> None:
    loaded = fresh_file(QUOTE)
    text = "# the desk's notes\n" + yamlio.dumps(loaded.data).replace(
        "    text: We are working every day\n", "    text: 'We are working every day'\n"
    )
    loaded = loaded_from(text)
    merge.merge_article(loaded, {"quotes": [{**QUOTE, "cue": "said"}]})
    out = yamlio.dumps(loaded.data)
    assert out.startswith("# the desk's notes\n")
    assert "    text: 'We are working every day'\n" in out


def test_the_trip_claim_is_made_refreshed_and_then_left_alone() -> None:
    claim = {"ordinal": 5, "text": "his fifth trip", "start": 1, "end": 15, "places": ["Doha"]}
    loaded = yamlio.Loaded(Path("x"), "x", CommentedMap(source="s"), None)
    assert merge.merge_article(loaded, {"trip_claim": claim})
    assert "places: [Doha]" in yamlio.dumps(loaded.data)
    assert merge.merge_article(loaded, {"trip_claim": {**claim, "places": ["Doha", "Cairo"]}})
    loaded.data["trip_claim"]["ordinal"] = 4  # the editor corrects it
    assert not merge.merge_article(loaded, {"trip_claim": {**claim, "ordinal": 6}})
    assert loaded.data["trip_claim"]["ordinal"] == 4


def test_a_section_that_is_not_a_list_is_refused_not_replaced() -> None:
    loaded = loaded_from("source: s\nquotes:\n  q-1: {text: mine}\n")
    with pytest.raises(ProblemError) as exc:
        merge.merge_article(loaded, {"quotes": [QUOTE]})
    assert [(p.code, p.line) for p in exc.value.problems] == [("E102", 2)]
    assert yamlio.plain(loaded.data)["quotes"] == {"q-1": {"text": "mine"}}


def test_a_file_that_is_not_a_mapping_is_refused() -> None:
    with pytest.raises(ProblemError) as exc:
        merge.merge_article(loaded_from("- a\n- b\n"), {"quotes": [QUOTE]})
    assert exc.value.problems[0].code == "E102"


def test_new_people_are_added_and_known_ones_left_alone() -> None:
    loaded = loaded_from(
        "people:\n  - id: antony-blinken\n    name: Antony Blinken\n    role: Secretary\n"
    )
    new = {
        "antony-blinken": {"id": "antony-blinken", "name": "A. Blinken", "role": "other"},
        "gadi-eisenkot": {"id": "gadi-eisenkot", "name": "Gadi Eisenkot", "kind": "person"},
    }
    assert merge.merge_people(loaded, new)
    people = yamlio.plain(loaded.data)["people"]
    assert people[0] == {"id": "antony-blinken", "name": "Antony Blinken", "role": "Secretary"}
    assert people[1]["id"] == "gadi-eisenkot" and people[1]["status"] == "candidate"
    assert not merge.merge_people(loaded, {})


def test_load_or_new_makes_a_document_for_a_missing_or_empty_file(tmp_path: Path) -> None:
    target = tmp_path / "x.yml"
    made = merge.load_or_new(target, "x.yml", "header line\n", {"source": "s"})
    assert made.digest is None and yamlio.dumps(made.data) == "# header line\nsource: s\n"
    target.write_text("")
    empty = merge.load_or_new(target, "x.yml", "header\n", {"source": "s"})
    assert empty.digest is not None and yamlio.plain(empty.data) == {"source": "s"}


def test_each_new_person_names_the_source_that_proposed_them_in_a_comment() -> None:
    loaded = loaded_from("people:\n  - id: antony-blinken  # ours\n    name: Antony Blinken\n")
    new = {"gadi-eisenkot": {"id": "gadi-eisenkot", "name": "Gadi Eisenkot"}}
    assert merge.merge_people(loaded, new, {"gadi-eisenkot": "ap-2024-01-09-x"})
    text = yamlio.dumps(loaded.data)
    assert "  - id: antony-blinken  # ours\n" in text
    assert "  - id: gadi-eisenkot  # proposed by ap-2024-01-09-x\n" in text
    again = loaded_from(text)  # read back, merged again: no second comment, no change
    assert not merge.merge_people(again, new, {"gadi-eisenkot": "another-source"})
    assert yamlio.dumps(again.data) == text


def test_an_empty_flow_list_gets_new_records_one_a_line() -> None:
    loaded = loaded_from("source: s\nquotes: []\n")
    merge.merge_article(loaded, {"quotes": [QUOTE]})
    assert yamlio.dumps(loaded.data).startswith("source: s\nquotes:\n  - id: q-1\n")


def test_a_field_the_model_gained_after_the_print_leaves_the_record_the_machines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A candidate printed before its model had a field (the trial of issue 14: a field
    added to Quote) is still the machine's, and a refresh writes the new field; a
    candidate an editor changed stays theirs."""
    untouched = fresh_file({**QUOTE, "cue": None}).data["quotes"][0]
    edited = fresh_file(QUOTE).data["quotes"][0]
    edited["cue"] = "said on Tuesday"
    grown = (*merge.MACHINE_FIELDS["quotes"], "said_in")
    monkeypatch.setitem(merge.MACHINE_FIELDS, "quotes", grown)
    monkeypatch.setitem(merge.LIST_FIELDS, "quotes", frozenset())
    assert not merge.editor_owned("quotes", untouched)
    assert merge.editor_owned("quotes", edited)
    proposal = {**QUOTE, "cue": None, "said_in": "Cairo"}
    assert merge.fold_list("quotes", CommentedSeq([untouched]), [proposal])
    assert untouched["said_in"] == "Cairo"
    assert untouched["extracted"] == merge.fingerprint("quotes", proposal)
    assert not merge.editor_owned("quotes", untouched)


def test_a_trip_claim_without_places_is_the_machines() -> None:
    """An empty list is not written; the record read back is the one printed."""
    claim = {"ordinal": 5, "text": "his fifth", "start": 1, "end": 10, "places": []}
    doc = CommentedMap(source="s")
    assert merge.fold_one("trip_claim", doc, {**claim, "meetings": ["Isaac Herzog"]})
    written = loaded_from(yamlio.dumps(doc)).data["trip_claim"]
    assert "places" not in written and not merge.editor_owned("trip_claim", written)
