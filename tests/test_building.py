"""building: check, build elsewhere, check links, then swap in; a failed build leaves the
previous site exactly as it was."""

from __future__ import annotations

import logging
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from conftest import EPOCH, build_copy, copy_project, tree_digest, write_file
from shuttle import building
from shuttle.paths import Paths


def copy_of_built(built_site: Path, dest: Path) -> Path:
    """A copy of the session's built project, build/site and caches included."""
    shutil.copytree(built_site, dest, symlinks=True)
    return dest


@pytest.mark.slow
def test_a_build_makes_a_world_readable_site(built_site: Path) -> None:
    site = built_site / "build" / "site"
    for page in ("index.html", "quotes/index.html", "sources/index.html", "404.html"):
        assert (site / page).is_file(), page
    for path in [site, *site.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), (path, oct(mode))
    assert [p.name for p in (built_site / "build").iterdir() if p.name.startswith(".")] == []


@pytest.mark.slow
def test_a_build_changes_nothing_outside_build(built_site: Path, tmp_path: Path) -> None:
    fresh = copy_project(tmp_path / "fresh")
    built = {k: v for k, v in tree_digest(built_site).items() if not k.startswith("build")}
    assert built == tree_digest(fresh)


def outputs(root: Path) -> dict[str, str]:
    """build/ but what builds learn from every build, failed ones too: rendered and
    finished pages (each entry keyed by its inputs, a page that warned kept with its
    warnings) and the link check's memo (which forgets the clean pages when a check finds
    a broken link), and the site source in build/docs with its memo (generated from the
    current input before rendering)."""
    learnt = ("cache/pages", "cache/finished", "cache/links.json", "cache/generated", "docs")
    return {k: v for k, v in tree_digest(root / "build").items() if not k.startswith(learnt)}


@pytest.mark.slow
def test_bad_data_leaves_the_previous_site_as_it_was(built_site: Path, tmp_path: Path) -> None:
    root = copy_of_built(built_site, tmp_path / "project")
    before = outputs(root)
    people = root / "data" / "people.yml"
    write_file(people, people.read_text(encoding="utf-8").replace("people:", "people: [", 1))
    result = build_copy(root)
    assert result.status == 1 and "data/people.yml:" in result.stderr and " E001 " in result.stderr
    assert outputs(root) == before


@pytest.mark.slow
def test_a_failing_mkdocs_build_leaves_the_previous_site_as_it_was(
    built_site: Path, tmp_path: Path
) -> None:
    root = copy_of_built(built_site, tmp_path / "project")
    before = outputs(root)
    page = root / "docs" / "methodology.md"
    write_file(page, page.read_text(encoding="utf-8") + "\nSee [the missing page](nowhere.md).\n")
    result = build_copy(root)
    assert result.status == 1, result.output
    assert "Traceback" not in result.output
    assert (
        "docs/methodology.md:" in result.stderr and " E506 the link 'nowhere.md'" in result.stderr
    )
    assert outputs(root) == before


@pytest.mark.slow
def test_a_broken_link_fails_the_build_and_names_the_published_page(
    built_site: Path, tmp_path: Path
) -> None:
    root = copy_of_built(built_site, tmp_path / "project")
    before = outputs(root)
    page = root / "docs" / "methodology.md"
    raw = '\n<p><a href="../no-such-page/">a link mkdocs does not see</a></p>\n'
    write_file(page, page.read_text(encoding="utf-8") + raw)
    result = build_copy(root)
    assert result.status == 1, result.output
    broken = [line for line in result.stderr.splitlines() if " E502 " in line]
    assert broken and all(line.startswith("build/site/methodology/") for line in broken), broken
    assert ".site-" not in result.output
    assert outputs(root) == before


def test_source_date_epoch_is_the_environments_when_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert building.source_date_epoch(Paths(tmp_path)) == "1700000000"
    for unusable in ("0", "", "yesterday"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", unusable)
        assert building.source_date_epoch(Paths(tmp_path)) == str(building.FALLBACK_EPOCH)


def test_source_date_epoch_is_the_last_commits_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": "@1712345678 +0000",
        "GIT_COMMITTER_DATE": "@1712345678 +0000",
    }
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    for args in (["init", "-q"], ["add", "mkdocs.yml"], ["commit", "-q", "-m", "x"]):
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)
    assert building.source_date_epoch(Paths(tmp_path)) == "1712345678"


def test_the_build_environment_is_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.delenv("NO_MKDOCS_2_WARNING", raising=False)
    with building.environment(Paths(Path.cwd())):
        assert os.environ["NO_MKDOCS_2_WARNING"] == "1"
        assert os.environ["SOURCE_DATE_EPOCH"] == EPOCH
    assert "NO_MKDOCS_2_WARNING" not in os.environ
    assert os.environ["SOURCE_DATE_EPOCH"] == EPOCH


# --- the machine's own faults: a coded message with the path, the old site kept ---------


def _refused(result: object, code: str, place: str, words: str) -> None:
    output = result.output  # type: ignore[attr-defined]
    assert result.status == 1 and "Traceback" not in output, output  # type: ignore[attr-defined]
    lines = [line for line in output.splitlines() if f": {code} " in line]
    assert any(line.startswith(place) and words in line for line in lines), output


@pytest.mark.slow
@pytest.mark.parametrize(
    ("error", "words"),
    [
        (OSError(28, "No space left on device"), "the disk is full"),
        (OSError(30, "Read-only file system"), "the disk is read-only"),
        (PermissionError(13, "Permission denied"), "permission denied"),
    ],
    ids=["disk-full", "read-only", "permission"],
)
def test_a_disk_that_refuses_the_pages_is_e402_and_the_old_site_stays(
    built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, words: str
) -> None:
    from mkdocs import utils

    root = copy_of_built(built_site, tmp_path / "project")
    before = outputs(root)
    # an edit, so the site must be rendered again (the same inputs keep it: sitememo.py)
    page = root / "docs" / "methodology.md"
    write_file(page, page.read_text(encoding="utf-8") + "\nA paragraph just saved.\n")

    def refuse(content: bytes, output_path: str) -> None:
        error.filename = output_path
        raise error

    monkeypatch.setattr(utils, "write_file", refuse)
    result = build_copy(root)
    _refused(result, "E402", "build/", words)
    assert outputs(root) == before
    assert not [p for p in (root / "build").iterdir() if p.name.startswith(".site-")]


def test_a_file_where_build_should_be_is_e402(project: Path) -> None:
    write_file(project / "build", "not a folder\n")
    before = tree_digest(project)
    _refused(build_copy(project), "E402", "build", "a file stands where a folder should be")
    assert tree_digest(project) == before


def test_a_build_folder_that_cannot_be_written_is_e402(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def read_only(*args: object, **kwargs: object) -> str:
        raise OSError(30, "Read-only file system", str(project / "build"))

    monkeypatch.setattr(tempfile, "mkdtemp", read_only)
    _refused(build_copy(project), "E402", "build", "the disk is read-only")


@pytest.mark.slow
def test_a_file_where_the_cache_should_be_is_a_warning_and_the_site_is_built(
    project: Path,
) -> None:
    write_file(project / "build" / "cache", "not a folder\n")
    result = build_copy(project)
    assert result.status == 0 and "Traceback" not in result.output, result.output
    assert "build/cache: W403 is not a folder" in result.stderr
    assert (project / "build" / "site" / "index.html").is_file()


@pytest.mark.slow
def test_a_site_left_aside_by_a_killed_build_is_put_back_and_leftovers_removed(
    built_site: Path, tmp_path: Path
) -> None:
    root = copy_of_built(built_site, tmp_path / "project")
    site = root / "build" / "site"
    site.rename(root / "build" / ".site-old")  # killed between the two renames
    (root / "build" / ".site-abc123").mkdir()  # a killed build's fresh folder
    result = build_copy(root, "--no-linkcheck")
    assert result.status == 0, result.output
    assert (site / "index.html").is_file()
    assert sorted(p.name for p in (root / "build").iterdir()) == ["cache", "docs", "site"]


# --- the phases, top-down, with what they are handed -----------------------------------


def test_generate_is_the_build_stopped_once_build_docs_is_written(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    written: list[str] = []

    def record(path: Path, data: bytes) -> None:
        written.append(path.relative_to(project / "build" / "docs").as_posix())

    (project / "pyproject.toml").unlink()  # no address: no W503, nothing is rendered
    log = logging.getLogger("test.building")
    with caplog.at_level(logging.INFO, logger="test.building"):
        problems = building.build(Paths(project), renderer=None, write=record, log=log)
    assert not [p for p in problems if p.code.endswith("503")], problems
    assert "index.md" in written and "methodology/index.md" in written
    assert f"{len(written)} written" in caplog.text
    assert not (project / "build" / "site").exists()
    assert not (project / "build" / "docs" / "index.md").exists(), "written by the fake only"


def test_a_setting_that_does_not_fit_stops_the_build_before_it_writes(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.shuttle]\npage_budget = 1\n")
    before = tree_digest(project)
    problems = building.build(Paths(project))
    assert [(p.file, p.line, p.code) for p in problems] == [("pyproject.toml", 2, "E011")]
    assert tree_digest(project) == before


@pytest.mark.parametrize("renderer", ["material", "zensical"])
def test_the_renderer_is_handed_the_address_and_the_nav_explicitly(
    project: Path, monkeypatch: pytest.MonkeyPatch, renderer: str
) -> None:
    from shuttle.render import renderers

    handed: dict[str, object] = {}

    def material(config: object) -> list[object]:
        handed.update(site_url=config.site_url, nav=config.nav)  # type: ignore[attr-defined]
        return []

    def zensical(paths: Paths, docs: Path, site: Path, overrides: dict[str, object]) -> list:  # type: ignore[type-arg]
        handed.update(overrides)
        return []

    monkeypatch.setattr(renderers, "render_material", material)
    monkeypatch.setattr(renderers, "render_zensical", zensical)
    url = "https://given.example/shuttle/"
    problems = building.build(Paths(project), site_url=url, renderer=renderer, check_links=False)
    assert not [p for p in problems if p.severity == "error"], problems
    assert handed["site_url"] == url  # the option, over the copy's pyproject.toml
    nav = handed["nav"]
    assert {"Methodology": "methodology/index.md"} in nav  # type: ignore[operator]
    assert {"Quotes": "quotes/index.md"} in nav  # type: ignore[operator]
    mkdocs_yml = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "- Methodology: methodology.md" in mkdocs_yml and "!ENV" not in mkdocs_yml


@pytest.mark.slow
def test_a_site_published_under_a_path_is_link_checked_with_the_configured_address(
    project: Path, chart_cache: Path
) -> None:
    from shuttle.render import linkcheck

    shutil.copytree(
        chart_cache, project / "build" / "cache", ignore=shutil.ignore_patterns("links.json")
    )
    (project / "pyproject.toml").write_text(
        '[tool.shuttle]\nsite_url = "https://example.org/shuttle/"\n'
    )
    result = build_copy(project)  # 404.html's links start /shuttle/: the check maps them
    assert result.status == 0, result.output
    assert 'href="/shuttle/' in (project / "build" / "site" / "404.html").read_text(
        encoding="utf-8"
    )
    problems, _ = linkcheck.check_site(Paths(project))  # `shuttle linkcheck`: the file's
    assert problems == []
