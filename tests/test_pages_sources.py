"""pages.sources: a source's page publishes its full text only where its licence allows;
otherwise only the paragraphs published facts cite, numbered, with markers for the rest.
The last test reads every source page of the built site."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from shuttle.checks import consistency, run_checks
from shuttle.paths import Paths
from shuttle.records import cites
from shuttle.records.licences import terms
from shuttle.records.schema import Source, TripCites
from shuttle.records.sources import make_article
from shuttle.records.store import Store
from shuttle.site.pages.assemble import render_site
from shuttle.site.pages.sources import shown_paragraphs
from shuttle.site.pages.view import View

FIXTURE = Path(__file__).parent / "fixtures" / "project"
ALPHA = "wire-2023-11-20-alpha"  # copyright: cited paragraphs only
BETA = "daily-2023-11-21-beta"  # public domain: the full text
PARA = re.compile(r'<p id="p(\d+)" class="shuttle-para">')


def test_shown_paragraphs_mark_each_run_left_out() -> None:
    source = Source.model_validate(
        {"id": "s", "file": "s.txt", "title": "t", "outlet": "o", "published": "2024-01-01",
         "event_date": "2024-01-01", "sha256": "0" * 64}
    )  # fmt: skip
    article = make_article(source, "".join(f"para {n}\n" for n in range(1, 8)), "0" * 64)
    shown = shown_paragraphs(article, {2, 3, 6})
    assert [p if isinstance(p, str) else p.number for p in shown] == [
        "paragraph 1 left out",
        2,
        3,
        "paragraphs 4–5 left out",
        6,
        "paragraph 7 left out",
    ]
    assert [p.number for p in shown_paragraphs(article, None)] == [1, 2, 3, 4, 5, 6, 7]  # type: ignore[union-attr]
    assert shown_paragraphs(article, set()) == ["paragraphs 1–7 left out"]


def fixture_pages(
    tmp_path: Path, *, preview: bool, allow: list[str] | None = None
) -> dict[str, str]:
    store, problems = run_checks(Paths(FIXTURE))
    assert not [p for p in problems if p.severity == "error"], problems
    if allow is not None:
        store.full_text_licences = allow
    view = View.of(store, preview=preview, disagreements=consistency.find(store))
    return render_site(view, site_url="https://example.org/", cache=tmp_path / "cache").pages


def numbers(page: str) -> list[int]:
    return [int(n) for n in PARA.findall(page)]


def test_a_source_not_free_to_publish_shows_only_its_cited_paragraphs(tmp_path: Path) -> None:
    pages = fixture_pages(tmp_path, preview=False)
    alpha, beta = pages[f"sources/{ALPHA}.md"], pages[f"sources/{BETA}.md"]
    # alpha: ¶1 the trip claim, ¶2 a verified quote, ¶3 verified figures; ¶4 holds only a
    # candidate quote, and the trip list cites ¶1-2
    assert numbers(alpha) == [1, 2, 3]
    assert "paragraph 4 left out" in alpha and "Only the cited paragraphs" in alpha
    assert "does not allow republishing it" in alpha and "3 of its 4" in alpha
    assert "Officials described the talks" not in alpha  # ¶4's words
    assert numbers(beta) == [1, 2, 3] and "left out" not in beta
    assert "public domain (invented for the tests)" in beta and "shows the full text" in beta


def test_a_licence_the_editor_allows_publishes_the_full_text(tmp_path: Path) -> None:
    pages = fixture_pages(tmp_path, preview=False, allow=["Copyright Test Wire"])
    assert numbers(pages[f"sources/{ALPHA}.md"]) == [1, 2, 3, 4]


def test_the_preview_shows_editors_the_full_text_and_says_so(tmp_path: Path) -> None:
    alpha = fixture_pages(tmp_path, preview=True)[f"sources/{ALPHA}.md"]
    assert numbers(alpha) == [1, 2, 3, 4] and "Preview: full text" in alpha


def cited(store: Store, source_id: str) -> set[int]:
    """What published facts cite of a source, from the data (not from the pages code)."""
    article = store.articles[source_id]
    starts: list[int] = []
    data = store.article_data.get(source_id)
    if data is not None:
        records = [*data.quotes, *data.figures, *data.events]
        starts += [r.start for r in records if r.status == "verified"]
        claim = data.trip_claim
        if claim is not None and claim.status == "verified" and claim.start is not None:
            starts.append(claim.start)
    numbers = {p.number for s in starts if (p := article.paragraph_at(s)) is not None}
    for trip in store.trips:
        for written in cites.of_trip(trip):
            cite = cites.parse(written.text)
            if cite is not None and cite.source_id == source_id:
                numbers.add(cite.paragraph)
    for found in consistency.find(store):
        for c in found.citations:
            if c.source_id == source_id and c.start is not None:
                para = article.paragraph_at(c.start)
                numbers |= {para.number} if para else set()
    return numbers


def page_text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def site_text(site: Path) -> str:
    """The words of every page, data file and search index of the built site."""
    texts = []
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".csv", ".xml", ".txt"):
            texts.append(page_text(path.read_text("utf-8")))
        elif path.suffix == ".json":
            data = json.loads(path.read_text("utf-8"))
            texts += [page_text(s) for s in strings(data)]
    return "\n".join(texts)


@pytest.mark.slow
def test_the_built_site_publishes_no_full_text_its_licence_does_not_allow(
    built_site: Path,
) -> None:
    store, _ = run_checks(Paths(built_site))
    assert store.sources
    text = site_text(built_site / "build" / "site")  # no page or file holds more
    excerpts, seen = 0, 0
    for source in store.sources:
        page = (built_site / "build/site/sources" / source.id / "index.html").read_text("utf-8")
        article = store.articles[source.id]
        shown = set(numbers(page))
        if terms(source, store.full_text_licences).full_text:
            assert shown == {p.number for p in article.paragraphs}, source.id
            continue
        excerpts += 1
        allowed = cited(store, source.id)
        assert shown <= allowed, (source.id, sorted(shown - allowed))
        for paragraph in article.paragraphs:
            words = " ".join(article.text[paragraph.start : paragraph.end].split())
            seen += paragraph.number in shown and words in text  # the scan finds what is there
            if paragraph.number in allowed or len(words) <= 40 or words == source.title:
                continue  # (a headline line is the page's title too)
            assert words not in text, (source.id, paragraph.number)
    assert excerpts, "the project has sources whose licence allows only excerpts"
    assert seen, "the cited paragraphs shown are found in the site's text"


def test_the_trips_index_counts_the_sources_a_trip_cites(tmp_path: Path) -> None:
    store, _ = run_checks(Paths(FIXTURE))
    second = next(t for t in store.trips if t.ordinal == 2)
    cited = second.model_copy(update={"cites": TripCites(dates=[f"{BETA}#p1"])})
    store.trips = [cited if t is second else t for t in store.trips]
    view = View.of(store, preview=False, disagreements=consistency.find(store))
    index = render_site(view, site_url="https://example.org/", cache=tmp_path).pages[
        "trips/index.md"
    ]
    counts = re.findall(r"^\| \[Trip (\d)\].*\| (\d+) \|$", index, re.MULTILINE)
    # trip 3: both fixture articles are about it; trip 2: none is, but it cites one
    assert counts == [("1", "0"), ("2", "1"), ("3", "2")]
