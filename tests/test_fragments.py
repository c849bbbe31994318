"""Every internal link with a fragment must land on an id or name of its target page."""

from __future__ import annotations

from pathlib import Path

from shuttle.render.fragments import broken_fragments


def _page(root: Path, rel: str, body: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")
    return path


def test_links_that_land(tmp_path: Path) -> None:
    _page(tmp_path, "index.html", '<h1 id="top-heading">x</h1><a href="people/#ann">Ann</a>')
    _page(
        tmp_path,
        "people/index.html",
        '<p id="ann">Ann</p><a name="old-anchor"></a><h2 id="caf%C3%A9">x</h2>'
        '<a href="#ann">self</a><a href="../#top-heading">home</a>'
        '<a href="/people/#old-anchor">root-relative</a><a href="index.html#ann">file</a>'
        '<a href="../people#ann">no slash</a><a href="#">top</a><a href="#top">top</a>'
        '<a href="https://example.org/#nowhere">outside</a><a href="../a.svg#x">image</a>'
        '<a href="?q=1&amp;r=2#ann">query</a>',
    )
    assert broken_fragments(tmp_path) == {}


def test_links_that_miss_are_named_with_their_page(tmp_path: Path) -> None:
    _page(tmp_path, "index.html", '<a href="people/#bob">Bob</a><a href="#gone">gone</a>')
    _page(tmp_path, "people/index.html", '<p id="ann">Ann</p>')
    found = broken_fragments(tmp_path)
    site = tmp_path.resolve()
    assert found == {
        site / "index.html": [f"file://{site}/people#bob", f"file://{site}/index.html#gone"]
    }


def test_what_is_not_markup_is_not_a_link_or_an_anchor(tmp_path: Path) -> None:
    body = (
        '<code>&lt;a href="#nope"&gt;</code><p>href="#nope" id="fake"</p>'
        '<script>var a = \'<a href="#nope">\';</script><!-- <a href="#nope"> -->'
        '<a href="#fake">needs a real id</a>'
    )
    _page(tmp_path, "index.html", body)
    site = tmp_path.resolve()
    assert broken_fragments(tmp_path) == {site / "index.html": [f"file://{site}/index.html#fake"]}


def test_a_missing_file_is_left_to_lychee(tmp_path: Path) -> None:
    _page(tmp_path, "index.html", '<a href="nowhere/#x">x</a>')
    assert broken_fragments(tmp_path) == {}
