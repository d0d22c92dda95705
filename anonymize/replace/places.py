"""Places: a place of the same kind, chosen once per identity.

A commune becomes a commune of similar size (a city stays a city, a village a
village), a region or a department a region that takes the same article
("dans la Sarthe" -> "dans la Creuse", "en Bretagne" -> "en Auvergne"), a
country a country that takes the same preposition, a foreign city a foreign
city, a venue its head noun and another name ("salle Molière" -> "salle des
Tilleuls"). With `places = "generalize"`, a place becomes its kind and size
instead ("une ville moyenne").
"""

from __future__ import annotations

import math
import re
from functools import cache

from recognizers.lexicons import first_name_gender, is_country, lines, place_kind, table

from ..detect.identities import Identity, Mention
from .pools import Picker, key_of, population_of, towns, towns_in, words

# Towns this large keep their size first (a city stays a city): they are drawn from
# the whole country, smaller ones among the other towns of their department's move.
NEIGHBOURS_UP_TO = 50_000


def _close(a: int | None, b: int | None) -> bool:
    """Populations within a factor of three: a village stays a village."""
    return not a or not b or 1 / 3 <= a / b <= 3


@cache
def _venue_heads() -> tuple[str, ...]:
    """The recognizers' head nouns of named places, longest first: "salle Molière"
    keeps "salle", "centre commercial Les Arcades" keeps "centre commercial"."""
    return tuple(sorted((row[0] for row in table("place_venue_heads.tsv")), key=len, reverse=True))


def venue_head(name: str) -> str:
    """The head noun opening a place's name, as written, or ""."""
    lower = name.lower()
    for head in _venue_heads():
        if lower.startswith(head + " ") and len(name) > len(head) + 1:
            return name[: len(head)]
    return ""


class Places:
    def __init__(self, picker: Picker, generalize: bool = False) -> None:
        self.picker = picker
        self.generalize = generalize

    def kind(self, identity: Identity) -> str:
        if identity.kind:
            return identity.kind
        kind = place_kind(identity.canonical)  # "Bretagne" found by spaCy is a region
        if kind not in ("department", "region") and is_country(identity.canonical):
            return "country"  # but Martinique is a French department
        return kind

    def render(self, mention: Mention, text: str, avoid_department: str = "") -> str:
        """`avoid_department`: a commune followed by its real department in brackets
        ("Ploërmel (Morbihan)") is drawn outside it, so the bracket can follow it."""
        identity = mention.identity
        assert identity is not None
        key = "LOCATION:" + identity.key
        if key in self.picker.table and self.picker.allowed(self.picker.table[key]):
            return self.picker.table[key]
        kind = self.kind(identity)
        if self.generalize:
            return self.picker.remember(key, generalized(identity.canonical, kind), "generalized")
        e = mention.entity
        before = text[max(0, e.start - 12) : e.start].lower()
        head = venue_head(e.text)
        notes = identity.notes
        if head:
            name = self.picker.pick(key + ":name", "place names", words("org_names.txt"), notes)
            return self.picker.remember(key, f"{head} {name}", "places", notes)
        if kind == "country":
            prep = "au" if re.search(r"\b(?:au|du)\s*$", before) else "en"
            pool = tuple(
                r[0]
                for r in (ln.split("\t") for ln in lines("pseudo_countries.tsv", "anonymize"))
                if r[1] == prep
            )
            return self.picker.pick(key, f"countries ({prep})", pool, notes)
        if kind == "foreign_city":
            country, pool = foreign_cities_like(identity.canonical)
            # more cities of one country in a note than the pool holds: any known city
            wider = ("foreign cities", words("pseudo_foreign_cities.txt"))
            return self.picker.pick_any(key, [(f"foreign cities ({country})", pool), wider], notes)
        article = re.search(r"(?:^|\s)(le|la|l'|les|du|au|des|aux)\s*$", before)
        said = article.group(1) if article else ""
        if kind in ("region", "department") or said in ("le", "la", "l'", "les"):
            # "dans la Sarthe", "du Rhône", "des Landes": the same article
            wanted = {"le": "M", "du": "M", "au": "M", "la": "F", "l'": "V"}.get(said, "")
            wanted = "P" if said in ("les", "des", "aux") else wanted
            if not article and re.search(r"(?:\ben|\bde|\bd['’])\s*$", before):
                wanted = "FV"  # "en Bretagne", "partir de Vendée": never "en Indre", "de Drôme"
            code = department_code(identity.canonical) if kind == "department" else ""
            if len(code) == 3:
                # overseas stays overseas: "en Martinique" -> "en Guadeloupe"
                return self.picker.pick(key, "overseas departments", _overseas_like(code), notes)
            # a department stays a department ("dans la Sarthe" -> "dans la Creuse")
            data = "pseudo_departments.tsv" if kind == "department" else "pseudo_regions.txt"
            # never a first name: "l'Aude" would read as a woman in a folder
            rows = [
                r
                for r in (ln.split("\t") for ln in lines(data, "anonymize"))
                if first_name_gender(re.split(r"[ -]", r[0])[0]) is None
            ]
            pool = tuple(r[0] for r in rows if not wanted or r[1] in wanted) or tuple(
                r[0] for r in rows
            )
            # every department of that article taken in the note: any department
            pools = [
                (f"{data} ({wanted or 'any'})", pool),
                (f"{data} (any)", tuple(r[0] for r in rows)),
            ]
            return self.picker.pick_any(key, pools, notes)
        population = population_of().get(key_of(identity.canonical))
        # towns of one department stay neighbours: all of them move to one other
        # department ("à Corbie, à vingt minutes d'Amiens" keeps its twenty minutes)
        real = department_of(identity.canonical)
        nearby: tuple[str, ...] = ()
        if real and (population or 0) < NEIGHBOURS_UP_TO:
            moved = self.department_for(real, notes)
            nearby = tuple(
                t
                for t in towns_in(moved, population)
                if department_of(t) == moved and _close(population_of().get(key_of(t)), population)
            )
        accept = (lambda v: department_of(v) != avoid_department) if avoid_department else None
        # a note naming more of its towns than the department holds: towns of the size
        pools = [(f"towns of {moved}", nearby)] if nearby else []
        pools.append(("towns", towns().similar(population)))
        return self.picker.pick_any(key, pools, notes, accept=accept)

    def department_for(self, real: str, notes) -> str:
        """The department the towns of department `real` move to, the same for the
        whole scope; never `real` itself, overseas for overseas."""
        overseas = len(real) == 3
        codes = tuple(
            c
            for c in department_codes()
            if c != real and (len(c) == 3) == overseas and c not in ("75",)
        )
        return self.picker.pick("DEPARTMENT-OF-TOWNS:" + real, "departments", codes, notes)

    def town(self, identity: Identity) -> str:
        """A commune of similar size, even when places are generalized: the town
        inside an organisation's name ("université de Nantes")."""
        population = population_of().get(key_of(identity.canonical))
        return self.picker.pick(
            "LOCATION:town:" + identity.key, "towns", towns().similar(population), identity.notes
        )


# A foreign city becomes a city of its country when the country has this many
# of a similar size; else one of the well-known cities of pseudo_foreign_cities.
FOREIGN_POOL = 8


@cache
def _foreign_cities() -> dict[str, tuple[str, int]]:
    """Folded foreign city -> (ISO country, population), the largest homonym."""
    found: dict[str, tuple[str, int]] = {}
    for name, country, population in table("foreign_cities.tsv"):
        size = int(population) if population.isdigit() else 0
        key = key_of(name)
        if key not in found or size > found[key][1]:
            found[key] = (country, size)
    return found


@cache
def _cities_of(country: str) -> tuple[tuple[str, int], ...]:
    """The country's cities, each under one name: the French one when the gazetteer
    also has it ("Cologne", never "Köln" beside it), so that no pseudonym is a real
    city of the note under its other name."""
    out = []
    for (cc, population), names in _names_of_cities().items():
        usable = [
            n
            for n in names
            if not re.search(r"\d", n) and not first_name_gender(re.split(r"[ -]", n)[0])
        ]
        if cc == country and usable:
            out.append((min(usable, key=_foreignness), population))
    return tuple(out)


@cache
def _names_of_cities() -> dict[tuple[str, int], tuple[str, ...]]:
    """(country, population) -> every name the gazetteer gives that city: a city
    and its exonym share their GeoNames population ("Hamburg", "Hambourg")."""
    found: dict[tuple[str, int], list[str]] = {}
    for name, country, population in table("foreign_cities.tsv"):
        if population.isdigit() and int(population) > 0:
            found.setdefault((country, int(population)), []).append(name)
    return {k: tuple(v) for k, v in found.items()}


def other_names(name: str) -> tuple[str, ...]:
    """The other names the gazetteer gives a foreign city ("Hamburg" for Hambourg)."""
    city = _foreign_cities().get(key_of(name))
    names = _names_of_cities().get(city, ()) if city else ()
    return tuple(n for n in names if key_of(n) != key_of(name))


def _foreignness(name: str) -> tuple[int, int, str]:
    """Lower for the name a French text writes: French accents and a final -e(s) up,
    other diacritics down ("Bâle" before "Basel", "Cologne" before "Köln"), then
    the shorter ("Francfort" before "Frankfurt am Main")."""
    score = 0
    if re.search(r"[éèêàâîôûç]", name):
        score -= 2
    if re.search(r"[äöüßñåøłãõ]", name.lower()):
        score += 2
    if re.search(r"es?$", name):
        score -= 1
    return score, len(name), name


def foreign_cities_like(name: str) -> tuple[str, tuple[str, ...]]:
    """Cities of the same country as `name`, of a similar size first: Montréal
    stays in Québec or Canada ("Laval", "Québec"), Casablanca in Morocco; a city
    whose country is unknown, or has few cities, gets a well-known foreign city."""
    country, population = _foreign_cities().get(key_of(name), ("", 0))
    # the same city under another name ("Barcelona" for Barcelone) has its population
    cities = (
        [c for c in _cities_of(country) if key_of(c[0]) != key_of(name) and c[1] != population]
        if country
        else []
    )
    if len(cities) < FOREIGN_POOL:
        return "any", words("pseudo_foreign_cities.txt")
    # the closest in size only: a quarter of a country's list would reach the
    # suburbs of the city itself (Tunis -> Radès)
    cities.sort(key=lambda c: abs(math.log((c[1] + 1) / (population + 1))))
    return country, tuple(c[0] for c in cities[:FOREIGN_POOL])


def generalized(name: str, kind: str) -> str:
    """'Annecy' -> 'une ville moyenne', by kind and population."""
    if kind == "country":
        return "un pays étranger"
    if kind == "foreign_city":
        return "une ville étrangère"
    if kind in ("region", "department"):
        return "une région"
    population = population_of().get(key_of(name))
    if population is None:
        return "une ville"
    if population >= 200_000:
        return "une grande ville"
    if population >= 20_000:
        return "une ville de taille moyenne"
    if population >= 2_000:
        return "une petite ville"
    return "un village"


@cache
def _overseas_like(code: str) -> tuple[str, ...]:
    """The other overseas departments written with the same preposition: "en
    Martinique, Guadeloupe, Guyane"; "à La Réunion, à Mayotte"."""
    with_a = {"974", "976"}
    return tuple(
        department_name(c)
        for c in department_codes()
        if len(c) == 3 and c != code and (c in with_a) == (code in with_a)
    )


@cache
def _departments() -> tuple[dict[str, str], dict[str, str]]:
    """Folded commune name -> its department (homonyms: the most populous one);
    folded department name -> its code."""
    communes: dict[str, tuple[int, str]] = {}
    for name, dept, population, *_ in table("communes.tsv"):
        key = key_of(name)
        size = int(population) if population.isdigit() else 0
        if key not in communes or size > communes[key][0]:
            communes[key] = (size, dept)
    departments = {key_of(name): code for code, name in table("departments.tsv")}
    return {k: d for k, (_, d) in communes.items()}, departments


def department_of(town: str) -> str:
    """The department code of a commune (its most populous homonym), "" if unknown."""
    return _departments()[0].get(key_of(town), "")


@cache
def _postal_codes() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Folded commune name -> (its department, its real postal codes)."""
    return {
        key_of(name): (dept, tuple(codes.split()))
        for name, dept, codes in table("postal_codes.tsv", "anonymize")
    }


def postal_codes(town: str) -> tuple[str, ...]:
    """The real postal codes of a commune the town pool can draw ("Brest" ->
    ("29200",)), () when unknown: "20070 Borgo" would read as invented to anyone
    who knows Corsica. Only those of the homonym `department_of` answers for."""
    dept, codes = _postal_codes().get(key_of(town), ("", ()))
    return codes if dept and dept == department_of(town) else ()


def department_codes() -> tuple[str, ...]:
    """Every department's number, as written ("01", "2A", "974")."""
    return tuple(code for code, _name in table("departments.tsv"))


def department_code(name: str) -> str:
    """'Morbihan' -> '56'; "" if unknown."""
    return _departments()[1].get(key_of(name), "")


def department_name(code: str) -> str:
    """'29' -> 'Finistère'; "" if unknown."""
    return _department_names().get(code, "")


@cache
def _department_names() -> dict[str, str]:
    return {code: name for code, name in table("departments.tsv")}


@cache
def _areas() -> dict[str, str]:
    return dict(row.split("\t") for row in lines("place_areas.tsv", "anonymize"))


def area_of(name: str, kind: str) -> str:
    """The part of France a commune or a department is in: "de l'Ouest"; "" if unknown."""
    communes, departments = _departments()
    if kind == "department":
        code = departments.get(key_of(name))
    elif kind in ("commune", ""):
        code = communes.get(key_of(name))
    else:
        return ""
    return _areas().get(code or "", "")


def described(name: str, kind: str) -> str:
    """A place as a case illustration names it: its kind, its size and the part of
    the country it is in ("une petite ville de l'Ouest", "un département du Nord",
    "un pays étranger"). The roles style."""
    if kind == "country":
        return "un pays étranger"
    if kind == "foreign_city":
        return "une ville étrangère"
    if kind == "region":
        return "une région"
    head = venue_head(name).lower() if kind in ("venue", "") else ""
    if head:  # "salle Molière" -> "une salle"
        return ("une " if head.split()[0] in words("feminine_heads.txt") else "un ") + head
    if kind == "venue":
        return "un lieu"
    area = area_of(name, kind)
    if kind == "department":
        return f"un département {area}".strip()
    population = population_of().get(key_of(name))
    if population is None:
        size = "une ville" if kind == "commune" else "un lieu"
    elif population >= 200_000:
        size = "une grande ville"
    elif population >= 20_000:
        size = "une ville moyenne"
    elif population >= 2_000:
        size = "une petite ville"
    else:
        size = "un village"
    return f"{size} {area}".strip()
