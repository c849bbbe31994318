"""`shuttle generate`: the site source as files in build/docs, the same bytes for the same
input, unchanged files left alone, files no longer generated removed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_shuttle, tree_digest, write_file
from shuttle import building
from shuttle.checks import run_checks
from shuttle.paths import Paths
from shuttle.site import folders, generate


def _generate(root: Path, **kwargs: object) -> generate.Synced:
    paths = Paths(root)
    checked = run_checks(paths)
    return generate.generate(paths, checked, site_url="https://example.org/", **kwargs)  # type: ignore[arg-type]


def test_the_verb_writes_pages_charts_downloads_and_scripts(
    make_project: Callable[..., Path], chart_cache: Path
) -> None:
    root = make_project(chart_cache=chart_cache)
    result = run_shuttle(root, "generate")
    assert result.status == 0, result.output
    docs = root / "build" / "docs"
    for name in (
        "index.md", "figures/index.md", "quotes/index.md", "methodology/index.md",
        "assets/javascripts/quotes.js", "assets/javascripts/vega.js",
        "assets/javascripts/charts.js", "assets/stylesheets/shuttle.css",
        "assets/charts/death-toll.vl.json", "assets/charts/death-toll.svg",
        "assets/charts/death-toll.png",
    ):  # fmt: skip
        assert (docs / name).is_file(), name
    assert any(docs.glob("downloads/*.csv")), "no downloads"
    assert not (docs / "overrides").exists(), "the theme's templates are not pages"


def test_an_editors_scratch_files_in_docs_are_not_part_of_the_site(
    make_project: Callable[..., Path], chart_cache: Path
) -> None:
    """A backup (methodology.md~) would otherwise be published as it is; swap files and
    autosaves too, in any renderer that does not leave hidden files out."""
    root = make_project(chart_cache=chart_cache)
    scratch = ("methodology.md~", ".methodology.md.swp", "#methodology.md#", ".#notes.md", "4913")
    for name in scratch:
        write_file(root / "docs" / name, "draft\n")
    write_file(root / "docs" / "notes.txt", "kept\n")
    _generate(root)
    docs = root / "build" / "docs"
    assert (docs / "notes.txt").read_text(encoding="utf-8") == "kept\n"
    assert [name for name in scratch if (docs / name).exists()] == []
    assert folders.hand_written(Paths(root)).keys().isdisjoint(scratch)


def test_the_same_input_gives_the_same_bytes(
    make_project: Callable[..., Path], chart_cache: Path
) -> None:
    first = make_project("one", chart_cache=chart_cache)
    second = make_project("two", chart_cache=chart_cache)
    _generate(first)
    _generate(second)
    one, two = tree_digest(first / "build" / "docs"), tree_digest(second / "build" / "docs")
    assert len(one) > 50 and one == two


def test_unchanged_files_are_not_rewritten_and_stale_ones_removed(
    make_project: Callable[..., Path], chart_cache: Path
) -> None:
    root = make_project(chart_cache=chart_cache)
    docs = root / "build" / "docs"
    first = _generate(root)
    assert "index.md" in first.written and first.kept == 0
    times = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    (docs / "gone" / "old.md").parent.mkdir()
    (docs / "gone" / "old.md").write_text("a page no longer generated\n")
    write_file(root / "docs" / "methodology.md", "# Methodology\n\nRewritten.\n")
    again = _generate(root)
    assert again.written == ["methodology/index.md"]
    assert again.removed == ["gone/old.md"] and not (docs / "gone").exists()
    assert again.kept == len(times) - 1
    for path, before in times.items():
        if path.parent.name != "methodology":
            assert path.stat().st_mtime_ns == before, path


def test_writes_and_logging_are_passed_in(
    make_project: Callable[..., Path], chart_cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = make_project(chart_cache=chart_cache)
    written: dict[str, bytes] = {}

    def record(path: Path, data: bytes) -> None:
        written[path.relative_to(root / "build" / "docs").as_posix()] = data

    log = logging.getLogger("test.generate")
    with caplog.at_level(logging.INFO, logger="test.generate"):
        done = _generate(root, write=record, log=log)
    assert sorted(written) == done.written and "index.md" in written
    assert not (root / "build" / "docs" / "index.md").exists(), "written by the fake only"
    assert f"{len(done.written)} written" in caplog.text


def test_the_build_hands_the_checked_store_to_generate_and_renders_its_files(
    make_project: Callable[..., Path], chart_cache: Path
) -> None:
    root = make_project(chart_cache=chart_cache)
    names: list[str] = []

    def record(path: Path, data: bytes) -> None:
        names.append(path.name)
        generate.write_file(path, data)

    problems = building.build(Paths(root), check_links=False, write=record)
    assert not [p for p in problems if p.severity == "error"], problems
    assert "index.md" in names
    assert (root / "build" / "site" / "index.html").is_file()


def test_each_page_is_generated_where_its_address_is_and_its_links_follow() -> None:
    files = {
        "index.md": b"[q](quotes.md#x) [s](sources/a.md) ![c](assets/c.svg)\n",
        "quotes.md": b"[home](index.md) [p2](quotes/page-2.md#y) [w](https://e.org/a.md)\n",
        "quotes/page-2.md": b'[one](../quotes.md) <a href="../">raw, by address</a>\n',
        "assets/c.svg": b"<svg/>",
    }
    moved = folders.folder_pages(files)
    assert moved == {
        "index.md": b"[q](quotes/index.md#x) [s](sources/a/index.md) ![c](assets/c.svg)\n",
        "quotes/index.md": (
            b"[home](../index.md) [p2](page-2/index.md#y) [w](https://e.org/a.md)\n"
        ),
        "quotes/page-2/index.md": b'[one](../index.md) <a href="../">raw, by address</a>\n',
        "assets/c.svg": b"<svg/>",
    }


def test_sync_writes_new_pages_before_the_pages_that_link_to_them(tmp_path: Path) -> None:
    """A renderer watching build/docs (`zensical serve`) builds a changed page at once:
    a page it links to that is new must be there by then, and one going must still be."""
    folder = tmp_path / "docs"
    generate.sync(folder, {"a.md": b"[gone](z.md)\n", "m.md": b"kept\n", "z.md": b"old\n"})
    order: list[str] = []

    def write(path: Path, data: bytes) -> None:
        order.append(path.relative_to(folder).as_posix())
        generate.write_file(path, data)

    def remove(path: Path) -> None:
        order.append("-" + path.relative_to(folder).as_posix())
        path.unlink()

    files = {"a.md": b"[new](b.md)\n", "b.md": b"new\n", "m.md": b"kept\n", "c/d.md": b"x\n"}
    done = generate.sync(folder, files, write=write, remove=remove)
    assert order == ["b.md", "c/d.md", "a.md", "-z.md"]
    assert done.written == ["a.md", "b.md", "c/d.md"] and done.removed == ["z.md"]


def test_sync_compares_with_what_it_last_wrote_when_told(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    files = {"a.md": b"one\n", "b.md": b"two\n"}
    generate.sync(folder, files)
    (folder / "b.md").write_bytes(b"changed behind its back\n")

    # told what it wrote last, it trusts that for files whose bytes it still wants
    done = generate.sync(folder, {**files, "a.md": b"one, edited\n"}, before=files)
    assert done.written == ["a.md"] and done.kept == 1
    assert (folder / "b.md").read_bytes() == b"changed behind its back\n"
    # not told: every file is read back and compared
    done = generate.sync(folder, {**files, "a.md": b"one, edited\n"})
    assert done.written == ["b.md"]
    (folder / "a.md").unlink()
    edited = {**files, "a.md": b"one, edited\n"}
    done = generate.sync(folder, edited, before=edited)
    assert done.written == ["a.md"], "a file gone is written even when `before` has it"
