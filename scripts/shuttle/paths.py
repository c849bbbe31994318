"""Every path rule of the project, in one place: no other module builds paths from strings."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIX = ".txt"


@dataclass(frozen=True)
class Paths:
    """The project's folders, all relative to one root (the repository checkout)."""

    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> Paths:
        """The nearest folder at or above `start` that holds mkdocs.yml, else `start` itself."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "mkdocs.yml").is_file():
                return cls(folder)
        return cls(here)

    # inputs
    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def sources_file(self) -> Path:
        return self.seeds / "sources.yml"

    def article(self, file_name: str) -> Path:
        return self.seeds / file_name

    # curated data
    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def people_file(self) -> Path:
        return self.data / "people.yml"

    @property
    def trips_file(self) -> Path:
        return self.data / "trips.yml"

    @property
    def casualties_file(self) -> Path:
        return self.data / "casualties.yml"

    @property
    def articles_dir(self) -> Path:
        return self.data / "articles"

    def article_data(self, source_id: str) -> Path:
        return self.articles_dir / f"{source_id}.yml"

    # hand-written site content
    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def schemas(self) -> Path:
        """JSON Schemas exported from schema.py; published with the site for download."""
        return self.docs / "schema"

    @property
    def mkdocs_file(self) -> Path:
        return self.root / "mkdocs.yml"

    # generated
    @property
    def build(self) -> Path:
        return self.root / "build"

    @property
    def site(self) -> Path:
        return self.build / "site"

    @property
    def cache(self) -> Path:
        return self.build / "cache"

    def relative(self, path: Path) -> str:
        """A path as shown in messages: relative to the root when inside it. A link is
        shown by its own name, not its target's (a message must name what the editor
        sees in the folder)."""
        try:
            root = _resolved(self.root, os.getcwd())
            if path.is_symlink():
                return (path.parent.resolve() / path.name).relative_to(root).as_posix()
            return path.resolve().relative_to(root).as_posix()
        except ValueError:
            return str(path)


@functools.lru_cache(maxsize=64)
def _resolved(root: Path, cwd: str) -> Path:
    # Every message names a file relative to the root: resolve the root once, not per file.
    return root.resolve()


def editor_scratch(name: str) -> bool:
    """An editor's own file beside the one being edited: vim's swap files (.x.swp) and its
    write test (4913), emacs' locks (.#x) and autosaves (#x#), backups (x~), and any other
    hidden file. Never part of the site (mkdocs leaves hidden files out, but a backup
    `methodology.md~` would be published), and saving one is no edit."""
    return name.startswith((".", "#")) or name.endswith("~") or name == "4913"
