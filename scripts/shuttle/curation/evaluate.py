"""`shuttle eval`: score the extractors against the hand-annotated gold standards.

Two sets by default, each table article by article: the seed gold (`tests/gold`, the
seed articles) and dev-real (`tests/gold/devreal`, twelve real government and VOA texts,
scored with the curated people list as `shuttle extract` runs). Scoring is in scoring.py:
quotes on their text, figures on value, measure and sentence, transcripts by label.
Scores are per article and overall (micro-averaged: counts are summed first).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from shuttle.curation.evalerrors import CLASSES
from shuttle.curation.scorebase import Counts, Score, as_date, norm_name, normalise_quote
from shuttle.curation.scoring import match, score_article
from shuttle.extract import extract_article
from shuttle.extract.candidates import KnownPerson

__all__ = ["Counts", "Report", "Score", "evaluate", "format_table", "load_people", "main",
           "match", "normalise_quote", "score_article"]  # fmt: skip

SEED_GOLD = Path("tests/gold")
DEVREAL = Path("tests/gold/devreal")


@dataclass(frozen=True)
class Report:
    articles: tuple[Score, ...]
    overall: Score = field(default_factory=lambda: Score("overall"))


def load_people(path: Path) -> list[KnownPerson]:
    """The curated people (data/people.yml) as the extractors take them; none if absent.
    Read plainly: `shuttle check` is where the file's problems are reported."""
    if not path.exists():
        return []
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    return [
        KnownPerson(
            id=str(p["id"]),
            name=str(p["name"]),
            aliases=tuple(str(a) for a in p.get("aliases") or ()),
            role=p.get("role"),
            organisation=p.get("organisation"),
            kind=p.get("kind") or "person",
        )
        for p in data.get("people") or []
        if isinstance(p, dict) and p.get("status") != "rejected" and "id" in p and "name" in p
    ]


def evaluate(gold_dir: Path, seeds_dir: Path, people: Sequence[KnownPerson] = ()) -> Report:
    """Run the extractors over every article that has a gold file and score them."""
    yaml = YAML(typ="safe")
    scores: list[Score] = []
    aliases = {
        norm_name(form) or "": norm_name(p.name) or ""
        for p in people
        for form in (p.name, *p.aliases)
    }
    for path in sorted(Path(gold_dir).glob("*.yml")):
        gold = yaml.load(path.read_text(encoding="utf-8")) or {}
        article = Path(seeds_dir) / str(gold.get("file") or path.with_suffix(".txt").name)
        text = article.read_text(encoding="utf-8")
        found = extract_article(text, published=as_date(gold.get("published")), people=people)
        scores.append(score_article(path.stem, gold, found, aliases, text))
    overall = Score("overall")
    for s in scores:
        overall = overall + s
    return Report(tuple(scores), overall.renamed("overall"))


def _f(value: float, empty: bool) -> str:
    return "   -" if empty else f"{value:4.2f}"


def format_table(report: Report) -> str:
    """The report as a fixed-width text table, one row per article and one overall."""
    head = (
        f"{'article':<24} {'quotes P':>8} {'R':>4} {'F1':>4} {'speaker':>7} {'kind':>4}"
        f"  {'figures P':>9} {'R':>4} {'F1':>4} {'qual':>4} {'date':>4}  {'ordinal':>7}"
        f" {'places':>6} {'met':>4}  {'turns':>5}"
    )
    lines = [head, "-" * len(head)]
    for s in (*report.articles, report.overall):
        q, fg = s.quotes, s.figures
        turns = f"{s.turns_right}/{s.turns}" if s.turns else "-"
        if s.stray_turns:
            turns += f"+{s.stray_turns}"
        lines.append(
            f"{s.name[:24]:<24} {_f(q.precision, q.empty):>8} {_f(q.recall, q.empty):>4} "
            f"{_f(q.f1, q.empty):>4} {_f(s.speaker_accuracy, not q.tp):>7} "
            f"{_f(s.kind_accuracy, not q.tp):>4}  {_f(fg.precision, fg.empty):>9} "
            f"{_f(fg.recall, fg.empty):>4} {_f(fg.f1, fg.empty):>4} "
            f"{_f(s.qualifier_accuracy, not fg.tp):>4} {_f(s.date_accuracy, not fg.tp):>4}  "
            f"{s.ordinals_right:>3}/{s.ordinals:<3} {_f(s.places.f1, s.places.empty):>6} "
            f"{_f(s.meetings.f1, s.meetings.empty):>4}  {turns:>5}"
        )
        if s is not report.overall and s is report.articles[-1]:
            lines.append("-" * len(head))
    o = report.overall
    lines.append(
        f"overall counts: quotes tp {o.quotes.tp} fp {o.quotes.fp} fn {o.quotes.fn}, "
        f"speakers right {o.speakers_right}/{o.quotes.tp}; figures tp {o.figures.tp} "
        f"fp {o.figures.fp} fn {o.figures.fn}; transcript labels right {o.turns_right}/"
        f"{o.turns}, transcript quotes under no gold label {o.stray_turns}"
    )
    measures = o.by_measure()
    if measures:
        lines.append("figures by measure: " + "; ".join(
            f"{m} P {_f(c.precision, False)} R {_f(c.recall, False)} F1 {_f(c.f1, False)}"
            f" ({c.tp}/{c.fp}/{c.fn})" for m, c in measures.items()
        ))  # fmt: skip
    errors = Counter(o.errors)
    if o.figures.tp or errors:  # every class, so that before and after line up
        lines.append("figure errors: " + "; ".join(f"{c} {errors[c]}" for c in CLASSES))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="shuttle eval", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, help="one gold directory (default: seed and dev-real)")
    parser.add_argument("--seeds", type=Path, help="its articles (default: --gold, or seeds/)")
    parser.add_argument("--people", type=Path, help="curated people for dev-real and --gold")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every mismatch")
    args = parser.parse_args(argv)
    sets: list[tuple[str, Path, Path, list[KnownPerson]]]
    if args.gold is not None:
        people = load_people(args.people) if args.people else []
        seeds = args.seeds or (Path("seeds") if args.gold == SEED_GOLD else args.gold)
        sets = [(str(args.gold), args.gold, seeds, people)]
    else:
        people = load_people(args.people or Path("data/people.yml"))
        sets = [("seed gold", SEED_GOLD, args.seeds or Path("seeds"), []),
                ("dev-real", DEVREAL, DEVREAL, people)]  # fmt: skip
    out: list[str] = []
    for title, gold, seeds, known in sets:
        report = evaluate(gold, seeds, known)
        out.append(f"{title}:\n" + format_table(report) if len(sets) > 1 else format_table(report))
        if args.verbose and report.overall.notes:
            out.append("\n".join(report.overall.notes))
    sys.stdout.write("\n\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
