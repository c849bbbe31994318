"""Editors' work survives machines: any sequence of editor edits and re-extractions loses
no edit, keeps every comment, deletes nothing, keeps the editor's order, and re-extracting
the same proposals twice changes nothing (byte for byte).

The editor works on the file's text as saved (comments are typed into it) and on its
records (values changed, records verified, rejected, reordered, added); the machine
folds proposals from proposals.article_records into it with merge.merge_article.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from conftest import run_shuttle, tree_digest, write_file
from shuttle import yamlio
from shuttle.curation import merge
from shuttle.curation.proposals import PeopleIndex, article_records
from shuttle.extract.candidates import (
    ArticleCandidates,
    EventCandidate,
    FigureCandidate,
    QuoteCandidate,
    TripCandidate,
)
from shuttle.records.schema import Person

SOURCE = "ap-2024-01-09-test"
SECTIONS = ("quotes", "figures", "events")
PEOPLE = [
    Person(id="antony-blinken", name="Antony Blinken", aliases=["Blinken"]),
    Person(id="benjamin-netanyahu", name="Benjamin Netanyahu"),
]
# Words that make YAML quote, escape or fold: the file must still say what it said.
AWKWARD = ["“", "”", "’", "—", "é", "#", ": ", "'", '"', "{", "[", "&", "*", "!", "|", ">",
           "- ", "\u2028", "\x85", "\t", "  ", "NO", "12:30", "012", "1.10", "~", "null",
           "? ", ":x"]  # fmt: skip
words = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\n"),
    max_size=6,
)
texts = (
    st.lists(st.sampled_from(AWKWARD) | words, min_size=1, max_size=5)
    .map("".join)
    .filter(lambda t: t.strip() != "")
)
days = st.none() | st.dates(min_value=date(2023, 10, 7), max_value=date(2025, 1, 20))


@st.composite
def candidates(draw: st.DrawFn) -> ArticleCandidates:
    starts = draw(st.lists(st.integers(0, 400), unique=True, max_size=7))
    quotes, figures, events = [], [], []
    for i, start in enumerate(starts):
        text = draw(texts)
        kind = i % 3
        if kind == 0:
            quotes.append(
                QuoteCandidate(
                    text=text,
                    start=start,
                    end=start + len(text),
                    speaker=draw(
                        st.sampled_from([None, "Antony Blinken", "Blinken", "Gadi Eisenkot"])
                    ),
                    kind=draw(st.sampled_from(["full", "fragment"])),
                    cue=draw(st.none() | texts),
                    said_on=draw(days),
                )
            )
        elif kind == 1:
            value = draw(st.integers(0, 40_000))
            figures.append(
                FigureCandidate(
                    value=value,
                    measure=draw(st.sampled_from(["killed", "injured", "other"])),
                    text=f"{value:,}",
                    start=start,
                    end=start + len(f"{value:,}"),
                    sentence=text,
                    sentence_start=start,
                    sentence_end=start + len(text),
                    qualifier=draw(st.sampled_from([None, "more than", "about"])),
                    subject=draw(st.none() | texts),
                    as_of=draw(days),
                )
            )
        else:
            events.append(
                EventCandidate(
                    sentence=text, start=start, end=start + len(text), on=draw(days), kind=None
                )
            )
    ordinal = draw(st.none() | st.integers(1, 12))
    trip = TripCandidate(
        ordinal=ordinal,
        ordinal_text=None if ordinal is None else "his fifth trip",
        ordinal_start=None if ordinal is None else 10,
        ordinal_end=None if ordinal is None else 24,
        places=tuple(draw(st.lists(texts, max_size=2))),
    )
    return ArticleCandidates(
        quotes=tuple(quotes), figures=tuple(figures), events=tuple(events), trip=trip
    )


def variant(found: ArticleCandidates, seed: int) -> ArticleCandidates:
    """The same article extracted by improved extractors: the same spans mostly, some
    fields now found or no longer found, some proposals dropped."""
    rnd = random.Random(seed)

    def maybe(value: Any, other: Any) -> Any:
        return other if rnd.random() < 0.4 else value

    quotes = tuple(
        replace(
            q,
            cue=maybe(q.cue, rnd.choice([None, "said on Tuesday"])),
            speaker=maybe(q.speaker, rnd.choice([None, "Benjamin Netanyahu", "Gadi Eisenkot"])),
            said_on=maybe(q.said_on, rnd.choice([None, date(2024, 1, 9)])),
        )
        for q in found.quotes
        if rnd.random() > 0.2
    )
    figures = tuple(
        replace(
            f,
            qualifier=maybe(f.qualifier, rnd.choice([None, "at least"])),
            subject=maybe(f.subject, rnd.choice([None, "Palestinians"])),
            as_of=maybe(f.as_of, None),
        )
        for f in found.figures
        if rnd.random() > 0.2
    )
    events = tuple(
        replace(
            e, on=maybe(e.on, rnd.choice([None, date(2024, 2, 8)])), kind=maybe(e.kind, "talks")
        )
        for e in found.events
        if rnd.random() > 0.2
    )
    trip = replace(found.trip, places=maybe(found.trip.places, ()))
    return ArticleCandidates(quotes=quotes, figures=figures, events=events, trip=trip)


# An editor's edit: (what, and numbers that pick where and what to write)
edits = st.tuples(
    st.sampled_from(["machine", "verify", "reject", "comment", "eol", "reorder", "add", "note"]),
    st.integers(0, 10_000),
    texts,
)
steps = st.lists(
    st.one_of(edits, candidates(), st.integers(0, 10_000).map(lambda n: ("variant", n))),
    min_size=1,
    max_size=8,
)


@dataclass
class Oracle:
    """What the editor did, to check against the file after every step."""

    owned: dict[str, Any] = field(default_factory=dict)  # id -> record as the editor left it
    notes: dict[str, str] = field(default_factory=dict)  # id -> note of a machine record
    comments: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)  # every id ever in the file
    counter: int = 0


def new_document() -> yamlio.Loaded:
    doc = CommentedMap({"source": SOURCE})
    doc.yaml_set_start_comment(merge.ARTICLE_HEADER)
    return yamlio.Loaded(path=Path("unused.yml"), shown="unused.yml", data=doc, digest=None)


def reopen(loaded: yamlio.Loaded) -> tuple[yamlio.Loaded, str]:
    """Saved and opened again: what the next editor or machine run sees."""
    text = yamlio.dumps(loaded.data)
    again = yamlio.Loaded(loaded.path, loaded.shown, yamlio.loads(text, "f"), None)
    return again, text


def records(doc: Any) -> list[tuple[str, CommentedMap]]:
    found = []
    for section in SECTIONS:
        for item in doc.get(section) or []:
            if isinstance(item, CommentedMap):
                found.append((section, item))
    return found


def machine_change(section: str, record: CommentedMap, text: str) -> None:
    if section == "quotes":
        record["speaker"] = (
            "benjamin-netanyahu" if record.get("speaker") != "benjamin-netanyahu" else None
        )
    elif section == "figures":
        record["value"] = int(record.get("value", 0)) + 1
    else:
        record["summary"] = text if text != record.get("summary") else text + "!"


def apply_edit(loaded: yamlio.Loaded, edit: tuple[str, int, str], oracle: Oracle) -> None:
    what, pick, text = edit
    doc = loaded.data
    found = records(doc)
    oracle.counter += 1
    mark = f"editor-{oracle.counter}"
    if what in ("comment", "eol"):
        source = yamlio.dumps(doc).splitlines()
        if what == "comment":
            source.insert(1 + pick % len(source), f"# {mark} wrote this")
        else:
            # on a field of a record ("checked against ¶4"), where editors write them
            candidates = [
                i
                for i, line in enumerate(source)
                if line.startswith("    ") and ": " in line and "#" not in line
            ]
            if not candidates:
                return
            source[candidates[pick % len(candidates)]] += f"  # {mark} wrote this"
        loaded.data = yamlio.loads("\n".join(source) + "\n", "f")
        oracle.comments.append(f"{mark} wrote this")
        return
    if what == "add":
        section = SECTIONS[pick % 3]
        if not isinstance(doc.get(section), CommentedSeq):
            doc[section] = CommentedSeq()
        record = CommentedMap(
            id=f"{section[0]}-{mark}", text=text, start=0, end=len(text), note=f"by {mark}"
        )
        doc[section].insert(pick % (len(doc[section]) + 1), record)
        oracle.owned[record["id"]] = yamlio.plain(record)
        oracle.ids.append(record["id"])
        return
    if what == "reorder":
        section = SECTIONS[pick % 3]
        items = doc.get(section)
        if isinstance(items, CommentedSeq) and len(items) > 1:
            order = list(items)
            random.Random(pick).shuffle(order)
            items[:] = order
        return
    if not found:
        return
    section, record = found[pick % len(found)]
    rid = str(record["id"])
    if what == "note":
        record["note"] = text
        if rid in oracle.owned:
            oracle.owned[rid] = yamlio.plain(record)
        else:
            oracle.notes[rid] = text
        return
    if what == "machine":
        machine_change(section, record, text)
    else:
        record["status"] = "verified" if what == "verify" else "rejected"
    oracle.owned[rid] = yamlio.plain(record)
    oracle.notes.pop(rid, None)


def check_oracle(loaded: yamlio.Loaded, text: str, oracle: Oracle) -> None:
    by_id = {str(r["id"]): r for _, r in records(loaded.data)}
    assert [i for i in oracle.ids if i not in by_id] == [], "a record was deleted"
    for rid, snapshot in oracle.owned.items():
        assert yamlio.plain(by_id[rid]) == snapshot, f"the editor's {rid} was changed"
    for rid, note in oracle.notes.items():
        assert by_id[rid].get("note") == note, f"the note of {rid} was lost"
    for comment in oracle.comments:
        assert comment in text, f"comment {comment!r} was lost"


def order_of(doc: Any) -> dict[str, list[str]]:
    return {
        s: [str(r["id"]) for r in doc.get(s) or [] if isinstance(r, CommentedMap)] for s in SECTIONS
    }


def extract_into(loaded: yamlio.Loaded, found: ArticleCandidates, oracle: Oracle) -> None:
    before = order_of(loaded.data)
    proposals = article_records(SOURCE, found, PeopleIndex.of(PEOPLE))
    merge.merge_article(loaded, proposals)
    after = order_of(loaded.data)
    for section, ids in before.items():
        kept = [i for i in after[section] if i in ids]
        assert kept == ids, "the editor's order changed"
    for _, record in records(loaded.data):
        if str(record["id"]) not in oracle.ids:
            oracle.ids.append(str(record["id"]))
    # the same proposals again: nothing to do, not a byte changes
    text = yamlio.dumps(loaded.data)
    again = yamlio.Loaded(loaded.path, loaded.shown, yamlio.loads(text, "f"), None)
    assert (
        merge.merge_article(again, article_records(SOURCE, found, PeopleIndex.of(PEOPLE))) is False
    )
    assert yamlio.dumps(again.data) == text


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=candidates(), sequence=steps)
def test_editor_edits_survive_any_sequence_of_re_extractions(
    first: ArticleCandidates, sequence: list[Any]
) -> None:
    oracle = Oracle()
    loaded = new_document()
    extract_into(loaded, first, oracle)
    loaded, text = reopen(loaded)
    last = first
    for step in sequence:
        if isinstance(step, ArticleCandidates):
            extract_into(loaded, step, oracle)
            last = step
        elif step[0] == "variant":
            last = variant(last, step[1])
            extract_into(loaded, last, oracle)
        else:
            apply_edit(loaded, step, oracle)
        loaded, text = reopen(loaded)
        check_oracle(loaded, text, oracle)


@settings(max_examples=60, deadline=None)
@given(found=candidates())
def test_a_fresh_file_holds_the_proposals_as_candidates_that_read_back(
    found: ArticleCandidates,
) -> None:
    loaded = new_document()
    proposals = article_records(SOURCE, found, PeopleIndex.of(PEOPLE))
    merge.merge_article(loaded, proposals)
    _, text = reopen(loaded)
    data = yamlio.plain(yamlio.loads(text, "f"))
    for section in SECTIONS:
        written = {r["id"]: r for r in data.get(section, [])}
        for proposal in proposals[section]:
            record = written[proposal["id"]]
            assert record["status"] == "candidate"
            for name in merge.MACHINE_FIELDS[section]:
                value = proposal.get(name)
                value = value.isoformat() if isinstance(value, date) else value
                got = record.get(name)
                got = got.isoformat() if isinstance(got, date) else got
                assert got == (None if value in (None, []) else value), (name, record)


# --- the real `shuttle extract`, on a copy of the project -----------------------------------

ARTICLE = "ap-reuters-2024-02-08-blinken-leaves-mideast"


def _fresh_extraction(project: Path) -> Path:
    """The copy with one article's data file as `shuttle extract` first writes it."""
    target = project / "data" / "articles" / f"{ARTICLE}.yml"
    target.unlink()
    result = run_shuttle(project, "extract", "--source", ARTICLE)
    assert result.status == 0, result.output
    assert target.is_file()
    return target


@pytest.mark.slow
def test_shuttle_extract_a_second_time_changes_nothing(project: Path) -> None:
    _fresh_extraction(project)
    first = run_shuttle(project, "extract")
    assert first.status == 0, first.output
    after = tree_digest(project)
    second = run_shuttle(project, "extract")
    assert second.status == 0 and "nothing new" in second.stderr, second.output
    assert tree_digest(project) == after


@pytest.mark.slow
def test_editor_work_survives_shuttle_extract(project: Path) -> None:
    target = _fresh_extraction(project)
    loaded = yamlio.load(target, "x")
    quotes, figures = loaded.data["quotes"], loaded.data["figures"]
    assert len(quotes) >= 3 and len(figures) >= 2, "the extractors found too little to edit"
    quotes[0]["status"] = "verified"
    quotes[1]["speaker"] = "us-state-department"
    quotes[2]["note"] = "ask the desk about the attribution"
    figures[:] = list(reversed(figures))
    quotes.append(
        CommentedMap(id="q-editor-added", text="x", start=0, end=1, speaker=None, note="mine")
    )
    text = yamlio.dumps(loaded.data).replace(
        "figures:\n", "# figures reordered by the desk, newest first\nfigures:\n", 1
    )
    write_file(target, text)
    edited = yamlio.plain(yamlio.loads(text, "x"))

    result = run_shuttle(project, "extract", "--source", ARTICLE)
    assert result.status == 0, result.output
    after_text = target.read_text(encoding="utf-8")
    after = yamlio.plain(yamlio.loads(after_text, "x"))
    assert "# figures reordered by the desk, newest first\n" in after_text
    assert after["quotes"][0] == edited["quotes"][0]
    assert after["quotes"][1] == edited["quotes"][1]
    assert after["quotes"][2]["note"] == "ask the desk about the attribution"
    assert [f["id"] for f in after["figures"]][: len(figures)] == [
        f["id"] for f in edited["figures"]
    ]
    assert {"q-editor-added"} <= {q["id"] for q in after["quotes"]}
    again = run_shuttle(project, "extract", "--source", ARTICLE)
    assert again.status == 0 and target.read_text(encoding="utf-8") == after_text


@pytest.mark.slow
@pytest.mark.parametrize("existing", [True, False], ids=["edited", "created"])
def test_extract_refuses_to_write_over_a_file_saved_meanwhile(
    project: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    target = project / "data" / "articles" / f"{ARTICLE}.yml"
    if existing:  # drop a machine record, so that extract has one to add back
        loaded = yamlio.load(target, "x")
        loaded.data["quotes"].pop()
        write_file(target, yamlio.dumps(loaded.data))
    else:
        target.unlink()
    editors = "# saved by an editor while extract ran\nsource: " + ARTICLE + "\n"
    real_merge = merge.merge_article

    def merge_then_editor_saves(loaded: yamlio.Loaded, records: Any) -> bool:
        changed = real_merge(loaded, records)
        if loaded.path == target:
            write_file(target, editors)
        return changed

    monkeypatch.setattr(merge, "merge_article", merge_then_editor_saves)
    # one job: merged in this process, where the patch is
    result = run_shuttle(project, "extract", "--jobs", "1")
    assert result.status == 1, result.output
    assert "Traceback" not in result.output
    assert any(
        line.startswith(f"data/articles/{ARTICLE}.yml: E401 ")
        for line in result.stderr.splitlines()
    ), result.output
    assert target.read_text(encoding="utf-8") == editors
    assert not list(target.parent.glob(".*.tmp"))


@pytest.mark.slow
def test_extract_that_cannot_rename_leaves_every_file_as_it_was(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = project / "data" / "articles" / f"{ARTICLE}.yml"
    loaded = yamlio.load(target, "x")
    loaded.data["quotes"].pop()
    write_file(target, yamlio.dumps(loaded.data))
    before = tree_digest(project)

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = run_shuttle(project, "extract", "--jobs", "1")
    assert result.status == 1 and "Traceback" not in result.output
    assert f"data/articles/{ARTICLE}.yml: E402 No space left on device" in result.stderr
    assert tree_digest(project) == before
