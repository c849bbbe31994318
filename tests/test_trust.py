"""What a reader must be able to trust on the site built from the project's own data:
back-translations marked on the quote and kept apart, no quote without a speech tag,
contexts never cut inside a sentence, dates labelled, figures in readers' words, chart
rows that mean one thing each, hashes shown as written, people listed as they are."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from conftest import REPO, copy_project
from shuttle.checks import consistency, run_checks
from shuttle.dates import long_day
from shuttle.extract.lexicon import SPEECH_VERBS
from shuttle.paths import Paths
from shuttle.site.pages.assemble import Generated, render_site
from shuttle.site.pages.context import contexts
from shuttle.site.pages.corrections import last_updated
from shuttle.site.pages.view import View

LABEL = "Translated; not the speaker's exact words."


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("trust") / "project")


@pytest.fixture(scope="module")
def view(project: Path) -> View:
    store, _ = run_checks(Paths(project))
    return View.of(store, preview=False, disagreements=consistency.find(store))


@pytest.fixture(scope="module")
def site(view: View, tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return render_site(view, cache=tmp_path_factory.mktemp("cache"))


def _figures(page: str) -> list[str]:
    """The quote blocks (<figure class="shuttle-quote ...">) of a page's Markdown."""
    return re.findall(r'<figure class="shuttle-quote.*?</figure>', page, re.S)


def test_the_data_has_translated_quotes(view: View) -> None:
    assert any(q.translated for q in view.quotes), "nothing left to test"


def test_translated_quotes_are_marked_on_the_quote_and_kept_apart(
    view: View, site: Generated
) -> None:
    translated = {q.quote.id for q in view.quotes if q.translated}
    quotes_page = "".join(md for path, md in site.pages.items() if path.startswith("quotes"))
    apart = quotes_page.index("{ #translated }")
    for block in _figures(quotes_page):
        quote_id = re.search(r'id="([^"]+)"', block)
        assert quote_id is not None
        if quote_id.group(1) in translated:
            assert LABEL in block, block
            assert quotes_page.index(block) > apart, "a translation among verbatim quotes"
            assert (
                "“" + next(q.quote.text for q in view.quotes if q.quote.id == quote_id.group(1))
                not in block
            )
        else:
            assert LABEL not in block
            assert quotes_page.index(block) < apart, "a verbatim quote among translations"


def test_no_published_quote_without_a_speech_tag(view: View) -> None:
    """The paragraph a quote is published from says who spoke: a speech verb ("said",
    "calling") or the attribution an editor recorded. Or the paragraph is the quote
    itself, opening with its mark, going on from a paragraph that attributed the words
    before it (the newspaper convention). A phrase in quote marks inside a sentence of
    the reporter's own, with no one said to have said it, is never a quote."""
    for q in view.quotes:
        text = q.paragraph_text()
        words = set(re.findall(r"[a-z]+", text.lower()))
        start = q.paragraph.start if q.paragraph else q.quote.start
        before = q.article.text[:start].rstrip()[-600:].split("\n")[-1]
        goes_on = text.lstrip()[:1] in '“"' and bool(
            set(re.findall(r"[a-z]+", before.lower())) & SPEECH_VERBS
        )
        assert q.quote.cue or words & SPEECH_VERBS or goes_on, (
            q.source.id, q.quote.id, q.quote.text,
        )  # fmt: skip


def test_a_context_is_never_cut_inside_a_sentence(view: View) -> None:
    for item in view.quotes:
        sentence = unescape(re.sub(r"<[^>]+>", "", contexts([item])[item.quote.id]))
        para = item.paragraph_text()
        rest = para[para.index(sentence) + len(sentence) :] if sentence in para else ""
        # what follows in the paragraph starts a sentence of its own: it does not close
        # a quotation it never opened
        nxt = rest.lstrip().split(". ")[0]
        closes, opens = nxt.find("”"), nxt.find("“")
        assert closes == -1 or -1 < opens < closes, (item.quote.id, sentence, rest[:60])


def test_a_quote_says_whether_its_date_is_the_day_said_or_reported(
    view: View, site: Generated
) -> None:
    quotes_page = "".join(md for path, md in site.pages.items() if path.startswith("quotes"))
    for q in view.quotes:
        block = next(b for b in _figures(quotes_page) if f'id="{q.quote.id}"' in b)
        expected = "said " if q.quote.said_on else "reported "
        assert expected + re.sub(r"^0", "", q.when.split(" ", 1)[1]) in block


def test_figures_are_in_readers_words(site: Generated) -> None:
    raw = re.compile(
        r"hostages taken, |killed, people|\| (?:hostages|prisoners) (?:taken|released|held) \|"
        r"|hostages_|prisoners_released"
    )
    for path, md in site.pages.items():
        if path.startswith(("figures", "trips/", "sources/")):
            assert not raw.search(md), (path, raw.search(md))


def test_each_chart_row_means_one_thing(site: Generated) -> None:
    spec = json.loads(site.files["assets/charts/israel-hostages.vl.json"])
    points = spec["datasets"]["figures"]
    by_row: dict[str, set[str]] = {}
    for p in points:
        by_row.setdefault(p["measure"], set()).add(p["who"].lower())
    for row, who in by_row.items():
        kinds = {"detainee" if "detainee" in w else "prisoner" for w in who if "prison" in w}
        kinds |= {"detainee" for w in who if "detainee" in w}
        assert len(kinds) <= 1, (row, who)


def test_people_quoted_come_before_those_never_quoted(view: View, site: Generated) -> None:
    people = site.pages["people.md"]
    quoted = {q.speaker.id for q in view.quotes if q.speaker}
    headings = re.findall(r"^## .*\{ #([^ ]+) \}", people, re.M)
    cut = headings.index("not-quoted") if "not-quoted" in headings else len(headings)
    assert set(headings[:cut]) <= quoted
    assert not set(headings[cut + 1 :]) & quoted
    # a role is a paragraph of its own: never run into what follows it
    assert "No published quotes." not in people
    for line in people.splitlines():
        if 'class="shuttle-role"' in line:
            assert line.endswith("</p>"), line


def test_the_timeline_is_cards_not_quotes(view: View, site: Generated) -> None:
    timeline = {p: md for p, md in site.pages.items() if p.startswith("timeline")}
    text = "".join(timeline.values())
    assert "shuttle-quote" not in text and "<blockquote" not in text and "\n> " not in text
    cards = re.findall(r'<div class="shuttle-card[^"]*" id="([^"]+)"', text)
    assert cards.count("trip-1") == 1
    assert len(cards) == len(view.trips) + len(view.events)
    for trip in view.trips:  # each trip card links to its chapter
        card = text[text.index(f'id="trip-{trip.ordinal}"') :].split("</div>")[0]
        assert f"trip-{trip.ordinal:02d}/" in card


def test_trip_pages_are_chapters(view: View, site: Generated) -> None:
    for n, trip in enumerate(view.trips):
        page = site.pages[f"trips/trip-{trip.ordinal:02d}.md"]
        nav = page.split('<nav class="shuttle-chapters"', 1)[1].split("</nav>", 1)[0]
        assert ('rel="prev"' in nav) == (n > 0)
        assert ('rel="next"' in nav) == (n < len(view.trips) - 1)
        assert "shuttle-quote" not in page  # quotes in full live on the quotes page
        quotes = [q for q in view.quotes if q.trip == trip]
        if quotes:
            assert f"quotes.md#trip-{trip.ordinal}" in page or "quotes/page-" in page
        if trip.sought:
            assert "## What he sought" in page
        if trip.summary:
            assert "## What came of it" in page


def test_the_headline_count_and_the_chart_agree(view: View, site: Generated) -> None:
    """The home page's big number is the chart's last count (the day Blinken left
    office); the Ministry's latest count is there too, dated, apart."""
    spec = json.loads(site.files["assets/charts/death-toll.vl.json"])
    ends = {row["measure"]: row for row in spec["datasets"]["line_ends"]}
    killed = next(row for name, row in ends.items() if "illed" in name)
    home = unescape(site.pages["index.md"])
    headline = re.search(r'<p class="shuttle-key-number">([\d,]+)</p>', home)
    assert headline is not None
    assert headline.group(1) in killed["label"], (headline.group(1), killed["label"])
    latest = view.series[-1]
    if latest.date.isoformat() > killed["day"]:
        assert f"{latest.killed_filled:,}" in home and long_day(latest.date) in home


def test_the_site_is_named_for_readers() -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    name = re.search(r"^site_name: (.+)$", config, re.M)
    assert name is not None and "Shuttle" not in name.group(1)


def test_last_updated_comes_from_the_data(view: View, site: Generated) -> None:
    newest = last_updated(view)
    assert newest is not None and newest <= max(
        [r.date for r in view.series] + [s.published for s in view.sources.values()]
        + [c.date for c in view.store.corrections]
    )  # fmt: skip
    assert f"Last updated {long_day(newest)}" in unescape(site.pages["index.md"])


def test_the_corrections_page_lists_every_correction(view: View, site: Generated) -> None:
    page = site.pages["corrections.md"]
    assert view.store.corrections, "data/corrections.yml holds none"
    for c in view.store.corrections:
        assert long_day(c.date) in unescape(page)
        assert " ".join(c.why.split()[:4]) in page
    assert 'href="corrections/"' in site.pages["index.md"]
