"""How long `shuttle serve` takes to show a saved edit: of a record of data/ and of a page
of docs/.

A copy of the project is served on a free port. Each edit is saved, then its page is
fetched every 50 ms until it shows the new words; the time from the write to the first
page that shows them is what an editor waits (the server answers a request made during a
rebuild when the rebuild is done, so a fetch never sees a half-built site). The edits
alternate, so all see the same machine; medians are reported. Each save adds a different
number of words (as an editor's corrections do), so what moving a listing's parts costs
is measured too.

- data: a person's role in data/people.yml, seen on the People page (the first person
  with that role is the Secretary, named on about 300 pages of the 1,000-article site);
- article: a key event's summary reworded in one article's data file, as an editor
  corrects a record, seen on that article's page (a handful of pages change);
- docs: a paragraph added to docs/methodology.md, seen on the Methodology page.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.measure import Series, environment, free_port, shuttle_cmd

ROLE = "role: U.S. Secretary of State"


@dataclass
class Edit:
    name: str
    file: str  # under the project
    page: str  # the URL path that shows it (the data edit's: found once generated)

    def edited(self, original: str, marker: str) -> str | None:
        if self.name == "data":
            return original.replace(ROLE, f"{ROLE} ({marker})", 1) if ROLE in original else None
        if self.name == "article":
            found = SUMMARY.search(original)
            if found is None:
                return None
            return original[: found.end()] + f" ({marker})" + original[found.end() :]
        return original + f"\nA paragraph just saved: {marker}.\n"


SUMMARY = re.compile(r"^    summary: [^\n'\"]+[^\n'\" ]$", re.MULTILINE)


def article_edit(project: Path) -> tuple[Path, str, str] | None:
    """The article file _article edits, its text, and its text with a summary reworded."""
    found = _article(project)
    path = project / found.file
    if not path.is_file():
        return None
    original = path.read_text(encoding="utf-8")
    edited = found.edited(original, "reworded by the benchmark")
    return None if edited is None else (path, original, edited)


def _article(project: Path) -> Edit:
    """The first article's data file with a plainly written event summary, and its page."""
    for path in sorted((project / "data" / "articles").glob("*.yml")):
        if SUMMARY.search(path.read_text(encoding="utf-8")):
            return Edit("article", path.relative_to(project).as_posix(), f"sources/{path.stem}/")
    return Edit("article", "data/articles/none.yml", "sources/")


EDITS = (
    Edit("data", "data/people.yml", "people/"),
    Edit("docs", "docs/methodology.md", "methodology/"),
)


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError):
        return None


def latencies(
    project: Path,
    runs: int,
    *,
    timeout: float = 60.0,
    start_timeout: float = 900.0,
    renderer: str = "material",
) -> dict[str, Any]:
    """Per edit: the median seconds from the save to the page showing it, and each run;
    `renderer`: whose server renders the preview (`shuttle serve --renderer`)."""
    edits = (*EDITS, _article(project))
    if not (project / edits[-1].file).is_file():
        return {"error": "no article's data file has an event summary to edit"}
    originals = {e.name: (project / e.file).read_text(encoding="utf-8") for e in edits}
    for edit in edits:
        if edit.edited(originals[edit.name], "x") is None:
            return {"error": f"{ROLE!r} is not in {edit.file}"}
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (project / "serve.log").open("wb")
    proc = subprocess.Popen(
        shuttle_cmd(project, "serve", "--address", f"127.0.0.1:{port}", "--renderer", renderer),
        env=environment(),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        # Ctrl-C stops it (_stop), also when this runs in the background, which ignores it
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    series = {e.name: Series() for e in edits}
    try:
        started = time.monotonic()
        while _get(base + EDITS[0].page) is None:
            if proc.poll() is not None or time.monotonic() - started > start_timeout:
                return {"error": "shuttle serve did not start", "log": _tail(project)}
            time.sleep(0.2)
        first_page = time.monotonic() - started
        pages = {e.name: e.page for e in edits}
        pages["data"] = _showing(project / "build" / "docs", "people", _edited_person(originals))
        time.sleep(1.0)  # let the watchers settle
        for i in range(runs):
            for edit in edits:
                # a save lengthens the text by a different number of words each time, as
                # an editor's corrections do (the same length every time hid that moving a
                # listing's parts rebuilt hundreds of pages)
                marker = f"bench edit {i} {os.getpid()}" + " and more" * (i % 3)
                text = edit.edited(originals[edit.name], marker)
                assert text is not None
                (project / edit.file).write_text(text, encoding="utf-8")
                series[edit.name].add(_wait_for(base + pages[edit.name], marker, timeout))
                time.sleep(1.0)
    finally:
        for edit in edits:
            (project / edit.file).write_text(originals[edit.name], encoding="utf-8")
        _stop(proc)
        log.close()
    out: dict[str, Any] = {"first_page_s": first_page, "runs": runs, "pages": pages}
    for name, measured in series.items():
        out[name] = {"median_s": measured.median, "runs": measured.values}
    return out


def _edited_person(originals: dict[str, str]) -> str:
    """The id of the person whose role the data edit changes (the first with ROLE)."""
    before = originals["data"][: originals["data"].index(ROLE)]
    return re.findall(r"- id: (\S+)", before)[-1]


def _showing(docs: Path, folder: str, person: str) -> str:
    """The URL path of the part of a listing that holds the person's heading (the People
    page is in parts from a few hundred people: at 1,000 articles, part 21)."""
    for path in sorted((docs / folder).rglob("index.md")):
        if f"{{ #{person} }}" in path.read_text(encoding="utf-8"):
            return path.parent.relative_to(docs).as_posix() + "/"
    return f"{folder}/"


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Ctrl-C, as a person stops it (mkdocs serve removes its temporary site then)."""
    try:
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=30)
    except ProcessLookupError:  # it had ended
        proc.wait()
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def _wait_for(url: str, marker: str, timeout: float) -> float:
    written = time.monotonic()
    while time.monotonic() - written < timeout:
        page = _get(url)
        if page is not None and marker in page:
            return time.monotonic() - written
        time.sleep(0.05)
    return float("inf")


def serve_latency(project: Path, runs: int, *, timeout: float = 30.0) -> dict[str, Any]:
    """The data/ edit alone (the seed row of `python -m benchmarks`)."""
    found = latencies(project, runs, timeout=timeout, start_timeout=180.0)
    if "error" in found:
        return found
    return {
        **found["data"], "first_page_s": found["first_page_s"], "docs": found["docs"],
        "article": found["article"],
    }  # fmt: skip


def _tail(project: Path) -> str:
    try:
        return (project / "serve.log").read_text(encoding="utf-8", errors="replace")[-2000:]
    except OSError:
        return ""
