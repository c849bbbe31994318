"""context: every quote in the sentence that carries it, each article segmented once."""

from __future__ import annotations

from pathlib import Path

import pytest

from shuttle.checks import consistency, run_checks
from shuttle.paths import Paths
from shuttle.site.pages import context, render_site
from shuttle.site.pages.view import View
from shuttle.text import segments

FIXTURE = Path(__file__).parent / "fixtures" / "project"


@pytest.mark.parametrize("root", [FIXTURE, Path(__file__).parents[1]])
def test_a_build_segments_each_article_of_its_quotes_once(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page that shows a quote in its sentence (the quotes listing in parts, the
    people, the trips) takes it from one segmentation of its article, by shuttle.text."""
    assert context.segment is segments.segment
    calls: list[str] = []

    def counted(text: str, *args: object, **kwargs: object) -> segments.Segments:
        calls.append(text)
        return segments.segment(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(context, "segment", counted)
    store, _ = run_checks(Paths(root))
    view = View.of(store, preview=False, disagreements=consistency.find(store))
    render_site(view, site_url="https://example.org/", cache=tmp_path)
    quoted = {item.article.text for item in view.quotes}
    assert quoted and sorted(calls) == sorted(quoted)
