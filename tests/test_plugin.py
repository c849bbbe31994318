"""The mkdocs plugin: what it knows of the command it runs under."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from shuttle import building
from shuttle.paths import Paths
from shuttle.render.plugin import ShuttlePlugin


def test_a_plugin_made_by_a_reload_under_serve_knows_it_serves(
    make_project: Callable[..., Path],
) -> None:
    """mkdocs makes new plugins when mkdocs.yml is saved while serving and calls their
    on_startup never: they must still not start the prerender helper (a fork of a
    threaded server)."""
    config = building.load_config(Paths(make_project()))
    first = ShuttlePlugin()
    first.on_startup(command="serve", dirty=False)
    reloaded = ShuttlePlugin()
    reloaded.on_config(config)
    assert reloaded.serving
    first.on_shutdown()  # serve has ended: a build in the same process is a build
    built = ShuttlePlugin()
    built.on_startup(command="build", dirty=False)
    built.on_config(config)
    assert not built.serving
