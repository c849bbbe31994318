"""subjects: whether a name stands as its sentence's subject."""

from __future__ import annotations

from shuttle.extract.subjects import subject_position


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


def test_a_name_in_apposition_to_an_object_is_no_subject() -> None:
    text = "Blinken met the Israeli president, Isaac Herzog, in Jerusalem."
    assert not subject_position(text, text.index("Isaac"), 0)
    text = "Israel’s prime minister, Benjamin Netanyahu, said no."
    assert subject_position(text, text.index("Benjamin"), 0)
    text = "Secretary of State Antony Blinken left."
    assert subject_position(text, text.index("Antony"), 0)
