"""The forms a name is looked up by: cleaned of honorific, titles and middle initials
("Antony J. Blinken" -> "Antony Blinken"), and a surname's key ("al-Sisi" -> "sisi")."""

from __future__ import annotations

import re
import unicodedata

_ARTICLE_PREFIXES = frozenset(("al", "el", "ad", "as", "ash", "at", "az", "an", "ar"))


def surname_key(word: str) -> str:
    """The form a surname is looked up by: lower case, no possessive, no Arabic article
    ("al-Sisi" and "Sisi" are one key). Asked again and again for the same few names."""
    key = _SURNAME_KEYS.get(word)
    if key is None:
        if len(_SURNAME_KEYS) > 50_000:
            _SURNAME_KEYS.clear()  # a bound on memory over a long corpus
        key = _SURNAME_KEYS[word] = _surname_key(word)
    return key


_SURNAME_KEYS: dict[str, str] = {}


def _surname_key(word: str) -> str:
    w = word.lower()
    if w.endswith(("’s", "'s")):
        w = w[:-2]
    dash = w.find("-", 1, 4)
    if dash != -1 and w[:dash] in _ARTICLE_PREFIXES and len(w) > dash + 3:
        return w[dash + 1 :]
    return w


def loose_key(word: str) -> str:
    """A surname's key without accents and with doubled letters made single: spellings of
    one name meet ("el-Sissi" and "al-Sisi", "Türk" and "Turk", "Abdellatty")."""
    key = surname_key(word)
    if not key.isascii():
        key = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    return "".join(c for i, c in enumerate(key) if i == 0 or c != key[i - 1])


# Short forms of first names that are not the start of the long one.
_FIRST_NAME_FORMS = {
    "tony": ("antony", "anthony"),
    "bill": ("william",),
    "bob": ("robert",),
    "bobby": ("robert",),
    "jim": ("james",),
    "jimmy": ("james",),
    "mike": ("michael",),
    "tom": ("thomas",),
    "dick": ("richard",),
    "rick": ("richard",),
    "jack": ("john",),
    "chuck": ("charles",),
    "liz": ("elizabeth",),
    "beth": ("elizabeth",),
    "peggy": ("margaret",),
    "ted": ("edward", "theodore"),
    "ned": ("edward",),
    "hank": ("henry",),
    "sandy": ("alexandra", "sandra"),
}


def same_first_name(a: str, b: str) -> bool:
    """Whether two first names are forms of one ("Matt" and "Matthew", "Tony" and
    "Antony"): equal, one the start of the other (three letters or more), or a known short
    form. Case is ignored."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 3 and long.startswith(short):
        return True
    return long in _FIRST_NAME_FORMS.get(short, ())


_TITLE_PREFIX_RE = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Mx|Miss)\.?\s+|(?:(?:U\.S\.|US|Israeli|Egyptian|Prime|Foreign"
    r"|Defense|Minister|President|Secretary|of|State|Senator|Sen\.|General|Gen\.)\s+)+)"
)


_INITIAL_RE = re.compile(r"[A-Z]\.")


def clean_name(name: str) -> str:
    """Strip honorific, leading titles and middle initials: "Antony J. Blinken" -> ..."""
    name = _TITLE_PREFIX_RE.sub("", name.strip())
    words = [w for w in name.split() if not _INITIAL_RE.fullmatch(w)]
    return " ".join(words)
