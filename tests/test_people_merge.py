"""people_merge (`shuttle people merge NEW INTO`): one person under two spellings, made
one in every file that names them, through round-trip guarded writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_shuttle
from shuttle import yamlio
from shuttle.curation.people_merge import merge_people
from shuttle.paths import Paths
from shuttle.problems import ProblemError

PEOPLE = """\
# who is who
people:
  - id: abdel-fattah-al-sisi
    name: Abdel Fattah al-Sisi
    aliases: [Sisi]  # short form
    status: verified
  - id: antony-blinken
    name: Antony Blinken
    status: verified
  - id: abdel-fattah-el-sissi  # proposed by voa-1
    name: Abdel Fattah el-Sissi
    aliases: [el-Sissi, SISI]
    status: candidate
    extracted: 0123456789ab
"""
ARTICLE = """\
source: voa-1
quotes:
  - id: q-1
    text: We will
    start: 0
    end: 7
    speaker: abdel-fattah-el-sissi  # VOA's spelling
    status: candidate
  - id: q-2
    text: And so
    start: 9
    end: 15
    speaker: antony-blinken
    status: verified
"""
TRIPS = """\
trips:
  - ordinal: 1
    meetings: [antony-blinken, abdel-fattah-el-sissi]
  - ordinal: 2
    meetings: [abdel-fattah-al-sisi, abdel-fattah-el-sissi]
  - ordinal: 3
    meetings: [antony-blinken]
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    (root / "data" / "articles").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "data" / "people.yml").write_text(PEOPLE, encoding="utf-8")
    (root / "data" / "trips.yml").write_text(TRIPS, encoding="utf-8")
    (root / "data" / "articles" / "voa-1.yml").write_text(ARTICLE, encoding="utf-8")
    (root / "data" / "articles" / "other.yml").write_text("source: other\n", encoding="utf-8")
    return root


def read(root: Path, name: str) -> str:
    return (root / "data" / name).read_text(encoding="utf-8")


def test_merge_adds_the_names_repoints_every_record_and_rejects_the_new_id(data: Path) -> None:
    result = run_shuttle(data, "people", "merge", "abdel-fattah-el-sissi", "abdel-fattah-al-sisi")
    assert result.status == 0, result.output
    people = {
        p["id"]: p for p in yamlio.plain(yamlio.loads(read(data, "people.yml"), "x"))["people"]
    }
    into, new = people["abdel-fattah-al-sisi"], people["abdel-fattah-el-sissi"]
    # "SISI" is "Sisi" already (case does not matter to matching): not added twice
    assert into["aliases"] == ["Sisi", "Abdel Fattah el-Sissi", "el-Sissi"]
    assert new["status"] == "rejected" and "abdel-fattah-al-sisi" in new["note"]
    article = read(data, "articles/voa-1.yml")
    assert re.search(r"\n    speaker: abdel-fattah-al-sisi +# VOA's spelling\n", article)
    assert "abdel-fattah-el-sissi" not in article + read(data, "trips.yml")
    assert "meetings: [antony-blinken, abdel-fattah-al-sisi]" in read(data, "trips.yml")
    assert "meetings: [abdel-fattah-al-sisi]\n" in read(data, "trips.yml")  # not twice
    # comments and everything else survive
    assert read(data, "people.yml").startswith("# who is who\npeople:\n")
    assert re.search(r"aliases: \[Sisi, Abdel Fattah el-Sissi, el-Sissi\] +# short form\n",
                     read(data, "people.yml"))  # fmt: skip
    assert "  - id: abdel-fattah-el-sissi  # proposed by voa-1\n" in read(data, "people.yml")
    assert "1 quote in 1 file(s) and 2 trip(s)" in result.stderr


def test_merging_again_changes_nothing(data: Path) -> None:
    merge_people(Paths(data), "abdel-fattah-el-sissi", "abdel-fattah-al-sisi")
    before = {name: read(data, name) for name in ("people.yml", "trips.yml", "articles/voa-1.yml")}
    again = merge_people(Paths(data), "abdel-fattah-el-sissi", "abdel-fattah-al-sisi")
    assert again.written == []
    assert before == {name: read(data, name) for name in before}


@pytest.mark.parametrize(
    ("new", "into", "says"),
    [
        ("abdel-fattah-el-sisi", "abdel-fattah-al-sisi", "did you mean abdel-fattah-el-sissi"),
        ("antony-blinken", "antony-blinken", "into itself"),
    ],
)
def test_unknown_or_identical_ids_are_refused_and_nothing_is_written(
    data: Path, new: str, into: str, says: str
) -> None:
    before = read(data, "people.yml")
    result = run_shuttle(data, "people", "merge", new, into)
    assert result.status == 1 and says in result.stderr and "Traceback" not in result.output
    assert read(data, "people.yml") == before


def test_a_merge_into_a_rejected_person_is_refused(data: Path) -> None:
    merge_people(Paths(data), "abdel-fattah-el-sissi", "abdel-fattah-al-sisi")
    with pytest.raises(ProblemError) as caught:
        merge_people(Paths(data), "antony-blinken", "abdel-fattah-el-sissi")
    assert caught.value.problems[0].code == "E102"
    assert "is rejected" in caught.value.problems[0].message


def test_a_file_edited_meanwhile_is_not_overwritten(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = yamlio.load
    target = data / "data" / "trips.yml"

    def load_then_edited(path: Path, shown: str) -> yamlio.Loaded:
        loaded = real(path, shown)
        if path == target:
            target.write_text(TRIPS + "# saved by an editor\n", encoding="utf-8")
        return loaded

    monkeypatch.setattr(yamlio, "load", load_then_edited)
    with pytest.raises(ProblemError) as caught:
        merge_people(Paths(data), "abdel-fattah-el-sissi", "abdel-fattah-al-sisi")
    assert caught.value.problems[0].code == "E401"
    assert read(data, "trips.yml").endswith("# saved by an editor\n")
    assert read(data, "articles/voa-1.yml") == ARTICLE  # none is written
    assert read(data, "people.yml") == PEOPLE
