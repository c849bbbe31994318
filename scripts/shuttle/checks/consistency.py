"""Where the sources disagree: with the canonical trip list, the Ministry's series, each other.

These are warnings, not errors: an article that miscounts a trip is still a source; the
explainer shows readers the disagreement with both citations.
"""

from __future__ import annotations

import bisect
import math
import weakref
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from shuttle.dates import long_day
from shuttle.problems import Problem
from shuttle.records import cites
from shuttle.records.schema import DailyReport, Figure, Source, Trip
from shuttle.records.store import Store

# How far a qualifier lets a number stretch: (low factor, high factor) around the value.
_RANGES: dict[str | None, tuple[float, float]] = {
    None: (0.99, 1.01),
    "exactly": (1.0, 1.0),
    "about": (0.9, 1.1),
    "more than": (1.0, math.inf),
    "at least": (1.0, math.inf),
    "nearly": (0.9, 1.0),
    "almost": (0.9, 1.0),
    "fewer than": (0.0, 1.0),
    "up to": (0.0, 1.0),
    "at most": (0.0, 1.0),
}
_MINISTRY_WORDS = (
    "health ministry",
    "ministry of health",
    "health officials",
    "health authorities",
)


@dataclass(frozen=True)
class Citation:
    source_id: str
    record_id: str | None
    start: int | None
    end: int | None


@dataclass(frozen=True)
class Disagreement:
    kind: str  # "trip count", "ministry series", "between articles", "trip list"
    code: str
    summary: str  # one plain sentence for readers
    citations: tuple[Citation, ...]
    reference: str | None = None  # what it was checked against, when not an article


def value_range(value: int, qualifier: str | None) -> tuple[float, float]:
    low, high = _RANGES.get(qualifier, _RANGES["about"])
    return value * low, value * high


def canonical_trip(source: Source, trips: list[Trip]) -> Trip | None:
    if source.trip is not None:
        return next((t for t in trips if t.ordinal == source.trip), None)
    return next((t for t in trips if t.start <= source.event_date <= t.end), None)


def find(store: Store) -> list[Disagreement]:
    """Everything the disagreements page shows: what the checks find, and what editors
    recorded in data/trips.yml."""
    return _found(store) + trip_list(store)


# What the cross-source comparison found, per store: a build's check and its disagreements
# page ask for it with the same store, and it is computed once (a store is not changed
# once load_store has read it).
_FOUND: weakref.WeakKeyDictionary[Store, tuple[Disagreement, ...]] = weakref.WeakKeyDictionary()


def _found(store: Store) -> list[Disagreement]:
    known = _FOUND.get(store)
    if known is None:
        found = _trip_counts(store) + _against_ministry(store) + _between_articles(store)
        known = _FOUND[store] = tuple(sorted(found, key=lambda d: (d.kind, d.summary)))
    return list(known)


def trip_list(store: Store) -> list[Disagreement]:
    """Where an editor wrote that a source and the canonical list disagree (a trip's
    `disagreements:`), each with the paragraphs it cites (bad citations are left out:
    checks.citations reports them, and W305 for each of these at its line)."""
    found = []
    for trip in sorted(store.trips, key=lambda t: t.ordinal):
        for line in trip.disagreements:
            citations = []
            for written in line.cite:
                cite = cites.parse(written)
                article = store.articles.get(cite.source_id) if cite else None
                if cite is None or article is None or cite.paragraph > len(article.paragraphs):
                    continue
                paragraph = article.paragraphs[cite.paragraph - 1]
                citations.append(Citation(cite.source_id, None, paragraph.start, paragraph.end))
            if citations:
                found.append(
                    Disagreement(
                        kind="trip list",
                        code="W305",
                        summary=f"Trip {trip.ordinal}: {line.text}",
                        citations=tuple(citations),
                        reference=f"trip {trip.ordinal}",
                    )
                )
    return found


def check(store: Store) -> list[Problem]:
    problems = []
    for disagreement in _found(store):
        first = disagreement.citations[0]
        data = store.article_data.get(first.source_id)
        record: object | None = None
        if data is not None:
            records: list[object] = [*data.quotes, *data.figures, *data.events]
            if data.trip_claim is not None:
                records.append(data.trip_claim)
            record = next((r for r in records if getattr(r, "id", None) == first.record_id), None)
            if record is None and first.record_id is None:
                record = data.trip_claim
        place = store.place(record) if record is not None else None
        file = place.file if place else store.paths.relative(store.paths.sources_file)
        problems.append(
            Problem.of(disagreement.code, file, place.line if place else None, disagreement.summary)
        )
    return problems


def _trip_counts(store: Store) -> list[Disagreement]:
    found = []
    sources = {s.id: s for s in store.sources}
    for source_id, data in store.article_data.items():
        claim = data.trip_claim
        source = sources.get(source_id)
        if claim is None or claim.ordinal is None or source is None or claim.status == "rejected":
            continue
        trip = canonical_trip(source, store.trips)
        if trip is None or trip.ordinal == claim.ordinal:
            continue
        said = f"“{claim.text}”" if claim.text else f"trip {claim.ordinal}"
        found.append(
            Disagreement(
                kind="trip count",
                code="W301",
                summary=(
                    f"{source.outlet} counts this as trip {claim.ordinal} ({said}); the "
                    f"canonical list makes the visit of {long_day(source.event_date)} "
                    f"his trip {trip.ordinal}."
                ),
                citations=(Citation(source_id, None, claim.start, claim.end),),
                reference=f"trip {trip.ordinal}",
            )
        )
    return found


def _series_on(store: Store) -> dict[date, DailyReport]:
    if store.casualties is None:
        return {}
    return {r.date: r for r in store.casualties.reports}


def is_ministry_count(figure: Figure) -> bool:
    if figure.measure not in ("killed", "injured") or figure.value < 1000:
        return False
    said_by = (figure.attribution or "").lower()
    about = (figure.subject or "").lower()
    return any(w in said_by for w in _MINISTRY_WORDS) or "palestinian" in about or "gaza" in about


def _against_ministry(store: Store) -> list[Disagreement]:
    series = _series_on(store)
    found = []
    sources = {s.id: s for s in store.sources}
    for source_id, figure in store.figures():
        source = sources.get(source_id)
        if figure.status == "rejected" or source is None or not is_ministry_count(figure):
            continue
        day = figure.as_of or source.event_date
        report = series.get(day)
        if report is None:
            continue
        official = report.killed_filled if figure.measure == "killed" else report.injured_filled
        low, high = value_range(figure.value, figure.qualifier)
        # A report from the day before is what a same-day article could have seen.
        earlier = series.get(date.fromordinal(day.toordinal() - 1))
        candidates = [official]
        if earlier is not None:
            candidates.append(
                earlier.killed_filled if figure.measure == "killed" else earlier.injured_filled
            )
        # "more than 27,000" is honest when the official count is 27,840, but not when it
        # is 40,000: an open-ended figure must stay within 10% of the count it stands for.
        top = high if high != math.inf else figure.value * 1.1
        if any(low * 0.999 <= c <= top * 1.001 for c in candidates):
            continue
        written = f"{figure.qualifier} {figure.text}" if figure.qualifier else figure.text
        found.append(
            Disagreement(
                kind="ministry series",
                code="W302",
                summary=(
                    f"{source.outlet} reported {written} {figure.measure} as of {long_day(day)}; "
                    f"the Ministry's series gives {official:,} that day."
                ),
                citations=(Citation(source_id, figure.id, figure.start, figure.end),),
                reference=f"{figure.measure} {day.isoformat()}",
            )
        )
    return found


def _subject_key(figure: Figure) -> str:
    words = (figure.subject or "").lower().replace("’", "'").split()
    return " ".join(w for w in words if w not in ("the", "in", "of", "people"))


def _between_articles(store: Store) -> list[Disagreement]:
    sources = {s.id: s for s in store.sources}
    groups: dict[tuple[str, date, str], list[tuple[str, Figure]]] = defaultdict(list)
    for source_id, figure in store.figures():
        source = sources.get(source_id)
        if figure.status == "rejected" or source is None or figure.measure == "other":
            continue
        day = figure.as_of or source.event_date
        groups[(figure.measure, day, _subject_key(figure))].append((source_id, figure))
    found = []
    for (measure, day, _), members in sorted(groups.items(), key=lambda kv: str(kv[0])):
        # One finding per count and day, citing every report in a disagreeing pair: a
        # finding per pair grows with the square of the reports of a busy day.
        involved = sorted({k for pair in disagreeing_pairs(members) for k in pair})
        if not involved:
            continue
        reports = [members[k] for k in involved]
        said = [f"{sources[sid].outlet} reported {_written(f)}" for sid, f in reports]
        listed = " and ".join(said) if len(said) == 2 else "; ".join(said)
        lead = "" if len(said) == 2 else f"{len(said)} reports do not all agree: "
        found.append(
            Disagreement(
                kind="between articles",
                code="W303",
                summary=f"For {measure.replace('_', ' ')} as of {long_day(day)}, {lead}{listed}.",
                citations=tuple(Citation(sid, f.id, f.start, f.end) for sid, f in reports),
            )
        )
    return found


def disagreeing_pairs(members: Sequence[tuple[str, Figure]]) -> list[tuple[int, int]]:
    """Index pairs i < j, in that order, of figures from different articles whose ranges
    do not overlap, leaving out counts plainly of different things (10 times apart).

    The ranges are sorted once, so the pairs that agree (most of them) are never looked
    at: the work grows with the figures and the disagreements, not with every pair.
    """
    ranges = [value_range(f.value, f.qualifier) for _, f in members]
    if any(math.isnan(high) for _, high in ranges):  # 0 x inf: only the plain loop is exact
        candidates = [
            (i, j)
            for i in range(len(members))
            for j in range(i + 1, len(members))
            if not (ranges[i][0] <= ranges[j][1] and ranges[j][0] <= ranges[i][1])
        ]
    else:
        order = sorted(range(len(members)), key=lambda k: ranges[k][0])
        lows = [ranges[k][0] for k in order]
        candidates = []
        for i, (_, high) in enumerate(ranges):
            for k in order[bisect.bisect_right(lows, high) :]:  # wholly above i's range
                candidates.append((i, k) if i < k else (k, i))
        candidates.sort()
    pairs = []
    for i, j in candidates:
        (a_id, a), (b_id, b) = members[i], members[j]
        if a_id == b_id or max(a.value, b.value) > 10 * max(1, min(a.value, b.value)):
            continue  # same article, or plainly counts of different things
        pairs.append((i, j))
    return pairs


def _written(figure: Figure) -> str:
    return f"{figure.qualifier} {figure.text}" if figure.qualifier else figure.text
