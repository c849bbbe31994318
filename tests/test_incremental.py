"""`shuttle serve` builds only the pages a saved edit changed (render/incremental.py), and
what it serves then is what a full build of the same sources makes, byte for byte: the
pages, their menus, the 404 page and the search index."""

from __future__ import annotations

import functools
import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import write_file
from shuttle import building, serving
from shuttle.paths import Paths
from shuttle.render import mkdocs_adapter, prerender
from shuttle.site.pages.reuse import Reuse

ADDRESS = "127.0.0.1:8000"


def _session(root: Path, site: Path) -> serving.Session:
    paths = Paths(root)
    again = serving.Regenerator(
        paths,
        functools.partial(
            serving.regenerate,
            paths,
            site_url=f"http://{ADDRESS}/",
            preview=False,
            budget=None,
            reuse=Reuse(),
        ),  # fmt: skip
    )
    return serving.Session(paths, again, str(site), ADDRESS)


@pytest.fixture
def served(
    make_project: Callable[..., Path], chart_cache: Path, tmp_path: Path
) -> Iterator[serving.Session]:
    root = make_project(chart_cache=chart_cache)
    session = _session(root, tmp_path / "served")
    with building.environment(Paths(root)):
        session.first()
        yield session
    session.stop()


def _files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def _times(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def _full_build(session: serving.Session, tmp_path: Path) -> dict[str, bytes]:
    """The same build/docs built in full, by a session that never built before."""
    fresh = _session(session.paths.root, tmp_path / "full")
    fresh.render_all()
    return _files(tmp_path / "full")


def _new_role(text: str) -> str:
    assert "role: U.S. Secretary of State\n" in text
    return text.replace("role: U.S. Secretary of State\n", "role: Envoy X\n", 1)


def _saved(session: serving.Session, path: Path, change: Callable[[str], str]) -> list[str]:
    """`path` changed and saved, the session called as the server calls it: the pages of
    the site written again."""
    site = Path(session.site_dir)
    before = _times(site)
    write_file(path, change(path.read_text(encoding="utf-8")))
    session()
    return sorted(name for name, time in _times(site).items() if before.get(name) != time)


def test_a_data_edit_builds_its_pages_alone_and_the_site_is_a_full_builds(
    served: serving.Session, tmp_path: Path
) -> None:
    site = Path(served.site_dir)
    rewritten = _saved(served, served.paths.data / "people.yml", _new_role)
    assert any("Envoy X" in (site / name).read_text(encoding="utf-8") for name in rewritten)
    # the 404 page and the pages whose Markdown changed; not every page
    assert len(rewritten) < len(_times(site)) / 2, rewritten
    assert _files(site) == _full_build(served, tmp_path)


def test_a_rebuild_of_many_pages_shares_them_with_the_helper(
    served: serving.Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The role edit builds every page that quotes the Secretary: the helper process
    (render/prerender.py) renders and finishes some of them, from the last backwards, and
    the site is still a full build's. This process is slowed, so that the helper's share
    shows whatever the machine."""
    here, mine, started = os.getpid(), [], []
    real_render, real_start = mkdocs_adapter.render_afresh, prerender.start

    def render(page: Any, config: Any, files: Any) -> None:
        if os.getpid() == here:
            mine.append(page.file.src_uri)
            time.sleep(0.2)
        real_render(page, config, files)

    def start(*args: Any, **kwargs: Any) -> Any:
        helper = real_start(*args, **kwargs)
        started.append(None if helper is None else len(helper._job.pages))
        return helper

    monkeypatch.setattr(mkdocs_adapter, "render_afresh", render)
    monkeypatch.setattr(prerender, "start", start)
    site = Path(served.site_dir)
    rewritten = _saved(served, served.paths.data / "people.yml", _new_role)
    pages = [name for name in rewritten if name != "404.html"]
    assert started == [len(pages)], (started, pages)  # the helper had the built pages
    assert len(pages) >= prerender.MIN_PAGES
    assert 0 < len(mine) < len(pages)  # and rendered some of them
    assert _files(site) == _full_build(served, tmp_path)


def test_a_docs_edit_shows_and_the_search_index_keeps_every_other_page(
    served: serving.Session, tmp_path: Path
) -> None:
    site = Path(served.site_dir)
    rewritten = _saved(served, served.paths.docs / "methodology.md", lambda t: t + "\nZebra.\n")
    assert len(rewritten) <= 3  # the page, the 404 page
    before = _times(site)
    served()  # as after a folder's time moved: nothing saved, nothing built
    assert _times(site) == before
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Zebra." in index and '"location":"quotes/"' in index.replace(" ", "")
    assert _files(site) == _full_build(served, tmp_path)


@pytest.fixture
def untitled(
    make_project: Callable[..., Path], chart_cache: Path, tmp_path: Path
) -> Iterator[serving.Session]:
    """A nav entry without a title: the menus name the page by its first heading, and
    show the icon its meta names."""
    root = make_project(chart_cache=chart_cache)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    write_file(config, text.replace("  - Methodology: methodology.md\n", "  - methodology.md\n"))
    page = root / "docs" / "methodology.md"  # Material's menus show a page's icon
    write_file(page, "---\nicon: material/book-open-variant\n---\n" + page.read_text("utf-8"))
    session = _session(root, tmp_path / "served")
    with building.environment(Paths(root)):
        session.first()
        yield session
    session.stop()


def _icon_drawing() -> str:
    import material

    icon = Path(material.__file__).parent / "templates/.icons/material/book-open-variant.svg"
    return re.search(r'd="[^"]+"', icon.read_text(encoding="utf-8")).group(0)  # type: ignore[union-attr]


def test_a_page_not_built_keeps_its_title_in_the_menus(
    untitled: serving.Session, tmp_path: Path
) -> None:
    site = Path(untitled.site_dir)
    lines = (untitled.paths.docs / "methodology.md").read_text("utf-8").splitlines()
    heading = next(line[2:] for line in lines if line.startswith("# "))
    _saved(untitled, untitled.paths.data / "people.yml", _new_role)
    people_page = (site / "people" / "index.html").read_text("utf-8")
    assert heading in people_page
    assert _icon_drawing() in people_page
    assert _files(site) == _full_build(untitled, tmp_path)


def test_a_changed_title_builds_every_page(
    untitled: serving.Session, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = Path(untitled.site_dir)
    methodology = untitled.paths.docs / "methodology.md"
    text = methodology.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("# "))
    write_file(methodology, text.replace(first, "# How we counted, retitled", 1))
    with caplog.at_level("INFO", logger="shuttle.serve"):
        untitled()
    assert "every page built again" in caplog.text
    assert "How we counted, retitled" in (site / "people" / "index.html").read_text("utf-8")
    assert _files(site) == _full_build(untitled, tmp_path)


def test_a_page_added_is_built_with_every_menu(served: serving.Session, tmp_path: Path) -> None:
    site = Path(served.site_dir)
    write_file(served.paths.docs / "about.md", "# About this explainer\n\nWho made it.\n")
    config = served.paths.mkdocs_file
    entry = "  - Methodology: methodology.md\n"
    write_file(config, config.read_text("utf-8").replace(entry, entry + "  - About: about.md\n"))
    served()
    assert "Who made it." in (site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'href="../about/"' in (site / "people" / "index.html").read_text(encoding="utf-8")
    assert _files(site) == _full_build(served, tmp_path)


def test_a_file_added_outside_the_menus_is_copied_alone(
    served: serving.Session, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = Path(served.site_dir)
    before = _times(site)
    write_file(served.paths.docs / "assets" / "notes.txt", "a note\n")
    with caplog.at_level("INFO", logger="shuttle.serve"):
        served()
    assert "every page built again" not in caplog.text
    assert (site / "assets" / "notes.txt").read_text(encoding="utf-8") == "a note\n"
    rewritten = [name for name, time in _times(site).items() if before.get(name) != time]
    assert len(rewritten) < len(before) / 2, rewritten
    assert _files(site) == _full_build(served, tmp_path)


def test_a_page_outside_the_menus_added_then_removed(
    served: serving.Session, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """As a listing gains a part and loses it again: the part built alone, then its
    HTML gone, and the site each time what a full build makes."""
    site = Path(served.site_dir)
    page = served.paths.docs / "charts" / "notes.md"  # mkdocs.yml: not_in_nav /charts/
    write_file(page, "# Notes on the charts\n\nHow they are drawn.\n")
    with caplog.at_level("INFO", logger="shuttle.serve"):
        served()
    built = site / "charts" / "notes" / "index.html"
    assert "How they are drawn." in built.read_text(encoding="utf-8")
    assert _files(site) == _full_build(served, tmp_path / "added")
    write_file(page, "# Notes on the charts, retitled\n\nHow they are drawn.\n")
    with caplog.at_level("INFO", logger="shuttle.serve"):
        served()  # as a part is retitled when its units move: named on no other page
    assert "retitled" in built.read_text(encoding="utf-8")
    assert _files(site) == _full_build(served, tmp_path / "retitled")
    page.unlink()
    with caplog.at_level("INFO", logger="shuttle.serve"):
        served()
    assert "every page built again" not in caplog.text
    assert not built.parent.exists()  # nor its folder, as in a full build
    assert _files(site) == _full_build(served, tmp_path / "removed")
