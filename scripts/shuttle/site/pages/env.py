"""The template environment: every printed value is escaped, links are made relative."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from shuttle.dates import day_span, long_day
from shuttle.records.cites import parse as parse_cite
from shuttle.records.schema import Person, Trip
from shuttle.site.pages import reuse
from shuttle.site.pages import view as v
from shuttle.site.pages.escape import finalize, standalone, text
from shuttle.site.pages.words import counted


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("shuttle.site", "templates"),
        finalize=finalize,
        # finalize escapes every printed value for Markdown *and* HTML (autoescape alone
        # would escape for HTML only); autoescape makes macros return Markup, not text.
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["num"] = lambda n: Markup(f"{n:,}")
    # dates are made of digits, letters and dashes only: nothing to escape
    env.filters["day"] = lambda d: Markup(long_day(d)) if isinstance(d, date) else ""
    env.filters["span"] = lambda t: Markup(day_span(t.start, t.end))
    env.filters["ordinal"] = ordinal
    env.filters["short"] = short
    env.filters["counted"] = counted
    # join() would escape for HTML only: untrusted lists are joined, then escaped by us
    env.filters["join"] = lambda items, sep=", ": standalone(sep.join(str(i) for i in items))
    return env


SHORT_WORDS = 8  # a quote in short: its first words
WHOLE_WORDS = 3  # a quote of so few words is its own short form ("baseless")


def short(quote: str, limit: int = SHORT_WORDS) -> str:
    """A quote in short: its first words, at most `limit` and never more than two thirds
    of them, and an ellipsis (then escaped like any printed value); the quote in full is
    on the quotes page alone."""
    words = quote.split()
    if len(words) <= WHOLE_WORDS:
        return quote
    keep = min(limit, len(words) * 2 // 3)
    return " ".join(words[:keep]).rstrip(",;:") + " …"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class Links:
    """Links from one page: Markdown links (validated by mkdocs) and plain URLs.

    `places` sends a link to an anchor on a listing page to the part of that page that
    holds it: (page, anchor) -> the part's page (pages.paging).
    """

    def __init__(self, page: str, places: Mapping[tuple[str, str], str] | None = None) -> None:
        self.page = page
        self.places = places if places is not None else {}

    def _place(self, to_page: str, anchor: str | None) -> str:
        return self.places.get((to_page, anchor), to_page) if anchor else to_page

    def md(self, label: object, to_page: str, anchor: str | None = None) -> Markup:
        target = v.relative(self.page, self._place(to_page, anchor), anchor)
        return Markup(f"[{text(label)}]({target})")

    def url(self, to_page: str, anchor: str | None = None) -> Markup:
        # a relative URL made of page paths and anchors (ids, never article text)
        return Markup(v.relative_url(self.page, self._place(to_page, anchor), anchor))

    def cite(self, item: v.Cited) -> Markup:
        """The citation of a quote, figure or event: outlet, date, paragraph, as a link."""
        para = f", ¶{item.paragraph.number}" if item.paragraph else ""
        label = f"{item.source.outlet}, {long_day(item.source.published)}{para}"
        return self.md(label, item.page, item.anchor)

    def person(self, person: Person | None) -> Markup:
        if person is None:
            return Markup("unattributed")
        return self.md(person.name, v.PEOPLE, person.id)

    def trip(self, trip: Trip | None) -> Markup:
        if trip is None:
            return Markup("")
        return self.md(f"Trip {trip.ordinal}", v.trip_page(trip.ordinal))

    def source(self, source_id: str, label: object | None = None) -> Markup:
        return self.md(label or source_id, v.source_page(source_id))

    def paras(self, cites: list[str], names: Mapping[str, str] | None = None) -> Markup:
        """Citations written "source-id#pN" (data/trips.yml), as links to the paragraphs,
        each labelled with `names` of its source (an outlet) when given, else its id;
        `shuttle check` has made sure each names a paragraph that exists."""
        links = []
        for written in cites:
            cite = parse_cite(written)
            if cite is None:  # `shuttle check` reports it (E208); shown as written
                links.append(text(written))
                continue
            label = f"{(names or {}).get(cite.source_id, cite.source_id)}, ¶{cite.paragraph}"
            link = self.md(label, v.source_page(cite.source_id), cite.anchor)
            # a whole paragraph is cited (no words of it): a class says so
            links.append(link + Markup("{ .shuttle-cite-paragraph }"))
        return Markup("; ").join(links)


def render(
    template: str,
    page: str,
    places: Mapping[tuple[str, str], str] | None = None,
    /,
    **context: object,
) -> str:
    """`template` rendered as `page` (last generation's page when nothing it was handed or
    looked up changed: reuse.py)."""

    def make(looking: Mapping[tuple[str, str], str]) -> str:
        links = Links(page, looking)
        return environment().get_template(template).render(L=links, page=page, **context)

    memo = reuse.current()
    return memo(memo.nth(("page", template, page)), context, make, places)


def macro(template: str, name: str) -> Callable[..., Markup]:
    """A macro of a template (one that holds only macros), to call from Python. Under
    `shuttle serve` a call handed what the same call was handed last time returns what it
    returned then (reuse.py), its Links' page and places included."""
    found: Callable[..., Markup] = getattr(environment().get_template(template).module, name)

    def call(*args: Any, **kwargs: Any) -> Markup:
        memo = reuse.current()
        links = args[0] if args and isinstance(args[0], Links) else None
        page = links.page if links is not None else None
        rest = args[1:] if links is not None else args

        def make(looking: Mapping[tuple[str, str], str]) -> Markup:
            if links is None:
                return found(*args, **kwargs)
            return found(Links(links.page, looking), *rest, **kwargs)

        key = memo.nth(("macro", template, name, page))
        return memo(key, (rest, kwargs), make, links.places if links is not None else None)

    return call
