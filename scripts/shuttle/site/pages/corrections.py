"""The corrections page: what editors changed after publication, and why
(data/corrections.yml), newest first, each linked to the source it concerns."""

from __future__ import annotations

from datetime import date

from shuttle.site.pages import view as v
from shuttle.site.pages.env import render

CORRECTIONS = "corrections.md"


def last_updated(view: v.View) -> date | None:
    """The day of the newest thing the site publishes: a Ministry count, an article, or
    a correction. It comes from the data, never the clock, so two builds agree."""
    days = [r.date for r in view.series[-1:]]
    days += [s.published for s in view.sources.values()]
    days += [c.date for c in view.store.corrections]
    return max(days) if days else None


def render_corrections(view: v.View) -> dict[str, str]:
    entries = sorted(
        enumerate(view.store.corrections), key=lambda ic: (ic[1].date, ic[0]), reverse=True
    )
    rows = [(c, view.sources.get(c.source or "")) for _, c in entries]
    return {CORRECTIONS: render("corrections.md.j2", CORRECTIONS, view.places, rows=rows)}
