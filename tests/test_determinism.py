"""Two builds of the same input are byte-identical, file for file, wherever they are made
and whatever the clock says; SOURCE_DATE_EPOCH is the one date in the output."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_copy, copy_project, pinned_epoch, run_shuttle, tree_digest


def differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


@pytest.mark.slow
def test_two_builds_of_the_same_input_are_byte_identical(built_site: Path, tmp_path: Path) -> None:
    # another folder, a cold cache, another time of day: the same bytes
    root = copy_project(tmp_path / "elsewhere" / "project")
    result = build_copy(root)
    assert result.status == 0, result.output
    first = tree_digest(built_site / "build" / "site")
    second = tree_digest(root / "build" / "site")
    assert len(first) > 20
    assert differences(first, second) == []


@pytest.mark.slow
def test_the_build_date_shows_only_in_the_sitemap(built_site: Path, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project", chart_cache=built_site / "build" / "cache")
    with pinned_epoch("1800000000"):  # 2027-01-15
        result = run_shuttle(root, "build")
    assert result.status == 0, result.output
    first = tree_digest(built_site / "build" / "site")
    later = tree_digest(root / "build" / "site")
    assert differences(first, later) == ["sitemap.xml", "sitemap.xml.gz"]
    assert "2027-01-15" in (root / "build/site/sitemap.xml").read_text(encoding="utf-8")
