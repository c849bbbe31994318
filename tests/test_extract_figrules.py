"""Issue 11's figure rules on real reporting, each tested with sentences written for the
test (other words than dev-real) and with the dev-real line that showed the need."""

from __future__ import annotations

from datetime import date

import pytest

from shuttle.extract import extract_article
from shuttle.extract.dates import OCT7
from shuttle.extract.figrules import evacuated_measure, population_label

PUB = date(2024, 3, 5)


def simple(text: str, published: date = PUB) -> list[tuple[int, str]]:
    return [(f.value, f.measure) for f in extract_article(text, published=published).figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hostages still held, remaining, not free
        (
            "Officials believe 120 or so hostages are in tunnels under Khan Younis.",
            [(120, "hostages_held")],
        ),
        ("He said the 100 or so hostages must come home.", [(100, "hostages_held")]),
        ("Nearly 90 captives remain in Gaza, the army said.", [(90, "hostages_held")]),
        ("Around 60 people are still not free, their families say.", [(60, "hostages_held")]),
        ("At least 40 Israelis have not been released.", [(40, "hostages_held")]),
        ("Five Thai farm workers are still being held hostage.", [(5, "hostages_held")]),
        (
            "The families met Blinken. They want the hostages back."
            " Eight Americans remain in Gaza.",
            [(8, "hostages_held")],
        ),
        ("Some 2,000 Americans remain in Lebanon.", []),  # no hostages spoken of
        ("Twelve Britons remain unaccounted for after the attack.", [(12, "other")]),
        # dev-real 04
        ("Roughly 200 people are not yet free.", [(200, "hostages_held")]),
    ],
)
def test_hostages_held(text: str, expected: list[tuple[int, str]]) -> None:
    assert simple(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every item of a list takes the verb before the first
        (
            "Shelling wounded 45 Palestinians, 12 journalists and three medics.",
            [(45, "injured"), (12, "injured"), (3, "injured")],
        ),
        (
            "The raid killed more than 80 soldiers, at least 9 police officers, and civilians "
            "from more than 10 countries.",
            [(80, "killed"), (9, "killed")],
        ),
        # a participle describes the people; the clause's own verb comes later
        (
            "Three nurses abducted from a clinic in May were freed on Friday.",
            [(3, "hostages_released")],
        ),
        (
            "Two Canadians held by militants since last year were released today.",
            [(2, "hostages_released")],
        ),
        ("The five hostages executed by their captors were found in Rafah.", [(5, "killed")]),
        # dev-real 04 and 11
        (
            "About an hour ago, two American citizens held by Hamas"
            " since October 7th were released.",
            [(2, "hostages_released")],
        ),
        ("He spoke about the six hostages in Gaza murdered by Hamas.", [(6, "killed")]),
    ],
)
def test_lists_and_far_verbs(text: str, expected: list[tuple[int, str]]) -> None:
    assert simple(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counts of things are not figures
        ("Jets hit more than 400 targets and 30 launch sites overnight.", []),
        ("The convoy of 120 aid trucks carried 900 tons of flour.", []),
        ("Houthis attacked two tankers with two ballistic missiles.", []),
        ("Israel has struck more than 1,000 targets since Friday.", []),
        # what happened: evacuees are not displaced; sheltering is not fleeing
        ("Some 140 patients were evacuated to hospitals in Egypt.", [(140, "other")]),
        ("More than 400 Americans were evacuated through the Rafah crossing.", [(400, "other")]),
        (
            "Some 60,000 residents were evacuated from towns near the border.",
            [(60000, "displaced")],
        ),
        ("Some 1.2 million people are sheltering in Deir al-Balah.", [(1200000, "other")]),
        # detainees freed without an exchange are not a swap's prisoners
        ("Israel freed 16 detainees at the Kissufim crossing.", [(16, "other")]),
        (
            "Israel freed 30 Palestinian detainees in exchange for 10 hostages.",
            [(30, "prisoners_released"), (10, "hostages_released")],
        ),
        # populations: a large count of people placed somewhere, with no verb
        ("There are roughly 600,000 children in Rafah.", [(600000, "other")]),
        ("A blockade is cutting off 1.1 million Gazans from fuel.", [(1100000, "other")]),
        # a modal in another clause does not make a past count hypothetical
        (
            "Israel will not stop after troops rescued three hostages on Saturday.",
            [(3, "hostages_released")],
        ),
    ],
)
def test_what_is_counted(text: str, expected: list[tuple[int, str]]) -> None:
    assert simple(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hamas's assault on Israel killed about 1,200 people.",
        "We mourn the 30 Americans killed in Hamas's terrorist attack.",
        "Victims of Hamas terrorist attacks against Israel,"
        " including the 14 Americans we know died.",
        "The groups noted at least 1,400 people were killed in"
        " Israel and more than 200 were taken hostage.",
    ],
)
def test_the_attack_toll_is_dated_7_october(text: str) -> None:
    found = extract_article(text, published=date(2023, 11, 20)).figures
    assert found and all(f.as_of == OCT7 for f in found), found


@pytest.mark.parametrize(
    "text",
    [
        "An Israeli attack on a school killed 30 people.",  # not Hamas's attack
        "Israel's offensive, launched after Hamas's attack, has killed 30,000 Palestinians.",
        "Hamas seized 250 hostages, including 33 the army says have died.",  # their fate
    ],
)
def test_other_tolls_keep_the_article_date(text: str) -> None:
    found = [f for f in extract_article(text, published=PUB).figures if f.measure == "killed"]
    assert found and all(f.as_of == PUB for f in found), found


def test_a_count_restated_in_a_quote_is_one_figure() -> None:
    text = (
        "Troops rescued four hostages on Saturday.\n"
        "“To bring back four people, they destroyed a whole street,” he said."
    )
    assert simple(text) == [(4, "hostages_released")]


def test_helpers() -> None:
    assert evacuated_measure("patients") == "other:evacuated"
    assert evacuated_measure("people", "wounded") == "other:evacuated"
    assert evacuated_measure("residents") == "displaced"
    text = "There are 900,000 people in Gaza City."
    assert population_label(text, "people", text.index(" in"), 900_000) == "people in Gaza City"
    assert population_label(text, "people", text.index(" in"), 900) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dozens of families cheered as 24 hostages came home.", [(24, "hostages_released")]),
        ("More than 80 captives have come home since November.", [(80, "hostages_released")]),
        ("The bodies of three captives were recovered overnight.", [(3, "killed")]),
        ("Crowds greeted the return of 11 hostages.", [(11, "hostages_released")]),
        ("Israel barred the return of 500,000 displaced people to the north.", []),
        (
            "Two U.S. soldiers were killed and 12 U.S. personnel wounded.",
            [(2, "killed"), (12, "injured")],
        ),
    ],
)
def test_returns_remains_and_personnel(text: str, expected: list[tuple[int, str]]) -> None:
    assert simple(text) == expected


def test_a_toll_since_a_month_is_as_of_the_article() -> None:
    (f,) = extract_article(
        "Israel has detained more than 9,000 Palestinians in the West Bank since October.",
        published=PUB,
    ).figures
    assert f.as_of == PUB


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas is holding eight Americans, officials said.", [(8, "hostages_held")]),
        ("The group still holds 40 Thais and Nepalese.", [(40, "hostages_held")]),
        ("Israel is holding 9,000 Palestinian prisoners.", []),
        ("The army has lost more than 300 soldiers in Gaza.", [(300, "killed")]),
    ],
)
def test_holding_and_losing(text: str, expected: list[tuple[int, str]]) -> None:
    assert simple(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a release still to come is no figure
        ("Hamas agreed to release 33 hostages in the first phase.", []),
        ("The plan calls for the release of 18 captives in six weeks.", []),
        ("Under the proposal, 25 hostages are to be freed first.", []),
        ("Washington wants Hamas to free 40 hostages.", []),
        # it happened
        ("Israeli forces managed to free four hostages on Saturday.", [(4, "hostages_released")]),
        ("The pause allowed Hamas to release 105 hostages.", [(105, "hostages_released")]),
        (
            "We will keep working for the release of the remaining 115 hostages.",
            [(115, "hostages_held")],
        ),
    ],
)
def test_releases_to_come(text: str, expected: list[tuple[int, str]]) -> None:
    assert simple(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least 60 Palestinians died in the strikes on Nuseirat, with 30 still missing.",
            [(60, "killed"), (30, "other")],
        ),
        (
            "Nine soldiers were killed on Monday. At least 14 more were wounded, the army said.",
            [(9, "killed"), (14, "injured")],
        ),
    ],
)
def test_counts_that_lean_on_the_people_before(text: str, expected: list[tuple[int, str]]) -> None:
    assert simple(text) == expected


def test_a_date_after_since_starts_the_period() -> None:
    text = (
        "The ministry says 25,000 people have died in Gaza since Israel began its "
        "offensive in response to the attack on Oct. 7."
    )
    (f,) = extract_article(text, published=PUB).figures
    assert (f.measure, f.as_of) == ("killed", PUB)


def test_the_date_of_a_talk_is_not_the_date_of_the_count() -> None:
    text = "The minister spoke on Friday with his counterpart about the 40 hostages still held."
    (f,) = extract_article(text, published=PUB).figures
    assert (f.measure, f.as_of) == ("hostages_held", PUB)
    text = "Officials said on Friday that 40 people were killed."
    (f,) = extract_article(text, published=PUB).figures
    assert f.as_of == date(2024, 3, 1)


def test_a_when_clause_takes_its_date() -> None:
    text = "She recalled the morning of Oct. 7, when gunmen killed 300 people at a festival."
    (f,) = extract_article(text, published=PUB).figures
    assert (f.measure, f.as_of) == ("killed", OCT7)


def test_reunited_with_their_families_is_released() -> None:
    text = "Some 80 captives were able to leave and be reunited with their families."
    assert simple(text) == [(80, "hostages_released")]


def test_counts_inside_quotes() -> None:
    text = "“Well over 2,000 civilians have been killed,” the envoy said."
    (f,) = extract_article(text, published=PUB).figures
    assert (f.value, f.measure, f.qualifier) == (2000, "killed", "more than")
    text = "“We have roughly 300,000 people in Gaza City,” the aid official said."
    assert simple(text) == [(300000, "other")]


def test_people_still_being_held_are_captives_unless_prisoners() -> None:
    assert simple("Nine Britons are still being held.") == [(9, "hostages_held")]
    assert simple("Some 40 detainees are still held without charge.") == []


def test_an_exchange_done_or_sought() -> None:
    assert simple("The exchange of 50 hostages took place at Rafah.") == [(50, "hostages_released")]
    assert simple("Talks focus on a deal for the exchange of 50 hostages.") == []


def test_the_whole_a_share_is_taken_of_is_no_figure() -> None:
    assert simple("About 75 percent of Gaza's 2.2 million residents have fled.") == []
    assert simple("Half of the 1,000 patients were evacuated.") == []
    assert simple("Some 1.9 million people have fled their homes.") == [(1_900_000, "displaced")]
