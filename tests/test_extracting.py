"""extracting: `shuttle extract` reads each file once, and `--json` only what it needs.

(The same bytes whatever the number of workers: tests/test_extracting_pool.py.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from shuttle import yamlio
from shuttle.curation.extracting import extract_sources_json, run_extract
from shuttle.paths import Paths
from shuttle.records import datafiles, sources, store


def count_reads(monkeypatch: pytest.MonkeyPatch, root: Path) -> Counter[str]:
    """Every file read through the loaders (fast, round trip, articles, the series)."""
    reads: Counter[str] = Counter()

    def counted(real: Callable[..., Any]) -> Callable[..., Any]:
        def read(path: Path, *args: Any, **kwargs: Any) -> Any:
            reads[Path(path).resolve().relative_to(root.resolve()).as_posix()] += 1
            return real(path, *args, **kwargs)

        return read

    for module, name in (
        (datafiles, "read_text"),
        (yamlio, "read_text"),
        (sources, "read_bytes"),
        (store, "read_bytes"),
    ):
        monkeypatch.setattr(module, name, counted(getattr(module, name)))
    return reads


@pytest.mark.parametrize("only", [(), ("ap-2024-01-09-blinken-in-israel",)])
def test_extract_reads_each_article_data_file_once(
    project: Path, monkeypatch: pytest.MonkeyPatch, only: tuple[str, ...]
) -> None:
    """The files merged into are read by the merge alone (round trip, checked there); the
    others as `shuttle check` reads them; none twice."""
    paths = Paths(project)
    assert run_extract(paths)[1] == []  # the data files all there, candidates among them
    reads = count_reads(monkeypatch, project)
    written, problems = run_extract(paths, only)
    assert problems == []
    files = {p.relative_to(project).as_posix() for p in paths.articles_dir.glob("*.yml")}
    assert {name: reads[name] for name in files} == dict.fromkeys(files, 1)
    assert reads["seeds/sources.yml"] == 1


def test_a_broken_data_file_still_stops_the_merge_and_is_located(project: Path) -> None:
    """Read by the merge now, a data file that the schema refuses still writes nothing."""
    paths = Paths(project)
    target = paths.articles_dir / "ap-2024-01-09-blinken-in-israel.yml"
    target.write_text(target.read_text(encoding="utf-8") + "surprise: 1\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in paths.articles_dir.glob("*.yml")}
    written, problems = run_extract(paths)
    assert written == [] and [p.file for p in problems] == [paths.relative(target)]
    assert problems[0].line is not None
    assert {p.name: p.read_bytes() for p in paths.articles_dir.glob("*.yml")} == before


def test_json_of_sources_reads_the_sources_people_and_those_articles_alone(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`extract --json --source ID` needs the people list and that article: the casualty
    series, the trips and the data of the articles are not read."""
    paths = Paths(project)
    source_id = "ap-2024-01-09-blinken-in-israel"
    (source,) = [s for s in datafiles.load_sources(paths)[0] if s.id == source_id]
    reads = count_reads(monkeypatch, project)
    out, problems = extract_sources_json(paths, [source_id])
    assert problems == [] and '"quotes"' in out
    assert set(reads) == {"seeds/sources.yml", "data/people.yml", f"seeds/{source.file}"}
    assert set(reads.values()) == {1}
