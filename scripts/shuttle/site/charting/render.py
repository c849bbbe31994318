"""vl-convert at arm's length: SVG rendering and the JavaScript bundle, both cached.

Cache files are keyed by vl-convert's version and a hash of their input, and written
atomically (temporary file, then os.replace), so a crashed or concurrent build never
leaves a half-written file behind.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import vl_convert

from shuttle import cachefile

# The name of a hover readout's layer: a constant (Altair would otherwise number the
# layer per process), and how static_spec knows to leave it out.
READOUT: Final = "readout"
LOCALE: Final = "en-US"  # d3-format and d3-time-format locale: "45,936", "Jan 2024"
_TAG = re.compile(r"<[A-Za-z][^<>]*>")
_ID = re.compile(r'\sid="([^"]+)"')
_REF = re.compile(r'(\sid="|url\(#|href="#)([^")]+)([")])')


def vl_convert_version() -> str:
    return str(getattr(vl_convert, "__version__", "unknown"))


def _digest(*parts: str) -> str:
    sha = hashlib.sha256()
    for part in parts:
        sha.update(part.encode("utf-8"))
        sha.update(b"\0")
    return sha.hexdigest()


def _read(path: Path) -> str | None:
    """A cache entry's text; None (a miss) unless its seal holds (see cachefile)."""
    data = cachefile.read(path)
    if data is None:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


# What vl-convert never writes and a published SVG must not hold: scripts, event
# handlers, embedded HTML, javascript: links, external references.
_ACTIVE = re.compile(
    r"<\s*(?:script|foreignObject|iframe|object|embed|handler|listener)\b"
    r"|\son[a-z]+\s*=|javascript:|<!ENTITY|<\?xml-stylesheet|\shref\s*=\s*[\"'](?!#)"
    r"|xlink:href\s*=\s*[\"'](?!#)",
    re.IGNORECASE,
)


def inert_svg(svg: object) -> bool:
    """True for an SVG with nothing in it that could run or load (a cached one is
    published: a crafted entry must never reach the site)."""
    return isinstance(svg, str) and svg.lstrip().startswith("<svg") and not _ACTIVE.search(svg)


# Characters XML forbids: one from article text would make the whole image unreadable.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def normalise_svg(svg: str) -> str:
    """Renumber element ids (Vega counts clip paths and gradients per process) in order.

    Only markup is touched: ids and references are looked for inside tags, never in
    text, where escaped data could spell anything.
    """
    names: dict[str, str] = {}
    for tag in _TAG.finditer(svg):
        for found in _ID.finditer(tag.group(0)):
            names.setdefault(found.group(1), f"shuttle-{len(names) + 1}")
    if not names:
        return svg

    def rename(tag: re.Match[str]) -> str:
        return _REF.sub(
            lambda ref: ref.group(1) + names.get(ref.group(2), ref.group(2)) + ref.group(3),
            tag.group(0),
        )

    return _TAG.sub(rename, svg)


def static_spec(spec: dict[str, Any], width: int) -> dict[str, Any]:
    """The same spec with a fixed width, no links and no hover readout, for the SVG.

    Links in an SVG shown through <img> are inert, and vl-convert would resolve the
    relative ones against its own base URL, so the static copy drops them; a readout
    would only add an invisible mark for every day.
    """
    layers = [
        {**layer, "encoding": {k: v for k, v in layer["encoding"].items() if k != "href"}}
        for layer in spec["layer"]
        if layer.get("name") != READOUT
    ]
    static = {k: v for k, v in spec.items() if k != "params"}
    return {**static, "layer": layers, "width": width}


def render_svg(spec: dict[str, Any], *, cache_dir: Path | None = None) -> str:
    """A Vega-Lite spec as a static SVG, without network access; same spec, same bytes."""
    text = json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    path = None
    if cache_dir is not None:
        path = cache_dir / f"svg-{_digest(vl_convert_version(), LOCALE, text)[:32]}.svg"
        cached = _read(path)
        if cached is not None and inert_svg(cached):
            return cached
    _start()
    svg = vl_convert.vegalite_to_svg(
        text,
        allowed_base_urls=[],
        format_locale=LOCALE,
        time_format_locale=LOCALE,
    )
    svg = _XML_FORBIDDEN.sub("\ufffd", normalise_svg(str(svg)))
    if path is not None:
        cachefile.write(path, svg.encode("utf-8"))
    return svg


PNG_SCALE = 2  # a share card's image: 1,280 px wide from the 640 px SVG


def render_png(svg: str, *, cache_dir: Path | None = None) -> bytes:
    """The static SVG as a PNG (for share cards): drawn by vl-convert from the same
    chart, so the picture is the one the page shows; same SVG, same bytes."""
    path = None
    if cache_dir is not None:
        key = _digest(vl_convert_version(), str(PNG_SCALE), svg)[:32]
        path = cache_dir / f"png-{key}.png"
        data = cachefile.read(path)  # a miss unless its seal holds
        if data is not None and data.startswith(b"\x89PNG"):
            return data
    _start()
    png = bytes(vl_convert.svg_to_png(svg, scale=PNG_SCALE))
    if path is not None:
        cachefile.write(path, png)
    return png


# Set once vl-convert has run in this process: its runtime has threads from then on,
# which a forked process would not have (aside.py forks only before).
_started = False


def _start() -> None:
    global _started
    _started = True


def vl_convert_started() -> bool:
    return _started


def bundle_path(cache_dir: Path, snippet: str | None = None) -> Path:
    key = _digest(vl_convert_version(), "default" if snippet is None else snippet)[:16]
    return cache_dir / f"vega-bundle-{vl_convert_version()}-{key}.js"


def javascript_bundle(cache_dir: Path, snippet: str | None = None) -> str:
    """vega, vega-lite and vega-embed in one script (about 1.7 s to build; cached)."""
    cached = _read(bundle_path(cache_dir, snippet))
    if cached is not None:
        return cached
    bundle = made_bundle(snippet)
    keep_bundle(cache_dir, bundle, snippet)
    return bundle


def made_bundle(snippet: str | None = None) -> str:
    """The script built by vl-convert, not cached."""
    _start()
    # The stub types snippet as str; at run time None means the default snippet, which
    # assigns vegaEmbed, vegaLite and vega to window.
    make: Callable[..., str] = vl_convert.javascript_bundle
    return str(make(snippet))


def keep_bundle(cache_dir: Path, bundle: str, snippet: str | None = None) -> None:
    cachefile.write(bundle_path(cache_dir, snippet), bundle.encode("utf-8"))


def svg_size(svg: str) -> tuple[int, int]:
    """The width and height vl-convert wrote on the root element."""
    root = svg[: svg.index(">") + 1] if ">" in svg else svg
    width = re.search(r'\bwidth="(\d+)', root)
    height = re.search(r'\bheight="(\d+)', root)
    if width is None or height is None:
        raise ValueError("SVG root has no width and height")
    return int(width.group(1)), int(height.group(1))
