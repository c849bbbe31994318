"""The editors' verbs: `shuttle add quote|figure|event` and `shuttle people merge`.

Kept apart from cli.py (the other verbs) so that each stays short; cli.py adds these
to its parser. Each verb imports the step it runs only when it runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from shuttle.paths import Paths


def cmd_add(args: argparse.Namespace, paths: Paths) -> int:
    from shuttle.curation import adding

    names = {
        "quote": ("speaker", "kind", "cue", "said_on"),
        "figure": ("value", "measure", "qualifier", "label", "subject", "attribution", "as_of"),
        "event": ("date", "summary", "kind", "trip"),
    }[args.what]
    fields = {name: getattr(args, name) for name in (*names, "status", "note")}
    added = adding.add(
        paths, args.what, args.source, args.words, fields, after=args.after, nth=args.nth
    )
    place = f"{added.shown}:{added.line}" if added.line else added.shown
    sys.stderr.write(
        f"added {args.what} {added.record_id} ({args.status}) to {place}: "
        f"characters {added.span.start}-{added.span.end}, line {added.span.line} of the article\n"
    )
    for filled in added.filled:
        sys.stderr.write(f"  filled in {filled} (correct it in the file if it is wrong)\n")
    return 0


def cmd_people(args: argparse.Namespace, paths: Paths) -> int:
    from shuttle.curation import people_merge

    merged = people_merge.merge_people(paths, args.new, args.into)
    quotes = sum(merged.quotes.values())
    sys.stderr.write(
        f"merged {args.new} into {args.into}: "
        f"aliases added: {', '.join(merged.aliases) or 'none'}; "
        f"{quotes} quote{'s' if quotes != 1 else ''} in {len(merged.quotes)} file(s) and "
        f"{len(merged.trips)} trip(s) now name {args.into}; {args.new} is rejected\n"
    )
    for shown in merged.written:
        sys.stderr.write(f"updated {shown}\n")
    return 0


def add_parsers(verbs: Any, day: Callable[[str], date]) -> None:
    """`add` and `people`, as sub-commands of `verbs`; `day` parses a date argument."""
    p = verbs.add_parser(
        "add", help="add a quote, figure or event an editor found, with its offsets"
    )
    what = p.add_subparsers(dest="what", required=True, metavar="WHAT")
    q = what.add_parser("quote", help="words someone said, found in the article")
    q.add_argument("--speaker", required=True, help="people id (or a name or alias)")
    q.add_argument("--kind", default="full", help="full (default) or fragment")
    q.add_argument("--cue", help="the attribution as written (default: a transcript's label)")
    q.add_argument("--said-on", type=day, help="the day it was said")
    f = what.add_parser("figure", help="a number as the article writes it")
    f.add_argument("--value", type=int, help="the number (default: as the text reads)")
    f.add_argument(
        "--measure", required=True, help="killed, injured, hostages_held, ... (see the schema)"
    )
    f.add_argument("--qualifier", help="more than, at least, about, ...")
    f.add_argument("--label", help="what is counted, when measure is other")
    f.add_argument("--subject", help="who was counted")
    f.add_argument("--attribution", help="whose figure it is")
    f.add_argument("--as-of", type=day, help="the day the figure refers to")
    e = what.add_parser("event", help="a sentence saying what happened on a day")
    e.add_argument("--date", type=day, required=True, help="the day it happened")
    e.add_argument("--summary", required=True, help="one line, as an editor writes it")
    e.add_argument("--kind", help="meeting, statement, ...")
    e.add_argument("--trip", type=int, help="the trip it belongs to")
    for sub in (q, f, e):
        sub.add_argument("words", help="the words exactly as the article writes them")
        sub.add_argument("--source", required=True, help="the article's source id")
        sub.add_argument("--after", help="choose the first occurrence after these words")
        sub.add_argument("--nth", type=int, help="choose the Nth occurrence (1, 2, ...)")
        sub.add_argument("--status", choices=("verified", "candidate"), default="verified")
        sub.add_argument("--note", help="an editor's note on the record")
    p.set_defaults(run=cmd_add)

    p = verbs.add_parser("people", help="tidy data/people.yml")
    people = p.add_subparsers(dest="what", required=True, metavar="WHAT")
    m = people.add_parser(
        "merge",
        help="NEW is INTO under another spelling: add NEW's names to INTO's aliases, make "
        "every quote and trip naming NEW name INTO, mark NEW rejected",
    )
    m.add_argument("new", metavar="NEW-ID")
    m.add_argument("into", metavar="INTO-ID")
    p.set_defaults(run=cmd_people)
