"""config: the settings of [tool.shuttle] in pyproject.toml, typed, with the documented
environment variables read in one place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from shuttle import config
from shuttle.curation import extracting
from shuttle.paths import Paths
from shuttle.problems import ProblemError

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "scripts" / "shuttle"

# The modules that still read the environment themselves (issue 14's build half moves their
# settings here); the list may only shrink, and must name exactly those that still do.
STILL_READING_THE_ENVIRONMENT = {"building.py", "render/linkcheck.py"}


def _project(tmp_path: Path, pyproject: str) -> Paths:
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    return Paths(tmp_path)


def test_no_pyproject_or_no_section_gives_the_defaults(tmp_path: Path) -> None:
    assert config.load(Paths(tmp_path)) == config.Config()
    paths = _project(tmp_path, '[project]\nname = "x"\n')
    assert config.load(paths) == config.Config()
    assert config.Config().render_cache is True and config.Config().jobs is None


def test_the_projects_own_settings_load() -> None:
    assert isinstance(config.load(Paths(ROOT)), config.Config)


def test_settings_are_read_typed(tmp_path: Path) -> None:
    paths = _project(
        tmp_path,
        '[tool.shuttle]\nsite_url = "https://news.example/shuttle/"\n'
        "render_cache = false\njobs = 3\n",
    )
    settings = config.load(paths)
    assert settings.site_url == "https://news.example/shuttle/"
    assert settings.render_cache is False
    assert settings.jobs == 3


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('jobs = "2"', "jobs"),  # strict: a string is not a number
        ("jobs = 0", "jobs"),
        ('site_url = "news.example"', "site_url"),  # no scheme, no final /
        ("render_cach = false", "render_cach"),  # a typing slip is not ignored
    ],
)
def test_a_setting_that_does_not_fit_is_a_problem_on_its_line(
    tmp_path: Path, body: str, key: str
) -> None:
    text = f'[project]\nname = "x"\n\n[tool.shuttle]\nrender_cache = true\n{body}\n\n[tool.x]\n'
    with pytest.raises(ProblemError) as raised:
        config.load(_project(tmp_path, text))
    (problem,) = raised.value.problems
    assert (problem.file, problem.code, problem.line) == ("pyproject.toml", "E011", 6)
    assert key in problem.message


def test_a_toml_syntax_error_is_a_problem(tmp_path: Path) -> None:
    with pytest.raises(ProblemError) as raised:
        config.load(_project(tmp_path, "[tool.shuttle]\njobs = \n"))
    assert [p.code for p in raised.value.problems] == ["E011"]


def test_extract_takes_its_workers_from_the_settings_unless_told(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int | None] = []

    def record(paths: Paths, store: object, ids: object, jobs: int | None, notes: object):  # type: ignore[no-untyped-def]
        asked.append(jobs)
        return [], []

    monkeypatch.setattr(extracting, "_merge_sources", record)
    (project / "pyproject.toml").write_text("[tool.shuttle]\njobs = 3\n", encoding="utf-8")
    assert extracting.run_extract(Paths(project)) == ([], [])
    extracting.run_extract(Paths(project), jobs=2)
    assert asked == [3, 2]


def test_a_bad_setting_stops_extract_before_it_writes(tmp_path: Path) -> None:
    paths = _project(tmp_path, "[tool.shuttle]\njobs = -1\n")
    written, problems = extracting.run_extract(paths)
    assert written == [] and [p.code for p in problems] == ["E011"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("1", True), ("yes", True), ("", False), ("0", False), ("false", False)],
)
def test_ci_is_read_one_way(value: str, expected: bool) -> None:
    assert config.in_ci({"CI": value}) is expected


def test_source_date_epoch_is_a_positive_integer_or_nothing() -> None:
    assert config.source_date_epoch({"SOURCE_DATE_EPOCH": "1700000000"}) == 1700000000
    assert config.source_date_epoch({"SOURCE_DATE_EPOCH": "0"}) is None
    assert config.source_date_epoch({"SOURCE_DATE_EPOCH": "soon"}) is None
    assert config.source_date_epoch({}) is None


def test_only_config_reads_the_environment() -> None:
    reading = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if re.search(r"os\.environ|getenv\(", path.read_text(encoding="utf-8"))
    }
    # equal, not a subset: a module that stops reading it leaves the list in the same change
    assert reading - {"config.py"} == STILL_READING_THE_ENVIRONMENT
