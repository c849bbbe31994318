"""Steps timed from inside one process, printed as one line of JSON.

`python -m benchmarks.steps STEP ROOT [ARGS]`, run by the runner in a fresh process:

- build: `shuttle build` (building.build) with each part timed: check, page
  generation, charts, the plugin's other work, mkdocs' own work, the link check and the
  swap into build/site; with the peak memory after each part.
- extract-speed: the extractors alone over every article, on one core and with a
  process pool of 2: MB/s and the speed-up.
- bare: the site's generated pages and files written out as a plain mkdocs project
  (docs/ + mkdocs.yml without our plugin) in ARGS[0].
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from shuttle.paths import Paths

Timers = dict[str, float]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(timers: Timers, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            timers[name] = timers.get(name, 0.0) + time.perf_counter() - started
            timers[f"{name}_peak_mb"] = _peak_mb()

    return wrapper


def step_build(paths: Paths) -> dict[str, Any]:
    from shuttle import building
    from shuttle.render import linkcheck
    from shuttle.site import charts, generate
    from shuttle.site.pages import assemble, figures

    timers: Timers = {}
    building.run_checks = _timed(timers, "check", building.run_checks)
    generate.generate = _timed(timers, "plugin", generate.generate)
    assemble.render_site = _timed(timers, "render", assemble.render_site)
    figures.death_toll = _timed(timers, "chart", figures.death_toll)
    charts.chart_javascript = _timed(timers, "chart_js", charts.chart_javascript)
    building.render = _timed(timers, "mkdocs", building.render)
    linkcheck.check_dir = _timed(timers, "linkcheck", linkcheck.check_dir)
    building._make_readable = _timed(timers, "finish", building._make_readable)
    started = time.perf_counter()
    problems = building.build(paths)
    total = time.perf_counter() - started
    errors = [str(p) for p in problems if p.severity == "error"]
    if errors:
        raise SystemExit("build failed:\n" + "\n".join(errors[:20]))
    charts_time = timers.get("chart", 0.0) + timers.get("chart_js", 0.0)
    return {
        "total": total,
        "check": timers.get("check", 0.0),
        "pages": timers.get("render", 0.0) - timers.get("chart", 0.0),
        "charts": charts_time,
        "plugin_other": timers.get("plugin", 0.0)
        - timers.get("render", 0.0)
        - timers.get("chart_js", 0.0),
        "generate": timers.get("plugin", 0.0),
        "mkdocs": timers.get("mkdocs", 0.0),
        "linkcheck": timers.get("linkcheck", 0.0),
        "finish": timers.get("finish", 0.0),
        "peak_mb": _peak_mb(),
        "peaks_mb": {k: v for k, v in timers.items() if k.endswith("_peak_mb")},
        "warnings": len(problems),
    }


def step_extract_speed(paths: Paths, runs: int) -> dict[str, Any]:
    from shuttle.curation.pool import Workers, extract_one
    from shuttle.curation.proposals import known_people
    from shuttle.records.store import load_store

    store, _ = load_store(paths)
    work = [(sid, a.text, a.source.event_date) for sid, a in sorted(store.articles.items())]
    size = sum(len(text.encode("utf-8")) for _, text, _ in work)
    people = known_people(store.people)
    times: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(runs):
        for workers in (1, 2):  # interleaved, so that both see the same machine
            with Workers(workers, people) as pool:
                started = time.perf_counter()
                for _found in pool.map(extract_one, work):
                    pass
                times[workers].append(time.perf_counter() - started)
    return {"bytes": size, "articles": len(work), "one_core": times[1], "two_cores": times[2]}


def step_bare(paths: Paths, out: Path) -> dict[str, Any]:
    """The generated site source (build/docs) with a mkdocs.yml that does not load our
    plugin: what mkdocs alone costs for the same pages."""
    from shuttle import config
    from shuttle.checks import run_checks
    from shuttle.site import generate

    address = config.load(paths).address
    files = generate.site_source(paths, run_checks(paths), site_url=address)
    shutil.rmtree(out, ignore_errors=True)
    generate.sync(out / "docs", files)
    bare_project(paths, out)
    return {"pages": sum(name.endswith(".md") for name in files), "files": len(files)}


def bare_project(paths: Paths, out: Path) -> None:
    """Beside the site source in out/docs: the theme's templates and mkdocs.yml without
    our plugin (out/mkdocs.yml)."""
    from shuttle import config as settings
    from shuttle import origins
    from shuttle.site import folders

    address = settings.load(paths).address

    for folder in folders.NOT_SOURCE:  # the theme's templates (custom_dir: docs/overrides)
        if (paths.docs / folder).is_dir():
            shutil.copytree(paths.docs / folder, out / "docs" / folder, dirs_exist_ok=True)
    config = paths.mkdocs_file.read_text(encoding="utf-8")
    lines = [line for line in config.splitlines() if line.strip() != "- shuttle"]
    lines = ["docs_dir: docs" if line.startswith("docs_dir:") else line for line in lines]
    # what the build hands the renderer (building.render): the address, the nav moved
    nav = yaml.dump({"nav": origins.moved_nav(yaml.safe_load(config)["nav"])}, sort_keys=False)
    lines = [f"site_url: {address}", *_without_nav(lines), *nav.splitlines()]
    (out / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _without_nav(lines: list[str]) -> list[str]:
    """mkdocs.yml's lines but its top-level `nav:` block."""
    out, in_nav = [], False
    for line in lines:
        if line.startswith("nav:"):
            in_nav = True
        elif in_nav and line and not line[0].isspace() and not line.startswith("#"):
            in_nav = False
        if not in_nav:
            out.append(line)
    return out


def main(argv: list[str]) -> int:
    step, root = argv[0], Path(argv[1]).resolve()
    paths = Paths(root)
    if step == "build":
        result = step_build(paths)
    elif step == "extract-speed":
        result = step_extract_speed(paths, int(argv[2]) if len(argv) > 2 else 3)
    elif step == "bare":
        result = step_bare(paths, Path(argv[2]).resolve())
    else:
        raise SystemExit(f"unknown step {step!r}")
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
