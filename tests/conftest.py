"""Shared fixtures: copies of the project to break, the CLI run as a user runs it, and
built sites shared by the tests that only read them.

A copy holds what the CLI reads (seeds/, data/, docs/, mkdocs.yml, and a pyproject.toml
with the site's address), never build/; a test
that breaks a file breaks it in its own copy. Sites are built once per session
(`built_site`) and only read by the tests that use them.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import stat
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# Under CI a build is one to publish and needs the site's real address (building.py,
# E503): the sites tests build stand for one published at this address, set in each
# copy's pyproject.toml as a newsroom sets its own (config.py).
TEST_SITE_URL = "https://example.org/"
TEST_SETTINGS = f'[tool.shuttle]\nsite_url = "{TEST_SITE_URL}"\n'

REPO = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("seeds", "data", "docs", "mkdocs.yml")
EPOCH = "1718000000"  # a fixed SOURCE_DATE_EPOCH for builds made by tests


def copy_project(dest: Path, *, chart_cache: Path | None = None) -> Path:
    """The repository's inputs copied into `dest` (created); returns `dest`.

    `chart_cache`: a build/cache folder to seed the copy with (rendered SVGs and the
    Vega bundle are keyed by content, so a warm cache changes no output, only time).
    """
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, dest / part)
    (dest / "pyproject.toml").write_text(TEST_SETTINGS, encoding="utf-8")
    if chart_cache is not None and chart_cache.is_dir():
        shutil.copytree(chart_cache, dest / "build" / "cache")
    return dest


def write_file(path: Path, data: bytes | str) -> None:
    """Overwrite a file of a copy, read-only or not (seeds/ are read-only)."""
    if path.exists():
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def tree_digest(root: Path) -> dict[str, str]:
    """Every file and folder under `root`: path -> sha256 of the bytes ("dir" for folders)."""
    out: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            out[rel] = "link:" + os.readlink(path)
        elif path.is_dir():
            out[rel] = "dir"
        elif not path.is_file():  # a FIFO or a device: reading it would never end
            out[rel] = f"special:{stat.S_IFMT(path.stat().st_mode):o}"
        else:
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
            out[rel] = digest.hexdigest()
    return out


@dataclass
class Run:
    status: int | None
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_shuttle(root: Path, *args: str) -> Run:
    """`shuttle --root ROOT ARGS` in this process, output captured.

    An exception escaping main() is printed the way Python would print it, so a test that
    looks for "Traceback" in the output sees it.
    """
    from shuttle import cli

    out, err = io.StringIO(), io.StringIO()
    status: int | None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = cli.main(["--root", str(root), *args])
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else 1
        except Exception:
            traceback.print_exc(file=err)
            status = None
    return Run(status, out.getvalue(), err.getvalue())


def shuttle_command() -> list[str]:
    script = Path(sys.executable).parent / "shuttle"
    return [str(script)] if script.exists() else [sys.executable, "-m", "shuttle.cli"]


def run_shuttle_process(root: Path, *args: str, env: dict[str, str] | None = None) -> Run:
    """`shuttle --root ROOT ARGS` as a separate process, as a user or CI runs it."""
    result = subprocess.run(
        [*shuttle_command(), "--root", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        timeout=600,
    )
    return Run(result.returncode, result.stdout, result.stderr)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project's inputs, to break at will."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """Make more copies (each under its own name); `chart_cache=` seeds build/cache."""

    def make(name: str = "project", chart_cache: Path | None = None) -> Path:
        return copy_project(tmp_path / name, chart_cache=chart_cache)

    return make


@contextlib.contextmanager
def pinned_epoch(value: str = EPOCH) -> Iterator[None]:
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = value
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def build_copy(root: Path, *args: str) -> Run:
    with pinned_epoch():
        return run_shuttle(root, "build", *args)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project built once per session (cold cache); tests only read it.

    Returns the copy's root; the site is in build/site.
    """
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = build_copy(root)
    assert result.status == 0, result.output
    return root


@pytest.fixture(scope="session")
def chart_cache(built_site: Path) -> Path:
    """The chart cache the session's first build filled, to seed the copies built later."""
    return built_site / "build" / "cache"
