"""Kinds: is this name a person, a place or an organisation? Decided from evidence.

Recognizers disagree: "Meylan", "Orly" and "Suzan" are first names of the
INSEE lists and communes of the gazetteer; "Lorraine" is a region and a
woman; propagation copies the type of wherever a string was first found. A
wrong kind is the worst replacement a reader meets ("Vit à Yann avec Luc"),
so after propagation every name-type mention of a note is judged again:

1. its own frame first: after "vit à", "habite", "né à" or a postal code, a
   name the gazetteer knows is a place; after "à", "en", "vers" it is a place
   unless it is a frequent first name and only a village; after a title or a
   relation word ("Mme", "son adjointe,") a name the first-name lexicon knows
   is a person;
2. mentions with no frame of their own take the kind their string has in the
   note's framed mentions, else the kind most of its mentions were found as.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from recognizers._names import FirstName, first_name
from recognizers.lexicons import (
    lines,
    org_heads,
    org_name,
    place_entry,
    relation_words,
    table,
    trade_name_head,
)
from recognizers.places.department_code import DEPARTMENT_NUMBER

from ..entities import Entity

NAME_TYPES = ("PERSON", "LOCATION", "ORG")
PLACE_VERBS = (
    r"vit|vivent|vivait|vivre|habite|habitent|habitait|habiter|née?s?|installée?s?|domiciliée?s?|"
    r"basée?s?|originaire|réside|résident|résidait|travaille|travaillait|rentrant|rentre|retraite|"
    r"déménagée?s?|déménage|déménager|part|partir|partie?|allée?s?|revient|revenir|venue?s?|"
    r"venant|vient|viennent|venait|arrive|arrivent|arrivait|arrivée?s?|séjourne|séjour|mutée?s?|muté|grandi|élevée?|scolarisée?|étudie|étudié"
)
STRONG_PLACE = re.compile(
    rf"(?:\b(?:{PLACE_VERBS})\s+(?:à|a|au|aux|en|dans|près\s+de|vers|de|d['’]|du)|"
    r"\b(?:\d{5}|\d{2}[ \u00a0\u202f]\d{3})|\bCEDEX)\s*$",
    re.IGNORECASE,
)
# A form's place field: "| Ville | Orly |", "Lieu de naissance : Saran".
PLACE_LABEL = re.compile(
    r"(?:^|[|\n*])[ \t*]*(?:ville|commune|localité|lieu(?: de naissance| de résidence)?|"
    r"domicile|résidence|ville de naissance)[ \t*]*[:|][ \t*]*$",
    re.IGNORECASE,
)
CHEZ = re.compile(r"(?:^|\s)chez\s+$", re.IGNORECASE)
WEAK_PLACE = re.compile(r"(?:^|[\s(,;])(?:à|a|en|vers|près\s+de|jusqu['’]à|depuis)\s+$")
# A first name this frequent (INSEE tiers 1-2) after a bare "à" is a person,
# unless the place is a town of this size.
TOWN_POPULATION = 5_000
# A word of a full name of the note is that person after a bare "à" unless
# it is a town this large.
THEIR_TOWN_POPULATION = 20_000


# Civilities and titles: what follows names a person, whatever the word.
TITLES = re.compile(
    r"(?:^|[^\w])(?:M|MM|Mme|Mmes|Mlle|Mlles|Dr|Drs|Pr|Me|Monsieur|Madame|Mademoiselle|"
    r"Messieurs|Mesdames|Docteur|Professeur|Maître)\.?\s+$"
)


@cache
def _place_of() -> re.Pattern:
    """ "la maternité de Saran", "une brocante d'Orly", "le CHU de Nîmes": the
    words whose "de X" is a place (place_of_words.txt, the venue heads, the
    organisation heads whose official name takes a town)."""
    words = {*lines("place_of_words.txt"), *(row[0] for row in table("place_venue_heads.tsv"))}
    words |= {head for head, _kind, town in org_heads() if town}
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:^|[^\w])(?:{body})\s+(?:de|d['’]|du)\s*$", re.IGNORECASE)


@cache
def _place_after() -> re.Pattern:
    """ "Villars (Morbihan)", "Vannes (56)", "Paris 14e": what follows makes it a place."""
    areas = {name for _code, name in table("departments.tsv")} | set(lines("regions.txt"))
    body = "|".join(re.escape(a) for a in sorted(areas, key=len, reverse=True))
    return re.compile(
        rf"^(?:\s*\((?:{body}|{DEPARTMENT_NUMBER})\)|\s+\d{{1,2}}(?:e|er|ème)\b)",
        re.IGNORECASE,
    )


@cache
def _relation_frame() -> re.Pattern:
    words = sorted(relation_words(), key=len, reverse=True)
    body = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?:^|[^\w])(?:{body}),?\s+$", re.IGNORECASE)


def person_frame(before: str, name: str) -> bool:
    """A civility before any name, or a relation word before a first name."""
    if TITLES.search(before):
        return True
    return bool(_relation_frame().search(before)) and first_name(name.split()[0]) is not None


def frame_kind(e: Entity, text: str) -> str | None:
    """The kind a mention's own words give it, if they give one."""
    found = framed_kind(e, text)
    return found[0] if found else None


def framed_kind(e: Entity, text: str) -> tuple[str, bool] | None:
    """The kind a mention's own words give it and whether the frame is strong
    ("vit à", a title, "chez") or weak (a bare "à", which also introduces the
    person one writes to: "copie par mail à Luc")."""
    before = text[max(0, e.start - 40) : e.start]
    name = e.text.strip()
    if person_frame(before, name):
        return "PERSON", True
    if e.type != "ORG" and trade_name_head(name) is not None:
        return "ORG", True  # "les Salaisons Kerbrat": a firm named after its trade
    # the place itself, not a short form of another ("Guillaume" of Bois-Guillaume)
    place = place_entry(name, aliases=False)
    if CHEZ.search(before) and place is None and first_name(name.split()[0]) is None:
        return "ORG", True  # "chez Cap Horizon": somebody's business, not a place
    if place is None:
        return None
    if STRONG_PLACE.search(before) or PLACE_LABEL.search(before):
        return "LOCATION", True
    if _place_of().search(before):
        # "la maternité de Saran", but "la fête d'Albert" beside Albert Martin
        return "LOCATION", False
    if _place_after().match(text[e.end : e.end + 40]):
        return "LOCATION", True
    if WEAK_PLACE.search(before):
        person = first_name(name)
        population = place.population or 0
        if person is None or person.tier > 2 or population >= TOWN_POPULATION:
            return "LOCATION", False
    return None


def _as(e: Entity, kind: str) -> Entity:
    if e.type == kind:
        return e
    hints: tuple[tuple[str, str], ...] = ()
    if kind == "LOCATION":
        place = place_entry(e.text)
        if place is not None:
            hints = (("kind", place.kind),)
    return replace(e, type=kind, hints=hints)


def _theirs(string: str, people: set[str]) -> bool:
    """A word of one of the note's full names that is a frequent first name or
    only a small town: after a bare "à" it is that person ("à Luc" beside Luc
    Jean, "dire à Verdier" beside Bernard Verdier), while "à Paris" stays the
    city even beside Nathalie Paris."""
    if string not in people:
        return False
    person = _first_name_of(string)
    if person is not None and person.tier <= 2:
        return True
    place = place_entry(string[:1].upper() + string[1:], aliases=False)
    return place is None or (place.population or 0) < THEIR_TOWN_POPULATION


def _first_name_of(string: str) -> FirstName | None:
    """The lexicon's entry for a folded name string ("lorraine" -> Lorraine)."""
    return first_name(string[:1].upper() + string[1:])


def decide_kinds(text: str, entities: list[Entity]) -> list[Entity]:
    """The note's name mentions with one kind per string, framed mentions apart."""
    # the words of the note's full names: "les Rousset" after "Maggie Rousset"
    # are hers, and "Lorraine" after "Lorraine Lacroix" is not the region
    people = {
        w.casefold()
        for e in entities
        if e.type == "PERSON" and len(words := e.text.split()) > 1
        for w in words
        if w[:1].isupper()
    }
    # the names of the note's organisations said alone: "Lumeo" of "Lumeo Robotics SAS"
    org_names = {
        short.casefold()
        for e in entities
        if e.type == "ORG" and (short := org_name(e.text, e.hint("head") or "")) != e.text.strip()
    }
    framed: dict[int, str] = {}
    by_string: dict[str, list[int]] = {}
    for i, e in enumerate(entities):
        if e.type not in NAME_TYPES:
            continue
        string = e.text.strip().casefold()
        found_frame = framed_kind(e, text)
        if found_frame is not None and (found_frame[1] or not _theirs(string, people)):
            framed[i] = found_frame[0]
        by_string.setdefault(string, []).append(i)
    out = list(entities)
    for string, indexes in by_string.items():
        kinds = Counter(framed[i] for i in indexes if i in framed)
        found = Counter(entities[i].type for i in indexes)
        if kinds:
            default = kinds.most_common(1)[0][0]
        elif string in people:
            default = "PERSON"
        elif string in org_names and (
            (person := _first_name_of(string)) is None or person.tier > 2
        ):
            default = "ORG"
        elif len(found) > 1:
            (default, top), *rest = found.most_common()
            if rest and rest[0][1] == top and "PERSON" in found and _first_name_of(string):
                default = "PERSON"  # "Cite Adélaïde et Zoé": no frame, a first name
        else:
            default = None
        for i in indexes:
            kind = framed.get(i) or default
            if kind is not None and kind != entities[i].type:
                out[i] = _as(entities[i], kind)
    return out
