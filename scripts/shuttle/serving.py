"""`shuttle serve`: build/docs regenerated when docs/, data/ or seeds/ change, rendered
into a temporary folder and served by mkdocs' development server, which reloads the
browsers once a rebuild is done.

The server calls `Session` when a watched file changes, which regenerates what changed:
an edit of a page of docs/ is copied to build/docs alone (the generated pages do not read
docs/); any other change regenerates everything, taking back each page the last
generation made where nothing it read changed (site/pages/reuse.py), and only files
whose content changed are rewritten (generate.py). Then only the pages whose
Markdown changed are built, as mkdocs' dirty build does, made exact by
render/incremental.py (the menus and the search index are as a full build makes them);
every page is built when mkdocs.yml or the theme's templates changed, or a page of the
menus was added, removed or renamed (a listing's part or an article's page that comes or
goes is built, or removed, alone). Many pages to build (an edit of a person's role builds
each page that quotes them) are shared with a helper process on the other core
(render/prerender.py), as the first preview's are. Problems of seeds/ and data/ do not
stop the preview: they are shown on top of every generated page, built from what did
load.

A save is heard from the system's file events (render/watching.py; `watch = "polling"`
looks instead), and Python's collector waits until the preview is idle (`Collector`).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import signal
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from mkdocs.exceptions import MkDocsException

from shuttle import building, config
from shuttle.checks import run_checks
from shuttle.collector import Collector
from shuttle.paths import Paths, editor_scratch
from shuttle.problems import Problem, ProblemError, ordered
from shuttle.render import incremental, mkdocs_adapter, plugin, scratch
from shuttle.site import folders, generate
from shuttle.site.pages.reuse import Reuse

log = logging.getLogger("shuttle.serve")
SITE_PREFIX = "shuttle-serve-"  # in the system's temporary folder
POLL_SECONDS = 0.2


def inputs(paths: Paths) -> list[Path]:
    return [paths.docs, paths.data, paths.seeds]


def snapshot(folders: list[Path]) -> dict[str, tuple[int, int]]:
    """Each file's time and size: a saved edit changes one of them."""
    seen: dict[str, tuple[int, int]] = {}
    for folder in folders:
        for path in folder.rglob("*") if folder.is_dir() else (folder,):
            try:
                status = path.stat()
            except OSError:  # removed meanwhile: the next look sees it gone
                continue
            # a file added or removed is seen itself; an editor's scratch file is no edit
            if not stat.S_ISDIR(status.st_mode) and not editor_scratch(path.name):
                seen[str(path)] = (status.st_mtime_ns, status.st_size)
    return seen


def changes(before: dict[str, tuple[int, int]], now: dict[str, tuple[int, int]]) -> list[Path]:
    """The files added, removed or saved between two snapshots."""
    return [Path(n) for n in sorted(now.keys() | before.keys()) if now.get(n) != before.get(n)]


class Told:
    """The problems of seeds/ and data/ as serve tells them: every one the first time;
    after a saved edit, only those that were not there before (the same problem on another
    line is not new), how many went, and how many remain. At 1,000 articles there are
    thousands of warnings, which an editor should not read again after every save."""

    def __init__(self) -> None:
        self.before: set[tuple[str, str, str]] | None = None

    def __call__(self, problems: list[Problem]) -> None:
        found = ordered(problems)
        now = {(p.file, p.code, p.message) for p in found}
        before = self.before
        for problem in found:
            if before is None or (problem.file, problem.code, problem.message) not in before:
                (log.warning if problem.severity == "error" else log.info)(str(problem))
        if before is not None:
            errors = sum(p.severity == "error" for p in found)
            gone, new = len(before - now), len(now - before)
            log.info(
                f"seeds/ and data/: {errors} error(s), {len(found) - errors} warning(s); "
                f"{new} new, {gone} gone since the last save"
            )  # fmt: skip
        self.before = now


def regenerate(
    paths: Paths,
    before: dict[str, bytes] | None = None,
    *,
    site_url: str,
    preview: bool,
    budget: int | None,
    told: Told | None = None,
    reuse: Reuse | None = None,
) -> generate.Synced | None:
    """Check and generate; the problems logged (`told`: those not told before) and shown
    in the pages, never raised. `before`: build/docs as this process last wrote it
    (generate.sync); `reuse`: the last generation's pages, taken back where unchanged."""
    store, problems = run_checks(paths)
    (told or Told())(problems)
    try:
        return generate.generate(
            paths, (store, problems), site_url=site_url, preview=preview, budget=budget,
            banner=True, log=log, before=before, reuse=reuse,
        )  # fmt: skip
    except (ProblemError, OSError) as exc:
        log.error(f"build/docs could not be written: {exc}")
        return None


class Regenerator:
    """What a change regenerates: the changed pages of docs/ alone when only they
    changed, otherwise everything (check, then generate)."""

    def __init__(
        self, paths: Paths, everything: Callable[[dict[str, bytes] | None], generate.Synced | None]
    ) -> None:
        self.paths, self.everything = paths, everything
        self.last: dict[str, bytes] | None = None  # build/docs as last written
        self.hand: dict[str, bytes] = {}  # docs/'s part of it

    def __call__(self, changed: list[Path] | None = None) -> None:
        docs = self.paths.docs
        if changed and self.last is not None and all(p.is_relative_to(docs) for p in changed):
            try:
                written = generate.refresh_docs(self.paths, self.last, self.hand, changed)
            except (OSError, UnicodeDecodeError) as exc:
                log.error(f"build/docs could not be written: {exc}")
                return
            if written is not None:
                log.info(f"docs/ edited: {len(written)} file(s) of build/docs written")
                return
        self.hand = folders.hand_written(self.paths)
        done = self.everything(self.last)
        self.last = done.files if done is not None else None


class Session:
    """`shuttle serve` between rebuilds: the watched files as last seen, build/docs as last
    written, and what the last render left. Called by the server after a watched file
    changes: what changed is regenerated, then rendered; only the changed pages are built
    when nothing else can have changed (incremental.py), every page otherwise."""

    def __init__(self, paths: Paths, regenerate: Regenerator, site_dir: str, address: str) -> None:
        self.paths, self.regenerate, self.site_dir = paths, regenerate, site_dir
        self.address, self.url = address, f"http://{address}/"
        self.seen: dict[str, tuple[int, int]] = {}
        self.previous = incremental.Previous()
        self.started: Any = None  # the first build's configuration: told when serving ends
        self.collector = Collector()

    def watched(self) -> list[Path]:
        return [*inputs(self.paths), self.paths.mkdocs_file]

    def first(self) -> None:
        """Everything generated and built; the plugins told that serving starts."""
        self.seen = snapshot(self.watched())
        self.regenerate()
        self.started = self._config()
        self.started.plugins.on_startup(command="serve", dirty=False)
        self._render(self.started, dirty=False)
        # what is alive now (modules, templates, the records and pages the next rebuilds
        # take back) mostly lives as long as the preview: frozen, not walked every save
        self.collector.collect()

    def __call__(self) -> None:
        with self.collector.held():
            self._rebuild()

    def _rebuild(self) -> None:
        now = snapshot(self.watched())
        changed, self.seen = changes(self.seen, now), now
        if not changed:  # a folder's time moved, a file saved unchanged: nothing to do
            return
        edited = [path for path in changed if path != self.paths.mkdocs_file]
        if edited:
            self.regenerate(edited)
        # the theme's templates or mkdocs.yml change every page
        dirty = all(self._content(path) for path in changed)
        try:
            self._render(self._config(), dirty=dirty)
        except incremental.Stale as why:
            log.info(f"every page built again: {why}")
            self.render_all()
        except MkDocsException as exc:  # a warning in strict mode, a broken mkdocs.yml
            log.error(f"the preview is not up to date: {exc}")

    def render_all(self) -> None:
        """Every page built, whatever was built before (what a fresh `serve` serves)."""
        self._render(self._config(), dirty=False)

    def stop(self) -> None:
        self.collector.stop()
        if self.started is not None:
            self.started.plugins.on_shutdown()

    def _content(self, path: Path) -> bool:
        docs = self.paths.docs
        if path.is_relative_to(docs):
            return path.relative_to(docs).parts[:1] != (folders.NOT_SOURCE[0],)
        return path.is_relative_to(self.paths.data) or path.is_relative_to(self.paths.seeds)

    def _config(self) -> Any:
        """mkdocs.yml read again, as `mkdocs serve` does for every build (an edit of it
        shows), the site rendered into our folder at the preview's address."""
        return building.load_config(
            self.paths, site_dir=self.site_dir, site_url=self.url, dev_addr=self.address
        )  # fmt: skip

    def _render(self, config: Any, *, dirty: bool) -> None:
        dirty = plugin.follows(config, self.previous, dirty=dirty) and dirty
        mkdocs_adapter.build_served(config, self.url, dirty=dirty)


def serve(paths: Paths, *, preview: bool, address: str) -> list[Problem]:
    """Serve until interrupted."""
    try:
        config_file = building.load_config(paths, dev_addr=address)  # its mistakes first
        host, port = config_file.dev_addr
        events = config.load(paths).watch == "events"
        again = Regenerator(
            paths,
            functools.partial(
                regenerate, paths, site_url=f"http://{address}/", preview=preview,
                budget=config.load(paths).page_budget, told=Told(), reuse=Reuse(),
            ),
        )  # fmt: skip
        # stopped as by Ctrl-C, so that the temporary site is removed
        signal.signal(signal.SIGTERM, interrupt)
        # in the system's temporary folder, held: the next preview removes it if this one
        # is killed (render/scratch.py)
        with scratch.held(Path(tempfile.gettempdir()), SITE_PREFIX) as folder:
            site_dir = str(folder)
            session = Session(paths, again, site_dir, address)
            try:
                with building.environment(paths), told_on_console():
                    session.first()
                    log.info(
                        f"serving the preview at http://{address}/ (Ctrl-C stops it); saved "
                        "edits to docs/, data/ and seeds/ show there"
                    )  # fmt: skip
                    server = mkdocs_adapter.live_server(
                        session, (host, port), site_dir, poll=POLL_SECONDS, events=events
                    )  # fmt: skip
                    for path in session.watched():
                        server.watch(str(path))
                    try:
                        server.serve()
                    except KeyboardInterrupt:
                        log.info("stopped")
                    finally:
                        server.shutdown()
            finally:
                session.stop()
    except MkDocsException as exc:
        return [Problem.of("E501", "mkdocs.yml", None, str(exc))]
    except OSError as exc:  # the address is taken, a folder cannot be read
        return [Problem.of("E501", "mkdocs.yml", None, exc.strerror or str(exc))]
    return []


@contextlib.contextmanager
def told_on_console() -> Iterator[None]:
    """What serve says (the address, the problems, what was rebuilt) and mkdocs' warnings
    about the pages, written to the console while serving: nothing else would show them."""
    console = logging.StreamHandler()
    console.setFormatter(logging.Formatter("%(message)s"))
    ours, renderer = logging.getLogger("shuttle.serve"), logging.getLogger("mkdocs")
    saved = ours.level, renderer.level
    ours.setLevel(logging.INFO)
    renderer.setLevel(logging.WARNING)
    ours.addHandler(console)
    renderer.addHandler(console)
    try:
        yield
    finally:
        ours.removeHandler(console)
        renderer.removeHandler(console)
        ours.setLevel(saved[0])
        renderer.setLevel(saved[1])


def interrupt(signum: int, frame: Any) -> None:
    """SIGTERM stops the preview as Ctrl-C does (its temporary site removed)."""
    raise KeyboardInterrupt
