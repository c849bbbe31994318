"""context: every quote in the sentence that carries it, as the extractors cut the article
(one segmentation, shuttle.text's), each article segmented once per build."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from shuttle.checks import consistency, run_checks
from shuttle.extract import article as extractor
from shuttle.paths import Paths
from shuttle.site.pages import context
from shuttle.site.pages.assemble import render_site
from shuttle.site.pages.view import View
from shuttle.text import quotemarks

FIXTURE = Path(__file__).parent / "fixtures" / "project"
REPO = Path(__file__).parents[1]


def _view(root: Path) -> View:
    store, _ = run_checks(Paths(root))
    return View.of(store, preview=False, disagreements=consistency.find(store))


@pytest.mark.parametrize("root", [FIXTURE, REPO])
def test_a_build_segments_each_article_of_its_quotes_once(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page that shows a quote in its sentence (the quotes listing in parts, the
    people, the trips) takes it from one segmentation of its article: the extractors'.
    Once, for as long as the text is the same: generating again (as serve does after
    every saved edit) segments nothing again."""
    assert context.article_segments is extractor.article_segments is quotemarks.article_segments
    calls: list[str] = []

    def counted(text: str, *args: Any) -> Any:
        calls.append(text)
        return quotemarks.article_segments(text, *args)

    monkeypatch.setattr(context, "article_segments", counted)
    context.segments_of.cache_clear()
    view = _view(root)
    render_site(view, site_url="https://example.org/", cache=tmp_path)
    render_site(_view(root), site_url="https://example.org/", cache=tmp_path)
    quoted = {item.article.text for item in view.quotes}
    assert quoted and sorted(calls) == sorted(quoted)


def test_a_quote_without_marks_is_shown_in_its_own_sentence_alone() -> None:
    """A transcript's words carry no quote marks: the sentence after them is not theirs
    (it was, when the pages cut sentences around the published quotes alone: 35 of the
    seed's 148 quotes were shown with the next sentence as if it were theirs)."""
    view = _view(REPO)
    unmarked = [q for q in view.quotes if q.article.text[q.quote.start - 1] not in "“\"‘'"]
    assert unmarked
    shown = context.contexts(unmarked)
    for item in unmarked:
        text = unescape(re.sub(r"<[^>]+>", "", shown[item.quote.id]))
        _, segments = quotemarks.article_segments(item.article.text)
        start = segments.sentence_at(item.quote.start)[0]
        end = segments.sentence_at(max(item.quote.start, item.quote.end - 1))[1]
        assert text == item.article.text[min(start, item.quote.start) : max(end, item.quote.end)]
