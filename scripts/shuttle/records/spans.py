"""Where an editor's words stand in an article: the article's own characters and offsets.

An editor types words as they read them; the article may write them with curly quotes,
other dashes or doubled spaces. Both are compared in a folded form (those variants made
alike, runs of spaces made one) and the span is mapped back to the article, so a record
built from it holds exactly the article's characters at its offsets. When the words are
not there, or are there more than once, the Problem says where the nearest match is, or
lists every occurrence and how to choose one.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from shuttle.problems import Problem, ProblemError

# Typographic variants an editor cannot be expected to type as the article does.
_FOLD = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc`", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str  # the article's characters start..end
    line: int  # 1-based line of the article's file (a paragraph a line)


@dataclass(frozen=True)
class _Folded:
    text: str
    origin: tuple[int, ...]  # folded index -> index in the original


def _fold(text: str) -> _Folded:
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        char = _FOLD.get(char, char)
        if char.isspace():
            if out and out[-1] == " ":
                continue
            char = " "
        out.append(char)
        origin.append(index)
    return _Folded("".join(out), tuple(origin))


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _span(text: str, folded: _Folded, start: int, length: int) -> Span:
    first = folded.origin[start]
    end = folded.origin[start + length - 1] + 1
    return Span(first, end, text[first:end], _line(text, first))


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def occurrences(text: str, words: str) -> list[Span]:
    """Every place the words stand in text (overlaps included), in order."""
    folded = _fold(text)
    needle = _fold(words.strip()).text
    found: list[Span] = []
    if not needle:
        return found
    at = folded.text.find(needle)
    while at >= 0:
        found.append(_span(text, folded, at, len(needle)))
        at = folded.text.find(needle, at + 1)
    return found


def nearest(text: str, words: str) -> tuple[Span, str] | None:
    """The stretch of the article most like the words, and where the two first differ."""
    needle = _fold(words.strip()).text
    best: tuple[int, _Folded, int] | None = None  # longest common run, its line, b - a
    position = 0
    for raw in text.splitlines(keepends=True):
        folded = _fold(raw.rstrip("\r\n"))
        line = _Folded(folded.text, tuple(position + o for o in folded.origin))
        position += len(raw)
        if not line.text:
            continue
        matcher = SequenceMatcher(None, needle, line.text, autojunk=False)
        a, b, size = matcher.find_longest_match(0, len(needle), 0, len(line.text))
        if size and (best is None or size > best[0]):
            best = (size, line, b - a)
    # A run shorter than a quarter of the words (or four characters) is no match.
    if best is None or best[0] < min(len(needle), max(4, len(needle) // 4)):
        return None
    _, line, shift = best
    # Align on the first and last runs they share near the longest one (not on the
    # longest alone, which puts a word longer or shorter than typed at the wrong end).
    low, high = max(0, shift - 20), min(len(line.text), shift + len(needle) + 20)
    matcher = SequenceMatcher(None, needle, line.text[low:high], autojunk=False)
    runs = [m for m in matcher.get_matching_blocks() if m.size >= 3] or [
        next(m for m in matcher.get_matching_blocks() if m.size)
    ]
    begin = low + runs[0].b - runs[0].a
    stop = low + runs[-1].b + runs[-1].size + len(needle) - runs[-1].a - runs[-1].size
    begin, stop = max(0, begin), min(len(line.text), stop)
    span = _span(text, line, begin, stop - begin)
    shift = low + runs[0].b - runs[0].a
    differ = next(
        (
            k
            for k, char in enumerate(needle)
            if not 0 <= shift + k < len(line.text) or char != line.text[shift + k]
        ),
        len(needle),
    )
    at = shift + differ
    yours = needle[max(0, differ - 15) : differ + 15]
    article = line.text[max(0, at - 15) : max(0, at + 15)]
    return span, f'they differ here: you wrote "…{yours}…", the article has "…{article}…"'


def _not_found(text: str, words: str, shown: str, what: str) -> ProblemError:
    close = nearest(text, words)
    if close is None:
        return ProblemError(
            [
                Problem.of(
                    "E601",
                    shown,
                    None,
                    f'{what} "{_short(words)}" not found, nor anything like them',
                )
            ]
        )
    span, differ = close
    message = (
        f'{what} "{_short(words)}" not found; the nearest is on line {span.line}, '
        f'characters {span.start}-{span.end}: "{_short(span.text)}" ({differ})'
    )
    return ProblemError([Problem.of("E601", shown, span.line, message)])


def _listed(text: str, spans: list[Span]) -> str:
    def before(span: Span) -> str:
        return _short(text[max(0, span.start - 40) : span.start], 40)

    return "; ".join(
        f'{n}: line {s.line}, characters {s.start}-{s.end}, after "…{before(s)}"'
        for n, s in enumerate(spans, 1)
    )


def locate(
    text: str, words: str, shown: str, *, after: str | None = None, nth: int | None = None
) -> Span:
    """The one place the words stand, chosen with `after` (the first occurrence that
    follows those words) or `nth` (1-based) when there are several; else a Problem."""
    found = occurrences(text, words)
    if not found:
        raise _not_found(text, words, shown, "the words")
    if after is not None:
        anchors = occurrences(text, after)
        if not anchors:
            raise _not_found(text, after, shown, "the --after words")
        chosen = {next((s for s in found if s.start >= a.end), None) for a in anchors}
        found = sorted((s for s in chosen if s is not None), key=lambda s: s.start)
        if not found:
            message = f'the words "{_short(words)}" do not occur after "{_short(after)}"'
            raise ProblemError([Problem.of("E601", shown, anchors[-1].line, message)])
    if nth is not None:
        if not 1 <= nth <= len(found):
            message = f"--nth {nth}: the words occur {len(found)} time(s): {_listed(text, found)}"
            raise ProblemError([Problem.of("E602", shown, None, message)])
        return found[nth - 1]
    if len(found) > 1:
        message = (
            f'the words "{_short(words)}" occur {len(found)} times ({_listed(text, found)}); '
            'choose one with --nth N or --after "words just before it"'
        )
        raise ProblemError([Problem.of("E602", shown, found[0].line, message)])
    return found[0]
