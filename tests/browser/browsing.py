"""What the browser tests share: the served site, and contexts that watch what pages do."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

VIEWPORT = {"width": 1280, "height": 900}  # wide enough for Material's navigation sidebar


@dataclass(frozen=True)
class Site:
    root: Path  # the built site
    base: str  # http://127.0.0.1:PORT

    def url(self, path: str) -> str:
        return self.base + path

    @functools.cached_property
    def pages(self) -> list[str]:
        """Every HTML page of the built site, as a URL path ("/", "/quotes/", "/404.html")."""
        found = []
        for html in sorted(self.root.rglob("*.html")):
            rel = html.relative_to(self.root).as_posix()
            if rel == "index.html":
                found.append("/")
            elif rel.endswith("/index.html"):
                found.append("/" + rel[: -len("index.html")])
            else:
                found.append("/" + rel)
        return found

    def text(self, path: str) -> str:
        rel = path.lstrip("/")
        file = self.root / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)
        return file.read_text(encoding="utf-8")

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return True
        return f"{parts.scheme}://{parts.netloc}" == self.base


@dataclass
class Watch:
    """What a browser context did that it should not have: off-site requests, errors."""

    offsite: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def clear(self) -> tuple[list[str], list[str]]:
        seen = (self.offsite[:], self.errors[:])
        self.offsite.clear()
        self.errors.clear()
        return seen


def watched_context(browser: Any, site: Site, **options: Any) -> tuple[Any, Watch]:
    """A fresh context in which requests leaving the site are aborted and recorded, and
    console errors, page errors and failed requests are recorded."""
    watch = Watch()
    context = browser.new_context(viewport=VIEWPORT, **options)

    def offsite(route: Any) -> None:
        watch.offsite.append(route.request.url)
        route.abort()

    def on_page(page: Any) -> None:
        page.on(
            "console",
            lambda m: (
                watch.errors.append(f"console {m.type}: {m.text} ({m.location})")
                if m.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda e: watch.errors.append(f"page error: {e}"))
        # A local request fails only when the next navigation cuts it short (ERR_ABORTED,
        # as for a late favicon), which is no fault of the page; or when it is broken.
        page.on(
            "requestfailed",
            lambda r: (
                watch.errors.append(f"request failed: {r.url} ({r.failure})")
                if site.is_local(r.url) and r.failure != "net::ERR_ABORTED"
                else None
            ),
        )
        page.on(
            "response",
            lambda r: watch.errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
        )

    # Only requests that leave the site are intercepted (the pattern is matched in the
    # driver), so the site's own requests do not wait on Python.
    context.route(re.compile("^(?!" + re.escape(site.base) + "/)(?!data:|blob:|about:)"), offsite)

    def socket(ws: Any) -> None:  # a static site opens none
        watch.offsite.append(ws.url)
        ws.close()

    context.route_web_socket(re.compile(".*"), socket)
    context.on("page", on_page)
    return context, watch
