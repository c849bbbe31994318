"""The Sources pages: the list of articles, and each article's text with its facts marked."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from markupsafe import Markup

from shuttle.dates import long_day
from shuttle.records import cites
from shuttle.records.licences import terms
from shuttle.records.schema import TripClaim
from shuttle.records.sources import Article, Paragraph
from shuttle.site.pages import ownsize, paging
from shuttle.site.pages import view as v
from shuttle.site.pages.env import Links, macro, render
from shuttle.site.pages.escape import text
from shuttle.site.pages.paging import Paged, Unit


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    css: str  # "shuttle-quote" or "shuttle-figure" (+ " shuttle-candidate")
    label: str  # what a screen reader and a hover say it is


@dataclass(frozen=True)
class Shown:
    """A paragraph as the page shows it (marked by the page's Marks), or a gap."""

    paragraph: Paragraph | None
    gap: str = ""  # a marker for paragraphs left out: what it stands for, e.g. "paragraphs 3-5"


@dataclass(frozen=True)
class Marks:
    """An article's facts, marked in any of its paragraphs (highlight); handed to the page
    once, so that the page is compared by its spans, not by each paragraph's HTML."""

    article: Article
    spans: tuple[Span, ...]

    def __call__(self, paragraph: Paragraph) -> Markup:
        return highlight(self.article, paragraph, list(self.spans))


def highlight(article: Article, paragraph: Paragraph, spans: list[Span]) -> Markup:
    """The paragraph's text, escaped, with every span wrapped in <mark>.

    Spans may nest (a figure inside a quote) or cross (a quote that ends inside an event's
    sentence). Nested spans are nested marks, so each fact stays one mark a reader sees
    whole; only a span that crosses the one around it is cut, at that one's end, so that
    tags never cross.
    """
    lo, hi = paragraph.start, paragraph.end
    pending = [
        (max(s.start, lo), -min(s.end, hi), i, s)
        for i, s in enumerate(spans)
        if s.start < hi and s.end > lo
    ]
    heapq.heapify(pending)  # by start, the longest first
    laminar: list[tuple[int, int, Span]] = []  # nested or apart, in text order
    around: list[int] = []  # ends of the marks around the current place, innermost last
    while pending:
        start, neg_end, i, span = heapq.heappop(pending)
        end = -neg_end
        while around and around[-1] <= start:
            around.pop()
        if around and around[-1] < end:  # crosses the mark around it: cut at its end
            heapq.heappush(pending, (around[-1], -end, i, span))
            end = around[-1]
        if start < end:
            laminar.append((start, end, span))
            around.append(end)
    out: list[str] = []
    pos, open_ends = lo, []  # type: int, list[int]
    for start, end, span in laminar:
        while open_ends and open_ends[-1] <= start:
            out.append(str(text_piece(article.text[pos : open_ends[-1]])) + "</mark>")
            pos = open_ends.pop()
        out.append(str(text_piece(article.text[pos:start])))
        out.append(f'<mark class="{span.css}" title="{text(span.label)}">')
        pos = start
        open_ends.append(end)
    while open_ends:
        out.append(str(text_piece(article.text[pos : open_ends[-1]])) + "</mark>")
        pos = open_ends.pop()
    out.append(str(text_piece(article.text[pos:hi])))
    return Markup("".join(out))


def text_piece(piece: str) -> Markup:
    # escape() protects a leading character; inside a paragraph only the HTML/Markdown
    # specials matter, and the paragraph itself never starts with this piece's text.
    return text(" " + piece)[1:] if piece else Markup("")


def plan_sources(view: v.View, budget: int = paging.BUDGET) -> Paged:
    """The list of articles, by date of publication, in parts."""
    links, row = Links(v.SOURCES), macro("_macros.md.j2", "source_row")
    table = paging.group("articles", "Articles", head=TABLE_HEAD)
    units = []
    for source in sorted(view.sources.values(), key=lambda s: (s.published, s.id)):
        quotes, figures, _ = view.of_source(source.id)
        item = {"source": source, "trip": view.trip_of(source), "quotes": len(quotes),
                "figures": len(figures)}  # fmt: skip
        units.append(paging.unit(item, table, row(links, item)))
    fixed = ownsize.fixed_size("sources_index.md.j2", v.SOURCES)
    # numbered, not named: its parts share sources/ with the articles' pages (whose ids
    # may not be page-N, records/fields.py), and its rows carry no anchor to name them
    return paging.paginate(
        v.SOURCES, units, fixed=fixed, label=_published_days, budget=budget, named=False
    )


TABLE_HEAD = (
    "| Published | Article | Outlet | Trip | Quotes | Figures |\n|---|---|---|---|---|---|\n"
)


def _published_days(units: list[Unit]) -> str:
    first, last = units[0].item["source"].published, units[-1].item["source"].published
    return paging.span_label(long_day(first), long_day(last))


def render_sources(view: v.View, listing: Paged) -> dict[str, str]:
    """Each article's page (never in parts: an article is shown whole), and the list."""
    pages: dict[str, str] = {}
    elsewhere = cited_elsewhere(view)
    for source in sorted(view.sources.values(), key=lambda s: (s.published, s.id)):
        article = view.store.articles[source.id]
        quotes, figures, events = view.of_source(source.id)
        claim = _published_claim(view, source.id)
        spans = [
            Span(q.quote.start, q.quote.end,
                 "shuttle-quote" + (" shuttle-candidate" if q.candidate else ""),
                 f"Quote: {q.speaker.name if q.speaker else 'unattributed'}")
            for q in quotes
        ] + [
            Span(f.figure.start, f.figure.end,
                 "shuttle-figure" + (" shuttle-candidate" if f.candidate else ""),
                 f"Figure: {f.figure.measure.replace('_', ' ')}")
            for f in figures
        ] + [
            Span(e.event.start, e.event.end,
                 "shuttle-event" + (" shuttle-candidate" if e.candidate else ""),
                 f"Key event: {e.event.summary}")
            for e in events
        ]  # fmt: skip
        if claim is not None and claim.start is not None and claim.end is not None:
            spans.append(Span(claim.start, claim.end, "shuttle-claim", "The article's trip count"))
        allowed = terms(source, view.store.full_text_licences)
        excerpt = not allowed.full_text and not view.preview
        cited = cited_paragraphs(view, article, spans, elsewhere) if excerpt else None
        paragraphs = [
            Shown(None, gap=item) if isinstance(item, str) else Shown(item)
            for item in shown_paragraphs(article, cited)
        ]
        page = v.source_page(source.id)
        pages[page] = render(
            "source.md.j2",
            page,
            view.places,
            source=source,
            terms=allowed,
            excerpt=excerpt,
            preview_full=view.preview and not allowed.full_text,
            shown=len(cited) if cited is not None else len(article.paragraphs),
            total=len(article.paragraphs),
            trip=view.trip_of(source),
            paragraphs=paragraphs,
            marks=Marks(article, tuple(spans)),
            quotes=quotes,
            figures=figures,
            events=events,
        )
    pages.update(paging.render_parts("sources_index.md.j2", listing, view.places))
    return pages


def cited_paragraphs(
    view: v.View,
    article: Article,
    spans: list[Span],
    elsewhere: dict[str, set[int]] | None = None,
) -> set[int]:
    """The numbers of the paragraphs a published fact cites: those the page's marks fall
    in (its published quotes, figures, events, trip claim), and those data/trips.yml or a
    published disagreement cites (`elsewhere`, worked out once for every page)."""
    numbers = {p.number for s in spans for p in article.paragraphs_in(s.start, s.end)}
    cited = elsewhere if elsewhere is not None else cited_elsewhere(view)
    return numbers | cited.get(article.source.id, set())


def cited_elsewhere(view: v.View) -> dict[str, set[int]]:
    """Source id -> the numbers of its paragraphs that data/trips.yml or a published
    disagreement cites."""
    out: dict[str, set[int]] = {}
    for trip in view.trips:
        for written in cites.of_trip(trip):
            cite = cites.parse(written.text)
            article = view.store.articles.get(cite.source_id) if cite else None
            if cite and article is not None and cite.paragraph <= len(article.paragraphs):
                out.setdefault(cite.source_id, set()).add(cite.paragraph)
    for disagreement in view.disagreements:
        for citation in disagreement.citations:
            article = view.store.articles.get(citation.source_id)
            if article is not None and citation.start is not None:
                paragraph = article.paragraph_at(citation.start)
                if paragraph is not None:
                    out.setdefault(citation.source_id, set()).add(paragraph.number)
    return out


def shown_paragraphs(article: Article, cited: set[int] | None) -> list[Paragraph | str]:
    """The paragraphs to show in order; with `cited`, only those, and in place of each run
    of paragraphs left out a marker saying which (None: every paragraph)."""
    if cited is None:
        return list(article.paragraphs)
    out: list[Paragraph | str] = []
    left_out: list[int] = []
    for paragraph in article.paragraphs:
        if paragraph.number in cited:
            out += [_gap(left_out)] if left_out else []
            out.append(paragraph)
            left_out = []
        else:
            left_out.append(paragraph.number)
    return out + ([_gap(left_out)] if left_out else [])


def _gap(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"paragraph {numbers[0]} left out"
    return f"paragraphs {numbers[0]}–{numbers[-1]} left out"


def _published_claim(view: v.View, source_id: str) -> TripClaim | None:
    data = view.store.article_data.get(source_id)
    claim = data.trip_claim if data else None
    return claim if claim is not None and view.shown(claim.status) else None
