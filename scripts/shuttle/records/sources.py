"""The articles: their text as read from seeds/, its hash, and its paragraphs with offsets.

A paragraph is a non-blank line (articles are stored one paragraph a line, as captured);
paragraph n is what a citation link `#p{n}` lands on.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
from pathlib import Path

from shuttle.problems import Problem, ProblemError
from shuttle.records.schema import Source
from shuttle.text.segments import paragraphs as text_paragraphs
from shuttle.textio import MAX_ARTICLE_BYTES, decode, read_bytes, sha256_hex


@dataclass(frozen=True)
class Paragraph:
    number: int  # 1-based, in reading order
    start: int
    end: int

    @property
    def anchor(self) -> str:
        return f"p{self.number}"


@dataclass(frozen=True)
class Article:
    source: Source
    text: str
    sha256: str
    paragraphs: tuple[Paragraph, ...]
    _starts: tuple[int, ...] = field(repr=False, compare=False, default=())

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph holding character `offset`, or None when it falls between them."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        paragraph = self.paragraphs[index]
        return paragraph if offset < paragraph.end else None

    def paragraphs_in(self, start: int, end: int) -> list[Paragraph]:
        """The paragraphs that characters `start` to `end` (not included) fall in."""
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        last = bisect.bisect_left(self._starts, end)
        return [p for p in self.paragraphs[first:last] if start < p.end and p.start < end]


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    # the extractors' paragraphs, numbered: one segmentation for extraction and citations
    return tuple(Paragraph(n, s, e) for n, (s, e) in enumerate(text_paragraphs(text), start=1))


@functools.lru_cache(maxsize=8192)
def make_article(source: Source, text: str, sha256: str) -> Article:
    # the same article read again is the same object (frozen): `shuttle serve` reads every
    # article after each saved edit, and what did not change is recognised by identity
    paras = paragraphs(text)
    return Article(source, text, sha256, paras, tuple(p.start for p in paras))


def read_article(path: Path, shown: str, source: Source, *, root: Path | None = None) -> Article:
    """Read and decode an article; raises ProblemError for an unusable file. `root`: the
    file must lie inside it (a link to elsewhere is refused)."""
    raw = read_bytes(path, shown, max_bytes=MAX_ARTICLE_BYTES, root=root)
    text = decode(raw, shown)
    return make_article(source, text, sha256_hex(raw))


def hash_problem(article: Article, shown: str, line: int | None) -> Problem | None:
    if article.sha256 == article.source.sha256:
        return None
    return Problem.of(
        "E206",
        shown,
        line,
        f"seeds/{article.source.file} has sha256 {article.sha256}, "
        f"sources.yml records {article.source.sha256} (they differ from character "
        f"{_first_difference(article.sha256, article.source.sha256) + 1}); if the change is "
        "intended, re-check every fact taken from it, then record the new hash",
    )


def _first_difference(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def unlisted_articles(seeds_dir: Path, listed: set[str]) -> list[str]:
    """Article files in seeds/ that sources.yml does not describe."""
    if not seeds_dir.is_dir():
        return []
    return sorted(p.name for p in seeds_dir.glob("*.txt") if p.name not in listed)


def require_folder(path: Path, shown: str) -> None:
    if not path.is_dir():
        raise ProblemError([Problem.of("E005", shown, None, "folder is missing")])
