"""Where the sources disagree: the consistency checks' findings, for readers."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from shuttle.checks.consistency import Citation, Disagreement
from shuttle.pages import view as v
from shuttle.pages.env import Links, render

TITLES = {
    "trip count": ("How the articles count the trips", "trip-counts"),
    "ministry series": ("Figures against the Ministry of Health's series", "ministry"),
    "between articles": ("Articles against each other", "between-articles"),
}


@dataclass(frozen=True)
class Item:
    summary: str
    citations: list[Markup]
    reference: str | None


@dataclass(frozen=True)
class Group:
    title: str
    anchor: str
    entries: list[Item]


def render_disagreements(view: v.View) -> dict[str, str]:
    links = Links(v.DISAGREEMENTS)
    groups = []
    for kind, (title, anchor) in TITLES.items():
        items = [
            Item(d.summary, [_cite(view, links, c) for c in d.citations], d.reference)
            for d in view.disagreements
            if d.kind == kind and _published(view, d)
        ]
        if items:
            groups.append(Group(title, anchor, items))
    return {v.DISAGREEMENTS: render("disagreements.md.j2", v.DISAGREEMENTS, groups=groups)}


def _published(view: v.View, d: Disagreement) -> bool:
    return all(c.source_id in view.sources for c in d.citations)


def _cite(view: v.View, links: Links, citation: Citation) -> Markup:
    source = view.sources[citation.source_id]
    article = view.store.articles[source.id]
    start = citation.start
    paragraph = article.paragraph_at(start) if start is not None else None
    label = f"{source.outlet}" + (f", ¶{paragraph.number}" if paragraph else "")
    return links.md(label, v.source_page(source.id), paragraph.anchor if paragraph else None)
