"""Towns written in lower case where the sentence says they are towns: `domiciliée à caluire`.

Dictation software and hurried notes write place names in lower case, and the
gazetteer recognizer (`place_gazetteer.py`) rightly reads a lower-case word as
a common word: `à côté`, `à pied`, `la mer`. Some frames leave no doubt, and
there a commune the gazetteer knows is the town even in lower case:

- a word that says where someone lives, was born or comes from, with its
  preposition (`habite à`, `née à`, `originaire de`: data/place_home_cues.txt);
- a street just named on the same line (`dix-sept rue de la fraternité à
  montreuil`);
- an institution whose official name takes its town (`centre
  médico-psychologique de montreuil`, `hôpital de caluire`: the heads flagged
  `town` in data/org_heads.tsv);
- a doctor's name, then where the doctor practises (`adressée par le docteur
  pelletier de caluire`).

Even there, an ordinary word (`né à terme`, `vit à part`, `habite à côté`) is
left alone, and so is a village whose name the gazetteer marks ambiguous (also
a name or a word: `habite à mer`): only the frame is certain, not the word.
A town of 10,000 people or more is the town (`née à tours`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from recognizers._data import lines, table
from recognizers._fold import fold
from recognizers._regex_entity import Candidate, _RegexEntityRecognizer
from recognizers.lexicons import is_town_in_lower_case

SCORE = 0.75
# A lower-case place name: one word, hyphens inside (`saint-denis`,
# `caluire-et-cuire`), or up to three words (`aix en provence`).
_NAME = re.compile(r"[a-zà-öø-ÿœæ]+(?:[-' ][a-zà-öø-ÿœæ]+){0,5}")
# Titles of a doctor, whose town follows the name: `le docteur pelletier de caluire`.
TITLES = ("docteur", "docteure", "dr", "professeur", "professeure", "pr")
# What a street frame may hold between the street type and `à`: no sentence break.
_STREET_GAP = r"[^,.;:!?()\n]{1,50}?"


def _forms(phrase: str) -> list[str]:
    """A phrase as written and without its accents (`née à`, `nee a`)."""
    return sorted({phrase.lower(), fold(phrase)})


def _alternation(phrases: Iterable[str]) -> str:
    """Longest first, any run of spaces between the words, `'` or `’`."""
    alts = set()
    for phrase in phrases:
        for form in _forms(phrase):
            alts.add(re.escape(form).replace(r"\ ", r"\s+").replace("'", "['’]"))
    return "|".join(sorted(alts, key=len, reverse=True))


@cache
def _frames() -> re.Pattern:
    """The four frames, each ending where the town starts (a lower-case letter)."""
    cues = lines("place_home_cues.txt")
    streets = [r[0].rstrip(".") for r in table("address_street_types.tsv") if r[1] == "street"]
    heads = [
        r[0]
        for r in table("org_heads.tsv")
        if len(r) > 2 and "town" in r[2].split(",") and not r[0].isupper()
    ]
    home = rf"(?:{_alternation(cues)})(?<=['’])\s*|(?:{_alternation(cues)})\s+"
    street = rf"(?:{_alternation(streets)})\.?\s{_STREET_GAP}\s(?:a|à)\s+"
    head = rf"(?:{_alternation(heads)})\s+(?:de\s+|d['’]\s*)"
    lower_word = r"(?-i:[a-zà-öø-ÿœæ][a-zà-öø-ÿœæ-]*)"
    titled = rf"(?:{_alternation(TITLES)})\.?\s+(?:{lower_word}\s+){{1,2}}(?:de\s+|d['’]\s*)"
    return re.compile(
        rf"(?<![\w-])(?:{home}|{street}|{head}|{titled})(?=(?-i:[a-zà-öø-ÿœæ]))", re.IGNORECASE
    )


def town_at(text: str, start: int) -> tuple[int, str] | None:
    """(end, kind) of the longest lower-case commune or foreign city the gazetteer
    knows at `start`, no ordinary word and not ambiguous; None otherwise."""
    m = _NAME.match(text, start)
    if m is None:
        return None
    words = list(re.finditer(r"[^-' ]+", m.group()))
    for n in range(len(words), 0, -1):
        end = start + words[n - 1].end()
        name = text[start:end]
        if end < len(text) and (text[end].isalnum() or text[end] in "-'’"):
            continue
        kind = is_town_in_lower_case(name)
        if kind:
            return end, kind
    return None


class LowerCaseTownRecognizer(_RegexEntityRecognizer):
    """LOCATION: a lower-case commune after `habite à`, `née à`, a street, `hôpital de`."""

    ENTITY = "LOCATION"

    def candidates(self, text: str) -> Iterator[Candidate]:
        for m in _frames().finditer(text):
            found = town_at(text, m.end())
            if found is not None:
                yield m.end(), found[0], SCORE, {"kind": found[1]}
