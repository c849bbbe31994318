"""The renderers of build/docs: Material for MkDocs (the default, in this process) and
Zensical (`shuttle build --renderer zensical`, the optional extra `[zensical]`), run as
its own command on the same tree.

Zensical reads mkdocs.yml but has no option for the site folder, so it is given a copy
of mkdocs.yml in build/ with its folders made relative to build/ (docs_dir, site_dir, the theme's
custom_dir) and the classic look of Material (`theme.variant: classic`). It runs no
mkdocs plugin, which is why the pages are generated as files first.
"""

from __future__ import annotations

import ctypes
import functools
import io
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from shuttle.paths import Paths
from shuttle.problems import Problem
from shuttle.textio import replace_file

RENDERERS = ("material", "zensical")
PR_SET_PDEATHSIG = 1  # linux/prctl.h
ZENSICAL_CONFIG = "zensical.yml"


def render_material(config: Any) -> list[Problem]:
    """Material for MkDocs renders build/docs into the config's site_dir (strict)."""
    from mkdocs.exceptions import MkDocsException

    from shuttle.render.mkdocs_adapter import build_site

    log = logging.getLogger("mkdocs")
    handler = _Messages()  # each warning whole (some span lines), for building to explain
    log.addHandler(handler)
    try:
        build_site(config)
    except MkDocsException as exc:
        messages = [*handler.messages, str(exc)]
        return [Problem.of("E501", "mkdocs.yml", None, m) for m in messages if m.strip()]
    finally:
        log.removeHandler(handler)
    return []


class _Messages(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def zensical_config(
    paths: Paths,
    docs: Path,
    site_dir: Path,
    overrides: Mapping[str, Any] | None = None,
    *,
    name: str = ZENSICAL_CONFIG,
) -> Path:
    """mkdocs.yml for Zensical, written to build/`name` (see the module's docstring);
    `overrides` (the site's address, the nav) win over mkdocs.yml's, as in Material's.
    Rewritten only when it changes: `zensical serve` reloads on every write of it."""
    yaml = YAML()  # round trip: the !ENV tags are kept for Zensical to read
    config = yaml.load(paths.mkdocs_file.read_text(encoding="utf-8"))
    config.update(overrides or {})
    here = paths.build  # folders relative to it: Zensical 0.0.73 panics on absolute ones
    config["docs_dir"] = os.path.relpath(docs, here)
    config["site_dir"] = os.path.relpath(site_dir, here)
    theme = config.setdefault("theme", {})
    if "custom_dir" in theme:
        theme["custom_dir"] = os.path.relpath(paths.root / theme["custom_dir"], here)
    theme["variant"] = "classic"
    out = io.StringIO()
    yaml.dump(config, out)
    target = paths.build / name
    text = out.getvalue().encode("utf-8")
    if not target.is_file() or target.read_bytes() != text:
        replace_file(target, text, durable=False)
    return target


def zensical_command() -> list[str] | None:
    script = Path(sys.executable).parent / "zensical"
    if script.is_file():
        return [str(script)]
    found = shutil.which("zensical")
    return [found] if found else None


def not_installed() -> Problem:
    return Problem.of(
        "E505", "pyproject.toml", None,
        "the zensical renderer is not installed: pip install -e '.[zensical]'",
    )  # fmt: skip


def zensical_server(paths: Paths, config: Path, address: str) -> subprocess.Popen[bytes] | None:
    """`zensical serve` of the site `config` describes, at `address`, started (None: not
    installed). It watches build/docs and its config, rebuilds what changed and reloads
    the browsers itself; what it says goes to this process' console."""
    command = zensical_command()
    if command is None:
        return None
    return subprocess.Popen(
        [*command, "serve", "-f", str(config), "-a", address], cwd=paths.build,
        stdin=subprocess.DEVNULL, preexec_fn=_ends_with_us(),
    )  # fmt: skip


def _ends_with_us() -> Callable[[], object] | None:
    """What the child runs before Zensical starts, on Linux: the system stops it when
    this process ends, however it ends (killed, this process cannot stop Zensical, which
    would go on holding the preview's address). Looked up here: the child, forked from a
    process with threads, must do no more than the one call."""
    if sys.platform != "linux":
        return None
    return functools.partial(ctypes.CDLL(None).prctl, PR_SET_PDEATHSIG, signal.SIGTERM)


def render_zensical(
    paths: Paths, docs: Path, site_dir: Path, overrides: Mapping[str, Any] | None = None
) -> list[Problem]:
    """Zensical renders `docs` into `site_dir`; its output, when it fails, as problems."""
    command = zensical_command()
    if command is None:
        return [not_installed()]
    config = zensical_config(paths, docs, site_dir, overrides)
    result = subprocess.run(
        [*command, "build", "--strict", "-f", str(config)],
        cwd=paths.build, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode == 0:
        return []
    output = ANSI.sub("", result.stdout + result.stderr)
    # its diagnostics, each as `zensical: what [ page:line ]` (origins.py tells the page's
    # file); its strict mode then ends in a Python traceback, which is left out
    found = [
        f"zensical: {what.strip()} [ {page}:{line} ]"
        for what, page, line in DIAGNOSTIC.findall(output)
    ]
    lines = [line for line in output.splitlines() if line.strip()]
    return [
        Problem.of("E501", "mkdocs.yml", None, message)
        for message in found or [f"zensical: {line}" for line in lines[-20:]]
    ] or [Problem.of("E501", "mkdocs.yml", None, f"zensical exited {result.returncode}")]


ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Zensical 0.0.73: "Warning: page does not exist" then a box headed "╭─[ about/index.md:3:9 ]"
DIAGNOSTIC = re.compile(r"(?:Warning|Error): *([^\n]+)\n[^\n]*\[ *([^\s\]]+?):(\d+):\d+ *\]")
