"""The site memo (shuttle/render/sitememo.py): building again from the same inputs keeps
build/site, after reading every file of it back; a site changed by hand, a changed
mkdocs.yml or a memo not sealed by this user's builds is a miss, and the site rendered
again is what a build from scratch makes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import build_copy, tree_digest, write_file
from shuttle import cachefile

pytestmark = pytest.mark.slow


def site(root: Path) -> dict[str, str]:
    return tree_digest(root / "build" / "site")


def built(make_project: Callable[..., Path], chart_cache: Path) -> Path:
    root = make_project(chart_cache=chart_cache)
    result = build_copy(root)
    assert result.status == 0, result.output
    return root


def swapped_in(root: Path) -> tuple[int, int]:
    """Which folder build/site is, and when its home page was written: a render swaps a
    new folder in."""
    folder = root / "build" / "site"
    return folder.stat().st_ino, (folder / "index.html").stat().st_mtime_ns


def said(output: str) -> list[str]:
    return sorted(line for line in output.splitlines() if re.search(r" [EW]\d{3} ", line))


def test_the_same_inputs_again_keep_the_site_as_it_was(
    built_site: Path, chart_cache: Path, make_project: Callable[..., Path]
) -> None:
    root = make_project(chart_cache=chart_cache)
    first = build_copy(root)
    assert first.status == 0, first.output
    before = swapped_in(root)
    result = build_copy(root)
    assert result.status == 0, result.output
    assert swapped_in(root) == before, "the site was rendered again"
    assert site(root) == site(built_site)
    assert said(result.output) == said(first.output) != []  # the warnings, told again


def test_a_site_changed_by_hand_is_rendered_again(
    built_site: Path, chart_cache: Path, make_project: Callable[..., Path]
) -> None:
    root = built(make_project, chart_cache)
    home = root / "build" / "site" / "index.html"
    write_file(home, home.read_text(encoding="utf-8").replace("</body>", "<p>hand</p></body>"))
    (root / "build" / "site" / "sitemap.xml").unlink()
    write_file(root / "build" / "site" / "extra.html", "<p>left here</p>")
    result = build_copy(root)
    assert result.status == 0, result.output
    assert site(root) == site(built_site)


def test_a_changed_mkdocs_yml_is_rendered_again(
    chart_cache: Path, make_project: Callable[..., Path]
) -> None:
    root = built(make_project, chart_cache)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "site_name: " in text
    write_file(config, text.replace("site_name: ", "site_name: Renamed ", 1))
    result = build_copy(root)
    assert result.status == 0, result.output
    assert "Renamed" in (root / "build" / "site" / "index.html").read_text(encoding="utf-8")


def test_a_memo_not_sealed_by_this_users_builds_is_not_trusted(
    built_site: Path, chart_cache: Path, make_project: Callable[..., Path]
) -> None:
    """A page with a script in it, and a memo that lists it as what was rendered (right
    key, right digests) but is not sealed: the page is rendered again."""
    import hashlib

    root = built(make_project, chart_cache)
    memo = root / "build" / "cache" / "rendered"
    record = json.loads(cachefile.read(memo) or b"{}")
    assert record.get("files"), "the build left a memo"
    home = root / "build" / "site" / "index.html"
    poisoned = home.read_bytes().replace(b"</body>", b"<script>alert(1)</script></body>")
    write_file(home, poisoned)
    record["files"]["index.html"] = hashlib.sha256(poisoned).hexdigest()
    write_file(memo, json.dumps(record, sort_keys=True))  # unsealed
    result = build_copy(root)
    assert result.status == 0, result.output
    assert b"alert(1)" not in home.read_bytes()
    assert site(root) == site(built_site)


class _Installed:
    """An installed distribution, as importlib.metadata gives it: its metadata file."""

    def __init__(self, text: str) -> None:
        self.text = text

    def read_text(self, name: str) -> str | None:
        return self.text if name == "METADATA" else None


def test_an_upgraded_package_is_a_miss(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Material, mkdocs or a Markdown extension upgraded renders the site again."""
    from shuttle.paths import Paths
    from shuttle.render import sitememo

    def key(*installed: str) -> str:
        monkeypatch.setattr(
            sitememo.metadata, "distributions", lambda: [_Installed(t) for t in installed]
        )
        sitememo._installed.cache_clear()
        return sitememo.key(Paths(tmp_path), "inputs", "material", "0")

    try:
        before = key("Name: mkdocs\nVersion: 1.6.1\n", "Name: Markdown\nVersion: 3.7\n")
        assert key("Name: Markdown\nVersion: 3.7\n", "Name: mkdocs\nVersion: 1.6.1\n") == before
        assert key("Name: mkdocs\nVersion: 1.6.2\n", "Name: Markdown\nVersion: 3.7\n") != before
        assert key("Name: mkdocs\nVersion: 1.6.1\n") != before, "a package removed"
    finally:
        monkeypatch.undo()
        sitememo._installed.cache_clear()
