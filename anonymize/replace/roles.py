"""The roles style: people known by what the note says they are.

This is how published case illustrations read: "ma cliente, la trentaine,
vit dans une ville moyenne avec son mari; sa sœur l'aide". Per note:

- the client (the person the note is about: `client` in the config, else
  the person of the note named most often who is nobody's relative) becomes
  "ma cliente" / "mon client";
- a relative or colleague introduced by a relation word keeps only that
  relation: "sa sœur Capucine est venue" -> "sa sœur est venue", and later
  "Capucine" -> "sa sœur";
- anyone else becomes "une autre personne";
- a place becomes its kind and size ("une ville moyenne"), an organisation
  its head noun with an article ("un CHU", "une agence") or "une structure".

A title in front of a role is dropped by grammar repair: never "Mme ma
cliente".
"""

from __future__ import annotations

from collections.abc import Sequence

from recognizers.lexicons import org_head

from ..config import Config
from ..detect.identities import Identity, IdentityBook, Mention, key_of
from .places import generalized
from .pseudonyms import PseudonymStyle
from .styles import EMPTY

# Kinds of organisation -> the noun phrase that says what it is without its name.
ORG_KINDS = {
    "school": "un établissement scolaire",
    "hospital": "un établissement de santé",
    "care": "une structure de soins",
    "nursing_home": "un EHPAD",
    "childcare": "une structure d'accueil",
    "club": "un club",
    "association": "une association",
    "company": "une entreprise",
    "shop": "un commerce",
    "farm": "une exploitation",
    "ensemble": "un ensemble",
    "funder": "un organisme financeur",
    "public": "un organisme public",
    "insurance": "une mutuelle",
    "union": "un syndicat",
}
FEMININE_HEADS = frozenset(
    {"agence", "association", "clinique", "crèche", "école", "entreprise", "coopérative",
     "mutuelle", "banque", "société", "université", "ferme", "fondation", "librairie",
     "pharmacie", "boulangerie", "épicerie", "maison"}
)  # fmt: skip


class RolesStyle(PseudonymStyle):
    name = "roles"

    def __init__(self, book: IdentityBook, config: Config, table: dict[str, str] | None = None):
        super().__init__(book, config, table)
        self._clients: dict[int, Identity | None] = {}

    def prepare(self, texts: Sequence[str], mentions: Sequence[list[Mention]]) -> None:
        super().prepare(texts, mentions)
        for note_mentions in mentions:
            if note_mentions:
                note = note_mentions[0].note
                self._clients[note] = self._client_of(note_mentions)

    def _client_of(self, mentions: list[Mention]) -> Identity | None:
        persons = [m.identity for m in mentions if m.identity and m.identity.type == "PERSON"]
        persons = [p for p in persons if p.kind != "pet"]
        if not persons:
            return None
        if self.config.client:
            wanted = key_of(self.config.client)
            tokens = set(wanted.split())
            for p in persons:
                if key_of(p.canonical) == wanted:
                    return p
            for p in persons:
                if tokens <= set((p.first + " " + p.last).split()):
                    return p
            return None
        counts: dict[int, int] = {}
        for p in persons:
            counts[id(p)] = counts.get(id(p), 0) + 1
        candidates = [p for p in dict.fromkeys(persons) if not p.relation]
        if not candidates:
            return None
        return max(candidates, key=lambda p: counts[id(p)])

    def render(self, mention: Mention, text: str) -> str:
        e = mention.entity
        identity = mention.identity
        if identity is None:
            return super().render(mention, text)
        if e.type == "PERSON":
            return self._person(mention, identity, text)
        if e.type == "LOCATION":
            return generalized(identity.canonical, self.places.kind(identity))
        if e.type == "ORG":
            return self._organisation(identity, e.text)
        return super().render(mention, text)

    def _person(self, mention: Mention, identity: Identity, text: str) -> str:
        if identity.kind == "pet":
            return super().render(mention, text)
        client = self._clients.get(mention.note)
        gender = self.persons.gender(identity)
        if identity is client:
            return "ma cliente" if gender == "F" else "mon client"
        relation = identity.relation
        if relation:
            before = text[max(0, mention.entity.start - 40) : mention.entity.start]
            if before.rstrip(" ,").lower().endswith(relation.split()[-1]):
                return EMPTY  # "sa sœur Capucine est venue" -> "sa sœur est venue"
            return relation
        return "une autre personne"

    def _organisation(self, identity: Identity, original: str) -> str:
        found = org_head(original, identity.head)
        if found is not None:
            head, _kind, _ = found
            noun = head.split()[-1]
            if noun.isupper():
                return f"un {noun}"
            article = "une" if noun.lower() in FEMININE_HEADS else "un"
            return f"{article} {noun.lower()}"
        return ORG_KINDS.get(identity.kind, "une structure")
