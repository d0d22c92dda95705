"""Who is who: group the mentions of one person (or place, or organisation).

"Julien Marchand", "Julien", "M. Marchand" and "MARCHAND" are one person and
must get one pseudonym or one placeholder number. A full name (two name
tokens or more) founds an identity; a lone token joins the identity whose full
name contains it, when there is exactly one such identity in the scope.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..entities import Entity
from .propagate import _name_tokens

CAPITALIZED = re.compile(r"(?<![\w-])[A-ZÀ-Ý][\wÀ-ÿ]*")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Case-, accent- and spacing-insensitive key of a surface form."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s'’.\-]+", " ", text).strip()


@dataclass
class Identity:
    """One real person, place, organisation or value, with its numbered key."""

    type: str
    number: int
    canonical: str
    tokens: tuple[str, ...] = ()
    # first seen mentions: token -> role ("first", "last") for persons
    parts: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)
    mentions: int = 0


class IdentityBook:
    """Assigns every entity of a scope (a note or a batch) to an Identity."""

    def __init__(self) -> None:
        self.identities: list[Identity] = []
        self._by_key: dict[tuple[str, str], Identity] = {}
        self._by_token: dict[str, set[int]] = {}
        self._counters: dict[str, int] = {}
        # every normalized word of a real name, place or organisation seen in
        # the scope: a pseudonym must never be one of them
        self.real_words: set[str] = set()

    def _new(self, type_: str, canonical: str, tokens: tuple[str, ...] = ()) -> Identity:
        self._counters[type_] = self._counters.get(type_, 0) + 1
        identity = Identity(type_, self._counters[type_], canonical, tokens)
        self.identities.append(identity)
        return identity

    def register_text(self, text: str) -> None:
        """Every capitalized word of a note is off limits as a pseudonym, detected or not."""
        self.real_words.update(normalize(w) for w in CAPITALIZED.findall(text) if len(w) > 1)

    def register(self, entities: list[Entity]) -> None:
        """Learn the identities of a scope; full names first, so tokens can join them."""
        for e in entities:
            if e.type in ("PERSON", "LOCATION", "ORG"):
                self.real_words.update(w for w in normalize(e.text).split() if len(w) > 1)
        persons = [e for e in entities if e.type == "PERSON"]
        full = [e for e in persons if len(_name_tokens(e)) >= 2]
        for e in sorted(full, key=lambda e: -len(_name_tokens(e))):
            key = ("PERSON", normalize(e.text))
            if key in self._by_key:
                continue
            tokens = tuple(normalize(t) for t in _name_tokens(e))
            matches = self._common_identity(tokens)
            identity = matches if matches is not None else self._new("PERSON", e.text, tokens)
            self._by_key[key] = identity
            index = self.identities.index(identity)
            for t in tokens:
                self._by_token.setdefault(t, set()).add(index)
            for k, v in e.hints:
                identity.hints.setdefault(k, v)
        for e in entities:
            identity = self.identity_of(e)
            identity.mentions += 1
            for k, v in e.hints:
                identity.hints.setdefault(k, v)

    def _common_identity(self, tokens: tuple[str, ...]) -> Identity | None:
        """The one identity that already holds all these tokens, if any."""
        candidates: set[int] | None = None
        for t in tokens:
            owners = self._by_token.get(t, set())
            candidates = owners if candidates is None else candidates & owners
        if candidates and len(candidates) == 1:
            return self.identities[next(iter(candidates))]
        return None

    def identity_of(self, entity: Entity) -> Identity:
        key = (entity.type, normalize(entity.text))
        if key in self._by_key:
            return self._by_key[key]
        identity = None
        if entity.type == "PERSON":
            tokens = tuple(normalize(t) for t in _name_tokens(entity))
            if tokens:
                identity = self._common_identity(tokens)
        if identity is None:
            identity = self._new(entity.type, entity.text)
            identity.hints.update(dict(entity.hints))
        self._by_key[key] = identity
        return identity
