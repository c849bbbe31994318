"""build/cache entries are used only when sealed by this user's builds and whole."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from shuttle import cachefile


@pytest.fixture(autouse=True)
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))


def test_an_entry_reads_back_and_its_key_is_private(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "entry.json"
    assert cachefile.write(path, b'{"a": 1}')
    assert cachefile.read(path) == b'{"a": 1}'
    key = cachefile.key_path()
    assert key.stat().st_mode & 0o777 == 0o600 and key.stat().st_size == 32


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: raw[:-1] + b"!",  # one byte changed
        lambda raw: raw.split(b"\n", 1)[1],  # the seal removed: a plain file
        lambda raw: b"",
    ],
    ids=["truncated", "changed", "unsealed", "empty"],
)
def test_a_damaged_entry_is_a_miss(tmp_path: Path, damage: object) -> None:
    path = tmp_path / "entry.json"
    cachefile.write(path, b'{"content": "<p>hello</p>"}')
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    assert cachefile.read(path) is None


def test_an_entry_sealed_with_another_key_is_a_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "entry.json"
    cachefile.write(path, b"<p>made elsewhere</p>")  # e.g. a cache restored in CI
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-home"))
    assert cachefile.read(path) is None


def test_a_fifo_or_a_link_to_a_device_is_a_miss_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    assert cachefile.read(fifo) is None and cachefile.read(link) is None


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("a file where the folder should be")
    assert cachefile.write(tmp_path / "cache" / "entry.json", b"{}") is False


def test_a_crafted_jinja_bytecode_file_is_never_unpickled(tmp_path: Path) -> None:
    import jinja2

    from shuttle.render.plugin import _TemplateCache

    class Boom:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (open, (str(tmp_path / "pwned"), "w"))

    folder = tmp_path / "jinja"
    env = jinja2.Environment(loader=jinja2.DictLoader({"t.html": "{{ 1 + 1 }}"}))
    env.bytecode_cache = _TemplateCache(folder)
    assert env.get_template("t.html").render() == "2"
    [entry] = folder.iterdir()
    crafted = jinja2.bccache.bc_magic + pickle.dumps(Boom())
    entry.write_bytes(crafted)
    (folder / f"__jinja2_{entry.stem}.cache").write_bytes(crafted)  # Jinja's own name
    env = jinja2.Environment(loader=jinja2.DictLoader({"t.html": "{{ 1 + 1 }}"}))
    env.bytecode_cache = _TemplateCache(folder)
    assert env.get_template("t.html").render() == "2"
    assert not (tmp_path / "pwned").exists()
    assert cachefile.read(entry) is not None  # rewritten, sealed
