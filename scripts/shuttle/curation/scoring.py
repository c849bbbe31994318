"""How one article's candidates are scored against its gold annotation (`shuttle eval`).

Quotations match on their text after normalising quote marks, whitespace and punctuation
at the ends; speaker and kind are then scored on the matched pairs. Transcript quotes
(kind `transcript`, a turn's sentences under a speaker label) are scored apart: per gold
`transcript_speakers` label, whether its turns were found and all carry the label's person.

A figure matches a gold figure only on the same value, measure AND sentence: the found
number must stand inside the gold `sentence` (found in the article text), so a count
restated elsewhere, inside a quote or in another paragraph, does not stand in for the one
the gold records. Gold without a `sentence` (older sets) matches on value and measure.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from shuttle.curation.evalerrors import classify_figures
from shuttle.curation.scorebase import Counts, Score, as_date, norm_name, normalise_quote
from shuttle.extract.candidates import ArticleCandidates


def match(
    gold: Sequence[Any], found: Sequence[Any], key: Callable[[Any], Hashable]
) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
    """Pair gold and found items with equal keys, one to one, in order."""
    pool: dict[Hashable, list[Any]] = {}
    for item in found:
        pool.setdefault(key(item), []).append(item)
    pairs: list[tuple[Any, Any]] = []
    missed: list[Any] = []
    for g in gold:
        bucket = pool.get(key(g))
        if bucket:
            pairs.append((g, bucket.pop(0)))
        else:
            missed.append(g)
    extra = [f for bucket in pool.values() for f in bucket]
    return pairs, missed, extra


def _set_counts(
    gold: Sequence[object], found: Sequence[object], key: Callable[[object], object] = norm_name
) -> Counts:
    g = {key(x) for x in gold}
    f = {key(x) for x in found}
    return Counts(len(g & f), len(f - g), len(g - f))


def place_key(place: object) -> str | None:
    """A place for matching: "the West Bank" and "West Bank" are one place."""
    name = norm_name(place)
    return name[4:] if name and name.startswith("the ") else name


@dataclass(frozen=True)
class _Sentences:
    """Where each gold figure's sentence stands in the article text."""

    text: str

    def span(self, sentence: object) -> tuple[int, int] | None:
        if not isinstance(sentence, str) or not sentence:
            return None
        at = self.text.find(sentence)
        return None if at < 0 else (at, at + len(sentence))


def _figure_key(spans: dict[int, tuple[int, int]], text: _Sentences) -> Callable[[Any], Hashable]:
    def key(x: Any) -> Hashable:
        if isinstance(x, dict):
            return (int(x["value"]), x["measure"], spans.get(id(x)))
        # a found figure: in which gold sentence does its number stand (if any)?
        where = next((s for s in spans.values() if s[0] <= x.start < s[1]), None)
        return (x.value, x.measure, where)

    return key


def _label_key(label: object) -> str:
    return " ".join(str(label or "").split()).rstrip(":.").casefold()


def _transcripts(
    gold: dict[str, Any], found: ArticleCandidates, same: Callable[[object, object], bool]
) -> tuple[int, int, int, list[str]]:
    """(labels right, gold labels, transcript quotes under no gold label, notes)."""
    wanted = {_label_key(t["label"]): t["speaker"] for t in gold.get("transcript_speakers") or []}
    turns: dict[str, list[Any]] = {}
    stray = 0
    notes: list[str] = []
    for q in found.quotes:
        if q.kind != "transcript":
            continue
        label = _label_key(q.cue)
        if label in wanted:
            turns.setdefault(label, []).append(q)
        else:
            stray += 1
            notes.append(f"transcript quote under {q.cue!r}: {q.text[:40]!r}")
    right = 0
    for label, speaker in wanted.items():
        got = turns.get(label, [])
        wrong = [q for q in got if not same(q.speaker, speaker)]
        if got and not wrong:
            right += 1
        elif not got:
            notes.append(f"no transcript turn found for {label!r}")
        else:
            notes.append(f"{label!r} turns spoken by {wrong[0].speaker!r}, gold {speaker!r}")
    return right, len(wanted), stray, notes


def score_article(
    name: str,
    gold: dict[str, Any],
    found: ArticleCandidates,
    aliases: dict[str, str] | None = None,
    text: str = "",
) -> Score:
    """Scores of one article. `aliases` maps lower-case names and aliases of known people to
    their names, so that a gold "State Department" matches a known "U.S. State Department".
    `text` is the article, where gold figures' sentences are looked up."""
    canon = aliases or {}

    def person(a: object) -> str | None:
        # one person under any of the names data/people.yml lists for them
        na = norm_name(a)
        return canon.get(na or "", na)

    def same(a: object, b: object) -> bool:
        return person(a) == person(b)

    notes: list[str] = []
    marked = [q for q in found.quotes if q.kind != "transcript"]
    pairs, missed, extra = match(
        gold.get("quotes") or [],
        marked,
        lambda q: normalise_quote(q["text"] if isinstance(q, dict) else q.text),
    )
    speakers = kinds = 0
    for g, f in pairs:
        if same(g.get("speaker"), f.speaker):
            speakers += 1
        else:
            notes.append(f"{name}: speaker {f.speaker!r} for {g['text'][:40]!r}, "
                         f"gold {g.get('speaker')!r}")  # fmt: skip
        if g.get("kind", "full") == f.kind:
            kinds += 1
        else:
            notes.append(f"{name}: kind {f.kind} for {g['text'][:40]!r}")
    notes += [f"{name}: missed quote {g['text'][:50]!r}" for g in missed]
    notes += [f"{name}: extra quote {f.text[:50]!r} ({f.speaker})" for f in extra]
    turns_right, turns, stray, tnotes = _transcripts(gold, found, same)
    notes += [f"{name}: {n}" for n in tnotes]
    gold_figures = list(gold.get("figures") or [])
    sentences = _Sentences(text)
    spans = {id(g): s for g in gold_figures if (s := sentences.span(g.get("sentence")))}
    fpairs, fmissed, fextra = match(gold_figures, found.figures, _figure_key(spans, sentences))
    qualifiers = dates = 0
    published = as_date(gold.get("published"))
    for g, f in fpairs:
        if g.get("qualifier") == f.qualifier:
            qualifiers += 1
        else:
            notes.append(f"{name}: qualifier {f.qualifier!r} for {f.text!r}")
        want = as_date(g.get("as_of")) or published
        if want == f.as_of:
            dates += 1
        else:
            notes.append(f"{name}: as_of {f.as_of} for {f.text!r}, gold {want}")
    notes += [
        f"{name}: missed figure {g['value']} {g['measure']} ({g.get('text')!r})" for g in fmissed
    ]
    notes += [f"{name}: extra figure {f.value} {f.measure} ({f.text!r})" for f in fextra]
    outcomes = (
        [(g["measure"], "tp") for g, _ in fpairs]
        + [(g["measure"], "fn") for g in fmissed]
        + [(f.measure, "fp") for f in fextra]
    )
    errors = classify_figures(text, fpairs, fmissed, fextra, published)
    trip = gold.get("trip") or {}
    ordinal_ok = int(trip.get("ordinal") == found.trip.ordinal)
    if not ordinal_ok:
        notes.append(f"{name}: ordinal {found.trip.ordinal}, gold {trip.get('ordinal')}")
    places = _set_counts(trip.get("places") or [], found.trip.places, place_key)
    meetings = _set_counts(trip.get("meetings") or [], found.trip.meetings, person)
    if places.fp or places.fn:
        notes.append(f"{name}: places {list(found.trip.places)}, gold {trip.get('places')}")
    if meetings.fp or meetings.fn:
        notes.append(f"{name}: met {list(found.trip.meetings)}, gold {trip.get('meetings')}")
    return Score(
        name,
        Counts(len(pairs), len(extra), len(missed)),
        speakers,
        kinds,
        Counts(len(fpairs), len(fextra), len(fmissed)),
        ordinal_ok,
        1,
        places,
        meetings,
        tuple(notes),
        qualifiers,
        dates,
        turns_right,
        turns,
        stray,
        tuple(outcomes),
        tuple(errors),
    )
