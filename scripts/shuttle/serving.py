"""`shuttle serve`: build/docs regenerated when docs/, data/ or seeds/ change, served and
reloaded by the renderer's own server (`mkdocs serve` on build/docs).

A thread looks at the inputs' file times a few times a second and regenerates; only
files whose content changed are rewritten (generate.py), so the server rebuilds once
per saved edit. Problems of seeds/ and data/ do not stop the preview: they are shown on
top of every page, built from what did load.
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


def regenerate(paths: Paths, *, site_url: str, preview: bool, budget: int | None) -> None:
    """Check and generate; the problems logged and shown in the pages, never raised."""
    store, problems = run_checks(paths)
    for problem in ordered(problems):
        (log.warning if problem.severity == "error" else log.info)(str(problem))
    try:
        generate.generate(
            paths, (store, problems), site_url=site_url, preview=preview, budget=budget,
            banner=True, log=log,
        )  # fmt: skip
    except (ProblemError, OSError) as exc:
        log.error(f"build/docs could not be written: {exc}")


class Watcher:
    """Calls `changed` after the files under `folders` change, until stopped."""

    def __init__(self, folders: list[Path], changed: Callable[[], None]) -> None:
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
                before = now
                self.changed()


def serve(paths: Paths, *, preview: bool, address: str) -> list[Problem]:
    """Serve until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    try:
        building.load_config(paths)  # mkdocs.yml's mistakes before anything is generated
        again = functools.partial(
            regenerate, paths, site_url=f"http://{address}/", preview=preview,
            budget=config.load(paths).page_budget,
        )  # fmt: skip
        with building.environment(paths):
            again()
            watcher = Watcher(inputs(paths), again).start()
            try:
                mkdocs_serve(config_file=str(paths.mkdocs_file), dev_addr=address, livereload=True)
            finally:
                watcher.stop()
    except MkDocsException as exc:
        return [Problem.of("E501", "mkdocs.yml", None, str(exc))]
    except OSError as exc:  # the address is taken, a folder cannot be read
        return [Problem.of("E501", "mkdocs.yml", None, exc.strerror or str(exc))]
    return []
