"""The project's settings, typed and read from one place: `[tool.shuttle]` in pyproject.toml.

    [tool.shuttle]
    site_url = "https://newsroom.example/shuttle/"   # the published address
    render_cache = true                              # pages' HTML kept between builds
    page_budget = 61440                              # bytes of HTML a listing's part takes
    prerender = true                                 # pages rendered ahead on a 2nd core
    template_cache = true                            # the theme's templates kept compiled
    jobs = 2                                         # `shuttle extract` worker processes
    watch = "events"                                 # serve: file events, or "polling"

Every setting has a default, so a project without the section (or without pyproject.toml)
works. A command-line option wins over the file (`shuttle build --site-url`, `shuttle
extract --jobs`). The environment is read for the documented variables only, here:
`CI` (a CI run: stricter checks) and `SOURCE_DATE_EPOCH` (the build's date, for
reproducible builds). `XDG_CACHE_HOME` places the cache, as everywhere on Linux. The
renderers are handed SOURCE_DATE_EPOCH through the environment (`exported`), the only
way mkdocs takes it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from shuttle.paths import Paths
from shuttle.problems import Problem, ProblemError
from shuttle.textio import decode, read_bytes

SECTION = "tool.shuttle"
MAX_BYTES = 1_000_000  # a pyproject.toml is a few kilobytes
# the site's address when none is set: `shuttle serve`'s, so a build is a local preview
PREVIEW_URL = "http://127.0.0.1:8000/"
SITE_URL_PATTERN = r"^https?://[^\s/]+(/\S*)?/$"


class Config(BaseModel):
    """`[tool.shuttle]`: every setting, its type and its default."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    site_url: str | None = Field(
        default=None,
        pattern=SITE_URL_PATTERN,
        description="the address the site is published at, ending in /; unset: a preview",
    )
    render_cache: bool = Field(
        default=True, description="keep each page's rendered HTML between builds"
    )
    page_budget: int | None = Field(
        default=None,
        ge=4096,
        description="bytes of HTML a listing page's part may take; unset: 60 KB",
    )
    prerender: bool = Field(
        default=True,
        description="render pages ahead on a second core, into the page cache (needs it)",
    )
    template_cache: bool = Field(
        default=True, description="keep the theme's templates compiled between builds"
    )
    watch: Literal["events", "polling"] = Field(
        default="events",
        description=(
            "how `shuttle serve` notices a saved file: the system's file events, or "
            "`polling` (looking 5 times a second) where they do not reach it"
        ),
    )
    jobs: int | None = Field(
        default=None,
        ge=1,
        le=256,
        description="`shuttle extract` worker processes; unset: one per core (large runs)",
    )

    @property
    def address(self) -> str:
        """The address the site's own links use: `site_url`, else the preview's."""
        return self.site_url or PREVIEW_URL


def load(paths: Paths, **options: object) -> Config:
    """The settings of the project at `paths.root`, with the command line's `options`
    (those not None) over the file's; raises ProblemError (E011) for a section that does
    not fit, with the line of the setting at fault."""
    path = paths.root / "pyproject.toml"
    given = {key: value for key, value in options.items() if value is not None}
    if not path.is_file():
        return parse(given)
    text = decode(read_bytes(path, "pyproject.toml", max_bytes=MAX_BYTES), "pyproject.toml")
    try:
        section = tomllib.loads(text).get("tool", {}).get("shuttle", {})
    except tomllib.TOMLDecodeError as exc:
        raise ProblemError([Problem.of("E011", "pyproject.toml", None, str(exc))]) from exc
    return parse({**section, **given}, text)


def site_url_option(text: str) -> str:
    """`--site-url`'s value as the file's `site_url` must be, else ValueError saying how."""
    if not re.match(SITE_URL_PATTERN, text):
        raise ValueError(f"{text!r} is not a site address: write it as https://example.org/path/")
    return text


def parse(section: Mapping[str, object], text: str = "") -> Config:
    """`section` (the parsed `[tool.shuttle]` table) as a Config; `text`, the file's text,
    gives each problem its line."""
    try:
        return Config.model_validate(dict(section))
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            key = ".".join(str(part) for part in error["loc"])
            problems.append(
                Problem.of(
                    "E011",
                    "pyproject.toml",
                    _line_of(text, key),
                    f"[{SECTION}] {key}: {error['msg']}",
                )
            )
        raise ProblemError(problems) from exc


def _line_of(text: str, key: str) -> int | None:
    """The line of `key = ...` inside `[tool.shuttle]`, else of the section's header."""
    header = re.search(r"^\[tool\.shuttle\]\s*$", text, flags=re.MULTILINE)
    if header is None:
        return None
    end = re.search(r"^\[", text[header.end() :], flags=re.MULTILINE)
    body = text[header.end() : header.end() + end.start() if end else len(text)]
    found = re.search(rf"^{re.escape(key)}\s*=", body, flags=re.MULTILINE)
    at = header.end() + found.start() if found else header.start()
    return text.count("\n", 0, at) + 1


def in_ci(environ: Mapping[str, str] = os.environ) -> bool:
    """`CI` set to anything but empty, 0, false or no: a CI run (stricter checks)."""
    return environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def source_date_epoch(environ: Mapping[str, str] = os.environ) -> int | None:
    """`SOURCE_DATE_EPOCH`, the build's date in seconds, when set to a positive integer."""
    value = environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() and int(value) > 0 else None


def user_cache_home(environ: Mapping[str, str] = os.environ) -> Path:
    """`XDG_CACHE_HOME`, else ~/.cache: where the cache's key is kept, outside the project."""
    return _cache_home(environ.get("XDG_CACHE_HOME", ""), environ.get("HOME", ""))


@functools.lru_cache(maxsize=8)
def _cache_home(xdg: str, home: str) -> Path:
    # asked once per cache entry read or written (tens of thousands per build)
    return Path(xdg or Path(home or Path.home()) / ".cache")


@contextlib.contextmanager
def exported(values: Mapping[str, str]) -> Iterator[None]:
    """`values` in the environment while the renderers run (mkdocs reads the build's date
    from SOURCE_DATE_EPOCH there, and Zensical inherits it), restored afterwards."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
