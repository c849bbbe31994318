"""Problems a user can cause, each with a code, a place and a message; never a traceback.

Every step collects problems instead of raising, so an editor sees all of them at once.
The catalog below is the one list of codes; the methodology page and `shuttle check --codes`
print it.
"""

from __future__ import annotations

import difflib
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]

# code -> (severity, what it means). E0xx: reading files; E1xx: shape (schema);
# E2xx: references and provenance; E3xx/W3xx: consistency across sources; E4xx: writing;
# E5xx: the site; E6xx: records an editor adds with `shuttle add`.
CATALOG: dict[str, tuple[Severity, str]] = {
    "E001": ("error", "YAML syntax error"),
    "E002": ("error", "duplicate key in a mapping"),
    "E003": ("error", "YAML anchors and aliases are not allowed in data files"),
    "E004": ("error", "YAML tags are not allowed in data files"),
    "E005": ("error", "file or folder is missing"),
    "E006": ("error", "file is not UTF-8 text"),
    "E007": ("error", "file is empty"),
    "E008": ("error", "file is too large"),
    "E009": ("error", "file looks binary (it holds NUL bytes)"),
    "E010": ("error", "not a regular file of the project (device, FIFO, link outside it)"),
    "E011": ("error", "a setting in [tool.shuttle] of pyproject.toml does not fit"),
    "E101": ("error", "unknown field"),
    "E102": ("error", "wrong type or value"),
    "E103": ("error", "required field is missing"),
    "E104": ("error", "not a real date"),
    "E105": ("error", "a date or number outside the range this project can hold"),
    "E201": ("error", "unknown id"),
    "E202": ("error", "duplicate id"),
    "E203": ("error", "quoted text is not at its offsets in the article"),
    "E204": ("error", "offsets out of range"),
    "E205": ("error", "figure's number is not what its sentence says"),
    "E206": ("error", "article text no longer matches its recorded sha256"),
    "E207": ("error", "article file is not listed in seeds/sources.yml"),
    "E208": ("error", "a citation is not written source-id#pN"),
    "E209": ("error", "a citation names a source that is not in seeds/sources.yml"),
    "E210": ("error", "a citation names a paragraph its source does not have"),
    "E211": ("error", "a sentence of a trip's entry cites no source"),
    "E212": ("error", "a source has no licence"),
    "W212": ("warning", "a source collected before licences were recorded has no licence"),
    "E213": ("error", "a source has no curated file in data/articles (a build for publishing)"),
    "E214": ("error", "two trips overlap"),
    "E215": ("error", "a verified quote's speaker is not a verified person"),
    "W301": ("warning", "the article's trip count disagrees with the canonical trip list"),
    "W302": ("warning", "a reported figure disagrees with the Ministry's series for its date"),
    "W303": ("warning", "two articles report different numbers for the same count"),
    "W304": ("warning", "a date lies outside the trip it is assigned to"),
    "W305": ("warning", "a source disagrees with the canonical trip list (data/trips.yml says so)"),
    "W306": (
        "warning",
        "a source has no curated file in data/articles (nothing published)",
    ),
    "E401": ("error", "file changed since it was read; nothing was written"),
    "E402": ("error", "could not write file"),
    "W403": ("warning", "build/cache cannot be used; the build runs without it"),
    "E501": ("error", "the site build failed"),
    "E502": ("error", "broken link in the built site"),
    "E503": (
        "error",
        "a build for publishing has no real site address (site_url in [tool.shuttle], or "
        "--site-url)",
    ),
    "E504": ("error", "a build for publishing was asked to be a preview"),
    "E505": ("error", "the renderer asked for is not installed"),
    "E506": ("error", "a page links to a page, file or #anchor the site does not have"),
    "E507": ("error", "mkdocs.yml's nav names a page the site does not have"),
    "E508": ("error", "a page of docs/ is in no menu (nav in mkdocs.yml)"),
    "W503": ("warning", "built for preview: the site's own addresses point to this computer"),
    "E601": ("error", "the words to add are not in the article (the nearest match is named)"),
    "E602": ("error", "the words to add occur more than once: choose one (--nth, --after)"),
    "E603": ("error", "the record to add is already in the article's file"),
}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    code: str
    message: str
    severity: Severity = field(default="error", compare=False)

    @classmethod
    def of(cls, code: str, file: str, line: int | None, message: str) -> Problem:
        # escaped and cut here, so that the text and the JSON say the same
        message = printable(cut(message, MAX_MESSAGE))
        severity = CATALOG[code][0]
        return cls(file=printable(file), line=line, code=code, message=message, severity=severity)

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        return printable(f"{place}: {self.code} {self.message}")


MAX_MESSAGE = 600  # characters: a message is read, not scrolled through
MAX_VALUE = 80  # characters of a value quoted in a message


def cut(text: str, limit: int = MAX_VALUE) -> str:
    """`text`, or its start and end with the number of characters left out between."""
    if len(text) <= limit:
        return text
    keep = limit // 2
    return f"{text[:keep]}…[{len(text) - 2 * keep:,} characters]…{text[-keep:]}"


def shown(value: object, limit: int = MAX_VALUE) -> str:
    """A value as a message quotes it: repr, cut to `limit` characters."""
    return cut(repr(value), limit)


def did_you_mean(got: str, known: Iterable[str]) -> str:
    """ "; did you mean 'x'?" with the closest known names, or nothing when none is close."""
    close = difflib.get_close_matches(got, list(known), n=3, cutoff=0.6)
    if not close:
        return ""
    return "; did you mean " + " or ".join(repr(name) for name in close) + "?"


def printable(text: str) -> str:
    """Text safe for a terminal: control characters (which can move the cursor, clear the
    screen or start a fake line) and invisible format characters written as escapes."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escape(c) for c in text)


def _escape(char: str) -> str:
    if char == " ":
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class ProblemError(Exception):
    """Raised at the edges (reading a file) and caught by the step that collects problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def ordered(problems: Iterable[Problem]) -> list[Problem]:
    """Deterministic order: by file, then line, then code."""
    return sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.code, p.message))


def as_text(problems: Iterable[Problem]) -> Iterator[str]:
    for problem in ordered(problems):
        yield str(problem)


def as_json(problems: Iterable[Problem]) -> str:
    return json.dumps([asdict(p) for p in ordered(problems)], indent=2, ensure_ascii=False)


def report(problems: Sequence[Problem], *, json_out: bool = False) -> int:
    """A command's problems printed (as text on stderr, or as JSON on stdout); its exit
    status: 1 when there are errors, else 0 (warnings allowed)."""
    if json_out:
        sys.stdout.write(as_json(problems) + "\n")
    else:
        for line in as_text(problems):
            sys.stderr.write(line + "\n")
    return 1 if has_errors(problems) else 0
