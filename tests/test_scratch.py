"""The folder a preview renders into: removed when the preview ends, and by the next
preview when it was killed; never while a preview still holds it."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from shuttle.render import scratch

PREFIX = "shuttle-serve-"


def _held_elsewhere(folder: Path) -> bool:
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def test_the_folder_is_held_while_in_use_and_removed_after(tmp_path: Path) -> None:
    with scratch.held(tmp_path, PREFIX) as folder:
        assert folder.parent == tmp_path and folder.name.startswith(PREFIX)
        (folder / "index.html").write_text("a page", encoding="utf-8")
        assert _held_elsewhere(folder)
        assert scratch.remove_abandoned(tmp_path, PREFIX) == []  # a running preview's
        assert (folder / "index.html").is_file()
    assert not folder.exists()


def test_a_killed_previews_folder_is_removed_by_the_next(tmp_path: Path) -> None:
    code = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from shuttle.render import scratch
        with scratch.held(Path({str(tmp_path)!r}), {PREFIX!r}) as folder:
            (folder / "index.html").write_text("a page", encoding="utf-8")
            print(folder, flush=True)
            time.sleep(600)
        """
    )
    preview = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert preview.stdout is not None
    left = Path(preview.stdout.readline().strip())
    os.kill(preview.pid, signal.SIGKILL)
    preview.wait(timeout=30)
    preview.stdout.close()
    assert (left / "index.html").is_file()  # nothing could remove it
    with scratch.held(tmp_path, PREFIX) as folder:
        assert not left.exists()
        assert [p.name for p in tmp_path.iterdir()] == [folder.name]


def test_only_abandoned_folders_of_that_name_are_removed(tmp_path: Path) -> None:
    abandoned = tmp_path / f"{PREFIX}old"
    (abandoned / "assets").mkdir(parents=True)
    (abandoned / "assets" / "site.css").write_text("body {}", encoding="utf-8")
    starting = tmp_path / f"{PREFIX}new"  # made by a preview that has not locked it yet
    starting.mkdir()
    other = tmp_path / "an-editors-folder"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    named_alike = tmp_path / f"{PREFIX}a-file"
    named_alike.write_text("not a folder", encoding="utf-8")
    assert scratch.remove_abandoned(tmp_path, PREFIX) == [abandoned]
    assert not abandoned.exists()
    assert starting.is_dir() and (other / "notes.txt").is_file() and named_alike.is_file()
