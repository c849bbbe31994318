"""mentions: the people an article names, with their roles."""

from __future__ import annotations

from shuttle.extract.mentions import scan
from shuttle.text.segments import segment


def test_scan_roles() -> None:
    text = "Egyptian intelligence chief Abbas Kamel met Gantz, a former army chief, in Cairo."
    found = {m.name: m.role for m in scan(text, segment(text))}
    assert found == {"Abbas Kamel": "Egyptian intelligence chief", "Gantz": "former army chief"}


def test_a_nickname_in_marks_is_no_part_of_the_name() -> None:
    text = "Army veteran Robert “Bobby” O’Neill Jr. said he would run. So did Jane “JJ” Doe."
    found = [m.name for m in scan(text, segment(text))]
    assert found == ["Robert O’Neill", "Jane Doe"]


def test_an_honorific_before_a_title_is_a_form_of_address() -> None:
    text = "Thank you, Mr. Secretary. We met Mr. Chairman at noon, then Mr. Major and Dr. Haddad."
    assert [m.name for m in scan(text, segment(text))] == ["Major", "Haddad"]
