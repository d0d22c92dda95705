"""Lookup lists for replacement, loaded once per process.

Pseudonym pools live in `anonymize/data/`; the first-name genders and the
gazetteer are the recognizers' own lists, so detection and replacement agree.
"""

from __future__ import annotations

from functools import cache

from recognizers.lexicons import lines

from ..detect.identities import normalize


@cache
def pseudo_first_names() -> dict[str, tuple[str, ...]]:
    """Gender ('F'/'M') -> first names for pseudonyms."""
    pools: dict[str, list[str]] = {"F": [], "M": []}
    for line in lines("pseudo_first_names.tsv", package="anonymize"):
        name, gender = line.split("\t")[:2]
        pools[gender].append(name)
    return {g: tuple(names) for g, names in pools.items()}


@cache
def pseudo_surnames() -> tuple[str, ...]:
    return tuple(lines("pseudo_surnames.txt", package="anonymize"))


@cache
def first_name_genders() -> dict[str, str]:
    """Normalized first name -> 'F', 'M' or 'X', from the recognizers' lexicon."""
    genders: dict[str, str] = {}
    for line in lines("first_names.tsv"):
        parts = line.split("\t")
        if len(parts) >= 2:
            genders.setdefault(normalize(parts[0]), parts[1])
    for gender, names in pseudo_first_names().items():
        for name in names:
            genders.setdefault(normalize(name), gender)
    return genders


def gender_of_first_name(name: str) -> str | None:
    gender = first_name_genders().get(normalize(name))
    return gender if gender in ("F", "M") else None


def is_first_name(name: str) -> bool:
    return normalize(name) in first_name_genders()


@cache
def communes() -> tuple[tuple[str, int], ...]:
    """(name, population) of French communes, from the recognizers' gazetteer."""
    rows = []
    for line in lines("communes.tsv"):
        parts = line.split("\t")
        if len(parts) >= 3 and parts[2].strip().isdigit():
            rows.append((parts[0], int(parts[2])))
    return tuple(rows)


@cache
def fallback_towns() -> tuple[str, ...]:
    return tuple(lines("pseudo_towns.txt", package="anonymize"))


@cache
def words(name: str) -> tuple[str, ...]:
    """A plain word list of `anonymize/data/`."""
    return tuple(ln.strip() for ln in lines(name, package="anonymize"))
