"""The recognizers' lexicons, for the rest of the pipeline.

Replacement and propagation must agree with detection on what a month, a
first name or a common word is; they read the same lists through this module
instead of reaching into the recognizers' private helpers. `lines` and `table`
are the one reader of data files, for both packages: the pipeline reads its
own lists of `anonymize/data/` with `package="anonymize"`.
"""

from __future__ import annotations

from functools import cache

from recognizers._data import lines, table
from recognizers._fold import fold
from recognizers._gazetteer import lookup
from recognizers._names import PARTICLES, common_words
from recognizers.dates._fr_calendar import month_numbers

__all__ = [
    "fold",
    "is_common_word",
    "is_country",
    "is_surname_particle",
    "lines",
    "month_numbers",
    "never_a_name_alone",
    "place_kind",
    "table",
]


def is_common_word(word: str) -> bool:
    """A first name that is also an ordinary French word ('Rose', 'Pierre')."""
    return fold(word) in common_words()


@cache
def _not_alone() -> frozenset[str]:
    words = [*lines("name_stop_words.txt"), *lines("acronyms.txt"), *lines("org_suffixes.txt")]
    return frozenset(fold(w.strip()) for w in words)


def never_a_name_alone(word: str) -> bool:
    """A word of a name that names nobody by itself: 'Coaching' of 'Lenoir Coaching', 'SAS'."""
    return fold(word) in _not_alone()


@cache
def _countries() -> frozenset[str]:
    return frozenset(fold(line.split("\t")[0].strip()) for line in lines("countries.txt"))


def is_country(name: str) -> bool:
    return fold(name.strip()) in _countries()


def is_surname_particle(word: str) -> bool:
    """A particle that belongs to the surname after it: `de` Kerviler, `Le` Gall."""
    return fold(word) in PARTICLES


def place_kind(name: str) -> str:
    """The likeliest reading of a place name in the gazetteer: commune, department,
    region, country, foreign_city; "" if unknown. Replacement needs it when the
    place came from spaCy, which says LOCATION and nothing more."""
    entry = lookup(name)
    return entry.best.kind if entry else ""
