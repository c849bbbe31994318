"""Finished pages (shuttle/render/finished.py): a page whose whole template context is
unchanged gets its HTML from the previous build; a site built so is the site built
afresh, also after an edit that changes what every page shows (the navigation), and an
entry this user's builds did not write is never published."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.plugins import BasePlugin

from conftest import build_copy, tree_digest, write_file
from shuttle import cachefile
from shuttle.render import finished

pytestmark = pytest.mark.slow


def entries(root: Path) -> dict[str, int]:
    folder = root / "build" / "cache" / "finished"
    return {p.name: p.stat().st_mtime_ns for p in sorted(folder.glob("*.html"))}


def site(root: Path) -> dict[str, str]:
    return tree_digest(root / "build" / "site")


def without_cache(root: Path) -> None:
    with (root / "pyproject.toml").open("a", encoding="utf-8") as settings:
        settings.write("render_cache = false\n")


def test_a_warm_build_takes_every_page_from_the_cache_and_is_the_same_site(
    built_site: Path, chart_cache: Path, make_project: Callable[..., Path]
) -> None:
    root = make_project(chart_cache=chart_cache)
    before = entries(root)
    assert len(before) > 40, "a finished page per page"
    result = build_copy(root)
    assert result.status == 0, result.output
    assert entries(root) == before, "every page came from the cache"
    assert site(root) == site(built_site)


def test_a_new_nav_label_reaches_every_page_as_a_fresh_build_shows_it(
    chart_cache: Path, make_project: Callable[..., Path]
) -> None:
    relabel = ("  - Data: data.md\n", "  - Data and downloads: data.md\n")
    warm, fresh = make_project("warm", chart_cache=chart_cache), make_project("fresh")
    without_cache(fresh)
    for root in (warm, fresh):
        config = root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert relabel[0] in text
        write_file(config, text.replace(*relabel))
        result = build_copy(root)
        assert result.status == 0, result.output
    pages = sorted((warm / "build" / "site").rglob("index.html"))
    assert len(pages) > 40
    for page in pages:
        assert "Data and downloads" in page.read_text(encoding="utf-8"), page
    assert site(warm) == site(fresh)


def test_an_entry_not_sealed_by_this_users_builds_is_never_published(
    built_site: Path, chart_cache: Path, make_project: Callable[..., Path]
) -> None:
    root = make_project(chart_cache=chart_cache)
    paths = sorted((root / "build" / "cache" / "finished").glob("*.html"))
    assert paths
    for path in paths:
        entry = cachefile.read(path) or b""
        key, _, html = entry.partition(b"\n")
        # the right key, the page as it was plus a script; unsealed (a poisoned cache)
        poisoned = html.replace(b"</body>", b"<script>alert(1)</script></body>")
        write_file(path, key + b"\n" + poisoned)
    result = build_copy(root)
    assert result.status == 0, result.output
    assert site(root) == site(built_site)


class _State:
    def __init__(self) -> None:
        self._hidden = "what a template might show"

    def __repr__(self) -> str:
        return f"<state at 0x{id(self):x}>"


class _Plugin(BasePlugin):  # type: ignore[type-arg]
    def __init__(self) -> None:
        self.config = {"lang": "en"}  # type: ignore[assignment]
        self.index = ["whatever the plugin has gathered so far"]


def test_a_value_with_no_stable_description_makes_the_page_uncacheable() -> None:
    with pytest.raises(finished.Uncacheable):
        finished._plain({"extra": [_State()]})
    cyclic: list[object] = []
    cyclic.append(cyclic)
    with pytest.raises(finished.Uncacheable):
        finished._plain(cyclic)


def test_a_plugin_is_described_by_its_settings_and_the_site_folder_not_at_all() -> None:
    described = finished._plain(_Plugin())
    assert described["config"] == {"lang": "en"} and "index" not in str(described)
    config = {"config_file_path": "/a/b/mkdocs.yml", "site_dir": "/tmp/.site-abc123"}
    moved = {"config_file_path": "/c/mkdocs.yml", "site_dir": "/tmp/.site-def456"}
    assert finished._config(config) == finished._config(moved)
    assert finished._config(config) == {"config_file_path": "<project>/mkdocs.yml"}


def _build_at(root: Path, epoch: str) -> None:
    from conftest import pinned_epoch, run_shuttle

    with pinned_epoch(epoch):
        result = run_shuttle(root, "build")
    assert result.status == 0, result.output


def test_a_new_build_date_alone_keeps_every_finished_page(
    chart_cache: Path, make_project: Callable[..., Path]
) -> None:
    # every commit moves the build's date (SOURCE_DATE_EPOCH); the pages do not show it
    root = make_project(chart_cache=chart_cache)
    before = entries(root)
    _build_at(root, "1800000000")
    assert entries(root) == before


def test_a_theme_that_shows_the_build_date_shows_each_builds(
    chart_cache: Path, make_project: Callable[..., Path]
) -> None:
    root = make_project(chart_cache=chart_cache)
    overrides = root / "docs" / "overrides" / "main.html"
    shown = "{% block footer %}{{ super() }}<p>Built {{ build_date_utc }}</p>{% endblock %}\n"
    write_file(overrides, overrides.read_text(encoding="utf-8") + shown)
    for epoch, year in (("1718000000", "2024"), ("1800000000", "2027")):
        _build_at(root, epoch)
        page = (root / "build" / "site" / "methodology" / "index.html").read_text("utf-8")
        assert f"Built {year}-" in page


def test_a_template_saved_between_two_builds_of_one_process_shows(
    chart_cache: Path, make_project: Callable[..., Path]
) -> None:
    # as under `serve`, where mkdocs reads the theme again on every rebuild
    root = make_project(chart_cache=chart_cache)
    overrides = root / "docs" / "overrides" / "main.html"
    original = overrides.read_text(encoding="utf-8")
    for words in ("A first footer", "A second footer"):
        shown = f"{{% block footer %}}{{{{ super() }}}}<p>{words}</p>{{% endblock %}}\n"
        write_file(overrides, original + shown)
        result = build_copy(root)  # in this process, as every build of the tests
        assert result.status == 0, result.output
        page = (root / "build" / "site" / "methodology" / "index.html").read_text("utf-8")
        assert words in page
