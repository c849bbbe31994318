"""`shuttle eval`: score the extractors against the hand-annotated gold standard.

Quotations match on their text after normalising quote marks, whitespace and punctuation
at the ends; speaker and kind are then scored on the matched pairs. Figures match on
(value, measure). Trips: whether the ordinal is right, and precision/recall of places and
people met. Scores are per article and overall (micro-averaged: counts are summed first).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from shuttle.extract import extract_article
from shuttle.extract.candidates import ArticleCandidates, KnownPerson


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def empty(self) -> bool:
        return self.tp + self.fp + self.fn == 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Score:
    """The scores of one article, or of all of them summed."""

    name: str
    quotes: Counts = Counts()
    speakers_right: int = 0  # among matched quotations
    kinds_right: int = 0
    figures: Counts = Counts()
    ordinals_right: int = 0
    ordinals: int = 0
    places: Counts = Counts()
    meetings: Counts = Counts()
    notes: tuple[str, ...] = ()  # what went wrong, for `shuttle eval --verbose`
    qualifiers_right: int = 0  # among matched figures
    dates_right: int = 0  # among matched figures: as_of (gold default: the article's date)

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.quotes.tp if self.quotes.tp else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.kinds_right / self.quotes.tp if self.quotes.tp else 1.0

    @property
    def qualifier_accuracy(self) -> float:
        return self.qualifiers_right / self.figures.tp if self.figures.tp else 1.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.figures.tp if self.figures.tp else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.name,
            self.quotes + other.quotes,
            self.speakers_right + other.speakers_right,
            self.kinds_right + other.kinds_right,
            self.figures + other.figures,
            self.ordinals_right + other.ordinals_right,
            self.ordinals + other.ordinals,
            self.places + other.places,
            self.meetings + other.meetings,
            self.notes + other.notes,
            self.qualifiers_right + other.qualifiers_right,
            self.dates_right + other.dates_right,
        )


@dataclass(frozen=True)
class Report:
    articles: tuple[Score, ...]
    overall: Score = field(default_factory=lambda: Score("overall"))


_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
                        "‘": "'", "’": "'", "‚": "'", "‛": "'"})  # fmt: skip
_ENDS = " \t\n.,;:!?…'\"-—–"


def normalise_quote(text: str) -> str:
    """Quote text for matching: straight marks, single spaces, no punctuation at the ends."""
    text = " ".join(text.translate(_MARKS).split())
    return text.strip(_ENDS)


def _norm_name(name: object) -> str | None:
    if name is None:
        return None
    return " ".join(str(name).split()).casefold()


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


def _set_counts(gold: Sequence[object], found: Sequence[object]) -> Counts:
    g = {_norm_name(x) for x in gold}
    f = {_norm_name(x) for x in found}
    return Counts(len(g & f), len(f - g), len(g - f))


def score_article(
    name: str,
    gold: dict[str, Any],
    found: ArticleCandidates,
    aliases: dict[str, str] | None = None,
) -> Score:
    """Scores of one article. `aliases` maps lower-case names and aliases of known people to
    their names, so that a gold "State Department" matches a known "U.S. State Department"."""
    canon = aliases or {}

    def same(a: object, b: object) -> bool:
        na, nb = _norm_name(a), _norm_name(b)
        return canon.get(na or "", na) == canon.get(nb or "", nb)

    notes: list[str] = []
    pairs, missed, extra = match(
        gold.get("quotes") or [],
        found.quotes,
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
    fpairs, fmissed, fextra = match(
        gold.get("figures") or [],
        found.figures,
        lambda x: (int(x["value"]), x["measure"]) if isinstance(x, dict) else (x.value, x.measure),
    )
    qualifiers = dates = 0
    published = _as_date(gold.get("published"))
    for g, f in fpairs:
        if g.get("qualifier") == f.qualifier:
            qualifiers += 1
        else:
            notes.append(f"{name}: qualifier {f.qualifier!r} for {f.text!r}")
        want = _as_date(g.get("as_of")) or published
        if want == f.as_of:
            dates += 1
        else:
            notes.append(f"{name}: as_of {f.as_of} for {f.text!r}, gold {want}")
    notes += [
        f"{name}: missed figure {g['value']} {g['measure']} ({g.get('text')!r})" for g in fmissed
    ]
    notes += [f"{name}: extra figure {f.value} {f.measure} ({f.text!r})" for f in fextra]
    trip = gold.get("trip") or {}
    ordinal_ok = int(trip.get("ordinal") == found.trip.ordinal)
    if not ordinal_ok:
        notes.append(f"{name}: ordinal {found.trip.ordinal}, gold {trip.get('ordinal')}")
    places = _set_counts(trip.get("places") or [], found.trip.places)
    meetings = _set_counts(trip.get("meetings") or [], found.trip.meetings)
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
    )


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return date.fromisoformat(value)
    return None


def evaluate(gold_dir: Path, seeds_dir: Path, people: Sequence[KnownPerson] = ()) -> Report:
    """Run the extractors over every article that has a gold file and score them."""
    yaml = YAML(typ="safe")
    scores: list[Score] = []
    aliases = {
        _norm_name(form) or "": _norm_name(p.name) or ""
        for p in people
        for form in (p.name, *p.aliases)
    }
    for path in sorted(Path(gold_dir).glob("*.yml")):
        gold = yaml.load(path.read_text(encoding="utf-8")) or {}
        article = Path(seeds_dir) / str(gold.get("file") or path.with_suffix(".txt").name)
        text = article.read_text(encoding="utf-8")
        found = extract_article(text, published=_as_date(gold.get("published")), people=people)
        scores.append(score_article(path.stem, gold, found, aliases))
    overall = Score("overall")
    for s in scores:
        overall = overall + s
    return Report(tuple(scores), Score("overall", *_fields(overall)))


def _fields(s: Score) -> tuple[Any, ...]:
    return (s.quotes, s.speakers_right, s.kinds_right, s.figures, s.ordinals_right,
            s.ordinals, s.places, s.meetings, s.notes, s.qualifiers_right,
            s.dates_right)  # fmt: skip


def _f(value: float, empty: bool) -> str:
    return "   -" if empty else f"{value:4.2f}"


def format_table(report: Report) -> str:
    """The report as a fixed-width text table, one row per article and one overall."""
    head = (
        f"{'article':<24} {'quotes P':>8} {'R':>4} {'F1':>4} {'speaker':>7} {'kind':>4}"
        f"  {'figures P':>9} {'R':>4} {'F1':>4} {'qual':>4} {'date':>4}  {'ordinal':>7}"
        f" {'places':>6} {'met':>4}"
    )
    lines = [head, "-" * len(head)]
    for s in (*report.articles, report.overall):
        q, fg = s.quotes, s.figures
        lines.append(
            f"{s.name[:24]:<24} {_f(q.precision, q.empty):>8} {_f(q.recall, q.empty):>4} "
            f"{_f(q.f1, q.empty):>4} {_f(s.speaker_accuracy, not q.tp):>7} "
            f"{_f(s.kind_accuracy, not q.tp):>4}  {_f(fg.precision, fg.empty):>9} "
            f"{_f(fg.recall, fg.empty):>4} {_f(fg.f1, fg.empty):>4} "
            f"{_f(s.qualifier_accuracy, not fg.tp):>4} {_f(s.date_accuracy, not fg.tp):>4}  "
            f"{s.ordinals_right:>3}/{s.ordinals:<3} {_f(s.places.f1, s.places.empty):>6} "
            f"{_f(s.meetings.f1, s.meetings.empty):>4}"
        )
        if s is not report.overall and s is report.articles[-1]:
            lines.append("-" * len(head))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="shuttle eval", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("tests/gold"))
    parser.add_argument("--seeds", type=Path, default=Path("seeds"))
    parser.add_argument("--verbose", "-v", action="store_true", help="list every mismatch")
    args = parser.parse_args(argv)
    report = evaluate(args.gold, args.seeds)
    out = format_table(report)
    if args.verbose and report.overall.notes:
        out += "\n\n" + "\n".join(report.overall.notes)
    sys.stdout.write(out + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
