"""The mkdocs plugin: speeds up mkdocs' rendering of build/docs (the pages themselves
are generated as files by `shuttle generate`, generate.py): each page's rendered HTML kept
between builds (rendercache.py), half the pages rendered on the other core
(prerender.py), and the theme's templates kept compiled (_TemplateCache). Each can be
switched off in `[tool.shuttle]` (config.py: render_cache, prerender, template_cache);
benchmarks/render_parts.py measures what each buys."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

from shuttle import cachefile, origins
from shuttle import config as settings
from shuttle.paths import Paths
from shuttle.render import incremental, prerender, rendercache
from shuttle.render.finished import FinishedPages
from shuttle.render.rendercache import RenderCache

log = logging.getLogger("mkdocs.plugins.shuttle")


# mkdocs calls on_startup on the plugins of the first config only: the plugins it makes
# when mkdocs.yml is saved while serving learn that they serve from here.
_serving = [False]


class ShuttleConfig(Config):
    """No options here: the settings are in pyproject.toml's [tool.shuttle] (config.py)."""


class ShuttlePlugin(BasePlugin[ShuttleConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.paths: Paths | None = None
        self.renders: RenderCache | None = None
        self.finished: FinishedPages | None = None
        self.helper: prerender.Helper | None = None
        self.settings = settings.Config()
        self.tracker: incremental.Tracker | None = None

    def build_on(self, previous: incremental.Previous, *, dirty: bool) -> None:
        """This build follows `previous` (under serve): `dirty`, only the changed pages
        are built (incremental.py); either way, what it leaves is kept for the next."""
        self.tracker = incremental.Tracker(previous, dirty=dirty)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = _serving[0] = command == "serve"

    def on_config(self, config: Any) -> Any:
        self.paths = Paths(Path(config.config_file_path).resolve().parent)
        self.serving = self.serving or _serving[0]
        # the nav names docs/ pages by file (methodology.md): where generate put them, on
        # every reload of mkdocs.yml under `serve` too (a build has moved it already)
        config.nav = origins.moved_nav(config.nav)
        self.settings = settings.load(self.paths)
        if self.settings.render_cache and rendercache.usable(config):
            self.renders = RenderCache(self.paths.cache / "pages")
            self.renders.attach_search(config.plugins)
            self.finished = FinishedPages(self.paths.cache / "finished")
        return config

    def on_nav(self, nav: Any, *, config: Any, files: Files) -> Any:
        if self.tracker is not None:
            self.tracker.start(files, nav, config)
        if self.renders is not None:
            self.renders.start(config, files)
            if self.settings.prerender:
                finishing = nav if self.finished is not None else None
                dirty = self.tracker is not None and self.tracker.dirty
                self.helper = prerender.start(config, files, finishing, dirty=dirty)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Files) -> str:
        if self.tracker is not None:
            self.tracker.read(page)
        if self.renders is not None:
            self.renders.attach(page)
        return markdown

    @event_priority(50)  # before the search plugin writes its index
    def on_post_build(self, *, config: Any) -> None:
        if self.tracker is not None:
            self.tracker.finish()
        self._stop_helper()  # every page is written by now
        cachefile.background.close()  # and every cache entry
        if self.renders is not None:
            renders = self.renders
            finished = self.finished
            log.debug(
                f"pages rendered {renders.misses}, from the cache {renders.hits}; "
                f"search entries from the cache {renders.search_hits}; finished pages "
                f"from the cache {finished.hits if finished else 0}"
            )

    def on_env(self, env: Any, *, config: Any, files: Files) -> Any:
        if self.helper is not None:
            self.helper.rendered()  # every page is rendered by now
        if self.tracker is not None:
            self.tracker.rendered()  # before the pages' meta change below
        # mkdocs compiles the theme's templates afresh on every build (Material's are
        # many and large); Jinja's own bytecode cache keeps them compiled between builds
        # and `serve` rebuilds. Only compilation is cached: a changed template is
        # recompiled (its checksum is in the cache entry), and the output is the same.
        # An overlay (Jinja's documented way to vary an environment) shares the theme's
        # loader, filters and globals; mkdocs renders with the environment returned here.
        assert self.paths is not None
        if self.settings.template_cache:
            env = env.overlay(bytecode_cache=_TemplateCache(self.paths.cache / "jinja"))
        if self.finished is not None:
            env = self.finished.environment(env, files)
        return env

    @event_priority(-100)  # after every other plugin's: the context is final
    def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        if self.tracker is not None:
            self.tracker.contexted(page)
        if self.finished is not None:
            return self.finished.finish(context, page)
        return context

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_helper()
        cachefile.background.close()

    def on_shutdown(self) -> None:
        _serving[0] = False
        self._stop_helper()
        cachefile.background.close()

    def _stop_helper(self) -> None:
        if self.helper is not None:
            self.helper.finish()
            self.helper = None


def follows(config: Any, previous: incremental.Previous, *, dirty: bool) -> bool:
    """Tell this configuration's Shuttle plugin that its build follows `previous`; False
    when mkdocs.yml has no Shuttle plugin (then every build is a full one)."""
    for plugin in config.plugins.values():
        if isinstance(plugin, ShuttlePlugin):
            plugin.build_on(previous, dirty=dirty)
            return True
    return False


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
