"""Who is who: every mention of a scope attached to one identity.

Replacement works on identities, not on spans. "Julien Marchand", "Julien",
"M. Marchand", "MARCHAND", "J. M.", "Juju" and "les Marchand" in one note are
mentions of one person; the style renders each mention from that person's
pseudonym, so the person never gets two renderings.

A scope is what must stay consistent: one note, or every note (and file
name) of a batch. Persons are linked in two steps:

1. inside a note, a full name (a first name and a surname) founds an identity;
   a lone first name, surname, set of initials or nickname joins the one
   identity of that note it fits (a nickname fits the first name it starts,
   or a first name it doubles the first syllable of: "Juju" for Justine);
2. across the scope, a full name is the same person wherever it is written;
   a mention that fits no identity of its note joins the one identity of the
   scope it fits, or founds its own, keyed by what it says ("Julien", a
   woman), so that the same lone name reads the same in every note.

Places and organisations are identities keyed by their folded name, values
(e-mails, phones, numbers) by their characters; dates and ages have none.
Each identity collects what the notes say of it: the gender (titles,
agreement, relation words, the first name's gender), the age, the relation
word that introduces it ("sa sœur", "son adjointe").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from recognizers._names import first_name
from recognizers.lexicons import (
    first_name_gender,
    fold,
    is_surname,
    is_surname_particle,
    lines,
    org_head,
    org_name,
    place_entry,
    relation_words,
)

from ..entities import Entity
from .canonical import plain

NAME_TYPES = ("PERSON", "LOCATION", "ORG")
VALUE_TYPES = ("EMAIL", "URL", "PHONE", "ID", "ADDRESS")
# Initials: "J.", "J.-P.", "J-L.", "G.M", "JB" is a nickname.
INITIALS = re.compile(r"(?:[A-ZÀ-Ý]\.?-?)*[A-ZÀ-Ý]\.(?:-?[A-ZÀ-Ý]\.?)*|[A-ZÀ-Ý]")
TOKEN = re.compile(r"[^\s,;:()\[\]{}\"«»/]+")
# How far before a mention a gender or relation cue is looked for.
CUE_WINDOW = 40
# An age belongs to the person named just before it in the same sentence.
AGE_WINDOW = 60


KEY_SEPARATORS = re.compile(r"[\s'’.\-]+")


@lru_cache(maxsize=1 << 17)
def key_of(text: str) -> str:
    """Case-, accent- and spacing-insensitive key of a surface form: the one key
    identities, pools and the mapping compare names on (Markdown emphasis inside a
    name is no part of it: `Mar*chand*` is `Marchand`)."""
    return KEY_SEPARATORS.sub(" ", fold(plain(text)).replace("*", "")).strip()


@dataclass(frozen=True)
class Part:
    """One token of a person's mention and the role it plays in the name."""

    text: str
    role: str  # first | last | particle | initial | nickname

    @property
    def key(self) -> str:
        return key_of(self.text)


@dataclass(eq=False)
class Identity:
    """One person, place, organisation or value of the scope."""

    key: str
    type: str
    number: int  # per type, in order of first appearance: [PERSONNE_3]
    canonical: str  # the fullest form seen
    first: str = ""  # folded first name(s), "" when never said
    first_written: str = ""  # the first name as written ("Andrée": its gender needs the accent)
    last: str = ""  # folded surname, particles included
    initials: str = ""  # letters of the initials seen, when no name is known
    nickname: str = ""
    nicknames: set[str] = field(default_factory=set)  # other names it goes by ("tia")
    kind: str = ""  # pet | commune | region | country | foreign_city | venue ...
    head: str = ""  # an organisation's head noun
    gender: str = ""  # F | M | "" unknown
    age: int | None = None
    relation: str = ""  # "sa sœur", "son adjointe"
    notes: set[int] = field(default_factory=set)
    mentions: int = 0
    votes: dict[str, int] = field(default_factory=dict)  # gender -> evidence


@dataclass(frozen=True)
class Mention:
    """An entity of a note and the identity it names."""

    entity: Entity
    note: int
    identity: Identity | None
    parts: tuple[Part, ...] = ()


# -- reading a person's mention -----------------------------------------------


def _title_before(text: str, start: int) -> bool:
    return bool(TITLE_BEFORE.search(text[max(0, start - 16) : start]))


TITLE_BEFORE = re.compile(
    r"(?:^|[\s(«\"])(?:M|Mr|MM|Mme|Mmes|Mlle|Dr|Pr|Me|Monsieur|Madame|Mademoiselle|Docteur|"
    r"Professeur|Maître|Maitre)\.?\s+$"
)
# A first name this rare (INSEE tier) that is also a common surname is read as the
# surname when it stands alone ("M. Mercier" ... "Mercier"); tiers 1-2 stay first names.
RARE_FIRST_NAME = 3
# A form's surname field: "| NOM | DENIS |", "Nom de naissance : ARNAUD".
SURNAME_LABEL = re.compile(
    r"(?:^|[|*])[ \t*•-]*(?:NOM|Nom|nom)(?: (?:de famille|de naissance|d['’]usage|de jeune fille|"
    r"DE FAMILLE|DE NAISSANCE|D['’]USAGE))?[ \t*]*[:|][ \t*]*$"
)
HOUSEHOLD_BEFORE = re.compile(r"(?:^|\s)(?:les|des|aux|chez les)\s+$", re.IGNORECASE)


def parse_person(entity: Entity, text: str) -> tuple[Part, ...]:
    """The parts of a person's mention: first names, surname, initials, nickname.

    A mention found in a file name or a slug ("julien-marchand") is read as the
    name it stands for (the hint `as`)."""
    written = entity.hint("as") or entity.text
    raw = [m.group() for m in TOKEN.finditer(written)]
    raw = [t.strip(".,;:!?'’") if not INITIALS.fullmatch(t) else t for t in raw]
    raw = [t for t in raw if t]
    hint = entity.hint("part")
    if entity.hint("kind") == "pet" or (hint == "nickname" and len(raw) == 1):
        return tuple(Part(t, "nickname") for t in raw)
    if len(raw) == 1 and _letters_nickname(raw[0]):
        return (Part(raw[0], "nickname"),)  # "JB", "KHR": letters standing for someone
    parts: list[Part] = []
    names: list[str] = []
    for i, tok in enumerate(raw):
        if INITIALS.fullmatch(tok):
            parts.append(Part(tok, "initial"))
        elif is_surname_particle(tok) and i + 1 < len(raw) and not INITIALS.fullmatch(raw[i + 1]):
            parts.append(Part(tok, "particle"))
        else:
            parts.append(Part(tok, "name"))
            names.append(tok)
    first_initial = next((i for i, p in enumerate(parts) if p.role == "initial"), None)
    first_name_at = next((i for i, p in enumerate(parts) if p.role == "name"), None)
    # "S. Rigal": initials, then the surname; "Prune V.": the first name, then initials
    initials_first = first_initial is not None and (
        first_name_at is None or first_initial < first_name_at
    )
    roles = iter(_name_roles(names, entity, text, has_initials=initials_first))
    out: list[Part] = []
    initials = [i for i, p in enumerate(parts) if p.role == "initial"]
    for i, p in enumerate(parts):
        if p.role == "name":
            out.append(Part(p.text, next(roles)))
        elif p.role == "initial":
            # initials alone: the last of several tokens is the surname's ("M. D.");
            # after a first name they are the surname's ("Prune V.")
            after_first = first_name_at is not None and i > first_name_at
            last_of_several = not names and len(initials) > 1 and i == initials[-1]
            role = "last-initial" if after_first or last_of_several else "first-initial"
            out.append(Part(p.text, role))
        else:
            out.append(p)
    return tuple(out)


def _letters_nickname(token: str) -> bool:
    """Two or three capitals that are neither a first name nor a surname ("JB")."""
    return (
        2 <= len(token) <= 3
        and token.isalpha()
        and token.isupper()
        and first_name_gender(token) is None
        and not is_surname(token)
    )


def letters_of(text: str) -> str:
    """The capital letters of initials: 'J.-P.' -> 'JP'."""
    return "".join(c for c in text if c.isalpha()).upper()


def _name_roles(names: list[str], entity: Entity, text: str, has_initials: bool) -> list[str]:
    if not names:
        return []
    if len(names) == 1:
        tok = names[0]
        hint = entity.hint("part")
        before = text[max(0, entity.start - 16) : entity.start]
        if hint != "nickname" and (
            _title_before(text, entity.start)
            or HOUSEHOLD_BEFORE.search(before)
            or SURNAME_LABEL.search(text[text.rfind("\n", 0, entity.start) + 1 : entity.start])
        ):
            return ["last"]  # "M. François", "les Arnaud", "| NOM | DENIS |"
        if hint in ("first", "nickname"):
            return ["first"]
        if hint == "last" or has_initials:
            return ["last"]  # "S. Rigal", "H.-C. FAUCHER": initials, then the surname
        known = first_name(tok[:1].upper() + tok[1:].lower() if tok.isupper() else tok)
        if known is None and (tok.isupper() or is_surname(tok)):
            return ["last"]
        if known is not None and known.tier >= RARE_FIRST_NAME and is_surname(tok):
            return ["last"]  # "Mercier", "Hébert": rare first names, common surnames
        return ["first"]
    if len({fold(t) for t in names}) == 1:
        return _name_roles(names[:1], entity, text, has_initials) * len(names)
    caps = [t.isupper() and len(t) > 1 for t in names]
    if any(caps) and not all(caps):
        return ["last" if c else "first" for c in caps]  # "DUPONT Jeanne", "Jeanne DUPONT"
    firsts = [first_name_gender(t) is not None for t in names]
    if not firsts[0] and firsts[-1] and is_surname(names[0]):
        return ["last"] * (len(names) - 1) + ["first"]  # "Dupont Jeanne"
    # "Jean Pierre Marchand": leading first names, then the surname
    roles = ["first"]
    for i in range(1, len(names)):
        roles.append(
            "first" if roles[-1] == "first" and firsts[i] and i < len(names) - 1 else "last"
        )
    return roles


def _joined(parts: Sequence[Part], role: str) -> str:
    keys = [p.key for p in parts if p.role == role or (role == "last" and p.role == "particle")]
    # a name said twice in a row ("Thérèse Thérèse" in a dictation) is said once
    return " ".join(k for i, k in enumerate(keys) if i == 0 or k != keys[i - 1])


# -- gender, relation and age cues ------------------------------------------------


@dataclass(frozen=True)
class Cues:
    """Words before a mention that say who the person is."""

    feminine: re.Pattern
    masculine: re.Pattern
    relation: re.Pattern
    address: re.Pattern  # "Mamie", "Tonton": a relation word used as a name's title


def _cues() -> Cues:
    rows = [r.split("\t")[:3] for r in lines("relation_words.tsv")]
    relations = {w: g for w, g, _kind in rows}
    address = [w for w, _g, kind in rows if kind == "address"]
    fem_titles = ["Mme", "Mmes", "Madame", "Mlle", "Mademoiselle", "née", "mariée", "cliente",
                  "coachée", "associée", "directrice", "cheffe"]  # fmt: skip
    masc_titles = ["M", "Monsieur", "Mr", "né", "marié", "client", "coaché", "associé",
                   "directeur", "chef"]  # fmt: skip
    fem = fem_titles + [w for w, g in relations.items() if g == "F"]
    masc = masc_titles + [w for w, g in relations.items() if g == "M"]

    def alternation(ws: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(set(ws), key=len, reverse=True))

    return Cues(
        re.compile(rf"(?:^|[^\w])(?:{alternation(fem)})\.?,?\s+$", re.IGNORECASE),
        re.compile(rf"(?:^|[^\w])(?:{alternation(masc)})\.?,?\s+$", re.IGNORECASE),
        re.compile(
            rf"(?:^|[^\w])(?P<phrase>(?:mon|ma|son|sa|leur|notre|votre|ses|mes|leurs)\s+"
            rf"(?:(?:petite?|grande?|belle|beau|demi|ex)-?\s*)?(?:{alternation(list(relations))}))"
            rf",?\s+$",
            re.IGNORECASE,
        ),
        re.compile(rf"(?:^|[^\w-])(?P<phrase>{alternation(address)})\s+$", re.IGNORECASE),
    )


_CUES: Cues | None = None


def cues() -> Cues:
    global _CUES
    if _CUES is None:
        _CUES = _cues()
    return _CUES


FEMININE_AFTER = re.compile(
    r"^[^.!?\n]{0,30}?\b(?:elle|est\s+(?:arrivée|venue|partie|née|mariée|rentrée|allée)|"
    r"s'est\s+\w+ée)\b"
)


def gender_evidence(entity: Entity, text: str, parts: Sequence[Part]) -> str:
    """'F', 'M' or '' from the words around one mention, then its first name."""
    before = text[max(0, entity.start - CUE_WINDOW) : entity.start]
    c = cues()
    if c.feminine.search(before):
        return "F"
    if c.masculine.search(before):
        return "M"
    hint = entity.hint("gender")
    if hint in ("F", "M"):
        return hint
    first = next((p for p in parts if p.role == "first"), None)
    if first is not None:
        gender = first_name_gender(first.text.split("-")[0]) or first_name_gender(first.text)
        if gender in ("F", "M"):
            return gender
    return ""


# Right after a name: a past participle or an adjective that agrees ("Kader, né en
# Algérie", "Nour, inquiète"), then the first subject pronoun of the sentence.
AGREEMENT_AFTER = re.compile(
    r"^\s*,\s*(?P<word>née?s?|mariée?|arrivée?|partie?|venue?|âgée?|divorcée?|veuve|veuf|"
    r"inquiète|inquiet|seule?|fatiguée?|enceinte|ravie?|épuisée?|installée?)\b",
    re.IGNORECASE,
)
PRONOUN_AFTER = re.compile(
    r"^(?:[^.!?\n]{0,50}?\b(?P<pronoun>[iI]l|[eE]lle)\b|[^.!?\n]{0,80}[.!?]\s+(?P<next>Il|Elle)\b)"
)
FEMININE_WORDS = frozenset(
    {"née", "nées", "mariée", "arrivée", "partie", "venue", "âgée", "divorcée", "veuve",
     "inquiète", "seule", "fatiguée", "enceinte", "ravie", "épuisée", "installée"}
)  # fmt: skip


def gender_after(entity: Entity, text: str) -> tuple[str, int]:
    """('F'|'M'|'', weight) from the words right after a mention: agreement weighs
    more than the sentence's next pronoun."""
    after = text[entity.end : entity.end + 60]
    m = AGREEMENT_AFTER.match(after)
    if m:
        return ("F" if m.group("word").lower() in FEMININE_WORDS else "M"), 2
    relation = relation_after(entity, text)
    if relation:
        gender = relation_words().get(relation, ("", ""))[0]
        if gender in ("F", "M"):
            return gender, 2
    m = PRONOUN_AFTER.match(text[entity.end : entity.end + 100])
    if m:
        pronoun = (m.group("pronoun") or m.group("next")).lower()
        return ("F" if pronoun == "elle" else "M"), 1
    return "", 0


def relation_after(entity: Entity, text: str) -> str:
    """The relation word a mention is followed by: "Biscotte, sa chienne", "Réglisse
    (le chat)" -> 'chienne', 'chat'."""
    m = _relation_after_pattern().match(text[entity.end : entity.end + 40])
    return fold(m.group("word")) if m else ""


@cache
def _relation_after_pattern() -> re.Pattern:
    words = "|".join(re.escape(w) for w in sorted(relation_words(), key=len, reverse=True))
    return re.compile(
        rf"^\s*[,(]\s*(?:(?:mon|ma|son|sa|notre|leur|votre|le|la|l['’])\s*)?(?P<word>{words})\b",
        re.IGNORECASE,
    )


def _strong_gender(entity: Entity, text: str) -> str:
    """The gender a title, a relation word or an agreement gives one mention."""
    before = text[max(0, entity.start - CUE_WINDOW) : entity.start]
    if cues().feminine.search(before):
        return "F"
    if cues().masculine.search(before):
        return "M"
    gender, weight = gender_after(entity, text)
    return gender if weight >= 2 else ""


def relation_kind(entity: Entity, text: str) -> str:
    """The kind of the relation word beside a mention ('pet' for "Biscotte, sa
    chienne" and "son lapin, Gilbert"; 'family', 'work'...), or ''."""
    kinds = relation_words()
    after = kinds.get(relation_after(entity, text), ("", ""))[1]
    if after:
        return after
    before = relation_before(entity, text).split()
    return kinds.get(before[-1], ("", ""))[1] if before else ""


def relation_before(entity: Entity, text: str) -> str:
    """The relation phrase that introduces a mention: 'sa sœur', 'son adjointe', or
    the family word a name is called by ("Mamie Jacqueline", "Tonton Marcel" ->
    'mamie', 'tonton'), which says the person's generation as well."""
    before = text[max(0, entity.start - CUE_WINDOW) : entity.start]
    m = cues().relation.search(before) or cues().address.search(before)
    return " ".join(m.group("phrase").lower().split()) if m else ""


# -- the book -------------------------------------------------------------------


class IdentityBook:
    """The identities of one scope and the mentions of each note.

    `build` reads every note of the scope at once (full names first), so the
    answer for a mention does not depend on which note came first.
    """

    def __init__(self) -> None:
        self.identities: list[Identity] = []
        self._by_key: dict[str, Identity] = {}
        self._counters: dict[str, int] = {}
        self.mentions: list[list[Mention]] = []
        self._next_note = 0  # notes of earlier calls keep their numbers
        # full names of the scope by first name and by surname (and their words)
        self._with_first: dict[str, list[Identity]] = {}
        self._with_last: dict[str, list[Identity]] = {}
        self._by_name: dict[str, list[tuple[Identity, str]]] = {}
        self._in_note: dict[int, list[Identity]] = {}
        # every folded word of the scope's notes that is capitalized or part of
        # a name: a pseudonym must never be one of them
        self.real_words: set[str] = set()
        # the words of the scope's detected names only: "pollen" of Pollen Data
        self.name_words: set[str] = set()

    # -- building ------------------------------------------------------------------
    def build(
        self,
        texts: Sequence[str],
        detected: Sequence[list[Entity]],
        owners: Sequence[int] | None = None,
    ) -> list[list[Mention]]:
        """Attach every entity of `texts` to an identity; `owners[i]` is the note
        text i belongs to (a file name belongs to its note), default itself.

        Notes are numbered across calls, so a pipeline that anonymizes one note,
        then another, keeps one book."""
        base = self._next_note
        owners = [base + o for o in (owners if owners is not None else range(len(texts)))]
        self._next_note = max(owners, default=base - 1) + 1
        for text, entities in zip(texts, detected, strict=True):
            self.real_words.update(key_of(w) for w in CAPITALIZED.findall(text) if len(w) > 1)
            for e in entities:
                if e.type in NAME_TYPES:
                    words = [w for w in key_of(e.text).split() if len(w) > 1]
                    self.real_words.update(words)
                    self.name_words.update(words)
        parsed = [
            [parse_person(e, t) if e.type == "PERSON" else () for e in entities]
            for t, entities in zip(texts, detected, strict=True)
        ]
        # pass 1: full names, in every note; then initials with a surname ("H.-C.
        # FAUCHER", "S. Rigal") that no full name of their note explains
        local: dict[int, list[Identity]] = {}
        identity: Identity | None  # pass 1 always has one, pass 2 may find none
        for anchored in (True, False):
            for i, entities in enumerate(detected):
                note = owners[i]
                for e, parts in zip(entities, parsed[i], strict=True):
                    if e.type != "PERSON" or e.hint("kind") == "pet":
                        continue
                    first, last = _joined(parts, "first"), _joined(parts, "last")
                    initials = "".join(
                        letters_of(p.text) for p in parts if p.role == "first-initial"
                    )
                    if anchored and first and last:
                        key = f"PERSON:{first}|{last}"
                    elif not anchored and not first and last and initials:
                        fits = [x for x in local.get(note, []) if _fits(x, parts, "")]
                        if len(fits) == 1:
                            continue
                        key = f"PERSON:{initials}.|{last}"
                    else:
                        continue
                    identity = self._identity(key, "PERSON", e.text)
                    identity.first = identity.first or first
                    identity.first_written = identity.first_written or _written(parts, "first")
                    identity.last = last
                    identity.initials = identity.initials or (initials if not first else "")
                    for index, value in ((self._with_first, first), (self._with_last, last)):
                        if value and identity not in index.setdefault(value, []):
                            index[value].append(identity)
                            for word in value.split():
                                if word != value and identity not in index.setdefault(word, []):
                                    index[word].append(identity)
                    if identity not in local.setdefault(note, []):
                        local[note].append(identity)
        # pass 2: every mention
        mentions_of_call: list[list[Mention]] = []
        for i, (text, entities) in enumerate(zip(texts, detected, strict=True)):
            note = owners[i]
            mentions = []
            seen: dict[tuple, Identity] = {}  # the same words read the same in a note
            previous: list[Mention] = []  # the last person named, for "dit JB"
            for k, (e, parts) in enumerate(zip(entities, parsed[i], strict=True)):
                identity = self._nickname_before(e, parts, text, entities, parsed[i], k, seen)
                if identity is None:
                    identity = self._attach(
                        e, parts, text, note, local.setdefault(note, []), seen, previous
                    )
                if identity is not None:
                    identity.notes.add(note)
                    identity.mentions += 1
                    if identity.type == "PERSON":
                        self._learn(identity, e, text, parts)
                mention = Mention(e, note, identity, parts)
                mentions.append(mention)
                if e.type == "PERSON":
                    previous[:] = [mention]
            mentions_of_call.append(mentions)
        mentions_of_call = self._merge_nicknamed(mentions_of_call)
        self.mentions.extend(mentions_of_call)
        self._ages(texts, detected, mentions_of_call)
        self._by_name = {}
        self._in_note = {}
        for identity in self.identities:
            if identity.type == "PERSON":
                identity.gender = _gender(identity)
                for note in identity.notes:
                    self._in_note.setdefault(note, []).append(identity)
                if identity.kind == "pet":
                    continue
                for role, value in (("first", identity.first), ("last", identity.last)):
                    for form in {value, value.replace(" ", "")} - {""}:
                        self._by_name.setdefault(form, []).append((identity, role))
        return mentions_of_call

    def _nickname_before(self, e, parts, text, entities, parsed, k, seen) -> Identity | None:
        """ "Titi (Thibaut Rouchon)", "Jo (Johanna Perrin, sa sœur)": a lone name
        right before a full name in brackets is that person's nickname."""
        if e.type != "PERSON" or len(parts) != 1 or parts[0].role not in ("first", "nickname"):
            return None
        if k + 1 >= len(entities) or entities[k + 1].type != "PERSON":
            return None
        nxt, nxt_parts = entities[k + 1], parsed[k + 1]
        first, last = _joined(nxt_parts, "first"), _joined(nxt_parts, "last")
        if not (first and last) or not NICKNAME_THEN_NAME.fullmatch(text[e.end : nxt.start]):
            return None
        if not NAME_CLOSES.match(text, nxt.end):
            return None  # "Paul (Pierre Martin était absent)": a remark, not a nickname
        genders = {first_name_gender(parts[0].text), first_name_gender(first.split()[0].title())}
        if {"F", "M"} <= genders:
            return None  # "Marc (Julie Ferry)": two people, not a nickname
        identity = self._identity(f"PERSON:{first}|{last}", "PERSON", nxt.text)
        if parts[0].key not in first.split():
            identity.nicknames.add(parts[0].key)
        seen[(key_of(e.text), ("first",))] = identity
        return identity

    def _merge_nicknamed(self, notes: list[list[Mention]]) -> list[list[Mention]]:
        """ "Marthe MARIE (« Caroline »)" then "Caroline Marie" in the signature: the
        nickname with the surname is the same person, not a second one."""
        merged: dict[int, Identity] = {}
        for mentions in notes:
            persons = {
                id(m.identity): m.identity
                for m in mentions
                if m.identity and m.identity.type == "PERSON"
            }
            nicknamed: dict[tuple[str, str], Identity] = {}
            for b in persons.values():
                for nick in b.nicknames:
                    nicknamed.setdefault((nick, b.last), b)
            for a in persons.values():
                same = nicknamed.get((a.first, a.last)) if a.first else None
                if same is not None and same is not a:
                    merged[id(a)] = same
        if not merged:
            return notes
        return [
            [
                Mention(m.entity, m.note, merged.get(id(m.identity), m.identity), m.parts)
                for m in mentions
            ]
            for mentions in notes
        ]

    def _identity(self, key: str, type_: str, canonical: str) -> Identity:
        identity = self._by_key.get(key)
        if identity is None:
            self._counters[type_] = self._counters.get(type_, 0) + 1
            identity = Identity(key, type_, self._counters[type_], canonical)
            self._by_key[key] = identity
            self.identities.append(identity)
        elif len(canonical) > len(identity.canonical):
            identity.canonical = canonical
        return identity

    def _attach(self, e, parts, text, note, local, seen, previous) -> Identity | None:
        if e.type in ("DATE", "AGE"):
            return None
        if e.type != "PERSON":
            key, canonical = _named_key(e)
            identity = self._identity(f"{e.type}:{key}", e.type, canonical)
            identity.kind = identity.kind or (e.hint("kind") or "")
            identity.head = identity.head or (e.hint("head") or "")
            return identity
        # a nickname and the same word read as a first name are one mention shape
        roles = tuple("first" if p.role == "nickname" else p.role for p in parts)
        surface = (key_of(e.text), roles)
        if surface in seen:
            return seen[surface]
        identity = self._person(e, parts, text, note, local, previous)
        seen[surface] = identity
        return identity

    def _person(self, e, parts, text, note, local: list[Identity], previous) -> Identity:
        if e.hint("kind") == "pet" or (relation_kind(e, text) == "pet" and len(parts) == 1):
            # "Céline, sa chienne": a pet, never the Céline Pascal of another note
            identity = self._identity(f"PET:{key_of(e.text)}", "PERSON", e.text)
            identity.kind = "pet"
            return identity
        first, last = _joined(parts, "first"), _joined(parts, "last")
        initials = "".join(letters_of(p.text) for p in parts if p.role == "first-initial")
        if first and last:
            return self._identity(f"PERSON:{first}|{last}", "PERSON", e.text)
        lone = len(parts) == 1 and parts[0].role in ("first", "nickname")
        if lone and previous and _introduced(text, previous[0].entity.end, e.start):
            identity = previous[0].identity  # "Logan Pontier, dit JB", "X (« Tïa » ...)"
            if identity is not None and identity.type == "PERSON":
                if parts[0].key not in identity.first.split():
                    identity.nicknames.add(parts[0].key)
                return identity
        gender = gender_evidence(e, text, parts)
        fits = [i for i in local if _fits(i, parts, gender)]
        if not fits and len(parts) == 1 and parts[0].role in ("first", "last"):
            # one word read one way that names someone of the note the other way:
            # "M. Nicaise" after "Waïl Nicaise" (Nicaise is a first name too)
            other = (Part(parts[0].text, "last" if parts[0].role == "first" else "first"),)
            fits = [
                i
                for i in local
                if i.last and (i.first or other[0].role == "last") and _fits(i, other, gender)
            ]
            if len(fits) == 1:
                return fits[0]
        if len(fits) == 1:
            return fits[0]
        if not fits and (first or last):
            pool = self._with_first.get(first, []) if first else self._with_last.get(last, [])
            folder = [i for i in pool if _fits(i, parts, gender)]
            if len(folder) == 1:
                local.append(folder[0])
                return folder[0]
        # its own identity, the same for the same words everywhere in the scope
        nickname = next((p for p in parts if p.role == "nickname"), None)
        if nickname is not None or first:
            first = first or (nickname.key if nickname is not None else "")
            # the same lone word names a man here and a woman there ("Papi Dédé",
            # "Dédé (Andrée)"): what the words around it say keeps them apart
            strong = _strong_gender(e, text)
            key = f"PERSON:first:{first}" + (f":{strong}" if strong else "")
        elif last:
            key = f"PERSON:{initials}.|{last}" if initials else f"PERSON:last:{last}"
        else:
            key = "PERSON:initials:" + "".join(letters_of(p.text) for p in parts)
        identity = self._identity(key, "PERSON", e.text)
        identity.first = identity.first or first
        identity.first_written = (
            identity.first_written
            or _written(parts, "first")
            or (nickname.text if nickname is not None else "")
        )
        identity.last = identity.last or last
        if not first:
            identity.initials = identity.initials or initials
        if identity not in local:
            local.append(identity)
        return identity

    def _learn(self, identity: Identity, e: Entity, text: str, parts) -> None:
        gender = gender_evidence(e, text, parts)
        if gender:
            # a title or a relation word says more than a first name's statistics
            before = text[max(0, e.start - CUE_WINDOW) : e.start]
            weight = 3 if cues().feminine.search(before) or cues().masculine.search(before) else 1
            identity.votes[gender] = identity.votes.get(gender, 0) + weight
        after, weight = gender_after(e, text)
        if after:
            identity.votes[after] = identity.votes.get(after, 0) + weight
        if not identity.relation:
            identity.relation = relation_before(e, text)
        if relation_kind(e, text) == "pet" and len(parts) == 1 and not identity.last:
            identity.kind = "pet"  # "Biscotte, sa chienne", "Réglisse (le chat)"

    def _ages(self, texts, detected, mentions_of_call) -> None:
        """An age right after a person ("Julien, 38 ans"), in the same table row as
        the person the row is about ("| Alain Schneider | fondateur | 78 ans |"),
        or a birth date after them ("Julien, né le 12/03/1985") is that person's:
        their pseudonym's first name is one of their generation."""
        from ..replace.coarsen import parse_age

        seen_ages: dict[int, tuple[Identity, dict[int, int]]] = {}  # identity -> note -> age
        for text, entities, mentions in zip(texts, detected, mentions_of_call, strict=True):
            last_person: Mention | None = None
            row_person: tuple[int, Mention] | None = None  # (line start, first person)
            for e, m in zip(entities, mentions, strict=True):
                line_start = text.rfind("\n", 0, e.start) + 1
                if e.type == "PERSON":
                    last_person = m
                    if row_person is None or row_person[0] != line_start:
                        row_person = (line_start, m)
                    continue
                if e.type not in ("AGE", "DATE"):
                    continue
                owner = None
                in_row = text[line_start : line_start + 1] == "|"
                # in a table, a name in another cell ("| Lina | petite-fille d'Alain |
                # 9 ans |") is not whom the age cell is about: the row's person is
                cut = r"[.!?\n|]" if in_row else r"[.!?\n]"
                if last_person is not None and last_person.identity:
                    gap = text[last_person.entity.end : e.start]
                    if len(gap) <= AGE_WINDOW and not re.search(cut, gap):
                        owner = last_person.identity
                if owner is None and in_row and row_person and row_person[0] == line_start:
                    owner = row_person[1].identity
                if owner is None:
                    continue
                age = None
                if e.type == "AGE":
                    value, unit = parse_age(e.text)
                    if value is not None and unit == "ans":
                        age = value
                elif BIRTH.search(text[max(0, e.start - 24) : e.start]):
                    year = re.search(r"\b(?:19|20)\d\d\b", e.text)
                    if year:
                        age = max(0, REFERENCE_YEAR - int(year.group()))
                if age is None:
                    continue
                seen_ages.setdefault(id(owner), (owner, {}))[1].setdefault(m.note, age)
                if owner.age is None:
                    owner.age = age
        self._split_generations(seen_ages, mentions_of_call)

    def _split_generations(self, seen_ages, mentions_of_call) -> None:
        """One first name, two generations: "Théodore, 78 ans" in one note and
        "Théodore, 9 ans" in another are two people, and each gets a first name of
        their own generation. Notes that give no age stay with the first one."""
        for identity, by_note in seen_ages.values():
            if identity.type != "PERSON" or len(by_note) < 2 or identity.kind == "pet":
                continue
            first_age = identity.age if identity.age is not None else next(iter(by_note.values()))
            moved: dict[int, Identity] = {}
            for note, age in by_note.items():
                if abs(age - first_age) < GENERATION_GAP:
                    continue
                other = self._identity(
                    f"{identity.key}@{age // 10 * 10}", "PERSON", identity.canonical
                )
                if other is not identity:
                    for name in (
                        "first",
                        "first_written",
                        "last",
                        "initials",
                        "nickname",
                        "relation",
                    ):
                        setattr(other, name, getattr(other, name) or getattr(identity, name))
                    other.nicknames |= identity.nicknames
                    other.votes = other.votes or dict(identity.votes)
                    other.age = other.age if other.age is not None else age
                    moved[note] = other
            for mentions in mentions_of_call:
                for k, m in enumerate(mentions):
                    if m.identity is identity and m.note in moved:
                        other = moved[m.note]
                        mentions[k] = Mention(m.entity, m.note, other, m.parts)
                        other.notes.add(m.note)
                        other.mentions += 1
            identity.notes -= set(moved)

    # -- queries -----------------------------------------------------------------------
    def persons_of(self, note: int) -> list[Identity]:
        return self._in_note.get(note, [])

    def person_with_token(
        self, token: str, note: int, scope_only: bool = False
    ) -> tuple[Identity, str] | None:
        """The person of a note (else of the scope) one of whose names is `token`,
        with the role of that name: e-mail local parts and slugs name people.
        `scope_only`: the note only (an organisation named after someone of it)."""
        found = self._by_name.get(key_of(token), [])
        in_note = [(i, role) for i, role in found if note in i.notes]
        for candidates in (in_note, [] if scope_only else found):
            if len({id(i) for i, _ in candidates}) == 1:
                return candidates[0]
        return None

    def people_with_token(self, token: str, note: int) -> list[tuple[Identity, str]]:
        """Every person of a note one of whose names is `token`, with its role."""
        return [(i, role) for i, role in self._by_name.get(key_of(token), []) if note in i.notes]

    def place_in(self, name: str, note: int) -> Identity | None:
        """The place of `note` called `name` ("meuse" in a handle), if the note names it."""
        found = self._by_key.get(f"LOCATION:{key_of(name)}")
        return found if found is not None and note in found.notes else None

    def place(self, name: str) -> Identity:
        """The place identity of a town named inside an organisation ("CHU de Nantes")."""
        return self._identity(f"LOCATION:{key_of(name)}", "LOCATION", name)


CAPITALIZED = re.compile(r"(?<![\w-])[A-ZÀ-Ý][\wÀ-ÿ]*")
# Between a name and the nickname it is known by: ", dit ", " (« ", ", alias ".
INTRODUCED = re.compile(
    r"\s*(?:,\s*)?(?:(?:dite?|alias|surnommée?|appelée?|aka)\s+[«\"“(]?|\(\s*[«\"“]?|[«\"“])\s*",
    re.IGNORECASE,
)


# Between a nickname and the full name it stands for: "Titi (Thibaut", "Jo («Johanna".
NICKNAME_THEN_NAME = re.compile(r"\s*\(\s*[«\"“]?\s*")
# What follows that full name: the bracket closes or a comment starts ("Jo
# (Johanna Perrin, sa sœur)").
NAME_CLOSES = re.compile(r"\s*[»\"”]?\s*[),;]")


# A date of birth's frame: "né le 12/03/1985", "née à Lyon le", "Date de naissance :",
# "DDN". With the town and the first name, the exact month singles a person out:
# the date keeps only its decade (replace/dates.py), and it gives the person's age.
BIRTH = re.compile(
    r"(?:\bnée?s?\b(?:\s*\(e\))?[^.;:!?\n\d]{0,30}(?::[ \t]*)?"
    r"|\b(?:naissance|DDN|DN)\s*[:=|]?)\s*$",
    re.IGNORECASE,
)
# The year ages are counted from when a note gives a birth year.
# Two ages of one first name this far apart, in two notes, are two people.
GENERATION_GAP = 25
REFERENCE_YEAR = 2025


def _named_key(e: Entity) -> tuple[str, str]:
    """The key and the full name of a place or an organisation, however it is
    written: "au Mans" and "72100 Le Mans" are one town, "chez Ty Glaz" and
    "Conserverie Ty Glaz" one company (its head noun apart)."""
    if e.type == "LOCATION":
        place = place_entry(e.text)
        if place is not None:
            name = place.alias_of or place.name
            return key_of(name), name
    if e.type == "ORG":
        # "Lumeo" is "Lumeo Robotics": a name's trailing business word apart too
        name = org_name(e.text, e.hint("head") or "")
        if name != e.text.strip() or org_head(e.text, e.hint("head") or "") is None:
            return "name:" + key_of(name), e.text
    return key_of(e.text), e.text


def _introduced(text: str, end: int, start: int) -> bool:
    """Whether the words between a name and a mention give that name's nickname."""
    return 0 <= start - end <= 20 and bool(INTRODUCED.fullmatch(text[end:start]))


def _written(parts: Sequence[Part], role: str) -> str:
    return " ".join(p.text for p in parts if p.role == role)


def _gender(identity: Identity) -> str:
    """The gender a person's pseudonym takes.

    A common first name keeps its gender (INSEE tiers 1-2: "Julien", "Andrée"):
    it is what a reader knows of it. A rare name, a nickname or an epicene one
    ("Kader", "Bibi", "Nour") takes what the text says: titles, relation words,
    agreement ("né en Algérie", "inquiète"), pronouns; then the lexicon's guess."""
    lexicon, tier = "", 9
    if identity.first and identity.kind != "pet":
        written = identity.first_written or identity.first.title()
        # "Marie-Évelyne": the first part that has a gender of its own decides
        for name in (written, *re.split(r"[ -]", written)):
            entry = first_name(name if name[:1].isupper() else name.title())
            if entry is not None and entry.gender in ("F", "M"):
                lexicon, tier = entry.gender, entry.tier
                break
    if lexicon and tier <= 2:
        return lexicon
    f, m = identity.votes.get("F", 0), identity.votes.get("M", 0)
    return "F" if f > m else "M" if m > f else lexicon


def _fits(identity: Identity, parts: Sequence[Part], gender: str) -> bool:
    """Whether a partial mention can name `identity`."""
    if identity.type != "PERSON" or identity.kind == "pet":
        return False
    if gender and identity.gender and gender != identity.gender:
        return False
    names = [p for p in parts if p.role in ("first", "last")]
    for p in names:
        if (
            p.role == "first"
            and p.key != identity.first
            and p.key not in identity.first.split()
            and p.key not in identity.nicknames
        ):
            return False
        if (
            p.role == "last"
            and p.key != identity.last
            and p.key not in identity.last.split()
            and not identity.last.endswith(" " + p.key)  # "Floc'h" of "Le Floc'h"
        ):
            return False
    for p in parts:
        if (
            p.role == "first-initial"
            and letters_of(p.text) != first_initials(identity)[: len(letters_of(p.text))]
        ):
            return False
        if p.role == "last-initial" and not identity.last.startswith(
            letters_of(p.text).lower()[:1]
        ):
            return False
        if (
            p.role == "nickname"
            and p.key not in identity.nicknames
            and not nickname_fits(p.key, identity.first)
            and not _initials_fit(p.text, identity)
        ):
            return False
    return bool(names) or any(
        p.role in ("first-initial", "last-initial", "nickname") for p in parts
    )


def first_initials(identity: Identity) -> str:
    """The initials of a person's first name(s): 'jean pierre' -> 'JP'; known initials else."""
    if identity.first:
        return "".join(w[0] for w in re.split(r"[ -]", identity.first) if w).upper()
    return identity.initials


def _initials_fit(nick: str, identity: Identity) -> bool:
    """'JM' for Julien Marchand, 'JPM' for Jean-Pierre Marchand: a vault's alias."""
    if not (nick.isupper() and nick.isalpha() and identity.first and identity.last):
        return False
    return nick == first_initials(identity) + identity.last.split()[-1][:1].upper()


def reduplicated(nick: str, first: str) -> bool:
    """'juju' of 'justine', 'titi' of 'thibaut' or 'christine', 'mimi' of
    'emilie': a syllable of the first name said twice."""
    half = len(nick) // 2
    if len(nick) < 4 or len(nick) % 2 or nick[:half] != nick[half:]:
        return False
    syllable = nick[:half]
    plain = re.sub(r"(?<=[tp])h", "", first)  # "thi" says "ti"
    return syllable in plain and any(c in "aeiouy" for c in syllable)


def nickname_fits(nick: str, first: str) -> bool:
    """'vic' fits 'victoire', 'juju' fits 'justine', 'jb' fits 'jean baptiste'."""
    if not first or not nick:
        return False
    compact = first.replace(" ", "")
    if len(nick) >= 2 and compact.startswith(nick) and nick != compact:
        return True
    if reduplicated(nick, compact):
        return True
    words = first.split()
    return len(words) > 1 and nick == "".join(w[0] for w in words)
