"""Transcripts: labelled turns become quotations of kind "transcript" (own wording, and
lines in the shape of the real State Department, Pentagon and White House transcripts of
../shared/dev-real)."""

from __future__ import annotations

from shuttle.extract import extract_article
from shuttle.extract.candidates import KnownPerson

KNOWN = (
    KnownPerson("antony-blinken", "Antony Blinken", ("Blinken",), "U.S. Secretary of State"),
    KnownPerson("matt-miller", "Matt Miller", (), "State Department spokesman"),
    KnownPerson("joe-biden", "Joe Biden", (), "President of the United States"),
    KnownPerson("sameh-shoukry", "Sameh Shoukry", (), "Egyptian Foreign Minister"),
)


def turns(text: str) -> list[tuple[str, str | None, bool, str | None]]:
    found = extract_article(text, people=KNOWN)
    out = []
    for q in found.quotes:
        assert text[q.start : q.end] == q.text
        if q.kind == "transcript":
            out.append((q.text, q.speaker, q.interpreted, q.cue))
    return out


def test_each_sentence_of_a_turn_is_the_labels_persons() -> None:
    text = (
        "10:15 a.m. EST\n\nSECRETARY BLINKEN:  Thank you all for coming.  We talked at length "
        "about the crossings.\n\nThe talks go on tomorrow.\n\nQUESTION:  Will you go to Rafah?"
        "\n\nMR. MILLER: We have time for one more. Go ahead."
    )
    assert turns(text) == [
        ("Thank you all for coming.", "Antony Blinken", False, "SECRETARY BLINKEN"),
        ("We talked at length about the crossings.", "Antony Blinken", False, "SECRETARY BLINKEN"),
        ("The talks go on tomorrow.", "Antony Blinken", False, "SECRETARY BLINKEN"),
        ("We have time for one more.", "Matt Miller", False, "MR. MILLER"),
        ("Go ahead.", "Matt Miller", False, "MR. MILLER"),
    ]


def test_dev_real_briefing_label() -> None:
    text = "3:00 p.m. EDT\n\nMR MILLER: Good afternoon, everyone. Start with some brief comments."
    assert [t[1] for t in turns(text)] == ["Matt Miller", "Matt Miller"]


def test_interpreted_turn_is_marked_and_the_note_is_no_part_of_the_words() -> None:
    text = (
        "FOREIGN MINISTER SHOUKRY:  (via interpreter) We welcome the Secretary to Cairo.\n\n"
        "PRIME MINISTER AL THANI:  (Via interpreter) In the name of Allah, peace and blessings "
        "be upon you."
    )
    assert turns(text) == [
        ("We welcome the Secretary to Cairo.", "Sameh Shoukry", True, "FOREIGN MINISTER SHOUKRY"),
        (
            "In the name of Allah, peace and blessings be upon you.",
            "Al Thani",
            True,
            "PRIME MINISTER AL THANI",
        ),
    ]


def test_a_full_label_names_the_later_short_ones() -> None:
    text = (
        "SECRETARY OF DEFENSE LLOYD J. AUSTIN III:  Good morning.\n\n"
        "Q:  Sir, will more ships go?\n\nSECRETARY AUSTIN:  No. (Laughter.) We have enough."
    )
    found = extract_article(text, people=KNOWN)
    assert [(q.text, q.speaker) for q in found.quotes] == [
        ("Good morning.", "Lloyd Austin"),
        ("No. (Laughter.)", "Lloyd Austin"),
        ("We have enough.", "Lloyd Austin"),
    ]
    assert [(p.name, p.role) for p in found.people] == [("Lloyd Austin", "Secretary of Defense")]


def test_title_case_label_of_the_presidency_and_the_office_holder() -> None:
    text = (
        "The President. Morning, everyone. How are you?\nQ. Are more coming out?\n"
        "The President. Yes."
    )
    assert [(t[0], t[1]) for t in turns(text)] == [
        ("Morning, everyone.", "Joe Biden"),
        ("How are you?", "Joe Biden"),
        ("Yes.", "Joe Biden"),
    ]


def test_prose_is_no_transcript() -> None:
    text = (
        "WASHINGTON: The talks resumed.\n\nWHITE HOUSE: A roundup.\n\nLatest developments:\n\n"
        "Mr. Blinken said the U.S. "
        "would press on.\n\nSecretary of Defense Lloyd J. Austin III called his counterpart.\n\n"
        "The U.S. has not provided a timetable."
    )
    assert turns(text) == []


def test_white_house_and_pentagon_labels_and_unnamed_speakers() -> None:
    text = (
        "Press Secretary Karine Jean-Pierre opened the briefing.\n\n"
        "MS. JEAN-PIERRE:  Good afternoon, everybody.\n\n"
        "Q    Karine, on Gaza, is the President frustrated?\n\n"
        "SENIOR ADMINISTRATION OFFICIAL:  Thanks for joining.\n\n"
        "MAJ. GEN. RYDER:  Good afternoon.\n\nTHE SECRETARY:  Thanks, Pat."
    )
    assert [(t[0], t[1]) for t in turns(text)] == [
        ("Good afternoon, everybody.", "Karine Jean-Pierre"),
        ("Thanks for joining.", None),  # an unnamed official: proposed, no speaker
        ("Good afternoon.", "Ryder"),
        ("Thanks, Pat.", "Antony Blinken"),
    ]


def test_a_shared_surname_is_told_apart_by_the_labels_title() -> None:
    known = (
        KnownPerson("tamim", "Tamim bin Hamad Al Thani", (), "Emir of Qatar"),
        KnownPerson("mbar", "Mohammed bin Abdulrahman Al Thani", (), "Qatari Prime Minister"),
    )
    text = "PRIME MINISTER AL THANI:  (via interpreter) Welcome to Doha.\n\nAMIR AL THANI: Thanks."
    found = extract_article(text, people=known)
    assert [q.speaker for q in found.quotes] == ["Mohammed bin Abdulrahman Al Thani", "Al Thani"]


def test_the_secretary_of_a_pentagon_transcript_is_not_the_secretary_of_state() -> None:
    briefing = (
        "Department of Defense press briefing.\n\n"
        "MAJ. GEN. RYDER:  Good afternoon.\n\nTHE SECRETARY:  Thanks, Pat.  We stand with Israel."
    )
    # the text names no secretary of defense: unnamed rather than Blinken
    assert [t[1] for t in turns(briefing)] == ["Ryder", None, None]
    named = briefing.replace(
        "press briefing.", "press briefing with Secretary of Defense Lloyd J. Austin III."
    )
    assert [t[1] for t in turns(named)] == ["Ryder", "Lloyd Austin", "Lloyd Austin"]
    # the State Department's own transcript: its secretary
    state = "State Department transcript.\n\nTHE SECRETARY:  We spoke to the Pentagon."
    assert [t[1] for t in turns(state)] == ["Antony Blinken"]


def test_the_president_is_no_foreign_president_the_text_names() -> None:
    text = (
        "The President met Abdel Fattah al-Sisi, the President of Egypt.\n\n"
        "THE PRESIDENT:  Thank you all."
    )
    assert [t[1] for t in turns(text)] == ["Joe Biden"]
