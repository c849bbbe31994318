"""The curated people's index: built once for a list of people, looked up by every article."""

from __future__ import annotations

from shuttle.extract.candidates import KnownPerson
from shuttle.extract.known import known_index


def test_the_index_is_kept_for_the_same_people_and_built_again_for_others() -> None:
    gantz = KnownPerson("benny-gantz", "Benny Gantz", ("Mr. Gantz",))
    first = known_index((gantz,))
    assert known_index([gantz]) is first  # the same people, another sequence
    again = known_index((KnownPerson("benny-gantz", "Benny Gantz", ("Mr. Gantz",)),))
    assert again is not first and again == first  # equal people, other objects: rebuilt
    other = known_index((KnownPerson("yoav-gallant", "Yoav Gallant"),))
    assert other.full == {"yoav gallant": "Yoav Gallant"}


def test_forms_searched_in_every_article() -> None:
    index = known_index(
        (
            KnownPerson("a", "Abdel Fattah al-Sisi", ("Sisi",)),
            KnownPerson("b", "Hamas", kind="organisation"),
            KnownPerson("c", "Ali Shamkhani"),
            KnownPerson("d", "Mohammed Shamkhani"),  # a surname two people share
        )
    )
    assert index.defaults["sisi"] == "Abdel Fattah al-Sisi"
    assert index.defaults["hamas"] == "Hamas"
    assert "shamkhani" not in index.defaults
    assert {"Sisi", "Hamas"} <= index.forms
    assert ("Shamkhani", "shamkhani") in index.other_forms
