"""How `shuttle serve` notices a saved file (render/watching.py): a file written, saved
over by a rename, added or removed calls for a rebuild; a file only read does not (every
rebuild reads all of data/ and seeds/); the system's events, or looking for changes where
they cannot be had."""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

import pytest
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from shuttle.render.watching import Watcher


class Heard(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: list[FileSystemEvent] = []
        self.lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:  # as mkdocs' server listens
            with self.lock:
                self.events.append(event)

    def taken(self) -> list[FileSystemEvent]:
        with self.lock:
            taken, self.events = self.events, []
        return taken


def _heard_within(heard: Heard, seconds: float = 5.0) -> list[FileSystemEvent]:
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        time.sleep(0.05)
        if heard.events:
            time.sleep(0.3)  # the rest of one save
            return heard.taken()
    return []


def _project(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    (data / "articles").mkdir(parents=True)
    (data / "articles" / "a.yml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("x\n", encoding="utf-8")
    return data, tmp_path / "mkdocs.yml"


@pytest.mark.parametrize("events", [True, False], ids=["file events", "polling"])
def test_a_save_is_heard_and_a_read_is_not(tmp_path: Path, events: bool) -> None:
    data, mkdocs_yml = _project(tmp_path)
    folder, one_file = Heard(), Heard()
    watcher = Watcher(0.1, events=events)
    assert isinstance(watcher.inner, PollingObserver) is not events
    watcher.schedule(folder, str(data), recursive=True)
    watcher.schedule(one_file, str(mkdocs_yml))
    watcher.start()
    try:
        time.sleep(0.3)  # polling: the first look taken
        (data / "articles" / "a.yml").read_text(encoding="utf-8")
        mkdocs_yml.read_text(encoding="utf-8")
        assert not _heard_within(folder, 1.0) and not one_file.taken(), "a read was heard"
        (data / "articles" / "a.yml").write_text("a: 2\n", encoding="utf-8")
        assert _heard_within(folder), "a saved file was not heard"
        (data / "articles" / "b.yml").write_text("b: 1\n", encoding="utf-8")
        assert _heard_within(folder), "an added file was not heard"
        (data / "articles" / "b.yml").unlink()
        assert _heard_within(folder), "a removed file was not heard"
        (tmp_path / "README.md").write_text("y\n", encoding="utf-8")
        assert not _heard_within(one_file, 1.0), "another file beside mkdocs.yml was heard"
        # saved as many editors save: a new file renamed over the old one
        (tmp_path / "mkdocs.yml.new").write_text("site_name: y\n", encoding="utf-8")
        os.replace(tmp_path / "mkdocs.yml.new", mkdocs_yml)
        assert _heard_within(one_file), "mkdocs.yml saved by a rename was not heard"
        mkdocs_yml.write_text("site_name: z\n", encoding="utf-8")
        assert _heard_within(one_file), "mkdocs.yml saved again was not heard"
        assert not folder.taken()
    finally:
        watcher.stop()
        watcher.join()


def test_without_the_systems_events_it_looks_instead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    data, _ = _project(tmp_path)
    heard = Heard()
    watcher = Watcher(0.1)

    def refused() -> None:
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watcher.inner, "start", refused)
    watcher.schedule(heard, str(data), recursive=True)
    with caplog.at_level(logging.WARNING, logger="shuttle.serve"):
        watcher.start()
    try:
        assert isinstance(watcher.inner, PollingObserver)
        assert "looking at the watched files every 0.1 s instead" in caplog.text
        time.sleep(0.3)
        (data / "articles" / "a.yml").write_text("a: 2\n", encoding="utf-8")
        assert _heard_within(heard), "a saved file was not heard"
    finally:
        watcher.stop()
        watcher.join()
