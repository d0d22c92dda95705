"""The French place gazetteer: one Aho-Corasick automaton over every place name.

Communes, their colloquial short forms, departments, regions, countries and
foreign cities are matched in one pass over the text (O(text)), on a folded
copy of it: lower-cased, accents stripped, hyphens as spaces, character by
character so offsets do not move. `Nuits Saint Georges`, `NUITS-ST-GEORGES`
and `Nuits-Saint-Georges` are the same key. Case is then checked on the
original text: a place is written with a capital, a common word is not.

Shared by the LOCATION recognizers and, for their place lookups, the ORG ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from recognizers._data import lines, table
from recognizers._fold import Folder

# Official articles of commune names (INSEE): kept inside a span when written
# with a capital (`La Ciotat`), outside when lower-case or contracted (`au Croisic`).
ARTICLES = ("Le ", "La ", "Les ", "L'", "Aux ", "Las ", "Los ")
# Words that do not need a capital inside a compound place name.
PARTICLES = frozenset(
    [
        "de",
        "du",
        "des",
        "d",
        "la",
        "le",
        "les",
        "l",
        "sur",
        "sous",
        "en",
        "lès",
        "lez",
        "les",
        "et",
        "aux",
        "au",
        "à",
        "y",
        "sainte",
        "saint",
        "st",
        "ste",
    ]
)
# Which record names a key shared by several kinds, from most to least likely.
KIND_ORDER = ("department", "region", "commune", "foreign_city", "country")
# A town this large is the likeliest reading of its name (`Paris` the commune,
# not the department; `Montréal` in Québec, not the village in the Aude).
BIG_COMMUNE = 50_000
BIG_FOREIGN_CITY = 500_000


@dataclass(frozen=True)
class Place:
    """One gazetteer record."""

    name: str  # as written in the data, official article included
    kind: str  # commune, department, region, foreign_city, country
    population: int = 0
    article: str = ""  # the official article, "" if none
    alias_of: str = ""  # for a colloquial short form, the full commune name


@dataclass(frozen=True)
class Entry:
    """What one folded key stands for."""

    places: tuple[Place, ...]
    ambiguous: bool  # also a common word or a person's name: needs context

    @property
    def best(self) -> Place:
        """The likeliest reading: a big town, then a department, a region, a town."""

        def rank(p: Place) -> tuple[int, int]:
            if p.kind == "commune" and p.population >= BIG_COMMUNE:
                return 0, -p.population
            if p.kind == "foreign_city" and p.population >= BIG_FOREIGN_CITY:
                return 1, -p.population
            return 2 + KIND_ORDER.index(p.kind), -p.population

        return min(self.places, key=rank)

    @property
    def needs_article(self) -> bool:
        """True when every reading of the key starts with an official article."""
        return all(p.article for p in self.places)

    @property
    def articles(self) -> frozenset[str]:
        return frozenset(p.article.strip() for p in self.places if p.article)

    @property
    def is_alias(self) -> bool:
        return all(p.alias_of for p in self.places)

    @property
    def only_country(self) -> bool:
        return all(p.kind == "country" for p in self.places)


@dataclass(frozen=True)
class Hit:
    """A gazetteer match on the text, before any context decision."""

    start: int
    end: int
    entry: Entry


_FOLD_MAP = {"’": "'", "‘": "'", "-": " ", "‐": " ", "‑": " ", "–": " ", "\t": " ", "\u00a0": " "}


_FOLD = Folder(_FOLD_MAP)


def fold(text: str) -> str:
    """Lower-case, accent-free, hyphen-free copy of `text`, of the same length."""
    return _FOLD.fold(text)


def _key(name: str) -> str:
    """Folded key of a data name, with `saint(e)` in full and single spaces."""
    return " ".join(fold(name).split())


def _variants(key: str) -> set[str]:
    """The key plus its abbreviated `St`/`Ste` spellings."""
    out = {key}
    if "saint" not in key:
        return out
    words = key.split(" ")
    for i, w in enumerate(words):
        if w in ("saint", "sainte"):
            for v in list(out):
                vw = v.split(" ")
                vw[i] = "st" if w == "saint" else "ste"
                out.add(" ".join(vw))
    return out


_ARTICLE = re.compile("|".join(re.escape(a) for a in sorted(ARTICLES, key=len, reverse=True)))


def _split_article(name: str) -> tuple[str, str]:
    m = _ARTICLE.match(name)
    if m and len(name) > m.end():
        return m.group(), name[m.end() :]
    return "", name


def _records() -> list[Place]:
    places: list[Place] = []
    for name, _dept, pop, _kind in table("communes.tsv"):
        art, _ = _split_article(name)
        places.append(Place(name, "commune", int(pop), art))
    for alias, full, _dept, pop in table("commune_aliases.tsv"):
        places.append(Place(alias, "commune", int(pop), "", full))
    for _code, name in table("departments.tsv"):
        art, _ = _split_article(name)
        places.append(Place(name, "department", 0, art))
    for name in lines("regions.txt"):
        places.append(Place(name, "region"))
    for name in lines("countries.txt"):
        art, _ = _split_article(name)
        places.append(Place(name, "country", 0, art))
    for name, _cc, pop in table("foreign_cities.tsv"):
        art, _ = _split_article(name)
        places.append(Place(name, "foreign_city", int(pop), art))
    return places


@cache
def automaton() -> ahocorasick.Automaton:
    """Folded key (official article removed) -> (key length, Entry), for every place."""
    ambiguous = {_key(n) for n in lines("place_ambiguous.txt")}
    grouped: dict[str, list[Place]] = {}
    for place in _records():
        art, bare = _split_article(place.name)
        keys = {_key(bare)}
        if art and place.kind != "commune":
            # A department or country with an article is also written without.
            keys.add(_key(place.name))
        for key in keys:
            for variant in _variants(key):
                grouped.setdefault(variant, []).append(place)
    auto = ahocorasick.Automaton()
    for key, places in grouped.items():
        amb = key in ambiguous or (("st " in key or "ste " in key) and _key_base(key) in ambiguous)
        auto.add_word(key, (len(key), Entry(tuple(places), amb)))
    auto.make_automaton()
    return auto


def _key_base(key: str) -> str:
    """`st nazaire` -> `saint nazaire`, to share the ambiguity of the full form."""
    words = key.split(" ")
    return " ".join("saint" if w == "st" else "sainte" if w == "ste" else w for w in words)


def _boundary_ok(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_")


_WORDS = re.compile(r"[^\W\d_]+|\d+")


def capitalized(surface: str) -> bool:
    """Every significant word of a place name starts with a capital (or is all caps)."""
    words = _WORDS.findall(surface)
    if not words or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w.lower() in PARTICLES for w in words)


def scan(text: str) -> list[Hit]:
    """Leftmost-longest, whole-word, capitalized gazetteer matches."""
    folded = fold(text)
    found: list[Hit] = []
    for end_index, (length, entry) in automaton().iter(folded):
        start, end = end_index - length + 1, end_index + 1
        if not _boundary_ok(text, start, end) or not capitalized(text[start:end]):
            continue
        found.append(Hit(start, end, entry))
    found.sort(key=lambda h: (h.start, -(h.end - h.start)))
    chosen: list[Hit] = []
    last_end = -1
    for hit in found:
        if hit.start >= last_end:
            chosen.append(hit)
            last_end = hit.end
    return chosen


@cache
def department_and_region_names() -> frozenset[str]:
    """Folded names of departments and regions (for ORG branch names)."""
    names = {_key(n) for _c, n in table("departments.tsv")}
    names |= {_key(n) for n in lines("regions.txt")}
    return frozenset(names)


def lookup(name: str) -> Entry | None:
    """The entry of an exact place name, if any."""
    value = automaton().get(_key(name), None)
    return value[1] if value else None
