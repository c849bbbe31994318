"""The mkdocs plugin: hands the generated pages, chart files and downloads to mkdocs.

On every build (and every rebuild under `mkdocs serve`, which also watches data/ and
seeds/) it loads and checks the data, renders the pages from templates and adds them
as generated files. Errors fail `mkdocs build`; under `serve` they are logged and the
site is rendered from what loaded, so an editor sees both the problem and the page.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from shuttle import cachefile, prerender, rendercache
from shuttle.aside import cores
from shuttle.checks import consistency, run_checks
from shuttle.paths import Paths
from shuttle.problems import Problem, has_errors, ordered
from shuttle.rendercache import RenderCache
from shuttle.store import Store

log = logging.getLogger("mkdocs.plugins.shuttle")

JS_DIR = "assets/javascripts"
# From this many articles page generation is split between two cores (at 100: 2.2 s).
ASIDE_ARTICLES = 50


class ShuttleConfig(Config):
    preview = c.Type(bool, default=False)
    # bytes of HTML a listing page's part may take (default: pages.paging.BUDGET, 60 KB)
    page_budget = c.Optional(c.Type(int))
    # keep each page's rendered HTML between builds (rendercache.py)
    render_cache = c.Type(bool, default=True)


class ShuttlePlugin(BasePlugin[ShuttleConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.paths: Paths | None = None
        # `shuttle build` checks the data before mkdocs runs and hands the result over,
        # so the data is read once per build; `mkdocs serve` reads it on every rebuild.
        self.checked: tuple[Store, list[Problem]] | None = None
        self.renders: RenderCache | None = None
        self.helper: prerender.Helper | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: Any) -> Any:
        self.paths = Paths(Path(config.config_file_path).resolve().parent)
        wanted = self.config.render_cache and os.environ.get("SHUTTLE_RENDER_CACHE") != "0"
        if wanted and rendercache.usable(config):
            self.renders = RenderCache(self.paths.cache / "pages")
            self.renders.attach_search(config.plugins)
        return config

    @property
    def preview(self) -> bool:
        return self.config.preview or os.environ.get("SHUTTLE_PREVIEW") == "1"

    def on_files(self, files: Files, *, config: Any) -> Files:
        from shuttle import charts
        from shuttle.pages import render_site
        from shuttle.pages.paging import BUDGET
        from shuttle.pages.view import View

        assert self.paths is not None
        store, problems = self.checked or run_checks(self.paths)
        self.checked = None
        broken = has_errors(problems) and self.serving
        for problem in ordered(problems):
            # under `serve` an error is shown in the pages, and must not abort the
            # strict build (the browser would wait for a page that never comes)
            loud = problem.severity == "error" and not broken
            (log.warning if loud else log.info)(str(problem))
        if has_errors(problems) and not self.serving:
            raise PluginError(
                f"shuttle: {sum(p.severity == 'error' for p in problems)} "
                "problems in seeds/ or data/ (run `shuttle check`)"
            )
        view = View.of(store, preview=self.preview, disagreements=consistency.find(store))
        cache = self.paths.cache / "charts"
        site_url = config.site_url or ""
        budget = self.config.page_budget or BUDGET
        # the other core renders half the pages, where that pays (not under `serve`,
        # whose server threads a fork would not copy)
        aside = not self.serving and cores() > 1 and len(store.articles) >= ASIDE_ARTICLES
        bundle = None if self.serving else charts.chart_javascript_aside(cache)
        generated = render_site(view, site_url=site_url, cache=cache, budget=budget, aside=aside)
        banner = problems_banner(problems) if broken else ""
        for path, markdown in generated.pages.items():
            _add(files, config, path, _after_front_matter(markdown, banner))
        for path, content in generated.files.items():
            _add(files, config, path, content)
        if any(path.startswith("assets/charts/") for path in generated.files):
            script = bundle.result() if bundle is not None else charts.chart_javascript(cache)
            _add(files, config, f"{JS_DIR}/vega.js", script)
            _add(files, config, f"{JS_DIR}/charts.js", charts.loader_javascript())
        return files

    def on_nav(self, nav: Any, *, config: Any, files: Files) -> Any:
        if self.renders is not None:
            self.renders.start(config, files)
            if not self.serving:
                self.helper = prerender.start(config, files)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Files) -> str:
        if self.renders is not None:
            self.renders.attach(page)
        return markdown

    def on_post_build(self, *, config: Any) -> None:
        self._stop_helper()  # every page is written by now
        if self.renders is not None:
            renders = self.renders
            log.debug(
                f"pages rendered {renders.misses}, from the cache {renders.hits}; "
                f"search entries from the cache {renders.search_hits}"
            )

    def on_env(self, env: Any, *, config: Any, files: Files) -> Any:
        if self.helper is not None:
            self.helper.rendered()  # every page is rendered by now
        # mkdocs compiles the theme's templates afresh on every build (Material's are
        # many and large); Jinja's own bytecode cache keeps them compiled between builds
        # and `serve` rebuilds. Only compilation is cached: a changed template is
        # recompiled (its checksum is in the cache entry), and the output is the same.
        assert self.paths is not None
        folder = self.paths.cache / "jinja"
        env.bytecode_cache = _TemplateCache(folder)
        return env

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_helper()

    def on_shutdown(self) -> None:
        self._stop_helper()

    def _stop_helper(self) -> None:
        if self.helper is not None:
            self.helper.finish()
            self.helper = None

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        assert self.paths is not None
        for folder in (self.paths.data, self.paths.seeds):
            if folder.is_dir():
                server.watch(str(folder))
        return server


class _TemplateCache(jinja2.BytecodeCache):
    """Jinja's compiled templates, sealed (cachefile): Jinja's own file cache unpickles
    whatever file it finds, so a crafted one would run code during the build; here an
    entry is loaded only if this user's builds wrote it. Keyed by the template's name,
    not its absolute path, so that a copied or moved project finds its templates
    compiled: the source checksum in each entry decides."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha1(name.encode("utf-8")).hexdigest()

    def _path(self, bucket: jinja2.bccache.Bucket) -> Path:
        return self.folder / f"{bucket.key}.jinja"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = cachefile.read(self._path(bucket))
        if data is not None:
            bucket.bytecode_from_string(data)  # a stale or foreign version: reset, a miss

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        cachefile.write(self._path(bucket), bucket.bytecode_to_string())


def problems_banner(problems: list[Problem]) -> str:
    """The errors of seeds/ and data/ as a box on top of every page `serve` shows: the
    pages below are built from what did load, and are incomplete until they are fixed."""
    from shuttle.pages.escape import text

    errors = [p for p in ordered(problems) if p.severity == "error"]
    lines = [
        f'!!! failure "{len(errors)} problem{"s" if len(errors) != 1 else ""} in seeds/ or '
        'data/: this page is incomplete until they are fixed"',
        "",
    ]
    lines += [f"    - {text(str(problem))}" for problem in errors[:50]]
    if len(errors) > 50:
        lines.append(f"    - and {len(errors) - 50} more: run `shuttle check`")
    return "\n".join(lines) + "\n\n"


def _after_front_matter(markdown: str, block: str) -> str:
    if block and markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            cut = end + len("\n---\n")
            return markdown[:cut] + "\n" + block + markdown[cut:]
    return block + markdown


def _add(files: Files, config: Any, path: str, content: str | bytes) -> None:
    existing = files.get_file_from_path(path)
    if existing is not None:
        files.remove(existing)
    files.append(File.generated(config, path, content=content))
