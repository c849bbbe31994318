"""The theme's part of a finished page's key (shuttle/render/themekey.py): every file of
the theme counts; an installed theme is read once per process and then from build/cache
while its files' names, times and sizes are the same; the project's overrides are read
on every build."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import write_file
from shuttle import cachefile
from shuttle.render import themekey


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The folders read in full, in order."""
    read: list[str] = []
    real = themekey.read_folder

    def counted(folder: str) -> themekey.Folder:
        read.append(folder)
        return real(folder)

    monkeypatch.setattr(themekey, "read_folder", counted)
    themekey.installed_folder.cache_clear()
    yield read
    themekey.installed_folder.cache_clear()


def _theme(folder: Path) -> str:
    write_file(folder / "main.html", "{% extends 'base.html' %}\n")
    write_file(folder / "partials" / "footer.html", "<footer>{{ build_date_utc }}</footer>\n")
    write_file(folder / ".icons" / "mark.svg", "<svg></svg>\n")
    return str(folder)


def test_material_is_read_once_per_process_and_the_overrides_every_time(
    tmp_path: Path, reads: list[str]
) -> None:
    import material

    installed = str(Path(material.__file__).parent / "templates")
    overrides = _theme(tmp_path / "overrides")
    first = themekey.theme_key((overrides, installed), None)
    second = themekey.theme_key((overrides, installed), None)
    assert reads == [overrides, installed, overrides]
    assert first == second
    assert first[1] == {"build_date_utc"}  # the overrides' footer names it


def test_an_override_saved_at_the_same_size_and_time_counts(tmp_path: Path) -> None:
    overrides = _theme(tmp_path / "overrides")
    page = Path(overrides) / "main.html"
    before = themekey.theme_key((overrides,), tmp_path / "cache")
    status = page.stat()
    page.write_text("{% extends 'other.html' %}\n"[: status.st_size], encoding="utf-8")
    os.utime(page, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert page.stat().st_size == status.st_size
    assert themekey.theme_key((overrides,), tmp_path / "cache") != before


def test_an_installed_folder_is_kept_in_the_cache_until_a_file_changes(
    tmp_path: Path, reads: list[str]
) -> None:
    folder, cache = _theme(tmp_path / "theme"), tmp_path / "cache"
    first = themekey.installed_folder(folder, cache)
    themekey.installed_folder.cache_clear()  # as a new process
    assert themekey.installed_folder(folder, cache) == first
    assert reads == [folder]  # the second from the cache
    assert first.named == {"build_date_utc"}

    write_file(Path(folder) / "partials" / "footer.html", "<footer>upgraded</footer>\n")
    themekey.installed_folder.cache_clear()
    changed = themekey.installed_folder(folder, cache)
    assert reads == [folder, folder]
    assert changed == themekey.read_folder(folder) != first
    assert changed.named == frozenset()

    write_file(Path(folder) / "new.html", "<p>added</p>\n")  # a file added counts too
    themekey.installed_folder.cache_clear()
    assert themekey.installed_folder(folder, cache) != changed


def test_a_damaged_or_foreign_cache_entry_is_read_again(tmp_path: Path, reads: list[str]) -> None:
    folder, cache = _theme(tmp_path / "theme"), tmp_path / "cache"
    truth = themekey.installed_folder(folder, cache)
    (entry,) = cache.glob("theme-*.json")
    raw = entry.read_bytes()
    for bad in (
        raw[:-5],  # truncated
        raw.replace(truth.digest.encode(), b"0" * 64),  # its digest altered, seal not
        cachefile.FORMAT + b"0" * 64 + b"\n" + b'{"stamp": "x"}',  # not sealed by us
    ):
        entry.write_bytes(bad)
        themekey.installed_folder.cache_clear()
        assert themekey.installed_folder(folder, cache) == truth
    assert len(reads) == 4  # every one read the folder again


def test_every_file_of_a_folder_counts(tmp_path: Path) -> None:
    folder = _theme(tmp_path / "theme")
    before = themekey.read_folder(folder)
    write_file(Path(folder) / ".icons" / "mark.svg", "<svg><g/></svg>\n")
    edited = themekey.read_folder(folder)
    assert edited != before
    (Path(folder) / ".icons" / "mark.svg").rename(Path(folder) / ".icons" / "other.svg")
    assert themekey.read_folder(folder) != edited  # the same bytes under another name
