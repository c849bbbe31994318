"""effort: what editors did with the extractors' proposals, counted per article by record
id, printed as a table and written as deterministic YAML (`shuttle effort --write`)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]

from conftest import run_shuttle
from shuttle import yamlio
from shuttle.curation import effort, merge
from shuttle.records.schema import ArticleFile

FIXTURE = Path(__file__).parent / "fixtures" / "project"
ALPHA = "wire-2023-11-20-alpha"


@pytest.fixture
def extracted(tmp_path: Path) -> Path:
    """The fixture project with its article files as `shuttle extract` writes them."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    for path in (root / "data" / "articles").glob("*.yml"):
        path.unlink()
    result = run_shuttle(root, "extract")
    assert result.status == 0, result.output
    return root


def edit(root: Path, source_id: str, change: Any) -> None:
    loaded = yamlio.load(root / "data" / "articles" / f"{source_id}.yml", source_id)
    change(loaded.data)
    yamlio.save(loaded)


def editor_at_work(data: Any) -> None:
    """What an editor does with alpha's proposals: one of each outcome."""
    data["trip_claim"]["status"] = "verified"  # accepted
    quote, fragment = data["quotes"]
    quote["speaker"], quote["status"] = "the-secretary", "verified"  # corrected: speaker
    fragment["status"] = "rejected"
    killed, injured = data["figures"]
    killed["subject"], killed["status"] = "people in Gaza", "verified"  # corrected: subject
    assert injured["status"] == "candidate"  # left for later
    event = data["events"][0]
    event["summary"], event["status"] = "The secretary arrives in Israel.", "verified"
    data["quotes"].append(  # added by hand: no `extracted:`
        {"id": "q-by-hand", "text": "constructive", "start": 393, "end": 405,
         "speaker": "officials", "kind": "fragment", "status": "verified"}
    )  # fmt: skip


def test_each_outcome_is_counted_with_the_fields_corrected(extracted: Path) -> None:
    edit(extracted, ALPHA, editor_at_work)
    result = run_shuttle(extracted, "effort", "--source", ALPHA)
    assert result.status == 0, result.output
    total = result.stdout.splitlines()[-2].split()
    assert total == ["total", "6", "1", "3", "1", "1", "1", "0"]
    assert result.stdout.splitlines()[-1] == (
        "fields corrected: events.summary 1, figures.subject 1, quotes.speaker 1"
    )


def test_untouched_proposals_are_all_candidates(extracted: Path) -> None:
    result = run_shuttle(extracted, "effort")
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()[2:4]}
    # alpha: a trip claim, two quotes, two figures, an event; beta's own proposals
    assert rows[ALPHA] == ["6", "0", "0", "0", "6", "0", "0"]
    assert set(rows) == {ALPHA, "daily-2023-11-21-beta"}


def test_the_file_written_is_the_numbers_and_is_deterministic(extracted: Path) -> None:
    edit(extracted, ALPHA, editor_at_work)
    out = extracted / "benchmarks" / "editor_effort.yml"
    assert run_shuttle(extracted, "effort", "--write", "benchmarks/editor_effort.yml").status == 0
    first = out.read_bytes()
    assert run_shuttle(extracted, "effort", "--write", str(out)).status == 0
    assert out.read_bytes() == first
    data = yaml.safe_load(first)
    alpha = data["articles"][ALPHA]
    assert {k: alpha[k] for k in effort.OUTCOMES} == {
        "accepted": 1, "corrected": 3, "rejected": 1, "candidate": 1, "by_hand": 1,
        "unmerged": 0,
    }  # fmt: skip
    assert alpha["by_kind"]["quotes"] == {
        "accepted": 0, "corrected": 1, "rejected": 1, "candidate": 0, "by_hand": 1,
        "unmerged": 0,
    }  # fmt: skip
    assert data["totals"]["proposed"] == sum(a["proposed"] for a in data["articles"].values())


def test_an_unknown_source_is_a_problem_not_a_traceback(extracted: Path) -> None:
    result = run_shuttle(extracted, "effort", "--source", "nope")
    assert result.status == 1 and "E201" in result.stderr and "Traceback" not in result.output


QUOTE = {"id": "q-1", "text": "We are", "start": 0, "end": 6, "speaker": "a", "kind": "full"}


def article(*quotes: dict[str, Any]) -> ArticleFile:
    return ArticleFile.model_validate({"source": "s", "quotes": list(quotes)})


def test_a_proposal_not_in_the_file_is_unmerged() -> None:
    other = {**QUOTE, "id": "q-2", "start": 10, "end": 16}
    counted = effort.compare(article(), {"quotes": [QUOTE, other]})
    assert counted.outcomes["unmerged"] == 2 and counted.proposed == 0


def test_corrected_fields_cannot_be_told_when_the_proposal_changed() -> None:
    written = merge.fingerprint("quotes", QUOTE)
    record = {**QUOTE, "speaker": "b", "status": "verified", "extracted": written}
    assert effort.compare(article(record), {"quotes": [QUOTE]}).fields == {"quotes.speaker": 1}
    now = {**QUOTE, "cue": "said"}  # the extractors propose something else today
    counted = effort.compare(article(record), {"quotes": [now]})
    assert counted.outcomes["corrected"] == 1 and counted.fields == {effort.UNKNOWN_FIELDS: 1}


def test_dates_compare_as_the_fingerprint_sees_them() -> None:
    proposal = {**QUOTE, "said_on": date(2024, 1, 9)}
    record = {**proposal, "status": "verified", "extracted": merge.fingerprint("quotes", proposal)}
    counted = effort.compare(article(record), {"quotes": [proposal]})
    assert counted.outcomes["accepted"] == 1
