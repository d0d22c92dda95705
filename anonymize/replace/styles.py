"""The simple styles: typed placeholders (redact) and black bars (mask).

The pseudonym and roles styles live in `pseudonyms.py`. A style gives the
replacement string of each entity; `splice.apply` puts them in the text.
"""

from __future__ import annotations

from ..detect.identities import IdentityBook
from ..entities import Entity

LABELS = {
    "PERSON": "PERSONNE",
    "LOCATION": "LIEU",
    "ORG": "ORGANISATION",
    "ADDRESS": "ADRESSE",
    "EMAIL": "EMAIL",
    "PHONE": "TELEPHONE",
    "URL": "URL",
    "DATE": "DATE",
    "AGE": "AGE",
    "ID": "IDENTIFIANT",
}
MASK = "█████"
# Presidio's replace operator treats "" as "use the entity type": an empty
# replacement travels as this invisible mark and grammar.repair removes it.
EMPTY = "\u2063"


class RedactStyle:
    """Typed, numbered placeholders, consistent across the scope: [PERSONNE_1]."""

    name = "redact"

    def __init__(self, book: IdentityBook) -> None:
        self.book = book

    def replacement(self, entity: Entity, text: str) -> str:
        identity = self.book.identity_of(entity)
        return f"[{LABELS.get(entity.type, entity.type)}_{identity.number}]"


class MaskStyle:
    """Black bars: nothing of the original, not even its length."""

    name = "mask"

    def __init__(self, book: IdentityBook) -> None:
        self.book = book

    def replacement(self, entity: Entity, text: str) -> str:
        return MASK
