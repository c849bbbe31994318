"""paths: every path of the project from one root, and paths as messages show them."""

from __future__ import annotations

from pathlib import Path

import pytest

from shuttle.paths import Paths


def test_find_walks_up_to_the_folder_holding_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    deep = tmp_path / "data" / "articles"
    deep.mkdir(parents=True)
    assert Paths.find(deep).root == tmp_path.resolve()
    assert Paths.find(tmp_path).root == tmp_path.resolve()


def test_find_without_mkdocs_yml_stays_where_it_started(tmp_path: Path) -> None:
    start = tmp_path / "somewhere"
    start.mkdir()
    assert Paths.find(start).root == start.resolve()


def test_find_defaults_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "seeds").mkdir()
    monkeypatch.chdir(tmp_path / "seeds")
    assert Paths.find().root == tmp_path.resolve()


def test_the_layout_of_the_project(tmp_path: Path) -> None:
    paths = Paths(tmp_path)
    assert paths.sources_file == tmp_path / "seeds" / "sources.yml"
    assert paths.article("000_x.txt") == tmp_path / "seeds" / "000_x.txt"
    assert paths.people_file == tmp_path / "data" / "people.yml"
    assert paths.trips_file == tmp_path / "data" / "trips.yml"
    assert paths.casualties_file == tmp_path / "data" / "casualties.yml"
    assert paths.article_data("ap-1") == tmp_path / "data" / "articles" / "ap-1.yml"
    assert paths.schemas == tmp_path / "docs" / "schema"
    assert paths.mkdocs_file == tmp_path / "mkdocs.yml"
    assert paths.site == tmp_path / "build" / "site"
    assert paths.cache == tmp_path / "build" / "cache"


def test_the_repository_is_laid_out_as_paths_says() -> None:
    paths = Paths.find(Path(__file__).parent)
    assert paths.sources_file.is_file() and paths.people_file.is_file()
    assert paths.trips_file.is_file() and paths.mkdocs_file.is_file()
    assert paths.articles_dir.is_dir() and paths.schemas.is_dir()


def test_messages_show_paths_relative_to_the_root(tmp_path: Path) -> None:
    paths = Paths(tmp_path)
    assert paths.relative(paths.article_data("ap-1")) == "data/articles/ap-1.yml"
    assert paths.relative(tmp_path / "seeds" / ".." / "data" / "x.yml") == "data/x.yml"
    outside = tmp_path.parent / "elsewhere.yml"
    assert paths.relative(outside) == str(outside)
