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
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from recognizers.lexicons import first_name_gender, lines, table

from ..detect.identities import key_of
from ..errors import AnonymizeError

# Births of adults a coach meets when a note gives no age: these decades.
ADULT_DECADES = (1950, 1960, 1970, 1980, 1990)
# First names are drawn among the most given of a generation first, then wider:
# (how many of each decade's most given names, how many decades around it).
TYPICAL = ((100, 0), (300, 0), (300, 1), (None, 2), (None, 9))


# Words of a pseudonym that no real name makes forbidden: "du Parc", "Les Saules".
FUNCTION_WORDS = frozenset(
    {"de", "du", "des", "la", "le", "les", "d", "l", "et", "en", "au", "aux"}
)


class PoolExhausted(AnonymizeError):
    """Every value of a pool is taken inside one note: nothing is written."""


def _rng(seed: int | None, key: str) -> random.Random:
    digest = hashlib.sha256(f"{seed}\x00{key}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


# -- the data -------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class FirstNames:
    """First names of one gender, each with its rank in the decades of birth it
    was frequent in (INSEE: 1 is the most given name of the decade)."""

    names: tuple[str, ...]
    ranks: dict[str, dict[int, int]]

    @property
    def decades(self) -> dict[str, frozenset[int]]:
        return {n: frozenset(r) for n, r in self.ranks.items()}

    def for_generation(
        self, decade: int | None, top: int | None = None, spread: int = 0
    ) -> tuple[str, ...]:
        """Names that fit a birth decade (adults of 1950-1990 when unknown), within
        `spread` decades of it, among the `top` most given of those decades when
        `top` is set: a 38-year-old is "Julien" or "Aurélie", rarely "Gilberte"."""
        return _generation(self, decade, top, spread)


@cache
def _generation(
    names: FirstNames, decade: int | None, top: int | None, spread: int
) -> tuple[str, ...]:
    limit = top or 10**9
    base = ADULT_DECADES if decade is None else (decade,)
    wanted = {d + k * 10 for d in base for k in range(-spread, spread + 1)}
    return tuple(
        n for n in names.names if any(r <= limit for d, r in names.ranks[n].items() if d in wanted)
    )


@cache
def first_names() -> dict[str, FirstNames]:
    """Gender ('F', 'M') -> the first-name pool."""
    rows: dict[str, list[tuple[str, dict[int, int]]]] = {"F": [], "M": []}
    for name, gender, decades in table("pseudo_first_names.tsv", "anonymize"):
        ranks = {int(d): int(r) for d, r in (cell.split(":") for cell in decades.split(","))}
        rows[gender].append((name, ranks))
    return {g: FirstNames(tuple(n for n, _ in r), dict(r)) for g, r in rows.items()}


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
def towns_by_department() -> dict[str, tuple[tuple[str, int], ...]]:
    """Department code -> its pseudonym communes (those of `towns()`) with their
    population, so that a note's towns can stay neighbours."""
    allowed = set(towns().names)
    out: dict[str, list[tuple[str, int]]] = {}
    for name, dept, population, *_ in table("communes.tsv"):
        if name in allowed and population.isdigit():
            out.setdefault(dept, []).append((name, int(population)))
    return {d: tuple(rows) for d, rows in out.items()}


def towns_in(department: str, population: int | None, size: int = 40) -> tuple[str, ...]:
    """The communes of `department` closest in size to `population`."""
    rows = towns_by_department().get(department, ())
    target = math.log(population or 5_000)
    ranked = sorted(rows, key=lambda r: (abs(math.log(max(r[1], 1)) - target), r[0]))
    return tuple(name for name, _ in ranked[:size])


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


# Beyond this many values in one note (a dictated book), names are only kept apart.
CLOSE_CHECK = 400


def _close(a: str, b: str) -> bool:
    """Two folded names a reader could take for each other."""
    if a == b or abs(len(a) - len(b)) > 2 or a[:1] != b[:1]:
        return a == b
    return SequenceMatcher(None, a, b).ratio() >= 0.8


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
        self._full: set[tuple[str, int]] = set()  # pools whose every value is taken folder-wide

    def allowed(self, value: str, common: Collection[str] = ()) -> bool:
        """Never a real word of the scope, a denied word or a famous name. Articles
        and prepositions are nobody's ("de la Gare" beside "Anne de La Tour"), nor
        the `common` words of a pool ("Banque", "Institut" in real bank names)."""
        return not any(
            w in self.forbidden
            for w in key_of(value).split()
            if w not in FUNCTION_WORDS and w not in common
        )

    def pick(
        self,
        key: str,
        pool_name: str,
        pool: Sequence[str],
        notes: Iterable[int] = (),
        accept: Callable[[str], bool] | None = None,
        common: Collection[str] = (),
    ) -> str:
        """The value of `key`: remembered, else drawn from `pool`.

        `notes` are the notes the identity appears in: no other identity of
        those notes holds the value. `accept` narrows the pool further (a
        hyphenated first name for a hyphenated one) when it can.
        """
        notes = set(notes)
        known = self.table.get(key)
        if known is not None and self.allowed(known, common) and self._free(key, known, notes):
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
            if unique and (pool_name, len(pool)) in self._full:
                continue
            for i in self._order(key, len(pool)):
                value = pool[i]
                if narrow and accept and not accept(value):
                    continue
                if not self.allowed(value, common) or not self._free(key, value, notes):
                    continue
                if unique and self._owners.get(pool_name, {}).get(key_of(value), {key}) != {key}:
                    continue
                choice = value
                break
            if choice is not None:
                break
            if unique and not narrow:
                self._full.add((pool_name, len(pool)))
        if choice is None:
            raise PoolExhausted(
                f"every {pool_name} pseudonym is already used in one note ({len(pool)} values)"
            )
        self._take(key, choice, pool_name, notes)
        return choice

    def pick_any(
        self,
        key: str,
        pools: Sequence[tuple[str, Sequence[str]]],
        notes: Iterable[int] = (),
        accept: Callable[[str], bool] | None = None,
        common: Collection[str] = (),
    ) -> str:
        """`pick` from the first of `pools` (name, values) that still has a value for
        `key`: a narrow pool that fits best ("the towns of the department the note's
        towns moved to"), then wider ones, so a note never empties the only pool."""
        notes = set(notes)
        for n, (pool_name, pool) in enumerate(pools):
            try:
                return self.pick(key, pool_name, pool, notes, accept=accept, common=common)
            except PoolExhausted:
                if n == len(pools) - 1:
                    raise
        raise PoolExhausted(f"no pool for {key}")

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
        """No other identity of these notes holds `value`, or a value a reader
        would mix up with it ("May-Line" beside "Mary-Line", "Julie" beside "Julien")."""
        folded = key_of(value)
        for n in notes:
            taken = self._in_note.get(n, {})
            if taken.get(folded, key) != key:
                return False
            if len(taken) <= CLOSE_CHECK and any(
                owner != key and _close(folded, other) for other, owner in taken.items()
            ):
                return False
        return True

    def _take(self, key: str, value: str, pool_name: str, notes: set[int]) -> None:
        self.table[key] = value
        folded = key_of(value)
        self._owners.setdefault(pool_name, {}).setdefault(folded, set()).add(key)
        for n in notes:
            self._in_note.setdefault(n, {})[folded] = key
