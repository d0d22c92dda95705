"""The recognizers' lexicons, for the rest of the pipeline.

Replacement and propagation must agree with detection on what a month, a
first name or a common word is; they read the same lists through this module
instead of reaching into the recognizers' private helpers. `lines` and `table`
are the one reader of data files, for both packages: the pipeline reads its
own lists of `anonymize/data/` with `package="anonymize"`.

`is_ordinary_word` answers "is this capitalised word just an ordinary French or
English word?" from the general lexicons `common_words_fr.txt` and
`common_words_en.txt` (built by tools/build_common_words.py), which leave out
every frequent name, town, region and country.
"""

from __future__ import annotations

import re
from functools import cache

from recognizers._data import lines, table, words
from recognizers._fold import fold
from recognizers._gazetteer import Entry, lookup
from recognizers._names import (
    PARTICLES,
    _caps_line,
    common_words,
    first_name,
    given_as_first_name,
    particles_never_alone,
    person_words,
    relation_words,
    surnames,
    titles,
)
from recognizers._names import is_acronym as _is_acronym
from recognizers._numbers import number_words, parse_spelled, spell_number, spelled_numbers
from recognizers._proper_names import LEGAL_FORM
from recognizers.dates._fr_calendar import month_numbers

__all__ = [
    "TRAILING_LEGAL_FORM",
    "first_name_gender",
    "fold",
    "given_as_first_name",
    "in_domain_lists",
    "is_acronym",
    "is_common_acronym",
    "is_common_word",
    "is_country",
    "is_domain_word",
    "is_first_name",
    "is_ordinary_word",
    "is_role_word",
    "is_surname",
    "is_surname_particle",
    "is_town_in_lower_case",
    "line_in_capitals",
    "lines",
    "month_numbers",
    "never_a_name_alone",
    "number_words",
    "ordinary_word_languages",
    "org_head",
    "org_heads",
    "parse_spelled",
    "particles_never_alone",
    "place_entry",
    "place_kind",
    "place_population",
    "relation_words",
    "spell_number",
    "spelled_numbers",
    "table",
    "titles",
]


def is_common_word(word: str) -> bool:
    """A first name that is also an ordinary French word ('Rose', 'Pierre').

    Not to be confused with `is_ordinary_word`, its opposite: 'Rose' is a name
    that is a word, so it is a common word here and never an ordinary word there.
    """
    return fold(word) in common_words()


# The general lexicons, by language; the files are stored folded.
ORDINARY_WORD_FILES = {"fr": "common_words_fr.txt", "en": "common_words_en.txt"}
_HYPHEN = re.compile("[-\u2010\u2011]")
# An elided article or pronoun glued to the word: "l'Infrastructure", "d'Innovation".
_ELIDED = re.compile(r"(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=.)")


@cache
def _ordinary_words() -> tuple[tuple[str, frozenset[str]], ...]:
    """Loaded on first use, not at import: about 100,000 words, a split and a set each."""
    return tuple((lang, words(name)) for lang, name in ORDINARY_WORD_FILES.items())


def ordinary_word_languages(word: str) -> tuple[str, ...]:
    """The languages ("fr", "en", in that order) in which `word` is an ordinary word.

    Case and accents do not count ('CONFORME', 'criticite'). A hyphenated word
    that the lexicons lack is ordinary in the languages of its parts when every
    part is ordinary and the whole is not a place ('Product-Owner' is; 'Saint-Cloud'
    and 'Bourg-la-Reine' are not). An elided 'l'', 'd'', 'qu''... is skipped.
    Frequent first names, surnames, towns, regions and countries never are ordinary
    words: see the files' headers.
    """
    key = fold(word.strip())
    found = _languages(key)
    if found or not key:
        return found
    elided = _ELIDED.match(key)
    if elided:
        return ordinary_word_languages(key[elided.end() :])
    parts = _HYPHEN.split(key)
    if len(parts) < 2 or not all(parts):
        return ()
    per_part = [ordinary_word_languages(part) for part in parts]
    if not all(per_part) or lookup(word) is not None:
        return ()
    return tuple(lang for lang in ORDINARY_WORD_FILES if any(lang in p for p in per_part))


def _languages(key: str) -> tuple[str, ...]:
    return tuple(lang for lang, known in _ordinary_words() if key in known)


def is_ordinary_word(word: str) -> bool:
    """An ordinary French or English word, not a name: 'Direction', 'Partner', 'CONFORME'.

    'Martin', 'Petit', 'Rose' or 'Orange' are not: a word that is also a frequent
    name or place is a name when capitalised. See `ordinary_word_languages`.
    """
    return bool(ordinary_word_languages(word))


@cache
def _domain_listed() -> frozenset[str]:
    """Medicines, eponyms of diseases, signs and scales, products (anonymize's
    `data/strict_words.txt`, several words a line), folded."""
    words = (w for line in lines("strict_words.txt", package="anonymize") for w in line.split())
    return frozenset(fold(w) for w in words)


def in_domain_lists(word: str) -> bool:
    """A word of the clinical and technical lists, even one that is also a name
    ("Babinski", "Turner"): the caller decides from the frame."""
    return fold(word.strip()) in _domain_listed()


def is_domain_word(word: str) -> bool:
    """A word of clinical or technical prose that names nobody: "Xanax",
    "Glasgow" (the scale), "Novorapid"; never a first name or a surname of the
    lexicons."""
    return in_domain_lists(word) and not (is_first_name(word) or is_surname(word))


@cache
def _common_acronyms() -> frozenset[str]:
    return frozenset(fold(w.strip()) for w in lines("common_acronyms.txt"))


def is_common_acronym(word: str) -> bool:
    """An acronym of business prose that names a committee, a department, a role
    or a document, never one organisation: 'COMEX', 'DPO', 'NDA', 'KPI'."""
    return fold(word.strip()) in _common_acronyms()


@cache
def _not_alone() -> frozenset[str]:
    words = [*lines("name_never_words.txt"), *lines("acronyms.txt"), *lines("org_suffixes.txt")]
    return frozenset(fold(w.strip()) for w in words)


def never_a_name_alone(word: str) -> bool:
    """A word of a name that names nobody by itself: 'Coaching' of 'Lenoir Coaching', 'SAS'."""
    return fold(word) in _not_alone()


@cache
def _countries() -> frozenset[str]:
    return frozenset(fold(line.split("\t")[0].strip()) for line in lines("countries.txt"))


def is_country(name: str) -> bool:
    return fold(name.strip()) in _countries()


def is_role_word(word: str) -> bool:
    """A role or relation noun ('Pédiatre', 'Infirmière', 'Conjoint'): names no one."""
    return fold(word) in person_words()


def is_surname_particle(word: str) -> bool:
    """A particle that belongs to the surname after it: `de` Kerviler, `Le` Gall."""
    return fold(word) in PARTICLES


def place_entry(name: str, aliases: bool = True):
    """The gazetteer's best place for a name as written, its article included
    ("La Tremblade", "Le Mans"); with `aliases=False`, only the place itself,
    not a short form of another ("Guillaume" of Bois-Guillaume)."""
    name = name.strip()
    entry = lookup(name)
    place = entry.best if entry else None
    # "Liège" is the Belgian city, not the hamlet "Le Liège": a commune whose
    # official article is not written loses to the other readings
    if (
        entry is not None
        and place is not None
        and place.article
        and place.kind == "commune"
        and not fold(name).startswith(fold(place.article).strip())
    ):
        others = [p for p in entry.places if not (p.kind == "commune" and p.article)]
        if others:
            place = Entry(tuple(others), entry.ambiguous).best
    if place is None:
        m = re.match(r"^(Le|La|Les|L['’])\s*(.+)$", name)
        if m:
            entry = lookup(m.group(2))
            article = m.group(1).lower().replace("’", "'")
            if entry and entry.best.article.strip().lower().replace("’", "'") == article:
                place = entry.best
    if place is not None and not aliases and place.alias_of:
        return None
    return place


def place_kind(name: str) -> str:
    """The likeliest reading of a place name in the gazetteer: commune, department,
    region, country, foreign_city; "" if unknown. Replacement needs it when the
    place came from spaCy, which says LOCATION and nothing more."""
    place = place_entry(name)
    return place.kind if place else ""


def first_name_gender(word: str) -> str | None:
    """'F', 'M' or 'X' (either) for a first name of the INSEE lexicon, None otherwise.

    Capitalized or ALL-CAPS words only, as the recognizers read them; a
    hyphenated chain of first names takes the gender of its first part."""
    if not word[:1].isupper():
        word = word[:1].upper() + word[1:]
    entry = first_name(word)
    return entry.gender if entry else None


def is_surname(word: str) -> bool:
    """A surname of the INSEE lists ('Marchand', 'LE GALL' is two words)."""
    return fold(word) in surnames()


@cache
def org_heads() -> tuple[tuple[str, str, bool], ...]:
    """(head, kind, a town after "de" belongs to the name), longest head first."""
    rows = []
    for row in table("org_heads.tsv"):
        flags = set(row[2].split(",")) if len(row) > 2 else set()
        rows.append((row[0], row[1], "town" in flags))
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


def org_head(name: str, hint: str = "") -> tuple[str, str, bool] | None:
    """The head noun opening an organisation's name, as written, with its kind
    and whether a town after "de" belongs to the name: 'CHU de Poitiers' ->
    ('CHU', 'hospital', True); 'Judo Club Agenais' -> ('Judo Club', 'club', False).

    `hint` is the head a recognizer already saw; the head may follow at most
    two words ("Judo Club"), as in the recognizers' own patterns."""
    lower = name.lower()
    if hint.startswith("-"):
        # a trade noun the recognizer knew by its ending ("-erie": "Conserverie Ty Glaz")
        first = name.split(" ", 1)[0]
        if first.lower().endswith(hint[1:].lower()) and len(first) < len(name):
            return first, "shop", False
        return org_head(name)
    for head, kind, town in org_heads():
        if hint and head.lower() != hint.lower():
            continue
        h = head.lower()
        start = 0
        while (at := lower.find(h, start)) >= 0:
            end = at + len(h)
            # "Ville-Évrard", "Hôtel-Dieu": a head joined by a hyphen is a word of a name
            whole = (at == 0 or not lower[at - 1].isalnum()) and (
                end == len(lower) or not (lower[end].isalnum() or lower[end] == "-")
            )
            if whole and lower[:at].count(" ") <= 2:
                return name[:end], kind, town
            start = at + 1
    if hint:
        return org_head(name)
    return None


# A legal form ending a name: "Lumeo Robotics SAS" is "Lumeo Robotics".
TRAILING_LEGAL_FORM = re.compile(rf"[ \u00a0]+{LEGAL_FORM}$")


@cache
def _org_suffixes() -> frozenset[str]:
    return frozenset(w.strip().casefold() for w in lines("org_suffixes.txt"))


def org_suffix(name: str) -> str | None:
    """The business word that ends a name after at least one other word, as
    written: 'Lumeo Robotics' -> 'Robotics', 'Romans-sur-Isère Habitat' -> 'Habitat'."""
    body, _, last = name.strip().rpartition(" ")
    return last if body.strip() and last.casefold() in _org_suffixes() else None


def org_name(name: str, hint: str = "") -> str:
    """What names an organisation once its article, leading head noun and
    trailing business word are gone: 'Conserverie Ty Glaz' -> 'Ty Glaz',
    'Lumeo Robotics' -> 'Lumeo', 'le CHU de Nîmes' -> 'le CHU de Nîmes' (a head
    with a town names the place's service, not a name of its own)."""
    body = re.sub(r"^(?:[Ll](?:e|a|es)\s+|[Ll]['’]\s*)", "", name.strip())  # never "Lemoine"
    body = TRAILING_LEGAL_FORM.sub("", body) or body
    found = org_head(body, hint)
    if found is not None:
        rest = body[len(found[0]) :].strip()
        return rest if rest[:1].isupper() and not found[2] else name.strip()
    suffix = org_suffix(body)
    return body[: -len(suffix)].strip() if suffix else body


@cache
def _place_head_words() -> frozenset[str]:
    words = {*lines("name_place_heads.txt"), *lines("place_of_words.txt")}
    words |= {row[0] for row in table("place_venue_heads.tsv")}
    return frozenset(fold(w) for w in words)


def trade_name_head(name: str) -> str | None:
    """The plural trade noun opening a company's name, as French firms are named:
    'Salaisons Kerbrat', 'Transports Guillemot', 'Ateliers Moreau' -> the noun.
    None for places ('Jardins du Luxembourg' is a gazetteer-free place head, 'Mont
    Blanc', 'Saintes Maries') and for names that are places or people."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words[1:]):
        return None
    head = words[0]
    if not head[:1].isupper() or head.isupper() or head[-1:] not in "sx":
        return None
    if {fold(head), fold(head)[:-1]} & _place_head_words():
        return None  # "Monts Dore", "Jardins Suspendus"
    if "fr" not in ordinary_word_languages(head):
        return None
    if all(ordinary_word_languages(w) for w in words[1:]):
        return None  # "Ressources Humaines", "Services Généraux": a department
    if len(head) < 5 or place_entry(name) is not None or first_name(head) is not None:
        return None  # "Les Sables-d'Olonne", "Des Moines": an article, a place
    return head


# A town name the gazetteer marks ambiguous (also a name or a word) is the town
# in lower case only when the town is this large ("née à tours").
AMBIGUOUS_TOWN = 10_000
LOWER_CASE_TOWN_KINDS = frozenset({"commune", "foreign_city"})


def is_town_in_lower_case(name: str) -> str:
    """The kind ("commune", "foreign_city") of a town written in lower case that
    a place frame makes certain ("domiciliée à caluire"), "" when the words could
    be something else: an ordinary word ("à côté", "né à terme"), a village whose
    name the gazetteer marks ambiguous ("habite à mer"), a region or a country."""
    entry = lookup(name)
    if entry is None or entry.best.kind not in LOWER_CASE_TOWN_KINDS or is_ordinary_word(name):
        return ""
    if entry.ambiguous and entry.best.population < AMBIGUOUS_TOWN:
        return ""
    return entry.best.kind


def place_population(name: str) -> int:
    """The population of the likeliest reading of a place name, 0 if unknown."""
    entry = lookup(name)
    return entry.best.population if entry else 0


def is_first_name(word: str) -> bool:
    """A capitalized or ALL-CAPS word of the first-name lexicon (`Camille`, `CAMILLE`)."""
    return first_name(word) is not None


def is_acronym(word: str) -> bool:
    """An uppercase abbreviation rather than a name (`SARL`, `CHU`, `RDV`)."""
    return _is_acronym(word)


def line_in_capitals(line: str) -> bool:
    """A line written mostly in capitals (a heading), the recognizers' own criterion."""
    return _caps_line(line)
