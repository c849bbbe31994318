"""A deterministic corpus of N articles, written out as a complete Shuttle project.

Articles are assembled from varied sentence patterns (benchmarks/phrases.py): quotes in
several styles with known and invented speakers, casualty and hostage figures near the
Ministry's series for the article's date, trip claims, events, dates over two years,
eighteen outlets, lengths from a few paragraphs to long reads. Article i depends only on
the seed and i, so the 100-article corpus is the first 100 of the 1,000-article one.

project.py writes a corpus out as a project, extracts and curates it, and caches it.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from benchmarks import phrases as ph

SEED = 20231007
REPO = Path(__file__).resolve().parent.parent
START = date(2023, 10, 7)
END = date(2025, 10, 6)  # two years of dates
MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
          "Nov.", "Dec.")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
REFERENCE = ("people.yml", "trips.yml", "casualties.yml", "LICENSE-casualties.txt")
_REPORT = re.compile(r"date: (\d{4}-\d\d-\d\d),.*killed_filled: (\d+), injured_filled: (\d+)")
_TRIP = re.compile(r'ordinal: (\d+)\n\s+start: "?(\d{4}-\d\d-\d\d)"?\n\s+end: "?(\d{4}-\d\d-\d\d)')


@dataclass(frozen=True)
class Reference:
    series: dict[date, tuple[int, int]]  # day -> (killed, injured), gap-filled
    trips: list[tuple[int, date, date]]


def reference(repo: Path = REPO) -> Reference:
    text = (repo / "data" / "casualties.yml").read_text(encoding="utf-8")
    series = {date.fromisoformat(d): (int(k), int(i)) for d, k, i in _REPORT.findall(text)}
    trips_text = (repo / "data" / "trips.yml").read_text(encoding="utf-8")
    trips = [
        (int(o), date.fromisoformat(s), date.fromisoformat(e))
        for o, s, e in _TRIP.findall(trips_text)
    ]
    return Reference(series, trips)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _day_words(rng: random.Random, event: date) -> tuple[str, date]:
    """A day as an article writes it ("on Tuesday" within the week, or "Jan. 9")."""
    back = rng.choice((0, 0, 1, 1, 2, 3))
    day = event - timedelta(days=back)
    if rng.random() < 0.6:
        return WEEKDAYS[day.weekday()], day
    return f"{MONTHS[day.month - 1]} {day.day}", day


@dataclass
class Article:
    index: int
    text: str
    title: str
    outlet: str
    outlet_slug: str
    event_date: date
    published: date
    trip: int | None

    @property
    def source_id(self) -> str:
        words = "-".join(slug(self.title).split("-")[:6])
        return f"{self.outlet_slug}-{self.event_date.isoformat()}-{words}-{self.index:05d}"


class Writer:
    """One article: a random stream of paragraphs drawn from the patterns."""

    def __init__(self, rng: random.Random, ref: Reference, index: int) -> None:
        self.rng = rng
        self.ref = ref
        self.index = index
        trips = ref.trips
        if rng.random() < 0.65 and trips:
            self.trip: tuple[int, date, date] | None = rng.choice(trips)
            _, start, end = self.trip
            self.event = start + timedelta(days=rng.randint(0, (end - start).days))
        else:
            self.trip = None
            self.event = START + timedelta(days=rng.randint(0, (END - START).days))
            self.trip = next((t for t in trips if t[1] <= self.event <= t[2]), None)
        self.place = rng.choice(ph.PLACES)

    def speaker(self) -> tuple[str, str, str | None]:
        """(name as first written, name as written later, role) of someone quoted."""
        rng = self.rng
        if rng.random() < 0.7:
            name, surname, role = rng.choice(ph.KNOWN_SPEAKERS)
            return name, surname, role
        first = ph.FIRST_NAMES[rng.randrange(len(ph.FIRST_NAMES))]
        last = ph.LAST_NAMES[rng.randrange(len(ph.LAST_NAMES))]
        return f"{first} {last}", last, rng.choice(ph.ROLES)

    def quote_text(self) -> str:
        rng = self.rng
        return (
            f"{rng.choice(ph.QUOTE_OPENINGS)} {rng.choice(ph.QUOTE_MIDDLES)}, "
            f"{rng.choice(ph.QUOTE_ENDS)}"
        )

    def quote_paragraph(self) -> str:
        rng = self.rng
        name, surname, role = self.speaker()
        said = rng.choice(ph.SPEECH_AFTER)
        words = self.quote_text()
        style = rng.randrange(6)
        if style == 0:
            return f"“{words[:-1]},” {surname} {said}."
        if style == 1:
            if role and role[0].isupper():
                return f"{role} {name} said: “{words}”"
            return f"{name}, {role}, said: “{words}”" if role else f"{name} said: “{words}”"
        if style == 2:
            second = self.quote_text()
            return f"“{words[:-1]},” {surname} said. “{second}”"
        if style == 3:
            fragment = rng.choice(ph.FRAGMENTS)
            return (
                f"{name}, {role}, said the proposal was “{fragment}.”"
                if role
                else (f"{name} said the proposal was “{fragment}.”")
            )
        if style == 4:
            tail = f", {role}" if role and not role[0].isupper() else ""
            return f"“{words[:-1]},” said {name}{tail}."
        fragment = rng.choice(ph.FRAGMENTS)
        verb = rng.choice(ph.SPEECH_FRAGMENT)
        return f"{surname} criticised the plan, {verb} “{fragment}”, and left the talks early."

    def figure_paragraph(self) -> str:
        rng = self.rng
        day_words, day = _day_words(rng, self.event)
        killed, injured = self.ref.series.get(day - timedelta(days=1), (0, 0))
        if killed == 0:
            killed, injured = self.ref.series.get(day, (12_000, 30_000))
        if rng.random() < 0.05:
            killed = int(killed * rng.choice((0.7, 1.3)))  # a misreport: a disagreement
        pattern = rng.choice(ph.FIGURE_SENTENCES)
        return pattern.format(
            killed=f"{killed:,}",
            injured=f"{injured:,}",
            killed_round=f"{killed // 1000 * 1000:,}",
            killed_round2=f"{(killed // 1000 + 1) * 1000:,}",
            held=rng.choice((100, 101, 115, 120, 130, 136)),
            displaced=rng.choice(("1.7", "1.9", "1.8")),
            trucks=rng.choice((100, 120, 200, 250, 300)),
            freed=rng.choice(ph.NUMBER_WORDS).capitalize(),
            day=f"on {day_words}" if day_words in WEEKDAYS else day_words,
        ).replace("on on ", "on ")

    def narrative(self) -> str:
        rng = self.rng
        count = rng.choice((1, 1, 2, 2, 3))
        return " ".join(
            rng.choice(ph.NARRATIVE).format(surname="Blinken", place=rng.choice(ph.PLACES))
            for _ in range(count)
        )

    def event_paragraph(self) -> str:
        rng = self.rng
        day_words, _ = _day_words(rng, self.event)
        other = rng.choice(ph.KNOWN_SPEAKERS[1:])[0]
        return rng.choice(ph.EVENT_SENTENCES).format(
            surname="Blinken", other=other, place=self.place, day=day_words
        )

    def trip_paragraph(self) -> str | None:
        if self.trip is None:
            return None
        ordinal = self.trip[0]
        if self.rng.random() < 0.1:
            ordinal = max(1, ordinal - self.rng.choice((1, 3)))  # a miscount
        nth = ph.ORDINAL_WORDS[min(ordinal, len(ph.ORDINAL_WORDS)) - 1]
        return self.rng.choice(ph.TRIP_CLAIMS).format(surname="Blinken", nth=nth)

    def lead(self) -> str:
        rng = self.rng
        day_words, _ = _day_words(rng, self.event)
        verb = rng.choice(("arrived in", "held talks in", "met leaders in", "landed in"))
        city, country = rng.choice(ph.DATELINES)
        dateline = f"{city}{', ' + country if country else ''} — " if rng.random() < 0.5 else ""
        on = f"on {day_words}"
        return (
            f"{dateline}U.S. Secretary of State Antony Blinken {verb} {self.place} {on} "
            f"as he pressed for a ceasefire in Gaza and the release of hostages held by Hamas."
        )

    def article(self) -> Article:
        rng = self.rng
        length = rng.choice((5, 8, 10, 14, 18, 22, 26, 30, 36, 44, 56))
        makers = (
            [self.quote_paragraph] * 4 + [self.narrative] * 4 + [self.figure_paragraph] * 2
            + [self.event_paragraph]
        )  # fmt: skip
        paras = [self.lead()]
        claim = self.trip_paragraph()
        if claim and rng.random() < 0.6:
            paras.append(claim)
        while len(paras) < length:
            paras.append(rng.choice(makers)())
        if rng.random() < 0.3:
            paras.append(rng.choice(ph.CLOSERS))
        nth = ph.ORDINAL_WORDS[(self.trip[0] if self.trip else 1) - 1]
        other = rng.choice(ph.KNOWN_SPEAKERS[1:])[1]
        title = rng.choice(ph.TITLES).format(
            surname="Blinken", place=self.place.removeprefix("the "), nth=nth, other=other
        )
        outlet, outlet_slug = rng.choice(ph.OUTLETS)
        published = self.event + timedelta(days=rng.choice((0, 0, 0, 1)))
        return Article(
            index=self.index,
            text="\n".join(paras) + "\n",
            title=title,
            outlet=outlet,
            outlet_slug=outlet_slug,
            event_date=self.event,
            published=published,
            trip=self.trip[0] if self.trip else None,
        )


def generate(count: int, ref: Reference, seed: int = SEED) -> list[Article]:
    return [Writer(random.Random(f"{seed}-{i}"), ref, i).article() for i in range(count)]
