"""Pages: golden Markdown for each page family, preview marking, and citation links.

Golden files live in tests/golden/pages/; after an intended change to the pages, run
`UPDATE_GOLDEN=1 pytest tests/test_pages.py` and review the diff before committing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import TEST_SITE_URL
from shuttle.checks import consistency, run_checks
from shuttle.paths import Paths
from shuttle.site.pages.assemble import Generated, render_site
from shuttle.site.pages.view import View

HERE = Path(__file__).parent
REPO = HERE.parent
FIXTURE = HERE / "fixtures" / "project"
GOLDEN = HERE / "golden" / "pages"
SITE_URL = "https://example.org/shuttle/"


def render_fixture(tmp: Path, *, preview: bool) -> Generated:
    store, problems = run_checks(Paths(FIXTURE))
    assert not [p for p in problems if p.severity == "error"], problems
    view = View.of(store, preview=preview, disagreements=consistency.find(store))
    return render_site(view, site_url=SITE_URL, cache=tmp / "cache")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return render_fixture(tmp_path_factory.mktemp("pages"), preview=False)


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return render_fixture(tmp_path_factory.mktemp("preview"), preview=True)


def golden_files(generated: Generated) -> dict[str, str]:
    files = dict(generated.pages)
    files.update({k: v for k, v in generated.files.items() if k.startswith("downloads/")})
    return files


def test_pages_match_golden(published: Generated) -> None:
    files = golden_files(published)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, content in files.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(content, encoding="utf-8")
    expected = {
        p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
        for p in GOLDEN.rglob("*")
        if p.is_file()
    }
    assert sorted(files) == sorted(expected), "page families changed"
    for name, content in files.items():
        assert content == expected[name], f"{name} differs from its golden copy"


def test_every_page_family_is_generated(published: Generated) -> None:
    pages = set(published.pages)
    for family in (
        "index.md",
        "timeline.md",
        "trips/index.md",
        "figures.md",
        "quotes.md",
        "people.md",
        "sources/index.md",
        "disagreements.md",
        "data.md",
    ):
        assert family in pages
    # a page per trip, including trips no article covers, and a page per source
    assert {f"trips/trip-0{n}.md" for n in (1, 2, 3)} <= pages
    assert "canonical trip list alone" in published.pages["trips/trip-01.md"]
    assert "canonical trip list alone" not in published.pages["trips/trip-03.md"]
    assert {"sources/wire-2023-11-20-alpha.md", "sources/daily-2023-11-21-beta.md"} <= pages


def test_candidates_only_in_preview_and_marked(published: Generated, preview: Generated) -> None:
    assert "constructive" not in published.pages["quotes.md"]
    assert "constructive" in preview.pages["quotes.md"]
    assert "candidate: not yet verified" in preview.pages["quotes.md"]
    assert "shuttle-candidate" in preview.pages["sources/wire-2023-11-20-alpha.md"]
    assert "shuttle-candidate" not in published.pages["sources/wire-2023-11-20-alpha.md"]


def test_disagreements_are_published_with_both_sides(published: Generated) -> None:
    page = published.pages["disagreements.md"]
    assert "Ministry" in page
    assert "16,000" in page and "14,000" in page
    assert "sources/daily-2023-11-21-beta.md#p3" in page


def test_downloads_carry_citations(published: Generated) -> None:
    quotes_csv = published.files["downloads/quotes.csv"]
    assert f"{SITE_URL}sources/wire-2023-11-20-alpha/#p2" in quotes_csv
    assert "constructive" not in quotes_csv  # a candidate: not published


# --- the built site: every published quote and figure links to its highlighted paragraph ---


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.ids: dict[str, str] = {}  # paragraph id -> its text inside <mark>s
        self._para: str | None = None
        self._open: list[str] = []  # the text of each mark open here, outermost first

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "a" and attr.get("href"):
            self.hrefs.append(attr["href"] or "")
        if tag == "p" and (attr.get("id") or "").startswith("p"):
            self._para = attr["id"]
            self.ids[self._para or ""] = ""
        if tag == "mark" and self._para:
            self._open.append("")  # marks nest: each one's text is kept whole

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._open:
            if self._para:
                self.ids[self._para] += self._open.pop() + "\x00"  # separates marks
        if tag == "p":
            self._para = None

    def handle_data(self, data: str) -> None:
        if self._para:
            self._open = [piece + data for piece in self._open]


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _all_parts(site: Path, name: str) -> _Links:
    links = parse(site / name / "index.html")
    for part in sorted((site / name).glob("page-*/index.html")):
        # a part's links are one folder deeper: ../../sources/x/ is ../sources/x/ from part 1
        links.hrefs += [h.replace("../../", "../", 1) for h in parse(part).hrefs]
    return links


def build_copy(source: Path, tmp: Path) -> Path:
    """Build a project (its seeds/ and data/) with the repository's site config."""
    project = tmp / "project"
    shutil.copytree(source / "seeds", project / "seeds")
    shutil.copytree(source / "data", project / "data")
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    subprocess.run(
        [sys.executable, "-m", "shuttle.cli", "--root", str(project), "build"]
        + ["--site-url", TEST_SITE_URL],  # under CI a build is one to publish
        check=True,
        capture_output=True,
    )
    return project


@pytest.mark.slow
@pytest.mark.parametrize("source", [FIXTURE, REPO], ids=["fixture", "repository"])
def test_published_facts_link_to_their_highlighted_paragraph(source: Path, tmp_path: Path) -> None:
    project = build_copy(source, tmp_path)
    site = project / "build" / "site"
    store, _ = run_checks(Paths(project))
    view = View.of(store, preview=False)
    assert view.quotes or source == REPO, "the fixture publishes quotes"
    # a listing in parts: its links are those of every part (quotes/, quotes/page-N/)
    pages = {name: _all_parts(site, name) for name in ("quotes", "figures")}
    for items, page in ((view.quotes, "quotes"), (view.figures, "figures")):
        for item in items:
            record = getattr(item, "quote", None) or getattr(item, "figure")  # noqa: B009
            assert item.paragraph is not None, f"{record.id} is not inside a paragraph"
            target = f"../sources/{item.source.id}/#{item.paragraph.anchor}"
            assert target in pages[page].hrefs, f"{record.id}: no link {target} on {page}/"
            article = parse(site / "sources" / item.source.id / "index.html")
            marked = article.ids.get(item.paragraph.anchor)
            assert marked is not None, f"{target} does not exist"
            assert record.text in marked.split("\x00") or record.text in marked, (
                f"{record.id} is not highlighted in {target}"
            )


def test_paragraph_anchors_match_the_article_lines() -> None:
    store, _ = run_checks(Paths(FIXTURE))
    article = store.articles["wire-2023-11-20-alpha"]
    lines = [line for line in article.text.splitlines() if line.strip()]
    assert [article.text[p.start : p.end] for p in article.paragraphs] == lines
    assert re.fullmatch(r"p\d+", article.paragraphs[0].anchor)


UN_OFFICE = "United Nations Office for the Coordination of Humanitarian Affairs"


@pytest.mark.parametrize(
    ("name", "kind", "under"),
    [
        ("Antony Blinken", "person", "Blinken"),
        ("King Abdullah II", "person", "Abdullah"),
        ("Martin Luther King Jr.", "person", "King"),
        ("Pope Leo XIV", "person", "Leo"),
        ("The State Department", "organisation", "State Department"),
        ("Egyptian presidency", "organisation", "Egyptian presidency"),
        (UN_OFFICE, "organisation", UN_OFFICE),
    ],
)
def test_people_are_alphabetised_as_readers_look_them_up(name: str, kind: str, under: str) -> None:
    from shuttle.records.schema import Person
    from shuttle.site.pages.quotes import sort_name

    assert sort_name(Person(id="x", name=name, kind=kind, status="verified")) == under


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 12)), max_size=6))
def test_highlight_keeps_nested_facts_whole_and_never_crosses_tags(
    ranges: list[tuple[int, int]],
) -> None:
    """A fact inside another is a mark inside its mark (the outer one stays whole); a fact
    crossing another is cut only there; the text reads as the paragraph, tags balanced."""
    from html.parser import HTMLParser
    from types import SimpleNamespace

    from shuttle.records.sources import Paragraph
    from shuttle.site.pages.sources import Span, highlight

    body = "abcdefghijklmnopqrstuvwxyz<&>\"'"
    spans = [Span(a, min(a + n, len(body)), f"c{i}", f"l{i}") for i, (a, n) in enumerate(ranges)]
    html = str(highlight(SimpleNamespace(text=body), Paragraph(1, 0, len(body)), spans))  # type: ignore[arg-type]

    class Marks(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.text, self.open, self.pieces = "", [], {}  # type: str, list[str], dict[str, list[str]]

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.open.append(dict(attrs)["class"] or "")
            self.pieces.setdefault(self.open[-1], []).append("")

        def handle_endtag(self, tag: str) -> None:
            self.open.pop()

        def handle_data(self, data: str) -> None:
            self.text += data
            for css in self.open:
                self.pieces[css][-1] += data

    marks = Marks()
    marks.feed(html)
    assert marks.text == body and not marks.open
    for span in spans:
        if span.start >= span.end:
            continue
        crossed = any(
            o.start < span.start < o.end < span.end or span.start < o.start < span.end < o.end
            for o in spans
        )
        whole = body[span.start : span.end]
        assert "".join(marks.pieces[span.css]) == whole
        if not crossed:
            assert marks.pieces[span.css] == [whole]
