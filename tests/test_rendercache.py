"""The page cache (shuttle/rendercache.py): a site built from it is the site built
without it, an edited page is rendered again and only that page, and what mkdocs would
complain of in a page is still complained of when the page comes from the cache."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import build_copy, tree_digest, write_file

pytestmark = pytest.mark.slow


def cache_files(root: Path) -> dict[str, int]:
    folder = root / "build" / "cache" / "pages"
    return {p.name: p.stat().st_mtime_ns for p in sorted(folder.glob("*.json"))}


def add_to_methodology(root: Path, markdown: str) -> None:
    page = root / "docs" / "methodology.md"
    write_file(page, page.read_text(encoding="utf-8") + "\n" + markdown + "\n")


def site(root: Path) -> dict[str, str]:
    return tree_digest(root / "build" / "site")


def test_a_site_from_the_cache_is_the_site_rendered_afresh(
    built_site: Path,
    chart_cache: Path,
    make_project: Callable[..., Path],
) -> None:
    warm = make_project("warm", chart_cache=chart_cache)
    before = cache_files(warm)
    assert len(before) > 40  # a page entry and a search entry per page
    result = build_copy(warm)
    assert result.status == 0, result.output
    assert cache_files(warm) == before  # every page came from the cache
    assert site(warm) == site(built_site)

    fresh = make_project("fresh")
    with (fresh / "pyproject.toml").open("a", encoding="utf-8") as settings:
        settings.write("render_cache = false\n")
    result = build_copy(fresh)
    assert result.status == 0, result.output
    assert not (fresh / "build" / "cache" / "pages").exists()
    assert site(fresh) == site(built_site)


def test_an_edited_page_is_rendered_again_and_only_it(
    chart_cache: Path, make_project: Callable[..., Path]
) -> None:
    root = make_project(chart_cache=chart_cache)
    add_to_methodology(root, "A paragraph added by an editor.")
    before = cache_files(root)
    result = build_copy(root)
    assert result.status == 0, result.output
    html = (root / "build/site/methodology/index.html").read_text(encoding="utf-8")
    assert "A paragraph added by an editor." in html
    index = (root / "build/site/search/search_index.json").read_text(encoding="utf-8")
    assert "A paragraph added by an editor." in index
    after = cache_files(root)
    changed = sorted(name for name in after if after[name] != before.get(name))
    assert len(changed) == 2  # its rendering and its search entries
    assert after.keys() == before.keys()


def test_a_broken_link_fails_every_build_not_only_the_first(
    chart_cache: Path, make_project: Callable[..., Path]
) -> None:
    root = make_project(chart_cache=chart_cache)
    add_to_methodology(root, "See [the notes](notes.md).")
    for _ in range(2):  # the second time the page comes from the cache
        result = build_copy(root)
        assert result.status != 0
        # named as the editor wrote it, in the file they edit (origins.py)
        assert "docs/methodology.md:" in result.output
        assert "E506 the link 'notes.md' leads to notes.md" in result.output


def test_a_page_linking_to_a_removed_page_is_checked_again(
    chart_cache: Path, make_project: Callable[..., Path]
) -> None:
    root = make_project(chart_cache=chart_cache)
    config = root / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    write_file(
        config,
        original.replace("  - Data: data.md\n", "  - Data: data.md\n  - Notes: notes.md\n"),
    )
    write_file(root / "docs" / "notes.md", "# Notes\n\nSome notes.\n")
    add_to_methodology(root, "See [the notes](notes.md).")
    result = build_copy(root)
    assert result.status == 0, result.output

    # methodology.md is unchanged; the page it links to is gone
    (root / "docs" / "notes.md").unlink()
    write_file(config, original)
    result = build_copy(root)
    assert result.status != 0
    assert "E506 the link 'notes.md' leads to notes.md" in result.output


def test_a_damaged_cache_is_a_miss(
    built_site: Path, chart_cache: Path, make_project: Callable[..., Path]
) -> None:
    root = make_project(chart_cache=chart_cache)
    entries = sorted((root / "build" / "cache" / "pages").glob("*.json"))
    for number, path in enumerate(entries):
        data = path.read_bytes()
        write_file(path, data[: len(data) // 2] if number % 2 else b"[]")
    result = build_copy(root)
    assert result.status == 0, result.output
    assert site(root) == site(built_site)


def test_a_crafted_cache_entry_is_never_published(
    built_site: Path, chart_cache: Path, make_project: Callable[..., Path]
) -> None:
    """An entry with the right key but written by someone else (no seal of this user's
    builds: a poisoned cache restored in CI) is a miss, whatever it holds."""
    import json

    from shuttle import cachefile

    root = make_project(chart_cache=chart_cache)
    entries = sorted((root / "build" / "cache" / "pages").glob("*.json"))
    assert entries
    for path in entries:
        entry = json.loads(cachefile.read(path) or b"{}")
        if "content" in entry:
            entry["content"] += "<script>alert('cache')</script>"
        write_file(path, json.dumps(entry))  # the entry as it was, unsealed, plus a script
    result = build_copy(root)
    assert result.status == 0, result.output
    assert site(root) == site(built_site)


def test_a_second_core_renders_and_finishes_pages_ahead_and_the_site_is_the_same(
    built_site: Path, make_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from shuttle.render import prerender
    from shuttle.render.plugin import ShuttlePlugin
    from shuttle.render.rendercache import RenderCache

    monkeypatch.setattr(prerender, "MIN_PAGES", 1)  # the seed site is small
    builder = os.getpid()
    render = RenderCache.render

    def slow_in_the_builder(self: RenderCache, page: Any, config: Any, files: Any) -> None:
        render(self, page, config, files)
        if os.getpid() == builder:
            time.sleep(0.05)  # so that the helper is seen to finish pages first

    monkeypatch.setattr(RenderCache, "render", slow_in_the_builder)

    def slow_writing(self: ShuttlePlugin, output: str, *, page: Any, config: Any) -> str:
        if os.getpid() == builder:
            time.sleep(0.05)  # mkdocs writes each page after this event
        return output

    # an event of the plugin's own (mkdocs registers the on_* methods it finds)
    monkeypatch.setattr(ShuttlePlugin, "on_post_page", slow_writing, raising=False)
    seen: dict[str, int] = {}
    post_build = ShuttlePlugin.on_post_build

    def count(self: ShuttlePlugin, *, config: Any) -> None:
        assert self.renders is not None
        renders = self.renders
        seen.update(hits=renders.hits, misses=renders.misses, search_hits=renders.search_hits)
        assert self.finished is not None
        seen.update(finished_hits=self.finished.hits, finished_misses=self.finished.misses)
        post_build(self, config=config)

    monkeypatch.setattr(ShuttlePlugin, "on_post_build", count)
    root = make_project("cold")
    result = build_copy(root)
    assert result.status == 0, result.output
    assert site(root) == site(built_site)
    # the builder rendered the first pages; the helper's, from the end, were in the cache;
    # and so were the search entries the helper read, and the pages it finished (the
    # theme applied), while the builder wrote pages
    assert seen["misses"] > 0 and seen["hits"] > 0 and seen["search_hits"] > 0, seen
    assert seen["finished_misses"] > 0 and seen["finished_hits"] > 0, seen


def test_no_cache_where_pages_take_in_other_files(
    built_site: Path, make_project: Callable[..., Path]
) -> None:
    # pymdownx.snippets puts another file's text into a page: its Markdown alone no
    # longer says what it renders to
    root = make_project()
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    write_file(config, text.replace("  - attr_list\n", "  - attr_list\n  - pymdownx.snippets\n", 1))
    result = build_copy(root)
    assert result.status == 0, result.output
    assert not (root / "build" / "cache" / "pages").exists()
