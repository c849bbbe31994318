"""material_adapter.py against the installed Material for MkDocs: its search plugin
still keeps its index where the adapter looks (a failure names Material's version), the
entries the adapter hands back are the ones Material writes to search_index.json, and a
page of this site's theme carries no more chrome than the page budget assumes."""

from __future__ import annotations

import json
import re
import shutil
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

from shuttle import material_adapter
from shuttle.render import mkdocs_adapter
from shuttle.site.pages import paging

MATERIAL = f"mkdocs-material {version('mkdocs-material')}"
REPO = Path(__file__).resolve().parents[1]


def _project(root: Path, pages: dict[str, str], extra: str = "") -> Any:
    docs = root / "docs"
    docs.mkdir(parents=True)
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        f"site_name: t\ntheme:\n  name: material\nplugins:\n  - search\n{extra}",
        encoding="utf-8",
    )
    return load_config(str(root / "mkdocs.yml"))


def test_the_search_index_is_where_the_adapter_finds_it(tmp_path: Path) -> None:
    config = _project(tmp_path, {"index.md": "# Home\n"})
    config = config.plugins.on_config(config)
    index = material_adapter.search_index(config.plugins)
    assert index is not None, f"{MATERIAL}: no search_index with entries on the search plugin"
    assert index.entries == [] and callable(index.add_entry_from_context)
    settings = material_adapter.search_settings(index)
    assert "lang" in settings and "separator" in settings, (
        f"{MATERIAL}: SearchIndex.config no longer holds the search settings"
    )


def test_entries_kept_and_taken_back_are_what_material_writes(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Home\n\nWelcome.\n\n## First {#first}\n\nOne.\n",
        "other.md": "# Other\n\nTwo.\n",
    }
    config = _project(tmp_path, pages, "markdown_extensions:\n  - attr_list\n  - toc\n")
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = get_files(config)
    for file in files.documentation_pages():
        Page(None, file, config)
    index = material_adapter.search_index(config.plugins)
    kept: dict[str, list[dict[str, Any]]] = {}
    material_adapter.index_through(
        index, lambda page: None, lambda page, entries: kept.update({page.url: entries})
    )
    for src_uri in ("index.md", "other.md"):
        file = files.get_file_from_path(src_uri)
        assert file is not None
        page = mkdocs_adapter.read_and_render(file, config, files)
        material_adapter.index_page(index, page)
    locations = [e["location"] for e in index.entries]
    assert locations == ["", "#first", "other/"], f"{MATERIAL}: entries are not per section"
    assert [e["location"] for e in kept[""]] == ["", "#first"]
    assert kept["other/"] == index.entries[2:]
    written = index.generate_search_index(None)
    assert '"location": "#first"' in written or '"location":"#first"' in written, (
        f"{MATERIAL}: SearchIndex.entries is not what search_index.json holds"
    )
    # taken back: the cached entries stand in for reading the page
    again = material_adapter.search_index(config.plugins)
    before = len(again.entries)
    material_adapter.index_through(again, lambda page: kept[page.url], lambda p, e: None)
    other = files.get_file_from_path("other.md")
    assert other is not None and other.page is not None
    material_adapter.index_page(again, other.page)
    assert again.entries[before:] == kept["other/"]


def test_paging_assumes_the_chrome_of_this_site(tmp_path: Path) -> None:
    # this site's theme settings and navigation, one page of known content: what
    # Material adds around it must fit in what paging.py reserves for it
    root = tmp_path / "site"
    docs = root / "docs"
    docs.mkdir(parents=True)
    shutil.copytree(REPO / "docs" / "overrides", docs / "overrides")
    config_text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config_text = re.sub(r"(?m)^(docs_dir|site_dir|site_url|strict):.*$", "", config_text)
    config_text = config_text.replace("  - shuttle\n", "")
    (root / "mkdocs.yml").write_text(config_text, encoding="utf-8")
    nav = re.findall(r"(?m)^  - [^:]+: (\S+\.md)$", config_text)
    assert len(nav) > 5
    body = "Words of the page. " * 200
    for name in nav:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(f"# A page\n\n{body}\n", encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "out"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    html = (root / "out" / "people" / "index.html").read_bytes()
    chrome = len(html) - len(body.strip().encode("utf-8"))
    assert chrome <= paging.CHROME == material_adapter.PAGE_CHROME, (
        f"{MATERIAL}: a page's chrome is {chrome} bytes, more than the {paging.CHROME} "
        "the page budget reserves (material_adapter.PAGE_CHROME)"
    )
    assert chrome >= 0.75 * paging.CHROME, (
        f"{MATERIAL}: a page's chrome is {chrome} bytes, far less than the {paging.CHROME} "
        "reserved: parts of listing pages are smaller than they need be"
    )


@pytest.fixture(autouse=True)
def _no_mkdocs_2_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def test_entries_read_since_and_replaced_are_what_material_writes(tmp_path: Path) -> None:
    config = _project(tmp_path, {"index.md": "# Home\n\nWelcome.\n", "other.md": "# Other\n"})
    config = config.plugins.on_config(config)
    files = get_files(config)
    for file in files.documentation_pages():
        Page(None, file, config)
    index = material_adapter.search_index(config.plugins)
    pages = [mkdocs_adapter.read_and_render(f, config, files) for f in files.documentation_pages()]
    material_adapter.index_page(index, pages[0])
    first, count = material_adapter.entries_since(index, 0)
    material_adapter.index_page(index, pages[1])
    second, total = material_adapter.entries_since(index, count)
    assert [e["location"] for e in first + second] == ["", "other/"]
    assert total == count + len(second)
    material_adapter.replace_entries(index, second + first)
    written = json.loads(index.generate_search_index(None))
    assert [e["location"] for e in written["docs"]] == ["other/", ""], (
        f"{MATERIAL}: SearchIndex.entries is not what search_index.json holds, in its order"
    )
