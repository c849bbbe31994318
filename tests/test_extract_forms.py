"""The forms names are looked up by."""

from __future__ import annotations

from shuttle.extract.forms import clean_name, surname_key


def test_surname_key() -> None:
    assert surname_key("al-Sisi") == surname_key("Sisi") == "sisi"
    assert surname_key("Lewis’s") == "lewis"
    assert surname_key("Al-Hayya") == "hayya"


def test_clean_name() -> None:
    assert clean_name("Mr. Blinken") == "Blinken"
    assert clean_name("Prime Minister Benjamin Netanyahu") == "Benjamin Netanyahu"
    assert clean_name("Antony J. Blinken") == "Antony Blinken"


def test_surname_keys_are_kept_and_stay_the_same() -> None:
    assert surname_key("al-Sisi") is surname_key("al-Sisi")
    assert surname_key("Gaza’s") == "gaza"
