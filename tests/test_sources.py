"""sources: an article's text as read, its sha256, and its paragraphs with their offsets."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shuttle.problems import ProblemError
from shuttle.records import sources
from shuttle.records.schema import Source

SOURCE = Source(
    id="s",
    file="s.txt",
    title="t",
    outlet="o",
    published=date(2024, 1, 9),
    event_date=date(2024, 1, 9),
    sha256="0" * 64,
)


def test_paragraphs_are_the_non_blank_lines_trimmed_and_numbered() -> None:
    text = "First line.\n\n   Second, indented.  \n\t\nThird\r\n"
    paragraphs = sources.paragraphs(text)
    assert [text[p.start : p.end] for p in paragraphs] == [
        "First line.",
        "Second, indented.",
        "Third",
    ]
    assert [p.number for p in paragraphs] == [1, 2, 3]
    assert [p.anchor for p in paragraphs] == ["p1", "p2", "p3"]


@given(st.text(alphabet=st.sampled_from("ab .\n\r\t\xa0\u2028\x1c"), max_size=60))
def test_a_citations_paragraph_is_the_one_the_extractors_and_pages_segment(text: str) -> None:
    """`#pN` lands on paragraph N of the one segmentation (shuttle.text) that the
    extractors cite and the pages show sentences from: the same spans, in order."""
    from shuttle.text.segments import paragraphs, segment

    spans = [(p.start, p.end) for p in sources.paragraphs(text)]
    assert spans == paragraphs(text)
    assert list(segment(text).paragraphs) == spans


def test_paragraph_at_finds_the_paragraph_of_an_offset() -> None:
    text = "One.\nTwo two.\n"
    article = sources.make_article(SOURCE, text, "x")
    assert article.paragraph_at(0) == article.paragraphs[0]
    assert article.paragraph_at(3) == article.paragraphs[0]
    assert article.paragraph_at(4) is None  # the newline between them
    assert article.paragraph_at(5) == article.paragraphs[1]
    assert article.paragraph_at(len(text)) is None
    assert sources.make_article(SOURCE, "", "x").paragraph_at(0) is None


@given(st.text(st.sampled_from("ab \n\t\r\u2028")))
def test_paragraphs_cover_every_word_once_in_order(text: str) -> None:
    paragraphs = sources.paragraphs(text)
    ends = [0]
    for p in paragraphs:
        assert ends[-1] <= p.start < p.end <= len(text)
        chunk = text[p.start : p.end]
        assert chunk == chunk.strip() and "\n" not in chunk
        ends.append(p.end)
    covered = "".join(text[p.start : p.end] for p in paragraphs)
    assert "".join(text.split()) == "".join(covered.split())


def test_read_article_hashes_the_bytes_as_stored(tmp_path: Path) -> None:
    raw = "Blinken’s fifth trip\r\nTwo\n".encode()
    (tmp_path / "s.txt").write_bytes(raw)
    article = sources.read_article(tmp_path / "s.txt", "seeds/s.txt", SOURCE)
    assert article.sha256 == hashlib.sha256(raw).hexdigest()
    assert article.text == raw.decode()
    assert len(article.paragraphs) == 2


@pytest.mark.parametrize(
    ("raw", "code"),
    [(b"", "E007"), (b"a\x00b", "E009"), (b"caf\xe9\n", "E006"), (b"x" * 2_000_001, "E008")],
)
def test_an_unusable_article_is_a_problem(tmp_path: Path, raw: bytes, code: str) -> None:
    (tmp_path / "s.txt").write_bytes(raw)
    with pytest.raises(ProblemError) as exc:
        sources.read_article(tmp_path / "s.txt", "seeds/s.txt", SOURCE)
    assert [(p.code, p.file) for p in exc.value.problems] == [(code, "seeds/s.txt")]


def test_a_changed_text_is_e206_where_its_hash_is_recorded() -> None:
    same = sources.make_article(SOURCE, "x", "0" * 64)
    assert sources.hash_problem(same, "seeds/sources.yml", 7) is None
    changed = sources.make_article(SOURCE, "x", "1" * 64)
    problem = sources.hash_problem(changed, "seeds/sources.yml", 7)
    assert problem is not None
    assert (problem.code, problem.file, problem.line) == ("E206", "seeds/sources.yml", 7)
    assert "seeds/s.txt" in problem.message


def test_unlisted_articles_are_the_txt_files_sources_yml_does_not_name(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sources.yml", "c.md"):
        (tmp_path / name).write_text("x")
    assert sources.unlisted_articles(tmp_path, {"a.txt"}) == ["b.txt"]
    assert sources.unlisted_articles(tmp_path / "missing", set()) == []


def test_require_folder(tmp_path: Path) -> None:
    sources.require_folder(tmp_path, "here")
    with pytest.raises(ProblemError) as exc:
        sources.require_folder(tmp_path / "seeds", "seeds")
    assert [(p.code, p.file) for p in exc.value.problems] == [("E005", "seeds")]


def test_each_article_is_cut_into_paragraphs_once_by_shuttle_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One implementation of `#pN` (shuttle.text's), run once per article as it is read,
    and not again when it is read again unchanged (serve reads data/ after every save)."""
    from conftest import REPO
    from shuttle.paths import Paths
    from shuttle.records.store import load_store
    from shuttle.text import segments

    assert sources.text_paragraphs is segments.paragraphs
    calls: list[str] = []

    def counted(text: str) -> list[tuple[int, int]]:
        calls.append(text)
        return segments.paragraphs(text)

    monkeypatch.setattr(sources, "text_paragraphs", counted)
    sources.make_article.cache_clear()
    store, _ = load_store(Paths(REPO))
    again, _ = load_store(Paths(REPO))
    assert all(again.articles[key] is article for key, article in store.articles.items())
    assert sorted(calls) == sorted(a.text for a in store.articles.values()) and calls


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="ab \n", max_size=8), max_size=8),
    st.integers(0, 80),
    st.integers(0, 80),
)
def test_the_paragraphs_a_span_falls_in_are_those_it_overlaps(
    lines: list[str], one: int, two: int
) -> None:
    """Found by bisection (a source page marks hundreds of spans in hundreds of
    paragraphs), the same as looking at every paragraph."""
    text = "\n".join(lines)
    article = sources.make_article(SOURCE, text, "0" * 64)
    start, end = min(one, two), max(one, two)
    every = [p for p in article.paragraphs if start < p.end and p.start < end]
    assert article.paragraphs_in(start, end) == every
