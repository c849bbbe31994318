"""The README's two commands, on a copy of the repository as git would check it out."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def tracked_copy(target: Path) -> Path:
    """The committed tree plus the working tree's edits: what a fresh clone would hold."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for raw in listed:
        if not raw:
            continue
        name = raw.decode()
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def test_readme_names_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^make site\b", readme, re.MULTILINE)
    assert re.search(r"^make test\b", readme, re.MULTILINE)
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


@pytest.mark.slow
def test_make_site_builds_the_site_on_a_copy(tmp_path: Path) -> None:
    project = tracked_copy(tmp_path / "clone")
    # Reuse this environment's packages (a fresh clone would install them: the Makefile
    # target that does is checked below by a dry run).
    venv = Path(sys.prefix)
    (project / ".venv").symlink_to(venv, target_is_directory=True)
    stamp = venv / ".installed"
    if not stamp.exists():
        pytest.skip("the venv was not made by the Makefile; run `make site` first")
    os.utime(stamp)
    # the address CI hands it (under CI a build is one to publish: E503 without one)
    address = "https://newsroom.example/shuttle/"
    result = subprocess.run(
        ["make", "site", f"SITE_URL={address}"],
        cwd=project, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    site = project / "build" / "site"
    for page in ("index.html", "figures/index.html", "quotes/index.html", "sitemap.xml"):
        assert (site / page).is_file(), page
    assert f"<loc>{address}quotes/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "make serve" in result.stdout + result.stderr


def test_make_test_sets_up_and_runs_every_check() -> None:
    """A dry run: from nothing, `make test` creates the venv, installs, lints, type-checks,
    checks the data and runs pytest (which builds the site and drives the browser)."""
    result = subprocess.run(
        ["make", "-n", "-B", "test"], cwd=REPO, capture_output=True, text=True, check=True
    )
    steps = result.stdout
    for step in ("-m venv", "pip install", "ruff check", "mypy", "shuttle check", "pytest"):
        assert step in steps, f"`make test` does not run {step!r}"


def test_every_shuttle_command_the_readme_shows_is_one_the_cli_accepts() -> None:
    from shuttle import cli

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"(?:^|`)\s*\.venv/bin/shuttle ([^`\n]+)", readme, re.MULTILINE)
    assert any(line.startswith("add quote") for line in shown)
    assert any(line.startswith("people merge") for line in shown)
    for line in shown:
        try:
            cli.parser().parse_args(shlex.split(line))
        except SystemExit:
            pytest.fail(f"the README shows `shuttle {line}`, which the command refuses")


def _blocks(section: str, language: str) -> list[str]:
    """The fenced code blocks of one language in `section`, their indent removed."""
    found = re.findall(rf"^( *)```{language}\n(.*?)^\1```", section, re.MULTILINE | re.DOTALL)
    return [re.sub(rf"(?m)^{indent}", "", body) for indent, body in found]


@pytest.mark.slow
def test_an_editors_page_added_as_the_readme_says_is_built_and_in_the_menu(
    tmp_path: Path,
) -> None:
    from conftest import build_copy, copy_project

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Add a page of your own") :]
    section = section[: section.index("\n### ", 1)]
    (name,) = set(re.findall(r"`docs/([a-z-]+\.md)`", section))
    (page,) = _blocks(section, "markdown")
    (nav,) = _blocks(section, "yaml")
    after, entry = nav.rstrip("\n").splitlines()
    root = copy_project(tmp_path / "project")
    (root / "docs" / name).write_text(page, encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert f"\n{after}\n" in text, "the README's nav line to add after is not in mkdocs.yml"
    config.write_text(text.replace(f"\n{after}\n", f"\n{after}\n{entry}\n"), encoding="utf-8")
    result = build_copy(root)
    assert result.status == 0, result.output
    title = page.splitlines()[0].removeprefix("# ")
    built = root / "build" / "site" / name.removesuffix(".md") / "index.html"
    assert title in built.read_text(encoding="utf-8")
    home = (root / "build" / "site" / "index.html").read_text(encoding="utf-8")
    assert f'href="{name.removesuffix(".md")}/"' in home, "the page is not in the menu"
