"""adding (`shuttle add`): an editor's record, located in the article and written with
its offsets, through merge's guarded round-trip write."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import run_shuttle
from shuttle import yamlio
from shuttle.checks import run_checks
from shuttle.curation import merge
from shuttle.curation.adding import add
from shuttle.curation.proposals import record_id
from shuttle.paths import Paths
from shuttle.problems import ProblemError

SOURCE = "state-2024-06-10-remarks"
TEXT = (
    "SECRETARY BLINKEN: Good afternoon, everyone.\n"
    "We\u2019re working to get a ceasefire.  Some 120 hostages remain in Gaza.\n"
    "QUESTION: Mr. Secretary, is the ceasefire close?\n"
    "SECRETARY BLINKEN: The ceasefire is within reach.\n"
)
PEOPLE = """\
people:
  - id: antony-blinken
    name: Antony Blinken
    aliases: [Blinken]
    status: verified
  - id: old-blinken
    name: Tony Blinken
    status: rejected
    note: the same person as antony-blinken
"""


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A project of one transcript and one person."""
    root = tmp_path / "small"
    (root / "seeds").mkdir(parents=True)
    (root / "data" / "articles").mkdir(parents=True)
    (root / "seeds" / "remarks.txt").write_text(TEXT, encoding="utf-8")
    digest = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    (root / "seeds" / "sources.yml").write_text(
        f"sources:\n  - id: {SOURCE}\n    file: remarks.txt\n    title: Remarks\n"
        "    outlet: State Department\n    published: 2024-06-10\n    event_date: 2024-06-10\n"
        f"    licence: public domain\n    sha256: {digest}\n",
        encoding="utf-8",
    )
    (root / "data" / "people.yml").write_text(PEOPLE, encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return root


def data_file(root: Path) -> Path:
    return root / "data" / "articles" / f"{SOURCE}.yml"


def records(root: Path, key: str) -> list[dict[str, object]]:
    return list(yamlio.plain(yamlio.load(data_file(root), "x").data)[key])


def test_a_quote_is_written_with_its_offsets_a_fresh_id_and_no_fingerprint(small: Path) -> None:
    result = run_shuttle(small, "add", "quote", "--source", SOURCE, "--speaker", "Blinken",
                         "We're working to get a ceasefire.")  # fmt: skip
    assert result.status == 0, result.output
    (quote,) = records(small, "quotes")
    start = TEXT.index("We\u2019re")
    assert quote["text"] == TEXT[quote["start"] : quote["end"]] == TEXT[start : start + 33]
    assert quote["id"] == record_id("q", SOURCE, start)
    assert quote["speaker"] == "antony-blinken" and quote["status"] == "verified"
    assert "extracted" not in quote  # the editor's own: the effort measure counts it so
    # a transcript's turn names the speaker: its label is the cue, the day is the event's
    assert quote["cue"] == "SECRETARY BLINKEN:" and str(quote["said_on"]) == "2024-06-10"
    assert f"added quote {quote['id']} (verified) to data/articles/{SOURCE}.yml:" in (result.stderr)
    store_problems = [p for p in run_checks(Paths(small))[1] if p.file.startswith("data/art")]
    assert store_problems == []


def test_comments_and_order_survive_and_the_record_comes_last(small: Path) -> None:
    existing = (
        f"# kept\nsource: {SOURCE}\nquotes:\n  - id: q-mine  # mine\n"
        f"    text: Good afternoon\n    start: 19\n    end: 33\n    status: verified\n"
    )
    data_file(small).write_text(existing, encoding="utf-8")
    add(Paths(small), "quote", SOURCE, "The ceasefire is within reach.",
        {"speaker": "antony-blinken", "status": "candidate"}, nth=None)  # fmt: skip
    written = data_file(small).read_text(encoding="utf-8")
    assert written.startswith(existing)
    assert [q["id"] for q in records(small, "quotes")][0] == "q-mine"
    assert records(small, "quotes")[1]["status"] == "candidate"


def test_words_found_twice_need_a_choice_and_after_makes_it(small: Path) -> None:
    result = run_shuttle(small, "add", "quote", "--source", SOURCE, "--speaker",
                         "antony-blinken", "ceasefire")  # fmt: skip
    assert result.status == 1 and "E602" in result.stderr and "occur 3 times" in result.stderr
    assert not data_file(small).exists()
    result = run_shuttle(small, "add", "quote", "--source", SOURCE, "--speaker",
                         "antony-blinken", "--after", "BLINKEN:", "ceasefire")  # fmt: skip
    assert result.status == 1 and "occur 2 times" in result.stderr  # a ceasefire after each
    result = run_shuttle(small, "add", "quote", "--source", SOURCE, "--speaker",
                         "antony-blinken", "--kind", "fragment", "--after", "The ",
                         "ceasefire is")  # fmt: skip
    assert result.status == 0, result.output
    assert records(small, "quotes")[0]["start"] == TEXT.rindex("ceasefire is")


def test_words_not_in_the_article_are_e601_with_the_nearest_match(small: Path) -> None:
    result = run_shuttle(small, "add", "quote", "--source", SOURCE, "--speaker", "Blinken",
                         "The ceasefire is in reach.")  # fmt: skip
    assert result.status == 1
    assert "seeds/remarks.txt:4: E601" in result.stderr and "within reach" in result.stderr
    assert "Traceback" not in result.output and not data_file(small).exists()


def test_the_same_words_twice_are_e603_naming_the_record(small: Path) -> None:
    args = ("add", "quote", "--source", SOURCE, "--speaker", "Blinken", "Good afternoon")
    assert run_shuttle(small, *args).status == 0
    before = data_file(small).read_bytes()
    result = run_shuttle(small, *args)
    assert result.status == 1 and "E603" in result.stderr
    assert records(small, "quotes")[0]["id"] in result.stderr
    assert data_file(small).read_bytes() == before


def test_an_id_taken_by_another_span_gets_a_number(small: Path) -> None:
    start = TEXT.index("Good afternoon")
    taken = record_id("q", SOURCE, start)
    data_file(small).write_text(
        f"source: {SOURCE}\nquotes:\n  - id: {taken}\n    text: Good\n    start: {start}\n"
        f"    end: {start + 4}\n    status: rejected\n",
        encoding="utf-8",
    )
    added = add(Paths(small), "quote", SOURCE, "Good afternoon", {"speaker": "antony-blinken"})
    assert added.record_id == f"{taken}-2"


def test_unknown_or_rejected_speakers_and_sources_are_e201_with_close_ids(small: Path) -> None:
    result = run_shuttle(small, "add", "quote", "--source", SOURCE, "--speaker",
                         "antony-blinkn", "Good afternoon")  # fmt: skip
    assert "E201" in result.stderr and "did you mean antony-blinken" in result.stderr
    result = run_shuttle(small, "add", "quote", "--source", SOURCE, "--speaker",
                         "old-blinken", "Good afternoon")  # fmt: skip
    assert "E201" in result.stderr and "rejected" in result.stderr
    result = run_shuttle(small, "add", "quote", "--source", SOURCE[:-1], "--speaker",
                         "Blinken", "Good afternoon")  # fmt: skip
    assert "E201" in result.stderr and f"did you mean {SOURCE}" in result.stderr
    assert not data_file(small).exists()


def test_a_figures_value_is_read_from_its_words_and_checked(small: Path) -> None:
    result = run_shuttle(small, "add", "figure", "--source", SOURCE, "--measure",
                         "hostages_held", "--value", "12", "Some 120")  # fmt: skip
    assert result.status == 1 and "E205" in result.stderr and "120" in result.stderr
    result = run_shuttle(small, "add", "figure", "--source", SOURCE, "--measure",
                         "hostages", "Some 120")  # fmt: skip
    assert (
        result.status == 1 and "--measure" in result.stderr and "hostages_held" in (result.stderr)
    )
    result = run_shuttle(small, "add", "figure", "--source", SOURCE, "--measure",
                         "hostages_held", "--qualifier", "about", "Some 120")  # fmt: skip
    assert result.status == 0, result.output
    (figure,) = records(small, "figures")
    assert (figure["value"], figure["text"], figure["qualifier"]) == (120, "Some 120", "about")


def test_an_event_holds_its_sentence_and_the_editors_summary(small: Path) -> None:
    result = run_shuttle(small, "add", "event", "--source", SOURCE, "--date", "2024-06-10",
                         "--summary", "Blinken says a ceasefire is within reach.",
                         "--kind", "statement", "The ceasefire is within reach.")  # fmt: skip
    assert result.status == 0, result.output
    (event,) = records(small, "events")
    assert event["sentence"] == TEXT[event["start"] : event["end"]]
    assert event["id"] == record_id("e", SOURCE, event["start"])  # type: ignore[arg-type]


def test_the_file_is_not_written_when_it_changed_since_it_was_read(
    small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_file(small).write_text(f"source: {SOURCE}\n", encoding="utf-8")
    real = merge.load_or_new

    def load_then_edited(*args: object, **kwargs: object) -> yamlio.Loaded:
        loaded = real(*args, **kwargs)  # type: ignore[arg-type]
        data_file(small).write_text(f"source: {SOURCE}\n# an editor saved\n", encoding="utf-8")
        return loaded

    monkeypatch.setattr(merge, "load_or_new", load_then_edited)
    with pytest.raises(ProblemError) as caught:
        add(Paths(small), "quote", SOURCE, "Good afternoon", {"speaker": "antony-blinken"})
    assert caught.value.problems[0].code == "E401"
    assert "an editor saved" in data_file(small).read_text(encoding="utf-8")


def test_an_empty_list_left_by_extract_gets_records_one_a_line(small: Path) -> None:
    data_file(small).write_text(f"source: {SOURCE}\nquotes: []\nfigures: []\n", encoding="utf-8")
    add(Paths(small), "quote", SOURCE, "Good afternoon", {"speaker": "antony-blinken"})
    text = data_file(small).read_text(encoding="utf-8")
    assert "quotes:\n  - id: q-" in text and "figures: []" in text
