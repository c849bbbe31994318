"""`shuttle people merge NEW INTO`: one person proposed under two spellings becomes one.

NEW's name (and aliases) become aliases of INTO, so the extractors match that spelling
to INTO from now on; every quote whose speaker is NEW and every trip that met NEW name
INTO instead; NEW is marked rejected, with a note saying where it went (its id stays
taken, so it is never proposed again). Each file is written through round-trip YAML
(comments, order and quoting survive), atomically, and only if it did not change since
it was read; the people file is written last, so a failure on the way leaves records
naming a person who still exists.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from shuttle import yamlio
from shuttle.curation.proposals import name_key
from shuttle.paths import Paths
from shuttle.problems import Problem, ProblemError
from shuttle.textio import current_digest


@dataclass
class Merged:
    aliases: list[str] = field(default_factory=list)  # added to INTO
    quotes: dict[str, int] = field(default_factory=dict)  # file shown -> quotes repointed
    trips: list[int] = field(default_factory=list)  # ordinals whose meetings changed
    written: list[str] = field(default_factory=list)


def _person(loaded: yamlio.Loaded, person_id: str) -> CommentedMap:
    people = loaded.data.get("people") if isinstance(loaded.data, CommentedMap) else None
    records = [p for p in (people or []) if isinstance(p, CommentedMap)]
    for record in records:
        if record.get("id") == person_id:
            return record
    ids = [str(p.get("id")) for p in records]
    close = difflib.get_close_matches(person_id, ids, n=3, cutoff=0.5)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise ProblemError([Problem.of("E201", loaded.shown, None, f"no person {person_id!r}{hint}")])


def _add_aliases(into: CommentedMap, new: CommentedMap) -> list[str]:
    aliases = into.get("aliases")
    if not isinstance(aliases, CommentedSeq):
        aliases = CommentedSeq(aliases or [])
        aliases.fa.set_flow_style()
        into["aliases"] = aliases
    known = {name_key(str(n)) for n in (into.get("name"), *aliases) if n}
    added = []
    for name in (new.get("name"), *(new.get("aliases") or [])):
        if name and name_key(str(name)) not in known:
            aliases.append(str(name))
            known.add(name_key(str(name)))
            added.append(str(name))
    return added


def _repoint_quotes(loaded: yamlio.Loaded, new_id: str, into_id: str) -> int:
    count = 0
    quotes = loaded.data.get("quotes") if isinstance(loaded.data, CommentedMap) else None
    for quote in quotes or []:
        if isinstance(quote, CommentedMap) and quote.get("speaker") == new_id:
            quote["speaker"] = into_id
            count += 1
    return count


def _repoint_trips(loaded: yamlio.Loaded, new_id: str, into_id: str) -> list[int]:
    changed = []
    trips = loaded.data.get("trips") if isinstance(loaded.data, CommentedMap) else None
    for trip in trips or []:
        meetings = trip.get("meetings") if isinstance(trip, CommentedMap) else None
        if isinstance(meetings, CommentedSeq) and new_id in meetings:
            at = meetings.index(new_id)
            if into_id in meetings:
                del meetings[at]
            else:
                meetings[at] = into_id
            changed.append(int(trip.get("ordinal", 0)))
    return changed


def _naming(paths: Paths, new_id: str) -> list[Path]:
    """Article files that may name NEW (a cheap look at the text before a full load)."""
    if not paths.articles_dir.is_dir():
        return []
    return [
        path
        for path in sorted(paths.articles_dir.glob("*.yml"))
        if new_id in path.read_text(encoding="utf-8", errors="replace")
    ]


def merge_people(paths: Paths, new_id: str, into_id: str) -> Merged:
    """Merge person NEW into person INTO across data/; see the module's description."""
    people = yamlio.load(paths.people_file, paths.relative(paths.people_file))
    if new_id == into_id:
        message = f"cannot merge {new_id!r} into itself"
        raise ProblemError([Problem.of("E102", people.shown, None, message)])
    new, into = _person(people, new_id), _person(people, into_id)
    if into.get("status") == "rejected":
        line = yamlio.line_of(into, "status")
        message = f"{into_id!r} is rejected: merge into a person who is not"
        raise ProblemError([Problem.of("E102", people.shown, line, message)])
    merged = Merged()
    to_write: list[yamlio.Loaded] = []
    for path in _naming(paths, new_id):
        loaded = yamlio.load(path, paths.relative(path))
        count = _repoint_quotes(loaded, new_id, into_id)
        if count:
            merged.quotes[loaded.shown] = count
            to_write.append(loaded)
    if paths.trips_file.exists():
        trips = yamlio.load(paths.trips_file, paths.relative(paths.trips_file))
        merged.trips = _repoint_trips(trips, new_id, into_id)
        if merged.trips:
            to_write.append(trips)
    merged.aliases = _add_aliases(into, new)
    if new.get("status") != "rejected" or merged.aliases:
        new["status"] = "rejected"
        if not new.get("note"):
            new["note"] = f"the same person as {into_id} (merged with `shuttle people merge`)"
        to_write.append(people)
    edited = [x.shown for x in to_write if current_digest(x.path) != x.digest]
    if edited:  # an editor saved one meanwhile: write none of them
        message = "it was edited while the command ran; nothing was merged: run it again"
        raise ProblemError([Problem.of("E401", shown, None, message) for shown in edited])
    for loaded in to_write:  # the people file last: see the module's description
        yamlio.save(loaded)
        merged.written.append(loaded.shown)
    return merged
