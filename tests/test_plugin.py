"""The mkdocs plugin under `serve`: broken data is shown in the pages, not a dead server."""

from __future__ import annotations

from pathlib import Path

from conftest import pinned_epoch, write_file
from shuttle.plugin import problems_banner
from shuttle.problems import Problem


def _serve_build(root: Path, site: Path) -> None:
    """What `shuttle serve` runs on every change: a strict build as the server."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        with pinned_epoch():
            build(config)
    finally:
        config.plugins.on_shutdown()


def test_a_broken_data_file_is_shown_on_every_page_under_serve(
    project: Path, tmp_path: Path
) -> None:
    write_file(project / "data" / "people.yml", "people:\n\t- id: x\n")
    site = tmp_path / "site"
    _serve_build(project, site)  # does not abort
    for page in ("index.html", "figures/index.html", "quotes/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert 'class="admonition failure"' in html, page
        assert "data/people.yml:2: E001" in html, page


def test_the_banner_escapes_what_a_problem_quotes() -> None:
    problem = Problem.of("E102", "data/people.yml", 3, "name: <script>alert(1)</script> *x*")
    banner = problems_banner([problem])
    assert "<script>" not in banner and "1 problem in" in banner
