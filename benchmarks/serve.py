"""How long `shuttle serve` takes to show an edit to a YAML file of data/.

A copy of the project is served on a free port; a person's role in data/people.yml is
changed, and the People page is fetched every 50 ms until it shows the new words. The
time from the write to the first page that shows them is what an editor waits.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks.measure import Series, environment, free_port, shuttle_cmd

ROLE = "role: U.S. Secretary of State"


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError):
        return None


def serve_latency(project: Path, runs: int, *, timeout: float = 30.0) -> dict[str, Any]:
    people = project / "data" / "people.yml"
    original = people.read_text(encoding="utf-8")
    if ROLE not in original:
        return {"error": f"{ROLE!r} is not in data/people.yml"}
    port = free_port()
    url = f"http://127.0.0.1:{port}/people/"
    log = (project / "serve.log").open("wb")
    proc = subprocess.Popen(
        shuttle_cmd(project, "serve", "--address", f"127.0.0.1:{port}"),
        env=environment(),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    series = Series()
    try:
        started = time.monotonic()
        while _get(url) is None:
            if proc.poll() is not None or time.monotonic() - started > 180:
                return {"error": "shuttle serve did not start", "log": _tail(project)}
            time.sleep(0.2)
        first_page = time.monotonic() - started
        time.sleep(1.0)  # let the watcher settle
        for i in range(runs):
            marker = f"bench edit {i} {os.getpid()}"
            people.write_text(original.replace(ROLE, f"{ROLE} ({marker})", 1), encoding="utf-8")
            written = time.monotonic()
            while True:
                page = _get(url)
                if page is not None and marker in page:
                    series.add(time.monotonic() - written)
                    break
                if time.monotonic() - written > timeout:
                    series.add(float("inf"))
                    break
                time.sleep(0.05)
            time.sleep(1.0)
    finally:
        people.write_text(original, encoding="utf-8")
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()
    return {"median_s": series.median, "runs": series.values, "first_page_s": first_page}


def _tail(project: Path) -> str:
    try:
        return (project / "serve.log").read_text(encoding="utf-8", errors="replace")[-2000:]
    except OSError:
        return ""
