"""A street line said aloud and typed by speech-to-text: "onze bis rue des capucins".

Dictated notes write the house number in words and the street in lower case
("trois bis bd aristide briand", "dix-sept rue de la fraternité à montreuil").
`street_address.py` reads numbers in digits and names with capitals (or a
particle); here the number is a spoken one (two and more: "un chemin de
traverse" is prose), optionally "bis"/"ter", then a street type that a count
never takes in the singular (rue, avenue, boulevard, impasse, allée, chemin,
place, quai, route...), then the name: at most four words and their particles,
cut at a function word, a dictation word or a number word (the postal code said
next). The words come from `data/spoken_street_stops.txt`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from recognizers._data import lines
from recognizers._numbers import number_words, spelled_numbers
from recognizers._regex_entity import Candidate, _RegexEntityRecognizer
from recognizers.places._address_grammar import type_regex

SCORE = 0.8
MAX_NAME_WORDS = 4
# Singular street types that no count of common nouns takes ("trois cours de yoga").
_TYPES = ("place", "pl.", "quai", "route", "rte.", "faubourg")
_PARTICLES = frozenset({"de", "du", "des", "la", "le", "les", "l", "d"})


@cache
def _stops() -> frozenset[str]:
    return frozenset(lines("spoken_street_stops.txt")) | frozenset(number_words())


@cache
def _street_type() -> re.Pattern[str]:
    """The street type and the words after it: searched first, as types are rare."""
    strict = "|".join(
        re.escape(t[:-1]) + r"\." if t.endswith(".") else re.escape(t) for t in _TYPES
    )
    return re.compile(
        rf"(?<![\w'’-])(?P<type>{type_regex('street')}|(?i:{strict})(?![\w'’-]))"
        rf"(?P<name>(?:[ \t]+[\w'’-]+){{1,{MAX_NAME_WORDS * 2}}})"
    )


@cache
def _number_before() -> re.Pattern[str]:
    """A spoken house number (two and more) ending right before the type."""
    numbers = sorted((w for w, v in spelled_numbers().items() if v >= 2), key=len, reverse=True)
    number = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in numbers)
    return re.compile(rf"(?<![\w'’-])(?:{number})(?:\s+(?:bis|ter|quater))?\s+$", re.IGNORECASE)


def _name_end(text: str, start: int, end: int) -> int:
    """The end of the street's name: before the first stop word, at most four words."""
    last = start
    content = 0
    for word in re.finditer(r"[\w-]+", text[start:end]):
        folded = word.group().lower()
        if folded in _stops() or content == MAX_NAME_WORDS:
            break
        if folded not in _PARTICLES:
            content += 1
            last = start + word.end()
        elif content == 0:
            continue
    return last if content else start


class SpokenStreetRecognizer(_RegexEntityRecognizer):
    """ADDRESS: a street line whose house number is said in words."""

    ENTITY = "ADDRESS"

    def candidates(self, text: str) -> Iterator[Candidate]:
        for m in _street_type().finditer(text):
            number = _number_before().search(text, max(0, m.start() - 40), m.start())
            if not number:
                continue
            end = _name_end(text, m.start("name"), m.end("name"))
            if end > m.start("name"):
                yield number.start(), end, SCORE, {}
