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


def test_first_names_that_are_one() -> None:
    from shuttle.extract.forms import same_first_name

    assert same_first_name("Matt", "Matthew")
    assert same_first_name("Christopher", "Chris")
    assert same_first_name("Tony", "Antony")
    assert same_first_name("Bill", "william")
    assert not same_first_name("Jo", "John")  # two letters are no evidence
    assert not same_first_name("Mark", "Matthew")


def test_loose_key_meets_transliterations() -> None:
    from shuttle.extract.forms import loose_key

    assert loose_key("el-Sissi") == loose_key("al-Sisi") == loose_key("Sisi")
    assert loose_key("Abdellatty") == loose_key("Abdelatty")
    assert loose_key("Haniyeh") != loose_key("Hanieh")  # only doubled letters are folded


def test_loose_key_drops_accents() -> None:
    from shuttle.extract.forms import loose_key

    assert loose_key("Türk") == loose_key("Turk")
    assert loose_key("Erdoğan") == loose_key("Erdogan")
