"""`shuttle build` and `shuttle generate`: check, generate, render, check links, swap in.

The phases read top-down in `build`. The site is rendered into a fresh folder beside
build/site and swapped in only when the render and its link check succeed, so a failed
build leaves the previous site as it was. SOURCE_DATE_EPOCH is pinned to the last
commit's time (sitemap dates), so two builds of one commit are byte-identical. The
settings (the site's address, the page budget) come from config.py; the renderers are
handed them, and mkdocs.yml's nav as an editor writes it (origins.py), explicitly.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.exceptions import MkDocsException

from shuttle import config, origins
from shuttle.paths import Paths
from shuttle.problems import Problem, ProblemError, has_errors
from shuttle.render import publish as sitedir
from shuttle.render import sitememo
from shuttle.site import generate
from shuttle.textio import why

FALLBACK_EPOCH = 1704067200  # 2024-01-01, when the tree is not a git checkout

PREVIEW_REFUSED = Problem.of(
    "E504", "build/site", None,
    "a build for publishing cannot be a preview: it would publish candidates and the full "
    "text of sources whose licence allows only the cited paragraphs; drop --preview",
)  # fmt: skip


def build(
    paths: Paths,
    *,
    site_url: str | None = None,
    preview: bool = False,
    check_links: bool = True,
    publish: bool = False,
    renderer: str | None = "material",
    write: generate.Write = generate.write_file,
    log: logging.Logger | None = None,
) -> list[Problem]:
    """Settings, check, generate, render, link check; the site swapped in only when all
    succeed. `renderer` None: stop once build/docs is written (`shuttle generate`).
    `site_url` (`--site-url`) wins over pyproject.toml's. `publish`: refuse to build
    without the real site address (also under CI), or as a preview (it shows candidates,
    and the full text of every source whatever its licence). `write` writes each file of
    build/docs, `log` says what was done (tests fake them)."""
    if publish and preview:
        return [PREVIEW_REFUSED]
    problems: list[Problem] = []
    with collected(paths, problems):
        settings = config.load(paths, site_url=site_url)
        # taken before the checks read the store: an edit saved meanwhile is a miss next time
        inputs = generate.inputs_digest(
            paths, site_url=settings.address, preview=preview, budget=settings.page_budget,
            ci=config.in_ci(),
        )  # fmt: skip
        # build/docs made from these inputs before: what the checks found then, and the
        # checks run only if build/docs turns out changed (generate.py, memo.py)
        remembered = generate.remembered_problems(paths, inputs)
        source: generate.Checked | Callable[[], generate.Checked]
        script = None
        if remembered is None:
            # the charts' script (2 s, made of no data) built on the other core meanwhile;
            # generate takes it when it needs it (a refused build writes nothing of it)
            script = generate.script_aside(paths)
            source = run_checks(paths)
            checked = source[1]
        else:
            checked, source = remembered, functools.partial(run_checks, paths)
        problems += checked
        if has_errors(problems):
            return problems
        if renderer is not None:
            address = address_problem(settings.address, publish=publish or config.in_ci())
            problems += [address] if address else []
            if has_errors(problems):
                return problems
            problems += _cache_problems(paths)
        with sitedir.locked(paths.build), environment(paths):
            generate.generate(
                paths, source, site_url=settings.address, preview=preview,
                budget=settings.page_budget, write=write, log=log or logging.getLogger("shuttle"),
                inputs=inputs, script=script,
            )  # fmt: skip
            if renderer is None:
                return problems
            sitedir.recover(paths.site)  # a site a killed build left aside, its leftovers
            # build/site rendered from these inputs before, and still as it was: kept
            made = sitememo.key(paths, inputs, renderer, source_date_epoch(paths))
            kept = sitememo.recall(paths, made, paths.site)
            if kept is not None:
                (log or logging.getLogger("shuttle")).info(
                    "build/site is up to date: rendered from these inputs, and unchanged since"
                )
                problems += kept
                if check_links:
                    problems += _check_links(paths, settings, paths.site)
                return problems
            fresh = Path(tempfile.mkdtemp(prefix=sitedir.FRESH_PREFIX, dir=paths.build))
            try:
                found = render(paths, settings, renderer, fresh)
                said = list(found)
                if not has_errors(found) and check_links:
                    found += _check_links(paths, settings, fresh)
                problems += found
                if not has_errors(found):
                    _make_readable(fresh)
                    sitedir.swap(fresh, paths.site)
                    sitememo.remember(paths, made, paths.site, said)
            finally:
                shutil.rmtree(fresh, ignore_errors=True)
    return problems


def run_checks(paths: Paths) -> generate.Checked:
    """The checks (checks/), imported when a build runs them: a build whose inputs did
    not change runs none, and their schema alone takes a fifth of a second to import."""
    from shuttle.checks import run_checks as checks

    return checks(paths)


def generate_only(
    paths: Paths, *, preview: bool = False, log: logging.Logger | None = None
) -> list[Problem]:
    """`shuttle generate`: check, then write the site source to build/docs."""
    return build(paths, preview=preview, renderer=None, log=log)


@contextlib.contextmanager
def collected(paths: Paths, problems: list[Problem]) -> Iterator[None]:
    """What stops a build midway, added to `problems` as an editor reads it."""
    try:
        yield
    except ProblemError as exc:
        problems += exc.problems
    except MkDocsException as exc:  # mkdocs.yml itself is wrong
        problems.append(Problem.of("E501", "mkdocs.yml", None, str(exc)))
    except OSError as exc:  # a read-only or full disk, a file where a folder should be
        problems.append(_write_problem(paths, exc))


def render(paths: Paths, settings: config.Config, renderer: str, site_dir: Path) -> list[Problem]:
    """build/docs rendered into `site_dir`, the settings and the nav handed over explicitly;
    the renderer's complaints told in terms of the files an editor edits."""
    from shuttle.render import renderers

    mkdocs_config = load_config(paths, site_dir=str(site_dir), site_url=settings.address)
    if renderer == "zensical":
        overrides = zensical_overrides(mkdocs_config, settings.address)
        found = renderers.render_zensical(paths, generate.docs_dir(paths), site_dir, overrides)
    else:
        mkdocs_config.nav = origins.moved_nav(mkdocs_config.nav)
        found = renderers.render_material(mkdocs_config)
    return origins.explain(found, paths)


def zensical_overrides(mkdocs_config: Any, site_url: str) -> dict[str, Any]:
    """What Zensical's copy of mkdocs.yml is given over it, as Material is: the site's
    address, and the nav with each page of docs/ named where generate puts it."""
    return {"site_url": site_url, "nav": origins.moved_nav(mkdocs_config.nav)}


def source_date_epoch(paths: Paths) -> str:
    """The last commit's time, so that output depends on the commit, not on the clock."""
    given = config.source_date_epoch()
    if given is not None:
        return str(given)
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=paths.root, capture_output=True, text=True, check=False, timeout=10,
        )  # fmt: skip
        stamp = out.stdout.strip()
        if out.returncode == 0 and stamp.isdigit():
            return stamp
    except (OSError, subprocess.SubprocessError):
        pass
    return str(FALLBACK_EPOCH)


def environment(paths: Paths) -> contextlib.AbstractContextManager[None]:
    """SOURCE_DATE_EPOCH for the renderers (sitemap dates), mkdocs' 2.0 notice off."""
    return config.exported(
        {"SOURCE_DATE_EPOCH": source_date_epoch(paths), "NO_MKDOCS_2_WARNING": "1"}
    )


def publishing(flag: bool) -> bool:
    """A build meant for publishing: asked for (`--publish`), or made by CI."""
    return flag or config.in_ci()


def _is_local(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host in ("", "localhost", "0.0.0.0", "::1") or host.startswith("127.")


SET_IT = (
    "set site_url under [tool.shuttle] in pyproject.toml, or build with --site-url, "
    "to the published address, as https://example.org/shuttle/"
)


def address_problem(site_url: str, *, publish: bool) -> Problem | None:
    """The downloads, sitemap and canonical links carry the site's address: a build to
    publish refuses a local one; a local build says its addresses are for preview."""
    if not _is_local(site_url):
        return None
    if publish:
        return Problem.of(
            "E503", "pyproject.toml", None,
            f"this build is for publishing (--publish, or CI) but the site's address is "
            f"{site_url or 'not set'}: {SET_IT}",
        )  # fmt: skip
    return Problem.of(
        "W503", "pyproject.toml", None,
        f"the site's own addresses (downloads, sitemap, canonical links) use {site_url}: "
        f"for preview only; to publish, {SET_IT}, and build with --publish",
    )  # fmt: skip


def load_config(paths: Paths, **overrides: Any) -> Any:
    """mkdocs.yml, strict, its docs_dir (build/docs) made if missing: mkdocs refuses a
    config whose docs_dir does not exist yet, and it is generated after the config is read."""
    from shuttle.render import mkdocs_adapter

    generate.docs_dir(paths).mkdir(parents=True, exist_ok=True)
    return mkdocs_adapter.load_config(paths.mkdocs_file, strict=True, **overrides)


def _check_links(paths: Paths, settings: config.Config, fresh: Path) -> list[Problem]:
    from shuttle.render import linkcheck

    links, _ = linkcheck.check_dir(paths, fresh, site_url=settings.address)
    return [_as_published(problem, paths, fresh) for problem in links]


def _cache_problems(paths: Paths) -> list[Problem]:
    """build/cache unusable is no reason to fail: the build runs without it, slower."""
    cache = paths.cache
    if cache.exists() and not cache.is_dir():
        why = "is not a folder"
    elif cache.is_dir() and not os.access(cache, os.W_OK):
        why = "cannot be written"
    else:
        return []
    return [
        Problem.of(
            "W403",
            paths.relative(cache),
            None,
            f"{why}; building without the cache (slower); remove it to have one again",
        )
    ]


def _write_problem(paths: Paths, exc: OSError) -> Problem:
    where = Path(exc.filename) if exc.filename else paths.build
    return Problem.of("E402", paths.relative(where), None, why(exc, where))


def _as_published(problem: Problem, paths: Paths, fresh: Path) -> Problem:
    """A problem found in the fresh build, shown where the page is published: build/site."""
    return dataclasses.replace(
        problem,
        file=problem.file.replace(paths.relative(fresh), paths.relative(paths.site), 1),
        message=problem.message.replace(str(fresh.resolve()), str(paths.site.resolve())),
    )


def _make_readable(folder: Path) -> None:
    # Link checkers and web servers may run as another user: files must be world-readable.
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
