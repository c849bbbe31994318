"""Transcripts: remarks, briefings and press availabilities written as turns, each opened by
a speaker label instead of quote marks.

- A turn starts at the beginning of a paragraph with a label: capitals and a colon
  ("SECRETARY BLINKEN:", "MR. MILLER:", "PRIME MINISTER AL THANI:"), or a title in Title
  Case closed by a full stop or a colon ("The President.", "Prime Minister Netanyahu:").
  It runs over the following paragraphs until the next label.
- Each sentence of a person's turn is proposed as a quotation of kind "transcript" spoken by
  the label's person, so an editor can pick the sentences to publish. A turn marked
  "(via interpreter)" (or "through an interpreter", "as interpreted") is interpreted speech.
- A label's person: the name after its title words, looked up like a name in the text
  (a known person's surname, "MR MILLER" -> "Matt Miller"); a title alone with "the"
  ("THE PRESIDENT", "THE SECRETARY") is the known U.S. office-holder of that title the text
  names, else a U.S. holder the text names ("Secretary of Defense Lloyd J. Austin III"),
  else the known holder; in the Pentagon's transcripts THE SECRETARY is never the
  secretary of state.
- Questions from reporters ("QUESTION:", "Q.") and turns of moderators or operators are not
  quotations; nor is anything before the first label (a time stamp, a title). A turn of an
  unnamed official ("SENIOR ADMINISTRATION OFFICIAL:") is proposed with no speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from shuttle.text.segments import Segments

from .candidates import QuoteCandidate
from .forms import surname_key
from .lexicon import PLACES
from .offices import office_holder
from .people import People

# A label in capitals: up to eight words, the colon after it, an optional stage note before
# or after the colon.
_CAPS_LABEL_RE = re.compile(
    r"(?P<label>[A-Z][A-Z.’'-]*(?:[^\S\n][A-Z][A-Z.’'-]*){0,7})"
    r"(?:[^\S\n]*\((?P<n1>[^()\n]{1,40})\))?[^\S\n]*:(?:[^\S\n]*\((?P<n2>[^()\n]{1,40})\))?"
    r"(?=[^\S\n]|\Z)"
)
_TITLE_WORD = (
    r"(?:The|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Secretary|Prime|Foreign|Defense|Minister|President|Vice"
    r"|Ambassador|Press|Deputy|General|Admiral|Governor|Senator|King|Queen|Emir|Crown|Prince"
    r"|Chancellor|Chairman|Spokesperson|Spokesman|Spokeswoman|Special|National|Q)"
)
# A label in Title Case: a title first, then capitalised words ("of" allowed), a full stop
# or a colon, and words after it.
_TITLE_LABEL_RE = re.compile(
    rf"(?P<label>{_TITLE_WORD}(?:[^\S\n](?:of|[A-Z][\w’'-]+)){{0,6}})"
    r"(?:[^\S\n]*\((?P<n1>[^()\n]{1,40})\))?[.:](?:[^\S\n]*\((?P<n2>[^()\n]{1,40})\))?"
    r"(?=[^\S\n]+\S)"
)
# A reporter's question opened by a bare "Q" and a wide space ("Q    Karine, on Gaza ...").
_Q_RE = re.compile(r"(?P<label>Q)(?P<n1>)(?P<n2>)(?:[^\S\n]{2,}|\t)(?=\S)")
_HONORIFICS = frozenset(("Mr", "Ms", "Mrs", "Dr"))
_INTERPRETED_RE = re.compile(r"interpret|translat", re.I)
# Labels of turns that are not anyone's quotable words.
_NOT_SPEAKERS = frozenset(
    """q question questions reporter reporters journalist audience participant participants
    moderator operator staff interpreter questioner voice voices crowd audience-member
    note editor""".split()
)
# Words of a label that are title, not name.
_TITLES = frozenset(
    """mr mr. ms ms. mrs mrs. dr dr. secretary prime minister foreign defense defence president
    vice ambassador press deputy general gen. admiral adm. governor senator chairman chair
    spokesperson spokesman spokeswoman special national security adviser advisor envoy
    representative under assistant of state the acting major lieutenant colonel brigadier
    army navy air force marine corps pentagon department spokesperson, director chief
    coordinator counselor senior official administrator commander his her excellency
    sheikh king queen emir crown prince chancellor sec gen lt col maj adm brig rep sen gov
    amb capt sgt white house administration amir""".split()
)
_SUFFIXES = frozenset(("JR", "SR", "II", "III", "IV"))
_PERSON_TITLES = frozenset(
    """official spokesperson spokesman spokeswoman secretary minister ambassador president
    adviser advisor administrator coordinator director envoy representative""".split()
)
_PARTICLES = frozenset("al el bin ibn abu de van von".split())


def _label_at(text: str, lo: int, hi: int) -> re.Match[str] | None:
    m = _Q_RE.match(text, lo, hi)
    if m is not None:
        return m
    m = _CAPS_LABEL_RE.match(text, lo, hi)
    if m is not None and any(c.isalpha() for c in m.group("label")):
        if not any(c.islower() for c in m.group("label")):
            return m
    m = _TITLE_LABEL_RE.match(text, lo, hi)
    if m is None or m.group("label").rstrip(".") in _HONORIFICS:
        return None  # not "Mr." of "Mr. Blinken said", nor "Lloyd J." or "The U.S." in a sentence
    label = m.group("label")
    if not _name_words(label)[1] and label.split()[0] not in ("The", "Q"):
        return None  # titles alone in Title Case ("Mr. Mr.") are a sentence's start
    return m


def _name_words(label: str) -> tuple[list[str], list[str]]:
    """The title words and the name words of a label, the name in Title Case."""
    words = label.replace(".", ". ").split()
    titles: list[str] = []
    k = 0
    while k < len(words) and words[k].lower().rstrip(".") in _TITLES | {"mr", "ms", "mrs", "dr"}:
        titles.append(words[k].lower().rstrip("."))
        k += 1
    # initials and suffixes are no part of the name looked up ("LLOYD J. AUSTIN III")
    names = [w.rstrip(".") for w in words[k:] if len(w.rstrip(".")) > 1]
    while names and names[-1].upper() in _SUFFIXES:
        names.pop()
    return titles, [_title_case(w) for w in names]


def _title_case(word: str) -> str:
    if not word.isupper():
        return word
    return "-".join(p[:1] + p[1:].lower() for p in word.split("-"))


def label_speaker(
    people: People, label: str, seen: dict[str, str] | None = None, *, text: str = ""
) -> tuple[bool, str | None]:
    """Whether `label` is a speaker label, and the person it names (None for a question or
    an unnamed moderator). Capitals alone with neither a title nor the name of anyone the
    text or the curated list knows ("WASHINGTON:", "UPDATE:") are no label. `seen`: the
    people earlier labels named in full, by surname key ("SECRETARY AUSTIN" after
    "SECRETARY OF DEFENSE LLOYD J. AUSTIN III"); it is added to."""
    seen = {} if seen is None else seen
    if _asks(label):
        return True, None
    titles, names = _name_words(label)
    if not names:
        # "THE PRESIDENT" is whoever holds the office; "SENIOR STATE DEPARTMENT OFFICIAL"
        # speaks unnamed: a turn of no one's quotable words
        if titles and titles[0] == "the":
            return True, office_holder(people, [t for t in titles[1:] if t != "the"], text=text)
        # a person's title ("SENIOR STATE DEPARTMENT OFFICIAL"), not a place ("WHITE HOUSE")
        return bool(titles) and titles[-1] in _PERSON_TITLES, None
    if names:
        full = " ".join(names)
        if full.lower() in PLACES:
            return False, None
        key = surname_key(names[-1])
        found = (
            people.surnames.get(full.lower())
            or seen.get(key)
            or people.surnames.get(key)
            or _by_title(people, key, titles)
        )
        if found is None and not titles:
            return False, None
        found = found or full
        if len(names) > 1 and names[0].lower() not in _PARTICLES:
            seen.setdefault(key, found)  # a first name given: later "SECRETARY AUSTIN" is him
        return True, found
    return False, None


def _by_title(people: People, key: str, titles: list[str]) -> str | None:
    """Of the known people who share a surname ("Al Thani"), the one whose role has the
    label's title ("PRIME MINISTER AL THANI")."""
    heads = [t for t in titles if t not in ("the", "of", "mr", "ms", "mrs", "dr")]
    if not heads:
        return None
    fits = [
        name
        for name in people.known_surnames.get(key, ())
        if all(t in people.known_roles.get(name, "").lower() for t in heads)
    ]
    return fits[0] if len(fits) == 1 else None


def _role_of(label: str) -> str | None:
    """The title a label gives ("PRIME MINISTER AL THANI" -> "Prime Minister")."""
    titles = [t for t in _name_words(label)[0] if t not in ("mr", "ms", "mrs", "dr", "the")]
    return " ".join(t if t == "of" else t.capitalize() for t in titles) or None


def _asks(label: str) -> bool:
    """A label of a question, a moderator or an operator ("QUESTION", "Q", "MODERATOR")."""
    first = label.split()[0].lower().rstrip(".")
    return label.lower().rstrip(".") in _NOT_SPEAKERS or first in _NOT_SPEAKERS


def extract_transcript(text: str, segs: Segments, people: People) -> list[QuoteCandidate]:
    """The sentences of every labelled turn, as quotations of kind "transcript"."""
    turns: list[tuple[int, int, str | None, bool, str]] = []  # body start, para, speaker, ...
    seen: dict[str, str] = {}
    for pi, (lo, hi) in enumerate(segs.paragraphs):
        m = _label_at(text, lo, hi)
        if m is None:
            continue
        label = " ".join(m.group("label").split())
        note = m.group("n1") or m.group("n2") or ""
        is_label, speaker = label_speaker(people, label, seen, text=text)
        if not is_label:
            continue
        if speaker is not None and speaker not in people.roles:
            role = _role_of(label)
            if role:
                people.roles[speaker] = role  # proposed with the title the label gives
        body = m.end()
        while body < hi and text[body].isspace():
            body += 1
        turns.append((body, pi, speaker, bool(_INTERPRETED_RE.search(note)), label))
    out: list[QuoteCandidate] = []
    if not turns:
        return out
    ends = [segs.paragraphs[pi][0] for _, pi, _, _, _ in turns[1:]] + [len(text)]
    sent_starts = [s for s, _ in segs.sentences]
    for (body, _, speaker, interpreted, label), end in zip(turns, ends, strict=True):
        if _asks(label):
            continue  # a reporter's question, a moderator: no one's quotable words
        i = max(0, bisect_left(sent_starts, body) - 1)
        while i < len(segs.sentences) and segs.sentences[i][0] < end:
            s, e = segs.sentences[i]
            i += 1
            s, e = max(s, body), min(e, end)
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if not _has_words(text, s, e):
                continue
            out.append(
                QuoteCandidate(
                    text=text[s:e],
                    start=s,
                    end=e,
                    speaker=speaker,
                    kind="transcript",
                    cue=label,
                    interpreted=interpreted,
                )
            )
    return out


def _has_words(text: str, s: int, e: int) -> bool:
    """Speech, not a stage direction alone ("(Laughter.)") or a stray mark."""
    chunk = text[s:e]
    if chunk.startswith("(") and chunk.rstrip(".").endswith(")"):
        return False
    return sum(c.isalpha() for c in chunk) >= 2
