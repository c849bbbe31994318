"""`shuttle effort`: what the extractors cost the editors, article by article.

For each article with a data file, the deterministic extractors are run again on its
text (as `shuttle extract` runs them) and the curated records are compared with the
proposals by record id. A record the machine wrote (it has `extracted:`) is:

- accepted: verified, its machine fields as the machine wrote them;
- corrected: verified after an editor changed machine fields (which: by comparison with
  the proposal made again; "?" when the extractors now propose something else for it
  than they did when it was written, so the fields cannot be told);
- rejected, or still a candidate.

A record without `extracted:` was added by hand. Proposals the file does not hold yet
(the extractors changed since it was last merged) are counted apart as unmerged.
Whether machine fields changed is told by the record's fingerprint (merge.fingerprint),
exactly as `shuttle extract` tells an editor's record from its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

from shuttle.curation import merge
from shuttle.curation.proposals import PeopleIndex, article_records, known_people
from shuttle.extract import extract_article
from shuttle.paths import Paths
from shuttle.problems import Problem
from shuttle.records.schema import ArticleFile
from shuttle.records.store import Store, load_store
from shuttle.textio import current_digest, write_atomic

OUTCOMES = ("accepted", "corrected", "rejected", "candidate", "by_hand", "unmerged")
SECTIONS = ("quotes", "figures", "events", "trip_claim")
UNKNOWN_FIELDS = "?"


@dataclass
class Effort:
    """The counts of one article, or of all of them."""

    outcomes: Counter[str] = field(default_factory=Counter)
    by_section: dict[str, Counter[str]] = field(default_factory=dict)
    fields: Counter[str] = field(default_factory=Counter)  # corrected field -> records

    @property
    def proposed(self) -> int:
        """The machine's records an editor dealt with (those in the file)."""
        return sum(self.outcomes[o] for o in ("accepted", "corrected", "rejected", "candidate"))

    def count(self, section: str, outcome: str, fields: Iterable[str] = ()) -> None:
        self.outcomes[outcome] += 1
        self.by_section.setdefault(section, Counter())[outcome] += 1
        self.fields.update(fields)

    def add(self, other: Effort) -> None:
        self.outcomes.update(other.outcomes)
        for section, counts in other.by_section.items():
            self.by_section.setdefault(section, Counter()).update(counts)
        self.fields.update(other.fields)

    def as_data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"proposed": self.proposed}
        out.update({o: self.outcomes[o] for o in OUTCOMES})
        out["corrected_fields"] = dict(sorted(self.fields.items()))
        out["by_kind"] = {
            s: {o: self.by_section[s][o] for o in OUTCOMES}
            for s in SECTIONS
            if s in self.by_section
        }
        return out


def _records(data: ArticleFile, section: str) -> list[dict[str, Any]]:
    if section == "trip_claim":
        if data.trip_claim is None:
            return []
        return [{"id": "trip_claim", **data.trip_claim.model_dump()}]
    return [r.model_dump() for r in getattr(data, section)]


def _proposals(records: Mapping[str, Any], section: str) -> dict[str, Mapping[str, Any]]:
    if section == "trip_claim":
        claim = records.get("trip_claim")
        return {"trip_claim": claim} if claim else {}
    return {p["id"]: p for p in records.get(section, [])}


def compare(data: ArticleFile, proposed: Mapping[str, Any]) -> Effort:
    """The effort of one article: its curated records against the proposals."""
    effort = Effort()
    for section in SECTIONS:
        proposals = _proposals(proposed, section)
        held = set()
        for record in _records(data, section):
            held.add(record["id"])
            written = record.get("extracted")
            if written is None:
                effort.count(section, "by_hand")
                continue
            if record["status"] != "verified":
                effort.count(section, str(record["status"]))
                continue
            if merge.fingerprint(section, record) == written:
                effort.count(section, "accepted")
                continue
            changed = _changed(section, record, proposals.get(record["id"]))
            effort.count(section, "corrected", changed)
        for proposal_id in proposals:
            if proposal_id not in held:
                effort.count(section, "unmerged")
    return effort


def _changed(kind: str, record: Mapping[str, Any], proposal: Mapping[str, Any] | None) -> list[str]:
    """The machine fields an editor changed, or "?" when the proposal made again is not
    the one the record was made from."""
    if proposal is None or merge.fingerprint(kind, proposal) != record.get("extracted"):
        return [UNKNOWN_FIELDS]
    names = merge.MACHINE_FIELDS[kind]
    return [f"{kind}.{n}" for n in names if _plain(record.get(n)) != _plain(proposal.get(n))]


def _plain(value: Any) -> Any:
    """A field's value as the fingerprint sees it: dates as text, sequences as lists."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def measure(store: Store, only: Sequence[str] = ()) -> dict[str, Effort]:
    """Effort per article (source id, in order), for the articles that have data files."""
    people = known_people(store.people)
    index = PeopleIndex.of(store.people)
    out: dict[str, Effort] = {}
    for source_id in sorted(store.article_data):
        article = store.articles.get(source_id)
        if article is None or (only and source_id not in only):
            continue
        found = extract_article(article.text, published=article.source.event_date, people=people)
        records = article_records(source_id, found, index)
        out[source_id] = compare(store.article_data[source_id], records)
    return out


def totals(efforts: Mapping[str, Effort]) -> Effort:
    total = Effort()
    for effort in efforts.values():
        total.add(effort)
    return total


COLUMNS = ("proposed", *OUTCOMES)


def table(efforts: Mapping[str, Effort]) -> list[str]:
    """The per-article table and the totals, as lines of text."""
    width = max([len("article"), len("total"), *(len(s) for s in efforts)])
    head = f"{'article':<{width}}  " + "  ".join(f"{c:>9}" for c in COLUMNS)
    lines = [head, "-" * len(head)]
    for source_id, effort in [*efforts.items(), ("total", totals(efforts))]:
        if source_id == "total":
            lines.append("-" * len(head))
        data = effort.as_data()
        lines.append(f"{source_id:<{width}}  " + "  ".join(f"{data[c]:>9}" for c in COLUMNS))
    fields = totals(efforts).fields
    if fields:
        listed = ", ".join(f"{name} {n}" for name, n in sorted(fields.items()))
        lines.append(f"fields corrected: {listed}")
    return lines


HEADER = """\
# Editor effort: what the deterministic extractors proposed for each article and what the
# editors did with it, written by `shuttle effort --write FILE`
# (see scripts/shuttle/curation/effort.py).
# proposed = accepted + corrected + rejected + candidate (the machine's records in the file);
# by_hand: records editors added; unmerged: proposals not yet merged into the file;
# corrected_fields: records whose field an editor changed ("?": cannot be told).
# The baseline the next improvement of the extractors is measured against.
"""


def as_yaml(efforts: Mapping[str, Effort]) -> str:
    data = {
        "totals": totals(efforts).as_data(),
        "articles": {s: e.as_data() for s, e in efforts.items()},
    }
    # the counts of a kind on one line each: a diff shows what moved
    body = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None
    )
    return HEADER + str(body)


def write(path: Path, shown: str, efforts: Mapping[str, Effort]) -> None:
    write_atomic(path, as_yaml(efforts), shown, expected=current_digest(path))


def run(paths: Paths, only: Sequence[str] = ()) -> tuple[dict[str, Effort], list[Problem]]:
    store, problems = load_store(paths)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        return {}, errors
    unknown = sorted(set(only) - {s.id for s in store.sources})
    if unknown:
        shown = paths.relative(paths.sources_file)
        return {}, [Problem.of("E201", shown, None, f"no source with id {u!r}") for u in unknown]
    return measure(store, only), []
