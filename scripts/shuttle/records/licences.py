"""What the site may publish of an article: its full text, or only the paragraphs it cites.

A source's `licence` (seeds/sources.yml) decides. The full text is published when the
licence is public domain, or when its name (the licence up to " (", case aside) is one of
the sources file's `full_text_licences`. Anything else, and a source without a licence,
gets the cited paragraphs only; the full text stays in seeds/ for the checks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from shuttle.records.schema import Source

PUBLIC_DOMAIN = "public domain"

# The articles collected before licences were recorded: a missing licence on these is a
# warning (W212) until an editor sets it; on any other source it is an error (E212).
# This set only ever shrinks: never add an id to it.
GRANDFATHERED = frozenset(
    {
        "ap-2024-01-09-blinken-in-israel",
        "ap-reuters-2024-02-08-blinken-leaves-mideast",
        "nyt-2024-10-22-blinken-meets-netanyahu",
        "translation-2024-01-10-us-turning-its-back",
        "afp-2024-06-10-blinken-lands-in-israel",
    }
)


def name(licence: str) -> str:
    """A licence's name: what comes before its parenthesis, in lower case."""
    return licence.split(" (", 1)[0].strip().casefold()


@dataclass(frozen=True)
class Terms:
    full_text: bool
    why: str  # one sentence for readers: why the page shows what it shows


def terms(source: Source, allowed: Iterable[str] = ()) -> Terms:
    if source.licence is None:
        return Terms(False, "No licence to republish this text has been recorded.")
    licence = name(source.licence)
    if licence == PUBLIC_DOMAIN:
        detail = source.licence.partition(" (")[2].removesuffix(")")
        return Terms(True, f"The text is in the public domain{f' ({detail})' if detail else ''}.")
    if licence in {name(a) for a in allowed}:
        return Terms(True, f"Its licence, {source.licence}, allows republishing it.")
    return Terms(False, f"Its licence, {source.licence}, does not allow republishing it.")
