"""origins: the nav as an editor writes it made the generated paths, and mkdocs' messages
about generated pages told as the file an editor edits, each kind with its code."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_copy
from shuttle import origins
from shuttle.paths import Paths
from shuttle.problems import Problem

MKDOCS_YML = """site_name: t
# methodology.md is mentioned in a comment first
nav:
  - Home: index.md

  - Methodology: methodology.md
  - About: "abuot.md"
"""


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    docs = tmp_path / "docs"
    (docs / "notes").mkdir(parents=True)
    (docs / "overrides").mkdir()
    (docs / "methodology.md").write_text("# M\n\nSee [x](nowhere.md).\n", encoding="utf-8")
    (docs / "notes" / "first.md").write_text("# N\n\nUp [m](../methodology.md#how).\n")
    (docs / "overrides" / "main.html").write_text("{% extends 'base.html' %}\n")
    return Paths(tmp_path)


def _mkdocs(message: str) -> Problem:
    return Problem.of("E501", "mkdocs.yml", None, message)


def test_the_nav_names_pages_by_their_file_and_the_build_finds_them() -> None:
    nav = [
        {"Home": "index.md"},
        {"Methodology": "methodology.md"},
        {"Trips": "trips/index.md"},
        {"Notes": [{"First": "notes/first.md"}, "https://example.org/x.md"]},
    ]
    assert origins.moved_nav(nav) == [
        {"Home": "index.md"},
        {"Methodology": "methodology/index.md"},
        {"Trips": "trips/index.md"},
        {"Notes": [{"First": "notes/first/index.md"}, "https://example.org/x.md"]},
    ]


def test_hand_written_pages_are_found_where_they_are_generated(paths: Paths) -> None:
    assert origins.hand_written(paths) == {
        "methodology/index.md": "methodology.md",
        "notes/first/index.md": "notes/first.md",
    }


def test_a_broken_link_in_a_docs_page_names_the_page_its_line_and_the_link_as_written(
    paths: Paths,
) -> None:
    found = origins.explain(
        [
            _mkdocs(
                "Doc file 'methodology/index.md' contains a link '../nowhere/index.md', but "
                "the target 'nowhere/index.md' is not found among documentation files."
            ),
            _mkdocs(
                "Doc file 'notes/first/index.md' contains a link '../../methodology/index.md"
                "#how', but the doc 'methodology/index.md' does not contain an anchor '#how'."
            ),
            _mkdocs("Aborted with 2 warnings in strict mode!"),
        ],
        paths,
    )
    assert [(p.file, p.line, p.code) for p in found] == [
        ("docs/methodology.md", 3, "E506"),
        ("docs/notes/first.md", 3, "E506"),
    ]
    assert "'nowhere.md' leads to nowhere.md, which is not a page" in found[0].message
    assert "'../methodology.md#how' names #how" in found[1].message
    assert "index.md" not in found[0].message + found[1].message


def test_a_nav_entry_naming_no_page_is_e507_on_its_line(paths: Paths) -> None:
    (found,) = origins.explain(
        [
            _mkdocs(
                "A reference to 'abuot/index.md' is included in the 'nav' configuration, "
                "which is not found in the documentation files."
            )
        ],
        paths,
    )
    assert (found.file, found.line, found.code) == ("mkdocs.yml", 7, "E507")
    assert "names abuot.md" in found.message


def test_a_page_left_out_of_the_nav_is_e508_with_the_line_to_add(paths: Paths) -> None:
    found = origins.explain(
        [
            _mkdocs(
                "The following pages exist in the docs directory, but are not included in "
                'the "nav" configuration:\n  - notes/first/index.md\n  - quotes/page-2/index.md'
            )
        ],
        paths,
    )
    assert [(p.file, p.code) for p in found] == [
        ("docs/notes/first.md", "E508"),
        ("data/articles/", "E501"),
    ]
    assert "`- Notes first: notes/first.md`" in found[0].message
    assert "the page quotes/page-2/ (made from the quotes of data/articles/)" in found[1].message


def test_a_generated_page_is_told_by_the_data_it_is_made_from(paths: Paths) -> None:
    found = origins.explain(
        [
            _mkdocs(
                "Doc file 'sources/ap-1/index.md' contains an unrecognized relative link "
                "'x/', it was left as is."
            ),
            _mkdocs("Error reading page 'trips/trip-01/index.md': something"),
            Problem.of("E502", "build/site/a/index.html", None, "x: Cannot find"),
        ],
        paths,
    )
    assert [(p.file, p.code) for p in found] == [
        ("data/articles/ap-1.yml", "E506"),
        ("data/trips.yml", "E501"),
        ("build/site/a/index.html", "E502"),
    ]
    assert found[0].message.startswith("the page sources/ap-1/ (made from data/articles/ap-1.yml)")
    assert found[1].message.endswith("(made from data/trips.yml): Error reading page "
                                     "'trips/trip-01/index.md': something")  # fmt: skip


@pytest.mark.slow
def test_an_editors_mistakes_in_a_page_and_the_nav_are_named_as_they_wrote_them(
    project: Path,
) -> None:
    """The three mistakes of the README's "Add a page of your own", built for real."""
    (project / "docs" / "about.md").write_text(
        "# About\n\nSee [the numbers](numbers.md).\n", encoding="utf-8"
    )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entry = "  - Corrections: corrections.md\n"
    config.write_text(text.replace(entry, entry + "  - About: abuot.md\n"), encoding="utf-8")
    line = text[: text.index(entry)].count("\n") + 2
    result = build_copy(project, "--no-linkcheck")
    assert result.status == 1 and "Traceback" not in result.output
    problems = [row for row in result.stderr.splitlines() if " E50" in row]
    assert problems == [
        "docs/about.md: E508 this page is in no menu: add it to nav in mkdocs.yml, as "
        "`- About: about.md`",
        "docs/about.md:3: E506 the link 'numbers.md' leads to numbers.md, which is not a "
        "page or file of the site (a page of docs/ is named by its file, as methodology.md)",
        f"mkdocs.yml:{line}: E507 the nav names abuot.md, which is not a page of docs/ or "
        "of the site (a page of docs/ is named by its file, as methodology.md)",
    ]


def test_zensicals_diagnostics_are_told_the_same_way(paths: Paths) -> None:
    found = origins.explain(
        [
            _mkdocs("zensical: page does not exist [ methodology/index.md:3 ]"),
            _mkdocs("zensical: anchor does not exist [ notes/first/index.md:3 ]"),
            _mkdocs("zensical: page does not exist [ trips/index.md:40 ]"),
        ],
        paths,
    )
    assert [(p.file, p.line, p.code) for p in found] == [
        ("docs/methodology.md", 3, "E506"),
        ("docs/notes/first.md", 3, "E506"),
        ("data/trips.yml", None, "E506"),
    ]
    assert "a heading's anchor" in found[1].message
    assert found[2].message.startswith("the page trips/ (made from data/trips.yml): a link")
