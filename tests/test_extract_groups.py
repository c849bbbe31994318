"""Statements and groups as speakers (groups.py): "the statement said", "the agencies said",
in sentences of our own and in the shape of the dev-real VOA report."""

from __future__ import annotations

from shuttle.extract import extract_article


def speakers(text: str) -> list[tuple[str, str | None]]:
    found = extract_article(text)
    return [(q.text, q.speaker) for q in found.quotes]


def test_the_statement_is_the_words_of_whoever_issued_it() -> None:
    text = (
        "Nine relief organisations and two UN bodies released a joint statement on Friday.\n\n"
        "“The siege must end,” the statement said. “Children are starving.”"
    )
    assert speakers(text) == [
        ("The siege must end,", "Nine relief organisations and two UN bodies"),
        ("Children are starving.", "Nine relief organisations and two UN bodies"),
    ]


def test_a_plural_noun_refers_to_the_issuer_that_has_it() -> None:
    text = (
        "The Jordanian, Egyptian and Palestinian leaders issued a joint statement.\n\n"
        "“The war must stop,” the leaders said."
    )
    assert speakers(text) == [("The war must stop,", "Jordanian, Egyptian and Palestinian leaders")]


def test_generic_groups_and_a_statement_from_someone() -> None:
    text = (
        "Israel’s army spoke of progress, but in a statement from the Norwegian Refugee Council "
        "aid workers were told to leave.\n\n“We cannot stay,” the statement said.\n\n"
        "Thirty charities have signed an appeal.\n\n“Open the crossings,” the groups said."
    )
    assert speakers(text) == [
        ("We cannot stay,", "Norwegian Refugee Council"),
        ("Open the crossings,", "Thirty charities"),
    ]


def test_dev_real_agencies_after_their_joint_statement() -> None:
    text = (
        "UN agencies and international charities have issued a rare joint statement calling "
        "for an immediate humanitarian ceasefire in Gaza.\n\n"
        '"Tens of thousands of people have been displaced," the statement said. "This is '
        'horrific."\n\n"Enough is enough," the agencies said in the statement.'
    )
    who = "UN agencies and international charities"
    assert [s for _, s in speakers(text)] == [who, who, who]


def test_anonymous_groups_stay_anonymous() -> None:
    text = (
        "Two charities issued a statement.\n\n“The shelling went on all night,” the residents "
        "said.\n\n“We are afraid,” the families said."
    )
    assert [s for _, s in speakers(text)] == [None, None]


def test_the_ministry_is_the_ministry_named_before() -> None:
    text = (
        "Jordan’s Foreign Ministry summoned the ambassador on Sunday.\n\n"
        "“This is a flagrant violation,” the ministry said.\n\n"
        "The Israeli military said troops had fired warning shots. “We are reviewing the "
        "incident,” the military said."
    )
    assert [s for _, s in speakers(text)] == ["Jordan’s Foreign Ministry", "Israeli military"]


def test_a_statement_of_several_countries_is_spoken_by_them() -> None:
    text = (
        "France, Germany and Britain issued a statement after the meeting.\n\n"
        "“The fighting must stop now,” the three countries said."
    )
    assert speakers(text) == [("The fighting must stop now,", "France, Germany and Britain")]


def test_the_statement_of_whoever_spoke_in_a_statement() -> None:
    text = (
        "“We are close,” said Mr. Kirby.\n\n"
        "In a statement, the Egyptian presidency said the delegations would meet again. "
        "“Egypt will spare no effort,” the statement said.\n\n"
        "UNRWA said in a statement on Friday that its shelters were full.\n\n"
        "“There is no safe place,” the statement added."
    )
    assert [s for _, s in speakers(text)] == ["Kirby", "Egyptian presidency", "UNRWA"]


def test_they_is_the_group_that_spoke_last() -> None:
    text = (
        "UN agencies and charities issued a joint statement.\n\n“Enough is enough,” the "
        "statement said.\n\n“This must stop now,” they said.\n\n“We are not safe,” residents "
        "said. “Nobody is,” they said."
    )
    who = "UN agencies and charities"
    assert [s for _, s in speakers(text)] == [who, who, None, None]


def test_the_office_of_a_person_named_before_speaks_for_them() -> None:
    text = (
        "Mr. Netanyahu’s office issued a brief note on Sunday.\n\n"
        "“The prime minister will not bow,” the office said.\n\n"
        "Gaza’s Health Ministry updated its toll. “Most are children,” the ministry said."
    )
    assert [s for _, s in speakers(text)] == ["Netanyahu", "Gaza’s Health Ministry"]


def test_readouts_without_an_owner_and_issued_by_someone() -> None:
    text = (
        "Austin “stressed the need to protect civilians,” according to a summary of the call "
        "released by the Pentagon.\n\n"
        "Blinken spoke with Gallant on Monday. He “underscored U.S. support,” according to a "
        "readout."
    )
    assert [s for _, s in speakers(text)] == ["Pentagon", "Blinken"]
