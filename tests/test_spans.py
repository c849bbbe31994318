"""spans: an editor's words located in an article, as the article's own characters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shuttle.problems import ProblemError
from shuttle.records.spans import locate, nearest, occurrences

TEXT = (
    "SECRETARY BLINKEN: Good afternoon.\n"
    "Today \u2013 today \u2013 marks the seventh day of the pause.  We\u2019re working to extend"
    " the pause.\n"
    "QUESTION: Will the pause hold?\n"
)


def test_exact_words_give_their_offsets_and_line() -> None:
    span = locate(TEXT, "marks the seventh day", "seeds/x.txt")
    assert TEXT[span.start : span.end] == span.text == "marks the seventh day"
    assert span.line == 2


def test_typed_quotes_dashes_and_spaces_find_the_articles_characters() -> None:
    span = locate(TEXT, "Today - today - marks", "seeds/x.txt")
    assert span.text == "Today \u2013 today \u2013 marks"
    span = locate(TEXT, "pause. We're working", "seeds/x.txt")
    assert span.text == "pause.  We\u2019re working"
    assert TEXT[span.start : span.end] == span.text


def test_words_not_there_name_the_nearest_match_and_where_they_differ() -> None:
    with pytest.raises(ProblemError) as caught:
        locate(TEXT, "marks the eighth day of the pause", "seeds/x.txt")
    (problem,) = caught.value.problems
    assert (problem.code, problem.file, problem.line) == ("E601", "seeds/x.txt", 2)
    assert "the seventh day" in problem.message and "eighth" in problem.message
    start = TEXT.index("marks the seventh")
    assert f"characters {start}-" in problem.message


def test_nothing_alike_says_so_without_a_nearest() -> None:
    assert nearest(TEXT, "zqxj") is None
    with pytest.raises(ProblemError) as caught:
        locate(TEXT, "zqxj", "seeds/x.txt")
    assert "nor anything like them" in caught.value.problems[0].message


def test_words_there_twice_list_every_occurrence_and_how_to_choose() -> None:
    with pytest.raises(ProblemError) as caught:
        locate(TEXT, "the pause", "seeds/x.txt")
    (problem,) = caught.value.problems
    assert problem.code == "E602" and "occur 3 times" in problem.message
    assert "--nth" in problem.message and "--after" in problem.message
    assert [s.start for s in occurrences(TEXT, "the pause")] == [
        i for i in range(len(TEXT)) if TEXT.startswith("the pause", i)
    ]


def test_nth_and_after_choose_an_occurrence() -> None:
    all_three = occurrences(TEXT, "the pause")
    assert locate(TEXT, "the pause", "s", nth=2) == all_three[1]
    assert locate(TEXT, "the pause", "s", after="Will") == all_three[2]
    assert locate(TEXT, "the pause", "s", after="to extend") == all_three[1]
    with pytest.raises(ProblemError) as caught:
        locate(TEXT, "the pause", "s", nth=4)
    assert caught.value.problems[0].code == "E602"
    with pytest.raises(ProblemError) as caught:
        locate(TEXT, "the pause", "s", after="hold?")
    assert caught.value.problems[0].code == "E601"


@given(st.text(max_size=80), st.integers(0, 79), st.integers(1, 20))
def test_any_span_of_any_text_is_found_at_its_characters(text: str, at: int, size: int) -> None:
    words = text[at : at + size].strip()
    if not words:
        return
    for span in occurrences(text, words):
        assert text[span.start : span.end] == span.text
    assert any(s.start <= text.find(words) < s.end for s in occurrences(text, words))
