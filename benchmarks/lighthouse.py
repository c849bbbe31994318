"""Lighthouse (mobile) performance and accessibility of built pages.

Lighthouse comes from the npm registry into build/bench/node_modules at bench time (not
committed), and drives Debian's Chromium (CHROME_PATH) with the flags of
../shared/STACK.md. The site is served at the root by a local static server that
compresses text with gzip, as web hosts do.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

from benchmarks.measure import Series, free_port

CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def install(prefix: Path) -> tuple[Path | None, str]:
    """Lighthouse's command-line script, installed with npm when missing."""
    cli = prefix / "node_modules" / "lighthouse" / "cli" / "index.js"
    if cli.is_file():
        return cli, ""
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        return None, "node and npm are not installed"
    prefix.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [npm, "install", "--prefix", str(prefix), "--no-audit", "--no-fund", "lighthouse"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if result.returncode != 0 or not cli.is_file():
        return None, f"npm install lighthouse failed: {(result.stderr or result.stdout)[-400:]}"
    return cli, ""


_COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")


class _Server(http.server.SimpleHTTPRequestHandler):
    """Static files as a web host serves them: text compressed with gzip when the
    browser accepts it (GitHub Pages and other hosts do; http.server alone does not)."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base's name)
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or path.suffix not in _COMPRESSED or not path.is_file():
            return super().send_head()
        if self.path.split("?")[0].endswith("/") is False and path.name == "index.html":
            return super().send_head()  # the redirect to the folder's address
        body = _gzipped(str(path), path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@functools.lru_cache(maxsize=256)
def _gzipped(path: str, mtime: int) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


def audit(site: Path, pages: dict[str, str], runs: int, prefix: Path) -> dict[str, Any]:
    """Scores (0-100, medians of `runs`) for each page path of `pages` (name -> path)."""
    if not Path(CHROME).is_file():
        return {"error": f"no Chromium at {CHROME}"}
    cli, why = install(prefix)
    if cli is None:
        return {"error": why}
    port = free_port()
    handler = functools.partial(_Server, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    results: dict[str, Any] = {}
    try:
        for name, path in pages.items():
            perf, a11y, errors = Series(), Series(), []
            for _ in range(runs):
                scores = _run(cli, f"http://127.0.0.1:{port}/{path}")
                if "error" in scores:
                    errors.append(scores["error"])
                    continue
                perf.add(scores["performance"])
                a11y.add(scores["accessibility"])
            results[name] = {
                "performance": perf.median,
                "accessibility": a11y.median,
                "runs": {"performance": perf.values, "accessibility": a11y.values},
                "errors": errors[:2],
            }
    finally:
        server.shutdown()
        server.server_close()
    return results


def _run(cli: Path, url: str) -> dict[str, Any]:
    env = {**os.environ, "CHROME_PATH": CHROME}
    result = subprocess.run(
        [
            "node",
            str(cli),
            url,
            "--output=json",
            "--output-path=stdout",
            "--only-categories=performance,accessibility",
            "--quiet",
            f"--chrome-flags={FLAGS}",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    try:
        report = json.loads(result.stdout)
        categories = report["categories"]
        return {
            "performance": round(100 * (categories["performance"]["score"] or 0)),
            "accessibility": round(100 * (categories["accessibility"]["score"] or 0)),
        }
    except (json.JSONDecodeError, KeyError, TypeError):
        return {"error": (result.stderr or result.stdout)[-500:]}
