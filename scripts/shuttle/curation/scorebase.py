"""The counts and scores `shuttle eval` sums over articles, and how it compares texts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def empty(self) -> bool:
        return self.tp + self.fp + self.fn == 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Score:
    """The scores of one article, or of all of them summed."""

    name: str
    quotes: Counts = Counts()
    speakers_right: int = 0  # among matched quotations
    kinds_right: int = 0
    figures: Counts = Counts()
    ordinals_right: int = 0
    ordinals: int = 0
    places: Counts = Counts()
    meetings: Counts = Counts()
    notes: tuple[str, ...] = ()  # what went wrong, for `shuttle eval --verbose`
    qualifiers_right: int = 0  # among matched figures
    dates_right: int = 0  # among matched figures: as_of (gold default: the article's date)
    turns_right: int = 0  # transcript labels whose turns were found, all with the right speaker
    turns: int = 0  # transcript labels in the gold
    stray_turns: int = 0  # transcript quotes under no gold label
    outcomes: tuple[tuple[str, str], ...] = ()  # (measure, "tp" | "fp" | "fn") per figure
    errors: tuple[str, ...] = field(default=())  # the error class of each figure mistake

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.quotes.tp if self.quotes.tp else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.kinds_right / self.quotes.tp if self.quotes.tp else 1.0

    @property
    def qualifier_accuracy(self) -> float:
        return self.qualifiers_right / self.figures.tp if self.figures.tp else 1.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.figures.tp if self.figures.tp else 1.0

    def by_measure(self) -> dict[str, Counts]:
        out: dict[str, Counts] = {}
        for measure, outcome in self.outcomes:
            c = out.get(measure, Counts())
            out[measure] = c + Counts(outcome == "tp", outcome == "fp", outcome == "fn")
        return dict(sorted(out.items()))

    def __add__(self, other: Score) -> Score:
        values = [getattr(self, f.name) + getattr(other, f.name) for f in fields(self)[1:]]
        return Score(self.name, *values)

    def renamed(self, name: str) -> Score:
        return Score(name, *[getattr(self, f.name) for f in fields(self)[1:]])


_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
                        "‘": "'", "’": "'", "‚": "'", "‛": "'"})  # fmt: skip
_ENDS = " \t\n.,;:!?…'\"-—–"


def normalise_quote(text: str) -> str:
    """Quote text for matching: straight marks, single spaces, no punctuation at the ends."""
    text = " ".join(text.translate(_MARKS).split())
    return text.strip(_ENDS)


def norm_name(name: object) -> str | None:
    if name is None:
        return None
    return " ".join(str(name).split()).casefold()


def as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return date.fromisoformat(value)
    return None
