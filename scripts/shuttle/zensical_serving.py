"""`shuttle serve --renderer zensical`: build/docs regenerated on a saved edit as under
Material (serving.Regenerator: an edit of docs/ copied alone, else checked and generated,
each unchanged page taken back, only changed files rewritten), and Zensical's own
development server (`zensical serve`) rendering and serving it: it watches build/docs
and its copy of mkdocs.yml, builds what changed and reloads the browsers. No part of
mkdocs' server or build is used, so the preview outlives mkdocs 1.x as
`shuttle build --renderer zensical` does.

A save is heard as under Material (render/watching.py); a saved mkdocs.yml rewrites
Zensical's copy of it (render/renderers.py), which Zensical reloads. The site is
rendered into a folder of build/ (Zensical takes none outside its config's folder),
removed when serving ends.
"""

from __future__ import annotations

import functools
import logging
import signal
import socket
import subprocess
import threading
from pathlib import Path
from typing import Any

from mkdocs.exceptions import MkDocsException
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from shuttle import building, config, serving
from shuttle.paths import Paths
from shuttle.problems import Problem
from shuttle.render import renderers, scratch
from shuttle.render.watching import Watcher
from shuttle.site import generate
from shuttle.site.pages.reuse import Reuse

log = logging.getLogger("shuttle.serve")
SITE_PREFIX = ".serve-"  # not publish.FRESH_PREFIX: a build would remove it as stale
CONFIG = "zensical-serve.yml"  # beside build/zensical.yml, which builds rewrite


class _Heard(FileSystemEventHandler):
    """A watched file changed: the serving loop is woken."""

    def __init__(self) -> None:
        self.event = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.event.set()


class Preview:
    """The preview between saves: the watched files as last seen, and what regenerates."""

    def __init__(self, paths: Paths, regenerate: serving.Regenerator, site_dir: Path, url: str):
        self.paths, self.regenerate, self.site_dir, self.url = paths, regenerate, site_dir, url
        self.watched = [*serving.inputs(paths), paths.mkdocs_file]
        self.seen: dict[str, tuple[int, int]] = {}

    def first(self) -> Path:
        """build/docs generated; Zensical's copy of mkdocs.yml written (its path)."""
        self.seen = serving.snapshot(self.watched)
        self.regenerate()
        return self.configure()

    def configure(self) -> Path:
        """mkdocs.yml as Zensical is to read it, at the preview's address (raises
        MkDocsException when mkdocs.yml is wrong)."""
        mkdocs_config = building.load_config(self.paths, site_url=self.url)
        overrides = building.zensical_overrides(mkdocs_config, self.url)
        docs = generate.docs_dir(self.paths)
        return renderers.zensical_config(self.paths, docs, self.site_dir, overrides, name=CONFIG)

    def __call__(self) -> None:
        """What changed since the last look regenerated; Zensical sees build/docs change."""
        now = serving.snapshot(self.watched)
        changed, self.seen = serving.changes(self.seen, now), now
        edited = [path for path in changed if path != self.paths.mkdocs_file]
        if edited:
            self.regenerate(edited)
        if self.paths.mkdocs_file in changed:
            try:
                self.configure()
            except MkDocsException as exc:
                log.error(f"the preview is not up to date: {exc}")


def serve(paths: Paths, *, preview: bool, address: str) -> list[Problem]:
    """Serve until interrupted (or until Zensical stops: then a problem)."""
    try:
        host, port = building.load_config(paths, dev_addr=address).dev_addr  # its mistakes first
    except MkDocsException as exc:
        return [Problem.of("E501", "mkdocs.yml", None, str(exc))]
    if renderers.zensical_command() is None:
        return [renderers.not_installed()]
    taken = address_taken(host, port)
    if taken is not None:
        return [Problem.of("E501", "mkdocs.yml", None, taken)]
    settings = config.load(paths)
    url = f"http://{address}/"
    again = serving.Regenerator(
        paths,
        functools.partial(
            serving.regenerate, paths, site_url=url, preview=preview,
            budget=settings.page_budget, told=serving.Told(), reuse=Reuse(),
        ),
    )  # fmt: skip
    signal.signal(signal.SIGTERM, serving.interrupt)
    heard, watcher = _Heard(), Watcher(serving.POLL_SECONDS, events=settings.watch == "events")
    server: subprocess.Popen[bytes] | None = None
    try:
        # inside build/: Zensical refuses a site folder outside its config's; held, so that
        # the next preview removes it if this one is killed (render/scratch.py)
        with scratch.held(paths.build, SITE_PREFIX) as site_dir:
            try:
                with building.environment(paths), serving.told_on_console():
                    session = Preview(paths, again, site_dir, url)
                    server = renderers.zensical_server(paths, session.first(), address)
                    if server is None:
                        return [renderers.not_installed()]
                    for path in session.watched:
                        watcher.schedule(heard, str(path), recursive=path.is_dir())
                    watcher.start()
                    log.info(
                        f"serving the preview at {url} with Zensical (Ctrl-C stops it); saved "
                        "edits to docs/, data/ and seeds/ show there"
                    )  # fmt: skip
                    return _loop(session, server, heard.event)
            finally:  # Zensical stopped before its folder is removed
                watcher.stop()
                if server is not None:
                    stop(server)
                (paths.build / CONFIG).unlink(missing_ok=True)
    except KeyboardInterrupt:
        log.info("stopped")
        return []
    except MkDocsException as exc:
        return [Problem.of("E501", "mkdocs.yml", None, str(exc))]


def _loop(
    session: Preview, server: subprocess.Popen[bytes], heard: threading.Event
) -> list[Problem]:
    """Regenerate after each save while Zensical serves; its end, if it ends, a problem."""
    while server.poll() is None:
        if heard.wait(serving.POLL_SECONDS):
            heard.clear()  # before looking: a save meanwhile wakes the next round
            session()
    said = f"zensical serve stopped (exit {server.returncode}); what it said is above"
    return [Problem.of("E501", "mkdocs.yml", None, said)]


def address_taken(host: str, port: int) -> str | None:
    """Why the preview cannot be served at host:port (another server has it), or None.
    Zensical would say so only in its own words, after build/docs is generated."""
    try:
        family, kind, proto, _, where = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(where)
    except OSError as exc:
        return f"the preview cannot be served at {host}:{port}: {exc.strerror or exc}"
    return None


def stop(server: subprocess.Popen[Any]) -> None:
    """Zensical asked to stop as by Ctrl-C, then made to."""
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
