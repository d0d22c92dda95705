"""Contact details and numbers: fictitious values of the same shape.

An e-mail or a link that names a person is rebuilt from that person's
pseudonym ("julien.marchand@gmail.com" -> "marc.lefort@gmail.com",
"linkedin.com/in/jmarchand" -> ".../in/mlefort"), so it never contradicts
the text; phones land in the ARCEP fiction ranges, identifiers keep their
shape and fail their checksum, a street becomes another street.

A domain reads as real and says what the text says: a public webmail or an
Internet provider's domain (`data/public_mail_domains.txt`) identifies no one
and stays; a company's domain follows the company's pseudonym
("lumeo-robotics.com" beside "Lumeo Robotics" -> "cedre-horizon.com" beside
"Cèdre Horizon"); a domain made of a person's name and ordinary words follows
the person ("thierry-conseil.fr" -> "vasseur-conseil.fr"); any other private
domain becomes an invented one, the same for the whole folder.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence
from functools import cache

from recognizers._proper_names import LEGAL_FORMS
from recognizers.contacts.email import OFFLINE_TLD
from recognizers.lexicons import (
    first_name_gender,
    is_ordinary_word,
    is_surname,
    lines,
    number_words,
    org_head,
    place_kind,
    table,
)

from ..detect.identities import Identity, IdentityBook, Mention, Part, key_of, nickname_fits
from ..entities import Entity
from .fictitious import (
    SOCIAL,
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
from .organisations import NAME_STOP_WORDS, Organisations, invented_names, public_services
from .pools import Picker, first_names, surnames
from .shapes import slug_shape

SPOKEN_AT = re.compile(r"\s+(?:arobase|at)\s+", re.IGNORECASE)
SPOKEN_SEPARATORS = re.compile(r"\s+(?:point|tiret|underscore)\s+", re.IGNORECASE)
# A host before the domain that names a service, not someone: kept.
SERVICE_HOSTS = frozenset({"www", "mail", "webmail", "intranet", "extranet", "portail", "blog"})


@cache
def public_domains() -> frozenset[str]:
    """Webmail and Internet-provider domains: shared by millions, they name no one."""
    return frozenset(ln.strip().lower() for ln in lines("public_mail_domains.txt", "anonymize"))


@cache
def regional_tlds() -> dict[str, str]:
    """A region's or a city's top-level domain -> its country's ("bzh" -> "fr")."""
    return {tld: country for tld, country in table("regional_tlds.tsv", "anonymize")}


def is_public_domain(domain: str) -> bool:
    """A webmail or a provider (or a host of one: "smtp.orange.fr"), a social
    site, a state site (".gouv.fr") or a public service named by its acronym
    ("caf.fr")."""
    domain = domain.lower().strip(".")
    public = public_domains()
    if any(domain == d or domain.endswith("." + d) for d in (*public, *SOCIAL)):
        return True
    parts = OFFLINE_TLD(domain)
    return parts.suffix == "gouv.fr" or key_of(parts.domain) in public_services()


def _alnum(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", ascii_slug(text))


def _without(text: str, stop_words: bool) -> str:
    """An organisation's name as a domain writes it: no legal form ("SARL"), no
    "&", without "de", "des"... when `stop_words` is set."""
    words = [w for w in re.split(r"[\s&]+", text) if w and w not in LEGAL_FORMS]
    if stop_words:
        words = [w for w in words if _alnum(w) not in NAME_STOP_WORDS]
    return " ".join(words)


class Contacts:
    def __init__(
        self, picker: Picker, book: IdentityBook, persons, organisations: Organisations
    ) -> None:
        self.picker = picker
        self.book = book
        self.persons = persons
        self.organisations = organisations
        self._generic = frozenset(key_of(w) for w in lines("generic_mail_words.txt", "anonymize"))
        # the folder's real domain names ("conserverie-tyglaz"), never invented
        self._real_labels: set[str] = set()
        self._org_forms: dict[int, tuple[list[tuple[str, str | None, bool]], ...]] = {}

    def prepare(self, texts: Sequence[str], mentions: Sequence[list[Mention]]) -> None:
        """Learn the folder's real domains, which no invented domain may be."""
        for note in mentions:
            for m in note:
                e = m.entity
                if e.type in ("EMAIL", "URL"):
                    host = _host(e.text)
                    if host:
                        label = OFFLINE_TLD(host).domain or host.split(".")[0]
                        self._real_labels.update({_alnum(label), ascii_slug(label)})

    def rng(self, key: str) -> random.Random:
        digest = hashlib.sha256(f"{self.picker.seed}\x00{key}".encode()).digest()
        return random.Random(int.from_bytes(digest[:8], "big"))

    def _value(self, key: str, make) -> str:
        if key not in self.picker.table:
            self.picker.table[key] = make(self.rng(key))
        return self.picker.table[key]

    # -- words that name people ----------------------------------------------------
    def local_words(self, local: str, note: int, notes: set[int]) -> list[str]:
        """The words of an e-mail local part or a slug, each replaced by what it names;
        an organisation's mailbox or handle ("ehpad.lebeffroi", "grimpeurs.de.meuse")
        is written from the organisation's pseudonym, not from people's names."""
        organisation = self._organisation_words(local, note)
        if organisation is not None:
            return organisation
        chunks = [c for c in re.split(r"[._\-+\d\s]+", local) if c]
        owner = self._owner(chunks, note)
        out: list[str] = []
        i = 0
        while i < len(chunks):
            # "marchand-leclerc": a compound surname is one word of the slug
            if i + 1 < len(chunks):
                pair = self.book.person_with_token(f"{chunks[i]} {chunks[i + 1]}", note)
                if pair is not None:
                    out.append(ascii_slug(self.persons.name(*pair)))
                    i += 2
                    continue
            following = chunks[i + 1] if i + 1 < len(chunks) else ""
            word = self._word(chunks[i], following, note, notes, owner)
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

    def _organisation_words(self, local: str, note: int) -> list[str] | None:
        """The words of a local part or a handle that spells an organisation of the
        folder, rebuilt from its pseudonym; None when it spells none."""
        wanted = _alnum(local)
        if len(wanted) < 3:
            return None
        for mention, text in self.organisations.named_near(note):
            value = self._organisation_form(mention, text, wanted)
            if value:
                return shaped_words(local, value)
        return None

    def _owner(self, chunks: Sequence[str], note: int) -> Identity | None:
        """The person a local part is about: the one whose name is one of its words
        ("as.hernandez"), else the one of the note whose initials it is ("ah")."""
        for chunk in chunks:
            found = self.book.person_with_token(chunk, note)
            if found is not None:
                return found[0]
        for chunk in chunks:
            for identity in self.book.persons_of(note):
                if identity.kind != "pet" and key_of(chunk) in _real_initials(identity):
                    return identity
        return None

    def _place_word(self, chunk: str, note: int) -> str | None:
        """A word of a local part or a handle that names a place of the note
        ("grimpeurs.de.meuse" beside "Meuse"): the place's pseudonym, glued."""
        place = self.book.place_in(chunk, note) if len(chunk) >= 3 else None
        if place is None:
            return None
        places = self.organisations.places
        kind = place_kind(chunk) or "commune"
        entity = Entity(0, len(chunk), "LOCATION", chunk, 1.0, "slug-place", (("kind", kind),))
        value = LEADING_ARTICLE.sub("", places.render(Mention(entity, note, place), chunk), count=1)
        if not value[:1].isupper():  # places generalized ("une ville"): a town here
            value = places.town(place)
        return ascii_slug(value).replace("-", "") or None

    def _initials(self, chunk: str, identity: Identity, note: int) -> str:
        """Initials of a person's pseudonym standing for initials of the person, in
        the same order and number: "jb" (Jean-Baptiste) -> "mc" (Marie-Claire),
        "ah" (Aurore Hernandez) or "as" beside "hernandez" -> "ev" (Émeline Vanhille),
        "ha" -> "ve"."""
        first = [ascii_slug(w)[:1] for w in re.split(r"[ -]", self.persons.first(identity)) if w]
        last = []
        if identity.last:
            last = [ascii_slug(self.persons.surname_of(identity))[:1]]
        norm = key_of(chunk)
        real_first, real_last = _initial_parts(identity)
        if norm == real_first:
            letters = "".join(first)
        elif real_last and norm == real_last + real_first:
            letters = "".join(last + first)
        else:
            letters = "".join(first + last)
        letters = letters[: len(norm)]
        while len(letters) < len(norm):
            letters += self.persons.letter_for(f"{note}:{norm}:{len(letters)}", norm[len(letters)])
        return letters.upper() if chunk.isupper() else letters

    def _word(
        self, chunk: str, following: str, note: int, notes: set[int], owner: Identity | None = None
    ) -> str:
        norm = key_of(chunk)
        found = self.book.person_with_token(chunk, note)
        if found is not None:
            return self.persons.name(*found)
        # several people of the note bear it ("Françoise" alone and "Françoise
        # Masson"): their pseudonyms agree more often than not
        values = {
            self.persons.name(i, role) for i, role in self.book.people_with_token(chunk, note)
        }
        if len(values) == 1:
            return values.pop()
        if norm in self._generic or norm in NAME_STOP_WORDS:
            return chunk  # "contact", "de" of "grimpeurs.de.meuse": no name
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
        place = self._place_word(chunk, note)
        if place is not None:
            return place
        if (
            owner is not None
            and 2 <= len(norm) <= 3
            and norm.isalpha()
            and first_name_gender(chunk) is None
        ):
            return self._initials(chunk, owner, note)  # "as.hernandez": initials stay
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

    # -- domains ----------------------------------------------------------------------
    def domain(self, domain: str, note: int, notes: set[int]) -> str:
        """The domain an address or a link is given, the same for the whole folder."""
        domain = domain.lower().strip(".")
        if is_public_domain(domain):
            return domain
        key = "DOMAIN:" + domain
        known = self.picker.table.get(key)
        if known is not None:
            return known
        parts = OFFLINE_TLD(domain)
        label, suffix, sub = parts.domain, parts.suffix, parts.subdomain
        if not label or not suffix:  # "serveur.local": no public suffix
            sub, _, rest = domain.rpartition(".")
            label, suffix = (sub, rest) if sub else (domain, "fr")
            sub = ""
        suffix = regional_tlds().get(suffix, suffix)
        new = (
            self._organisation_label(label, note)
            or self._person_label(label, note)
            or self._invented_label(label, notes)
        )
        host = sub if sub in SERVICE_HOSTS else ""
        value = ".".join(p for p in (host, new, suffix) if p)
        return self.picker.remember(key, value, "domains", notes)

    def _organisation_label(self, label: str, note: int) -> str | None:
        """The pseudonym of the organisation whose name the domain spells
        ("lumeo-robotics", "polyclinique-venetes", "tyglaz" of "Conserverie Ty
        Glaz"), written like the domain; None when no organisation fits. The
        note's organisations first, then the folder's."""
        wanted = _alnum(label)
        if not wanted:
            return None
        for mention, text in self.organisations.named_near(note):
            value = self._organisation_form(mention, text, wanted)
            if value:
                return slug_shape(label, value).lower()
        return None

    def _forms_of(self, mention: Mention) -> tuple[list[tuple[str, str | None, bool]], ...]:
        """The ways a domain or a handle may spell an organisation's mention, letters
        and digits only, (spelled, head noun left out, leading article left out), with
        its small words kept, then dropped; once per mention: every address of a
        folder is compared with every organisation of it."""
        cached = self._org_forms.get(id(mention))
        if cached is not None:
            return cached
        original = mention.entity.text
        identity = mention.identity
        assert identity is not None
        # (form, head noun left out, leading article left out)
        forms: list[tuple[str, str | None, bool]] = [(original, None, False)]
        found = org_head(original, identity.head)
        if found is not None and len(found[0]) < len(original):
            forms.append((original[len(found[0]) :].strip(), found[0], False))
        # "Les Grimpeurs de Meuse" is "grimpeurs.de.meuse" in a handle
        for form, head, _ in list(forms):
            article = LEADING_ARTICLE.match(form)
            if article is not None:
                forms.append((form[article.end() :], head, True))
        spelled = tuple(
            [(_alnum(_without(form, stop)), head, bare) for form, head, bare in forms]
            for stop in (False, True)
        )
        self._org_forms[id(mention)] = spelled
        return spelled

    def _organisation_form(self, mention: Mention, text: str, wanted: str) -> str | None:
        """The organisation's pseudonym in the form whose real counterpart is
        `wanted`: its whole name or its name without the head noun, with or
        without "de", "des"..."""
        identity = mention.identity
        assert identity is not None
        for stop_words in (False, True):
            for spelled, head, articleless in self._forms_of(mention)[stop_words]:
                if spelled != wanted:
                    continue
                value = self.organisations.render(mention, text)
                if head is not None:
                    named = self.picker.table.get(f"ORG:{identity.key}:name")
                    if named is not None:
                        value = named
                    elif value.lower().startswith(head.lower()):
                        value = value[len(head) :].strip()
                if articleless:
                    value = LEADING_ARTICLE.sub("", value, count=1)
                return _without(value, stop_words)
        return None

    def _person_label(self, label: str, note: int) -> str | None:
        """'thierry-conseil', 'julienmarchand': a person of the note and ordinary
        words, rebuilt from the pseudonym; None when a word is neither."""
        chunks = [c for c in re.split(r"[-_.\d]+", label) if c]
        out: list[str] = []
        named = False
        for chunk in chunks:
            norm = key_of(chunk)
            found = self.book.person_with_token(chunk, note, scope_only=True)
            if found is not None:
                out.append(ascii_slug(self.persons.name(*found)).replace("-", ""))
                named = True
                continue
            glued = self._glued(norm, note)
            if glued is not None:
                out.append(glued)
                named = True
                continue
            # "conseil" is a rare surname too, but no name of the folder: a word here
            if norm in self._generic or (
                len(norm) > 2
                and norm not in self.book.name_words
                and is_ordinary_word(chunk)
                and first_name_gender(chunk) is None
            ):
                out.append(chunk)
                continue
            return None
        if not named:
            return None
        separator = "-" if "-" in label else ""
        return separator.join(out)

    def _invented_label(self, label: str, notes: set[int]) -> str:
        """An invented company's domain ("cedre-horizon"), drawn from the
        organisation-name lists, never one of the folder's real domains."""
        real = self._real_labels | {_alnum(d.split(".")[0]) for d in public_domains()}

        def fits(value: str) -> bool:
            return " " in value and not {_alnum(value), ascii_slug(value)} & real

        name = self.picker.pick(
            "DOMAIN:name:" + _alnum(label), "domain names", invented_names(), notes, accept=fits
        )
        return slug_shape(label if "-" in label else "x-y", name).lower()

    # -- the values -------------------------------------------------------------------
    def email(self, mention: Mention) -> str:
        e = mention.entity
        notes = mention.identity.notes if mention.identity else {mention.note}
        key = "EMAIL:" + key_of(e.text)
        if SPOKEN_AT.search(e.text):
            local, spoken_domain = SPOKEN_AT.split(e.text, maxsplit=1)
            words = self.local_words(SPOKEN_SEPARATORS.sub(".", local), mention.note, notes)
            domain = self.domain(
                re.sub(r"\s+", "", SPOKEN_SEPARATORS.sub(".", spoken_domain)), mention.note, notes
            )
            return self._value(
                key,
                lambda rng: (
                    " point ".join(ascii_slug(w) for w in words)
                    + " arobase "
                    + " point ".join(domain.split("."))
                ),
            )
        words = self.local_words(e.text.split("@")[0], mention.note, notes)
        domain = self.domain(re.sub(r"\s+", "", e.text).partition("@")[2], mention.note, notes)
        return self._value(key, lambda rng: fake_email(e.text, words, rng, domain))

    def url(self, mention: Mention) -> str:
        e = mention.entity
        notes = mention.identity.notes if mention.identity else {mention.note}
        tail = ""
        if "/" in e.text or e.text.startswith("@"):
            tail = e.text.rstrip("/").split("/")[-1].lstrip("@")
        words = self.local_words(tail, mention.note, notes) if tail else []
        host = _host(e.text)
        if host and not e.text.startswith("@"):
            host = self.domain(host, mention.note, notes)
        return self._value("URL:" + key_of(e.text), lambda rng: fake_url(e.text, words, rng, host))

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


LEADING_ARTICLE = re.compile(r"(?:les?|la)\s+|l['’]", re.IGNORECASE)
LOCAL_SEPARATORS = re.compile(r"[._\-+]+")


def shaped_words(local: str, value: str) -> list[str]:
    """An organisation's pseudonym as the words of a local part shaped like `local`,
    to be joined with its separator: one word per word when `local` has as many
    ("grimpeurs.de.meuse" -> grimpeurs, de, dordogne), the head noun apart and the
    name glued when `local` reads that way ("ehpad.lebeffroi" -> ehpad,
    saintetherese), one glued word when `local` has no separator."""
    chunks = [c for c in LOCAL_SEPARATORS.split(local) if c]
    words = [w for w in ascii_slug(value).split("-") if w]
    if not words:
        return []
    if len(chunks) == len(words):
        out = words
    elif len(chunks) > 1 and key_of(chunks[0]) == words[0]:
        out = [words[0], "".join(words[1:])]
    elif len(chunks) > 1:
        out = words
    else:
        out = ["".join(words)]
    return [w.upper() for w in out] if local.isupper() else out


def _initial_parts(identity: Identity) -> tuple[str, str]:
    """The letters of a person's first name(s) and surname(s): ("jb", "m") for
    Jean-Baptiste Marchand, ("a", "cf") for Aurore Crépin-Fabre."""
    first = "".join(w[0] for w in re.split(r"[ -]", identity.first) if w)
    last = "".join(w[0] for w in re.split(r"[ -]", identity.last) if w and w not in NAME_STOP_WORDS)
    return first, last


def _real_initials(identity: Identity) -> set[str]:
    """The initials a local part may write a person with: "jb", "jbm", "mjb"."""
    first, last = _initial_parts(identity)
    # "hc" for Hélène Crépin-Fabre: a compound surname's first letter only
    found = {first + last, last + first, first + last[:1]} if first and last else set()
    if len(first) > 1:
        found.add(first)
    return {f for f in found if len(f) > 1}


def _host(link: str) -> str:
    """The host of a link or of an address, without its scheme or "www.":
    "https://www.jean-atelier.fr/tarifs" -> "jean-atelier.fr"."""
    if "@" in link and not link.startswith("@"):
        return re.sub(r"\s+", "", link).partition("@")[2].lower()
    if link.startswith("@"):
        return ""
    host = re.sub(r"^[a-z]+://", "", link.strip().lower())
    host = re.split(r"[/?#:]", host, maxsplit=1)[0]
    return host.removeprefix("www.")
