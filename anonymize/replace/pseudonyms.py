"""The pseudonym style: another plausible person, place and organisation.

One replacer per kind (persons.py, places.py, organisations.py,
contacts.py; dates and ages in coarsen.py) draws from the pools through one
`Picker`, so every pseudonym of the scope obeys the same rules: stable per
identity, never a real word of the notes, never shared by two identities that
meet in a note, never numbered. Every decision is stored in `table` (the
mapping's memory), so a run with the same mapping gives the same output.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from recognizers.lexicons import first_name_gender, place_kind

from ..config import Config
from ..detect.identities import IdentityBook, Mention
from ..entities import Entity
from .coarsen import age_frame, coarsen_age
from .contacts import Contacts
from .dates import Dates
from .organisations import Organisations
from .persons import PersonNames
from .places import (
    Places,
    department_code,
    department_codes,
    department_name,
    department_of,
    other_names,
    postal_codes,
)
from .pools import Picker, key_of
from .shapes import in_capitals_like

TOWN_THEN_DEPARTMENT = re.compile(r"[ \u00a0]*\([ \u00a0]*")
# What may stand between a postal code and its town: "74000 Annecy", "74000, Annecy"
CODE_THEN_TOWN = re.compile(r"[ \u00a0]*[,/–-]?[ \u00a0\n]*")


def _neighbours(
    texts: Sequence[str],
    mentions: Sequence[list[Mention]],
    first: str,
    gap: re.Pattern,
    second: str = "LOCATION",
) -> Iterator[tuple[Mention, Mention, str]]:
    """A mention of type `first` and one of type `second` right after it, with
    only `gap` between them, in every note."""
    for text, note in zip(texts, mentions, strict=True):
        ordered = sorted(note, key=lambda m: m.entity.start)
        for a, b in pairwise(ordered):
            if (
                a.entity.type == first
                and b.entity.type == second
                and gap.fullmatch(text[a.entity.end : b.entity.start])
            ):
                yield a, b, text


class PseudonymStyle:
    """The default, publication-grade style."""

    name = "pseudonym"

    def __init__(self, book: IdentityBook, config: Config, table: dict[str, str] | None = None):
        self.book = book
        self.config = config
        self.table: dict[str, str] = table if table is not None else {}
        self.picker = Picker(config.seed, self.table)
        self.persons = PersonNames(self.picker, book)
        self.places = Places(self.picker, generalize=config.places == "generalize")
        self.organisations = Organisations(self.picker, book, self.places, self.persons)
        self.contacts = Contacts(self.picker, book, self.persons, self.organisations)
        self.dates = Dates(config.dates, self.date_shift)
        self._shift: int | None = None
        self._towns_after: dict[int, tuple[Mention, str]] = {}
        self._town_before: dict[int, tuple[Mention, str]] = {}
        self._bracketed_department: dict[int, Mention] = {}
        self._code_after_town: dict[int, tuple[Mention, str]] = {}

    def prepare(self, texts: Sequence[str], mentions: Sequence[list[Mention]]) -> None:
        """Every real word of the scope is off limits; persons are named first, so
        that e-mails, links and organisations named after them find their pseudonym."""
        forbidden = set(self.book.real_words)
        forbidden |= {w for d in self.config.deny for w in key_of(d).split() if len(w) > 1}
        # allowed terms are never a pseudonym: a famous person's surname is off
        # limits (their first name alone is just a first name)
        forbidden |= {
            w
            for a in self.config.allow_terms()
            for w in key_of(a).split()
            if len(w) > 2 and (" " not in a or first_name_gender(w) is None)
        }
        # a real foreign city is real under its other names too ("Hambourg", "Hamburg")
        forbidden |= {
            w
            for identity in self.book.identities
            if identity.type == "LOCATION"
            for alias in other_names(identity.canonical)
            for w in key_of(alias).split()
            if len(w) > 2
        }
        self.picker.forbidden |= forbidden
        self.persons.prepare(self.book.identities)
        self.organisations.prepare(texts, mentions)
        self.contacts.prepare(texts, mentions)
        # "Villars (Morbihan)": the department follows the pseudonym town
        self._town_before = {
            id(dept): (town, text)
            for town, dept, text in _neighbours(texts, mentions, "LOCATION", TOWN_THEN_DEPARTMENT)
            if text[dept.entity.end : dept.entity.end + 1] == ")"
            and place_kind(dept.entity.text) == "department"
        }
        self._bracketed_department = {
            id(town): dept
            for text, note in zip(texts, mentions, strict=True)
            for dept in note
            if id(dept) in self._town_before
            for town in [self._town_before[id(dept)][0]]
        }
        # "Vannes (56)": the department's number follows the pseudonym town
        self._code_after_town = {
            id(code): (town, text)
            for town, code, text in _neighbours(
                texts, mentions, "LOCATION", TOWN_THEN_DEPARTMENT, "ADDRESS"
            )
            if code.entity.hint("kind") == "department_code"
        }
        # "74000 Annecy": the postal code follows the pseudonym town
        self._towns_after = {
            id(code): (town, text)
            for code, town, text in _neighbours(texts, mentions, "ADDRESS", CODE_THEN_TOWN)
        }

    def render(self, mention: Mention, text: str) -> str:
        e = mention.entity
        if e.type == "PERSON":
            return self.persons.render(mention)
        if e.type == "LOCATION":
            if id(mention) in self._bracketed_department:
                real = department_code(self._bracketed_department[id(mention)].entity.text)
                return self.places.render(mention, text, avoid_department=real)
            if id(mention) in self._town_before:
                town, town_text = self._town_before[id(mention)]
                found = department_name(department_of(self.places.render(town, town_text)))
                if found and key_of(found) != key_of(e.text):  # never the real one back
                    return found
            return in_capitals_like(e.text, self.places.render(mention, text))
        if e.type == "ORG":
            value = self.organisations.render(mention, text)
            # an acronym's pseudonym is one already ("EPFL" -> "ETH Zurich")
            return in_capitals_like(e.text, value) if " " in e.text.strip() else value
        if e.type == "EMAIL":
            return self.contacts.email(mention)
        if e.type == "URL":
            return self.contacts.url(mention)
        if e.type == "PHONE":
            return self.contacts.phone(mention)
        if e.type == "ID":
            return self.contacts.id(mention)
        if e.type == "ADDRESS":
            if e.hint("kind") == "department_code":
                return self._department_code(mention)
            after = self._town_after(mention)
            return self.contacts.address(mention, department_of(after), postal_codes(after))
        if e.type == "DATE":
            return self.dates.value(e.text)
        if e.type == "AGE":
            return coarsen_age(e.text, age_frame(text[: e.start]))
        return "[" + e.type + "]"

    def _department_code(self, mention: Mention) -> str:
        """The number of the pseudonym town's department ("Vannes (56)" -> "Poissy
        (78)"), never the real one; a drawn department when no town is known."""
        real = mention.entity.text
        found = self._code_after_town.get(id(mention))
        if found is not None:
            town, text = found
            code = department_of(self.places.render(town, text))
            if code and code != real:
                return code
        codes = [c for c in department_codes() if c != real]
        return self.picker.pick("DEPARTMENT-CODE:" + real, "department codes", codes)

    def _town_after(self, mention: Mention) -> str:
        """The pseudonym town a postal code stands before, "" when none: "74000
        Annecy" becomes "29200 Brest" (Brest's own code), never "99200 Thuir"."""
        found = self._towns_after.get(id(mention))
        if found is None:
            return ""
        town, text = found
        return self.places.render(town, text)

    def spans(
        self, text: str, mentions: Sequence[Mention], values: Sequence[str]
    ) -> tuple[list[Entity], list[str]]:
        """Dates rewritten with their article and the other end of their range."""
        return self.dates.spans(text, mentions, values)

    def date_shift(self) -> int:
        """One random shift, in months, for every date of the run (shift_dates)."""
        if not self.config.shift_dates:
            return 0
        if self._shift is None:
            key = "DATE-SHIFT"
            if key not in self.table:
                digest = hashlib.sha256(f"{self.config.seed}\x00{key}".encode()).digest()
                self.table[key] = str((digest[0] % 12) - 6 or 1)
            self._shift = int(self.table[key])
        return self._shift
