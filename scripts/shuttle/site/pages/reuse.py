"""What the last generation made, kept with what it was made from, so that `shuttle serve`
makes again only what a saved edit changed.

A page (a template rendered) or a piece of one (a macro called to size a listing's unit)
is a function of what it is handed and of where its links point (the part of a listing
page that holds an anchor, `View.places`). Each one made is kept with both: what it was
handed, and every place its links looked up with what they found. The next generation
takes it back when it is handed values equal to those (`==`) and every place it looked
up is where it was; otherwise it is made again. Records that did not change are the same
objects from one reading of data/ to the next (records/datafiles.py, records/sources.py),
so most comparisons stop at `is`.

A listing's plan is a whole (`Reuse.whole`): handed every record it reads, it is taken
back with all the pieces made within it, so that its thousands of units are not each
compared when none of its records changed; the units come back with it, for the next
generation to compare with.

What is handed must be values: records, text, numbers, frozen dataclasses of them. An
object compared by identity (a function, a plain object) is never equal to the next
generation's, so what holds one is simply made again; nothing is ever taken back on a
resemblance. `shuttle build` makes everything once and keeps nothing (`NEVER`).
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")
Places = Mapping[tuple[str, str], str]
_MISSING = None  # what a place lookup that found nothing is kept as


class Looking(Mapping[tuple[str, str], str]):
    """A listing's places, read through: every key looked up is kept with what it found."""

    def __init__(self, places: Places) -> None:
        self.places = places
        self.seen: dict[tuple[str, str], str | None] = {}

    def __getitem__(self, key: tuple[str, str]) -> str:
        found = self.places.get(key, _MISSING)
        self.seen[key] = found
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: tuple[str, str], default: Any = None) -> Any:
        found = self.places.get(key, _MISSING)
        self.seen[key] = found
        return default if found is None else found

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        raise TypeError("a page's places are looked up one by one, not listed")

    def __len__(self) -> int:
        raise TypeError("a page's places are looked up one by one, not counted")


@dataclass
class Made:
    handed: Any
    looked_up: dict[tuple[str, str], str | None]
    output: Any
    within: Within | None = None  # a whole's: what was made within it


@dataclass
class Within:
    """What a whole (`Reuse.whole`) made within it: its pieces, what it kept, and how far
    it numbered each `nth` key; taken back with it. `loose` when a piece within looked up
    a listing's places, which the whole's own handed values do not cover."""

    pieces: list[tuple[Any, Made]] = field(default_factory=list)
    kept: list[tuple[str, Hashable]] = field(default_factory=list)
    numbered: dict[Any, list[int]] = field(default_factory=dict)  # key -> [first, next]
    loose: bool = False


class Reuse:
    """The pieces of the last generation, by key, and this generation's as they are made."""

    keeps = True  # False: NEVER, which makes everything (a build)

    def __init__(self) -> None:
        self.last: dict[Any, Made] = {}
        self.now: dict[Any, Made] = {}
        self.counts: dict[Any, int] = {}
        self.made = self.reused = 0
        # the listings' places as the last generation had them, this generation's, and the
        # keys whose place differs between the two (see `places`)
        self.placed: dict[tuple[str, str], str] = {}
        self.placing: Places | None = None
        self.moved: set[tuple[str, str]] = set()
        # what `keep` worked out, by table: the last generation's and this one's
        self.kept_last: dict[str, dict[Hashable, Any]] = {}
        self.kept: dict[str, dict[Hashable, Any]] = {}
        self.within: list[Within] = []  # the wholes being made, innermost last

    def places(self, places: Places) -> None:
        """This generation's listing places, complete (View.places): what moved since the
        last generation is worked out once here, so that a piece that looked up hundreds
        of places is checked against what moved rather than looking each up again."""
        then = self.placed
        self.moved = {
            key for key in then.keys() | places.keys() if then.get(key) != places.get(key)
        }
        self.placing = places

    def __call__(
        self, key: Any, handed: Any, make: Callable[[Places], T], places: Places | None = None
    ) -> T:
        """What `make(places)` returns for `handed`: last generation's, when it was handed
        an equal value under `key` and its every place lookup finds the same now."""
        places = places if places is not None else {}
        old = self.last.get(key)
        if old is not None and old.handed == handed and self._still(old.looked_up, places):
            self._put(key, old, places)
            self.reused += 1
            return old.output  # type: ignore[no-any-return]
        looking = Looking(places)
        output = make(looking)
        self._put(key, Made(handed, looking.seen, output), places)
        self.made += 1
        return output

    def whole(self, key: Any, handed: Any, make: Callable[[], T]) -> T:
        """What `make()` returns, taken back with every piece made within it when it is
        handed a value equal to last generation's: a listing's plan, whose thousands of
        units need not each be compared when its records are the same. `handed` must hold
        everything `make` reads; a whole within which a piece looked up a listing's
        places is never taken back (its places are not in `handed`)."""
        old = self.last.get(key)
        within = old.within if old is not None else None
        if old is not None and within is not None and old.handed == handed:
            if all(self.counts.get(k, 0) == n[0] for k, n in within.numbered.items()):
                self._again(key, old, within)
                return old.output  # type: ignore[no-any-return]
        within = Within()
        self.within.append(within)
        try:
            output = make()
        finally:
            self.within.pop()
        self.made += 1
        if not within.loose:
            self._put(key, Made(handed, {}, output, within), {})
        return output

    def _again(self, key: Any, old: Made, within: Within) -> None:
        """A whole taken back: its pieces, what it kept and its numbering with it."""
        self._put(key, old, {})
        for inner, made in within.pieces:
            self.now[inner] = made
        for table, kept_key in within.kept:
            last = self.kept_last.get(table, {})
            if kept_key in last:
                self.kept.setdefault(table, {})[kept_key] = last[kept_key]
        for counted, (_, after) in within.numbered.items():
            self.counts[counted] = after
        for outer in self.within:  # a whole within a whole
            outer.pieces += within.pieces
            outer.kept += within.kept
            for counted, (first, after) in within.numbered.items():
                outer.numbered.setdefault(counted, [first, after])[1] = after
        self.reused += 1 + len(within.pieces)

    def _put(self, key: Any, made: Made, places: Places) -> None:
        self.now[key] = made
        for outer in self.within:
            outer.pieces.append((key, made))
            outer.loose = outer.loose or bool(made.looked_up and places)

    def keep(self, table: str, key: Hashable, make: Callable[[], T]) -> T:
        """`make()` for `key` (in `table`), worked out once for as long as `key` comes back
        generation after generation: what a page is made of (a quote's sentence, a page's
        bytes), where the same text gives the same result. Only the last generation's are
        kept, so what is kept is what the site holds now."""
        now = self.kept.setdefault(table, {})
        for outer in self.within:
            outer.kept.append((table, key))
        if key in now:
            return now[key]  # type: ignore[no-any-return]
        last = self.kept_last.get(table, {})
        value = last[key] if key in last else make()
        now[key] = value
        return value

    def _still(self, looked_up: dict[tuple[str, str], str | None], places: Places) -> bool:
        """Every place in `looked_up` is where it was."""
        if places is self.placing:
            return not any(key in looked_up for key in self.moved)
        return _same(looked_up, places)

    def nth(self, key: Any) -> Any:
        """`key` numbered by how often it came this generation: a macro's calls from one
        page, in order (the same unit at the same place in a listing is compared)."""
        n = self.counts.get(key, 0)
        self.counts[key] = n + 1
        for outer in self.within:
            outer.numbered.setdefault(key, [n, n])[1] = n + 1
        return (key, n)

    @contextlib.contextmanager
    def generation(self) -> Iterator[Reuse]:
        """One generation: what it makes is what the next one compares with. A generation
        that fails keeps the last complete one's pieces instead."""
        self.now, self.counts, self.made, self.reused = {}, {}, 0, 0
        self.placing, self.moved, self.kept, self.within = None, set(), {}, []
        token = _CURRENT.set(self)
        try:
            yield self
        finally:
            _CURRENT.reset(token)
        self.last, self.now = self.now, {}
        self.placed = dict(self.placing) if self.placing is not None else {}
        self.placing = None
        self.kept_last, self.kept = self.kept, {}


class Never(Reuse):
    """Everything made, nothing kept (a build makes each page once)."""

    keeps = False

    def __call__(
        self, key: Any, handed: Any, make: Callable[[Places], T], places: Places | None = None
    ) -> T:
        return make(places if places is not None else {})

    def whole(self, key: Any, handed: Any, make: Callable[[], T]) -> T:
        return make()

    def nth(self, key: Any) -> Any:
        return key

    def places(self, places: Places) -> None:
        pass

    def keep(self, table: str, key: Hashable, make: Callable[[], T]) -> T:
        return make()


NEVER = Never()
_CURRENT: contextvars.ContextVar[Reuse] = contextvars.ContextVar("reuse", default=NEVER)


def current() -> Reuse:
    """The generation under way's Reuse (NEVER outside one)."""
    return _CURRENT.get()


def _same(looked_up: dict[tuple[str, str], str | None], places: Places) -> bool:
    # a page of a listing looks up hundreds of places: looked up again in one C loop
    return list(map(places.get, looked_up)) == list(looked_up.values())
