"""Pseudonym pools, and the one way to draw from them.

Every pseudonym of every kind (first names, surnames, towns, regions,
organisation names, pets) is drawn by `Picker.pick`, under the same rules:

- the same key (an identity, a real surname) always gets the same value,
  within a run, across runs with the same seed, and across runs that share a
  mapping file;
- a value is never a real word of the scope (any capitalized word of the
  notes, any word of a detected name), a deny-listed word or a famous name;
- a value is never shared by two identities that meet in a note, and is
  shared by two identities of the folder only once every other value of the
  pool is taken;
- nothing is ever numbered: a pool that cannot serve a note raises
  `PoolExhausted` with its name, which only a note naming thousands of
  people of one kind can trigger.

The pools themselves are data files of `anonymize/data/` (INSEE first names by
decade of birth and surnames, the communes of the recognizers' gazetteer with
their population, invented organisation words), read once per process.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from recognizers.lexicons import first_name_gender, lines, table

from ..detect.identities import key_of
from ..errors import AnonymizeError

# Births of adults a coach meets when a note gives no age: these decades.
ADULT_DECADES = (1950, 1960, 1970, 1980, 1990)
# A generation pool smaller than this borrows the neighbouring decades.
MIN_GENERATION = 300


class PoolExhausted(AnonymizeError):
    """Every value of a pool is taken inside one note: nothing is written."""


def _rng(seed: int | None, key: str) -> random.Random:
    digest = hashlib.sha256(f"{seed}\x00{key}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


# -- the data -------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class FirstNames:
    """First names of one gender, each with the decades of birth it was frequent in."""

    names: tuple[str, ...]
    decades: dict[str, frozenset[int]]

    def for_generation(self, decade: int | None) -> tuple[str, ...]:
        """Names that fit a birth decade (adults of 1950-1990 when unknown)."""
        return _generation(self, decade)

    def _for_generation(self, decade: int | None) -> tuple[str, ...]:
        wanted = set(ADULT_DECADES) if decade is None else {decade}
        spread = 0
        while True:
            chosen = tuple(n for n in self.names if self.decades[n] & wanted)
            if len(chosen) >= MIN_GENERATION or spread > 3:
                return chosen or self.names
            spread += 1
            base = ADULT_DECADES if decade is None else (decade,)
            wanted = {d + k * 10 for d in base for k in range(-spread, spread + 1)}


@cache
def _generation(names: FirstNames, decade: int | None) -> tuple[str, ...]:
    return names._for_generation(decade)


@cache
def first_names() -> dict[str, FirstNames]:
    """Gender ('F', 'M') -> the first-name pool."""
    rows: dict[str, list[tuple[str, frozenset[int]]]] = {"F": [], "M": []}
    for name, gender, decades in table("pseudo_first_names.tsv", "anonymize"):
        rows[gender].append((name, frozenset(int(d) for d in decades.split(","))))
    return {g: FirstNames(tuple(n for n, _ in r), {n: d for n, d in r}) for g, r in rows.items()}


@cache
def surnames() -> tuple[str, ...]:
    return lines("pseudo_surnames.txt", "anonymize")


@cache
def words(name: str) -> tuple[str, ...]:
    """A plain word list of `anonymize/data/`."""
    return tuple(ln.strip() for ln in lines(name, "anonymize"))


@dataclass(frozen=True)
class Towns:
    """Communes usable as pseudonyms, by population (no article, no name-like word)."""

    names: tuple[str, ...]
    populations: tuple[int, ...]

    def similar(self, population: int | None, width: int = 150) -> tuple[str, ...]:
        """Communes of a size close to `population` (towns of 2,000-50,000 when unknown)."""
        if population is None:
            lo = bisect.bisect_left(self.populations, 2_000)
            hi = bisect.bisect_right(self.populations, 50_000)
            return self.names[lo:hi]
        i = bisect.bisect_left(self.populations, population)
        return self.names[max(0, i - width) : i + width]


@cache
def towns() -> Towns:
    rows = []
    seen: set[str] = set()
    for name, _dept, population, *_ in table("communes.tsv"):
        if not population.isdigit() or re.match(r"^(?:(?:Le|La|Les) |L['’])", name):
            continue
        first = re.split(r"[ -]", name)[0]
        if key_of(name) in seen or first_name_gender(first) or len(name) > 24:
            continue
        seen.add(key_of(name))
        rows.append((int(population), name))
    rows.sort()
    return Towns(tuple(n for _, n in rows), tuple(p for p, _ in rows))


@cache
def population_of() -> dict[str, int]:
    """Folded commune name -> its largest population (homonyms: the biggest)."""
    found: dict[str, int] = {}
    for name, _dept, population, *_ in table("communes.tsv"):
        if population.isdigit():
            key = key_of(name)
            found[key] = max(found.get(key, 0), int(population))
    return found


# -- drawing --------------------------------------------------------------------


class Picker:
    """Draws pseudonyms for a scope: stable per key, unique where identities meet.

    `table` is the mapping's memory (key -> value), shared with earlier runs;
    `forbidden` holds the folded words no pseudonym may contain (the scope's
    real words, the deny-list, the allow-list's famous names).
    """

    def __init__(self, seed: int | None, table: dict[str, str], forbidden: Iterable[str] = ()):
        self.seed = seed
        self.table = table
        self.forbidden: set[str] = set(forbidden)
        # pool name -> folded values already handed out, and by whom
        self._owners: dict[str, dict[str, set[str]]] = {}
        # key -> notes its identity appears in; note -> folded values used there
        self._in_note: dict[int, dict[str, str]] = {}
        self._full: set[str] = set()  # pools whose every value is taken folder-wide

    def allowed(self, value: str) -> bool:
        """Never a real word of the scope, a denied word or a famous name."""
        return not any(w in self.forbidden for w in key_of(value).split())

    def pick(
        self,
        key: str,
        pool_name: str,
        pool: Sequence[str],
        notes: Iterable[int] = (),
        accept: Callable[[str], bool] | None = None,
    ) -> str:
        """The value of `key`: remembered, else drawn from `pool`.

        `notes` are the notes the identity appears in: no other identity of
        those notes holds the value. `accept` narrows the pool further (a
        hyphenated first name for a hyphenated one) when it can.
        """
        notes = set(notes)
        known = self.table.get(key)
        if known is not None and self.allowed(known) and self._free(key, known, notes):
            self._take(key, known, pool_name, notes)
            return known
        if not pool:
            raise PoolExhausted(f"no pseudonym available for {pool_name}")
        choice = None
        passes = (
            [(True, True), (False, True), (False, False)]
            if accept
            else [(True, False), (False, False)]
        )
        for unique, narrow in passes:
            if unique and pool_name in self._full:
                continue
            for i in self._order(key, len(pool)):
                value = pool[i]
                if narrow and accept and not accept(value):
                    continue
                if not self.allowed(value) or not self._free(key, value, notes):
                    continue
                if unique and self._owners.get(pool_name, {}).get(key_of(value), {key}) != {key}:
                    continue
                choice = value
                break
            if choice is not None:
                break
            if unique and not narrow:
                self._full.add(pool_name)
        if choice is None:
            raise PoolExhausted(
                f"every {pool_name} pseudonym is already used in one note ({len(pool)} values)"
            )
        self._take(key, choice, pool_name, notes)
        return choice

    def remember(self, key: str, value: str, pool_name: str, notes: Iterable[int] = ()) -> str:
        """Record a value made outside the pools (a derived nickname, an acronym)."""
        self._take(key, value, pool_name, set(notes))
        return value

    def _order(self, key: str, n: int) -> Iterable[int]:
        """A permutation of range(n) drawn from the key: start and stride."""
        rng = _rng(self.seed, key)
        start = rng.randrange(n)
        stride = rng.randrange(1, n) if n > 2 else 1
        while math.gcd(stride, n) != 1:
            stride += 1
        return ((start + k * stride) % n for k in range(n))

    def _free(self, key: str, value: str, notes: set[int]) -> bool:
        """No other identity of these notes holds `value`."""
        folded = key_of(value)
        return all(self._in_note.get(n, {}).get(folded, key) == key for n in notes)

    def _take(self, key: str, value: str, pool_name: str, notes: set[int]) -> None:
        self.table[key] = value
        folded = key_of(value)
        self._owners.setdefault(pool_name, {}).setdefault(folded, set()).add(key)
        for n in notes:
            self._in_note.setdefault(n, {})[folded] = key
