"""French numbers written in words: the one owner of the number words.

Ages (`vingt-deux ans`), dictated dates (`le trente et un mai`) and dictated
phone numbers (`zéro six, trente-neuf, ...`) are read with these words; the
coarsened age and the fictitious dictated phone number are written with them.
Everything comes from `data/number_words.tsv`; the rest of the pipeline
reaches these functions through `recognizers.lexicons`.
"""

from __future__ import annotations

import re
from functools import cache

from recognizers._data import table

# Roles of the words that compose an ordinary number (an age, a day).
_ATOM_ROLES = frozenset({"unit", "teen", "ten", "hundred"})


@cache
def number_words() -> dict[str, tuple[int, str]]:
    """Every number word -> (value, role): zero, unit, teen, ten, hundred, eighty, and."""
    return {row[0]: (int(row[1]), row[2]) for row in table("number_words.tsv")}


@cache
def _atoms() -> dict[str, int]:
    """The words that compose an ordinary number, 1-100 (`un`, `seize`, `vingt`, `cent`)."""
    return {w: value for w, (value, role) in number_words().items() if role in _ATOM_ROLES}


@cache
def spelled_numbers() -> dict[str, int]:
    """Spelled-out numbers 1-110, both classic and 1990 spellings."""
    atoms = _atoms()
    words = {value: [w for w, v in atoms.items() if v == value] for value in set(atoms.values())}
    spelled: dict[str, int] = dict(atoms)
    for unit in ("sept", "huit", "neuf"):
        spelled[f"dix-{unit}"] = 10 + atoms[unit]
    teens = {w: v for w, v in spelled.items() if 10 <= v <= 19}
    for tens in ("vingt", "trente", "quarante", "cinquante", "soixante"):
        for one in words[1]:
            spelled[f"{tens} et {one}"] = atoms[tens] + 1
            spelled[f"{tens}-et-{one}"] = atoms[tens] + 1
        for unit, value in atoms.items():
            if 2 <= value <= 9:
                spelled[f"{tens}-{unit}"] = atoms[tens] + value
    for teen, value in teens.items():
        joiner = " et " if value == 11 else "-"
        spelled[f"soixante{joiner}{teen}"] = 60 + value
        spelled[f"soixante-et-{teen}" if value == 11 else f"soixante-{teen}"] = 60 + value
        spelled[f"quatre-vingt-{teen}"] = 80 + value
    spelled["quatre-vingts"] = 80
    for unit, value in atoms.items():
        if 1 <= value <= 9:
            spelled[f"quatre-vingt-{unit}"] = 80 + value
        if 1 <= value <= 10:
            spelled[f"cent {unit}"] = 100 + value
    return spelled


def parse_spelled(text: str) -> int | None:
    """Value of a French number written in words, up to 99 ('vingt-deux', 'soixante et onze').

    The words are added up (`soixante dix-sept` = 60 + 10 + 7), `quatre vingt(s)`
    is 80; None when a word is no number word.
    """
    words = _atoms()
    current = 0
    tokens = [t for t in re.split(r"[\s\-]+", text.lower()) if t and t != "et"]
    if not tokens:
        return None
    for tok in tokens:
        if tok in ("vingts", "vingt") and current == 4:
            current = 80
            continue
        if tok not in words:
            return None
        current += words[tok]
    return current


@cache
def _written() -> tuple[tuple[str, ...], dict[int, str]]:
    """The word written for 0-16 (by value) and for each ten (by tens digit)."""
    small: dict[int, str] = {}
    tens: dict[int, str] = {}
    for word, (value, role) in number_words().items():
        if role in ("zero", "unit", "teen"):
            small.setdefault(value, word)
        elif role == "ten":
            tens.setdefault(value // 10, word)
    return tuple(small[v] for v in range(len(small))), tens


def spell_number(n: int) -> str:
    """0..99 in French words, as a phone number is dictated."""
    units, tens_words = _written()
    if n < len(units):
        return units[n]
    if n < 20:
        return "dix-" + units[n - 10]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):
        base = "soixante" if tens == 7 else "quatre-vingt"
        rest = n - (60 if tens == 7 else 80)
        joiner = " et " if rest == 11 and tens == 7 else "-"
        return base + joiner + spell_number(rest)
    if tens == 8:
        return "quatre-vingts" if unit == 0 else "quatre-vingt-" + units[unit]
    word = tens_words[tens]
    if unit == 0:
        return word
    return word + (" et un" if unit == 1 else "-" + units[unit])
