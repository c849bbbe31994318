"""Extractors: pure functions from article text to candidates with character spans.

`extract_article` is the one entry point; `to_json` the one serialisation. No I/O, no clock:
the article's date comes in as `published`, the curated people as `people`.

The extractors are imported when first used: the checks need only `numbers` and the
schema only `candidates`, and every build would otherwise compile the extractors'
patterns for nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .article import extract_article, to_json

__all__ = ["extract_article", "to_json"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import article

        return getattr(article, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
