"""The `shuttle` verbs that make and show the site: build, generate, serve, linkcheck.

Each imports the step it runs when it runs; cli.py adds their parsers to its own.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from shuttle import config
from shuttle.paths import Paths
from shuttle.problems import report


def _site_url(text: str) -> str:
    try:
        return config.site_url_option(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def cmd_build(args: argparse.Namespace, paths: Paths) -> int:
    from shuttle import building

    problems = building.build(
        paths,
        site_url=args.site_url,
        preview=args.preview,
        check_links=not args.no_linkcheck,
        publish=args.publish,
        renderer=args.renderer,
    )
    status = report(problems)
    if status == 0:
        sys.stderr.write(
            f"site built in {paths.relative(paths.site)}/ — preview it with `make serve`\n"
        )
    return status


def cmd_generate(args: argparse.Namespace, paths: Paths) -> int:
    from shuttle import building

    return report(building.generate_only(paths, preview=args.preview))


def cmd_serve(args: argparse.Namespace, paths: Paths) -> int:
    if args.renderer == "zensical":
        from shuttle import zensical_serving

        return report(zensical_serving.serve(paths, preview=args.preview, address=args.address))
    from shuttle import serving

    return report(serving.serve(paths, preview=args.preview, address=args.address))


def cmd_linkcheck(args: argparse.Namespace, paths: Paths) -> int:
    from shuttle.render import linkcheck

    problems, summary = linkcheck.check_site(paths, site_url=args.site_url, external=args.external)
    for line in summary:
        sys.stderr.write(line + "\n")
    return report(problems)


def _site_url_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--site-url", type=_site_url, metavar="URL",
        help="the published address, ending in / (default: site_url under [tool.shuttle] "
        "in pyproject.toml)",
    )  # fmt: skip


def _renderer_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--renderer", choices=("material", "zensical"), default="material",
        help="what renders build/docs: Material for MkDocs (default) or Zensical",
    )  # fmt: skip


def add_parsers(verbs: Any) -> None:
    """`build`, `generate`, `serve` and `linkcheck`, as sub-commands of `verbs`."""
    p = verbs.add_parser("build", help="check, build the site into build/site, check its links")
    p.add_argument("--preview", action="store_true", help="also show candidates, marked")
    p.add_argument("--no-linkcheck", action="store_true", help="skip the link check")
    _renderer_option(p)
    p.add_argument(
        "--publish",
        action="store_true",
        help="a build to publish: refuse without the site's address (implied under CI)",
    )
    _site_url_option(p)
    p.set_defaults(run=cmd_build)

    p = verbs.add_parser("generate", help="check, write the site source into build/docs")
    p.add_argument("--preview", action="store_true", help="also show candidates, marked")
    p.set_defaults(run=cmd_generate)

    p = verbs.add_parser("serve", help="preview the site; reloads on edits to docs/, data/, seeds/")
    p.add_argument("--preview", action="store_true", help="also show candidates, marked")
    p.add_argument("--address", default="127.0.0.1:8000")
    _renderer_option(p)
    p.set_defaults(run=cmd_serve)

    p = verbs.add_parser("linkcheck", help="check every link of the built site")
    p.add_argument("--external", action="store_true", help="also check outside addresses")
    _site_url_option(p)
    p.set_defaults(run=cmd_linkcheck)
