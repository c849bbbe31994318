"""`shuttle add`: a quote, figure or event an editor found in an article, with its offsets.

The editor gives the words as written; the record gets the article's exact characters,
their start and end, and an id in the extractors' scheme (q-/f-/e- and a digest of the
source and start), so a later `shuttle extract` that proposes the same span finds the
record there and leaves it alone. A record added this way has no `extracted:`
fingerprint: that is what marks it as the editor's own (the effort measure counts it so).
It is written through merge's round-trip, "changed since read" guarded, atomic write:
the file's comments and order survive, and the file is made if it is absent.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml.comments import CommentedMap

from shuttle import yamlio
from shuttle.curation import merge
from shuttle.curation.proposals import name_key, record_id
from shuttle.paths import Paths
from shuttle.problems import Problem, ProblemError
from shuttle.records.fields import machine_fields
from shuttle.records.schema import Event, Figure, Person, Quote
from shuttle.records.sources import Article, hash_problem
from shuttle.records.spans import Span, locate
from shuttle.records.store import Store, load_store
from shuttle.text.numbers import find_numbers

SECTIONS: dict[str, tuple[str, str, type[BaseModel]]] = {
    # what -> (section in the article's file, id prefix, model)
    "quote": ("quotes", "q", Quote),
    "figure": ("figures", "f", Figure),
    "event": ("events", "e", Event),
}
# The field holding the article's words, and the fields in the order editors read them.
WORDS_FIELD = {"quote": "text", "figure": "text", "event": "sentence"}
# (The machine's fields as the models declare them, then the editors' own a verb may set.)
ORDER = {
    "quote": machine_fields(Quote),
    "figure": machine_fields(Figure),
    "event": (*machine_fields(Event), "trip"),
}
# A transcript's paragraph opens with its speaker's label: "SECRETARY BLINKEN: ...".
_LABEL = re.compile(r"^[A-Z][A-Z.'’ -]*[A-Z.]:", re.MULTILINE)


@dataclass(frozen=True)
class Added:
    record_id: str
    shown: str  # data/articles/ID.yml
    line: int | None
    span: Span
    filled: tuple[str, ...]  # fields filled in for the editor, as "name: value"


def _close(word: str, choices: list[str]) -> str:
    found = difflib.get_close_matches(word, choices, n=3, cutoff=0.5)
    return f" (did you mean {', '.join(found)}?)" if found else ""


def _article(paths: Paths, store: Store, problems: list[Problem], source_id: str) -> Article:
    shown = paths.relative(paths.sources_file)
    ids = [s.id for s in store.sources]
    if source_id not in ids:
        message = f"no source with id {source_id!r}{_close(source_id, ids)}"
        raise ProblemError([Problem.of("E201", shown, None, message)])
    article = store.articles.get(source_id)
    if article is None:  # its text did not load: load_store said why
        errors = [p for p in problems if p.severity == "error"]
        raise ProblemError(errors or [Problem.of("E005", shown, None, f"{source_id}: no text")])
    place = store.place(article.source)
    changed = hash_problem(article, place.file, place.line)
    if changed is not None:  # offsets would point at other words
        raise ProblemError([changed])
    return article


def speaker_id(paths: Paths, people: list[Person], given: str) -> str:
    """A people id, from an id or any name or alias a person carries."""
    live = [p for p in people if p.status != "rejected"]
    if any(p.id == given for p in live):
        return given
    for person in live:
        if name_key(given) in {name_key(n) for n in (person.name, *person.aliases)}:
            return person.id
    rejected = next((p for p in people if p.id == given), None)
    shown = paths.relative(paths.people_file)
    if rejected is not None:
        message = f"{given!r} is rejected in {shown}" + (
            f": {rejected.note}" if rejected.note else ""
        )
    else:
        message = (
            f"no person {given!r} in {shown}{_close(given, [p.id for p in live])}; "
            "add them there first"
        )
    raise ProblemError([Problem.of("E201", shown, None, message)])


def _transcript_cue(article: Article, span: Span) -> str | None:
    """The label of the turn the words are in: the last paragraph before them that opens
    with one (a speaker's turn runs on over the paragraphs after its label)."""
    labels = list(_LABEL.finditer(article.text, 0, span.start))
    return labels[-1].group() if labels else None


def _fill(
    what: str, article: Article, span: Span, fields: dict[str, Any], seed_shown: str
) -> list[str]:
    """Fields the editor left out that the article answers; returns what was filled."""
    filled = []
    if what == "quote" and fields.get("cue") is None:
        cue = _transcript_cue(article, span)
        if cue is not None:
            fields["cue"] = cue
            filled.append(f"cue: {cue}")
            if fields.get("said_on") is None:  # remarks are transcribed the day they are made
                fields["said_on"] = article.source.event_date
                filled.append(f"said_on: {article.source.event_date.isoformat()}")
    if what == "figure":
        numbers = find_numbers(span.text)
        reads = numbers[0].value if numbers else None
        if fields.get("value") is None and reads is not None:
            fields["value"] = reads
            filled.append(f"value: {reads}")
        elif fields.get("value") != reads:  # the check (E205) would refuse it
            says = f"reads as {reads:,}" if reads is not None else "does not read as a number"
            given = fields.get("value")
            message = (
                f"--value {given} is not what {span.text!r} says: it {says}"
                if given is not None
                else f"{span.text!r} {says}: give the number as the article writes it"
            )
            raise ProblemError([Problem.of("E205", seed_shown, span.line, message)])
    return filled


def _record(what: str, record_id: str, span: Span, fields: Mapping[str, Any]) -> CommentedMap:
    values = {WORDS_FIELD[what]: span.text, "start": span.start, "end": span.end, **fields}
    record = CommentedMap(id=record_id)
    for name in ORDER[what]:
        if values.get(name) is not None:
            record[name] = values[name]
    for name in ("status", "note"):
        if values.get(name) is not None:
            record[name] = values[name]
    return record


def _check(what: str, record: CommentedMap, shown: str) -> None:
    try:
        SECTIONS[what][2].model_validate(yamlio.plain(record))
    except ValidationError as exc:
        raise ProblemError(
            Problem.of("E102", shown, None, f"{_option(e['loc'])}: {e['msg']}")
            for e in exc.errors()
        ) from None


def _option(loc: tuple[int | str, ...]) -> str:
    """A field as the editor gave it: the command line's option for it."""
    name = ".".join(map(str, loc))
    return (
        name
        if name in ("text", "sentence", "start", "end", "id")
        else "--" + name.replace("_", "-")
    )


def add(
    paths: Paths,
    what: str,
    source_id: str,
    words: str,
    fields: dict[str, Any],
    *,
    after: str | None = None,
    nth: int | None = None,
) -> Added:
    """Locate the words in the article and write the record into data/articles/ID.yml."""
    store, problems = load_store(paths)
    article = _article(paths, store, problems, source_id)
    if what == "quote":
        fields["speaker"] = speaker_id(paths, store.people, fields["speaker"])
    seed_shown = paths.relative(paths.article(article.source.file))
    span = locate(article.text, words, seed_shown, after=after, nth=nth)
    filled = _fill(what, article, span, fields, seed_shown)
    path = paths.article_data(source_id)
    shown = paths.relative(path)
    loaded = merge.load_or_new(path, shown, merge.ARTICLE_HEADER, {"source": source_id})
    key, prefix, _ = SECTIONS[what]
    items = merge.section(loaded, key)
    for index, item in enumerate(items):
        if isinstance(item, CommentedMap) and (item.get("start"), item.get("end")) == (
            span.start,
            span.end,
        ):
            message = (
                f"{item.get('id')} already holds these words (status "
                f"{item.get('status', 'candidate')}): edit that record instead"
            )
            line = yamlio.line_of(items, index)
            raise ProblemError([Problem.of("E603", shown, line, message)])
    new_id = _fresh_id(loaded.data, record_id(prefix, source_id, span.start))
    record = _record(what, new_id, span, fields)
    _check(what, record, shown)
    items.append(record)
    yamlio.save(loaded)
    written = yamlio.load(path, shown).data[key]
    return Added(new_id, shown, yamlio.line_of(written, len(written) - 1), span, tuple(filled))


def _fresh_id(doc: Any, wanted: str) -> str:
    """`wanted`, or wanted-2, -3, ... when a record of the file already has it."""
    taken = {
        item.get("id")
        for key in ("quotes", "figures", "events")
        for item in (doc.get(key) or [])
        if isinstance(item, CommentedMap)
    }
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate
