"""Runaway work on hostile input: extraction on one sentence of a megabyte (several
shapes of sentence), and `shuttle check` on a large data file with Windows line ends
against the same file with Unix ones. Each must stay linear: printed, not asserted
(tests/test_bad_inputs.py holds the generous bound)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from benchmarks.measure import REPO

# Units repeated into one sentence: figures with nouns, bare numbers, names met,
# dates, dashes, trip claims, plain words.
SENTENCE_UNITS = {
    "figures": "Blinken met officials and said 27,840 people were killed on Tuesday, ",
    "bare numbers": "5, 17 and 2,300 and ",
    "names met": "Netanyahu met Blinken and Herzog and Gallant on Tuesday and ",
    "dates": "on 7 October 2023 and on Tuesday and last week and ",
    "dashes": "killed 40 people – a toll – and ",
    "words": "Blinken said that the talks in the region would go on ",
}


def one_sentence(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size] + "and then he left.\n"


def long_sentences(size: int = 1_000_000) -> dict[str, float]:
    """Seconds to extract one sentence of `size` characters, per shape."""
    sys.path.insert(0, str(REPO / "scripts"))
    from shuttle.curation.extracting import people_for_extraction
    from shuttle.extract import extract_article
    from shuttle.paths import Paths

    people, _ = people_for_extraction(Paths(REPO))
    out = {}
    for shape, unit in SENTENCE_UNITS.items():
        text = one_sentence(unit, size)
        started = time.perf_counter()
        extract_article(text, published=date(2024, 2, 8), people=people)
        out[shape] = time.perf_counter() - started
    return out


def crlf_check(work: Path, megabytes: int = 20) -> dict[str, float]:
    """Seconds `shuttle check` takes on a people file of `megabytes`, LF then CRLF."""
    unit = (REPO / "data" / "people.yml").read_text(encoding="utf-8").split("people:\n", 1)[1]
    copies = max(1, megabytes * 1_000_000 // len(unit))
    entries = "".join(
        unit.replace("  - id: ", f"  - id: x{n}-") for n in range(copies)
    )  # unique ids, so that the check does its whole work
    out = {}
    for name, newline in (("LF", "\n"), ("CRLF", "\r\n")):
        project = work / name
        shutil.rmtree(project, ignore_errors=True)
        for part in ("seeds", "data", "docs"):
            shutil.copytree(REPO / part, project / part)
        shutil.copy2(REPO / "mkdocs.yml", project / "mkdocs.yml")
        text = "people:\n" + unit + entries
        (project / "data" / "people.yml").write_bytes(text.replace("\n", newline).encode())
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "shuttle.cli", "--root", str(project), "check"],
            capture_output=True,
            check=False,
            env={"PYTHONPATH": str(REPO / "scripts"), "PATH": "/usr/bin:/bin"},
        )
        out[name] = time.perf_counter() - started
        shutil.rmtree(project, ignore_errors=True)
    return out
