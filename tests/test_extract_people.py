"""People: names, roles and canonical names."""

from __future__ import annotations

from shuttle.extract import extract_article
from shuttle.extract.candidates import KnownPerson, PersonCandidate
from shuttle.extract.people import People, clean_name, find_people
from shuttle.text.quotemarks import find_quote_spans
from shuttle.text.segments import paragraphs, segment


def people(text: str, known: tuple[KnownPerson, ...] = ()) -> People:
    segs = segment(
        text, [(q.open, (q.close or q.end) + 1) for q in find_quote_spans(text, paragraphs(text))]
    )
    return find_people(text, segs, known)


def test_roles_from_appositives_and_titles() -> None:
    text = (
        "Matt Miller, the State Department spokesman, said talks went on.\n"
        "Egyptian intelligence chief Abbas Kamel hosted the delegation.\n"
        "Israel’s defense minister, Yoav Gallant, visited the border."
    )
    found = extract_article(text).people
    assert PersonCandidate("Matt Miller", role="State Department spokesman") in found
    assert PersonCandidate("Abbas Kamel", role="Egyptian intelligence chief") in found
    assert PersonCandidate("Yoav Gallant", role="Israel’s defense minister") in found


def test_surname_and_honorific_resolve_to_the_full_name() -> None:
    found = people(
        "Prime Minister Benjamin Netanyahu spoke first. Later Mr. Netanyahu and Netanyahu’s "
        "aides left."
    )
    assert {m.canonical for m in found.mentions} == {"Benjamin Netanyahu"}
    assert len(found.mentions) == 3


def test_middle_initial_is_dropped() -> None:
    assert clean_name("Antony J. Blinken") == "Antony Blinken"
    found = people("Secretary of State Antony J. Blinken arrived.")
    assert found.mentions[0].canonical == "Antony Blinken"


def test_known_people_win() -> None:
    known = (KnownPerson("sisi", "Abdel Fattah al-Sisi", aliases=("Sisi", "el-Sisi")),)
    found = people("Egypt’s President el-Sisi met the envoy. Sisi said little.", known)
    assert {m.canonical for m in found.mentions} == {"Abdel Fattah al-Sisi"}


def test_places_and_organisations_are_not_people() -> None:
    found = people(
        "The White House and the State Department said Khan Younis and Tel Aviv were hit. "
        "The Gaza Health Ministry in Gaza City agreed."
    )
    assert found.mentions == []


def test_glued_machine_translation() -> None:
    text = "The Secretary of State, Antony Blinkencalled for calm. Blinken left."
    found = people(text)
    assert found.mentions[0].canonical == "Antony Blinken"


def test_title_case_headline_is_not_a_name() -> None:
    text = "Blinken Meets With Netanyahu in Tel Aviv\nAntony Blinken met Netanyahu."
    names = {p.name for p in extract_article(text).people}
    assert "Blinken Meets" not in names


def test_empty_known_list_proposes_people() -> None:
    found = extract_article("“Enough,” said Umm Ahmed, a mother of three.").people
    assert [p.name for p in found] == ["Umm Ahmed"]


def test_role_before_the_name() -> None:
    text = "Mr. Blinken spoke with Egypt’s foreign minister, Sameh Shoukry."
    found = extract_article(text).people
    assert PersonCandidate("Sameh Shoukry", role="Egypt’s foreign minister") in found


def test_bare_surnames_among_many_known_people() -> None:
    # more than 40 forms to look for: one scan with a regex, compiled once for the list
    known = tuple(
        KnownPerson(f"p{i}", f"Adam Kal{a}{b}")
        for i, (a, b) in enumerate(zip("bcdefgh" * 9, "ijklmnopq" * 7, strict=False))
    ) + (KnownPerson("benny-gantz", "Benny Gantz"),)
    text = "Gantz said no, and Kalbi spoke before Gantz’s aides left."
    for _ in range(2):  # the second time with the index and the scan kept
        found = people(text, known)
        assert [(m.canonical, m.possessive) for m in found.mentions] == [
            ("Benny Gantz", False),
            ("Adam Kalbi", False),
            ("Benny Gantz", True),
        ]


def test_one_person_one_id_under_a_short_first_name_or_another_spelling() -> None:
    known = (
        KnownPerson("matt-miller", "Matt Miller", role="State Department spokesman"),
        KnownPerson("sisi", "Abdel Fattah al-Sisi", ("Sisi",), role="President of Egypt"),
    )
    text = (
        "State Department spokesperson Matthew Miller said the talks went on.\n\n"
        "Egyptian President Abdel Fattah el-Sissi met the envoy. Sissi asked for calm.\n\n"
        "Christopher Miller, a former acting defense secretary, disagreed."
    )
    found = [p.name for p in extract_article(text, people=known).people]
    assert found == ["Christopher Miller"]  # a different first name is another person
    p = people(text, known)
    assert {m.canonical for m in p.mentions if "Sis" in m.name} == {"Abdel Fattah al-Sisi"}


def test_suffixes_fields_of_titles_and_ships_are_no_part_of_a_person() -> None:
    text = (
        "Secretary of Defense Lloyd J. Austin III called Gallant. Austin stressed restraint.\n\n"
        "Our Special Envoy for Humanitarian Affairs Lise Grande joined the talks.\n\n"
        "The tanker Sounion Star was struck, and the vessel Blue Lagoon was hit.\n\n"
        "The Integrated Food Security Phase Classification said famine was near."
    )
    found = [p.name for p in extract_article(text).people]
    assert "Lloyd Austin" in found and "Austin" not in found
    assert "Lise Grande" in found
    assert not any("Sounion" in n or "Lagoon" in n or "Affairs" in n for n in found)
    assert not any("Classification" in n for n in found)


def test_names_with_letters_beyond_ascii() -> None:
    known = (KnownPerson("volker-turk", "Volker Turk", role="U.N. human rights chief"),)
    text = (
        "“The situation is appalling,” U.N. Secretary-General António Guterres said.\n\n"
        "“We need a ceasefire now,” said Volker Türk, the U.N. rights chief. Türk added that "
        "“no one is safe.”\n\nTurkish President Recep Tayyip Erdoğan said Israel “must stop.”"
    )
    found = extract_article(text, people=known)
    assert [q.speaker for q in found.quotes] == [
        "António Guterres",
        "Volker Turk",
        "Volker Turk",
        "Recep Tayyip Erdoğan",
    ]
    assert [p.name for p in found.people] == ["António Guterres", "Recep Tayyip Erdoğan"]


def test_one_person_one_id_within_an_article() -> None:
    text = (
        "Matthew Miller, the State Department spokesman, spoke on Monday. “We are close,” "
        "Matt Miller said.\n\nEgyptian President Abdel Fattah el-Sissi met Blinken. Abdel "
        "Fattah al-Sisi said “enough.”\n\nMark Miller, a farmer, disagreed."
    )
    found = extract_article(text)
    assert [q.speaker for q in found.quotes] == ["Matthew Miller", "Abdel Fattah el-Sissi"]
    assert [p.name for p in found.people] == [
        "Matthew Miller",
        "Abdel Fattah el-Sissi",
        "Mark Miller",
    ]


def test_a_rank_between_the_role_and_the_name_is_neither() -> None:
    def named(text: str) -> list[tuple[str, str | None]]:
        return [(p.name, p.role) for p in extract_article(text).people]

    assert named("It was said by White House Press Secretary Brig. Gen. Dana Whitfield.") == [
        ("Dana Whitfield", "White House Press Secretary")
    ]
    assert named("Army spokesman Rear Adm. Noam Tal said it.") == [("Noam Tal", "Army spokesman")]
    # a rank that is the whole role stays one
    assert named("Retired General Mark “Buzz” Hollis said it.") == [
        ("Mark Hollis", "Retired General")
    ]


def test_a_spokesperson_title_is_no_part_of_the_name() -> None:
    def named(text: str) -> list[tuple[str, str | None]]:
        return [(p.name, p.role) for p in extract_article(text).people]

    assert named("Foreign Ministry Deputy Spokeswoman Lina Haddad said it.") == [
        ("Lina Haddad", "Deputy Spokeswoman")
    ]
    assert named("Army Spokesman Omar Nasser said it.")[0][0] == "Omar Nasser"


def test_a_first_name_in_initials_after_a_rank() -> None:
    def names(text: str) -> list[str]:
        return [p.name for p in extract_article(text).people]

    assert names("Navy Vice Adm. TJ Kerr said the ships were ready.") == ["TJ Kerr"]
    assert names("Marine Corps Commandant Gen. R.B. Hale said it.") == ["R.B. Hale"]
    # the service and rank before the name are its role, not a person of their own
    assert names("Space Board Chairman Air Force Gen. DL Moss said it.") == ["DL Moss"]
    # capitals after no title are no initials: "UN Women" is an agency
    assert names("UN Women said it. The IDF Spokesman Avi Dror said it.") == ["Avi Dror"]
