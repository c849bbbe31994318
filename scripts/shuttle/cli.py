"""The `shuttle` command: thin verbs, each importing the step it runs (the site's verbs,
build, generate, serve and linkcheck, are in site_verbs.py; the editors' in
curation/editor_verbs.py).

Exit status: 0 when the step succeeded (warnings allowed), 1 when it found problems the
user must fix, 2 for a wrong command line. Problems print as `file:line: CODE message`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from shuttle import site_verbs
from shuttle.curation import editor_verbs
from shuttle.paths import Paths
from shuttle.problems import Problem, ProblemError, report


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def cmd_extract(args: argparse.Namespace, paths: Paths) -> int:
    from shuttle.curation import extracting

    # JSON alone on stdout (a pipe into jq must parse); every message on stderr.
    if args.files and (args.source or not args.json):
        sys.stderr.write("shuttle extract: name files only with --json, and not with --source\n")
        return 2
    if args.json and args.source:
        out, problems = extracting.extract_sources_json(paths, args.source)
    elif args.json:
        people, _ = (
            extracting.people_for_extraction(paths) if paths.people_file.exists() else ([], [])
        )
        out, problems = extracting.extract_files(
            args.files, published=args.published, people=people
        )
    if args.json:
        sys.stdout.write(out)
        return report(problems)
    notes: list[str] = []
    written, problems = extracting.run_extract(
        paths, args.source or (), jobs=args.jobs, notes=notes
    )
    for shown in written:
        sys.stderr.write(f"updated {shown}\n")
    for note in notes:
        sys.stderr.write(note + "\n")
    if not written and not problems and not notes:
        sys.stderr.write("nothing new: data/ already holds everything the extractors propose\n")
    return report(problems)


def cmd_check(args: argparse.Namespace, paths: Paths) -> int:
    from shuttle.checks import run_checks

    if args.codes:
        from shuttle.problems import CATALOG

        for code, (severity, meaning) in CATALOG.items():
            sys.stdout.write(f"{code}  {severity:<7}  {meaning}\n")
        return 0
    _, problems = run_checks(paths)
    status = report(problems, json_out=args.json)
    if not args.json:
        sys.stderr.write(summary(problems) + "\n")
    return status


def summary(problems: Sequence[Problem]) -> str:
    """The last line of a check: passed or failed, with the counts."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    counted = f"{warnings} warning{'s' if warnings != 1 else ''}"
    if not errors:
        return f"check passed ({counted})"
    files = len({p.file for p in problems if p.severity == "error"})
    return (
        f"check failed: {errors} error{'s' if errors != 1 else ''}, {counted}, "
        f"in {files} file{'s' if files != 1 else ''}"
    )


def cmd_schema(args: argparse.Namespace, paths: Paths) -> int:
    from shuttle.records import schema_export

    if args.check:
        problems = schema_export.drift(paths)
        return report(problems)
    for shown in schema_export.export(paths):
        sys.stderr.write(f"wrote {shown}\n")
    return 0


def cmd_import(args: argparse.Namespace, paths: Paths) -> int:
    from shuttle.records import reference

    if args.what == "casualties":
        target = paths.casualties_file
        count = reference.import_casualties(
            args.file, target, paths.relative(target), since=args.since, until=args.until
        )
        sys.stderr.write(f"imported {count} daily reports into {paths.relative(target)}\n")
    else:
        target = paths.trips_file
        count = reference.import_trips(args.file, target, paths.relative(target))
        sys.stderr.write(f"added {count} trips to {paths.relative(target)}\n")
    return 0


def cmd_effort(args: argparse.Namespace, paths: Paths) -> int:
    from shuttle.curation import effort

    efforts, problems = effort.run(paths, args.source or ())
    if problems:
        return report(problems)
    sys.stdout.write("\n".join(effort.table(efforts)) + "\n")
    if args.write is not None:
        target = args.write if args.write.is_absolute() else paths.root / args.write
        effort.write(target, paths.relative(target), efforts)
        sys.stderr.write(f"wrote {paths.relative(target)}\n")
    return 0


def cmd_eval(args: argparse.Namespace, paths: Paths) -> int:
    from ruamel.yaml.error import YAMLError

    from shuttle.curation import evaluate

    # nothing to score is a failure, not a table of zeros: a CI step must not pass on it
    golds = [args.gold] if args.gold else [evaluate.SEED_GOLD, evaluate.DEVREAL]
    folders = [(g, "the gold standard folder is missing") for g in golds]
    if args.seeds:
        folders.append((args.seeds, "the articles folder is missing"))
    missing = [
        Problem.of("E005", str(folder), None, why) for folder, why in folders if not folder.is_dir()
    ]
    missing += [
        Problem.of("E005", str(g), None, "no gold files (*.yml) in it")
        for g in golds
        if g.is_dir() and not any(g.glob("*.yml"))
    ]
    if missing:
        return report(missing)
    argv = [f"--{k}={v}" for k in ("gold", "seeds", "people") if (v := getattr(args, k))]
    try:
        status: int = evaluate.main([*argv, "--verbose"] if args.verbose else argv)
    except OSError as exc:  # a gold file names an article that is not there
        where = str(exc.filename or args.seeds or args.gold)
        return report([Problem.of("E005", where, None, exc.strerror or str(exc))])
    except (ValueError, YAMLError) as exc:  # a gold file that does not parse
        where = str(args.gold or evaluate.SEED_GOLD)
        return report([Problem.of("E001", where, None, str(exc).splitlines()[0])])
    return status


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="shuttle", description="Build and check the Shuttle explainer from its sources."
    )
    top.add_argument("--root", type=Path, help="project folder (default: nearest mkdocs.yml)")
    verbs = top.add_subparsers(dest="verb", required=True, metavar="VERB")

    p = verbs.add_parser("extract", help="propose quotes, figures and facts from the articles")
    p.add_argument("files", nargs="*", type=Path, help="article files (with --json)")
    p.add_argument("--json", action="store_true", help="print what is found; write nothing")
    p.add_argument("--published", type=_day, help="date that resolves 'on Tuesday' (--json)")
    p.add_argument("--source", action="append", help="only this source id (repeatable)")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: one per core)")
    p.set_defaults(run=cmd_extract)

    editor_verbs.add_parsers(verbs, _day)

    p = verbs.add_parser("check", help="validate seeds/ and data/; exit 1 on errors")
    p.add_argument("--json", action="store_true", help="problems as JSON on stdout")
    p.add_argument("--codes", action="store_true", help="list every problem code")
    p.set_defaults(run=cmd_check)

    site_verbs.add_parsers(verbs)

    p = verbs.add_parser("schema", help="export the JSON Schema of every data file")
    p.add_argument("--check", action="store_true", help="fail if the exported files drifted")
    p.set_defaults(run=cmd_schema)

    p = verbs.add_parser("import", help="import reference data (casualties JSON, trip list)")
    p.add_argument("what", choices=("casualties", "trips"))
    p.add_argument("file", type=Path)
    p.add_argument("--since", type=_day)
    p.add_argument("--until", type=_day)
    p.set_defaults(run=cmd_import)

    p = verbs.add_parser(
        "effort", help="what editors did with the extractors' proposals, per article"
    )
    p.add_argument("--source", action="append", help="only this source id (repeatable)")
    p.add_argument(
        "--write", type=Path, metavar="FILE",
        help="also write the numbers as YAML (benchmarks/editor_effort.yml is the baseline)",
    )  # fmt: skip
    p.set_defaults(run=cmd_effort)

    p = verbs.add_parser("eval", help="score the extractors against the gold standard")
    p.add_argument("--gold", type=Path, help="one gold directory (default: seed and dev-real)")
    p.add_argument("--seeds", type=Path, help="its articles (default: --gold, or seeds/)")
    p.add_argument("--people", type=Path, help="curated people for dev-real and --gold")
    p.add_argument("--verbose", "-v", action="store_true", help="list every mismatch")
    p.set_defaults(run=cmd_eval)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    paths = Paths(args.root.resolve()) if args.root else Paths.find()
    try:
        status: int = args.run(args, paths)
    except ProblemError as exc:
        return report(exc.problems)
    except KeyboardInterrupt:
        return 130
    return status


if __name__ == "__main__":
    raise SystemExit(main())
