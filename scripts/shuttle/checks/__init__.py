"""`shuttle check`: the data against its schema, its references, its articles and each other."""

from __future__ import annotations

from shuttle.checks import (
    citations,
    consistency,
    integrity,
    provenance,
    references,
    tripdates,
)
from shuttle.paths import Paths
from shuttle.problems import Problem
from shuttle.records.store import Store, load_store


def run_checks(paths: Paths) -> tuple[Store, list[Problem]]:
    store, problems = load_store(paths)
    problems += references.check(store)
    problems += provenance.check(store)
    problems += integrity.check(store)
    problems += consistency.check(store)
    problems += citations.check(store)
    problems += tripdates.check(store)
    return store, problems
