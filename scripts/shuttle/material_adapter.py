"""Every use of Material for MkDocs' insides, in one place (written against Material 9.x).

Material documents its settings and templates, not its Python; what is used here is
not documented, and tests/test_material_adapter.py holds each piece to the installed
Material, naming its version when one changes:

- the search plugin's index (`SearchPlugin.search_index`, a `SearchIndex` made in
  `on_config`), its `entries` list and its `config`, and its
  `add_entry_from_context(page)`, which is wrapped so that a page's entries can be taken
  from the page cache instead of read from its HTML again; under `shuttle serve`, the
  entries each page added read, and the whole list replaced before the index is written
  (render/incremental.py);
- the size of the page chrome (header, navigation, footer, scripts) Material puts
  around a page's content, which the listing pages' budget (site/pages/paging.py)
  assumes.

At the top level, not in render/, because site generation needs the chrome's size and
may not import the render stage. Nothing here imports Material itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Bytes of HTML Material puts around a page's content: its header, navigation, footer and
# scripts (16.2 KB on a page of this site under Material 9.8.2: 15 KB was measured under
# an earlier Material, and tests/test_material_adapter.py measures it again).
PAGE_CHROME = 17 * 1024

Entries = list[dict[str, Any]]


def search_index(plugins: Any) -> Any:
    """Material's search index among `config.plugins`, or None without its search plugin."""
    for plugin in plugins.values():
        index = getattr(plugin, "search_index", None)
        if isinstance(getattr(index, "entries", None), list) and hasattr(
            index, "add_entry_from_context"
        ):
            return index
    return None


def search_settings(index: Any) -> dict[str, Any]:
    """The search plugin's settings, as its index was made with them."""
    return dict(index.config)


def entries_since(index: Any, start: int) -> tuple[Entries, int]:
    """The entries added to the index since it held `start`, and how many it holds now."""
    found = index.entries
    return found[start:], len(found)


def replace_entries(index: Any, entries: Entries) -> None:
    """The index's entries, all of them, before the search plugin writes it (`on_post_build`)."""
    index.entries[:] = entries


def index_page(index: Any, page: Any) -> None:
    """The page's sections read into the index (as the search plugin does in
    `on_page_context`)."""
    index.add_entry_from_context(page)


def index_through(
    index: Any,
    cached: Callable[[Any], Entries | None],
    keep: Callable[[Any, Entries], None],
) -> None:
    """From now on a page's entries come from `cached(page)` when it has them; otherwise
    Material reads the page, and `keep(page, entries)` is given what it added."""
    original = index.add_entry_from_context

    def add_entry_from_context(page: Any) -> None:
        found = cached(page)
        if found is not None:
            index.entries.extend(found)
            return
        start = len(index.entries)
        original(page)
        keep(page, index.entries[start:])

    index.add_entry_from_context = add_entry_from_context
