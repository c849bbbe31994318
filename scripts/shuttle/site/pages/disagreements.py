"""Where the sources disagree: the consistency checks' findings, for readers, in parts."""

from __future__ import annotations

from dataclasses import dataclass

from shuttle.checks.consistency import Citation, Disagreement
from shuttle.site.pages import ownsize, paging
from shuttle.site.pages import view as v
from shuttle.site.pages.env import Links, macro
from shuttle.site.pages.paging import Paged, Unit

TITLES = {
    "trip count": ("How the articles count the trips", "trip-counts"),
    "ministry series": ("Figures against the Ministry of Health's series", "ministry"),
    "between articles": ("Articles against each other", "between-articles"),
    "trip list": ("Sources against the canonical trip list", "trip-list"),
}


@dataclass(frozen=True)
class Cite:
    label: str
    page: str
    anchor: str | None


@dataclass(frozen=True)
class Item:
    summary: str
    citations: list[Cite]
    reference: str | None


def plan_disagreements(view: v.View, budget: int = paging.BUDGET) -> Paged:
    """The published disagreements, by kind, in parts."""
    links = Links(v.DISAGREEMENTS)
    show = macro("_macros.md.j2", "disagreement")
    units: list[Unit] = []
    for kind, (title, anchor) in TITLES.items():
        group = paging.group(anchor, title)
        for d in view.disagreements:
            if d.kind == kind and _published(view, d):
                item = Item(d.summary, [_cite(view, c) for c in d.citations], d.reference)
                units.append(paging.unit(item, group, show(links, item)))
    fixed = ownsize.fixed_size("disagreements.md.j2", v.DISAGREEMENTS)
    return paging.paginate(v.DISAGREEMENTS, units, fixed=fixed, label=paging.titles, budget=budget)


def render_disagreements(view: v.View, paged: Paged) -> dict[str, str]:
    return paging.render_parts("disagreements.md.j2", paged, view.places)


def _published(view: v.View, d: Disagreement) -> bool:
    return all(c.source_id in view.sources for c in d.citations)


def _cite(view: v.View, citation: Citation) -> Cite:
    source = view.sources[citation.source_id]
    article = view.store.articles[source.id]
    start = citation.start
    paragraph = article.paragraph_at(start) if start is not None else None
    label = f"{source.outlet}" + (f", ¶{paragraph.number}" if paragraph else "")
    return Cite(label, v.source_page(source.id), paragraph.anchor if paragraph else None)
