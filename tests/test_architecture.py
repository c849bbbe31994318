"""ARCHITECTURE.md: every package and top-level module of scripts/shuttle named, nothing
named that is gone, and the layers it shows are the ones lint-imports holds."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "scripts" / "shuttle"
DOC = ROOT / "ARCHITECTURE.md"


def _section(title: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    level = "###" if title.startswith("`") else "##"
    start = text.index(f"\n{level} {title}\n")
    end = text.find("\n#", start + 1)
    return text[start : end if end != -1 else len(text)]


def _named(title: str, pattern: str) -> set[str]:
    """The names a section lists as `- \\`name\\`: ...` items."""
    return set(re.findall(rf"^- `({pattern})`:", _section(title), flags=re.MULTILINE))


def _packages() -> set[str]:
    return {f"{p.parent.name}/" for p in PACKAGE.glob("*/__init__.py")}


def _modules() -> set[str]:
    return {p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"}


def test_every_package_is_named_and_every_named_package_exists() -> None:
    named = _named("Packages", r"[a-z_]+/")
    assert _packages() - named == set(), "packages missing from ARCHITECTURE.md"
    assert named - _packages() == set(), "ARCHITECTURE.md names packages that are gone"


def test_every_top_level_module_is_named_and_every_named_module_exists() -> None:
    named = _named("Top-level modules", r"[a-z_]+\.py")
    assert _modules() - named == set(), "modules missing from ARCHITECTURE.md"
    assert named - _modules() == set(), "ARCHITECTURE.md names modules that are gone"


STAGES = ("records", "curation", "site", "render")


def test_every_module_of_a_stage_is_named_and_every_named_one_exists() -> None:
    for stage in STAGES:
        folder = PACKAGE / stage
        present = {p.name for p in folder.glob("*.py") if p.name != "__init__.py"}
        present |= {f"{p.parent.name}/" for p in folder.glob("*/__init__.py")}
        named = _named(f"`{stage}/`", r"[a-z_]+\.py|[a-z_]+/")
        assert present - named == set(), f"{stage}/ modules missing from ARCHITECTURE.md"
        assert named - present == set(), f"ARCHITECTURE.md names {stage}/ modules that are gone"


def test_the_layers_shown_are_the_layers_lint_imports_holds() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [c["layers"] for c in contracts if c["type"] == "layers"]
    held = [re.sub(r"[()]|shuttle\.", "", layer) for layer in layers]
    block = re.search(r"```\n(.*?)```", _section("The contracts"), flags=re.DOTALL)
    assert block is not None, "ARCHITECTURE.md shows no layers"
    shown = [" ".join(line.split()) for line in block[1].splitlines() if line.strip()]
    assert shown == held
