"""publish: there is always a build/site, whenever a build is killed."""

from __future__ import annotations

from pathlib import Path

import pytest

from shuttle.render import publish


def _site(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(text)
    return folder


def test_the_fresh_site_replaces_the_old_and_nothing_is_left(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", "old")
    fresh = _site(tmp_path / ".site-x", "new")
    publish.swap(fresh, site)
    assert (site / "index.html").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_kill_during_the_swap_leaves_a_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _site(tmp_path / "site", "old")
    fresh = _site(tmp_path / ".site-x", "new")

    def killed(self: Path, target: object) -> None:
        raise KeyboardInterrupt  # where the two renames would be

    monkeypatch.setattr(Path, "rename", killed)
    monkeypatch.setattr(
        publish.shutil, "rmtree", lambda *a, **k: (_ for _ in ()).throw(KeyboardInterrupt)
    )
    with pytest.raises(KeyboardInterrupt):
        publish.swap(fresh, site)
    assert (site / "index.html").read_text() == "new"  # exchanged in one step


def test_a_site_set_aside_by_a_kill_between_two_renames_is_put_back(tmp_path: Path) -> None:
    _site(tmp_path / ".site-old", "old")  # site renamed aside, fresh never renamed in
    _site(tmp_path / ".site-abc", "half")
    publish.recover(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_without_the_exchange_call_two_renames_still_swap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(publish, "_exchange", lambda a, b: False)
    site = _site(tmp_path / "site", "old")
    publish.swap(_site(tmp_path / ".site-x", "new"), site)
    assert (site / "index.html").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
