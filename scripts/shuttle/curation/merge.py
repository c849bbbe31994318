"""Folds machine proposals into data/ without ever undoing an editor's work.

The rules, per record (matched by id):
- new id: appended with status candidate and a fingerprint of the machine's fields;
- status verified or rejected: the editor owns it; never touched;
- candidate whose machine fields no longer match their fingerprint: an editor corrected
  it; never touched;
- untouched candidate: its machine fields are refreshed from the new proposal.
Nothing is ever deleted, and editor-owned fields (status, note, summary once edited)
are never written. Files are written through round-trip YAML (comments, order and
quoting survive) and only if they did not change since they were read.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from shuttle import yamlio
from shuttle.problems import Problem, ProblemError
from shuttle.records.fields import Record, machine_fields
from shuttle.records.schema import Event, Figure, Person, Quote, TripClaim
from shuttle.records.store import check_article_file

# The fields the machine writes, per section, as the schema's models mark them (MACHINE);
# everything else belongs to editors.
MODELS: dict[str, type[Record]] = {
    "quotes": Quote,
    "figures": Figure,
    "events": Event,
    "trip_claim": TripClaim,
    "people": Person,
}
MACHINE_FIELDS: dict[str, tuple[str, ...]] = {
    section: machine_fields(model) for section, model in MODELS.items()
}

ARTICLE_HEADER = (
    "Facts taken from one article by `shuttle extract`, for editors to verify.\n"
    "Set status: verified once checked against the article, or rejected to drop it for\n"
    "good. Correct any field freely: re-extraction never overwrites an edited record.\n"
    "Offsets are character positions in the article's text (see README).\n"
)


def _normal(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_normal(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, str):
        return str(value)
    return str(value)


# The machine's list fields (a trip claim's places): written only when not empty, so a
# record without one had [] proposed.
LIST_FIELDS: dict[str, frozenset[str]] = {
    section: frozenset(
        name for name in names if MODELS[section].model_fields[name].default_factory is list
    )
    for section, names in MACHINE_FIELDS.items()
}


def _values(section: str, record: Mapping[str, Any]) -> dict[str, Any]:
    lists = LIST_FIELDS[section]
    return {
        name: _normal([] if record.get(name) is None and name in lists else record.get(name))
        for name in MACHINE_FIELDS[section]
    }


def _digest(values: Mapping[str, Any]) -> str:
    text = json.dumps(values, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def fingerprint(section: str, record: Mapping[str, Any]) -> str:
    return _digest(_values(section, record))


def _machine_print(section: str, record: Mapping[str, Any]) -> bool:
    """Whether the record's fingerprint is of its machine fields as they stand: of all of
    them, or of all but some the record lacks (fields its model gained after the print:
    a record is not the editors' because the schema grew)."""
    stored = record.get("extracted")
    values = _values(section, record)
    if stored == _digest(values):
        return True
    lacking = [name for name, value in values.items() if value is None]
    return any(
        stored == _digest({name: values[name] for name in values if name not in dropped})
        for size in range(1, len(lacking) + 1)
        for dropped in itertools.combinations(lacking, size)
    )


def _yaml_value(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        seq = CommentedSeq(value)
        seq.fa.set_flow_style()
        return seq
    return value


def _fresh(section: str, proposal: Mapping[str, Any]) -> CommentedMap:
    record = CommentedMap()
    for key, value in proposal.items():
        if value is not None and value != []:
            record[key] = _yaml_value(value)
    record["status"] = "candidate"
    record["extracted"] = fingerprint(section, proposal)
    return record


def editor_owned(section: str, record: Mapping[str, Any]) -> bool:
    """True when an editor has decided on the record or changed what the machine wrote."""
    if record.get("status", "candidate") != "candidate":
        return True
    return not _machine_print(section, record)


def _refresh(section: str, record: CommentedMap, proposal: Mapping[str, Any]) -> bool:
    if _values(section, record) == _values(section, proposal):
        return False  # (its print may predate a field the model gained: left as it is)
    new_print = fingerprint(section, proposal)
    for name in MACHINE_FIELDS[section]:
        value = proposal.get(name)
        if value is not None and value != []:
            record[name] = _yaml_value(value)
        elif name in record.ca.items:  # an editor's comment is on (or below) the line
            record[name] = None if value is None else _yaml_value(value)
        else:
            record.pop(name, None)
    record["extracted"] = new_print
    return True


def fold_list(section: str, items: CommentedSeq, proposals: Sequence[Mapping[str, Any]]) -> bool:
    """Merge proposals into a YAML list of records; True if anything changed."""
    by_id = {item.get("id"): item for item in items if isinstance(item, CommentedMap)}
    changed = False
    for proposal in proposals:
        existing = by_id.get(proposal["id"])
        if existing is None:
            record = _fresh(section, proposal)
            items.append(record)
            by_id[proposal["id"]] = record
            changed = True
        elif not editor_owned(section, existing):
            changed |= _refresh(section, existing, proposal)
    return changed


def fold_one(section: str, doc: CommentedMap, proposal: Mapping[str, Any] | None) -> bool:
    """Merge a single record (the trip claim) kept under `doc[section]`."""
    if proposal is None:
        return False
    existing = doc.get(section)
    if not isinstance(existing, CommentedMap):
        if existing is not None:
            return False  # something an editor wrote that is not a record: leave it
        doc[section] = _fresh(section, proposal)
        return True
    if editor_owned(section, existing):
        return False
    return _refresh(section, existing, proposal)


def _document(loaded: yamlio.Loaded) -> CommentedMap:
    if not isinstance(loaded.data, CommentedMap):
        raise ProblemError([Problem.of("E102", loaded.shown, 1, "the file must hold a mapping")])
    return loaded.data


def section(loaded: yamlio.Loaded, key: str) -> CommentedSeq:
    """The list of records under `key`, made if absent; anything else is the editor's."""
    doc = _document(loaded)
    items = doc.get(key)
    if items is None:
        items = CommentedSeq()
        doc[key] = items
    if not isinstance(items, CommentedSeq):
        line = yamlio.line_of(doc, key)
        raise ProblemError([Problem.of("E102", loaded.shown, line, f"{key}: must be a list")])
    return items


def load_or_new(
    path: Path, shown: str, header: str | None, top: Mapping[str, Any], *, keep_empty: bool = False
) -> yamlio.Loaded:
    """The file read round trip, or a new document holding `top`; an empty file is taken
    as `top` too, unless `keep_empty` (for the caller to check)."""
    if path.exists():
        loaded = yamlio.load(path, shown)
        if loaded.data is None and not keep_empty:  # an empty file
            loaded.data = CommentedMap(top)
        return loaded
    doc = CommentedMap(top)
    if header:
        doc.yaml_set_start_comment(header)
    return yamlio.Loaded(path=path, shown=shown, data=doc, digest=None)


def merge_article(loaded: yamlio.Loaded, records: Mapping[str, Any]) -> bool:
    """Fold one article's proposals into its data file's round-trip document."""
    doc = _document(loaded)
    changed = fold_one("trip_claim", doc, records.get("trip_claim"))
    for name in ("quotes", "figures", "events"):
        proposals = records.get(name) or []
        if not proposals and name not in doc:
            continue
        changed |= fold_list(name, section(loaded, name), proposals)
    return changed


@dataclass(frozen=True)
class Folded:
    """An article's data file with the proposals folded in, for the caller to write."""

    path: Path
    shown: str
    text: str | None  # the file's new text; None: leave it as it is
    digest: str | None  # of the file as read (a save since is refused); None: a new file
    held: bool  # it held a record before (else `shuttle extract` notes what it proposed)
    problems: list[Problem]


def fold_article_file(path: Path, shown: str, source_id: str, records: Mapping[str, Any]) -> Folded:
    """Reads an article's data file once (round trip), checks it as `shuttle check` reads
    it, and folds the proposals in; writes nothing (the caller writes every file or none)."""
    try:
        doc = load_or_new(path, shown, ARTICLE_HEADER, {"source": source_id}, keep_empty=True)
        if doc.digest is not None:  # (an empty file too: it names no source)
            found = [p for p in check_article_file(doc) if p.severity == "error"]
            if found:
                return Folded(path, shown, None, doc.digest, True, found)
        data = _document(doc)
        held = any(data.get(name) for name in ("quotes", "figures", "events"))
        changed = merge_article(doc, records)
        if not changed and doc.digest is None:  # nothing proposed: a place for the editor's
            for name in ("quotes", "figures", "events"):
                section(doc, name)
        text = yamlio.dumps(doc.data) if changed or doc.digest is None else None
        return Folded(path, shown, text, doc.digest, held, [])
    except ProblemError as exc:
        return Folded(path, shown, None, None, True, exc.problems)


def merge_people(
    loaded: yamlio.Loaded,
    new_people: Mapping[str, Mapping[str, Any]],
    proposed_by: Mapping[str, str] | None = None,
) -> bool:
    """Add the people first proposed by this run; each new one is marked with a comment
    naming the source that proposed it (`# proposed by SOURCE-ID`), so an editor can
    read the person against that article."""
    if not new_people:
        return False
    items = section(loaded, "people")
    before = {item.get("id") for item in items if isinstance(item, CommentedMap)}
    changed = fold_list("people", items, list(new_people.values()))
    sources = proposed_by or {}
    for item in items:
        person_id = str(item.get("id")) if isinstance(item, CommentedMap) else ""
        if person_id not in before and person_id in sources:
            item.yaml_add_eol_comment(f"# proposed by {sources[person_id]}", "id")
    return changed
