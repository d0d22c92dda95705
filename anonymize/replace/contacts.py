"""Contact details and numbers: fictitious values of the same shape.

An e-mail or a link that names a person is rebuilt from that person's
pseudonym ("julien.marchand@gmail.com" -> "marc.lefort@gmail.com",
"linkedin.com/in/jmarchand" -> ".../in/mlefort"), so it never contradicts
the text; phones land in the ARCEP fiction ranges, identifiers keep their
shape and fail their checksum, a street becomes another street.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence

from recognizers.lexicons import (
    first_name_gender,
    is_ordinary_word,
    is_surname,
    lines,
    number_words,
)

from ..detect.identities import IdentityBook, Mention, Part, key_of, nickname_fits
from .fictitious import (
    ascii_slug,
    fake_address,
    fake_email,
    fake_id,
    fake_phone,
    fake_postal_code,
    fake_spelled_phone,
    fake_url,
    is_postal_code,
)
from .pools import Picker, first_names, surnames

SPOKEN_AT = re.compile(r"\s+(?:arobase|at)\s+", re.IGNORECASE)
SPOKEN_SEPARATORS = re.compile(r"\s+(?:point|tiret|underscore)\s+", re.IGNORECASE)


class Contacts:
    def __init__(self, picker: Picker, book: IdentityBook, persons) -> None:
        self.picker = picker
        self.book = book
        self.persons = persons
        self._generic = frozenset(key_of(w) for w in lines("generic_mail_words.txt", "anonymize"))

    def rng(self, key: str) -> random.Random:
        digest = hashlib.sha256(f"{self.picker.seed}\x00{key}".encode()).digest()
        return random.Random(int.from_bytes(digest[:8], "big"))

    def _value(self, key: str, make) -> str:
        if key not in self.picker.table:
            self.picker.table[key] = make(self.rng(key))
        return self.picker.table[key]

    # -- words that name people ----------------------------------------------------
    def local_words(self, local: str, note: int, notes: set[int]) -> list[str]:
        """The words of an e-mail local part or a slug, each replaced by what it names."""
        chunks = [c for c in re.split(r"[._\-+\d\s]+", local) if c]
        out: list[str] = []
        i = 0
        while i < len(chunks):
            # "marchand-leclerc": a compound surname is one word of the slug
            if i + 1 < len(chunks):
                pair = self.book.person_with_token(f"{chunks[i]} {chunks[i + 1]}", note)
                if pair is not None:
                    identity, role = pair
                    value = (
                        self.persons.first(identity)
                        if role == "first"
                        else self.persons.last(identity.last, identity.notes)
                    )
                    out.append(ascii_slug(value))
                    i += 2
                    continue
            following = chunks[i + 1] if i + 1 < len(chunks) else ""
            word = self._word(chunks[i], following, note, notes)
            if word:
                out.append(word)
            i += 1
        return out

    def _known_as(self, norm: str, note: int) -> str | None:
        """'jb' for Jean-Baptiste, 'juju' for Justine: the short form of a note's
        person, made the same way from their pseudonym."""
        for identity in self.book.persons_of(note):
            if not identity.first or identity.kind == "pet":
                continue
            letters = "".join(w[0] for w in identity.first.split())
            if len(letters) > 1 and norm == letters:
                return self.persons.first_initials(identity).lower()
            if norm in identity.nicknames or (
                len(norm) > 2 and norm != identity.first and nickname_fits(norm, identity.first)
            ):
                first = self.persons.first(identity)
                return ascii_slug(self.persons.nickname(identity, Part(norm, "nickname"), first))
        return None

    def _word(self, chunk: str, following: str, note: int, notes: set[int]) -> str:
        norm = key_of(chunk)
        found = self.book.person_with_token(chunk, note)
        if found is not None:
            identity, role = found
            if role == "first":
                return self.persons.first(identity)
            return self.persons.last(identity.last, identity.notes)
        if norm in self._generic:
            return chunk
        if norm in number_words():
            return ""  # "quatre-vingt-un" said in an address: no number is kept
        if (
            len(norm) > 2
            and norm not in self.book.name_words
            and is_ordinary_word(chunk)
            and not is_surname(chunk)
            and first_name_gender(chunk) is None
        ):
            # "lorraine-navarro-prod", "@agathe.aquarelles": a word, not a name
            # ("pollen-data" of Pollen Data is a name)
            return chunk
        known_as = self._known_as(norm, note)
        if known_as:
            return known_as
        glued = self._glued(norm, note)
        if glued is not None:
            return glued
        if len(chunk) == 1:
            after = self.book.person_with_token(following, note) if following else None
            if after is not None:
                return self.persons.first(after[0])[0].lower()
            return self.persons.letter_for(f"{note}:{chunk}", chunk)
        gender = first_name_gender(chunk)
        if gender in ("F", "M"):
            pool = first_names()[gender].names
            return self.picker.pick(
                f"PERSON:first:mail:{norm}", f"first names ({gender})", pool, notes
            )
        return self.picker.pick(f"PERSON:last:{norm}", "surnames", surnames(), notes)

    def _glued(self, norm: str, note: int) -> str | None:
        """'jmarchand', 'julienmarchand', 'marchandj': a person of the note, glued."""
        for identity in self.book.persons_of(note):
            first, last = identity.first.replace(" ", ""), identity.last.replace(" ", "")
            if not last:
                continue
            new_first = self.persons.first(identity)
            new_last = self.persons.last(identity.last, identity.notes)
            slug_first, slug_last = (
                ascii_slug(new_first).replace("-", ""),
                ascii_slug(new_last).replace("-", ""),
            )
            if first and norm == first + last:
                return slug_first + slug_last
            if first and norm == first[0] + last:
                return slug_first[0] + slug_last
            if first and norm == last + first[0]:
                return slug_last + slug_first[0]
            if norm == last:
                return slug_last
        return None

    # -- the values -------------------------------------------------------------------
    def email(self, mention: Mention) -> str:
        e = mention.entity
        notes = mention.identity.notes if mention.identity else {mention.note}
        key = "EMAIL:" + key_of(e.text)
        if SPOKEN_AT.search(e.text):
            local = SPOKEN_AT.split(e.text)[0]
            words = self.local_words(SPOKEN_SEPARATORS.sub(".", local), mention.note, notes)
            return self._value(
                key,
                lambda rng: (
                    " point ".join(ascii_slug(w) for w in words) + " arobase example point org"
                ),
            )
        words = self.local_words(e.text.split("@")[0], mention.note, notes)
        return self._value(key, lambda rng: fake_email(e.text, words, rng))

    def url(self, mention: Mention) -> str:
        e = mention.entity
        notes = mention.identity.notes if mention.identity else {mention.note}
        tail = ""
        if "/" in e.text or e.text.startswith("@"):
            tail = e.text.rstrip("/").split("/")[-1].lstrip("@")
        words = self.local_words(tail, mention.note, notes) if tail else []
        return self._value("URL:" + key_of(e.text), lambda rng: fake_url(e.text, words, rng))

    def phone(self, mention: Mention) -> str:
        text = mention.entity.text
        if not re.search(r"\d", text):
            return self._value("PHONE:" + key_of(text), lambda rng: fake_spelled_phone(text, rng))
        return self._value("PHONE:" + re.sub(r"\D", "", text), lambda rng: fake_phone(text, rng))

    def id(self, mention: Mention) -> str:
        text = mention.entity.text
        return self._value(
            "ID:" + re.sub(r"\s", "", text),
            lambda rng: fake_id(text, rng, lambda digits: self.rng("SIREN:" + digits)),
        )

    def address(self, mention: Mention, department: str = "", codes: Sequence[str] = ()) -> str:
        """`department`, `codes`: the department and the real postal codes of the
        pseudonym town the postal code stands before."""
        text = mention.entity.text
        if department and is_postal_code(text):
            return self._value(
                f"ADDRESS:{key_of(text)}:{department}:{' '.join(codes)}",
                lambda rng: fake_postal_code(text, department, rng, codes),
            )
        return self._value("ADDRESS:" + key_of(text), lambda rng: fake_address(text, rng))
