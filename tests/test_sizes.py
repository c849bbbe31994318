"""The estimated size of generated Markdown once rendered (pages/sizes.py)."""

from __future__ import annotations

from shuttle.site.pages.sizes import HEADING, heading_size, html_size, word_count


def test_word_count_reads_what_a_reader_reads() -> None:
    markdown = '<p class="x">Two words</p> [a link](../people.md#x) { #anchor } &#8220;and&#8221;'
    assert word_count(markdown) == 5  # "Two words a link and": no tags, targets, attrs, entities


def test_html_size_counts_links_tables_and_headings() -> None:
    plain = "Some text.\n"
    assert html_size(plain) == len(plain)
    assert html_size("[a](b.md)") > len("[a](b.md)") + 15
    assert html_size("## A heading { #a }\n") > 400
    assert html_size("| a | b |\n") > len("| a | b |\n") + 20


def test_a_heading_is_sized_as_the_markdown_that_writes_it() -> None:
    assert heading_size("Trips", "trips") == html_size("## Trips { #trips }\n\n")
    assert heading_size("Trips", "trips", level=3) > heading_size("Trips", "trips") > HEADING
