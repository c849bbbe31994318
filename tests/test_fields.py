"""fields: what a field may hold; ids that would collide with the pages' headings."""

from __future__ import annotations

import pytest


def test_the_heading_ids_records_may_not_take_are_those_of_the_templates() -> None:
    """Every heading of the page templates, by its explicit id or the id its words make,
    is in fields.HEADING_IDS (a record with that id would share it with the heading)."""
    import re
    from importlib import resources

    from markdown.extensions.toc import slugify

    from shuttle.records.fields import HEADING_IDS

    templates = resources.files("shuttle").joinpath("site", "templates")
    made: set[str] = set()
    for template in templates.iterdir():
        for line in template.read_text(encoding="utf-8").splitlines():
            heading = re.match(r"#{1,6} (.*?)(?:\{\{ part_title\(pager\) \}\})?\s*$", line)
            if heading is None or "{{" in heading[1].split("{ #")[0]:
                continue  # a heading made of data (a title, a date) has a data-made id
            explicit = re.search(r"\{ #([\w-]+) \}", heading[1])
            made.add(explicit[1] if explicit else slugify(heading[1], "-"))
    assert made <= HEADING_IDS, made - HEADING_IDS


@pytest.mark.parametrize("taken", ["quotes", "every-figure", "who-is-who", "timeline-part-3"])
def test_a_record_or_person_id_of_a_heading_is_refused(taken: str) -> None:
    from pydantic import ValidationError

    from shuttle.records.schema import Person

    with pytest.raises(ValidationError, match="heading"):
        Person(id=taken, name="Someone")
