"""mkdocs_adapter.py against the installed mkdocs: each inside it uses is still there
(a failure names mkdocs' version), and means what the adapter takes it to mean: a tiny
site rendered with the real mkdocs leaves the title, anchors and links where the adapter
reads them, and mkdocs' anchor validation reads them back from where it puts them."""

from __future__ import annotations

import inspect
import logging
import re
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from shuttle.render import mkdocs_adapter

MKDOCS = f"mkdocs {version('mkdocs')}"


@pytest.fixture
def site(tmp_path: Path) -> tuple[Any, Files]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        "# The title\n\nText.\n\n## A part {#part}\n\n[over there](other.md#there)\n",
        encoding="utf-8",
    )
    (docs / "other.md").write_text("# Other\n\n## There\n\nHere.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nmarkdown_extensions:\n  - attr_list\n  - toc:\n      permalink: true\n"
        "validation:\n  anchors: warn\n",
        encoding="utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    files = get_files(config)
    for file in files.documentation_pages():
        Page(None, file, config)  # mkdocs makes every page before rendering any
    return config, files


def _rendered(config: Any, files: Files, src_uri: str) -> Page:
    file = files.get_file_from_path(src_uri)
    assert file is not None
    return mkdocs_adapter.read_and_render(file, config, files)


def test_the_insides_used_are_there() -> None:
    page_fields = inspect.get_annotations(Page)
    for name in ("present_anchor_ids", "links_to_anchors"):
        assert name in page_fields, f"{MKDOCS}: Page.{name} is gone"
    assert "_title_from_render" in inspect.getsource(Page.__init__), (
        f"{MKDOCS}: Page._title_from_render is gone"
    )
    assert "_title_from_render" in inspect.getsource(Page.render), (
        f"{MKDOCS}: Page.render no longer sets _title_from_render"
    )
    assert callable(get_toc), f"{MKDOCS}: mkdocs.structure.toc.get_toc is gone"


def _in_order(source: str, steps: tuple[str, ...], what: str) -> None:
    """Each step in `source`, in this order (a copy of mkdocs' steps still matches it)."""
    places = {step: source.find(step) for step in steps}
    found = list(places.values())
    assert -1 not in found and found == sorted(found), f"{MKDOCS}: {what} changed: {places}"


def test_the_copied_page_loop_is_mkdocs_own() -> None:
    # read_and_render copies _populate_page: the same steps in the same order
    source = inspect.getsource(mkdocs_build._populate_page)
    steps = (
        "config._current_page = page",
        "on_pre_page",
        "read_source",
        "on_page_markdown",
        ".render(config, files)",
        "on_page_content",
        "config._current_page = None",
    )
    _in_order(source, steps, "mkdocs' page loop (_populate_page)")


def test_a_render_leaves_its_title_anchors_and_links_where_they_are_read(
    site: tuple[Any, Files],
) -> None:
    config, files = site
    page = _rendered(config, files, "index.md")
    state = mkdocs_adapter.render_state(page)
    assert state["title"] == "The title", f"{MKDOCS}: the title is not in _title_from_render"
    assert page.title == "The title"
    assert "part" in state["anchors"], f"{MKDOCS}: present_anchor_ids has not the ids"
    assert state["links"]["other.md"] == {"there": "other.md#there"}, (
        f"{MKDOCS}: links_to_anchors is not {{file: {{anchor: link}}}}"
    )
    assert [t["id"] for t in state["toc"]] == ["the-title"]
    assert state["content"] == page.content and "A part" in state["content"]


def test_a_restored_page_is_the_rendered_page(site: tuple[Any, Files]) -> None:
    config, files = site
    page = _rendered(config, files, "index.md")
    state = mkdocs_adapter.render_state(page)
    other = files.get_file_from_path("index.md")
    assert other is not None
    blank = Page(None, other, config)
    blank.read_source(config)  # as mkdocs does before it calls render
    assert mkdocs_adapter.restore_render_state(blank, state, files)
    assert mkdocs_adapter.render_state(blank) == state
    assert blank.title == page.title and blank.toc.items[0].title == "The title"
    missing = {**state, "links": {"gone.md": {"x": "gone.md#x"}}}
    assert not mkdocs_adapter.restore_render_state(blank, missing, files)


def test_mkdocs_validates_anchors_from_what_a_restore_puts_back(
    site: tuple[Any, Files], caplog: pytest.LogCaptureFixture
) -> None:
    config, files = site
    _rendered(config, files, "other.md")
    page = _rendered(config, files, "index.md")
    state = mkdocs_adapter.render_state(page)
    state["links"] = {"other.md": {"nowhere": "other.md#nowhere"}}
    assert mkdocs_adapter.restore_render_state(page, state, files)
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        page.validate_anchor_links(files=files, log_level=logging.WARNING)
    assert "#nowhere" in caplog.text, f"{MKDOCS}: anchor validation reads other fields"


def test_a_routed_render_replaces_mkdocs_own_on_that_page(site: tuple[Any, Files]) -> None:
    config, files = site
    file = files.get_file_from_path("index.md")
    assert file is not None and file.page is not None
    page = file.page
    calls: list[str] = []
    mkdocs_adapter.route_render(page, lambda c, f: calls.append("ours"))
    page.read_source(config)
    page.render(config, files)
    assert calls == ["ours"] and page.content is None
    mkdocs_adapter.render_afresh(page, config, files)
    assert page.content is not None and "The title" in page.content


def test_the_render_settings_are_the_configuration_that_shapes_a_render(
    site: tuple[Any, Files],
) -> None:
    config, _ = site
    settings = mkdocs_adapter.render_settings(config)
    assert settings["settings"] == {"toc": {"permalink": True}}, (
        f"{MKDOCS}: config.mdx_configs no longer holds the extensions' settings"
    )
    assert "toc" in settings["extensions"] and settings["directory_urls"] is True


def test_build_site_is_mkdocs_build_as_its_command_line_runs_it(tmp_path: Path) -> None:
    from mkdocs import __main__ as command_line

    source = inspect.getsource(command_line.build_command.callback)  # a click command
    steps = ("plugins.on_startup(command='build'", "build.build(cfg", "plugins.on_shutdown()")
    places = {step: source.find(step) for step in steps}
    found = list(places.values())
    assert -1 not in found and found == sorted(found), (
        f"{MKDOCS}: `mkdocs build` runs the build another way now: {places}"
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    mkdocs_adapter.build_site(load_config(str(tmp_path / "mkdocs.yml")))
    assert "Home" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_the_copied_start_of_a_page_build_is_mkdocs_own() -> None:
    # page_context copies _build_page up to the template: the same steps in the same order
    source = inspect.getsource(mkdocs_build._build_page)
    steps = (
        "config._current_page = page",
        "page.active = True",
        "get_context(nav, doc_files, config, page)",
        "on_page_context(context, page=page, config=config, nav=nav)",
        "page.active = False",
        "config._current_page = None",
    )
    _in_order(source, steps, "mkdocs' page build (_build_page)")
    build = inspect.getsource(mkdocs_build.build)
    for step in (
        "InclusionLevel.is_included",
        "doc_files = files.documentation_pages(inclusion=inclusion)",
        "env = config.plugins.on_env(env, config=config, files=files)",
    ):
        assert step in build, f"{MKDOCS}: mkdocs' build no longer has {step!r}"


def test_a_page_context_is_the_one_mkdocs_hands_the_plugins(site: tuple[Any, Files]) -> None:
    from mkdocs.structure.nav import get_navigation

    config, files = site
    nav = get_navigation(files, config)
    seen: list[tuple[str, bool, Any]] = []

    class Watch:
        def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
            seen.append((context["base_url"], page.active, context["page"]))
            return context

    config.plugins.on_pre_build(config=config)  # the search plugin makes its index
    config.plugins["watch"] = Watch()  # a plugin's events are found when it is added
    page = _rendered(config, files, "other.md")
    mkdocs_adapter.page_context(page, config, nav, mkdocs_adapter.built_pages(files))
    assert seen == [("..", True, page)], f"{MKDOCS}: the context of a page changed"
    assert not page.active and config._current_page is None


def test_a_page_not_built_is_named_and_checked_from_what_is_put_back(
    site: tuple[Any, Files], caplog: pytest.LogCaptureFixture
) -> None:
    """A page a dirty build leaves unread has no title (its menus then show none) until
    restore_left names it; links to its anchors are validated against what is put back."""
    config, files = site
    other = files.get_file_from_path("other.md")
    assert other is not None and other.page is not None
    assert other.page.title is None, f"{MKDOCS}: an unread page has a title of its own now"
    mkdocs_adapter.restore_left(other.page, "Other, as last built", ("elsewhere",))
    assert other.page.title == "Other, as last built"
    page = _rendered(config, files, "index.md")
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        page.validate_anchor_links(files=files, log_level=logging.WARNING)
    assert "#there" in caplog.text, (
        f"{MKDOCS}: anchors put back on an unread page are not what validation reads"
    )


def test_a_served_build_is_mkdocs_serve_s_and_its_dirty_warning_is_the_one_dropped(
    tmp_path: Path,
) -> None:
    from mkdocs.commands import serve as mkdocs_serve

    assert "build(config, serve_url=None if is_clean else serve_url, dirty=is_dirty)" in (
        inspect.getsource(mkdocs_serve.serve)
    ), f"{MKDOCS}: `mkdocs serve` builds another way now"
    assert mkdocs_adapter.DIRTY_WARNING in inspect.getsource(mkdocs_build.build), (
        f"{MKDOCS}: the dirty build's warning is worded otherwise now"
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nstrict: true\n", encoding="utf-8")
    url = "http://127.0.0.1:8000/"
    mkdocs_adapter.build_served(load_config(str(tmp_path / "mkdocs.yml")), url, dirty=False)
    built = tmp_path / "site" / "index.html"
    first = built.stat().st_mtime_ns
    # strict, and a dirty build with nothing changed: no warning fails it, no page is built
    mkdocs_adapter.build_served(load_config(str(tmp_path / "mkdocs.yml")), url, dirty=True)
    assert built.stat().st_mtime_ns == first


def test_the_live_server_is_the_one_mkdocs_serve_makes(tmp_path: Path) -> None:
    from mkdocs.commands import serve as mkdocs_serve

    source = inspect.getsource(mkdocs_serve.serve)
    assert "LiveReloadServer(" in source and "server.error_handler = " in source, (
        f"{MKDOCS}: `mkdocs serve` makes its server another way now"
    )
    from mkdocs.livereload import LiveReloadServer

    from shuttle.render.watching import Watcher

    # the observer is replaced (render/watching.py): mkdocs must still make it in its
    # constructor and call only what Watcher has
    server_source = inspect.getsource(LiveReloadServer)
    called = set(re.findall(r"self\.observer\.(\w+)\(", server_source))
    assert "self.observer = " in inspect.getsource(LiveReloadServer.__init__), (
        f"{MKDOCS}: the development server makes its observer elsewhere now"
    )
    assert called and all(hasattr(Watcher, name) for name in called), (
        f"{MKDOCS}: the development server calls its observer's {sorted(called)}"
    )
    (tmp_path / "404.html").write_text("not here", encoding="utf-8")
    server = mkdocs_adapter.live_server(lambda: None, ("127.0.0.1", 0), str(tmp_path), poll=0.2)
    try:
        assert server.error_handler(404) == b"not here" and server.error_handler(403) is None
        assert isinstance(server.observer, Watcher)
        server.watch(str(tmp_path))  # the call plugins make in on_serve
        assert server.observer.scheduled[0][1:] == (str(tmp_path), True)
    finally:
        server.shutdown()


def test_the_configuration_is_read_as_mkdocs_command_line_reads_it(tmp_path: Path) -> None:
    from mkdocs import __main__ as command_line

    assert "load_config(" in inspect.getsource(command_line), (
        f"{MKDOCS}: its command line reads mkdocs.yml another way now"
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    config = mkdocs_adapter.load_config(
        tmp_path / "mkdocs.yml", strict=True, site_url="http://127.0.0.1:8001/",
        dev_addr="127.0.0.1:8001",
    )  # fmt: skip
    assert config.strict is True and config.site_url == "http://127.0.0.1:8001/"
    assert (config.dev_addr.host, config.dev_addr.port) == ("127.0.0.1", 8001)
