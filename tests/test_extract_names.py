"""Names, titles and clause positions."""

from __future__ import annotations

from shuttle.extract.names import scan, subject_position
from shuttle.text.segments import segment


def test_subject_position() -> None:
    text = (
        "Shortly before Mr. Blinken spoke, though, Israeli Prime Minister Benjamin Netanyahu left."
    )
    assert not subject_position(text, text.index("Blinken"), 0)
    assert subject_position(text, text.index("Benjamin"), 0)
    text = "Gantz criticised Netanyahu, and Sisi and Blinken met."
    assert subject_position(text, 0, 0)
    assert not subject_position(text, text.index("Netanyahu"), 0)
    assert subject_position(text, text.index("Blinken"), 0)


def test_scan_roles() -> None:
    text = "Egyptian intelligence chief Abbas Kamel met Gantz, a former army chief, in Cairo."
    found = {m.name: m.role for m in scan(text, segment(text))}
    assert found == {"Abbas Kamel": "Egyptian intelligence chief", "Gantz": "former army chief"}


def test_a_name_in_apposition_to_an_object_is_no_subject() -> None:
    text = "Blinken met the Israeli president, Isaac Herzog, in Jerusalem."
    assert not subject_position(text, text.index("Isaac"), 0)
    text = "Israel’s prime minister, Benjamin Netanyahu, said no."
    assert subject_position(text, text.index("Benjamin"), 0)
    text = "Secretary of State Antony Blinken left."
    assert subject_position(text, text.index("Antony"), 0)


def test_a_nickname_in_marks_is_no_part_of_the_name() -> None:
    text = "Army veteran Robert “Bobby” O’Neill Jr. said he would run. So did Jane “JJ” Doe."
    found = [m.name for m in scan(text, segment(text))]
    assert found == ["Robert O’Neill", "Jane Doe"]
