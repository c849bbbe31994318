"""`shuttle serve`: build/docs regenerated when docs/, data/ or seeds/ change, served and
reloaded by the renderer's own server (`mkdocs serve` on build/docs; the page cache spares
it re-rendering unchanged pages). Not mkdocs' dirty mode (`--dirtyreload`): it renders
only the changed files, so a nav edited while serving would not reach the other pages.

A thread looks at the inputs' file times a few times a second. An edit of a page of
docs/ is copied to build/docs alone (the generated pages do not read docs/); any other
change regenerates everything. Only files whose content changed are rewritten
(generate.py), so the page cache serves every other page. Problems of seeds/ and
data/ do not stop the preview: they are shown on top of every generated page, built from
what did load.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from shuttle import building, config
from shuttle.checks import run_checks
from shuttle.paths import Paths
from shuttle.problems import Problem, ProblemError, ordered
from shuttle.site import generate

log = logging.getLogger("shuttle.serve")
POLL_SECONDS = 0.2


def inputs(paths: Paths) -> list[Path]:
    return [paths.docs, paths.data, paths.seeds]


def snapshot(folders: list[Path]) -> dict[str, tuple[int, int]]:
    """Each file's time and size: a saved edit changes one of them."""
    seen: dict[str, tuple[int, int]] = {}
    for folder in folders:
        for path in folder.rglob("*") if folder.is_dir() else ():
            try:
                status = path.stat()
            except OSError:  # removed meanwhile: the next look sees it gone
                continue
            seen[str(path)] = (status.st_mtime_ns, status.st_size)
    return seen


def regenerate(
    paths: Paths,
    before: dict[str, bytes] | None = None,
    *,
    site_url: str,
    preview: bool,
    budget: int | None,
) -> generate.Synced | None:
    """Check and generate; the problems logged and shown in the pages, never raised.
    `before`: build/docs as this process last wrote it (generate.sync)."""
    store, problems = run_checks(paths)
    for problem in ordered(problems):
        (log.warning if problem.severity == "error" else log.info)(str(problem))
    try:
        return generate.generate(
            paths, (store, problems), site_url=site_url, preview=preview, budget=budget,
            banner=True, log=log, before=before,
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
        self.hand = generate.hand_written(self.paths)
        done = self.everything(self.last)
        self.last = done.files if done is not None else None


class Watcher:
    """Calls `changed` with the files added, removed or edited under `folders` after
    they change, until stopped."""

    def __init__(self, folders: list[Path], changed: Callable[[list[Path]], None]) -> None:
        self.folders, self.changed = folders, changed
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="shuttle-watch", daemon=True)

    def start(self) -> Watcher:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join()

    def _run(self) -> None:
        before = snapshot(self.folders)
        while not self.stopping.wait(POLL_SECONDS):
            now = snapshot(self.folders)
            if now != before:
                names = {n for n in now.keys() | before.keys() if now.get(n) != before.get(n)}
                before = now
                self.changed([Path(name) for name in sorted(names)])


def serve(paths: Paths, *, preview: bool, address: str) -> list[Problem]:
    """Serve until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    try:
        building.load_config(paths)  # mkdocs.yml's mistakes before anything is generated
        again = Regenerator(
            paths,
            functools.partial(
                regenerate, paths, site_url=f"http://{address}/", preview=preview,
                budget=config.load(paths).page_budget,
            ),
        )  # fmt: skip
        with building.environment(paths):
            again()
            watcher = Watcher(inputs(paths), again).start()
            try:
                mkdocs_serve(
                    config_file=str(paths.mkdocs_file), dev_addr=address, livereload=True
                )  # fmt: skip
            finally:
                watcher.stop()
    except MkDocsException as exc:
        return [Problem.of("E501", "mkdocs.yml", None, str(exc))]
    except OSError as exc:  # the address is taken, a folder cannot be read
        return [Problem.of("E501", "mkdocs.yml", None, exc.strerror or str(exc))]
    return []
