"""Pseudonyms: fluent French stand-ins, consistent across a notes folder.

A person's first and last names are mapped separately and composed, so
"Julien Marchand", "Julien", "M. Marchand" and "MARCHAND" stay coherent; the
first name keeps the gender; a place becomes a place of the same kind and
size; an organisation keeps its head noun; contact details and identifiers
become fictitious values of the same shape; dates and ages are coarsened.

Every decision is stored in `table` (real form -> replacement), which is what
the encrypted mapping file saves, so a second run gives the same output.
"""

from __future__ import annotations

import bisect
import hashlib
import random
import re
from functools import cache

from recognizers.lexicons import is_country, lines, place_kind

from ..config import Config
from ..detect.identities import IdentityBook, normalize
from ..detect.propagate import _stopwords
from ..entities import Entity
from .coarsen import age_frame, coarsen_age, coarsen_date
from .fictitious import (
    fake_address,
    fake_email,
    fake_id,
    fake_phone,
    fake_spelled_phone,
    fake_url,
)
from .pools import (
    communes,
    fallback_towns,
    gender_of_first_name,
    is_first_name,
    pseudo_first_names,
    pseudo_surnames,
    words,
)

FEMININE_CUES = re.compile(
    r"(?:\b(?:Mme|Mmes|Madame|Mlle|Mademoiselle|sa|ma|Sa|Ma|née|cliente|sœur|soeur|fille|mère|"
    r"femme|épouse|compagne|conjointe|tante|cousine|amie|nièce|belle-mère|grand-mère|"
    r"Mamie|Mémé|Tata|Maman|directrice|collègue|associée|cheffe|chienne|petite-fille)\.?\s+)$"
)
MASCULINE_CUES = re.compile(
    r"(?:\b(?:M|Mr|Monsieur|né|client|frère|fils|père|mari|époux|compagnon|conjoint|oncle|"
    r"cousin|ami|neveu|beau-père|grand-père|Papi|Pépé|Papy|Tonton|Papa|directeur|associé|"
    r"chef|chien|petit-fils)\.?\s+)$"
)
TITLE_BEFORE = re.compile(
    r"\b(?:M|Mme|Mlle|Dr|Pr|Me|Monsieur|Madame|Mademoiselle|Docteur|Maître)\.?\s+$"
)
INITIAL = re.compile(r"^(?:[A-ZÀ-Ý]\.)(?:-?[A-ZÀ-Ý]\.)*$")
SPLIT_WS = re.compile(r"(\s+)")
PLACE_HEADS = (
    "salle",
    "gare",
    "quartier",
    "domaine",
    "stade",
    "parc",
    "théâtre",
    "musée",
    "aéroport",
    "port",
    "plage",
    "lac",
    "île",
    "station",
    "résidence",
    "cité",
    "place",
)
GENERIC_LOCAL = frozenset(
    {
        "contact",
        "info",
        "infos",
        "compta",
        "comptabilite",
        "direction",
        "rh",
        "secretariat",
        "accueil",
        "admin",
        "bonjour",
        "hello",
        "equipe",
        "facturation",
        "pro",
        "perso",
        "coach",
        "coaching",
        "ce",
        "in",
    }
)


class PseudonymStyle:
    """The default, publication-grade style."""

    name = "pseudonym"

    def __init__(self, book: IdentityBook, config: Config, table: dict[str, str] | None = None):
        self.book = book
        self.config = config
        self.seed = config.seed
        self.table: dict[str, str] = table if table is not None else {}
        self.used: set[str] = {normalize(v) for v in self.table.values()}
        self._allow = {normalize(a) for a in config.allow_terms()}
        # the coach's deny-list names real people too: never hand them out
        self._denied = {w for d in config.deny for w in normalize(d).split() if len(w) > 1}
        self._letters: dict[str, str] = {}

    # -- deterministic choices ----------------------------------------------
    def rng(self, key: str) -> random.Random:
        digest = hashlib.sha256(f"{self.seed}\x00{key}".encode()).digest()
        return random.Random(int.from_bytes(digest[:8], "big"))

    def _forbidden(self, candidate: str) -> bool:
        n = normalize(candidate)
        return (
            n in self.used
            or n in self._allow
            or any(w in self.book.real_words or w in self._denied for w in n.split())
        )

    def pick(self, key: str, pool: tuple[str, ...] | list[str]) -> str:
        """A stable choice for `key`, never a real name of the scope nor one in use."""
        if key in self.table:
            known = self.table[key]
            # a pseudonym from an earlier run must not be a real name of this batch
            if not any(w in self.book.real_words for w in normalize(known).split()):
                return known
            del self.table[key]
        if not pool:
            raise ValueError(f"empty pseudonym pool for {key.split(':')[0]}")
        rng = self.rng(key)
        start = rng.randrange(len(pool))
        choice = None
        for i in range(len(pool)):
            candidate = pool[(start + i) % len(pool)]
            if not self._forbidden(candidate):
                choice = candidate
                break
        if choice is None:  # pool exhausted: numbered variant, still fictitious
            choice = f"{pool[start]} {len(self.used) + 2}"
        self.table[key] = choice
        self.used.add(normalize(choice))
        return choice

    def _value(self, key: str, make) -> str:
        if key not in self.table:
            self.table[key] = make(self.rng(key))
        return self.table[key]

    # -- entry point -----------------------------------------------------------
    def prepare(self, texts, detected) -> None:
        """Map full names first, so that lone first names, nicknames, e-mails
        and organisations named after someone find the pseudonym already chosen."""
        for text, entities in zip(texts, detected, strict=True):
            for e in entities:
                if e.type == "PERSON" and len(SPLIT_WS.split(e.text.strip())) > 1:
                    self._person(e, text)

    def replacement(self, entity: Entity, text: str) -> str:
        handler = getattr(self, f"_{entity.type.lower()}", None)
        if handler is None:
            return "[" + entity.type + "]"
        return handler(entity, text)

    # -- persons ---------------------------------------------------------------
    def gender(self, entity: Entity, text: str, first_token: str | None) -> str:
        identity = self.book.identity_of(entity)
        key = "GENDER:" + normalize(identity.canonical)
        if key in self.table:
            return self.table[key]
        gender = entity.hint("gender") or identity.hints.get("gender")
        if gender not in ("F", "M"):
            before = text[max(0, entity.start - 25) : entity.start]
            if FEMININE_CUES.search(before):
                gender = "F"
            elif MASCULINE_CUES.search(before):
                gender = "M"
            elif first_token:
                gender = gender_of_first_name(first_token)
        if gender not in ("F", "M"):
            gender = self.rng(key).choice("FM")
        self.table[key] = gender
        return gender

    def _letter(self, letter: str) -> str:
        if letter not in self._letters:
            rng = self.rng("LETTER:" + letter)
            # never the same letter: "K." must not come out as "K."
            others = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c != letter.upper()]
            self._letters[letter] = rng.choice(others)
        return self._letters[letter]

    def _initials(self, token: str) -> str:
        return re.sub(r"[A-ZÀ-Ý]", lambda m: self._letter(m.group()), token)

    def _initials_of(self, token: str, identity) -> str:
        """'V.' of 'Prune V.' is the initial of the pseudonym of 'Vasseur' when known."""
        if len(token) == 2:
            letter = normalize(token[0])
            for real in identity.tokens:
                if real.startswith(letter):
                    for role in ("last", "first"):
                        value = self.table.get(f"PERSON:{role}:{real}")
                        if value:
                            return value[0].upper() + "."
        return self._initials(token)

    def _roles(self, tokens: list[str], entity: Entity, text: str) -> list[str]:
        """'first' or 'last' for each name token of a mention."""
        if len(tokens) == 1:
            tok = tokens[0]
            norm = normalize(tok)
            known = [r for r in ("first", "last") if f"PERSON:{r}:{norm}" in self.table]
            if known:
                return [known[0]]
            part = entity.hint("part")
            if part in ("first", "nickname"):
                return ["first"]
            if part == "last":
                return ["last"]
            if part == "initials" and INITIAL.match(entity.text.split()[0]):
                return ["last"]  # "H.-C. FAUCHER", "S. Rigal": initials, then the surname
            before = text[max(0, entity.start - 15) : entity.start]
            if TITLE_BEFORE.search(before) or re.search(r"\bles\s+$", before):
                return ["last"]
            return ["first"]
        caps = [t.isupper() and len(t) > 1 for t in tokens]
        if any(caps) and not all(caps):
            return ["last" if c else "first" for c in caps]
        return ["first"] + ["last"] * (len(tokens) - 1)

    def _nickname_of(self, norm: str) -> str | None:
        """The pseudonym of the one first name this short form abbreviates ('vic' -> 'victoire')."""
        if len(norm) < 2 or len(norm) > 5:
            return None
        prefix = "PERSON:first:"
        owners = {
            v
            for k, v in self.table.items()
            if k.startswith(prefix)
            and k[len(prefix) + 1 : len(prefix) + 2] != ":"  # not a gendered key
            and k[len(prefix) :].startswith(norm)
            and k[len(prefix) :] != norm
        }
        return owners.pop() if len(owners) == 1 else None

    def _name_token(self, token: str, role: str, gender: str) -> str:
        norm = normalize(token)
        key = f"PERSON:{role}:{norm}"
        if role == "first" and key not in self.table and (nick := self._nickname_of(norm)):
            self.table[key] = nick
        if role == "first":
            # "Camille" the man and "Camille" the woman get different first names
            gendered = f"PERSON:first:{gender}:{norm}"
            if gendered not in self.table and key in self.table:
                known = self.table[key]
                if known in pseudo_first_names()[gender]:
                    self.table[gendered] = known
            value = self.pick(gendered, pseudo_first_names()[gender])
            self.table.setdefault(key, value)
        else:
            value = self.pick(f"PERSON:last:{norm}", pseudo_surnames())
            # "fabre" in a.fabre@... is the Fabre of Fabre-Sanchez
            for part in norm.split():
                self.table.setdefault(f"PERSON:last:{part}", value)
        if token.isupper() and len(token) > 1:
            return value.upper()
        if token.islower():
            return value.lower()
        return value

    def _person(self, entity: Entity, text: str) -> str:
        identity = self.book.identity_of(entity)
        if (entity.hint("kind") or identity.hints.get("kind")) == "pet":
            return self.pick("PET:" + normalize(entity.text), words("pseudo_pet_names.txt"))
        pieces = SPLIT_WS.split(entity.text)
        words_ = [p for p in pieces if p and not p.isspace()]
        stop = _stopwords()
        names = [w for w in words_ if not INITIAL.match(w) and w.casefold().strip(".") not in stop]
        roles = iter(self._roles(names, entity, text) if names else [])
        first_token = names[0] if names else None
        gender = self.gender(entity, text, first_token)
        out: list[str] = []
        for i, w in enumerate(words_):
            if INITIAL.match(w):
                out.append(self._initials_of(w, identity))
            elif w.casefold().strip(".") in stop:
                # a particle of the real surname ("Le" of "Le Bras") goes with it
                if i == len(words_) - 1:
                    out.append(w)
            else:
                out.append(self._name_token(w, next(roles), gender))
        return " ".join(out)

    # -- places ------------------------------------------------------------------
    def _location(self, entity: Entity, text: str) -> str:
        key = "LOCATION:" + normalize(entity.text)
        if key in self.table:
            return self.table[key]
        kind = entity.hint("kind") or ("country" if is_country(entity.text) else "")
        kind = kind or place_kind(entity.text)  # "Bretagne" found by spaCy is a region
        if self.config.places == "generalize":
            return self._set(key, _generalized_place(entity.text, kind))
        if (_org_head(entity.text) and not entity.text[:1].isupper()) or re.match(
            r"^(?:CHU|CHR|IUT|CREPS|INSPÉ|CNSMD)\b", entity.text
        ):
            return self._org(entity, text)
        before = text[max(0, entity.start - 12) : entity.start].lower()
        head = entity.text.split(" ", 1)[0]
        if head.lower() in PLACE_HEADS and " " in entity.text:
            return self._set(key, head + " " + self.pick(key + ":name", words("org_names.txt")))
        if kind == "country":
            prep = "au" if re.search(r"\b(?:au|du)\s*$", before) else "en"
            pool = tuple(
                ln.split("\t")[0]
                for ln in lines("pseudo_countries.tsv", package="anonymize")
                if ln.endswith(prep)
            )
            return self.pick(key, pool)
        if kind == "foreign_city":
            return self.pick(key, words("pseudo_foreign_cities.txt"))
        article = re.search(r"(?:^|\s)(le|la|l'|les)\s*$", before)
        if kind in ("region", "department") or article:
            # "dans le Pays d'Auge": a region that takes the same article
            wanted = {"le": "M", "la": "F", "l'": "V"}.get(article.group(1) if article else "", "")
            if not article and re.search(r"\ben\s*$", before):
                wanted = "FV"  # "en Bretagne", "en Auvergne": never "en Indre"
            pool = tuple(
                ln.split("\t")[0]
                for ln in lines("pseudo_regions.txt", package="anonymize")
                if not wanted or ln.split("\t")[1] in wanted
            )
            if not pool:
                pool = tuple(
                    ln.split("\t")[0] for ln in lines("pseudo_regions.txt", package="anonymize")
                )
            return self.pick(key, pool)
        return self.pick(key, self._similar_towns(entity.text))

    def _set(self, key: str, value: str) -> str:
        self.table[key] = value
        self.used.add(normalize(value))
        return value

    def _similar_towns(self, name: str) -> tuple[str, ...]:
        """Communes of a size close to `name`'s, without a leading article."""
        ranked = _communes_by_population()
        population = _population_of().get(name.strip().casefold())
        if population is None or not ranked:
            return fallback_towns()
        i = bisect.bisect_left(_populations(), population)
        window = ranked[max(0, i - 60) : i + 60]
        return tuple(n for _, n in window)

    # -- organisations -----------------------------------------------------------
    def _org(self, entity: Entity, text: str) -> str:
        key = "ORG:" + normalize(entity.text)
        if key in self.table:
            return self.table[key]
        original = entity.text
        # an organisation named after a person follows that person's pseudonym
        replaced, changed = self._swap_known_names(original)
        if changed:
            return self._set(key, replaced)
        article = re.match(r"^(?:Le |La |Les |L')", original)
        body = original[article.end() :] if article else original
        head = _org_head(body)
        if head:
            written_head = head
            rest = body[len(head) :].strip()
            prefix = (article.group() if article else "") + written_head
            # "CHU de Poitiers": a town; "ferme des Trois-Chênes" is a name
            place = re.match(r"^(de |d')(.+)$", rest)
            if place and place.group(2)[:1].isupper():
                # the town's own pseudonym: "université de Nantes" and "à Nantes" agree
                name = place.group(2)
                start = entity.end - len(name)
                town = self._location(
                    Entity(start, entity.end, "LOCATION", name, entity.score, "org-place"), text
                )
                if not town[:1].isupper():  # places generalized ("une ville"): a town here
                    town = self.pick(key + ":town", self._similar_towns(name))
                joiner = "d'" if re.match(r"^[AEIOUYÉÈÂÎ]", town) else "de "
                return self._set(key, f"{prefix} {joiner}{town}")
            if head.lower().split()[-1] in ("lycée", "collège", "école"):
                return self._set(
                    key, f"{prefix} {self.pick(key + ':name', words('school_patrons.txt'))}"
                )
            return self._set(key, f"{prefix} {self.pick(key + ':name', words('org_names.txt'))}")
        if re.fullmatch(r"[A-Z0-9&\-]{2,8}", original):
            return self._value(
                key,
                lambda rng: "".join(
                    chr(ord("A") + rng.randrange(26)) if c.isalpha() else c for c in original
                ),
            )
        return self.pick(key, words("org_names.txt"))

    def _swap_known_names(self, text: str) -> tuple[str, bool]:
        changed = False

        def swap(match: re.Match) -> str:
            nonlocal changed
            if not match.group()[:1].isupper():
                return match.group()  # names are capitalized: "de", "du" are not swapped
            norm = normalize(match.group())
            for role in ("last", "first"):
                value = self.table.get(f"PERSON:{role}:{norm}")
                if value:
                    changed = True
                    return value.upper() if match.group().isupper() else value
            return match.group()

        return re.sub(r"[\wÀ-ÿ'’-]+", swap, text), changed

    # -- contact details and numbers -------------------------------------------
    def _local_words(self, local: str) -> list[str]:
        out = []
        for chunk in re.split(r"[._\-+\d]+", local):
            if not chunk:
                continue
            norm = normalize(chunk)
            mapped = (
                self.table.get(f"PERSON:first:{norm}")
                or self.table.get(f"PERSON:last:{norm}")
                or self._nickname_of(norm)
            )
            if mapped:
                out.append(mapped)
            elif norm in GENERIC_LOCAL:
                out.append(chunk)
            elif len(chunk) == 1:
                out.append(self._letter(chunk.upper()).lower())
            elif is_first_name(chunk):
                out.append(
                    self.pick(
                        f"PERSON:first:{norm}",
                        pseudo_first_names()["F" if gender_of_first_name(chunk) == "F" else "M"],
                    )
                )
            else:
                out.append(self.pick(f"PERSON:last:{norm}", pseudo_surnames()))
        return out

    def _email(self, entity: Entity, text: str) -> str:
        key = "EMAIL:" + normalize(entity.text)
        if " arobase " in entity.text.lower() or " at " in entity.text.lower():
            local = re.split(r"\s+(?:arobase|at)\s+", entity.text, flags=re.I)[0]
            words_ = self._local_words(re.sub(r"\s+(?:point|tiret|underscore)\s+", ".", local))
            return self._value(
                key,
                lambda rng: (
                    " point ".join(w.lower() for w in words_) + " arobase example point org"
                ),
            )
        local = entity.text.split("@")[0]
        words_ = self._local_words(local)
        return self._value(key, lambda rng: fake_email(entity.text, words_, rng))

    def _url(self, entity: Entity, text: str) -> str:
        key = "URL:" + normalize(entity.text)
        tail = (
            entity.text.rstrip("/").split("/")[-1].lstrip("@")
            if "/" in entity.text or entity.text.startswith("@")
            else ""
        )
        words_ = self._local_words(tail) if tail else []
        return self._value(key, lambda rng: fake_url(entity.text, words_, rng))

    def _phone(self, entity: Entity, text: str) -> str:
        key = (
            "PHONE:" + re.sub(r"\D", "", entity.text)
            if re.search(r"\d", entity.text)
            else "PHONE:" + normalize(entity.text)
        )
        if not re.search(r"\d", entity.text):
            return self._value(key, lambda rng: fake_spelled_phone(entity.text, rng))
        return self._value(key, lambda rng: fake_phone(entity.text, rng))

    def _id(self, entity: Entity, text: str) -> str:
        return self._value(
            "ID:" + re.sub(r"\s", "", entity.text), lambda rng: fake_id(entity.text, rng)
        )

    def _address(self, entity: Entity, text: str) -> str:
        return self._value(
            "ADDRESS:" + normalize(entity.text), lambda rng: fake_address(entity.text, rng)
        )

    # -- dates and ages -----------------------------------------------------------
    def _date(self, entity: Entity, text: str) -> str:
        shift = 0
        if self.config.shift_dates:
            shift = self.rng("DATE-SHIFT").randint(-6, 6) or 1
        return coarsen_date(entity.text, self.config.dates, shift)

    def _age(self, entity: Entity, text: str) -> str:
        return coarsen_age(entity.text, age_frame(text[: entity.start]))


def _generalized_place(name: str, kind: str) -> str:
    """'Annecy' -> 'une ville moyenne', by kind and population."""
    if kind == "country":
        return "un pays étranger"
    if kind == "foreign_city":
        return "une ville étrangère"
    if kind in ("region", "department"):
        return "une région"
    population = _population_of().get(name.strip().casefold())
    if population is None:
        return "une ville"
    if population >= 200_000:
        return "une grande ville"
    if population >= 20_000:
        return "une ville de taille moyenne"
    if population >= 2_000:
        return "une petite ville"
    return "un village"


def _org_head(body: str) -> str | None:
    """The name's opening words up to its head noun: 'lycée', 'Judo Club', 'CHU'."""
    lower = body.lower()
    heads = sorted(words("org_heads.txt"), key=len, reverse=True)
    for head in heads:
        h = head.lower()
        for m in re.finditer(re.escape(h), lower):
            end = m.end()
            whole = (m.start() == 0 or not lower[m.start() - 1].isalnum()) and (
                end == len(lower) or not lower[end].isalnum()
            )
            # the head opens the name or follows at most two words ("Judo Club Agenais")
            if whole and lower[: m.start()].count(" ") <= 2 and end < len(lower):
                return body[:end]
            if whole and m.start() == 0:
                return body[:end]
    return None


_RANKED: list[tuple[int, str]] | None = None
_POP: dict[str, int] | None = None


def _communes_by_population() -> list[tuple[int, str]]:
    global _RANKED
    if _RANKED is None:
        _RANKED = sorted(
            (pop, name) for name, pop in communes() if not re.match(r"^(?:Le|La|Les|L')[ ']", name)
        )
    return _RANKED


@cache
def _populations() -> list[int]:
    return [p for p, _ in _communes_by_population()]


def _population_of() -> dict[str, int]:
    global _POP
    if _POP is None:
        _POP = {name.casefold(): pop for name, pop in communes()}
    return _POP


class RolesStyle(PseudonymStyle):
    """Published-illustration style: the client is "ma cliente", a relative
    introduced by a relation word is known by that relation only."""

    name = "roles"
    RELATION = re.compile(
        r"\b(?P<phrase>(?:mon|ma|son|sa|leur|notre|votre)\s+(?:(?:petite?|grande?|belle|beau|demi)-)?"
        r"(?:sœur|soeur|frère|fils|fille|mari|femme|épouse|époux|compagne|compagnon|conjoint|conjointe|"
        r"mère|père|manager|associé|associée|collègue|cheffe|chef|patron|patronne|amie?|tante|oncle|"
        r"cousine?|neveu|nièce|grand-mère|grand-père|belle-mère|beau-père|N\+1|directrice|directeur|"
        r"entraîneur|entraîneuse|chienne?|chat|chatte|enfant|bébé))\s+$",
        re.IGNORECASE,
    )

    def __init__(self, book: IdentityBook, config: Config, table: dict[str, str] | None = None):
        super().__init__(book, config, table)
        self._client_key: str | None = None

    def _client(self) -> str | None:
        if self._client_key is None:
            counts: dict[str, int] = {}
            for identity in self.book.identities:
                if identity.type == "PERSON":
                    counts[normalize(identity.canonical)] = identity.mentions
            wanted = normalize(self.config.client) if self.config.client else None
            if wanted:
                # exact name first, then a person holding every token ("Anne" is
                # not "Marianne")
                persons = [i for i in self.book.identities if i.type == "PERSON"]
                tokens = set(wanted.split())
                match = next(
                    (i for i in persons if normalize(i.canonical) == wanted),
                    next(
                        (i for i in persons if tokens <= set(normalize(i.canonical).split())), None
                    ),
                )
                self._client_key = normalize(match.canonical) if match else wanted
            elif counts:
                self._client_key = max(counts, key=counts.get)
            else:
                self._client_key = ""
        return self._client_key or None

    def _person(self, entity: Entity, text: str) -> str:
        identity = self.book.identity_of(entity)
        ident = normalize(identity.canonical)
        if ident == self._client():
            gender = self.gender(entity, text, entity.text.split()[0])
            return "ma cliente" if gender == "F" else "mon client"
        role_key = "ROLE:" + ident
        before = text[max(0, entity.start - 40) : entity.start]
        if (m := self.RELATION.search(before)) and role_key not in self.table:
            self.table[role_key] = m.group("phrase").lower()
            return ""
        if role_key in self.table:
            if self.RELATION.search(before):
                return ""
            return self.table[role_key]
        return super()._person(entity, text)
