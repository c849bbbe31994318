"""Generate, then render: the same build/docs with Material and with Zensical, side by side
with bare mkdocs of the same tree (no shuttle plugin), cold and warm.

`python -m benchmarks.renderers [--sizes seed,1000,5000]` (run by `make bench`). Each
timing is one fresh process, wall-clock seconds:

- generate cold: `shuttle generate` with no build/docs; warm: again, nothing changed.
- material / zensical cold: `shuttle build --renderer R` with no build/ at all
  (check, generate, render, link check; charts drawn); warm: the same build again.
- bare mkdocs: `mkdocs build` of the generated tree with a mkdocs.yml without our plugin.
- edit visible: the warm build after one paragraph is added to docs/methodology.md (what
  `shuttle serve`'s renderer does on a saved edit, plus generate).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import corpus

REPO = Path(__file__).resolve().parent.parent
SHUTTLE = [sys.executable, "-m", "shuttle.cli"]


def _timed(command: list[str], cwd: Path | None = None) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    took = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return took


def measure(project: Path) -> dict[str, float]:
    build = project / "build"
    out: dict[str, float] = {}
    shutil.rmtree(build, ignore_errors=True)
    out["generate_cold"] = _timed([*SHUTTLE, "--root", str(project), "generate"])
    out["generate_warm"] = _timed([*SHUTTLE, "--root", str(project), "generate"])
    for renderer in ("material", "zensical"):
        shutil.rmtree(build, ignore_errors=True)
        command = [*SHUTTLE, "--root", str(project), "build", "--renderer", renderer]
        out[f"{renderer}_cold"] = _timed(command)
        out[f"{renderer}_warm"] = _timed(command)
    bare = build / "bare"
    _timed([sys.executable, "-m", "benchmarks.steps", "bare", str(project), str(bare)], REPO)
    out["bare_mkdocs"] = _timed(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bare / "mkdocs.yml")]
    )
    page = project / "docs" / "methodology.md"
    page.chmod(page.stat().st_mode | 0o200)
    page.write_text(page.read_text(encoding="utf-8") + "\nA paragraph just saved.\n")
    command = [*SHUTTLE, "--root", str(project), "build", "--no-linkcheck"]
    out["material_after_edit"] = _timed(command)
    return out


ROWS = (
    ("generate, cold", "generate_cold"),
    ("generate, warm", "generate_warm"),
    ("shuttle build (Material), cold", "material_cold"),
    ("shuttle build (Material), warm", "material_warm"),
    ("shuttle build (Zensical), cold", "zensical_cold"),
    ("shuttle build (Zensical), warm", "zensical_warm"),
    ("bare mkdocs of the same tree", "bare_mkdocs"),
    ("Material build after one edit", "material_after_edit"),
)


def render(results: dict[str, dict[str, float]]) -> list[str]:
    sizes = list(results)
    lines = ["seconds".ljust(34) + "".join(f"{s:>10}" for s in sizes)]
    for label, key in ROWS:
        lines.append(label.ljust(34) + "".join(f"{results[s][key]:>10.1f}" for s in sizes))
    for label, key in (("warm / bare", "material_warm"), ("cold / bare", "material_cold")):
        ratios = [results[s][key] / results[s]["bare_mkdocs"] for s in sizes]
        lines.append(f"Material {label}".ljust(34) + "".join(f"{r:>10.2f}" for r in ratios))
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.renderers", description=__doc__)
    p.add_argument("--sizes", default="seed,1000,5000")
    p.add_argument("--corpora", type=Path, default=REPO / "build" / "bench" / "corpora")
    p.add_argument("--out", type=Path, default=REPO / "build" / "bench" / "renderers.json")
    args = p.parse_args(argv)
    results: dict[str, dict[str, float]] = {}
    for size in args.sizes.split(","):
        count = 0 if size == "seed" else int(size)
        source = corpus.build_corpus(count, args.corpora.resolve())
        project = args.corpora.resolve() / f"renderers-{size}"
        shutil.rmtree(project, ignore_errors=True)
        shutil.copytree(source, project, ignore=shutil.ignore_patterns("build"))
        results[size] = measure(project)
        shutil.rmtree(project, ignore_errors=True)
        sys.stderr.write("\n".join(render(results)) + "\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    sys.stdout.write("\n".join(render(results)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
