"""`shuttle generate`: the whole site source as files under build/docs/, for any renderer.

The hand-written docs/ (without the theme's overrides/), the generated Markdown pages,
the chart specs, SVG and PNG images, the downloads and the scripts. Same input, same
bytes; a file whose content did not change is not rewritten (its time is kept, so a
renderer that watches or caches by file time does less), and a file no longer generated
is removed. Writes and removals are passed in, so tests can watch or fake them.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from shuttle.aside import Aside, cores
from shuttle.paths import Paths
from shuttle.problems import Problem, has_errors
from shuttle.site import errorbox, folders, memo
from shuttle.site.pages.reuse import Reuse
from shuttle.site.pages.reuse import current as current_reuse
from shuttle.textio import replace_file

if TYPE_CHECKING:  # the records and checks are imported when pages are made: a build
    # whose inputs did not change makes none (their schema takes a fifth of a second)
    from shuttle.records.store import Store

    Checked = tuple[Store, list[Problem]]

JS_DIR = "assets/javascripts"
# From this many articles page generation is split between two cores (at 100: 2.2 s).
ASIDE_ARTICLES = 50

Write = Callable[[Path, bytes], None]
Remove = Callable[[Path], None]


def docs_dir(paths: Paths) -> Path:
    """Where the site source is generated (mkdocs.yml's docs_dir)."""
    return paths.build / "docs"


@dataclass
class Synced:
    written: list[str] = field(default_factory=list)  # paths under build/docs, sorted
    removed: list[str] = field(default_factory=list)
    kept: int = 0
    files: dict[str, bytes] = field(default_factory=dict)  # what build/docs now holds


def write_file(path: Path, data: bytes) -> None:
    # not durable: build/docs is made again from data/ and seeds/ after a power cut
    replace_file(path, data, durable=False)


def remove_file(path: Path) -> None:
    path.unlink()


def site_source(
    paths: Paths,
    checked: Checked,
    *,
    site_url: str,
    preview: bool = False,
    budget: int | None = None,
    banner: bool = False,
    reuse: Reuse | None = None,
    script: Aside[str] | None = None,
) -> dict[str, bytes]:
    """Every file of the site source, by its path under build/docs. `banner`: the errors
    of seeds/ and data/ on top of every generated page (under serve, where the pages are
    built from what did load). `reuse`: the last generation's pieces (pages/reuse.py).
    `script`: the charts' script being built aside (`script_aside`), cached here once
    it is needed."""
    with reuse.generation() if reuse is not None else contextlib.nullcontext():
        return _site_source(paths, checked, site_url, preview, budget, banner, script)


def _site_source(
    paths: Paths,
    checked: Checked,
    site_url: str,
    preview: bool,
    budget: int | None,
    banner: bool,
    script: Aside[str] | None,
) -> dict[str, bytes]:
    from shuttle.checks import consistency
    from shuttle.site import charts
    from shuttle.site.pages.assemble import render_site
    from shuttle.site.pages.paging import BUDGET
    from shuttle.site.pages.view import View

    store, problems = checked
    out = dict(folders.read_docs(paths.docs))
    view = View.of(store, preview=preview, disagreements=consistency.find(store))
    cache = chart_cache(paths)
    # the other core draws the charts (most of a small site's generation, when they are
    # not cached), and renders half the pages where that pays; not under serve, whose
    # server threads a fork would not copy
    draw = not banner and cores() > 1
    aside = draw and len(store.articles) >= ASIDE_ARTICLES
    generated = render_site(
        view, site_url=site_url, cache=cache, budget=budget or BUDGET, aside=aside, draw=draw,
        script=script is None,  # the script being built aside is not built twice
    )  # fmt: skip
    if script is not None:  # cached once the pages are made: a refused build keeps none
        charts.keep_javascript(cache, script.result())
    top = errorbox.of(problems) if banner and has_errors(problems) else ""
    keep = current_reuse().keep  # under serve, pages that come back are encoded once
    for path, markdown in generated.pages.items():
        out[path] = keep(
            "bytes", (markdown, top), functools.partial(errorbox.page_bytes, markdown, top)
        )
    for path, content in generated.files.items():
        # the downloads and the charts' specs: megabytes, the same text after most saves
        out[path] = (
            keep("encoded", content, content.encode) if isinstance(content, str) else content
        )
    if any(path.startswith("assets/charts/") for path in generated.files):
        out[f"{JS_DIR}/vega.js"] = charts.chart_javascript(cache).encode("utf-8")
        out[f"{JS_DIR}/charts.js"] = charts.loader_javascript().encode("utf-8")
    return folders.folder_pages(out)


def chart_cache(paths: Paths) -> Path:
    return paths.cache / "charts"


def script_aside(paths: Paths) -> Aside[str] | None:
    """The charts' script built on the other core while the checks run (charts.py)."""
    from shuttle.site import charts

    return charts.script_aside(chart_cache(paths))


def sync(
    folder: Path,
    files: dict[str, bytes],
    *,
    write: Write = write_file,
    remove: Remove = remove_file,
    before: dict[str, bytes] | None = None,
) -> Synced:
    """`folder` holds exactly `files`: changed ones written, the others left untouched,
    files no longer wanted removed (and folders left empty). `before`: what this process
    last wrote there (serve), compared instead of reading back each file.

    New files are written first, then changed ones, then the unwanted removed: a
    renderer that watches the folder (`zensical serve`) and builds a changed page at once
    finds every page it links to."""
    done = Synced()
    new: list[str] = []
    changed: list[str] = []
    for name in sorted(files):
        target = folder / name
        try:
            if before is not None and before.get(name) == files[name]:
                same = target.is_file()
            else:
                same = target.is_file() and target.read_bytes() == files[name]
        except OSError:
            same = False
        if same:
            done.kept += 1
        else:
            (changed if target.exists() else new).append(name)
    for name in new + changed:
        write(folder / name, files[name])
    done.written = sorted(new + changed)
    # what is there and not wanted: os.walk, bottom up (a folder after what it holds),
    # lists the thousands of files of a large site in a fraction of what Path.rglob takes
    for here, subfolders, names in os.walk(folder, topdown=False):
        at = os.path.relpath(here, folder).replace(os.sep, "/")
        prefix = "" if at == "." else at + "/"
        for name in names:
            if prefix + name not in files:
                remove(Path(here, name))
                done.removed.append(prefix + name)
        for sub in subfolders:
            with contextlib.suppress(OSError):  # not empty: kept
                os.rmdir(os.path.join(here, sub))
    done.removed.sort()
    return done


def generate(
    paths: Paths,
    checked: Checked | Callable[[], Checked],
    *,
    site_url: str,
    preview: bool = False,
    budget: int | None = None,
    banner: bool = False,
    write: Write = write_file,
    remove: Remove = remove_file,
    log: logging.Logger | None = None,
    before: dict[str, bytes] | None = None,
    inputs: str | None = None,
    reuse: Reuse | None = None,
    script: Aside[str] | None = None,
) -> Synced:
    """The site source written to build/docs (see the module's docstring); `before` as
    for `sync`. `inputs`: the digest of what the store was read from (`inputs_digest`,
    taken before it was read), so that build/docs made from the same inputs is checked
    and kept instead of generated again (memo.py); None: always generated. `checked`:
    the store and what the checks found, or how to get them (asked only when build/docs
    must be generated). `reuse` and `script`: as for `site_source`."""
    folder = docs_dir(paths)
    kept = memo.recall(paths, inputs, folder) if inputs is not None else None
    if kept is not None:
        if log is not None:
            log.info(
                f"generated {paths.relative(folder)}/: {len(kept)} unchanged, "
                "made from the same data, seeds, docs and code as last time"
            )
        return Synced(kept=len(kept), files=kept)
    memo.forget(paths)
    if callable(checked):
        checked = checked()
    files = site_source(
        paths, checked, site_url=site_url, preview=preview, budget=budget, banner=banner,
        reuse=reuse, script=script,
    )  # fmt: skip
    done = sync(folder, files, write=write, remove=remove, before=before)
    done.files = files
    if inputs is not None:
        memo.remember(paths, inputs, files, checked[1])
    if log is not None:
        log.info(
            f"generated {paths.relative(docs_dir(paths))}/: {len(done.written)} written, "
            f"{done.kept} unchanged, {len(done.removed)} removed"
        )
    return done


def refresh_docs(
    paths: Paths,
    last: dict[str, bytes],
    hand: dict[str, bytes],
    changed: list[Path],
    *,
    write: Write = write_file,
) -> list[str] | None:
    """After a saved edit to files of docs/ alone, under serve: those files written to
    build/docs, nothing else computed (the generated pages do not read docs/). `last` is
    the site source as last written and `hand` docs/'s part of it (folders.hand_written),
    both updated here. None when that does not suffice and everything must be generated: a
    file added or removed, or one whose place a generated page takes."""
    written: list[str] = []
    for path in changed:
        relative = path.relative_to(paths.docs)
        if relative.parts[0] in folders.NOT_SOURCE:
            continue  # the theme's templates: not part of build/docs
        name = relative.as_posix()
        new = folders.folder_page(name)
        if not path.is_file() or new not in hand or last.get(new) != hand[new]:
            return None
        _, data = folders.in_folder(name, path.read_bytes())
        if data != last[new]:
            write(docs_dir(paths) / new, data)
            written.append(new)
        hand[new] = last[new] = data
    return written


def inputs_digest(
    paths: Paths,
    *,
    site_url: str,
    preview: bool,
    budget: int | None,
    ci: bool,
    banner: bool = False,
) -> str:
    """The digest of everything `generate` and the checks before it read or are handed
    (memo.py); `ci`: the checks are stricter under CI."""
    settings = {
        "site_url": site_url, "preview": preview, "budget": budget, "banner": banner, "ci": ci
    }  # fmt: skip
    return memo.inputs_digest(paths, settings)


def remembered_problems(paths: Paths, inputs: str) -> list[Problem] | None:
    """What the checks found in these inputs, when build/docs was last made from them."""
    return memo.recall_problems(paths, inputs)
